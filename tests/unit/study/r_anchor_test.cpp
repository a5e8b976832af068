// tests/unit/study/r_anchor_test.cpp — issue 6, items 3 and 7: the engine against the r-anchor
// pipeline (reference_N155.csv from /work/shared/reference-data/r-anchor, copied into
// tests/fixtures/r/analysis/r_anchor/):
//   * step a (lm + clubSandwich CR2, Satterthwaite) and step b (lmer + lmerTest) to 1e-6;
//   * step c pooling, exactly: R's 20 dumped imputations (imputations_N155.csv) are put into the
//     data, every model is refitted and pooled by Rubin's rules — must agree to 1e-6;
//   * step c end to end with our own mice: within Monte Carlo error (see MonteCarloTolerance).
#include <cmath>
#include <map>

#include <gtest/gtest.h>

#include "cp/study/multiple_imputation.hpp"
#include "fixture_support.hpp"

namespace cp::study::testing {
namespace {

constexpr double kRel = 1e-6;
const char* kOutcomes[] = {"wemwbs", "scope", "rguk"};

// reference[(analysis, outcome, statistic)] for term armintervention (and global rows).
std::map<std::string, double> load_reference() {
  auto t = parse_csv(slurp(fixture_dir() + "r_anchor/reference_N155.csv"));
  EXPECT_TRUE(t.ok());
  std::map<std::string, double> ref;
  const auto& c = t->columns;
  for (std::size_t r = 0; r < t->rows(); ++r) {
    if (c[3][r] != "armintervention" && !c[3][r].empty() && c[3][r] != "team" && c[3][r] != "residual") continue;
    double v = 0;
    if (!parse_number(c[5][r], v)) continue;
    ref[c[1][r] + "/" + c[2][r] + "/" + (c[3][r] == "armintervention" || c[3][r].empty() ? "" : c[3][r] + ":") + c[4][r]] = v;
  }
  return ref;
}

double R(const std::map<std::string, double>& ref, const std::string& key) {
  auto it = ref.find(key);
  EXPECT_NE(it, ref.end()) << "no reference row " << key;
  return it == ref.end() ? 0.0 : it->second;
}

TEST(RAnchor, CompleteCaseAncovaCr2AndLmerMatchR) {
  auto spec = load_spec("r_anchor.toml");
  spec.imputation.reset();
  auto data = load_data(spec);
  auto out = run_evaluation(spec, data);
  ASSERT_TRUE(out.ok()) << out.error().message;
  const auto ref = load_reference();
  for (const char* o : kOutcomes) {
    const auto& a = out->results["outcomes"][o]["ancova"];
    const std::string ka = std::string("ancova_cr2_cc/") + o + "/";
    expect_rel(a["estimate"], R(ref, ka + "estimate"), kRel, ka + "estimate");
    expect_rel(a["se"], R(ref, ka + "se_cr2"), kRel, ka + "se");
    expect_rel(a["df"], R(ref, ka + "df_satterthwaite"), kRel, ka + "df");
    expect_rel(a["p"], R(ref, ka + "p_satterthwaite"), kRel, ka + "p");
    expect_rel(a["ci_low"], R(ref, ka + "ci95_lower"), kRel, ka + "ci_low");
    expect_rel(a["ci_high"], R(ref, ka + "ci95_upper"), kRel, ka + "ci_high");
    expect_rel(a["se_ols"], R(ref, ka + "se_ols"), kRel, ka + "se_ols");
    expect_rel(a["n"], R(ref, ka + "n"), 0, ka + "n");
    const auto& m = out->results["outcomes"][o]["mixed"];
    const std::string kb = std::string("lmer_reml_cc/") + o + "/";
    expect_rel(m["estimate"], R(ref, kb + "estimate"), kRel, kb + "estimate");
    expect_rel(m["se"], R(ref, kb + "se"), kRel, kb + "se");
    expect_rel(m["df"], R(ref, kb + "df_satterthwaite"), kRel, kb + "df");
    expect_rel(m["p"], R(ref, kb + "p_satterthwaite"), kRel, kb + "p");
    expect_rel(m["ci_low"], R(ref, kb + "ci95_lower"), kRel, kb + "ci_low");
    expect_rel(m["ci_high"], R(ref, kb + "ci95_upper"), kRel, kb + "ci_high");
    expect_rel(m["sigma2_cluster"], R(ref, kb + "team:var_intercept"), kRel, kb + "sigma2_cluster");
    expect_rel(m["sigma2_residual"], R(ref, kb + "residual:var"), kRel, kb + "sigma2_residual");
  }
}

// The 20 completed datasets of R's mice run: missing follow-ups filled from imputations_N155.csv.
std::vector<AnalysisDataset> r_completed(const AnalysisDataset& data) {
  auto t = parse_csv(slurp(fixture_dir() + "r_anchor/imputations_N155.csv"));
  EXPECT_TRUE(t.ok());
  std::map<std::string, std::size_t> row_of;
  for (std::size_t r = 0; r < data.rows(); ++r) row_of[data.id[r]] = r;
  std::vector<AnalysisDataset> out(20, data);
  for (std::size_t r = 0; r < t->rows(); ++r) {
    double imp = 0;
    EXPECT_TRUE(parse_number(t->columns[t->find(".imp")][r], imp));
    const std::size_t row = row_of.at(t->columns[t->find("id")][r]);
    auto& d = out.at(static_cast<std::size_t>(imp) - 1);
    for (auto& o : d.outcomes) {
      double v = 0;
      EXPECT_TRUE(parse_number(t->columns[t->find(o.followup_column)][r], v));
      EXPECT_TRUE(std::isnan(o.followup[row])) << "imputed value for an observed cell";
      o.followup[row] = v;
    }
  }
  for (const auto& d : out)
    for (const auto& o : d.outcomes)
      for (double v : o.followup) EXPECT_TRUE(std::isfinite(v));
  return out;
}

TEST(RAnchor, PoolingOfRsImputationsMatchesMicePool) {
  auto spec = load_spec("r_anchor.toml");
  auto data = load_data(spec);
  auto completed = r_completed(data);
  std::vector<const AnalysisDataset*> ptrs;
  for (const auto& d : completed) ptrs.push_back(&d);
  const auto ref = load_reference();
  for (std::size_t k = 0; k < 3; ++k) {
    const std::string o = kOutcomes[k];
    // ANCOVA + CR2, pool.scalar(n = 155, k = 12): dfcom = 143 = the fit's n − p.
    auto fits = fit_each(ModelKind::ancova, ptrs, k, spec.settings, 2);
    auto pooled = to_json(pool_model_results("ancova_mi", fits, 0.95));
    const std::string ka = "mi_pooled_ancova_cr2/" + o + "/";
    for (auto [ours, theirs] : std::initializer_list<std::pair<const char*, const char*>>{
             {"estimate", "estimate"}, {"ubar", "ubar"}, {"b", "b"}, {"df", "df"}, {"fmi", "fmi"},
             {"se", "se"}, {"p", "p"}, {"ci_low", "ci95_lower"}, {"ci_high", "ci95_upper"}})
      expect_rel(pooled[ours], R(ref, ka + theirs), kRel, ka + ours);
    EXPECT_EQ(pooled["m"], 20);
    // lmer, mice::pool: dfcom = df.residual of broom.mixed = n − 10 fixed effects − 2 variance
    // parameters = 143. Each of R's 20 lmer fits is converged only to its optimiser's tolerance
    // (~1e-6 relative in the variance components), so the pooled quantities are compared at 1e-5.
    auto mfits = fit_each(ModelKind::mixed, ptrs, k, spec.settings, 2);
    auto mpooled = to_json(pool_model_results("mixed_mi", mfits, 0.95));
    const std::string kb = "mi_pooled_lmer/" + o + "/";
    for (auto [ours, theirs] : std::initializer_list<std::pair<const char*, const char*>>{
             {"estimate", "estimate"}, {"ubar", "ubar"}, {"b", "b"}, {"df", "df"}, {"fmi", "fmi"},
             {"riv", "riv"}, {"lambda", "lambda"}, {"se", "se"}, {"p", "p"}, {"dfcom", "dfcom"}})
      expect_rel(mpooled[ours], R(ref, kb + theirs), 1e-5, kb + ours);
    // CI limits can be near 0 (scope: 0.0038), so their tolerance is relative to the SE.
    const double se = R(ref, kb + "se");
    EXPECT_NEAR(mpooled["ci_low"].get<double>(), R(ref, kb + "ci95_lower"), 1e-5 * se) << kb;
    EXPECT_NEAR(mpooled["ci_high"].get<double>(), R(ref, kb + "ci95_upper"), 1e-5 * se) << kb;
  }
}

// Our mice (different random streams from R's) against R's pooled results. Each pooled
// estimate from m = 20 imputations carries Monte Carlo error with variance ≈ b/m (b = the
// between-imputation variance), so two independent runs differ with SD ≈ √(2b/m); we allow
// 4 such SDs (≈ 1 in 16,000 for a correct implementation). The pooled SE depends on b
// itself, whose relative MC error with m − 1 = 19 df is ≈ √(2/19) ≈ 32 % for b; since b is a
// small part of the total variance (λ ≈ 0.15), we allow 10 % relative on the SE.
TEST(RAnchor, OwnImputationAgreesWithinMonteCarloTolerance) {
  auto spec = load_spec("r_anchor.toml");
  auto data = load_data(spec);
  auto out = run_evaluation(spec, data);
  ASSERT_TRUE(out.ok()) << out.error().message;
  const auto ref = load_reference();
  for (const char* o : kOutcomes) {
    for (auto [model, analysis] : std::initializer_list<std::pair<const char*, const char*>>{
             {"ancova_mi", "mi_pooled_ancova_cr2"}, {"mixed_mi", "mi_pooled_lmer"}}) {
      const auto& got = out->results["outcomes"][o][model];
      const std::string key = std::string(analysis) + "/" + o + "/";
      ASSERT_TRUE(got["estimate"].is_number()) << key << got.dump();
      const double b = R(ref, key + "b");
      const double tol = 4.0 * std::sqrt(2.0 * b / 20.0);
      EXPECT_NEAR(got["estimate"].get<double>(), R(ref, key + "estimate"), tol) << key << "estimate";
      EXPECT_NEAR(got["se"].get<double>(), R(ref, key + "se"), 0.10 * R(ref, key + "se")) << key << "se";
      EXPECT_EQ(got["m"], 20);
      EXPECT_GE(got["fmi"].get<double>(), 0.0);
      EXPECT_LE(got["fmi"].get<double>(), 1.0);
    }
  }
}

}  // namespace
}  // namespace cp::study::testing

