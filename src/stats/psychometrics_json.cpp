// src/stats/psychometrics_json.cpp — JSON of the psychometric results, the shapes printed by
// `cpi psychometrics …` (docs/psychometrics.md). Undefined values are null, never NaN.
#include "cp/stats/psychometrics.hpp"

namespace cp::stats {
namespace {

nlohmann::json opt(const std::optional<double>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json icc_json(const IccValue& v) {
  return {{"value", v.value},
          {"F", v.F},
          {"df1", v.df1},
          {"df2", v.df2},
          {"p", v.p},
          {"ci_low", opt(v.ci_low)},
          {"ci_high", opt(v.ci_high)}};
}

}  // namespace

nlohmann::json to_json(const AlphaResult& r) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& it : r.items)
    items.push_back({{"name", it.name},
                     {"r_drop", it.r_drop},
                     {"alpha_if_deleted", opt(it.alpha_if_deleted)},
                     {"std_alpha_if_deleted", opt(it.std_alpha_if_deleted)},
                     {"mean", it.mean},
                     {"sd", it.sd}});
  nlohmann::json j{{"alpha", r.alpha},
                   {"std_alpha", r.std_alpha},
                   {"average_r", r.average_r},
                   {"ase", r.ase},
                   {"n", r.n},
                   {"n_dropped", r.n_dropped},
                   {"missing", "listwise"},
                   {"items", items},
                   {"ci_low", opt(r.bootstrap_low)},
                   {"ci_high", opt(r.bootstrap_high)},
                   {"bootstrap",
                    {{"method", "percentile"},
                     {"replicates", r.bootstrap_replicates},
                     {"valid", r.bootstrap_valid},
                     {"seed", r.bootstrap_seed},
                     {"ci_low", opt(r.bootstrap_low)},
                     {"ci_high", opt(r.bootstrap_high)}}},
                   {"feldt", {{"ci_low", r.feldt_low}, {"ci_high", r.feldt_high}}}};
  nlohmann::json notes = nlohmann::json::object();
  if (r.items.size() == 2) notes["alpha_if_deleted"] = "undefined with 2 items (one item left)";
  if (!r.bootstrap_low)
    notes["ci_low"] = r.bootstrap_replicates == 0 ? "bootstrap not requested"
                                                  : "fewer than 2 valid bootstrap replicates";
  j["notes"] = notes;
  return j;
}

nlohmann::json to_json(const IccResult& r) {
  return {{"ICC1", icc_json(r.icc1)},
          {"ICC2", icc_json(r.icc2)},
          {"ICC3", icc_json(r.icc3)},
          {"ICC1k", icc_json(r.icc1k)},
          {"ICC2k", icc_json(r.icc2k)},
          {"ICC3k", icc_json(r.icc3k)},
          {"n_subjects", r.n_subjects},
          {"n_raters", r.n_raters},
          {"n_dropped", r.n_dropped},
          {"missing", "listwise"},
          {"mean_squares", {{"MSB", r.msb}, {"MSW", r.msw}, {"MSJ", r.msj}, {"MSE", r.mse}}}};
}

nlohmann::json to_json(const KappaResult& r) {
  return {{"kappa", r.kappa},
          {"ci_low", r.ci_low},
          {"ci_high", r.ci_high},
          {"variance", r.variance},
          {"weights", to_string(r.weights)},
          {"n", r.n},
          {"n_dropped", r.n_dropped},
          {"levels", r.levels},
          {"clipped", r.clipped},
          {"variance_bad", r.variance_bad}};
}

nlohmann::json to_json(const CorrelationResult& r) {
  return {{"r", r.r},
          {"n", r.n},
          {"n_dropped", r.n_dropped},
          {"t", opt(r.t)},
          {"df", r.df},
          {"p", r.p},
          {"ci_low", opt(r.ci_low)},
          {"ci_high", opt(r.ci_high)},
          {"method", "pearson; Fisher z interval"}};
}

}  // namespace cp::stats
