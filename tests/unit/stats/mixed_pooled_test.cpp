// tests/unit/stats/mixed_pooled_test.cpp — the r-anchor reference rows (issue 6) reproduced with
// fit_random_intercept: step b (lmer REML, complete cases, N = 155) and step c mi_pooled_lmer
// (the step-b model on each of the 20 completed datasets of the dumped imputations, pooled by
// Rubin's rules with dfcom = lme4's df.residual = n − 12, as mice::pool). Deterministic given the
// dumped imputations. Step c is also checked against R's pool of tight-tolerance lmer refits
// (pooled_lmer_tight.csv) to separate lme4's optimiser error from ours.
#include <map>

#include <gtest/gtest.h>

#include "cp/stats/mixed.hpp"
#include "cp/stats/rubin.hpp"
#include "unit/stats/mixed_test_util.hpp"

namespace cp::stats {
namespace {

using namespace testutil;

std::map<std::string, double> anchor_rows(const std::string& step, const std::string& analysis) {
  Table ref = read_csv(fixture_path("reference_N155_bc.csv"));
  std::map<std::string, double> r;
  for (auto& row : ref.rows)
    if (row[0] == step && row[1] == analysis) r[row[2] + "|" + row[3] + "|" + row[4]] = std::stod(row[5]);
  return r;
}

const char* kOutcomes[] = {"wemwbs", "scope", "rguk"};

// Issue 6: r-anchor step b (lmer_reml_cc) at N = 155.
TEST(MixedAnchor, StepBLmerRows) {
  Table t = read_csv(fixture_path("eval_N155.csv"));
  auto r = anchor_rows("b", "lmer_reml_cc");
  ASSERT_FALSE(r.empty());
  for (const char* o : kOutcomes) {
    SCOPED_TRACE(o);
    Design d = anchor_design(t, o);
    auto fit = fit_random_intercept(d.X, d.y, d.cluster, d.names);
    ASSERT_TRUE(fit.ok()) << fit.error().message;
    const std::string k = std::string(o) + "|";
    EXPECT_EQ(fit->n, static_cast<int>(r.at(k + "|n")));
    EXPECT_EQ(fit->n_clusters, static_cast<int>(r.at(k + "|n_teams")));
    for (int j = 0; j < 10; ++j) {
      const std::string tk = k + d.names[j] + "|";
      EXPECT_LT(rel_diff(fit->beta[j], r.at(tk + "estimate")), 1e-6) << d.names[j];
      EXPECT_LT(rel_diff(fit->se[j], r.at(tk + "se")), 1e-6) << d.names[j];
      EXPECT_LT(rel_diff(fit->df[j], r.at(tk + "df_satterthwaite")), 1e-6) << d.names[j];
      EXPECT_LT(rel_diff(fit->p[j], r.at(tk + "p_satterthwaite"), 1e-300), 1e-5) << d.names[j];
    }
    EXPECT_LT(rel_diff(fit->sigma2_cluster, r.at(k + "team|var_intercept")), 1e-6);
    EXPECT_LT(rel_diff(fit->sigma2_residual, r.at(k + "residual|var")), 1e-6);
    EXPECT_LT(rel_diff(fit->criterion, r.at(k + "|reml_criterion")), 1e-9);
    EXPECT_LT(rel_diff(fit->log_likelihood, r.at(k + "|loglik_reml")), 1e-9);
    EXPECT_EQ(fit->singular, r.at(k + "|singular") == 1.0);
  }
}

// Issue 6: r-anchor step c mi_pooled_lmer, from the dumped imputations.
TEST(MixedAnchor, StepCPooledLmerRows) {
  Table t = read_csv(fixture_path("eval_N155.csv"));
  Table imp = read_csv(fixture_path("imputations_N155.csv"));
  ASSERT_EQ(imp.rows.size(), 20u * 27u);
  auto r = anchor_rows("c", "mi_pooled_lmer");
  ASSERT_FALSE(r.empty());
  std::map<std::string, double> tight;
  {
    Table tt = read_csv(fixture_path("pooled_lmer_tight.csv"));
    const std::map<std::string, std::string> rename{{"std.error", "se"}, {"p.value", "p"},
                                                    {"2.5 %", "ci95_lower"},
                                                    {"97.5 %", "ci95_upper"}};
    for (auto& row : tt.rows) {
      auto it = rename.find(row[2]);
      tight[row[0] + "|" + row[1] + "|" + (it == rename.end() ? row[2] : it->second)] =
          std::stod(row[3]);
    }
  }
  ASSERT_EQ(tight.size(), 3u * 10u * 13u);
  std::map<std::string, std::size_t> row_of_id;
  for (std::size_t i = 0; i < t.rows.size(); ++i) row_of_id[t.rows[i][t.col("id")]] = i;
  for (const char* o : kOutcomes) {
    SCOPED_TRACE(o);
    std::vector<std::vector<double>> q(10), u(10);
    int dfcom = 0;
    for (int m = 1; m <= 20; ++m) {
      std::vector<double> yf(t.rows.size());
      for (std::size_t i = 0; i < t.rows.size(); ++i) yf[i] = t.num(i, std::string(o) + "_f");
      int filled = 0;
      for (std::size_t i = 0; i < imp.rows.size(); ++i) {
        if (static_cast<int>(imp.num(i, ".imp")) != m) continue;
        yf[row_of_id.at(imp.rows[i][imp.col("id")])] = imp.num(i, std::string(o) + "_f");
        ++filled;
      }
      ASSERT_EQ(filled, 27);
      Design d = anchor_design(t, o, yf);
      ASSERT_EQ(d.y.size(), 155);
      auto fit = fit_random_intercept(d.X, d.y, d.cluster, d.names);
      ASSERT_TRUE(fit.ok()) << fit.error().message;
      dfcom = fit->df_residual_lme4;
      for (int j = 0; j < 10; ++j) {
        q[j].push_back(fit->beta[j]);
        u[j].push_back(fit->vcov(j, j));
      }
    }
    EXPECT_EQ(dfcom, 143);
    for (int j = 0; j < 10; ++j) {
      const std::string term = anchor_terms(o)[j];
      SCOPED_TRACE(term);
      PooledEstimate p = pool_scalar(q[j], u[j], dfcom);
      const std::string tk = std::string(o) + "|" + term + "|";
      // Against the tight-tolerance R refits: 1e-6. Against the r-anchor (lme4 defaults): 1e-5,
      // since each of its 20 fits carries lme4's optimiser error (measured up to 4.5e-6 on df).
      // CI bounds are compared relative to max(|bound|, se): a bound near 0 has no relative scale.
      for (auto [rows, tol] : {std::pair{&tight, 1e-6}, std::pair{&r, 1e-5}}) {
        auto R = [&](const std::string& st) { return rows->at(tk + st); };
        EXPECT_LT(rel_diff(p.estimate, R("estimate"), p.se), tol);
        EXPECT_LT(rel_diff(p.ubar, R("ubar")), tol);
        EXPECT_LT(rel_diff(p.b, R("b")), 10 * tol);  // variance of 20 near-equal numbers
        EXPECT_LT(rel_diff(p.t, R("t")), tol);
        EXPECT_EQ(p.dfcom, R("dfcom"));
        EXPECT_LT(rel_diff(p.df, R("df")), 10 * tol);
        EXPECT_LT(rel_diff(p.riv, R("riv")), 10 * tol);
        EXPECT_LT(rel_diff(p.lambda, R("lambda")), 10 * tol);
        EXPECT_LT(rel_diff(p.fmi, R("fmi")), 10 * tol);
        EXPECT_LT(rel_diff(p.se, R("se")), tol);
        const double z = p.estimate / p.se;
        EXPECT_LT(rel_diff(p.p, R("p"), 1e-300), 10 * tol * std::max(1.0, z * z));
        EXPECT_LT(rel_diff(p.ci_low, R("ci95_lower"), p.se), tol);
        EXPECT_LT(rel_diff(p.ci_high, R("ci95_upper"), p.se), tol);
      }
    }
  }
}

}  // namespace
}  // namespace cp::stats
