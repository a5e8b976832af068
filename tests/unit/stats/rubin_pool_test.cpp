// tests/unit/stats/rubin_pool_test.cpp — pool_scalar against mice 3.15 pool.scalar (issue 6):
// the r-anchor step c pooled CR2-ANCOVA rows (per-imputation estimates and CR2 variances from
// make_pool_fixtures.R, pooled with dfcom = 155 − 10), hand-made cases (dfcom = Inf, tiny and
// large between-imputation variance), and bad input. Pooling is deterministic arithmetic:
// agreement to 1e-10 relative.
#include <cmath>
#include <limits>
#include <map>
#include <sstream>

#include <gtest/gtest.h>

#include "cp/stats/rubin.hpp"
#include "unit/stats/mixed_test_util.hpp"

namespace cp::stats {
namespace {

using namespace testutil;

std::vector<double> parse_list(const std::string& s) {
  std::vector<double> v;
  std::istringstream in(s);
  double x;
  while (in >> x) v.push_back(x);
  return v;
}

// Issue 6: the r-anchor mi_pooled_ancova_cr2 rows (mice::pool.scalar(n = 155, k = 10)).
TEST(RubinPool, MatchesAnchorPooledCr2Ancova) {
  Table cr2 = read_csv(fixture_path("cr2_per_imputation.csv"));
  Table ref = read_csv(fixture_path("reference_N155_bc.csv"));
  ASSERT_EQ(cr2.rows.size(), 20u * 3u * 10u);
  std::map<std::string, double> r;
  for (auto& row : ref.rows)
    if (row[1] == "mi_pooled_ancova_cr2") r[row[2] + "|" + row[3] + "|" + row[4]] = std::stod(row[5]);
  std::map<std::string, std::pair<std::vector<double>, std::vector<double>>> qu;
  for (std::size_t i = 0; i < cr2.rows.size(); ++i) {
    auto& e = qu[cr2.rows[i][1] + "|" + cr2.rows[i][2]];
    e.first.push_back(cr2.num(i, "estimate"));
    e.second.push_back(cr2.num(i, "variance"));
  }
  ASSERT_EQ(qu.size(), 30u);
  for (auto& [key, v] : qu) {
    SCOPED_TRACE(key);
    PooledEstimate p = pool_scalar(v.first, v.second, 155.0 - 10.0);
    ASSERT_EQ(p.m, 20);
    EXPECT_LT(rel_diff(p.estimate, r.at(key + "|estimate")), 1e-12);
    EXPECT_LT(rel_diff(p.ubar, r.at(key + "|ubar")), 1e-12);
    EXPECT_LT(rel_diff(p.b, r.at(key + "|b")), 1e-10);
    EXPECT_LT(rel_diff(p.t, r.at(key + "|t")), 1e-12);
    EXPECT_LT(rel_diff(p.df, r.at(key + "|df")), 1e-10);
    EXPECT_LT(rel_diff(p.fmi, r.at(key + "|fmi")), 1e-10);
    EXPECT_LT(rel_diff(p.se, r.at(key + "|se")), 1e-12);
    EXPECT_LT(rel_diff(p.p, r.at(key + "|p"), 1e-300), 1e-9);
    EXPECT_LT(rel_diff(p.ci_low, r.at(key + "|ci95_lower")), 1e-10);
    EXPECT_LT(rel_diff(p.ci_high, r.at(key + "|ci95_upper")), 1e-10);
  }
}

// Issue 6: hand-made cases run through mice::pool.scalar, including dfcom = Inf (df = dfold)
// and a between-imputation variance so small that lambda is clamped at 1e-4.
TEST(RubinPool, MatchesPoolScalarCases) {
  Table t = read_csv(fixture_path("pool_scalar_cases.csv"));
  ASSERT_FALSE(t.rows.empty());
  std::map<std::string, std::map<std::string, double>> byc;
  std::map<std::string, std::vector<std::string>> inputs;
  for (auto& row : t.rows) {
    byc[row[0]][row[4]] = std::stod(row[5]);
    inputs[row[0]] = {row[1], row[2], row[3]};
  }
  ASSERT_EQ(byc.size(), 4u);
  for (auto& [id, st] : byc) {
    SCOPED_TRACE(id);
    const auto& in = inputs[id];
    const double dfcom = in[2] == "Inf" ? std::numeric_limits<double>::infinity() : std::stod(in[2]);
    PooledEstimate p = pool_scalar(parse_list(in[0]), parse_list(in[1]), dfcom);
    EXPECT_LT(rel_diff(p.estimate, st["qbar"]), 1e-12);
    EXPECT_LT(rel_diff(p.ubar, st["ubar"]), 1e-12);
    EXPECT_LT(rel_diff(p.b, st["b"]), 1e-9);
    EXPECT_LT(rel_diff(p.t, st["t"]), 1e-12);
    EXPECT_LT(rel_diff(p.df, st["df"]), 1e-10);
    EXPECT_LT(rel_diff(p.riv, st["r"]), 1e-9);
    EXPECT_LT(rel_diff(p.fmi, st["fmi"]), 1e-9);
    EXPECT_LT(rel_diff(p.p, st["p"], 1e-300), 1e-9);
    EXPECT_LT(rel_diff(p.ci_low, st["ci95_lower"]), 1e-10);
    EXPECT_LT(rel_diff(p.ci_high, st["ci95_upper"]), 1e-10);
    EXPECT_NEAR(p.lambda, (1.0 + 1.0 / p.m) * p.b / p.t, 1e-15);
  }
}

// Issue 6: bad input gives an Error (checked) or an all-zero result (unchecked), never NaN.
TEST(RubinPool, BadInputIsAnErrorNotNaN) {
  EXPECT_FALSE(pool_scalar_checked({}, {}, 10).ok());
  EXPECT_FALSE(pool_scalar_checked({1, 2}, {1}, 10).ok());
  EXPECT_FALSE(pool_scalar_checked({1, std::nan("")}, {1, 1}, 10).ok());
  EXPECT_FALSE(pool_scalar_checked({1, 2}, {1, -1}, 10).ok());
  EXPECT_FALSE(pool_scalar_checked({1, 2}, {1, 1}, 0).ok());
  EXPECT_FALSE(pool_scalar_checked({1, 2}, {1, 1}, std::nan("")).ok());
  auto e = pool_scalar_checked({1, 2}, {1, -1}, 10);
  EXPECT_EQ(e.error().field, "variances");
  PooledEstimate z = pool_scalar({1, 2}, {1}, 10);
  EXPECT_EQ(z.m, 0);
  EXPECT_EQ(z.estimate, 0.0);
  EXPECT_FALSE(std::isnan(z.df));
  // m = 1: no between-imputation variance, df = dfcom, finite p.
  PooledEstimate one = pool_scalar({2.0}, {0.25}, 40);
  EXPECT_EQ(one.m, 1);
  EXPECT_EQ(one.b, 0.0);
  EXPECT_EQ(one.df, 40.0);
  EXPECT_DOUBLE_EQ(one.se, 0.5);
  EXPECT_TRUE(std::isfinite(one.p));
  // zero variances everywhere: finite results.
  PooledEstimate zero = pool_scalar({1.0, 1.0}, {0.0, 0.0}, 40);
  EXPECT_FALSE(std::isnan(zero.p) || std::isnan(zero.fmi) || std::isnan(zero.riv));
}

}  // namespace
}  // namespace cp::stats
