// src/economics/sample.cpp — validation of the per-participant input, complete cases, centring
// and the moments by arm that every estimate and every bootstrap replicate is built from.
#include "cp/economics/sample.hpp"

#include <fmt/format.h>

#include <cmath>
#include <unordered_map>

#include "cp/economics/effects.hpp"

namespace cp::economics {

namespace {

std::string at(const std::string& column, std::size_t row) {
  return fmt::format("{}, row {}", column, row + 1);
}

// Checks one column's length: must be n, or (when optional) empty.
std::optional<Error> check_length(const std::string& column, std::size_t size, std::size_t n,
                                  bool may_be_empty) {
  if (size == n || (may_be_empty && size == 0)) return std::nullopt;
  return Error::invalid(
      "size_mismatch",
      fmt::format("economics: column '{}' has {} values, arm has {}", column, size, n), column);
}

}  // namespace

cp::Result<Sample> prepare_sample(const EconomicsInput& in, const EconomicsSpec& spec) {
  const std::size_t n = in.arm.size();
  const bool adjust = spec.cost_adjustment == CostAdjustment::baseline;
  const std::string cb_name = spec.cost_baseline.empty() ? "cost_baseline" : spec.cost_baseline;
  const std::string cf_name = spec.cost_followup.empty() ? "cost_followup" : spec.cost_followup;
  const std::string ub_name =
      spec.utility_baseline.empty() ? "utility_baseline" : spec.utility_baseline;
  const std::string uf_name =
      spec.utility_followup.empty() ? "utility_followup" : spec.utility_followup;

  if (n == 0) return Error::invalid("empty", "economics: the dataset has no rows", "arm");
  if (n >= (std::size_t{1} << 31))  // the bootstrap draws 32-bit indices
    return Error{ErrorKind::too_large, "too_many_rows",
                 fmt::format("economics: {} rows is more than 2^31 − 1", n), "arm"};
  if (auto e = check_length(cb_name, in.cost_b.size(), n, !adjust)) return *e;
  if (auto e = check_length(cf_name, in.cost_f.size(), n, false)) return *e;
  if (auto e = check_length(ub_name, in.utility_b.size(), n, false)) return *e;
  if (auto e = check_length(uf_name, in.utility_f.size(), n, false)) return *e;
  if (auto e = check_length("cluster", in.cluster.size(), n, !spec.cluster_bootstrap)) return *e;
  if (!(spec.months > 0.0) || !std::isfinite(spec.months))
    return Error::invalid("economics_spec", "economics: months must be a positive number",
                          "economics.months");

  Sample s;
  s.adjust_cost = adjust;
  int missing_cost_f = 0, missing_util_f = 0, missing_baseline = 0, missing_cluster = 0;
  std::vector<std::array<double, kVars>> raw;
  raw.reserve(n);
  std::unordered_map<std::string, int> cluster_ids;

  for (std::size_t i = 0; i < n; ++i) {
    if (in.arm[i] != 0 && in.arm[i] != 1)
      return Error::invalid("bad_arm",
                            fmt::format("economics: arm must be 1 (intervention) or 0 (control), "
                                        "got {} in row {}",
                                        in.arm[i], i + 1),
                            at("arm", i));
    const double cb = adjust ? in.cost_b[i] : 0.0;
    const double cf = in.cost_f[i];
    const double ub = in.utility_b[i];
    const double uf = in.utility_f[i];
    // Present values must be valid: costs finite and ≥ 0, utilities within the value set.
    auto check_cost = [&](double x, const std::string& col) -> std::optional<Error> {
      if (std::isnan(x)) return std::nullopt;
      if (!std::isfinite(x) || x < 0.0)
        return Error::invalid(std::isfinite(x) ? "negative_cost" : "not_finite",
                              fmt::format("economics: cost must be a finite amount ≥ 0, got {} "
                                          "in column '{}', row {}",
                                          x, col, i + 1),
                              at(col, i));
      return std::nullopt;
    };
    auto check_util = [&](double x, const std::string& col) -> std::optional<Error> {
      if (std::isnan(x)) return std::nullopt;
      if (!std::isfinite(x) || x < spec.utility_min || x > spec.utility_max)
        return Error::invalid("utility_out_of_range",
                              fmt::format("economics: value {} in column '{}', row {} is outside "
                                          "the value set's range [{}, {}]",
                                          x, col, i + 1, spec.utility_min, spec.utility_max),
                              at(col, i));
      return std::nullopt;
    };
    if (adjust)
      if (auto e = check_cost(cb, cb_name)) return *e;
    if (auto e = check_cost(cf, cf_name)) return *e;
    if (auto e = check_util(ub, ub_name)) return *e;
    if (auto e = check_util(uf, uf_name)) return *e;

    if (std::isnan(cf) || std::isnan(uf) || std::isnan(ub) || std::isnan(cb)) {
      if (std::isnan(cf)) ++missing_cost_f;
      if (std::isnan(uf)) ++missing_util_f;
      if (std::isnan(ub) || std::isnan(cb)) ++missing_baseline;
      ++s.n_excluded;
      continue;
    }
    if (!in.cluster.empty()) {
      if (in.cluster[i].empty()) {
        if (spec.cluster_bootstrap)
          return Error::invalid("missing_cluster",
                                fmt::format("economics: cluster id missing in row {} (needed "
                                            "for the cluster bootstrap)",
                                            i + 1),
                                at("cluster", i));
        ++missing_cluster;
      }
      // Clusters are nested in arms for the two-stage bootstrap: key = arm + id.
      const std::string key = fmt::format("{}\x1f{}", in.arm[i], in.cluster[i]);
      auto [it, inserted] = cluster_ids.emplace(key, static_cast<int>(cluster_ids.size()));
      s.cluster.push_back(it->second);
    }
    raw.push_back({cb, cf, ub, auc_two_point_years(ub, uf, spec.months)});
    s.arm.push_back(in.arm[i]);
    s.source_row.push_back(i);
  }
  s.n_clusters = static_cast<int>(cluster_ids.size());

  if (s.n_excluded > 0)
    s.warnings.push_back(fmt::format(
        "{} of {} rows excluded (complete-case analysis): {} missing follow-up cost, {} missing "
        "follow-up utility, {} missing a baseline value",
        s.n_excluded, n, missing_cost_f, missing_util_f, missing_baseline));
  if (missing_cluster > 0)
    s.warnings.push_back(fmt::format("{} analysed rows have an empty cluster id", missing_cluster));

  int n_arm[2] = {0, 0};
  for (int a : s.arm) ++n_arm[a];
  for (int a = 0; a < 2; ++a)
    if (n_arm[a] < 2)
      return Error::infeasible(
          "empty_arm",
          fmt::format("economics: the {} arm has {} complete case{} (need at least 2)",
                      a == 1 ? "intervention" : "control", n_arm[a], n_arm[a] == 1 ? "" : "s"),
          "arm");

  // Centre every variable by its complete-case mean.
  const std::size_t m = raw.size();
  for (int v = 0; v < kVars; ++v) {
    double sum = 0.0;
    for (const auto& r : raw) sum += r[v];
    s.centre[v] = sum / static_cast<double>(m);
  }
  s.rows.resize(m * kVars);
  for (std::size_t i = 0; i < m; ++i)
    for (int v = 0; v < kVars; ++v) s.rows[i * kVars + v] = raw[i][v] - s.centre[v];
  return s;
}

void symmetrise(Moments& m) {
  for (auto& a : m.arm)
    for (int i = 0; i < kVars; ++i)
      for (int j = 0; j < i; ++j) a.p[i * kVars + j] = a.p[j * kVars + i];
}

Moments moments_all(const Sample& sample) {
  Moments m;
  for (std::size_t i = 0; i < sample.size(); ++i)
    accumulate_row(m.arm[sample.arm[i]], sample.row(i));
  symmetrise(m);
  return m;
}

cp::Result<Moments> moments_of(const Sample& sample, const std::vector<std::size_t>& indices) {
  Moments m;
  for (std::size_t j = 0; j < indices.size(); ++j) {
    const std::size_t i = indices[j];
    if (i >= sample.size())
      return Error::invalid("bad_index",
                            fmt::format("moments_of: index {} at position {} is outside the "
                                        "{} complete cases",
                                        i, j, sample.size()),
                            fmt::format("indices[{}]", j));
    accumulate_row(m.arm[sample.arm[i]], sample.row(i));
  }
  symmetrise(m);
  return m;
}

}  // namespace cp::economics
