// tests/unit/stats/psychometrics_r_test.cpp — alpha, ICC, kappa and the version correlation
// against R (psych 2.2.9, stats::cor.test) to 1e-9 relative (issue 5, item 6: "against reference
// values computed with R"). The fixtures and the R script that made them are in
// tests/fixtures/r/psychometrics/ (make_fixtures.R → reference.json); R is not needed here.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cp/stats/psychometrics.hpp"

namespace cp::stats {
namespace {

const std::string kDir = std::string(CP_SOURCE_DIR) + "/tests/fixtures/r/psychometrics/";

// Minimal CSV reader for the fixtures (header row; empty field = missing).
DataMatrix read_csv(const std::string& file) {
  std::ifstream in(kDir + file);
  EXPECT_TRUE(in) << file;
  DataMatrix d;
  std::string line;
  auto split = [](const std::string& s) {
    std::vector<std::string> out;
    std::stringstream ss(s);
    std::string cell;
    while (std::getline(ss, cell, ',')) out.push_back(cell);
    if (!s.empty() && s.back() == ',') out.emplace_back();
    return out;
  };
  std::getline(in, line);
  d.columns = split(line);
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::vector<std::optional<double>> row;
    for (auto& c : split(line))
      row.push_back(c.empty() ? std::nullopt : std::optional(std::stod(c)));
    d.rows.push_back(row);
  }
  return d;
}

nlohmann::json reference() {
  std::ifstream in(kDir + "reference.json");
  return nlohmann::json::parse(in);
}

void expect_rel(double got, const nlohmann::json& want, const std::string& what) {
  ASSERT_TRUE(want.is_number()) << what << " is not a number in reference.json";
  const double w = want.get<double>();
  EXPECT_LE(std::fabs(got - w), 1e-9 * std::max(std::fabs(w), 1e-12))
      << what << ": C++ " << got << " vs R " << w;
}
void expect_rel(const std::optional<double>& got, const nlohmann::json& want,
                const std::string& what) {
  if (want.is_null()) {
    EXPECT_FALSE(got) << what;
    return;
  }
  ASSERT_TRUE(got) << what << " is null in C++ but R has " << want;
  expect_rel(*got, want, what);
}

TEST(PsychometricsVsR, CronbachAlphaAsPsychAlpha) {
  const auto all_refs = reference();  // keep the document alive for the loop
  ASSERT_FALSE(all_refs.at("alpha").empty());
  for (const auto& ref : all_refs.at("alpha")) {
    const auto file = ref.at("file").get<std::string>();
    AlphaOptions o;
    o.bootstrap_replicates = 0;
    auto r = cronbach_alpha(read_csv(file), o);
    ASSERT_TRUE(r.ok()) << file << ": " << r.error().message;
    EXPECT_EQ(r->n, ref.at("n").get<int>()) << file;
    expect_rel(r->alpha, ref.at("alpha"), file + " alpha");
    expect_rel(r->std_alpha, ref.at("std_alpha"), file + " std_alpha");
    expect_rel(r->average_r, ref.at("average_r"), file + " average_r");
    expect_rel(r->ase, ref.at("ase"), file + " ase");
    expect_rel(r->feldt_low, ref.at("feldt_low"), file + " feldt_low");
    expect_rel(r->feldt_high, ref.at("feldt_high"), file + " feldt_high");
    const auto& items = ref.at("items");
    ASSERT_EQ(r->items.size(), items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
      const auto where = file + " " + items[i].at("name").get<std::string>();
      EXPECT_EQ(r->items[i].name, items[i].at("name"));
      expect_rel(r->items[i].r_drop, items[i].at("r_drop"), where + " r_drop");
      expect_rel(r->items[i].alpha_if_deleted, items[i].at("alpha_if_deleted"),
                 where + " alpha_if_deleted");
      expect_rel(r->items[i].std_alpha_if_deleted, items[i].at("std_alpha_if_deleted"),
                 where + " std_alpha_if_deleted");
      expect_rel(r->items[i].mean, items[i].at("mean"), where + " mean");
      expect_rel(r->items[i].sd, items[i].at("sd"), where + " sd");
    }
  }
}

// The r-anchor pipeline's own psych::alpha on inc01_b … inc16_b (reference_N155.csv, step e).
TEST(PsychometricsVsR, InclusionItemsMatchTheRAnchorReference) {
  std::ifstream in(kDir + "reference_N155_step_e.csv");
  std::string line;
  std::optional<double> raw, std_alpha;
  while (std::getline(in, line)) {
    auto value = [&] {
      auto q = line.rfind(",\"");
      return std::stod(line.substr(q + 2, line.size() - q - 3));
    };
    if (line.find("\"raw_alpha\"") != std::string::npos) raw = value();
    if (line.find("\"std.alpha\"") != std::string::npos) std_alpha = value();
  }
  ASSERT_TRUE(raw && std_alpha);
  AlphaOptions o;
  o.bootstrap_replicates = 0;
  auto r = cronbach_alpha(read_csv("inclusion_items_N155.csv"), o);
  ASSERT_TRUE(r.ok());
  EXPECT_NEAR(r->alpha, *raw, 1e-9 * *raw);  // 0.87194164366250981
  EXPECT_NEAR(r->std_alpha, *std_alpha, 1e-9 * *std_alpha);
}

TEST(PsychometricsVsR, SixIccsAsPsychIcc) {
  const auto all_refs = reference();  // keep the document alive for the loop
  ASSERT_FALSE(all_refs.at("icc").empty());
  for (const auto& ref : all_refs.at("icc")) {
    const auto file = ref.at("file").get<std::string>();
    auto r = intraclass_correlations(read_csv(file));
    ASSERT_TRUE(r.ok()) << file << ": " << r.error().message;
    EXPECT_EQ(r->n_subjects, ref.at("n_subjects").get<int>());
    expect_rel(r->msb, ref.at("MSB"), file + " MSB");
    expect_rel(r->msj, ref.at("MSJ"), file + " MSJ");
    expect_rel(r->mse, ref.at("MSE"), file + " MSE");
    expect_rel(r->msw, ref.at("MSW"), file + " MSW");
    const std::pair<const char*, const IccValue*> all[] = {
        {"ICC1", &r->icc1},   {"ICC2", &r->icc2},   {"ICC3", &r->icc3},
        {"ICC1k", &r->icc1k}, {"ICC2k", &r->icc2k}, {"ICC3k", &r->icc3k}};
    for (auto [name, v] : all) {
      const auto& w = ref.at(name);
      const auto where = file + " " + name;
      expect_rel(v->value, w.at("value"), where + " value");
      expect_rel(v->F, w.at("F"), where + " F");
      expect_rel(v->df1, w.at("df1"), where + " df1");
      expect_rel(v->df2, w.at("df2"), where + " df2");
      expect_rel(v->p, w.at("p"), where + " p");
      expect_rel(v->ci_low, w.at("ci_low"), where + " ci_low");
      expect_rel(v->ci_high, w.at("ci_high"), where + " ci_high");
    }
  }
}

TEST(PsychometricsVsR, KappaAsPsychCohenKappa) {
  const auto all_refs = reference();  // keep the document alive for the loop
  ASSERT_FALSE(all_refs.at("kappa").empty());
  for (const auto& ref : all_refs.at("kappa")) {
    const auto file = ref.at("file").get<std::string>();
    auto d = read_csv(file);
    if (d.columns.size() > 2) {  // the N155 case uses the first two items
      d.columns.resize(2);
      for (auto& row : d.rows) row.resize(2);
    }
    const std::pair<const char*, KappaWeights> all[] = {{"none", KappaWeights::none},
                                                        {"linear", KappaWeights::linear},
                                                        {"quadratic", KappaWeights::quadratic}};
    for (auto [name, w] : all) {
      auto r = cohen_kappa(d, w);
      ASSERT_TRUE(r.ok()) << file << ": " << r.error().message;
      const auto where = file + " " + name;
      EXPECT_EQ(r->n, ref.at("n").get<int>());
      expect_rel(r->kappa, ref.at(name).at("kappa"), where + " kappa");
      expect_rel(r->variance, ref.at(name).at("variance"), where + " variance");
      expect_rel(r->ci_low, ref.at(name).at("ci_low"), where + " ci_low");
      expect_rel(r->ci_high, ref.at(name).at("ci_high"), where + " ci_high");
    }
  }
}

TEST(PsychometricsVsR, VersionCorrelationAsCorTest) {
  const auto all_refs = reference();  // keep the document alive for the loop
  ASSERT_FALSE(all_refs.at("correlation").empty());
  for (const auto& ref : all_refs.at("correlation")) {
    const auto file = ref.at("file").get<std::string>();
    auto d = read_csv(file);
    if (d.columns.size() > 2) {
      d.columns.resize(2);
      for (auto& row : d.rows) row.resize(2);
    }
    auto r = version_correlation(d);
    ASSERT_TRUE(r.ok()) << file << ": " << r.error().message;
    EXPECT_EQ(r->n, ref.at("n").get<int>());
    expect_rel(r->r, ref.at("r"), file + " r");
    expect_rel(r->t, ref.at("t"), file + " t");
    expect_rel(r->df, ref.at("df"), file + " df");
    expect_rel(r->p, ref.at("p"), file + " p");
    expect_rel(r->ci_low, ref.at("ci_low"), file + " ci_low");
    expect_rel(r->ci_high, ref.at("ci_high"), file + " ci_high");
  }
}

}  // namespace
}  // namespace cp::stats
