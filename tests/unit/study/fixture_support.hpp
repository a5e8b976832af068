// tests/unit/study/fixture_support.hpp — helpers for the issue-6 R comparison tests: read a
// fixture file, run a spec end to end, compare numbers with a relative tolerance.
#pragma once

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cp/study/analysis_dataset.hpp"
#include "cp/study/analysis_spec.hpp"
#include "cp/study/csv_table.hpp"
#include "cp/study/evaluation.hpp"

namespace cp::study::testing {

inline std::string fixture_dir() { return std::string(CP_SOURCE_DIR) + "/tests/fixtures/r/analysis/"; }

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot open " << path;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline nlohmann::json load_json(const std::string& name) { return nlohmann::json::parse(slurp(fixture_dir() + name)); }

inline AnalysisSpec load_spec(const std::string& toml_name) {
  auto s = parse_analysis_spec(slurp(fixture_dir() + toml_name));
  EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().message);
  return s.value();
}

inline AnalysisDataset load_data(const AnalysisSpec& spec) {
  auto t = parse_csv(slurp(fixture_dir() + spec.data_file), requested_columns(spec.data));
  EXPECT_TRUE(t.ok()) << (t.ok() ? "" : t.error().message);
  auto d = build_dataset(t.value(), spec.data);
  EXPECT_TRUE(d.ok()) << (d.ok() ? "" : d.error().message);
  return d.value();
}

// |actual − expected| <= rel·|expected| (+ a tiny absolute floor for exact zeros).
inline void expect_rel(const nlohmann::json& actual, const nlohmann::json& expected, double rel,
                       const std::string& what) {
  ASSERT_TRUE(actual.is_number()) << what << ": C++ gave " << actual.dump();
  ASSERT_TRUE(expected.is_number()) << what << ": R gave " << expected.dump();
  const double a = actual.get<double>(), e = expected.get<double>();
  EXPECT_LE(std::fabs(a - e), rel * std::fabs(e) + 1e-12) << what << ": C++ " << a << " vs R " << e;
}

}  // namespace cp::study::testing
