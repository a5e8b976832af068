// src/economics/cea.cpp — run_economics: validated sample → point increments → bootstrap →
// ICER, CEAC, NMB, and the ICECAP-A capability analysis by the same machinery.
#include "cp/economics/cea.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "cp/economics/bootstrap.hpp"
#include "cp/economics/increments.hpp"
#include "cp/economics/sample.hpp"
#include "cp/economics/summary.hpp"

namespace cp::economics {

namespace {

ArmSummary arm_summary(const Sample& s, const ArmMoments& am) {
  ArmSummary a;
  a.n = static_cast<int>(am.n);
  auto mean = [&](int v) { return am.s[v] / am.n + s.centre[v]; };
  a.mean_cost_b = s.adjust_cost ? mean(kCostB) : 0.0;
  a.mean_cost_f = mean(kCostF);
  a.mean_utility_b = mean(kUtilB);
  a.mean_qaly = mean(kQaly);
  return a;
}

double total_ss(const Moments& m, int v) {
  const double n = m.arm[0].n + m.arm[1].n;
  const double s = m.arm[0].s[v] + m.arm[1].s[v];
  return m.arm[0].pp(v, v) + m.arm[1].pp(v, v) - s * s / n;
}

std::vector<std::string> method_notes(const EconomicsSpec& spec) {
  std::vector<std::string> notes;
  notes.push_back(
      fmt::format("QALYs by area under the curve of EQ-5D utilities at baseline and follow-up: "
                  "(u_b + u_f) / 2 × {} / 12; no discounting",
                  spec.months));
  notes.push_back("ΔQ: arm coefficient of OLS qaly ~ arm + baseline utility");
  notes.push_back(spec.cost_adjustment == CostAdjustment::baseline
                      ? "ΔC: arm coefficient of OLS follow-up cost ~ arm + baseline cost"
                      : "ΔC: arm coefficient of OLS follow-up cost ~ arm (difference in means, "
                        "unadjusted)");
  if (spec.sur)
    notes.push_back(
        "ΔC and ΔQ jointly by seemingly unrelated regression (two-step FGLS, "
        "Σ = E'E/n from OLS residuals); with identical regressors SUR would equal "
        "OLS equation by equation");
  notes.push_back(spec.cluster_bootstrap
                      ? "two-stage cluster bootstrap: clusters resampled within arm, then "
                        "people within each drawn cluster (no shrinkage correction)"
                      : "non-parametric bootstrap stratified by arm, individual-level "
                        "resampling (clustering ignored)");
  notes.push_back("95% CIs: bootstrap percentile (boot.ci type \"perc\" interpolation)");
  notes.push_back(fmt::format(
      "perspective: {} ({})",
      spec.perspective == Perspective::nhs_pss ? "NHS and personal social services" : "societal",
      spec.cost_components.empty()
          ? "costs taken as supplied in the named columns, already totalled"
          : "costs totalled per participant from the sectors that count under it; see costing"));
  if (spec.intervention_cost)
    notes.push_back("intervention cost (training per participant + recorded contact time × hourly "
                    "worker cost) added to the intervention arm's follow-up cost");
  notes.push_back(fmt::format("utilities checked against the value set range [{}, {}]",
                              spec.utility_min, spec.utility_max));
  return notes;
}

cp::Result<EconomicsResult> run_impl(const EconomicsInput& input, const EconomicsSpec& spec,
                                     const std::vector<std::vector<std::size_t>>* sets) {
  auto grid = threshold_grid(spec.thresholds);
  if (!grid.ok()) return grid.error();
  if (spec.bootstrap < 0 || spec.bootstrap > 1000000)
    return Error::invalid("economics_spec", "bootstrap must be 0..1000000 replicates",
                          "economics.bootstrap");
  auto sample = prepare_sample(input, spec);
  if (!sample.ok()) return sample.error();
  const Sample& s = *sample;

  EconomicsResult r;
  r.spec = spec;
  r.n = static_cast<int>(s.size());
  r.n_excluded = s.n_excluded;
  r.warnings = s.warnings;
  r.notes = method_notes(spec);

  const Moments m = moments_all(s);
  r.control = arm_summary(s, m.arm[0]);
  r.intervention = arm_summary(s, m.arm[1]);
  IncrementOptions opts;
  opts.adjust_cost = s.adjust_cost;
  opts.sur = spec.sur;
  auto point = estimate_increments(m, opts);
  if (!point.ok()) return point.error();
  if (!std::isfinite(point->delta_cost) || !std::isfinite(point->delta_qaly))
    return Error::infeasible("not_finite",
                             "economics: the increments could not be computed "
                             "(non-finite result)");
  r.delta_cost = point->delta_cost;
  r.delta_qaly = point->delta_qaly;
  r.delta_cost_se = point->se_cost;
  r.delta_qaly_se = point->se_qaly;
  if (point->aliased > 0)
    r.warnings.push_back(
        "a baseline covariate has no variance within arms and was dropped from "
        "its regression (as R's lm drops an aliased column)");
  if (point->sur_fell_back)
    r.warnings.push_back("SUR residual covariance is singular: OLS equation by equation used");
  if (total_ss(m, kCostF) <= 0.0) r.warnings.push_back("follow-up cost has zero variance");
  if (total_ss(m, kQaly) <= 0.0) r.warnings.push_back("QALYs have zero variance");
  r.icer = classify_icer(r.delta_cost, r.delta_qaly);

  std::optional<Replicates> reps;
  if (sets != nullptr) {
    auto x = replicates_from_indices(s, *sets, opts);
    if (!x.ok()) return x.error();
    reps = std::move(*x);
  } else if (spec.bootstrap > 0) {
    BootstrapOptions bo;
    bo.replicates = spec.bootstrap;
    bo.seed = spec.seed;
    bo.cluster = spec.cluster_bootstrap;
    bo.threads = spec.threads;
    bo.increments = opts;
    auto x = bootstrap_replicates(s, bo);
    if (!x.ok()) return x.error();
    reps = std::move(*x);
  }
  if (reps) {
    const int requested = static_cast<int>(reps->delta_cost.size());
    if (reps->replicates_with_aliasing > 0 && point->aliased == 0)
      r.warnings.push_back(
          fmt::format("in {} bootstrap replicates a baseline covariate was "
                      "aliased and dropped",
                      reps->replicates_with_aliasing));
    if (reps->sur_fallbacks > 0)
      r.warnings.push_back(
          fmt::format("SUR fell back to OLS in {} bootstrap replicates", reps->sur_fallbacks));
    auto b =
        summarise_replicates(std::move(reps->delta_cost), std::move(reps->delta_qaly), requested);
    if (!b.ok()) return b.error();
    r.bootstrap = std::move(*b);
  }

  std::vector<double> reported = *grid;
  reported.push_back(20000.0);
  reported.push_back(30000.0);
  std::sort(reported.begin(), reported.end());
  reported.erase(std::unique(reported.begin(), reported.end()), reported.end());
  auto row = [&](double lambda) {
    ThresholdRow t;
    t.threshold = lambda;
    t.nmb = lambda * r.delta_qaly - r.delta_cost;
    if (r.bootstrap)
      t.p_cost_effective =
          prob_cost_effective(r.bootstrap->delta_cost, r.bootstrap->delta_qaly, lambda);
    return t;
  };
  for (double l : *grid) r.ceac.push_back(row(l));
  for (double l : reported) r.reported.push_back(row(l));
  return r;
}

// ICECAP-A: the same analysis with capability scores (range 0..1) in the utility slots.
cp::Result<Unit> add_capability(const EconomicsInput& input, const EconomicsSpec& spec,
                                EconomicsResult& r) {
  const std::size_t n = input.arm.size();
  if (input.capability_b.size() != n || input.capability_f.size() != n)
    return Error::invalid("size_mismatch",
                          fmt::format("economics: capability columns need {} values each, got "
                                      "{} and {}",
                                      n, input.capability_b.size(), input.capability_f.size()),
                          spec.capability_baseline);
  EconomicsInput cap = input;
  cap.utility_b = input.capability_b;
  cap.utility_f = input.capability_f;
  EconomicsSpec cs = spec;
  cs.utility_baseline = spec.capability_baseline;
  cs.utility_followup = spec.capability_followup;
  cs.utility_min = 0.0;
  cs.utility_max = 1.0;
  cs.capability_baseline.clear();
  cs.capability_followup.clear();
  auto c = run_impl(cap, cs, nullptr);
  if (!c.ok()) return c.error();
  r.delta_capability = c->delta_qaly;
  if (c->bootstrap && r.bootstrap) {
    r.bootstrap->delta_capability = c->bootstrap->delta_qaly;
    r.bootstrap->delta_capability_ci = c->bootstrap->delta_qaly_ci;
  }
  r.intervention.mean_capability_years = c->intervention.mean_qaly;
  r.control.mean_capability_years = c->control.mean_qaly;
  r.notes.push_back(fmt::format(
      "years of full capability: area under the curve of ICECAP-A scores (0..1), Δ adjusted "
      "for baseline capability by OLS; {} complete cases",
      c->n));
  for (const auto& w : c->warnings) r.warnings.push_back("capability: " + w);
  return Unit{};
}

cp::Result<EconomicsResult> run_all(const EconomicsInput& input, const EconomicsSpec& spec,
                                    const std::vector<std::vector<std::size_t>>* sets) {
  auto r = run_impl(input, spec, sets);
  if (!r.ok()) return r;
  if (!spec.capability_baseline.empty()) {
    auto c = add_capability(input, spec, *r);
    if (!c.ok()) return c.error();
  }
  return r;
}

}  // namespace

cp::Result<EconomicsResult> run_economics(const EconomicsInput& input, const EconomicsSpec& spec) {
  return run_all(input, spec, nullptr);
}

cp::Result<EconomicsResult> run_economics_with_indices(
    const EconomicsInput& input, const EconomicsSpec& spec,
    const std::vector<std::vector<std::size_t>>& index_sets) {
  return run_all(input, spec, &index_sets);
}

}  // namespace cp::economics
