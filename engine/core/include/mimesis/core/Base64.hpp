// Base64 (RFC 4648, standard alphabet, '=' padding): pictures embedded in the HTML reports.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mimesis {

// Every 3 bytes become 4 characters; the last group is padded with '=' to 4.
std::string base64Encode(std::string_view bytes);

// The bytes back, or nothing when `text` is not padded base64 of the standard alphabet (length
// not a multiple of 4, a character outside it, padding other than at the end). Tests and tools
// read embedded pictures back with it.
std::optional<std::string> base64Decode(std::string_view text);

}  // namespace mimesis
