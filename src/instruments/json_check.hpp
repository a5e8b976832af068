// src/instruments/json_check.hpp — small helpers for the structure stage of parsing JSON
// documents: typed field access that reports the JSON path on failure. Internal.
#pragma once

#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "cp/domain/result.hpp"

namespace cp::instruments::detail {

inline std::string join_path(const std::string& base, const std::string& key) {
  return base.empty() ? key : base + "." + key;
}
inline std::string index_path(const std::string& base, std::size_t i) {
  return fmt::format("{}[{}]", base, i);
}

inline Error missing_field(const std::string& path) {
  return Error::invalid("missing_field", fmt::format("required field '{}' is missing", path), path);
}
inline Error wrong_type(const std::string& path, std::string_view expected) {
  return Error::invalid("wrong_type", fmt::format("'{}' must be {}", path, expected), path);
}

// Required string field.
inline Result<std::string> req_string(const nlohmann::json& o, const std::string& base,
                                      const char* key) {
  auto path = join_path(base, key);
  auto it = o.find(key);
  if (it == o.end()) return missing_field(path);
  if (!it->is_string()) return wrong_type(path, "a string");
  return it->get<std::string>();
}
// Optional string field (empty if absent).
inline Result<std::string> opt_string(const nlohmann::json& o, const std::string& base,
                                      const char* key) {
  auto it = o.find(key);
  if (it == o.end() || it->is_null()) return std::string{};
  if (!it->is_string()) return wrong_type(join_path(base, key), "a string");
  return it->get<std::string>();
}
inline Result<bool> opt_bool(const nlohmann::json& o, const std::string& base, const char* key,
                             bool dflt) {
  auto it = o.find(key);
  if (it == o.end() || it->is_null()) return dflt;
  if (!it->is_boolean()) return wrong_type(join_path(base, key), "true or false");
  return it->get<bool>();
}
// Optional finite number.
inline Result<std::optional<double>> opt_number(const nlohmann::json& o, const std::string& base,
                                                const char* key) {
  auto it = o.find(key);
  if (it == o.end() || it->is_null()) return std::optional<double>{};
  if (!it->is_number()) return wrong_type(join_path(base, key), "a number");
  double v = it->get<double>();
  if (!std::isfinite(v)) return wrong_type(join_path(base, key), "a finite number");
  return std::optional<double>{v};
}
// A JSON number that is a whole number fitting an int.
inline Result<int> as_int(const nlohmann::json& v, const std::string& path) {
  if (v.is_number_integer()) {
    if (v.is_number_unsigned()) {
      auto u = v.get<std::uint64_t>();
      if (u > 2147483647ULL)
        return wrong_type(path, "an integer between -2147483648 and 2147483647");
      return static_cast<int>(u);
    }
    auto i = v.get<std::int64_t>();
    if (i < -2147483648LL || i > 2147483647LL)
      return wrong_type(path, "an integer between -2147483648 and 2147483647");
    return static_cast<int>(i);
  }
  if (v.is_number_float()) {
    double d = v.get<double>();
    if (std::isfinite(d) && d == std::floor(d) && d >= -2147483648.0 && d <= 2147483647.0)
      return static_cast<int>(d);
  }
  return wrong_type(path, "an integer");
}

// Parses text as JSON without exceptions; error names `what`.
inline Result<nlohmann::json> parse_json_text(std::string_view text, std::string_view what) {
  auto j = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded())
    return Error::invalid("bad_json", fmt::format("{} is not valid JSON", what), "");
  return j;
}

}  // namespace cp::instruments::detail
