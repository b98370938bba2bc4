// JsonText: a string as a JSON string literal, for writers that stream JSON text themselves.
#pragma once

#include <string>
#include <string_view>

namespace mimesis {

// `text` in double quotes, escaped as nlohmann-json escapes it (\" \\ \b \f \n \r \t, other
// control characters as \u00xx, everything else as is); bytes that are not UTF-8 become U+FFFD,
// so the result is always valid JSON. Writers that build a document as a tree use nlohmann-json
// itself; this is for the line-by-line writers (clip JSON Lines, batch results).
std::string jsonQuoted(std::string_view text);

}  // namespace mimesis
