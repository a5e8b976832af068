// src/instruments/score_valuesets.cpp — scores from published value sets: EQ-5D (3L and 5L
// additive value sets or profile lookups such as the van Hout crosswalk) and additive tariffs
// (ICECAP-A).
#include <fmt/format.h>

#include <cmath>

#include "instruments/methods.hpp"

namespace cp::instruments::detail {

namespace {

// EQ-5D dimension labels used as table keys, in the fixed order MO SC UA PD AD.
constexpr const char* kDims[5] = {"MO", "SC", "UA", "PD", "AD"};

// Value of `profile` (levels per dimension) under an eq5d_additive table or a lookup table.
// Returns nullopt with `why` when a needed figure is absent.
std::optional<double> eq5d_value(const Table& t, const std::vector<int>& levels,
                                 const std::string& profile, std::string* how, std::string* why) {
  if (t.kind == "lookup") {
    auto v = t.get(profile);
    if (!v) {
      *why = fmt::format("table '{}' has no value for profile {}", t.id, profile);
      return std::nullopt;
    }
    *how = fmt::format("lookup of profile {} in {}", profile, table_label(t));
    return *v;
  }
  if (t.kind != "eq5d_additive") {
    *why = fmt::format("table '{}' has kind '{}', not eq5d_additive or lookup", t.id, t.kind);
    return std::nullopt;
  }
  double value = t.start;
  std::string terms = format_number(t.start);
  bool any_above_1 = false, any_3 = false;
  for (int k = 0; k < 5; ++k) {
    if (levels[k] > 1) any_above_1 = true;
    if (levels[k] == 3) any_3 = true;
    if (levels[k] <= 1) continue;
    std::string key = fmt::format("{}{}", kDims[k], levels[k]);
    auto dec = t.get(key);
    if (!dec) {
      *why = fmt::format("table '{}' has no decrement {}", t.id, key);
      return std::nullopt;
    }
    value -= *dec;
    terms += fmt::format(" − {} ({})", format_number(*dec), key);
  }
  if (any_above_1)
    if (auto k = t.get("constant"); k && *k != 0) {
      value -= *k;
      terms += fmt::format(" − {} (constant)", format_number(*k));
    }
  if (any_3)
    if (auto n3 = t.get("n3"); n3 && *n3 != 0) {
      value -= *n3;
      terms += fmt::format(" − {} (N3)", format_number(*n3));
    }
  *how = fmt::format("{} = {} by {}", terms, format_number(value), table_label(t));
  return value;
}

void add_eq5d_score(const Context& c, const std::string& role, const std::vector<int>& levels,
                    const std::string& profile, const std::vector<std::string>& dims) {
  std::string id, reason;
  const Table* t = c.table(role, &id, &reason);
  if (!t) {
    c.add_missing(role, reason);
    return;
  }
  std::string how, why;
  auto v = eq5d_value(*t, levels, profile, &how, &why);
  if (!v) {
    c.add_missing(role, why);
    return;
  }
  double value = t->digits ? round_to(*v, *t->digits) : *v;
  if (t->digits) how += fmt::format(", rounded to {} dp", *t->digits);
  c.add({role, value, how, dims, id, t->provisional || t->example});
}

}  // namespace

void score_eq5d(const Context& c) {
  const auto& p = c.d.scoring.parameters;
  auto dims = string_params(p, "dimensions");
  int levels_max = p.value("levels", 5);
  auto got = collect(c, "profile", dims, nullptr, true);
  if (got) {
    std::vector<int> levels;
    std::string profile;
    bool ok = true;
    for (double v : *got) {
      int l = as_int(v);
      if (l < 1 || l > levels_max) ok = false;
      levels.push_back(l);
      profile += std::to_string(l);
    }
    if (ok) {
      c.add({"profile", profile, "levels of MO SC UA PD AD in order", dims, "", false});
      add_eq5d_score(c, "utility", levels, profile, dims);
      if (c.d.tables.count("utility_crosswalk") || c.options.tables.count("utility_crosswalk"))
        add_eq5d_score(c, "utility_crosswalk", levels, profile, dims);
    }
  } else {
    // collect() recorded "profile"; the index values are missing for the same reason.
    auto reason = c.out.missing.back().reason;
    auto absent = c.out.missing.back().items;
    c.add_missing("utility", reason, absent);
    if (c.d.tables.count("utility_crosswalk")) c.add_missing("utility_crosswalk", reason, absent);
  }
  if (p.contains("vas_item")) {
    std::string vas = p["vas_item"].get<std::string>();
    if (auto v = c.r.value(vas))
      c.add({"vas", *v, "EQ VAS as answered (0–100)", {vas}, "", false});
    else
      c.add_missing("vas", fmt::format("item {} not answered", vas), {vas});
  }
}

void score_tariff(const Context& c) {
  auto attrs = string_params(c.d.scoring.parameters, "attributes");
  std::vector<std::string> used;
  auto got = collect(c, "index", attrs, &used, true);
  if (!got) return;
  std::string id, reason;
  const Table* t = c.table("tariff", &id, &reason);
  if (!t) {
    c.add_missing("index", reason);
    return;
  }
  double sum = 0;
  std::string terms;
  for (std::size_t k = 0; k < attrs.size(); ++k) {
    std::string key = fmt::format("{}.{}", attrs[k], as_int((*got)[k]));
    auto v = t->get(key);
    if (!v) {
      c.add_missing("index", fmt::format("tariff value {} is not in table {} (not published to us)",
                                         key, table_label(*t)));
      return;
    }
    sum += *v;
    terms += fmt::format("{}{} ({})", terms.empty() ? "" : " + ", format_number(*v), key);
  }
  double value = t->digits ? round_to(sum, *t->digits) : sum;
  c.add({"index", value, fmt::format("{} = {} by {}", terms, format_number(sum), table_label(*t)),
         used, id, t->provisional || t->example});
}

}  // namespace cp::instruments::detail
