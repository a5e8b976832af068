// src/study/multiple_imputation.cpp — imputation model set-up, per-imputation fits in
// parallel, Rubin's rules.
#include "cp/study/multiple_imputation.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>

#include <fmt/format.h>

#include "cp/stats/distributions.hpp"
#include "cp/stats/mice.hpp"
#include "cp/stats/rubin.hpp"

namespace cp::study {

namespace {

int thread_count(int requested, int jobs) {
  int t = requested > 0 ? requested : static_cast<int>(std::thread::hardware_concurrency());
  return std::max(1, std::min(t, jobs));
}

// Runs job(i) for i in [0, jobs) on `threads` threads; each index runs exactly once.
template <class F>
void parallel_for(int jobs, int threads, F&& job) {
  std::atomic<int> next{0};
  auto worker = [&] {
    for (int i = next++; i < jobs; i = next++) job(i);
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& th : pool) th.join();
}

AnalysisDataset subset_rows(const AnalysisDataset& d, const std::vector<int>& rows) {
  AnalysisDataset s;
  s.cluster_labels = d.cluster_labels;
  s.control_label = d.control_label;
  s.intervention_label = d.intervention_label;
  auto pick = [&](const std::vector<double>& v) {
    std::vector<double> o;
    o.reserve(rows.size());
    for (int r : rows) o.push_back(v[r]);
    return o;
  };
  for (int r : rows) {
    s.id.push_back(d.id[r]);
    s.cluster.push_back(d.cluster[r]);
    s.arm.push_back(d.arm[r]);
  }
  for (const auto& c : d.covariates) {
    Covariate cc = c;
    cc.values = pick(c.values);
    s.covariates.push_back(std::move(cc));
  }
  for (const auto& o : d.outcomes) {
    OutcomeData oo;
    oo.name = o.name;
    oo.baseline_column = o.baseline_column;
    oo.followup_column = o.followup_column;
    oo.baseline = pick(o.baseline);
    oo.followup = pick(o.followup);
    s.outcomes.push_back(std::move(oo));
  }
  for (const auto& [k, v] : d.extra) s.extra[k] = pick(v);
  return s;
}

// Where a mice variable's completed values go back in the dataset.
struct Slot {
  enum class Kind { covariate, baseline, followup, extra } kind;
  std::size_t index = 0;
  std::string extra;
};

bool has_observed(const std::vector<double>& v) {
  return std::any_of(v.begin(), v.end(), [](double x) { return std::isfinite(x); });
}

}  // namespace

std::vector<ModelResult> fit_each(ModelKind kind, const std::vector<const AnalysisDataset*>& ds,
                                  std::size_t outcome, const ModelSettings& s, int threads) {
  std::vector<ModelResult> out(ds.size());
  parallel_for(static_cast<int>(ds.size()), thread_count(threads, static_cast<int>(ds.size())),
               [&](int i) { out[i] = fit_model(kind, *ds[i], outcome, s); });
  return out;
}

ModelResult pool_model_results(const std::string& name, const std::vector<ModelResult>& fits,
                               double level) {
  ModelResult r;
  r.model = name;
  int bad = 0;
  std::string first_error;
  std::vector<double> q, u;
  double dfcom = 0;
  int n = 0;
  for (const auto& f : fits) {
    if (!f.ok) {
      if (bad++ == 0) first_error = f.error;
      continue;
    }
    q.push_back(f.estimate);
    u.push_back(f.se * f.se);
    dfcom = dfcom == 0 ? f.dfcom : std::min(dfcom, f.dfcom);
    n = std::max(n, f.n);
  }
  if (bad > 0 || q.empty()) {
    r = failed(name, Error::infeasible(
                         "imputed_fit_failed",
                         fmt::format("{} of {} imputed datasets could not be fitted (first: {})", bad,
                                     fits.size(), first_error)));
    r.extra["m"] = static_cast<int>(fits.size());
    return r;
  }
  auto pooled = stats::pool_scalar_checked(q, u, dfcom > 0 ? dfcom : 1.0);
  if (!pooled) {
    r = failed(name, pooled.error());
    r.extra["m"] = static_cast<int>(fits.size());
    return r;
  }
  const auto& p = *pooled;
  r.ok = true;
  r.estimate = p.estimate;
  r.se = p.se;
  r.df = p.df;
  r.p = p.p;
  r.n = n;
  r.dfcom = dfcom;
  // CI at the requested level (pool_scalar's own CI is 95 %).
  const double tq = stats::t_quantile(0.5 + level / 2, p.df);
  r.ci_low = p.estimate - tq * p.se;
  r.ci_high = p.estimate + tq * p.se;
  r.extra["m"] = p.m;
  r.extra["fmi"] = p.fmi;
  r.extra["riv"] = p.riv;
  r.extra["lambda"] = p.lambda;
  r.extra["ubar"] = p.ubar;
  r.extra["b"] = p.b;
  r.extra["dfcom"] = dfcom;
  return r;
}

cp::Result<MiOutput> run_multiple_imputation(const AnalysisSpec& spec, const AnalysisDataset& data0,
                                             const std::function<void(const std::string&)>& say,
                                             std::vector<std::string>& warnings) {
  const ImputationSpec& is = *spec.imputation;
  // Rows with a missing categorical covariate cannot be imputed (dummies are complete
  // predictors): leave them out, and say so.
  std::vector<int> keep;
  for (std::size_t r = 0; r < data0.rows(); ++r) {
    bool ok = true;
    for (const auto& c : data0.covariates)
      if (c.categorical && !std::isfinite(c.values[r])) ok = false;
    if (ok) keep.push_back(static_cast<int>(r));
  }
  AnalysisDataset data = keep.size() == data0.rows() ? data0 : subset_rows(data0, keep);
  if (keep.size() != data0.rows())
    warnings.push_back(fmt::format("imputation: {} participant(s) with a missing categorical covariate "
                                   "are left out of the imputed analyses",
                                   data0.rows() - keep.size()));

  std::vector<stats::MiceVariable> vars;
  std::vector<Slot> slots;  // slots[v] for each imputed mice variable, in order
  std::vector<int> slot_var;
  auto add = [&](const std::string& name, const std::vector<double>& v, bool impute, bool binary, Slot slot) {
    stats::MiceVariable mv;
    mv.name = name;
    mv.values = v;
    mv.kind = binary ? stats::MiceVariable::Kind::binary : stats::MiceVariable::Kind::continuous;
    mv.impute = impute;
    mv.predictor = true;
    if (impute) {
      slots.push_back(slot);
      slot_var.push_back(static_cast<int>(vars.size()));
    }
    vars.push_back(std::move(mv));
  };
  std::vector<double> armv(data.arm.begin(), data.arm.end());
  add("arm", armv, false, true, {});
  for (std::size_t c = 0; c < data.covariates.size(); ++c) {
    const auto& cov = data.covariates[c];
    if (cov.categorical) {
      for (std::size_t l = 1; l < cov.levels.size(); ++l) {
        std::vector<double> dv(data.rows());
        for (std::size_t r = 0; r < dv.size(); ++r) dv[r] = static_cast<int>(cov.values[r]) == static_cast<int>(l);
        add(cov.name + cov.levels[l], dv, false, true, {});
      }
    } else {
      add(cov.name, cov.values, true, false, {Slot::Kind::covariate, c, {}});
    }
  }
  std::vector<char> outcome_ok(data.outcomes.size(), 1);
  for (std::size_t k = 0; k < data.outcomes.size(); ++k) {
    const auto& o = data.outcomes[k];
    if (!has_observed(o.baseline) || !has_observed(o.followup)) {
      outcome_ok[k] = 0;
      warnings.push_back(fmt::format("imputation: outcome '{}' has no observed {} values and is not imputed",
                                     o.name, has_observed(o.baseline) ? "follow-up" : "baseline"));
      continue;
    }
    add(o.baseline_column, o.baseline, true, false, {Slot::Kind::baseline, k, {}});
    add(o.followup_column, o.followup, true, false, {Slot::Kind::followup, k, {}});
  }
  for (const auto& a : is.auxiliary) {
    const auto& v = data.extra.at(a);
    if (!has_observed(v)) {
      warnings.push_back(fmt::format("imputation: auxiliary column '{}' is missing for everyone and is not used", a));
      continue;
    }
    add(a, v, true, false, {Slot::Kind::extra, 0, a});
  }

  stats::MiceOptions mo;
  mo.m = is.m;
  mo.maxit = is.maxit;
  mo.seed = is.seed;
  mo.donors = is.donors;
  mo.threads = spec.threads;
  say(fmt::format("imputation: mice, m = {}, maxit = {}, {} variables, {} rows", is.m, is.maxit,
                  vars.size(), data.rows()));
  auto imp = stats::mice(vars, mo);
  if (!imp) return std::move(imp).error();

  // Fit every model on every completed dataset; one completed copy per worker at a time.
  const std::size_t K = data.outcomes.size(), Mn = spec.models.size();
  std::vector<std::vector<std::vector<ModelResult>>> fits(
      K, std::vector<std::vector<ModelResult>>(Mn, std::vector<ModelResult>(is.m)));
  say(fmt::format("imputation: fitting {} model(s) x {} outcome(s) on {} completed datasets", Mn, K, is.m));
  std::atomic<int> done{0};
  parallel_for(is.m, thread_count(spec.threads, is.m), [&](int i) {
    AnalysisDataset c = data;
    const auto& comp = imp->completed[i];
    for (std::size_t s = 0; s < slots.size(); ++s) {
      const auto& col = comp[slot_var[s]];
      switch (slots[s].kind) {
        case Slot::Kind::covariate: c.covariates[slots[s].index].values = col; break;
        case Slot::Kind::baseline: c.outcomes[slots[s].index].baseline = col; break;
        case Slot::Kind::followup: c.outcomes[slots[s].index].followup = col; break;
        case Slot::Kind::extra: c.extra[slots[s].extra] = col; break;
      }
    }
    for (std::size_t k = 0; k < K; ++k) {
      if (!outcome_ok[k]) continue;
      for (std::size_t mi = 0; mi < Mn; ++mi) fits[k][mi][i] = fit_model(spec.models[mi], c, k, spec.settings);
    }
    ++done;
  });

  MiOutput out;
  out.per_outcome = nlohmann::json::object();
  for (std::size_t k = 0; k < K; ++k) {
    if (!outcome_ok[k]) continue;
    nlohmann::json o = nlohmann::json::object();
    for (std::size_t mi = 0; mi < Mn; ++mi) {
      const std::string name = std::string(model_name(spec.models[mi])) + "_mi";
      ModelResult r = pool_model_results(name, fits[k][mi], spec.settings.level);
      if (!r.ok) warnings.push_back(fmt::format("{} / {}: not estimated: {}", data.outcomes[k].name, name, r.error));
      o[name] = to_json(r);
    }
    out.per_outcome[data.outcomes[k].name] = o;
  }
  std::vector<std::string> names;
  for (const auto& v : vars) names.push_back(v.name);
  out.summary = {{"m", is.m}, {"seed", is.seed}, {"maxit", is.maxit}, {"donors", is.donors},
                 {"n", data.rows()}, {"variables", names},
                 {"method", "mice: pmm for continuous variables; arm and categorical dummies as complete predictors; "
                            "Rubin's rules with Barnard-Rubin df"}};
  return out;
}

}  // namespace cp::study
