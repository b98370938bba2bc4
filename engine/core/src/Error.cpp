// Error formatting shared by every command's messages.
#include "mimesis/core/Error.hpp"

namespace mimesis {

const char* toString(ErrorCode code) {
  switch (code) {
    case ErrorCode::BadInput: return "bad input";
    case ErrorCode::Io: return "I/O error";
    case ErrorCode::Unsupported: return "unsupported";
    case ErrorCode::Limit: return "limit exceeded";
    case ErrorCode::Internal: return "internal error";
    case ErrorCode::Device: return "device error";
  }
  return "unknown error";
}

std::string Error::describe() const {
  if (where.empty()) return message;
  return where + ": " + message;
}

Error makeError(ErrorCode code, std::string message, std::string where) {
  return Error{code, std::move(message), std::move(where)};
}

}  // namespace mimesis
