// src/economics/spec.cpp — parses the JSON form of the [economics] table of an analysis spec.
#include <fmt/format.h>

#include <cmath>
#include <set>

#include "cp/economics/cea.hpp"

namespace cp::economics {

namespace {

Error bad(const std::string& key, const std::string& what) {
  return Error::invalid("economics_spec", fmt::format("[economics] {}: {}", key, what),
                        "economics." + key);
}

cp::Result<std::string> get_string(const nlohmann::json& t, const std::string& key, bool required) {
  if (!t.contains(key)) {
    if (required) return bad(key, "is required (a column name)");
    return std::string{};
  }
  if (!t[key].is_string() || t[key].get<std::string>().empty())
    return bad(key, "must be a non-empty string (a column name)");
  return t[key].get<std::string>();
}

cp::Result<double> get_number(const nlohmann::json& t, const std::string& key, double fallback) {
  if (!t.contains(key)) return fallback;
  if (!t[key].is_number() || !std::isfinite(t[key].get<double>()))
    return bad(key, "must be a finite number");
  return t[key].get<double>();
}

}  // namespace

cp::Result<EconomicsSpec> parse_economics_spec(const nlohmann::json& t) {
  if (!t.is_object())
    return Error::invalid("economics_spec", "[economics] must be a table", "economics");
  static const std::set<std::string> known = {"cost_baseline",
                                              "cost_followup",
                                              "utility_baseline",
                                              "utility_followup",
                                              "months",
                                              "bootstrap",
                                              "seed",
                                              "thresholds",
                                              "perspective",
                                              "cost_adjustment",
                                              "sur",
                                              "cluster_bootstrap",
                                              "capability_baseline",
                                              "capability_followup",
                                              "threads",
                                              "utility_min",
                                              "utility_max",
                                              "costs",
                                              "intervention"};
  for (const auto& [key, value] : t.items())
    if (!known.count(key)) return bad(key, "unknown key");

  EconomicsSpec s;
  // Perspective and adjustment first: the adjustment decides whether cost_baseline is needed.
  if (t.contains("perspective")) {
    const auto& v = t["perspective"];
    if (v == "nhs_pss")
      s.perspective = Perspective::nhs_pss;
    else if (v == "societal")
      s.perspective = Perspective::societal;
    else
      return bad("perspective", "must be \"nhs_pss\" or \"societal\"");
  }
  if (t.contains("cost_adjustment")) {
    const auto& v = t["cost_adjustment"];
    if (v == "baseline")
      s.cost_adjustment = CostAdjustment::baseline;
    else if (v == "none")
      s.cost_adjustment = CostAdjustment::none;
    else
      return bad("cost_adjustment", "must be \"baseline\" or \"none\"");
  }
  const bool need_cb = s.cost_adjustment == CostAdjustment::baseline;
  // [[economics.costs]]: sector columns instead of one pre-totalled pair.
  if (t.contains("costs")) {
    if (t.contains("cost_baseline") || t.contains("cost_followup"))
      return bad("costs", "give either cost_baseline/cost_followup (already totalled) or [[economics.costs]] "
                          "(by sector), not both");
    const auto& v = t["costs"];
    if (!v.is_array() || v.empty()) return bad("costs", "must be a non-empty array of tables {sector, baseline, followup}");
    for (std::size_t i = 0; i < v.size(); ++i) {
      const auto key = fmt::format("costs[{}]", i);
      const auto& c = v[i];
      if (!c.is_object()) return bad(key, "must be a table {sector, baseline, followup}");
      for (const auto& [k, _] : c.items())
        if (k != "sector" && k != "baseline" && k != "followup") return bad(key + "." + k, "unknown key");
      if (!c.contains("sector") || !c["sector"].is_string()) return bad(key + ".sector", "is required (a sector name)");
      auto sector = parse_sector(c["sector"].get<std::string>());
      if (!sector) return bad(key + ".sector", sector.error().message);
      CostColumns cc;
      cc.sector = *sector;
      auto f = get_string(c, "followup", true);
      if (!f) return bad(key + ".followup", "is required (a column name)");
      cc.followup = *f;
      auto b = get_string(c, "baseline", need_cb);
      if (!b) return bad(key + ".baseline", need_cb ? "is required when costs are adjusted for baseline (a column name)"
                                                    : "must be a column name");
      cc.baseline = *b;
      s.cost_components.push_back(std::move(cc));
    }
  }
  if (t.contains("intervention")) {
    const auto& v = t["intervention"];
    if (!v.is_object()) return bad("intervention", "must be a table {training_total, participants, hourly_worker_cost, contact_minutes}");
    for (const auto& [k, _] : v.items())
      if (k != "training_total" && k != "participants" && k != "hourly_worker_cost" && k != "contact_minutes")
        return bad("intervention." + k, "unknown key");
    InterventionCostSpec ic;
    struct Num {
      const char* key;
      double* out;
      bool positive;
    } nums[] = {{"training_total", &ic.inputs.training_cost_total, false},
                {"participants", &ic.inputs.participants, true},
                {"hourly_worker_cost", &ic.inputs.hourly_worker_cost, false}};
    for (auto& nm : nums) {
      if (!v.contains(nm.key)) return bad(std::string("intervention.") + nm.key, "is required (a number)");
      auto x = get_number(v, nm.key, 0.0);
      if (!x) return bad(std::string("intervention.") + nm.key, "must be a finite number");
      if (nm.positive ? !(*x > 0.0) : !(*x >= 0.0))
        return bad(std::string("intervention.") + nm.key, nm.positive ? "must be greater than 0" : "must not be negative");
      *nm.out = *x;
    }
    auto m = get_string(v, "contact_minutes", false);
    if (!m) return bad("intervention.contact_minutes", "must be a column name");
    ic.contact_minutes = *m;
    s.intervention_cost = ic;
  }
  const bool by_sector = !s.cost_components.empty();
  struct Col {
    const char* key;
    std::string* out;
    bool required;
  } cols[] = {{"cost_baseline", &s.cost_baseline, need_cb && !by_sector},
              {"cost_followup", &s.cost_followup, !by_sector},
              {"utility_baseline", &s.utility_baseline, true},
              {"utility_followup", &s.utility_followup, true},
              {"capability_baseline", &s.capability_baseline, false},
              {"capability_followup", &s.capability_followup, false}};
  for (auto& c : cols) {
    auto v = get_string(t, c.key, c.required);
    if (!v.ok()) return v.error();
    *c.out = *v;
  }
  if (s.capability_baseline.empty() != s.capability_followup.empty())
    return bad(s.capability_baseline.empty() ? "capability_baseline" : "capability_followup",
               "capability_baseline and capability_followup go together");

  if (!t.contains("months")) return bad("months", "is required (length of follow-up in months)");
  auto months = get_number(t, "months", 0.0);
  if (!months.ok()) return months.error();
  if (!(*months > 0.0) || *months > 1200.0) return bad("months", "must be in (0, 1200]");
  s.months = *months;

  for (const char* key : {"bootstrap", "seed", "threads"}) {
    if (!t.contains(key)) continue;
    const auto& v = t[key];
    if (!v.is_number_integer() || v.get<std::int64_t>() < 0)
      return bad(key, "must be a non-negative integer");
  }
  if (t.contains("bootstrap")) {
    const auto b = t["bootstrap"].get<std::int64_t>();
    if (b > 1000000) return bad("bootstrap", "at most 1000000 replicates");
    s.bootstrap = static_cast<int>(b);
  }
  if (t.contains("seed")) s.seed = t["seed"].get<std::uint64_t>();
  if (t.contains("threads")) {
    const auto n = t["threads"].get<std::int64_t>();
    if (n > 256) return bad("threads", "at most 256");
    s.threads = static_cast<int>(n);
  }
  for (const char* key : {"sur", "cluster_bootstrap"}) {
    if (!t.contains(key)) continue;
    if (!t[key].is_boolean()) return bad(key, "must be true or false");
  }
  s.sur = t.value("sur", false);
  s.cluster_bootstrap = t.value("cluster_bootstrap", false);

  if (t.contains("thresholds")) {
    const auto& v = t["thresholds"];
    if (!v.is_array() || v.size() != 3 || !v[0].is_number() || !v[1].is_number() ||
        !v[2].is_number())
      return bad("thresholds", "must be an array [from, to, step] of three numbers");
    s.thresholds = {v[0].get<double>(), v[1].get<double>(), v[2].get<double>()};
    if (!(s.thresholds.from >= 0.0) || !(s.thresholds.to >= s.thresholds.from) ||
        !(s.thresholds.step > 0.0) || !std::isfinite(s.thresholds.to))
      return bad("thresholds", "needs 0 ≤ from ≤ to and step > 0");
    if ((s.thresholds.to - s.thresholds.from) / s.thresholds.step > 100000.0)
      return bad("thresholds", "at most 100001 thresholds");
  }
  auto umin = get_number(t, "utility_min", s.utility_min);
  if (!umin.ok()) return umin.error();
  auto umax = get_number(t, "utility_max", s.utility_max);
  if (!umax.ok()) return umax.error();
  if (!(*umin < *umax) || *umax > 1.0)
    return bad("utility_min", "needs utility_min < utility_max ≤ 1");
  s.utility_min = *umin;
  s.utility_max = *umax;
  return s;
}

}  // namespace cp::economics
