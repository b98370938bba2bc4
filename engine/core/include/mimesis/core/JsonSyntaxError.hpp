// JsonSyntaxError: turning a JSON parser's complaint into an Error that names file:line, for
// every module that reads JSON (scenes, mirror settings, scoring settings).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "mimesis/core/Error.hpp"

namespace mimesis {

// `byte` is the 1-based offset the parser stopped at (nlohmann::json::parse_error::byte), or 0
// when the parser did not say (its out_of_range for a number too large for a double); `what` is
// its message. The result reads "where:LINE: not valid JSON: <the parser's reason>" ("where: ..."
// without a position).
inline Error jsonSyntaxError(std::string_view text, std::size_t byte, std::string_view what, const std::string& where) {
  // nlohmann's text is "[json.exception.parse_error.101] parse error at line L, column C: reason"
  // or "[json.exception.out_of_range.406] number overflow parsing '1e999'"; the line goes into
  // `where`, so only the reason is kept.
  std::string reason(what);
  if (const auto colon = reason.find(": "); byte > 0 && colon != std::string::npos)
    reason = reason.substr(colon + 2);
  else if (const auto bracket = reason.find("] "); bracket != std::string::npos)
    reason = reason.substr(bracket + 2);
  if (byte == 0) return makeError(ErrorCode::BadInput, "not valid JSON: " + reason, where);
  int line = 1;
  const std::size_t end = byte - 1 < text.size() ? byte - 1 : text.size();
  for (std::size_t i = 0; i < end; ++i)
    if (text[i] == '\n') ++line;
  return makeError(ErrorCode::BadInput, "not valid JSON: " + reason, where + ":" + std::to_string(line));
}

}  // namespace mimesis
