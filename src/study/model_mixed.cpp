// src/study/model_mixed.cpp — the `mixed` model: follow-up ~ arm + baseline + covariates with a
// random intercept per cluster, fitted by cp::stats::fit_random_intercept (REML or ML,
// Satterthwaite df as lmerTest); reports the arm effect and the variance components.
#include <cmath>

#include <fmt/format.h>

#include "cp/stats/distributions.hpp"
#include "cp/stats/mixed.hpp"
#include "cp/study/design_matrix.hpp"
#include "cp/study/models.hpp"

namespace cp::study {

ModelResult fit_mixed(const AnalysisDataset& data, std::size_t outcome, const ModelSettings& s) {
  const auto& o = data.outcomes[outcome];
  DesignRequest q;
  q.response = &o.followup;
  q.numeric.push_back({o.baseline_column, &o.baseline});
  auto d = build_design(data, q);
  if (!d) return failed("mixed", d.error());
  stats::MixedOptions opt;
  opt.reml = s.reml;
  auto fit = stats::fit_random_intercept(d->X, d->y, d->cluster, d->names, opt);
  if (!fit) return failed("mixed", fit.error());
  const int k = d->arm_column;
  ModelResult r;
  r.model = "mixed";
  r.n = fit->n;
  r.estimate = fit->beta(k);
  r.se = fit->se(k);
  r.df = fit->df(k);
  // Complete-data df for Rubin's rules as mice::pool uses for lmer (broom.mixed df.residual):
  // n − fixed effects − 2 variance parameters (r-anchor: 155 − 12 = 143), computed by the fit.
  r.dfcom = fit->df_residual_lme4;
  if (!std::isfinite(r.estimate) || !(r.se > 0) || !(r.df > 0) || !std::isfinite(r.df))
    return failed("mixed", Error::infeasible("degenerate_fit",
                                             "the mixed model gave no usable variance for the arm effect"));
  r.ok = true;
  r.p = fit->p(k);
  const double q95 = stats::t_quantile(0.5 + s.level / 2, r.df);
  r.ci_low = r.estimate - q95 * r.se;
  r.ci_high = r.estimate + q95 * r.se;
  r.extra["sigma2_cluster"] = fit->sigma2_cluster;
  r.extra["sigma2_residual"] = fit->sigma2_residual;
  const double tot = fit->sigma2_cluster + fit->sigma2_residual;
  r.extra["icc"] = tot > 0 ? nlohmann::json(fit->sigma2_cluster / tot) : nlohmann::json(nullptr);
  r.extra["n_clusters"] = fit->n_clusters;
  r.extra["estimation"] = s.reml ? "REML" : "ML";
  r.extra["df_type"] = "Satterthwaite (lmerTest)";
  r.extra["singular"] = fit->singular;
  if (fit->singular)
    r.warnings.push_back("the cluster variance is estimated at 0 (singular fit): the model reduces to OLS");
  for (const auto& note : d->notes) r.warnings.push_back(note);
  r.extra["smd"] = standardised_effect(data, outcome, d->rows, r.estimate, r.ci_low, r.ci_high);
  return r;
}

}  // namespace cp::study
