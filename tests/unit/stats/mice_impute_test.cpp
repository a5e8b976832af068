// tests/unit/stats/mice_impute_test.cpp — cp::stats::mice (issue 6): determinism across thread
// counts, the properties every imputation must have (observed values kept, pmm values drawn
// from the observed ones, binary values 0/1), bad input as Errors, and the distributional
// check against R's mice 3.15 (mice_distribution_test.cpp).
#include <cmath>
#include <limits>
#include <set>

#include <gtest/gtest.h>

#include "cp/stats/mice.hpp"
#include "unit/stats/mixed_test_util.hpp"

namespace cp::stats {
namespace {

using namespace testutil;

std::vector<MiceVariable> known_data() {
  Table t = read_csv(fixture_path("mice_known.csv"));
  std::vector<MiceVariable> vars;
  for (const char* name : {"x1", "b", "x2", "y"}) {
    MiceVariable v;
    v.name = name;
    for (std::size_t r = 0; r < t.rows.size(); ++r) v.values.push_back(t.num(r, name));
    v.kind = std::string(name) == "b" ? MiceVariable::Kind::binary : MiceVariable::Kind::continuous;
    vars.push_back(std::move(v));
  }
  return vars;
}

// Issue 6: the same seed gives identical output whatever the number of threads.
TEST(MiceImpute, SameSeedSameOutputAnyThreadCount) {
  auto vars = known_data();
  ASSERT_EQ(vars[0].values.size(), 400u);
  MiceOptions o;
  o.m = 7;
  o.seed = 42;
  o.threads = 1;
  auto a = mice(vars, o);
  o.threads = 3;
  auto b = mice(vars, o);
  o.threads = 0;
  auto c = mice(vars, o);
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_EQ(a->completed, b->completed);
  EXPECT_EQ(a->completed, c->completed);
  o.seed = 43;
  auto d = mice(vars, o);
  ASSERT_TRUE(d.ok());
  EXPECT_NE(a->completed, d->completed);
  // imputations differ from one another
  EXPECT_NE(a->completed[0][2], a->completed[1][2]);
}

// Issue 6: observed values are kept; pmm imputes observed values; logreg imputes 0/1.
TEST(MiceImpute, ImputationsHaveTheMethodsProperties) {
  auto vars = known_data();
  MiceOptions o;
  o.m = 3;
  auto r = mice(vars, o);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->m, 3);
  std::set<double> observed_x2;
  for (double x : vars[2].values)
    if (!std::isnan(x)) observed_x2.insert(x);
  int n_mis_b = 0;
  for (const auto& imp : r->completed) {
    ASSERT_EQ(imp.size(), 4u);
    for (std::size_t v = 0; v < 4; ++v) {
      ASSERT_EQ(imp[v].size(), 400u);
      for (std::size_t i = 0; i < 400; ++i) {
        const double orig = vars[v].values[i];
        ASSERT_FALSE(std::isnan(imp[v][i]));
        if (!std::isnan(orig)) {
          EXPECT_EQ(imp[v][i], orig);
        } else if (v == 2) {
          EXPECT_TRUE(observed_x2.count(imp[v][i]));
        } else if (v == 1) {
          EXPECT_TRUE(imp[v][i] == 0.0 || imp[v][i] == 1.0);
          ++n_mis_b;
        }
      }
    }
  }
  EXPECT_GT(n_mis_b, 0);
}

// Issue 6: variables with impute = false or predictor = false.
TEST(MiceImpute, ImputeAndPredictorFlags) {
  auto vars = known_data();
  vars[1].impute = false;
  vars[1].predictor = false;  // b: carried, missing values left as they are
  MiceOptions o;
  o.m = 2;
  auto r = mice(vars, o);
  ASSERT_TRUE(r.ok());
  for (std::size_t i = 0; i < 400; ++i)
    EXPECT_EQ(std::isnan(r->completed[0][1][i]), std::isnan(vars[1].values[i]));
  vars[1].predictor = true;  // a predictor with missing values that is not imputed: an error
  auto bad = mice(vars, o);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, "missing_predictor");
}

// Issue 6: bad input gives an Error, never a crash or NaN.
TEST(MiceImpute, BadInputIsAnError) {
  MiceOptions o;
  o.m = 2;
  EXPECT_FALSE(mice({}, o).ok());
  auto vars = known_data();
  auto v2 = vars;
  v2[3].values.pop_back();
  EXPECT_EQ(mice(v2, o).error().code, "size_mismatch");
  v2 = vars;
  v2[0].values[5] = std::numeric_limits<double>::infinity();
  EXPECT_EQ(mice(v2, o).error().code, "non_finite");
  v2 = vars;
  v2[1].values[0] = 2.0;
  EXPECT_EQ(mice(v2, o).error().code, "not_binary");
  v2 = vars;
  for (auto& x : v2[2].values) x = std::nan("");
  EXPECT_EQ(mice(v2, o).error().code, "all_missing");
  MiceOptions bad = o;
  bad.m = 0;
  EXPECT_FALSE(mice(vars, bad).ok());
  bad = o;
  bad.maxit = 0;
  EXPECT_FALSE(mice(vars, bad).ok());
  bad = o;
  bad.donors = 0;
  EXPECT_FALSE(mice(vars, bad).ok());
  // a single observed value, and collinear predictors: imputes without NaN
  v2 = vars;
  bool kept = false;
  for (auto& x : v2[2].values)
    if (!std::isnan(x)) {
      if (kept) x = std::nan("");
      kept = true;
    }
  MiceVariable dup = v2[3];
  dup.name = "y_copy";
  v2.push_back(dup);
  auto r = mice(v2, o);
  ASSERT_TRUE(r.ok()) << r.error().message;
  for (auto& imp : r->completed)
    for (double x : imp[2]) EXPECT_FALSE(std::isnan(x));
}

}  // namespace
}  // namespace cp::stats
