// tests/unit/economics/fixtures.hpp — loads the economics fixtures (R reference outputs and the
// r-anchor data copied into tests/fixtures/r/economics/) for the tests of issue 7.
#pragma once

#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "cp/economics/cea.hpp"

namespace cp::economics::testing {

inline std::string fixture_path(const std::string& name) {
  return std::string(CP_SOURCE_DIR) + "/tests/fixtures/r/economics/" + name;
}

// A small CSV table: header names → columns of strings (quotes stripped). Lines starting
// with '#' are skipped. No embedded commas in our fixtures.
struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::size_t col(const std::string& name) const {
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return i;
    throw std::runtime_error("no column " + name);
  }
  double num(std::size_t r, const std::string& name) const {
    const std::string& s = rows[r][col(name)];
    if (s.empty() || s == "NA") return std::numeric_limits<double>::quiet_NaN();
    return std::stod(s);
  }
};

inline std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> out;
  std::string cell;
  std::stringstream ss(line);
  while (std::getline(ss, cell, ',')) {
    if (!cell.empty() && cell.back() == '\r') cell.pop_back();
    if (cell.size() >= 2 && cell.front() == '"' && cell.back() == '"')
      cell = cell.substr(1, cell.size() - 2);
    out.push_back(cell);
  }
  if (!line.empty() && line.back() == ',') out.emplace_back();
  return out;
}

inline Table read_csv(const std::string& name, bool has_header = true) {
  std::ifstream in(fixture_path(name));
  if (!in) throw std::runtime_error("cannot open fixture " + name);
  Table t;
  std::string line;
  bool first = has_header;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (first) {
      t.header = split(line);
      first = false;
    } else {
      t.rows.push_back(split(line));
    }
  }
  return t;
}

inline nlohmann::json read_json(const std::string& name) {
  std::ifstream in(fixture_path(name));
  if (!in) throw std::runtime_error("cannot open fixture " + name);
  return nlohmann::json::parse(in);
}

// eval_N155.csv (arm "intervention"/"control") or handmade.csv (arm 1/0, icecap columns).
inline EconomicsInput load_input(const std::string& name) {
  const Table t = read_csv(name);
  EconomicsInput in;
  const bool icecap = [&] {
    for (const auto& h : t.header)
      if (h == "icecap_b") return true;
    return false;
  }();
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const std::string& arm = t.rows[r][t.col("arm")];
    in.arm.push_back(arm == "intervention" || arm == "1" ? 1 : 0);
    in.cluster.push_back(t.rows[r][t.col("team")]);
    in.cost_b.push_back(t.num(r, "cost_b"));
    in.cost_f.push_back(t.num(r, "cost_f"));
    in.utility_b.push_back(t.num(r, "utility_b"));
    in.utility_f.push_back(t.num(r, "utility_f"));
    if (icecap) {
      in.capability_b.push_back(t.num(r, "icecap_b"));
      in.capability_f.push_back(t.num(r, "icecap_f"));
    }
  }
  return in;
}

// The spec the r-anchor's step d uses: 12 months, unadjusted cost, 5,000 replicates.
inline EconomicsSpec anchor_spec(CostAdjustment adjustment) {
  EconomicsSpec s;
  s.cost_baseline = "cost_b";
  s.cost_followup = "cost_f";
  s.utility_baseline = "utility_b";
  s.utility_followup = "utility_f";
  s.months = 12;
  s.bootstrap = 5000;
  s.seed = 20240603;
  s.cost_adjustment = adjustment;
  return s;
}

// R's dumped resampling indices, converted to 0-based.
inline std::vector<std::vector<std::size_t>> load_boot_indices() {
  const Table t = read_csv("boot_indices_N155.csv", false);
  std::vector<std::vector<std::size_t>> sets;
  for (const auto& row : t.rows) {
    std::vector<std::size_t> s;
    for (const auto& c : row) s.push_back(static_cast<std::size_t>(std::stoul(c)) - 1);
    sets.push_back(std::move(s));
  }
  return sets;
}

// Relative difference with an absolute floor for values near zero.
inline double rel_diff(double a, double b) {
  return std::fabs(a - b) / std::max(std::fabs(b), 1e-300);
}

}  // namespace cp::economics::testing