namespace cp::study::testing {
namespace {

// Issue 6/7 wiring: the [economics] section runs through cpi analyse's engine; the point
// estimates of r-anchor step d (ΔC unadjusted, ΔQ adjusted for baseline utility) to 1e-6.
TEST(RAnchor, EconomicsSectionIsEvaluated) {
  auto spec = load_spec("r_anchor_economics.toml");
  auto data = load_data(spec);
  auto out = run_evaluation(spec, data);
  ASSERT_TRUE(out.ok()) << out.error().message;
  const auto& e = out->results["economics"];
  ASSERT_FALSE(e.contains("error")) << e.dump();
  const auto ref = load_reference();
  expect_rel(e["delta_cost"], R(ref, "cea_boot/inc_cost/estimate"), 1e-6, "delta_cost");
  expect_rel(e["delta_qaly"], R(ref, "cea_boot/inc_qaly/estimate"), 1e-6, "delta_qaly");
  EXPECT_NE(out->report_sections.find("<svg"), std::string::npos);
}

}  // namespace
}  // namespace cp::study::testing

namespace cp::study::testing {
namespace {

// Issue 6, item 5: the same seed gives the same output whatever the thread count.
TEST(RAnchor, SameSeedSameResultsWhateverTheThreadCount) {
  auto spec = load_spec("r_anchor.toml");
  auto data = load_data(spec);
  spec.threads = 1;
  auto one = run_evaluation(spec, data);
  spec.threads = 3;
  auto three = run_evaluation(spec, data);
  ASSERT_TRUE(one.ok() && three.ok());
  EXPECT_EQ(one->results.dump(), three->results.dump());
  EXPECT_TRUE(one->results["outcomes"]["wemwbs"]["ancova_mi"]["estimate"].is_number());
}

}  // namespace
}  // namespace cp::study::testing

