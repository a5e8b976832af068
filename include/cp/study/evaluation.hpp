// include/cp/study/evaluation.hpp — the evaluation engine behind `cpi analyse`: runs every
// model of the spec on every outcome (complete cases; with multiple imputation when the spec
// asks), the dose–response analysis, the flow counts, and assembles results.json.
#pragma once

#include <array>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "cp/domain/result.hpp"
#include "cp/study/analysis_dataset.hpp"
#include "cp/study/analysis_spec.hpp"

namespace cp::study {

// CONSORT-style counts by arm (index 0 = control, 1 = intervention) for the first outcome:
// recruited = rows; baseline = baseline observed; followed_up = follow-up observed;
// analysed = used by the complete-case ANCOVA (baseline, follow-up and covariates observed).
struct FlowCounts {
  std::array<int, 2> recruited{}, baseline{}, followed_up{}, analysed{};
};

struct ArmSummary {
  int n_baseline = 0, n_followup = 0;
  double mean_baseline = 0, sd_baseline = 0, mean_followup = 0, sd_followup = 0;
};

struct OutcomeSummary {
  std::string name;
  std::array<ArmSummary, 2> arm;  // 0 control, 1 intervention
};

struct EvaluationOutput {
  nlohmann::json results;  // the whole results.json document
  FlowCounts flow;
  std::vector<OutcomeSummary> summaries;
  std::vector<std::string> warnings;
  std::string report_sections;  // extra report.html sections (economics SVGs), safe HTML
};

// Progress messages for long runs (one line each); may be empty.
using Progress = std::function<void(std::string_view)>;

FlowCounts flow_counts(const AnalysisDataset& data);
std::vector<OutcomeSummary> outcome_summaries(const AnalysisDataset& data);

// Runs the analysis. Model failures (no complete cases, singular design…) do not stop the
// run: that model's entry has null numbers and an "error", and a warning is added. Errors are
// returned only for problems of the whole run (an imputation that cannot start).
cp::Result<EvaluationOutput> run_evaluation(const AnalysisSpec& spec, const AnalysisDataset& data,
                                            const Progress& progress = {});

}  // namespace cp::study
