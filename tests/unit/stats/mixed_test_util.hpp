// tests/unit/stats/mixed_test_util.hpp — test helpers for the mixed-model, MICE and Rubin tests
// (issue 6): a minimal CSV reader for the R fixtures in tests/fixtures/r/mixed/ and the r-anchor
// design matrix (treatment contrasts, reference levels arm = control, gender = Female,
// ethnicity = White), built here so the tests do not depend on the analysis layer.
#pragma once

#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <Eigen/Dense>

namespace cp::stats::testutil {

inline std::string fixture_path(const std::string& name) {
  return std::string(CP_SOURCE_DIR) + "/tests/fixtures/r/mixed/" + name;
}

// A CSV table of strings (quotes stripped; fields never contain commas in our fixtures).
struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  int col(const std::string& name) const {
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return static_cast<int>(i);
    return -1;
  }
  double num(std::size_t r, const std::string& name) const {
    const std::string& v = rows[r][col(name)];
    if (v.empty() || v == "NA") return std::numeric_limits<double>::quiet_NaN();
    return std::stod(v);
  }
};

inline std::vector<std::string> split_csv_line(const std::string& line) {
  std::vector<std::string> out;
  std::string cur;
  for (char ch : line) {
    if (ch == '"' || ch == '\r') continue;
    if (ch == ',') {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += ch;
    }
  }
  out.push_back(cur);
  return out;
}

inline Table read_csv(const std::string& path) {
  Table t;
  std::ifstream in(path);
  std::string line;
  if (!std::getline(in, line)) return t;
  t.header = split_csv_line(line);
  while (std::getline(in, line))
    if (!line.empty()) t.rows.push_back(split_csv_line(line));
  return t;
}

// lmer_reference.csv as a map "dataset|outcome|method|term|statistic" → value.
inline std::map<std::string, double> read_reference(const std::string& path) {
  std::map<std::string, double> m;
  Table t = read_csv(path);
  for (auto& r : t.rows) {
    // the contrast term name contains '+', never a comma
    m[r[0] + "|" + r[1] + "|" + r[2] + "|" + r[3] + "|" + r[4]] = std::stod(r[5]);
  }
  return m;
}

// Design of y_f ~ arm + y_b + age + gender + ethnicity, rows where y_f is observed (or all
// rows when `yf` values are supplied from elsewhere, e.g. a completed dataset).
struct Design {
  Eigen::MatrixXd X;
  Eigen::VectorXd y;
  std::vector<int> cluster;
  std::vector<std::string> names;
};

inline const std::vector<std::string>& anchor_terms(const std::string& outcome) {
  static std::map<std::string, std::vector<std::string>> cache;
  auto& v = cache[outcome];
  if (v.empty())
    v = {"(Intercept)",    "armintervention", outcome + "_b",    "age",
         "genderMale",     "genderOther",     "ethnicityAsian", "ethnicityBlack",
         "ethnicityMixed", "ethnicityOther"};
  return v;
}

// yf: follow-up values per row of t (NaN = drop the row).
inline Design anchor_design(const Table& t, const std::string& outcome,
                            const std::vector<double>& yf) {
  Design d;
  d.names = anchor_terms(outcome);
  std::vector<std::size_t> keep;
  for (std::size_t r = 0; r < t.rows.size(); ++r)
    if (!std::isnan(yf[r])) keep.push_back(r);
  const Eigen::Index n = static_cast<Eigen::Index>(keep.size());
  d.X = Eigen::MatrixXd::Zero(n, 10);
  d.y.resize(n);
  std::map<std::string, int> team_ids;
  const int ca = t.col("arm"), cg = t.col("gender"), ce = t.col("ethnicity"), ct = t.col("team");
  for (Eigen::Index i = 0; i < n; ++i) {
    const auto& row = t.rows[keep[i]];
    d.X(i, 0) = 1.0;
    d.X(i, 1) = row[ca] == "intervention" ? 1.0 : 0.0;
    d.X(i, 2) = t.num(keep[i], outcome + "_b");
    d.X(i, 3) = t.num(keep[i], "age");
    d.X(i, 4) = row[cg] == "Male";
    d.X(i, 5) = row[cg] == "Other";
    d.X(i, 6) = row[ce] == "Asian";
    d.X(i, 7) = row[ce] == "Black";
    d.X(i, 8) = row[ce] == "Mixed";
    d.X(i, 9) = row[ce] == "Other";
    d.y[i] = yf[keep[i]];
    auto [it, fresh] = team_ids.emplace(row[ct], static_cast<int>(team_ids.size()));
    d.cluster.push_back(it->second);
  }
  return d;
}

inline Design anchor_design(const Table& t, const std::string& outcome) {
  std::vector<double> yf(t.rows.size());
  for (std::size_t r = 0; r < t.rows.size(); ++r) yf[r] = t.num(r, outcome + "_f");
  return anchor_design(t, outcome, yf);
}

// Relative difference, with an absolute floor for values near zero.
inline double rel_diff(double a, double b, double floor = 1e-12) {
  return std::fabs(a - b) / std::max({std::fabs(a), std::fabs(b), floor});
}

}  // namespace cp::stats::testutil
