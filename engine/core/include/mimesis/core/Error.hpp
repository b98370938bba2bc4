// Error and Result<T>: how GPU-free modules report failure — a code, a reason, and where.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace mimesis {

// What kind of failure; the command line maps BadInput to exit code 2.
enum class ErrorCode {
  BadInput,     // malformed or inconsistent file contents or arguments
  Io,           // the file could not be opened, read or written
  Unsupported,  // a valid input this build cannot handle (e.g. unknown format)
  Limit,        // the input declares sizes beyond the configured resource limits
  Internal,     // a bug in Mimesis
  Device,       // the GPU or XR runtime failed or lacks what we need (a Vulkan/OpenXR call failed)
};

const char* toString(ErrorCode code);

// A failure with the place it refers to. `where` is "file:line", "file: key 'x'", or empty.
struct Error {
  ErrorCode code = ErrorCode::Internal;
  std::string message;
  std::string where;

  // "where: message" — the form every command prints.
  std::string describe() const;
};

Error makeError(ErrorCode code, std::string message, std::string where = {});

// A value or an Error. Small on purpose: GCC 12 has no std::expected in C++20.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}      // NOLINT: implicit by design

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { assert(ok()); return std::get<0>(v_); }
  const T& value() const& { assert(ok()); return std::get<0>(v_); }
  T&& value() && { assert(ok()); return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const { assert(!ok()); return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

// Result for operations with no value.
struct Ok {};
using Status = Result<Ok>;
inline Status okStatus() { return Ok{}; }

}  // namespace mimesis
