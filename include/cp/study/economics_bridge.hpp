// include/cp/study/economics_bridge.hpp — hands the spec's [economics] table and the
// per-participant columns to the economics layer and returns results.json's `economics` value.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cp/study/analysis_dataset.hpp"

namespace cp::study {

// The columns the [economics] table names (cost_baseline, cost_followup, utility_baseline,
// utility_followup) so the dataset can carry them; empty if none.
std::vector<std::string> economics_columns(const nlohmann::json& economics);

// Runs the cost-effectiveness analysis; on failure returns {"error": …} and adds a warning.
nlohmann::json run_economics(const nlohmann::json& economics, const AnalysisDataset& data,
                             std::vector<std::string>& warnings);

}  // namespace cp::study
