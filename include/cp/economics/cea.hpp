// include/cp/economics/cea.hpp — the cost-utility analysis of issue 7: spec, per-participant
// input, result, the one entry point `run_economics`, and its JSON and SVG renderings.
//
// Pure logic: values in, values out; no I/O. The caller (study/ orchestrator of `cpi analyse`)
// turns the TOML [economics] table into JSON (`parse_economics_spec`), reads the named columns
// into an `EconomicsInput`, calls `run_economics` and writes `to_json(result)` under
// `economics` in results.json and the two SVGs into report.html.
//
// Method (docs/economics.md has the details and the R equivalents):
//   QALY_i  = (u_b + u_f) / 2 × months / 12                 (area under the curve, two points)
//   ΔQ      = arm coefficient of OLS  qaly ~ 1 + arm + u_b
//   ΔC      = arm coefficient of OLS  cost_f ~ 1 + arm + cost_b   (cost_adjustment "baseline")
//           = arm coefficient of OLS  cost_f ~ 1 + arm            (cost_adjustment "none")
//   optional SUR (FGLS, two equations) instead of equation-by-equation OLS;
//   non-parametric bootstrap stratified by arm (or two-stage by cluster), seeded per replicate
//   so the result is identical whatever the thread count; percentile CIs; CE plane; CEAC; NMB.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cp/domain/result.hpp"
#include "cp/economics/costs.hpp"

