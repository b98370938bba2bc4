// JsonText: parsing the JSON text of scenes and mirror settings, with errors that name file:line.
// Here because the mirror module is the lowest one that already exports nlohmann::json.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "mimesis/core/Error.hpp"

namespace mimesis {

// The parsed document, or BadInput "where:LINE: not valid JSON: <the parser's reason>" (without a
// line for a number beyond double range, which nlohmann reports without a position).
Result<nlohmann::json> parseJsonText(std::string_view text, const std::string& where);

}  // namespace mimesis
