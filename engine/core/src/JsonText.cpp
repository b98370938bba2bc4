// JsonText: JSON string literals through nlohmann-json's serializer.
#include "mimesis/core/JsonText.hpp"

#include <nlohmann/json.hpp>

namespace mimesis {

std::string jsonQuoted(std::string_view text) {
  return nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace mimesis
