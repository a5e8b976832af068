// include/cp/study/dose_response.hpp — fidelity dose–response: does the outcome change more
// where the model was implemented more fully? OLS of the change score on the implementation
// level (continuous) and, when `full_at` is given, on full (level >= full_at) vs partial,
// adjusted for the spec's covariates, with CR2/CR1 cluster-robust SEs and Satterthwaite df.
// Rows with the level missing are left out (leave it empty for people not offered the model).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cp/study/analysis_dataset.hpp"
#include "cp/study/analysis_spec.hpp"

namespace cp::study {

// {"column", "continuous": {estimate…}, "full_vs_partial": {estimate…, "full_at", "n_full",
// "n_partial"}}; a part that cannot be estimated has null numbers and an "error"; warnings are
// appended to `warnings`. Contract: spec.column is in data.extra.
nlohmann::json dose_response(const AnalysisDataset& data, std::size_t outcome,
                             const DoseResponseSpec& spec, const ModelSettings& settings,
                             std::vector<std::string>& warnings);

}  // namespace cp::study
