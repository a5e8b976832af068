// src/study/dose_response.cpp — change ~ implementation level (+ covariates), cluster-robust.
#include "cp/study/dose_response.hpp"

#include <cmath>

#include <fmt/format.h>

#include "cp/stats/cluster_robust.hpp"
#include "cp/stats/distributions.hpp"
#include "cp/stats/ols.hpp"
#include "cp/study/design_matrix.hpp"
#include "cp/study/models.hpp"

namespace cp::study {

namespace {

// OLS of `response` on `term` (+ covariates), cluster-robust test of the term's coefficient.
ModelResult slope(const AnalysisDataset& data, const std::vector<double>& response,
                  const std::string& name, const std::vector<double>& term,
                  const ModelSettings& s) {
  DesignRequest q;
  q.response = &response;
  q.arm = false;
  q.numeric.push_back({name, &term});
  auto d = build_design(data, q);
  if (!d) return failed(name, d.error());
  auto fit = stats::fit_ols(d->X, d->y, d->names);
  if (!fit) return failed(name, fit.error());
  auto cr = stats::cluster_robust(*fit, d->X, d->cluster, s.robust, {1});
  if (!cr) return failed(name, cr.error());
  ModelResult r;
  r.model = name;
  r.n = fit->n;
  r.estimate = fit->beta(1);
  r.se = cr->se(1);
  r.df = cr->df(1);
  if (!(r.se > 0) || !(r.df > 0))
    return failed(name, Error::infeasible("degenerate_variance", "the cluster-robust variance is zero"));
  r.ok = true;
  r.p = cr->p(1);
  const double tq = stats::t_quantile(0.5 + s.level / 2, r.df);
  r.ci_low = r.estimate - tq * r.se;
  r.ci_high = r.estimate + tq * r.se;
  r.extra["n_clusters"] = cr->n_clusters;
  r.extra["se_type"] = s.robust == stats::CrType::CR2 ? "CR2" : "CR1";
  if (r.df < 4)
    r.warnings.push_back(fmt::format("Satterthwaite df {:.2f} < 4: the test is unreliable", r.df));
  return r;
}

}  // namespace

nlohmann::json dose_response(const AnalysisDataset& data, std::size_t outcome,
                             const DoseResponseSpec& spec, const ModelSettings& s,
                             std::vector<std::string>& warnings) {
  const auto& o = data.outcomes[outcome];
  const auto& level = data.extra.at(spec.column);
  std::vector<double> change(data.rows());
  for (std::size_t i = 0; i < change.size(); ++i) change[i] = o.followup[i] - o.baseline[i];
  nlohmann::json j;
  j["column"] = spec.column;
  j["response"] = "change score (follow-up minus baseline)";
  auto cont = slope(data, change, spec.column, level, s);
  for (const auto& w : cont.warnings) warnings.push_back(fmt::format("{} / dose_response: {}", o.name, w));
  if (!cont.ok) warnings.push_back(fmt::format("{} / dose_response: {}", o.name, cont.error));
  j["continuous"] = to_json(cont);
  if (spec.full_at) {
    std::vector<double> full(level.size());
    int nf = 0, np = 0;
    for (std::size_t i = 0; i < level.size(); ++i) {
      if (!std::isfinite(level[i])) { full[i] = level[i]; continue; }
      full[i] = level[i] >= *spec.full_at ? 1.0 : 0.0;
      (full[i] > 0 ? nf : np)++;
    }
    ModelResult fp = (nf == 0 || np == 0)
                         ? failed("full", Error::infeasible("one_group", fmt::format(
                               "everyone with a level is {} (full_at = {})", nf ? "full" : "partial", *spec.full_at)))
                         : slope(data, change, "full", full, s);
    for (const auto& w : fp.warnings) warnings.push_back(fmt::format("{} / dose_response: {}", o.name, w));
    if (!fp.ok) warnings.push_back(fmt::format("{} / dose_response (full vs partial): {}", o.name, fp.error));
    auto fj = to_json(fp);
    fj["full_at"] = *spec.full_at;
    fj["n_full"] = nf;
    fj["n_partial"] = np;
    j["full_vs_partial"] = fj;
  }
  return j;
}

}  // namespace cp::study
