// src/study/models.cpp — paired, group_time and ancova models of one outcome (mixed is in
// model_mixed.cpp), each reduced to the arm effect with its test.
#include "cp/study/models.hpp"

#include <cmath>

#include <fmt/format.h>

#include "cp/stats/distributions.hpp"
#include "cp/stats/ols.hpp"
#include "cp/stats/t_tests.hpp"
#include "cp/study/design_matrix.hpp"

namespace cp::study {

namespace {

nlohmann::json num_or_null(double x) {
  return std::isfinite(x) ? nlohmann::json(x) : nlohmann::json(nullptr);
}

nlohmann::json ttest_json(const stats::TTest& t) {
  return {{"estimate", t.estimate}, {"se", t.se}, {"df", t.df}, {"t", t.t},
          {"ci_low", t.ci_low},     {"ci_high", t.ci_high}, {"p", t.p}, {"n", t.n}};
}

std::vector<double> change_scores(const OutcomeData& o) {
  std::vector<double> c(o.baseline.size());
  for (std::size_t i = 0; i < c.size(); ++i) c[i] = o.followup[i] - o.baseline[i];  // NaN stays NaN
  return c;
}

}  // namespace

const char* model_name(ModelKind k) {
  switch (k) {
    case ModelKind::paired: return "paired";
    case ModelKind::group_time: return "group_time";
    case ModelKind::ancova: return "ancova";
    case ModelKind::mixed: return "mixed";
  }
  return "?";
}

bool parse_model_name(const std::string& s, ModelKind& out) {
  for (auto k : {ModelKind::paired, ModelKind::group_time, ModelKind::ancova, ModelKind::mixed})
    if (s == model_name(k)) {
      out = k;
      return true;
    }
  return false;
}

ModelResult failed(const std::string& model, const cp::Error& e) {
  ModelResult r;
  r.model = model;
  r.ok = false;
  r.error = e.message;
  r.error_code = e.code;
  return r;
}

nlohmann::json standardised_effect(const AnalysisDataset& data, std::size_t outcome,
                                   const std::vector<int>& rows, double estimate, double ci_low,
                                   double ci_high) {
  const auto& b = data.outcomes[outcome].baseline;
  double s[2] = {0, 0}, ss[2] = {0, 0};
  int n[2] = {0, 0};
  for (int r : rows)
    if (std::isfinite(b[r])) { s[data.arm[r]] += b[r]; ++n[data.arm[r]]; }
  if (n[0] < 2 || n[1] < 2)
    return {{"estimate", nullptr}, {"reason", "fewer than two baseline values in an arm"}};
  const double m0 = s[0] / n[0], m1 = s[1] / n[1];
  for (int r : rows)
    if (std::isfinite(b[r])) {
      const double d = b[r] - (data.arm[r] ? m1 : m0);
      ss[data.arm[r]] += d * d;
    }
  const double sd = std::sqrt((ss[0] + ss[1]) / (n[0] + n[1] - 2));
  if (!(sd > 0)) return {{"estimate", nullptr}, {"reason", "the baseline score does not vary"}};
  return {{"estimate", estimate / sd}, {"ci_low", ci_low / sd}, {"ci_high", ci_high / sd},
          {"sd", sd}, {"denominator", "pooled within-arm SD at baseline"}};
}

ModelResult fit_paired(const AnalysisDataset& data, std::size_t outcome, const ModelSettings& s) {
  const auto& o = data.outcomes[outcome];
  std::vector<double> before[2], after[2], change[2];
  std::vector<int> rows;
  for (std::size_t r = 0; r < data.rows(); ++r) {
    if (!std::isfinite(o.baseline[r]) || !std::isfinite(o.followup[r])) continue;
    const int a = data.arm[r];
    before[a].push_back(o.baseline[r]);
    after[a].push_back(o.followup[r]);
    change[a].push_back(o.followup[r] - o.baseline[r]);
    rows.push_back(static_cast<int>(r));
  }
  ModelResult res;
  res.model = "paired";
  nlohmann::json arms = nlohmann::json::object();
  const std::string label[2] = {data.control_label, data.intervention_label};
  for (int a = 0; a < 2; ++a) {
    auto t = stats::paired_t_test(before[a], after[a], s.level);
    if (t) {
      arms[label[a]] = ttest_json(*t);
    } else {
      arms[label[a]] = {{"estimate", nullptr}, {"n", static_cast<int>(change[a].size())},
                        {"error", t.error().message}};
      res.warnings.push_back(fmt::format("paired t-test in arm '{}': {}", label[a], t.error().message));
    }
  }
  auto w = stats::welch_t_test(change[1], change[0], s.level);
  if (!w) {
    ModelResult f = failed("paired", w.error());
    f.extra["arms"] = arms;
    f.warnings = res.warnings;
    f.n = static_cast<int>(rows.size());
    return f;
  }
  res.ok = true;
  res.estimate = w->estimate;
  res.se = w->se;
  res.df = w->df;
  res.ci_low = w->ci_low;
  res.ci_high = w->ci_high;
  res.p = w->p;
  res.n = w->n;
  res.dfcom = w->n - 2;
  res.extra["test"] = "Welch two-sample t-test of change scores (intervention minus control)";
  res.extra["t"] = w->t;
  res.extra["arms"] = arms;
  res.extra["smd"] = standardised_effect(data, outcome, rows, res.estimate, res.ci_low, res.ci_high);
  return res;
}

ModelResult fit_group_time(const AnalysisDataset& data, std::size_t outcome,
                           const ModelSettings& s) {
  const auto change = change_scores(data.outcomes[outcome]);
  DesignRequest q;
  q.response = &change;
  auto d = build_design(data, q);
  if (!d) return failed("group_time", d.error());
  auto fit = stats::fit_ols(d->X, d->y, d->names);
  if (!fit) return failed("group_time", fit.error());
  const int k = d->arm_column;
  ModelResult r;
  r.model = "group_time";
  r.ok = true;
  r.n = fit->n;
  r.estimate = fit->beta(k);
  r.se = fit->se_model()(k);
  r.df = fit->df_residual;
  r.dfcom = fit->df_residual;
  if (!(r.se > 0)) return failed("group_time", Error::infeasible("zero_variance", "the change scores fit perfectly: no residual variance"));
  const double t = r.estimate / r.se;
  const double q95 = stats::t_quantile(0.5 + s.level / 2, r.df);
  r.ci_low = r.estimate - q95 * r.se;
  r.ci_high = r.estimate + q95 * r.se;
  r.p = stats::t_two_sided_p(t, r.df);
  const double F = t * t;
  r.extra["F"] = F;
  r.extra["df1"] = 1;
  r.extra["df2"] = fit->df_residual;
  r.extra["partial_eta_sq"] = F / (F + fit->df_residual);
  r.extra["test"] = data.covariates.empty()
                        ? "ANOVA of change scores (group x time interaction)"
                        : "ANCOVA of change scores, arm entered after the covariates";
  for (const auto& note : d->notes) r.warnings.push_back(note);
  r.extra["smd"] = standardised_effect(data, outcome, d->rows, r.estimate, r.ci_low, r.ci_high);
  return r;
}

ModelResult fit_ancova(const AnalysisDataset& data, std::size_t outcome, const ModelSettings& s) {
  const auto& o = data.outcomes[outcome];
  DesignRequest q;
  q.response = &o.followup;
  q.numeric.push_back({o.baseline_column, &o.baseline});
  auto d = build_design(data, q);
  if (!d) return failed("ancova", d.error());
  auto fit = stats::fit_ols(d->X, d->y, d->names);
  if (!fit) return failed("ancova", fit.error());
  auto cr = stats::cluster_robust(*fit, d->X, d->cluster, s.robust, {d->arm_column});
  if (!cr) return failed("ancova", cr.error());
  const int k = d->arm_column;
  ModelResult r;
  r.model = "ancova";
  r.n = fit->n;
  r.estimate = fit->beta(k);
  r.se = cr->se(k);
  r.df = cr->df(k);
  r.dfcom = fit->df_residual;
  if (!(r.se > 0) || !(r.df > 0))
    return failed("ancova", Error::infeasible("degenerate_variance",
                                              "the cluster-robust variance of the arm effect is zero"));
  r.ok = true;
  r.p = cr->p(k);
  const double q95 = stats::t_quantile(0.5 + s.level / 2, r.df);
  r.ci_low = r.estimate - q95 * r.se;
  r.ci_high = r.estimate + q95 * r.se;
  r.extra["se_type"] = s.robust == stats::CrType::CR2 ? "CR2" : "CR1";
  r.extra["df_type"] = "Satterthwaite (clubSandwich)";
  r.extra["t"] = cr->t(k);
  r.extra["se_ols"] = fit->se_model()(k);
  r.extra["n_clusters"] = cr->n_clusters;
  if (cr->n_clusters_singular > 0)
    r.warnings.push_back(fmt::format("{} cluster(s) have I - H_jj singular (leverage 1); CR2 used a pseudo-inverse", cr->n_clusters_singular));
  if (r.df < 4)
    r.warnings.push_back(fmt::format("the Satterthwaite df of the arm effect is {:.2f} (< 4): the cluster-robust test is unreliable", r.df));
  for (const auto& note : d->notes) r.warnings.push_back(note);
  r.extra["smd"] = standardised_effect(data, outcome, d->rows, r.estimate, r.ci_low, r.ci_high);
  return r;
}

ModelResult fit_model(ModelKind kind, const AnalysisDataset& data, std::size_t outcome,
                      const ModelSettings& s) {
  switch (kind) {
    case ModelKind::paired: return fit_paired(data, outcome, s);
    case ModelKind::group_time: return fit_group_time(data, outcome, s);
    case ModelKind::ancova: return fit_ancova(data, outcome, s);
    case ModelKind::mixed: return fit_mixed(data, outcome, s);
  }
  return failed("?", Error::invalid("unknown_model", "unknown model"));
}

nlohmann::json to_json(const ModelResult& r) {
  nlohmann::json j = nlohmann::json::object();
  if (r.ok) {
    j["estimate"] = num_or_null(r.estimate);
    j["se"] = num_or_null(r.se);
    j["df"] = num_or_null(r.df);
    j["ci_low"] = num_or_null(r.ci_low);
    j["ci_high"] = num_or_null(r.ci_high);
    j["p"] = num_or_null(r.p);
  } else {
    for (const char* k : {"estimate", "se", "df", "ci_low", "ci_high", "p"}) j[k] = nullptr;
    j["error"] = r.error;
    if (!r.error_code.empty()) j["error_code"] = r.error_code;
  }
  j["n"] = r.n;
  for (auto it = r.extra.begin(); it != r.extra.end(); ++it) j[it.key()] = it.value();
  if (!r.warnings.empty()) j["warnings"] = r.warnings;
  return j;
}

}  // namespace cp::study
