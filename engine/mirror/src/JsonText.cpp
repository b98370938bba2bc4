// JsonText: nlohmann's exceptions turned into Errors naming file:line.
#include "mimesis/mirror/JsonText.hpp"

namespace mimesis {
namespace {

// `byte`: 1-based offset the parser stopped at (parse_error::byte), 0 when it did not say.
Error syntaxError(std::string_view text, std::size_t byte, std::string_view what, const std::string& where) {
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

}  // namespace

Result<nlohmann::json> parseJsonText(std::string_view text, const std::string& where) {
  try {
    return nlohmann::json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::parse_error& e) {
    return syntaxError(text, e.byte, e.what(), where);
  } catch (const nlohmann::json::exception& e) {
    return syntaxError(text, 0, e.what(), where);
  }
}

}  // namespace mimesis
