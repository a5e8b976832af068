// include/cp/study/analysis_spec.hpp — the analysis spec of `cpi analyse` (TOML, issue 6):
//   [data]      file, id, cluster, arm, control, covariates, optional [data.reference]
//   [[outcomes]] name, baseline, followup
//   [analysis]  models, imputation = { m, seed, maxit, donors, auxiliary }, robust, reml,
//               level, threads, dose_response = { column, full_at }
//   [economics] passed through as JSON to the economics layer.
// The format is documented in docs/analysis.md. Parsing is pure (TOML text in, value out).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "cp/domain/result.hpp"
#include "cp/study/analysis_dataset.hpp"
#include "cp/study/models.hpp"

namespace cp::study {

struct ImputationSpec {
  int m = 20;
  std::uint64_t seed = 1;
  int maxit = 5;
  int donors = 5;
  std::vector<std::string> auxiliary;  // extra numeric columns used (and imputed) in the imputation model
};

struct DoseResponseSpec {
  std::string column;             // implementation level (fidelity) per participant
  std::optional<double> full_at;  // "full" implementation when column >= full_at
};

struct AnalysisSpec {
  std::string data_file;  // as written in the spec (relative to the spec's folder); may be empty
  DatasetRequest data;    // columns; outcomes filled from [[outcomes]]
  std::vector<ModelKind> models;
  std::optional<ImputationSpec> imputation;
  ModelSettings settings;
  std::optional<DoseResponseSpec> dose_response;
  int threads = 0;  // 0 = all hardware threads
  std::optional<nlohmann::json> economics;  // the [economics] table, converted to JSON
};

// Errors (invalid_input, field = the TOML path, e.g. "outcomes[2].baseline"): TOML syntax
// (with line and column), a missing required key, a wrong type, an unknown key or model,
// a bad value (m < 1, level outside (0, 1), duplicate outcome names).
cp::Result<AnalysisSpec> parse_analysis_spec(std::string_view toml_text);

}  // namespace cp::study
