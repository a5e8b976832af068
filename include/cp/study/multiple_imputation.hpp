// include/cp/study/multiple_imputation.hpp — missing data by multiple imputation: builds the
// imputation model from the dataset (arm and categorical dummies as complete predictors;
// numeric covariates, every outcome's baseline and follow-up and the auxiliary columns imputed
// by pmm; id and cluster not used, as the r-anchor pipeline), calls cp::stats::mice, fits each
// requested model on every completed dataset (in parallel, results in imputation order) and
// pools the arm effect by Rubin's rules (Barnard–Rubin df, dfcom = n − coefficients of the
// model's fit, as mice::pool and the r-anchor's pool.scalar(n = N, k)).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cp/domain/result.hpp"
#include "cp/study/analysis_dataset.hpp"
#include "cp/study/analysis_spec.hpp"
#include "cp/study/models.hpp"

namespace cp::study {

struct MiOutput {
  nlohmann::json per_outcome;  // {outcome: {"<model>_mi": {...}}}
  nlohmann::json summary;      // results.json "imputation": m, seed, maxit, donors, variables, n
};

// Contract: spec.imputation is set. Errors: the imputation could not run (mice's error).
cp::Result<MiOutput> run_multiple_imputation(const AnalysisSpec& spec, const AnalysisDataset& data,
                                             const std::function<void(const std::string&)>& say,
                                             std::vector<std::string>& warnings);

// Pools per-imputation results of one model into "<model>_mi": estimate, se, df, ci, p, n and
// m, fmi, riv, lambda, ubar, b. Failed fits make the pooled result fail (error names how many).
ModelResult pool_model_results(const std::string& name, const std::vector<ModelResult>& fits,
                               double level);

// Fits `kind` on each dataset, using up to `threads` threads (0 = hardware); output in input
// order, independent of the thread count.
std::vector<ModelResult> fit_each(ModelKind kind, const std::vector<const AnalysisDataset*>& datasets,
                                  std::size_t outcome, const ModelSettings& s, int threads);

}  // namespace cp::study
