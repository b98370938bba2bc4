// Internal: reading a whole plain or gzip-compressed text file, with a size limit.
#pragma once

#include <cstddef>
#include <string>

#include "mimesis/core/Error.hpp"

namespace mimesis::detail {

// Reads `path` through zlib, which passes plain files through unchanged, so callers need not
// know whether it is compressed. Errors name the file: Io (cannot open), BadInput (corrupt or
// truncated gzip data, with zlib's reason), Limit (more than `maxBytes` after decompression;
// reading stops there, so a gzip bomb costs at most maxBytes of memory).
Result<std::string> readTextFile(const std::string& path, std::size_t maxBytes);

}  // namespace mimesis::detail
