// src/economics/json.cpp — the `economics` object of results.json (keys of issue 7, plus
// n, arms, warnings and method notes). Missing values are null with a "<key>_reason".
#include <fmt/format.h>

#include <cmath>

#include "cp/economics/cea.hpp"

namespace cp::economics {

namespace {

std::string threshold_key(double t) {
  if (std::floor(t) == t && std::fabs(t) < 1e15) return fmt::format("{:.0f}", t);
  return fmt::format("{}", t);
}

nlohmann::json interval(const Interval& i) {
  return nlohmann::json::array({i.low, i.high});
}

nlohmann::json arm_json(const ArmSummary& a, bool adjusted) {
  nlohmann::json j = {{"n", a.n},
                      {"mean_cost_followup", a.mean_cost_f},
                      {"mean_utility_baseline", a.mean_utility_b},
                      {"mean_qaly", a.mean_qaly}};
  if (adjusted) j["mean_cost_baseline"] = a.mean_cost_b;
  if (a.mean_capability_years) j["mean_capability_years"] = *a.mean_capability_years;
  return j;
}

}  // namespace

nlohmann::json to_json(const EconomicsResult& r) {
  const bool adjusted = r.spec.cost_adjustment == CostAdjustment::baseline;
  nlohmann::json j;
  j["n"] = r.n;
  j["n_excluded"] = r.n_excluded;
  j["delta_cost"] = r.delta_cost;
  j["delta_qaly"] = r.delta_qaly;
  j["delta_cost_se_model"] = r.delta_cost_se;
  j["delta_qaly_se_model"] = r.delta_qaly_se;
  j["quadrant"] = r.icer.quadrant;
  j["icer_status"] = r.icer.status;
  j["icer_note"] = r.icer.note;
  if (r.icer.value) {
    j["icer"] = *r.icer.value;
  } else {
    j["icer"] = nullptr;
    j["icer_reason"] = r.icer.status;
  }
  j["icer_ratio"] = r.icer.ratio ? nlohmann::json(*r.icer.ratio) : nlohmann::json(nullptr);

  nlohmann::json nmb = nlohmann::json::object(), p = nlohmann::json::object();
  for (const auto& t : r.reported) {
    nmb[threshold_key(t.threshold)] = t.nmb;
    p[threshold_key(t.threshold)] =
        t.p_cost_effective ? nlohmann::json(*t.p_cost_effective) : nlohmann::json(nullptr);
  }
  j["nmb"] = nmb;
  j["p_cost_effective"] = p;
  nlohmann::json ceac = nlohmann::json::array();
  for (const auto& t : r.ceac)
    ceac.push_back({{"threshold", t.threshold},
                    {"p", t.p_cost_effective ? nlohmann::json(*t.p_cost_effective)
                                             : nlohmann::json(nullptr)}});
  j["ceac"] = ceac;

  if (r.bootstrap) {
    const auto& b = *r.bootstrap;
    nlohmann::json bj = {{"replicates", b.replicates},
                         {"replicates_used", b.replicates_used},
                         {"seed", r.spec.seed},
                         {"delta_cost_ci", interval(b.delta_cost_ci)},
                         {"delta_qaly_ci", interval(b.delta_qaly_ci)},
                         {"ci_method", "percentile (boot.ci type perc), 95%"},
                         {"delta_cost_ci_type7", interval(b.delta_cost_ci_type7)},
                         {"delta_qaly_ci_type7", interval(b.delta_qaly_ci_type7)},
                         {"delta_cost_mean", b.delta_cost_mean},
                         {"delta_cost_se", b.delta_cost_se},
                         {"delta_qaly_mean", b.delta_qaly_mean},
                         {"delta_qaly_se", b.delta_qaly_se},
                         {"quadrants",
                          {{"NE", b.quadrant_ne},
                           {"SE", b.quadrant_se},
                           {"SW", b.quadrant_sw},
                           {"NW", b.quadrant_nw}}}};
    if (b.delta_capability_ci) bj["delta_capability_ci"] = interval(*b.delta_capability_ci);
    j["bootstrap"] = bj;
  } else {
    j["bootstrap"] = nullptr;
    j["bootstrap_reason"] = "bootstrap = 0 in the spec: no uncertainty analysis";
    j["p_cost_effective_reason"] = "no bootstrap";
  }
  if (r.delta_capability) {
    j["capability"] = {{"delta_years_full_capability", *r.delta_capability}};
    if (r.bootstrap && r.bootstrap->delta_capability_ci)
      j["capability"]["ci"] = interval(*r.bootstrap->delta_capability_ci);
  }
  j["arms"] = {{"intervention", arm_json(r.intervention, adjusted)},
               {"control", arm_json(r.control, adjusted)}};
  j["method"] = {
      {"months", r.spec.months},
      {"cost_adjustment", adjusted ? "baseline" : "none"},
      {"sur", r.spec.sur},
      {"cluster_bootstrap", r.spec.cluster_bootstrap},
      {"perspective", r.spec.perspective == Perspective::nhs_pss ? "nhs_pss" : "societal"},
      {"thresholds", {r.spec.thresholds.from, r.spec.thresholds.to, r.spec.thresholds.step}},
      {"utility_range", {r.spec.utility_min, r.spec.utility_max}},
      {"notes", r.notes}};
  j["warnings"] = r.warnings;
  return j;
}

}  // namespace cp::economics
