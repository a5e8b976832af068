// include/cp/domain/result.hpp — the one error taxonomy of Connecting People.
//
// Pure code returns Result<T> for failures it expects (invalid input, a record that does not
// exist, a refused permission, an infeasible model). Exceptions are kept for I/O and internal
// errors. The transport (http/, cli/) translates an Error once: http/ maps `kind` to a status
// code and sends `code`, `message` and `field`; cli/ prints the message and exits non-zero.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>

namespace cp {

enum class ErrorKind {
  invalid_input,    // 400/422: the caller sent something wrong (field says where)
  unauthenticated,  // 401
  forbidden,        // 403
  not_found,        // 404
  conflict,         // 409: stale version, duplicate
  too_large,        // 413
  unsupported,      // 415/501
  too_many,         // 429: throttled
  infeasible,       // a computation that cannot be done on these data (singular design…)
  internal,         // 500: a bug or an I/O failure; never for bad input
};

struct Error {
  ErrorKind kind = ErrorKind::internal;
  std::string code;     // stable machine-readable code, e.g. "missing_field"
  std::string message;  // plain English, safe to show the caller
  std::string field;    // where: JSON path, "row 3, column age", item id…; may be empty

  static Error invalid(std::string code, std::string message, std::string field = {}) {
    return {ErrorKind::invalid_input, std::move(code), std::move(message), std::move(field)};
  }
  static Error not_found(std::string message, std::string field = {}) {
    return {ErrorKind::not_found, "not_found", std::move(message), std::move(field)};
  }
  static Error forbidden(std::string message) {
    return {ErrorKind::forbidden, "forbidden", std::move(message), {}};
  }
  static Error infeasible(std::string code, std::string message, std::string field = {}) {
    return {ErrorKind::infeasible, std::move(code), std::move(message), std::move(field)};
  }
  static Error conflict(std::string code, std::string message, std::string field = {}) {
    return {ErrorKind::conflict, std::move(code), std::move(message), std::move(field)};
  }
};

// Thrown only where an Error must cross a layer that cannot return it (e.g. out of a
// transaction lambda); caught and turned back into an Error at the boundary.
class ErrorException : public std::runtime_error {
 public:
  explicit ErrorException(Error e) : std::runtime_error(e.message), error_(std::move(e)) {}
  const Error& error() const noexcept { return error_; }

 private:
  Error error_;
};

// Result<T>: a value or an Error. Result<void> is spelled Result<Unit>.
struct Unit {};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}     // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const noexcept { return v_.index() == 0; }
  explicit operator bool() const noexcept { return ok(); }

  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &std::get<0>(v_); }
  const T* operator->() const { return &std::get<0>(v_); }
  T& operator*() & { return std::get<0>(v_); }
  const T& operator*() const& { return std::get<0>(v_); }

  const Error& error() const& { return std::get<1>(v_); }
  Error&& error() && { return std::get<1>(std::move(v_)); }

  // The value, or throw ErrorException (for code that already runs inside a try boundary).
  T& value_or_throw() & {
    if (!ok()) throw ErrorException(error());
    return value();
  }

 private:
  std::variant<T, Error> v_;
};

}  // namespace cp
