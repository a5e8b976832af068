// src/study/analysis_dataset.cpp — builds the typed analysis dataset from CSV text columns,
// with row-and-column error messages.
#include "cp/study/analysis_dataset.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

namespace cp::study {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string where(const CsvTable& t, std::size_t row, const std::string& col) {
  return fmt::format("row {} (line {}), column {}", row + 1, t.line[row], col);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

cp::Result<std::vector<double>> numeric_column(const CsvTable& t, const std::string& name) {
  const int c = t.find(name);
  if (c < 0) return Error::invalid("missing_column", fmt::format("the data have no column '{}'", name), name);
  std::vector<double> v(t.rows());
  for (std::size_t r = 0; r < t.rows(); ++r) {
    const std::string& cell = t.columns[c][r];
    if (is_missing_cell(cell)) {
      v[r] = kNaN;
    } else if (!parse_number(cell, v[r])) {
      return Error::invalid("not_a_number",
                            fmt::format("{}: '{}' is not a number", where(t, r, name), cell),
                            where(t, r, name));
    }
  }
  return v;
}

}  // namespace

bool parse_number(std::string_view cell, double& out) {
  cell = trim(cell);
  if (cell.empty()) return false;
  if (cell.front() == '+') cell.remove_prefix(1);
  const char* b = cell.data();
  const char* e = b + cell.size();
  auto [ptr, ec] = std::from_chars(b, e, out);
  return ec == std::errc() && ptr == e && std::isfinite(out);
}

std::vector<std::string> requested_columns(const DatasetRequest& q) {
  std::vector<std::string> cols;
  auto add = [&](const std::string& c) {
    if (!c.empty() && std::find(cols.begin(), cols.end(), c) == cols.end()) cols.push_back(c);
  };
  add(q.id);
  add(q.cluster);
  add(q.arm);
  for (const auto& c : q.covariates) add(c);
  for (const auto& o : q.outcomes) {
    add(o.baseline);
    add(o.followup);
  }
  for (const auto& c : q.extra_numeric) add(c);
  return cols;
}

cp::Result<AnalysisDataset> build_dataset(const CsvTable& t, const DatasetRequest& q) {
  for (const auto& c : requested_columns(q))
    if (t.find(c) < 0)
      return Error::invalid("missing_column", fmt::format("the data have no column '{}'", c), c);
  if (q.cluster.empty())
    return Error::invalid("missing_field", "the spec names no cluster column", "data.cluster");
  const std::size_t n = t.rows();
  if (n == 0) return Error::invalid("no_rows", "the data have no rows");
  AnalysisDataset d;

  // Identifiers: present and unique.
  const auto& idc = t.columns[t.find(q.id)];
  std::unordered_set<std::string> seen;
  d.id.reserve(n);
  for (std::size_t r = 0; r < n; ++r) {
    if (is_missing_cell(idc[r]))
      return Error::invalid("missing_value", fmt::format("{}: the id is missing", where(t, r, q.id)),
                            where(t, r, q.id));
    if (!seen.insert(idc[r]).second)
      return Error::invalid("duplicate_id",
                            fmt::format("{}: id '{}' occurs twice", where(t, r, q.id), idc[r]),
                            where(t, r, q.id));
    d.id.push_back(idc[r]);
  }

  // Clusters: labels sorted (numerically when all are numbers, as R sorts a numeric column).
  const auto& cc = t.columns[t.find(q.cluster)];
  std::vector<std::string> labels;
  for (std::size_t r = 0; r < n; ++r) {
    if (is_missing_cell(cc[r]))
      return Error::invalid("missing_value",
                            fmt::format("{}: the cluster is missing", where(t, r, q.cluster)),
                            where(t, r, q.cluster));
    labels.push_back(std::string(trim(cc[r])));
  }
  std::vector<std::string> uniq = labels;
  std::sort(uniq.begin(), uniq.end());
  uniq.erase(std::unique(uniq.begin(), uniq.end()), uniq.end());
  bool all_numeric = true;
  for (const auto& u : uniq) {
    double x;
    if (!parse_number(u, x)) { all_numeric = false; break; }
  }
  if (all_numeric)
    std::sort(uniq.begin(), uniq.end(), [](const std::string& a, const std::string& b) {
      double x = 0, y = 0;
      parse_number(a, x);
      parse_number(b, y);
      return x < y;
    });
  std::unordered_map<std::string, int> cid;
  for (std::size_t i = 0; i < uniq.size(); ++i) cid[uniq[i]] = static_cast<int>(i);
  d.cluster_labels = uniq;
  d.cluster.resize(n);
  std::vector<int> size(uniq.size(), 0);
  for (std::size_t r = 0; r < n; ++r) ++size[d.cluster[r] = cid[labels[r]]];
  std::vector<std::string> singletons;
  for (std::size_t i = 0; i < uniq.size(); ++i)
    if (size[i] == 1) singletons.push_back(uniq[i]);
  if (!singletons.empty()) {
    std::string list;
    for (std::size_t i = 0; i < singletons.size() && i < 10; ++i)
      list += (i ? ", " : "") + singletons[i];
    if (singletons.size() > 10) list += ", …";
    d.warnings.push_back(fmt::format(
        "{} cluster(s) of column '{}' have one person ({}): they add nothing to the "
        "between-cluster variance and CR2 adjusts them by their leverage",
        singletons.size(), q.cluster, list));
  }

  // Arm: control value -> 0, the one other value -> 1.
  const auto& ac = t.columns[t.find(q.arm)];
  d.control_label = q.control;
  std::set<std::string> others;
  d.arm.resize(n);
  int n_control = 0;
  for (std::size_t r = 0; r < n; ++r) {
    if (is_missing_cell(ac[r]))
      return Error::invalid("missing_value", fmt::format("{}: the arm is missing", where(t, r, q.arm)),
                            where(t, r, q.arm));
    const std::string v(trim(ac[r]));
    if (v == q.control) {
      d.arm[r] = 0;
      ++n_control;
    } else {
      d.arm[r] = 1;
      others.insert(v);
    }
  }
  if (n_control == 0)
    return Error::invalid("empty_arm",
                          fmt::format("the control arm ('{}' in column '{}') has nobody", q.control, q.arm),
                          q.arm);
  if (others.empty())
    return Error::invalid("empty_arm",
                          fmt::format("the intervention arm (any value of '{}' other than '{}') has nobody",
                                      q.arm, q.control),
                          q.arm);
  if (others.size() > 1) {
    std::string list;
    for (const auto& o : others) list += (list.empty() ? "" : ", ") + o;
    return Error::invalid("too_many_arms",
                          fmt::format("column '{}' has more than one non-control value ({}); two arms are "
                                      "supported: control = '{}' and one intervention value",
                                      q.arm, list, q.control),
                          q.arm);
  }
  d.intervention_label = *others.begin();

  // Covariates.
  for (const auto& name : q.covariates) {
    Covariate cov;
    cov.name = name;
    const auto& col = t.columns[t.find(name)];
    bool numeric = true;
    int missing = 0;
    for (std::size_t r = 0; r < n && numeric; ++r) {
      double x;
      if (is_missing_cell(col[r])) continue;
      if (!parse_number(col[r], x)) numeric = false;
    }
    cov.values.assign(n, kNaN);
    if (numeric) {
      for (std::size_t r = 0; r < n; ++r)
        if (!is_missing_cell(col[r])) parse_number(col[r], cov.values[r]); else ++missing;
    } else {
      cov.categorical = true;
      std::set<std::string> lv;
      for (std::size_t r = 0; r < n; ++r)
        if (!is_missing_cell(col[r])) lv.insert(std::string(trim(col[r])));
      cov.levels.assign(lv.begin(), lv.end());
      if (auto it = q.reference.find(name); it != q.reference.end()) {
        auto pos = std::find(cov.levels.begin(), cov.levels.end(), it->second);
        if (pos == cov.levels.end())
          return Error::invalid("unknown_level",
                                fmt::format("reference level '{}' does not occur in column '{}'",
                                            it->second, name),
                                "data.reference." + name);
        std::rotate(cov.levels.begin(), pos, pos + 1);
      }
      std::unordered_map<std::string, int> li;
      for (std::size_t i = 0; i < cov.levels.size(); ++i) li[cov.levels[i]] = static_cast<int>(i);
      for (std::size_t r = 0; r < n; ++r) {
        if (is_missing_cell(col[r])) { ++missing; continue; }
        cov.values[r] = li[std::string(trim(col[r]))];
      }
    }
    if (missing > 0)
      d.warnings.push_back(fmt::format(
          "covariate '{}' is missing for {} participant(s): they are left out of complete-case "
          "models that adjust for it", name, missing));
    d.covariates.push_back(std::move(cov));
  }

  // Outcomes.
  for (const auto& o : q.outcomes) {
    OutcomeData od;
    od.name = o.name;
    od.baseline_column = o.baseline;
    od.followup_column = o.followup;
    auto b = numeric_column(t, o.baseline);
    if (!b) return std::move(b).error();
    auto f = numeric_column(t, o.followup);
    if (!f) return std::move(f).error();
    od.baseline = std::move(b.value());
    od.followup = std::move(f.value());
    const auto observed = std::count_if(od.followup.begin(), od.followup.end(),
                                        [](double x) { return std::isfinite(x); });
    if (observed == 0)
      d.warnings.push_back(fmt::format("outcome '{}': the follow-up column '{}' is missing for "
                                       "everyone; its models report an error instead of numbers",
                                       o.name, o.followup));
    d.outcomes.push_back(std::move(od));
  }
  for (const auto& c : q.extra_numeric) {
    if (d.extra.count(c)) continue;
    auto v = numeric_column(t, c);
    if (!v) return std::move(v).error();
    d.extra[c] = std::move(v.value());
  }
  return d;
}

}  // namespace cp::study
