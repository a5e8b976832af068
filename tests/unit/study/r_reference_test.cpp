// tests/unit/study/r_reference_test.cpp — issue 6, item 7: the engine's complete-case models
// against R (t.test, aov, lm + clubSandwich CR2/CR1 Satterthwaite, lmer + lmerTest) on the
// hand-made, pilot-like and implementation-like datasets. References: reference_<name>.json,
// made by tests/fixtures/r/analysis/reference.R. Deterministic: 1e-6 relative.
#include <gtest/gtest.h>

#include "fixture_support.hpp"

namespace cp::study::testing {
namespace {

constexpr double kRel = 1e-6;
const char* kCore[] = {"estimate", "se", "df", "ci_low", "ci_high", "p", "n"};

void compare_model(const nlohmann::json& got, const nlohmann::json& ref, const std::string& where,
                   std::initializer_list<const char*> extra = {}) {
  for (const char* k : kCore) expect_rel(got[k], ref[k], kRel, where + "." + k);
  for (const char* k : extra) expect_rel(got[k], ref[k], kRel, where + "." + k);
}

class RReference : public ::testing::TestWithParam<std::string> {};

TEST_P(RReference, CompleteCaseModelsMatchR) {
  const std::string name = GetParam();
  auto spec = load_spec(name + ".toml");
  auto data = load_data(spec);
  auto out = run_evaluation(spec, data);
  ASSERT_TRUE(out.ok()) << out.error().message;
  const auto ref = load_json("reference_" + name + ".json");
  const auto& got = out->results["outcomes"];
  for (auto it = ref["outcomes"].begin(); it != ref["outcomes"].end(); ++it) {
    const std::string o = it.key();
    const auto& r = it.value();
    SCOPED_TRACE(name + "/" + o);
    ASSERT_TRUE(got.contains(o));
    compare_model(got[o]["paired"], r["paired"], o + ".paired");
    for (auto a = r["paired"]["arms"].begin(); a != r["paired"]["arms"].end(); ++a)
      compare_model(got[o]["paired"]["arms"][a.key()], a.value(), o + ".paired.arms." + a.key());
    compare_model(got[o]["group_time"], r["group_time"], o + ".group_time", {"F", "df1", "df2", "partial_eta_sq"});
    expect_rel(got[o]["group_time"]["p"], r["group_time"]["p_F"], kRel, o + ".group_time.p (F test)");
    compare_model(got[o]["ancova"], r["ancova"], o + ".ancova", {"se_ols"});
    compare_model(got[o]["mixed"], r["mixed"], o + ".mixed", {"sigma2_cluster", "sigma2_residual"});
    if (r.contains("dose_response")) {
      compare_model(got[o]["dose_response"]["continuous"], r["dose_response"]["continuous"], o + ".dose.continuous");
      compare_model(got[o]["dose_response"]["full_vs_partial"], r["dose_response"]["full_vs_partial"],
                    o + ".dose.full_vs_partial");
    }
  }
}

TEST_P(RReference, Cr1AndMlOptionsMatchR) {
  const std::string name = GetParam();
  auto spec = load_spec(name + ".toml");
  spec.settings.robust = stats::CrType::CR1;
  spec.settings.reml = false;
  spec.models = {ModelKind::ancova, ModelKind::mixed};
  spec.dose_response.reset();
  auto data = load_data(spec);
  auto out = run_evaluation(spec, data);
  ASSERT_TRUE(out.ok()) << out.error().message;
  const auto ref = load_json("reference_" + name + ".json");
  for (auto it = ref["outcomes"].begin(); it != ref["outcomes"].end(); ++it) {
    const auto& got = out->results["outcomes"][it.key()];
    compare_model(got["ancova"], it.value()["ancova_cr1"], it.key() + ".ancova(CR1)");
    for (const char* k : {"estimate", "se", "df", "p", "sigma2_cluster", "sigma2_residual"})
      expect_rel(got["mixed"][k], it.value()["mixed_ml"][k], kRel, it.key() + ".mixed(ML)." + k);
  }
}

INSTANTIATE_TEST_SUITE_P(Issue6, RReference, ::testing::Values("handmade", "pilot", "implementation"));

}  // namespace
}  // namespace cp::study::testing
