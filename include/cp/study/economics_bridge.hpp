// include/cp/study/economics_bridge.hpp — hands the spec's [economics] table and the
// per-participant columns to the economics layer (cp::economics::run_economics, issue 7) and
// returns results.json's `economics` value and the report's CE plane and CEAC.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cp/study/analysis_dataset.hpp"

namespace cp::study {

// The columns the [economics] table names (cost_baseline, cost_followup, utility_baseline,
// utility_followup, capability_baseline, capability_followup) so the dataset carries them.
std::vector<std::string> economics_columns(const nlohmann::json& economics);

struct EconomicsOutput {
  nlohmann::json json;      // results.json "economics" (or {"error": …})
  std::string report_html;  // a report section with the CE plane and CEAC SVGs; empty on error
};

// Runs the cost-effectiveness analysis; a spec or data problem gives {"error", "error_code",
// "field"} and a warning instead of numbers. Contract: the columns of economics_columns() are
// in data.extra.
EconomicsOutput run_economics(const nlohmann::json& economics, const AnalysisDataset& data,
                              std::vector<std::string>& warnings);

}  // namespace cp::study