namespace cp::study::testing {
namespace {

// Issue 7 §1 wiring: costs given by sector equal the same costs given pre-totalled, and the
// intervention's own training cost per participant shifts ΔC by exactly that amount (it is a
// constant added to the intervention arm's follow-up cost) while ΔQALY is unchanged.
TEST(RAnchor, EconomicsCostsBySectorAndInterventionCost) {
  auto spec = load_spec("r_anchor_economics.toml");
  auto data = load_data(spec);
  auto base = run_evaluation(spec, data);
  ASSERT_TRUE(base.ok()) << base.error().message;

  auto& e = *spec.economics;
  e.erase("cost_baseline");
  e.erase("cost_followup");
  e["costs"] = nlohmann::json::array({{{"sector", "nhs"}, {"baseline", "cost_b"}, {"followup", "cost_f"}}});
  auto by_sector = run_evaluation(spec, data);
  ASSERT_TRUE(by_sector.ok()) << by_sector.error().message;
  const auto& b0 = base->results["economics"];
  const auto& b1 = by_sector->results["economics"];
  ASSERT_FALSE(b1.contains("error")) << b1.dump();
  EXPECT_DOUBLE_EQ(b1["delta_cost"].get<double>(), b0["delta_cost"].get<double>());
  EXPECT_EQ(b1["costing"]["components"][0]["sector"], "nhs");

  // Only other sectors under the NHS/PSS perspective: a clear error, not a zero cost.
  e["costs"][0]["sector"] = "person_family";
  auto none = run_evaluation(spec, data);
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->results["economics"]["error_code"], "no_costs_counted");

  e["costs"][0]["sector"] = "nhs";
  e["intervention"] = {{"training_total", 12000}, {"participants", 80}, {"hourly_worker_cost", 40}};
  auto with_ic = run_evaluation(spec, data);
  ASSERT_TRUE(with_ic.ok());
  const auto& b2 = with_ic->results["economics"];
  ASSERT_FALSE(b2.contains("error")) << b2.dump();
  EXPECT_NEAR(b2["delta_cost"].get<double>(), b0["delta_cost"].get<double>() + 150.0, 1e-9);
  EXPECT_DOUBLE_EQ(b2["delta_qaly"].get<double>(), b0["delta_qaly"].get<double>());
  EXPECT_DOUBLE_EQ(b2["costing"]["intervention"]["training_per_participant"].get<double>(), 150.0);
}

}  // namespace
}  // namespace cp::study::testing
