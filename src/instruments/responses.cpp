// src/instruments/responses.cpp — validates a JSON object of answers against a definition:
// every key must be an item, every value of the item's type and inside its allowed range or
// one of its missing codes. Partial sets are valid (unanswered items are simply absent).
#include "cp/instruments/responses.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace cp::instruments {

using nlohmann::json;

bool ResponseSet::complete(const Definition& d) const {
  return std::all_of(d.items.begin(), d.items.end(), [&](const Item& it) {
    auto a = answers.find(it.id);
    return a != answers.end() && !a->second.missing;
  });
}

std::optional<double> ResponseSet::value(const std::string& item_id) const {
  auto a = answers.find(item_id);
  if (a == answers.end() || a->second.missing) return std::nullopt;
  return a->second.number;
}

namespace {

Error item_error(const std::string& code, const std::string& item, std::string message) {
  return Error::invalid(code, fmt::format("item '{}': {}", item, message), item);
}

std::string allowed_text(const Item& it) {
  std::string s;
  if (it.type == ResponseType::code) {
    for (const auto& o : it.options) s += (s.empty() ? "" : ", ") + std::to_string(o.code);
  } else if (it.min && it.max) {
    s = fmt::format("{}–{}", *it.min, *it.max);
  }
  for (int mc : it.missing_codes) s += fmt::format(", or missing code {}", mc);
  return s;
}

}  // namespace

Result<ResponseSet> parse_responses(const Definition& d, const json& answers) {
  if (!answers.is_object())
    return Error::invalid("not_an_object",
                          "answers must be a JSON object mapping item ids to coded answers",
                          "(answers)");
  ResponseSet r;
  r.instrument = d.id;
  r.version = d.version;
  for (const auto& [key, v] : answers.items()) {
    const Item* it = d.find_item(key);
    if (!it)
      return Error::invalid(
          "unknown_item",
          fmt::format("item '{}' is not an item of {} version {}", key, d.id, d.version), key);
    if (v.is_null()) continue;  // not answered
    Answer a;
    if (it->type == ResponseType::text) {
      if (!v.is_string()) return item_error("wrong_type", key, "expected text (a JSON string)");
      a.text = v.get<std::string>();
      if (it->max_length && a.text.size() > static_cast<std::size_t>(*it->max_length))
        return item_error("too_long", key,
                          fmt::format("text is longer than {} characters", *it->max_length));
      r.answers[key] = std::move(a);
      continue;
    }
    if (!v.is_number())
      return item_error(
          "wrong_type", key,
          fmt::format("expected a number ({}), got {}", allowed_text(*it), v.type_name()));
    double x = v.get<double>();
    if (!std::isfinite(x)) return item_error("wrong_type", key, "expected a finite number");
    bool whole = x == std::floor(x);
    if (whole && std::fabs(x) < 2147483647.0 &&
        std::find(it->missing_codes.begin(), it->missing_codes.end(), static_cast<int>(x)) !=
            it->missing_codes.end()) {
      a.missing = true;
      a.missing_code = static_cast<int>(x);
      r.answers[key] = std::move(a);
      continue;
    }
    if (it->type != ResponseType::number && !whole)
      return item_error("not_an_integer", key, fmt::format("{} is not a whole number", x));
    if (it->type == ResponseType::code) {
      bool listed =
          std::fabs(x) < 2147483647.0 &&
          std::any_of(it->options.begin(), it->options.end(),
                      [&](const ResponseOption& o) { return o.code == static_cast<int>(x); });
      if (!listed)
        return item_error("out_of_range", key,
                          fmt::format("{} is not one of the codes {}", x, allowed_text(*it)));
    } else if ((it->min && x < *it->min) || (it->max && x > *it->max)) {
      return item_error("out_of_range", key,
                        fmt::format("{} is outside the allowed range {}", x, allowed_text(*it)));
    }
    a.number = x;
    r.answers[key] = std::move(a);
  }
  return r;
}

json to_json(const Definition& d, const ResponseSet& r) {
  json j = json::object();
  for (const auto& it : d.items) {
    auto a = r.answers.find(it.id);
    if (a == r.answers.end()) continue;
    if (a->second.missing)
      j[it.id] = *a->second.missing_code;
    else if (it.type == ResponseType::text)
      j[it.id] = a->second.text;
    else if (it.type == ResponseType::number)
      j[it.id] = a->second.number;
    else if (std::fabs(a->second.number) < 9e15)
      j[it.id] = static_cast<long long>(a->second.number);
    else
      j[it.id] = a->second.number;
  }
  return j;
}

}  // namespace cp::instruments
