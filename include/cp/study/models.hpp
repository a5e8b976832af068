// include/cp/study/models.hpp — the evaluation models of one outcome, each reporting the arm
// effect (intervention minus control) with its uncertainty, as issue 6 defines them:
//   paired      within-arm change: paired t-test per arm; arm effect = difference in mean
//               change by Welch's two-sample t-test on the change scores (t.test default);
//   group_time  the group × time interaction for two waves = ANOVA of change scores
//               (change ~ covariates + arm, arm entered last, so its sequential F is R's
//               aov F); F, df1, df2, p, partial eta squared;
//   ancova      follow-up ~ arm + baseline + covariates by OLS, CR2 (or CR1) cluster-robust
//               SE, Satterthwaite df (clubSandwich coef_test);
//   mixed       the same fixed effects + random intercept for cluster (REML or ML),
//               Satterthwaite df (lmerTest); variance components.
// Every result also carries the complete-data df (`dfcom`: n − coefficients; mixed: n − fixed
// effects − 2 variance parameters, as broom.mixed) that Rubin's rules need, and a standardised mean difference.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cp/stats/cluster_robust.hpp"
#include "cp/study/analysis_dataset.hpp"

namespace cp::study {

enum class ModelKind { paired, group_time, ancova, mixed };

// "paired", "group_time", "ancova", "mixed".
const char* model_name(ModelKind kind);
// Parses a model name; false if unknown.
bool parse_model_name(const std::string& name, ModelKind& out);

struct ModelSettings {
  double level = 0.95;                          // confidence level of every interval
  stats::CrType robust = stats::CrType::CR2;    // ancova variance
  bool reml = true;                             // mixed: REML (true) or ML
};

// One model's arm effect. When ok is false the numbers are meaningless and `error` says why;
// to_json writes them as null.
struct ModelResult {
  std::string model;
  bool ok = false;
  std::string error, error_code;
  double estimate = 0, se = 0, df = 0, ci_low = 0, ci_high = 0, p = 0;
  int n = 0;
  double dfcom = 0;                               // complete-data df for Rubin's rules
  nlohmann::json extra = nlohmann::json::object(); // model-specific keys (F, sigma2_cluster, arms…)
  std::vector<std::string> warnings;
};

ModelResult failed(const std::string& model, const cp::Error& e);

// Contract for all: `outcome` indexes data.outcomes.
ModelResult fit_paired(const AnalysisDataset& data, std::size_t outcome, const ModelSettings& s);
ModelResult fit_group_time(const AnalysisDataset& data, std::size_t outcome, const ModelSettings& s);
ModelResult fit_ancova(const AnalysisDataset& data, std::size_t outcome, const ModelSettings& s);
ModelResult fit_mixed(const AnalysisDataset& data, std::size_t outcome, const ModelSettings& s);
ModelResult fit_model(ModelKind kind, const AnalysisDataset& data, std::size_t outcome,
                      const ModelSettings& s);

// {"estimate","se","df","ci_low","ci_high","p","n", …extra}; on failure the numbers are null
// and "error" holds the reason.
nlohmann::json to_json(const ModelResult& r);

// Standardised mean difference: effect / pooled within-arm SD of the baseline score of the
// rows used; the CI is the effect's CI divided by the same SD (SD treated as known).
// Returns a JSON object {"estimate","ci_low","ci_high","sd"} or null with a reason when the SD
// cannot be computed.
nlohmann::json standardised_effect(const AnalysisDataset& data, std::size_t outcome,
                                   const std::vector<int>& rows, double estimate, double ci_low,
                                   double ci_high);

}  // namespace cp::study
