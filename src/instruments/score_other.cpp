// src/instruments/score_other.cpp — scores that are categories or counts: the Relationship
// Questionnaire (style and the two dimensions), life events (counts and impact), self-rated
// health (GSS dichotomous and trichotomous outputs) and demographics (IMD decile by LSOA).
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "instruments/methods.hpp"

namespace cp::instruments::detail {

void score_rq(const Context& c) {
  const auto& p = c.d.scoring.parameters;
  const char* names[4] = {"secure", "fearful", "preoccupied", "dismissing"};
  std::vector<std::string> items;
  for (auto n : names) items.push_back(p[n].get<std::string>());
  // Style: the forced choice when given, otherwise the single highest rating.
  bool style_done = false;
  if (p.contains("forced_choice")) {
    std::string fc = p["forced_choice"].get<std::string>();
    if (auto v = c.r.value(fc)) {
      const Item* item = c.d.find_item(fc);
      for (const auto& o : item->options)
        if (o.code == as_int(*v)) {
          c.add({"style", o.label, "forced choice of the best-fitting paragraph", {fc}, "", false});
          style_done = true;
        }
    }
  }
  std::vector<std::string> used;
  auto got = collect(c, "model_of_self", items, &used, true);
  if (!got) {
    auto reason = c.out.missing.back().reason;
    auto absent = c.out.missing.back().items;
    c.add_missing("model_of_others", reason, absent);
    if (!style_done)
      c.add_missing("style", "no forced choice and not all four ratings given", absent);
    return;
  }
  const auto& v = *got;
  auto dims = rq_dimensions(as_int(v[0]), as_int(v[1]), as_int(v[2]), as_int(v[3]));
  if (!dims) {
    c.add_missing("model_of_self", dims.error().message);
    c.add_missing("model_of_others", dims.error().message);
  } else {
    c.add({"model_of_self", dims->model_of_self,
           fmt::format("(secure {} + dismissing {}) − (fearful {} + preoccupied {}) (Griffin & "
                       "Bartholomew 1994)",
                       v[0], v[3], v[1], v[2]),
           items, "", false});
    c.add({"model_of_others", dims->model_of_others,
           fmt::format("(secure {} + preoccupied {}) − (fearful {} + dismissing {}) (Griffin & "
                       "Bartholomew 1994)",
                       v[0], v[2], v[1], v[3]),
           items, "", false});
  }
  if (style_done) return;
  auto best = std::max_element(v.begin(), v.end());
  auto ties = std::count(v.begin(), v.end(), *best);
  if (ties > 1) {
    c.add_missing(
        "style", fmt::format("no forced choice and {} prototypes share the highest rating {}", ties,
                             format_number(*best)));
    return;
  }
  auto k = best - v.begin();
  c.add({"style", names[k],
         fmt::format("highest rating ({}) of the four prototypes", format_number(*best)), items, "",
         false});
}

// LEQ event coding (cp-leq-1, provisional): 0 = did not happen; 1–4 = happened, good, impact
// 0–3; 5–8 = happened, bad, impact 0–3.
void score_leq(const Context& c) {
  auto events = string_params(c.d.scoring.parameters, "events");
  std::vector<std::string> used;
  auto got = collect(c, "events", events, &used, true);
  if (!got) {
    for (const char* n : {"positive_events", "negative_events", "positive_impact",
                          "negative_impact", "total_impact"})
      c.add_missing(
          n, "not all events answered (rule: no score if any item is missing; rule unverified)");
    return;
  }
  int n = 0, pos = 0, neg = 0, pos_impact = 0, neg_impact = 0;
  for (double v : *got) {
    int code = as_int(v);
    if (code >= 1 && code <= 4) {
      ++n, ++pos, pos_impact += code - 1;
    } else if (code >= 5 && code <= 8) {
      ++n, ++neg, neg_impact += code - 5;
    }
  }
  const std::string how = "coding cp-leq-1 (provisional; Norbeck 1984 scoring unverified): ";
  c.add({"events", n, how + "count of events that happened", used, "", true});
  c.add({"positive_events", pos, how + "count of events rated good", used, "", true});
  c.add({"negative_events", neg, how + "count of events rated bad", used, "", true});
  c.add(
      {"positive_impact", pos_impact, how + "sum of impact (0–3) of good events", used, "", true});
  c.add({"negative_impact", neg_impact, how + "sum of impact (0–3) of bad events", used, "", true});
  c.add({"total_impact", pos_impact + neg_impact, how + "positive_impact + negative_impact", used,
         "", true});
}

void score_srh(const Context& c) {
  const auto& p = c.d.scoring.parameters;
  std::string item = p["item"].get<std::string>();
  auto v = c.r.value(item);
  if (!v) {
    c.add_missing("dichotomous", fmt::format("item {} not answered", item), {item});
    c.add_missing("trichotomous", fmt::format("item {} not answered", item), {item});
    return;
  }
  int code = as_int(*v);
  for (const char* output : {"dichotomous", "trichotomous"}) {
    for (auto& [cat, codes] : p[output].items())
      for (auto& cj : codes)
        if (cj.get<int>() == code)
          c.add({output,
                 cat,
                 fmt::format("code {} is '{}' in the {} output (GSS harmonised standard)", code,
                             cat, output),
                 {item},
                 "",
                 false});
  }
}

void score_demographics(const Context& c) {
  const auto& p = c.d.scoring.parameters;
  if (!p.contains("lsoa_item")) return;
  std::string item = p["lsoa_item"].get<std::string>();
  auto it = c.r.answers.find(item);
  if (it == c.r.answers.end() || it->second.missing || it->second.text.empty()) {
    c.add_missing("imd_decile", fmt::format("item {} not answered", item), {item});
    return;
  }
  std::string code = it->second.text;
  std::transform(code.begin(), code.end(), code.begin(),
                 [](unsigned char ch) { return std::toupper(ch); });
  std::string id, reason;
  const Table* t = c.table("imd_lookup", &id, &reason);
  if (!t) {
    c.add_missing("imd_decile", reason);
    return;
  }
  auto decile = t->get(code);
  if (!decile) {
    c.add_missing("imd_decile", fmt::format("LSOA {} is not in {}", code, table_label(*t)), {item});
    return;
  }
  c.add({"imd_decile",
         *decile,
         fmt::format("decile of LSOA {} in {} (1 = most deprived 10%)", code, table_label(*t)),
         {item},
         id,
         t->provisional || t->example});
}

}  // namespace cp::instruments::detail
