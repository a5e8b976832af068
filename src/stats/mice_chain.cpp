// src/stats/mice_chain.cpp — mice(): validation, the chained-equations sweeps of one imputation,
// and the threads that run the m imputations (issue 6).
//
// One imputation: initial fill of every imputed variable by random draws (with replacement)
// from its observed values, then `maxit` sweeps; in each sweep the variables are visited left
// to right, and each variable with impute = true and missing values is re-imputed from all
// other variables with predictor = true (current values, an intercept added) by pmm
// (continuous) or logreg (binary). Predictors that are constant are dropped for that step, as
// mice drops them. Random stream of imputation i: std::mt19937_64 seeded with
// splitmix64(splitmix64(seed) + i); imputations run on a pool of std::threads taking indices
// from an atomic counter, each writing only its own slot, so the output is the same whatever
// the thread count.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <thread>

#include <fmt/format.h>

#include "cp/stats/mice.hpp"
#include "stats/mice_methods.hpp"

namespace cp::stats {
namespace {

using mice_detail::Rng;

struct Plan {
  std::size_t n = 0;
  std::vector<std::vector<int>> obs, mis;  // per variable
  std::vector<bool> imputed;               // variable is imputed (impute && has missing)
  std::vector<int> predictors;             // variables with predictor = true
};

cp::Result<Plan> validate(const std::vector<MiceVariable>& vars, const MiceOptions& opt) {
  constexpr const char* fn = "mice";
  if (vars.empty()) return Error::invalid("empty_data", fmt::format("{}: no variables", fn), "vars");
  if (opt.m < 1 || opt.m > 10000)
    return Error::invalid("bad_option", fmt::format("{}: m must be 1..10000, got {}", fn, opt.m), "m");
  if (opt.maxit < 1 || opt.maxit > 1000)
    return Error::invalid("bad_option", fmt::format("{}: maxit must be 1..1000, got {}", fn, opt.maxit),
                          "maxit");
  if (opt.donors < 1)
    return Error::invalid("bad_option", fmt::format("{}: donors must be >= 1, got {}", fn, opt.donors),
                          "donors");
  if (opt.threads < 0)
    return Error::invalid("bad_option", fmt::format("{}: threads must be >= 0", fn), "threads");
  Plan plan;
  plan.n = vars[0].values.size();
  if (plan.n == 0) return Error::invalid("empty_data", fmt::format("{}: no rows", fn), "vars");
  plan.obs.resize(vars.size());
  plan.mis.resize(vars.size());
  plan.imputed.assign(vars.size(), false);
  for (std::size_t v = 0; v < vars.size(); ++v) {
    const auto& var = vars[v];
    const std::string where = fmt::format("vars[{}] ({})", v, var.name);
    if (var.values.size() != plan.n)
      return Error::invalid("size_mismatch",
                            fmt::format("{}: {} has {} rows, expected {}", fn, where,
                                        var.values.size(), plan.n), where);
    for (std::size_t i = 0; i < plan.n; ++i) {
      const double x = var.values[i];
      if (std::isnan(x)) {
        plan.mis[v].push_back(static_cast<int>(i));
        continue;
      }
      if (!std::isfinite(x))
        return Error::invalid("non_finite", fmt::format("{}: {} is infinite at row {}", fn, where, i),
                              where);
      if (var.kind == MiceVariable::Kind::binary && x != 0.0 && x != 1.0)
        return Error::invalid("not_binary",
                              fmt::format("{}: binary {} has value {} at row {} (expected 0 or 1)",
                                          fn, where, x, i), where);
      plan.obs[v].push_back(static_cast<int>(i));
    }
    if (!plan.mis[v].empty()) {
      if (var.impute) {
        if (plan.obs[v].empty())
          return Error::infeasible("all_missing",
                                   fmt::format("{}: {} has no observed value to impute from", fn,
                                               where), where);
        plan.imputed[v] = true;
      } else if (var.predictor) {
        return Error::invalid("missing_predictor",
                              fmt::format("{}: {} has missing values but is a predictor that is "
                                          "not imputed", fn, where), where);
      }
    }
    if (var.predictor) plan.predictors.push_back(static_cast<int>(v));
  }
  return plan;
}

// Runs one imputation; returns the completed variables.
std::vector<std::vector<double>> run_one(const std::vector<MiceVariable>& vars, const Plan& plan,
                                         const MiceOptions& opt, int index) {
  Rng rng(mice_detail::splitmix64(mice_detail::splitmix64(opt.seed) +
                                  static_cast<std::uint64_t>(index)));
  std::vector<std::vector<double>> cur(vars.size());
  for (std::size_t v = 0; v < vars.size(); ++v) cur[v] = vars[v].values;
  for (std::size_t v = 0; v < vars.size(); ++v) {
    if (!plan.imputed[v]) continue;
    for (int i : plan.mis[v]) cur[v][i] = vars[v].values[plan.obs[v][rng.index(plan.obs[v].size())]];
  }
  // A variable is left out of a design while it is constant (as mice drops constant
  // predictors); constancy changes only when the variable itself is re-imputed.
  auto constant = [&](std::size_t u) {
    const auto [lo, hi] = std::minmax_element(cur[u].begin(), cur[u].end());
    return !(*hi > *lo);
  };
  std::vector<char> is_const(vars.size());
  for (std::size_t u = 0; u < vars.size(); ++u) is_const[u] = constant(u);
  std::vector<Eigen::VectorXd> warm(vars.size());  // logreg starting values
  std::vector<const double*> cols;
  std::vector<int> idx;  // rows/columns of the cross-products for the current design
  mice_detail::Design d;
  mice_detail::PmmScratch scratch;
  mice_detail::PmmStep step;
  mice_detail::CrossProducts cp;
  cp.reset(cur);
  std::vector<double> old_values;
  for (int it = 0; it < opt.maxit; ++it) {
    for (std::size_t v = 0; v < vars.size(); ++v) {
      if (!plan.imputed[v]) continue;
      cols.clear();
      idx.assign(1, 0);
      for (int u : plan.predictors)
        if (u != static_cast<int>(v) && !is_const[u]) {
          cols.push_back(cur[u].data());
          idx.push_back(1 + u);
        }
      const bool binary = vars[v].kind == MiceVariable::Kind::binary;
      const auto& obs = plan.obs[v];
      const auto& mis = plan.mis[v];
      std::vector<double> imp;
      if (binary) {
        mice_detail::make_design(cols, plan.n, obs, mis, true, d);
        Eigen::VectorXd yo(static_cast<Eigen::Index>(obs.size()));
        for (std::size_t i = 0; i < obs.size(); ++i) yo[static_cast<Eigen::Index>(i)] = cur[v][obs[i]];
        imp = mice_detail::impute_logreg(d, yo, warm[v], rng);
      } else {
        // XᵀX and Xᵀy over the observed rows: the running cross-products of all rows minus
        // the rows to impute when those are fewer, else summed over the observed rows.
        const bool subtract = mis.size() <= obs.size();
        mice_detail::make_design(cols, plan.n, obs, mis, false, d, /*with_obs=*/!subtract);
        const Eigen::Index p = d.xm.cols();
        step.xtx.setZero(p, p);
        if (subtract) {
          Eigen::VectorXd ym(static_cast<Eigen::Index>(mis.size()));
          for (std::size_t i = 0; i < mis.size(); ++i) ym[static_cast<Eigen::Index>(i)] = cur[v][mis[i]];
          step.xtx.selfadjointView<Eigen::Lower>().rankUpdate(d.xm.transpose(), -1.0);
          step.xtx = step.xtx.selfadjointView<Eigen::Lower>();
          step.xtx += cp.c(idx, idx);
          step.xty = cp.c(idx, 1 + static_cast<int>(v)) - d.xm.transpose() * ym;
        } else {
          Eigen::VectorXd yo(static_cast<Eigen::Index>(obs.size()));
          for (std::size_t i = 0; i < obs.size(); ++i) yo[static_cast<Eigen::Index>(i)] = cur[v][obs[i]];
          step.xtx.selfadjointView<Eigen::Lower>().rankUpdate(d.xo.transpose());
          step.xtx = step.xtx.selfadjointView<Eigen::Lower>();
          step.xty = d.xo.transpose() * yo;
        }
        step.columns = cols;
        step.y = cur[v].data();
        step.n = plan.n;
        step.obs = &obs;
        step.mis = &mis;
        step.xm = &d.xm;
        imp = mice_detail::impute_pmm(step, opt.donors, rng, scratch);
      }
      old_values.resize(mis.size());
      for (std::size_t i = 0; i < imp.size(); ++i) {
        old_values[i] = cur[v][mis[i]];
        cur[v][mis[i]] = imp[i];
      }
      cp.update(cur, v, mis, old_values);
      is_const[v] = constant(v);
    }
  }
  return cur;
}

}  // namespace

cp::Result<MiceResult> mice(const std::vector<MiceVariable>& vars, const MiceOptions& opt) {
  auto plan_r = validate(vars, opt);
  if (!plan_r.ok()) return plan_r.error();
  const Plan& plan = *plan_r;
  MiceResult res;
  res.m = opt.m;
  res.completed.resize(static_cast<std::size_t>(opt.m));
  unsigned threads = opt.threads > 0 ? static_cast<unsigned>(opt.threads)
                                     : std::max(1u, std::thread::hardware_concurrency());
  threads = std::min<unsigned>(threads, static_cast<unsigned>(opt.m));
  std::atomic<int> next{0};
  std::atomic<bool> failed{false};  // e.g. std::bad_alloc in a worker: reported, not fatal
  auto worker = [&] {
    try {
      for (int i = next++; i < opt.m && !failed; i = next++)
        res.completed[i] = run_one(vars, plan, opt, i);
    } catch (const std::exception&) {
      failed = true;
    }
  };
  if (threads <= 1) {
    worker();
  } else {
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);
    for (auto& t : pool) t.join();
  }
  if (failed)
    return Error{ErrorKind::internal, "mice_failed",
                 "mice: an imputation failed (out of memory?)", {}};
  return res;
}

}  // namespace cp::stats