namespace cp::economics {

// How the cost increment is estimated: adjusted for baseline cost (issue 7 default) or the
// plain difference in mean follow-up cost (the r-anchor pipeline's step d).
enum class CostAdjustment { baseline, none };

// Threshold grid (GBP per QALY), inclusive of `from` and of `to` when reached by `step`.
struct ThresholdRange {
  double from = 0.0;
  double to = 50000.0;
  double step = 1000.0;
};

// The [economics] table of the analysis spec. Column names refer to the analysis dataset.
struct EconomicsSpec {
  std::string cost_baseline;     // required when cost_adjustment == baseline
  std::string cost_followup;     // required
  std::string utility_baseline;  // required (EQ-5D utility at baseline)
  std::string utility_followup;  // required (EQ-5D utility at follow-up)
  double months = 12.0;          // length of the follow-up period in months (> 0)
  int bootstrap = 5000;          // replicates (0 = no bootstrap; max 1,000,000)
  std::uint64_t seed = 1;        // bootstrap seed
  ThresholdRange thresholds;     // CEAC grid; 20,000 and 30,000 are always reported too
  Perspective perspective = Perspective::nhs_pss;  // filters cost_components by sector
  // [[economics.costs]]: cost columns by sector, totalled per participant under `perspective`
  // (instead of cost_baseline / cost_followup, which are taken as already totalled).
  std::vector<CostColumns> cost_components;
  // [economics.intervention]: the intervention's own cost, added to the follow-up cost of the
  // intervention arm (training spread over participants + recorded contact time × hourly cost).
  std::optional<InterventionCostSpec> intervention_cost;
  CostAdjustment cost_adjustment = CostAdjustment::baseline;
  bool sur = false;                 // seemingly unrelated regression (FGLS) for (ΔC, ΔQ)
  bool cluster_bootstrap = false;   // two-stage: clusters within arm, then people within cluster
  std::string capability_baseline;  // optional ICECAP-A tariff score (0..1) at baseline
  std::string capability_followup;  // optional ICECAP-A tariff score at follow-up
  int threads = 0;                  // 0 = all hardware threads; results do not depend on it
  double utility_min = -0.594;      // value-set range checked (EQ-5D-3L UK, Dolan 1997)
  double utility_max = 1.0;
};

// Parses the JSON form of the [economics] table. Keys as in EconomicsSpec; `thresholds` is an
// array [from, to, step]; `perspective` is "nhs_pss" | "societal"; `cost_adjustment` is
// "baseline" | "none". Unknown keys are an error (a typo must not pass silently).
// Errors: kind invalid_input, code "economics_spec", field = "economics.<key>".
cp::Result<EconomicsSpec> parse_economics_spec(const nlohmann::json& table);

// One entry per participant, all vectors of the same length n. NaN = missing.
// `capability_b/_f` may be left empty (then no capability analysis); `cluster` may be empty
// unless spec.cluster_bootstrap is set.
struct EconomicsInput {
  std::vector<int> arm;              // 1 = intervention, 0 = control
  std::vector<std::string> cluster;  // cluster (team/agency) id
  std::vector<double> cost_b;        // baseline-period cost, GBP (may be empty if unadjusted)
  std::vector<double> cost_f;        // follow-up-period cost, GBP
  std::vector<double> utility_b;     // EQ-5D utility at baseline
  std::vector<double> utility_f;     // EQ-5D utility at follow-up
  std::vector<double> capability_b;  // ICECAP-A score at baseline (optional)
  std::vector<double> capability_f;  // ICECAP-A score at follow-up (optional)
};

// Percentile interval.
struct Interval {
  double low = 0.0;
  double high = 0.0;
};

// ICER at the point estimates with its quadrant and the decision-relevant reading.
//   quadrant: "NE" (ΔQ > 0, ΔC > 0), "SE" (ΔQ > 0, ΔC ≤ 0), "SW" (ΔQ ≤ 0, ΔC ≤ 0),
//             "NW" (ΔQ ≤ 0, ΔC > 0) — the same convention as the r-anchor pipeline;
//   status:   "ratio" (NE: more effective at a cost; SW: less effective and cheaper — then
//             the intervention is cost-effective when the ICER is ABOVE the threshold),
//             "dominant" (SE, ΔQ > 0), "dominated" (NW, ΔQ < 0),
//             "undefined" (ΔQ == 0, ICER has no value).
//   value: ΔC / ΔQ only when status == "ratio"; `ratio` holds ΔC / ΔQ whenever ΔQ ≠ 0.
struct Icer {
  std::optional<double> value;
  std::optional<double> ratio;
  std::string quadrant;
  std::string status;
  std::string note;  // plain-English reading
};

// Bootstrap summaries. Replicates are kept for the CE plane.
struct BootstrapSummary {
  int replicates = 0;              // requested
  int replicates_used = 0;         // replicates with a solvable design
  std::vector<double> delta_cost;  // per replicate (used ones, in replicate order)
  std::vector<double> delta_qaly;
  std::vector<double> delta_capability;  // empty unless capability given
  double delta_cost_mean = 0.0, delta_cost_se = 0.0;
  double delta_qaly_mean = 0.0, delta_qaly_se = 0.0;
  Interval delta_cost_ci;  // 95 % percentile (boot.ci "perc": interpolated order stats)
  Interval delta_qaly_ci;
  Interval delta_cost_ci_type7;  // 95 % by quantile(type = 7)
  Interval delta_qaly_ci_type7;
  std::optional<Interval> delta_capability_ci;
  double quadrant_ne = 0.0, quadrant_se = 0.0, quadrant_sw = 0.0, quadrant_nw = 0.0;
};

// Net monetary benefit at the point estimates and probability cost-effective at a threshold.
struct ThresholdRow {
  double threshold = 0.0;
  double nmb = 0.0;                        // threshold × ΔQ − ΔC
  std::optional<double> p_cost_effective;  // share of replicates with λΔQ − ΔC > 0
};

// Means by arm (complete cases).
struct ArmSummary {
  int n = 0;
  double mean_cost_b = 0.0;  // 0 when cost_b not used
  double mean_cost_f = 0.0;
  double mean_utility_b = 0.0;
  double mean_qaly = 0.0;
  std::optional<double> mean_capability_years;
};

struct EconomicsResult {
  EconomicsSpec spec;
  int n = 0;           // complete cases analysed
  int n_excluded = 0;  // rows left out for missing values
  ArmSummary intervention, control;
  double delta_cost = 0.0;
  double delta_qaly = 0.0;
  double delta_cost_se = 0.0;  // model-based SE (OLS or SUR), for information
  double delta_qaly_se = 0.0;
  std::optional<double> delta_capability;  // years of full capability, adjusted for baseline
  Icer icer;
  std::optional<BootstrapSummary> bootstrap;  // absent when spec.bootstrap == 0
  std::vector<ThresholdRow> ceac;             // the spec's grid
  std::vector<ThresholdRow> reported;         // 20,000 and 30,000 (and the grid) for nmb / p keys
  std::vector<std::string> warnings;
  std::vector<std::string> notes;  // method notes
};

// Runs the whole analysis. Errors (never a crash, never a silent NaN):
//   invalid_input — vectors of unequal length, arm not 0/1, negative or infinite cost,
//                   utility outside [utility_min, utility_max], capability outside [0, 1],
//                   missing cluster ids with cluster_bootstrap (field names the row);
//   infeasible    — fewer than 2 complete cases in an arm, singular design (e.g. a baseline
//                   covariate with zero variance), SUR residual covariance singular.
// Documented warnings: rows excluded for missing follow-up or baseline, zero variance of an
// outcome, replicates dropped because their resampled design was singular.
cp::Result<EconomicsResult> run_economics(const EconomicsInput& input, const EconomicsSpec& spec);

// As run_economics, but the bootstrap uses the given index sets (0-based, into the complete
// cases in input order) instead of drawing its own — to check against R's boot.array.
cp::Result<EconomicsResult> run_economics_with_indices(
    const EconomicsInput& input, const EconomicsSpec& spec,
    const std::vector<std::vector<std::size_t>>& index_sets);

// results.json `economics` object: delta_cost, delta_qaly, icer, icer_status, quadrant,
// nmb {"<λ>": x}, p_cost_effective {"<λ>": p}, ceac [{"threshold","p"}],
// bootstrap {replicates, replicates_used, delta_cost_ci [lo,hi], delta_qaly_ci [lo,hi], …},
// n, n_excluded, arms, warnings, notes, method. Missing values are null with a reason key.
nlohmann::json to_json(const EconomicsResult& result);

// Inline SVG (with <title>, <desc>, labelled axes) for report.html.
std::string ce_plane_svg(const EconomicsResult& result);
std::string ceac_svg(const EconomicsResult& result);

}  // namespace cp::economics
