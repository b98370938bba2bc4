// JsonSyntaxError: turning a JSON parser's complaint into an Error that names file:line, for
// every module that reads JSON (scenes, mirror settings, scoring settings).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "mimesis/core/Error.hpp"

namespace mimesis {

// `byte` is the 1-based offset the parser stopped at (nlohmann::json::parse_error::byte);
// `what` its message. The result reads "where:LINE: not valid JSON: <the parser's reason>".
inline Error jsonSyntaxError(std::string_view text, std::size_t byte, std::string_view what, const std::string& where) {
  int line = 1;
  const std::size_t end = byte > 0 && byte - 1 < text.size() ? byte - 1 : text.size();
  for (std::size_t i = 0; i < end; ++i)
    if (text[i] == '\n') ++line;
  // nlohmann's text is "[json.exception.parse_error.101] parse error at line L, column C: reason";
  // the line is in `where` already, so only the reason is kept.
  std::string reason(what);
  if (const auto colon = reason.find(": "); colon != std::string::npos) reason = reason.substr(colon + 2);
  return makeError(ErrorCode::BadInput, "not valid JSON: " + reason, where + ":" + std::to_string(line));
}

}  // namespace mimesis
