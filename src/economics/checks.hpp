// src/economics/checks.hpp — named argument checks for the economics layer (internal).
//
// Each check returns an empty optional when the argument is fine, or an Error whose message
// names the function and the argument ("qaly_auc: months[2] must be finite, got nan"), in
// the style of Stan's check_* functions. Errors are invalid_input; the caller adds the field.
#pragma once

#include <fmt/format.h>

#include <cmath>
#include <optional>
#include <string>

#include "cp/domain/result.hpp"

namespace cp::economics::detail {

inline std::optional<Error> check_finite(const char* function, const std::string& argument,
                                         double x) {
  if (std::isfinite(x)) return std::nullopt;
  return Error::invalid(
      "not_finite", fmt::format("{}: {} must be finite, got {}", function, argument, x), argument);
}

inline std::optional<Error> check_nonnegative(const char* function, const std::string& argument,
                                              double x) {
  if (auto e = check_finite(function, argument, x)) return e;
  if (x >= 0.0) return std::nullopt;
  return Error::invalid("negative",
                        fmt::format("{}: {} must not be negative, got {}", function, argument, x),
                        argument);
}

inline std::optional<Error> check_positive(const char* function, const std::string& argument,
                                           double x) {
  if (auto e = check_finite(function, argument, x)) return e;
  if (x > 0.0) return std::nullopt;
  return Error::invalid("not_positive",
                        fmt::format("{}: {} must be positive, got {}", function, argument, x),
                        argument);
}

inline std::optional<Error> check_in_range(const char* function, const std::string& argument,
                                           double x, double lo, double hi) {
  if (auto e = check_finite(function, argument, x)) return e;
  if (x >= lo && x <= hi) return std::nullopt;
  return Error::invalid(
      "out_of_range",
      fmt::format("{}: {} must lie in [{}, {}], got {}", function, argument, lo, hi, x), argument);
}

}  // namespace cp::economics::detail
