// src/study/economics_bridge.cpp — [economics] → cp::economics (issue 7). Until the economics
// layer's entry point exists this reports, in results.json and as a warning, that the section
// was not evaluated (never a made-up number).
#include "cp/study/economics_bridge.hpp"

namespace cp::study {

std::vector<std::string> economics_columns(const nlohmann::json& e) {
  std::vector<std::string> cols;
  for (const char* k : {"cost_baseline", "cost_followup", "utility_baseline", "utility_followup"})
    if (e.contains(k) && e[k].is_string()) cols.push_back(e[k].get<std::string>());
  return cols;
}

nlohmann::json run_economics(const nlohmann::json& economics, const AnalysisDataset& data,
                             std::vector<std::string>& warnings) {
  warnings.push_back("economics: the [economics] section was read but is not evaluated in this build");
  return {{"error", "the economics engine is not wired into cpi analyse in this build"}};
}

}  // namespace cp::study
