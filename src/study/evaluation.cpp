// src/study/evaluation.cpp — orchestration of the complete-case models, multiple imputation,
// dose–response and economics into the results.json document.
#include "cp/study/evaluation.hpp"

#include <cmath>

#include <fmt/format.h>

#include "cp/study/design_matrix.hpp"
#include "cp/study/dose_response.hpp"
#include "cp/study/economics_bridge.hpp"
#include "cp/study/multiple_imputation.hpp"

namespace cp::study {

namespace {

void add_moments(const std::vector<double>& v, const std::vector<int>& arm, int a, int& n,
                 double& mean, double& sd) {
  double s = 0;
  n = 0;
  for (std::size_t i = 0; i < v.size(); ++i)
    if (arm[i] == a && std::isfinite(v[i])) { s += v[i]; ++n; }
  mean = n ? s / n : 0;
  double ss = 0;
  for (std::size_t i = 0; i < v.size(); ++i)
    if (arm[i] == a && std::isfinite(v[i])) ss += (v[i] - mean) * (v[i] - mean);
  sd = n > 1 ? std::sqrt(ss / (n - 1)) : 0;
}

nlohmann::json nz(double x, int n) { return n > 0 ? nlohmann::json(x) : nlohmann::json(nullptr); }

}  // namespace

FlowCounts flow_counts(const AnalysisDataset& d) {
  FlowCounts f;
  if (d.outcomes.empty()) return f;
  const auto& o = d.outcomes.front();
  for (std::size_t r = 0; r < d.rows(); ++r) {
    const int a = d.arm[r];
    ++f.recruited[a];
    const bool b = std::isfinite(o.baseline[r]), fu = std::isfinite(o.followup[r]);
    if (b) ++f.baseline[a];
    if (fu) ++f.followed_up[a];
    bool cov = true;
    for (const auto& c : d.covariates) cov = cov && std::isfinite(c.values[r]);
    if (b && fu && cov) ++f.analysed[a];
  }
  return f;
}

std::vector<OutcomeSummary> outcome_summaries(const AnalysisDataset& d) {
  std::vector<OutcomeSummary> out;
  for (const auto& o : d.outcomes) {
    OutcomeSummary s;
    s.name = o.name;
    for (int a = 0; a < 2; ++a) {
      auto& m = s.arm[a];
      add_moments(o.baseline, d.arm, a, m.n_baseline, m.mean_baseline, m.sd_baseline);
      add_moments(o.followup, d.arm, a, m.n_followup, m.mean_followup, m.sd_followup);
    }
    out.push_back(s);
  }
  return out;
}

cp::Result<EvaluationOutput> run_evaluation(const AnalysisSpec& spec, const AnalysisDataset& data,
                                            const Progress& progress) {
  auto say = [&](const std::string& s) {
    if (progress) progress(s);
  };
  EvaluationOutput out;
  out.warnings = data.warnings;
  out.flow = flow_counts(data);
  out.summaries = outcome_summaries(data);
  auto& J = out.results;
  J["schema"] = "cp.analysis.results/1";
  const std::string label[2] = {data.control_label, data.intervention_label};
  J["data"] = {{"n", data.rows()},
               {"n_clusters", data.cluster_labels.size()},
               {"control", data.control_label},
               {"intervention", data.intervention_label},
               {"covariates", spec.data.covariates}};
  nlohmann::json flow = nlohmann::json::object();
  for (int a = 0; a < 2; ++a)
    flow[label[a]] = {{"recruited", out.flow.recruited[a]},
                      {"baseline", out.flow.baseline[a]},
                      {"followed_up", out.flow.followed_up[a]},
                      {"analysed", out.flow.analysed[a]}};
  J["flow"] = flow;
  J["settings"] = {{"level", spec.settings.level},
                   {"robust", spec.settings.robust == stats::CrType::CR2 ? "CR2" : "CR1"},
                   {"reml", spec.settings.reml}};

  nlohmann::json outcomes = nlohmann::json::object();
  for (std::size_t k = 0; k < data.outcomes.size(); ++k) {
    const auto& name = data.outcomes[k].name;
    nlohmann::json o = nlohmann::json::object();
    const auto& s = out.summaries[k];
    nlohmann::json desc = nlohmann::json::object();
    for (int a = 0; a < 2; ++a) {
      const auto& m = s.arm[a];
      desc[label[a]] = {{"n_baseline", m.n_baseline}, {"mean_baseline", nz(m.mean_baseline, m.n_baseline)},
                        {"sd_baseline", nz(m.sd_baseline, m.n_baseline > 1)},
                        {"n_followup", m.n_followup}, {"mean_followup", nz(m.mean_followup, m.n_followup)},
                        {"sd_followup", nz(m.sd_followup, m.n_followup > 1)}};
    }
    o["descriptives"] = desc;
    for (auto kind : spec.models) {
      say(fmt::format("outcome {}: {} (complete cases)", name, model_name(kind)));
      ModelResult r = fit_model(kind, data, k, spec.settings);
      for (const auto& w : r.warnings) out.warnings.push_back(fmt::format("{} / {}: {}", name, r.model, w));
      if (!r.ok) out.warnings.push_back(fmt::format("{} / {}: not estimated: {}", name, r.model, r.error));
      o[model_name(kind)] = to_json(r);
    }
    if (spec.dose_response) {
      say(fmt::format("outcome {}: dose_response", name));
      o["dose_response"] = dose_response(data, k, *spec.dose_response, spec.settings, out.warnings);
    }
    outcomes[name] = o;
  }
  J["outcomes"] = outcomes;

  if (spec.imputation) {
    auto mi = run_multiple_imputation(spec, data, say, out.warnings);
    if (!mi) return std::move(mi).error();
    for (auto& [oname, models] : mi->per_outcome.items())
      for (auto& [mname, res] : models.items()) J["outcomes"][oname][mname] = res;
    J["imputation"] = mi->summary;
  }
  if (spec.economics) {
    say("economics");
    auto ec = run_economics(*spec.economics, data, out.warnings);
    J["economics"] = std::move(ec.json);
    out.report_sections += ec.report_html;
  }
  J["warnings"] = out.warnings;
  return out;
}

}  // namespace cp::study
