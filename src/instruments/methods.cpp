// src/instruments/methods.cpp — which scoring methods exist and the logic-stage checks of
// their parameters (every item a method names must exist and have the right type).
#include "instruments/methods.hpp"

#include <fmt/format.h>

namespace cp::instruments::detail {

using nlohmann::json;

namespace {

Error bad(const std::string& field, std::string message) {
  return Error::invalid("bad_scoring_parameter", std::move(message), field);
}

// parameters[key] must be an array of item ids that exist (and are numeric if `numeric`).
Result<Unit> check_item_list(const Definition& d, const char* key, bool required,
                             std::size_t exact = 0) {
  std::string path = fmt::format("scoring.parameters.{}", key);
  auto it = d.scoring.parameters.find(key);
  if (it == d.scoring.parameters.end()) {
    if (required) return bad(path, fmt::format("method '{}' needs {}", d.scoring.method, path));
    return Unit{};
  }
  if (!it->is_array()) return bad(path, fmt::format("{} must be an array of item ids", path));
  if (exact && it->size() != exact)
    return bad(path, fmt::format("{} must list exactly {} items", path, exact));
  for (std::size_t i = 0; i < it->size(); ++i) {
    auto p = fmt::format("{}[{}]", path, i);
    if (!(*it)[i].is_string()) return bad(p, fmt::format("{} must be an item id", p));
    const Item* item = d.find_item((*it)[i].get<std::string>());
    if (!item)
      return bad(p, fmt::format("{} names unknown item '{}'", p, (*it)[i].get<std::string>()));
    if (item->type == ResponseType::text)
      return bad(p, fmt::format("{} must name a numeric item", p));
  }
  return Unit{};
}

Result<Unit> check_item_param(const Definition& d, const char* key, bool text_ok) {
  std::string path = fmt::format("scoring.parameters.{}", key);
  auto it = d.scoring.parameters.find(key);
  if (it == d.scoring.parameters.end() || !it->is_string())
    return bad(path, fmt::format("method '{}' needs {} (an item id)", d.scoring.method, path));
  const Item* item = d.find_item(it->get<std::string>());
  if (!item)
    return bad(path, fmt::format("{} names unknown item '{}'", path, it->get<std::string>()));
  if (!text_ok && item->type == ResponseType::text)
    return bad(path, fmt::format("{} must name a numeric item", path));
  return Unit{};
}

Result<Unit> check_role(const Definition& d, const char* role) {
  if (!d.tables.count(role))
    return bad(fmt::format("tables.{}", role),
               fmt::format("method '{}' needs a table for role '{}'", d.scoring.method, role));
  return Unit{};
}

// parameters[key] = {category: [codes…]} with every code of `item` in exactly one category.
Result<Unit> check_categories(const Definition& d, const char* key, const Item& item) {
  std::string path = fmt::format("scoring.parameters.{}", key);
  auto it = d.scoring.parameters.find(key);
  if (it == d.scoring.parameters.end() || !it->is_object())
    return bad(path, fmt::format("{} must be an object {{category: [codes]}}", path));
  std::map<int, int> seen;
  for (auto& [cat, codes] : it->items()) {
    if (!codes.is_array()) return bad(path + "." + cat, "must be an array of codes");
    for (auto& c : codes) {
      if (!c.is_number_integer()) return bad(path + "." + cat, "must be an array of integer codes");
      seen[c.get<int>()]++;
    }
  }
  for (auto& o : item.options)
    if (seen[o.code] != 1)
      return bad(path, fmt::format("code {} must be in exactly one category of {}", o.code, path));
  return Unit{};
}

}  // namespace

Result<Unit> check_method(const Definition& d) {
  const auto& m = d.scoring.method;
  const auto& p = d.scoring.parameters;
  if (m == "sum") {
    if (auto r = check_item_list(d, "items", false); !r) return r;
    if (auto s = p.find("score"); s != p.end() && !s->is_string())
      return bad("scoring.parameters.score", "scoring.parameters.score must be a score name");
    return Unit{};
  }
  if (m == "wemwbs") {
    if (auto r = check_item_list(d, "swemwbs_items", true, 7); !r) return r;
    return check_role(d, "metric_conversion");
  }
  if (m == "swemwbs") return check_role(d, "metric_conversion");
  if (m == "domain_mean") {
    if (d.subscales.empty())
      return bad("subscales", "method 'domain_mean' needs subscales (the domains)");
    if (auto dg = p.find("digits");
        dg != p.end() && !(dg->is_number_integer() && *dg >= 0 && *dg <= 12))
      return bad("scoring.parameters.digits", "digits must be an integer 0–12");
    auto t = p.find("total");
    if (t != p.end() && !(t->is_string() && (*t == "mean_of_domains" || *t == "mean_of_items")))
      return bad("scoring.parameters.total", "total must be mean_of_domains or mean_of_items");
    return Unit{};
  }
  if (m == "eq5d") {
    if (auto r = check_item_list(d, "dimensions", true, 5); !r) return r;
    auto lv = p.find("levels");
    if (lv == p.end() || !lv->is_number_integer() || !(*lv == 3 || *lv == 5))
      return bad("scoring.parameters.levels", "levels must be 3 or 5");
    if (p.contains("vas_item"))
      if (auto r = check_item_param(d, "vas_item", false); !r) return r;
    return check_role(d, "utility");
  }
  if (m == "tariff") {
    if (auto r = check_item_list(d, "attributes", true); !r) return r;
    return check_role(d, "tariff");
  }
  if (m == "csri_costs") {
    if (auto r = check_item_list(d, "services", true); !r) return r;
    return check_role(d, "unit_costs");
  }
  if (m == "rq") {
    for (const char* k : {"secure", "fearful", "preoccupied", "dismissing"})
      if (auto r = check_item_param(d, k, false); !r) return r;
    if (p.contains("forced_choice")) {
      if (auto r = check_item_param(d, "forced_choice", false); !r) return r;
      const Item* fc = d.find_item(p["forced_choice"].get<std::string>());
      for (auto& o : fc->options)
        if (o.label != "secure" && o.label != "fearful" && o.label != "preoccupied" &&
            o.label != "dismissing")
          return bad("scoring.parameters.forced_choice",
                     "the forced-choice item's option labels must be the four prototype names");
    }
    return Unit{};
  }
  if (m == "leq") return check_item_list(d, "events", true);
  if (m == "srh") {
    if (auto r = check_item_param(d, "item", false); !r) return r;
    const Item* it = d.find_item(p["item"].get<std::string>());
    if (it->type != ResponseType::code)
      return bad("scoring.parameters.item", "the SRH item must be a code item");
    if (auto r = check_categories(d, "dichotomous", *it); !r) return r;
    return check_categories(d, "trichotomous", *it);
  }
  if (m == "demographics") {
    if (p.contains("lsoa_item")) {
      if (auto r = check_item_param(d, "lsoa_item", true); !r) return r;
      return check_role(d, "imd_lookup");
    }
    return Unit{};
  }
  return Error::invalid(
      "unknown_method",
      fmt::format("scoring method '{}' is not known (see docs/instruments.md)", m),
      "scoring.method");
}

}  // namespace cp::instruments::detail
