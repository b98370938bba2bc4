// Internal: a whole file read into one buffer of exactly its size, for the parsers that take a
// string_view. (Deliberately not mmap: see WholeFile.cpp.)
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "mimesis/core/Error.hpp"

namespace mimesis::detail {

class WholeFile {
 public:
  // ErrorCode::Io if the file cannot be opened or read; ErrorCode::Limit if it is
  // larger than maxBytes (refused before mapping). An empty file maps to an empty view.
  static Result<WholeFile> open(const std::string& path, std::size_t maxBytes);

  WholeFile(WholeFile&& other) noexcept;
  WholeFile& operator=(WholeFile&& other) noexcept;
  WholeFile(const WholeFile&) = delete;
  WholeFile& operator=(const WholeFile&) = delete;
  ~WholeFile();

  // The file's bytes, valid while this object lives.
  std::string_view text() const { return {data_, size_}; }

 private:
  WholeFile(const char* data, std::size_t size) : data_(data), size_(size) {}
  void release();  // frees data_
  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace mimesis::detail
