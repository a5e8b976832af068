// tests/unit/study/bad_input_test.cpp — issue 6, item 6: bad input gives a clear error (what
// and where) or a documented warning, never a crash or a NaN in results.json.
#include <cmath>
#include <string>

#include <gtest/gtest.h>

#include "cp/study/analysis_dataset.hpp"
#include "cp/study/analysis_spec.hpp"
#include "cp/study/csv_table.hpp"
#include "cp/study/evaluation.hpp"

namespace cp::study {
namespace {

const char* kSpec = R"(
[data]
id = "id"
cluster = "team"
arm = "arm"
control = "c"
covariates = ["age"]
[[outcomes]]
name = "y"
baseline = "y0"
followup = "y1"
[analysis]
models = ["paired", "group_time", "ancova", "mixed"]
)";

AnalysisSpec spec() {
  auto s = parse_analysis_spec(kSpec);
  EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().message);
  return s.value();
}

cp::Result<AnalysisDataset> build(const std::string& csv) {
  auto s = spec();
  auto t = parse_csv(csv, requested_columns(s.data));
  if (!t) return t.error();
  return build_dataset(*t, s.data);
}

// A balanced small study: 6 teams × 4 people, arms by team.
std::string good_csv(const std::string& y1_override = {}) {
  std::string s = "id,team,arm,age,y0,y1\n";
  for (int i = 0; i < 24; ++i) {
    const int team = i / 4;
    const double y0 = 10 + (i * 7) % 5, y1 = y0 + (team % 2 ? 2.0 : 0.5) + ((i * 3) % 4) * 0.5;
    s += std::to_string(i + 1) + ",t" + std::to_string(team) + "," + (team % 2 ? "i" : "c") + "," +
         std::to_string(30 + (i * 11) % 20) + "," + std::to_string(y0) + "," +
         (y1_override.empty() ? std::to_string(y1) : y1_override) + "\n";
  }
  return s;
}

// Every number in the document is finite (nlohmann would write NaN as null, but we check the
// values we produce never are NaN/inf before that).
void expect_no_nan(const nlohmann::json& j, const std::string& path = "") {
  if (j.is_number_float()) EXPECT_TRUE(std::isfinite(j.get<double>())) << path;
  if (j.is_object())
    for (auto it = j.begin(); it != j.end(); ++it) expect_no_nan(it.value(), path + "." + it.key());
  if (j.is_array())
    for (std::size_t i = 0; i < j.size(); ++i) expect_no_nan(j[i], path + "[" + std::to_string(i) + "]");
}

TEST(BadInput, MissingColumnIsNamed) {
  auto d = build("id,team,arm,y0,y1\n1,a,c,1,2\n");
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().code, "missing_column");
  EXPECT_NE(d.error().message.find("age"), std::string::npos);
}

TEST(BadInput, NonNumericOutcomeNamesRowAndColumn) {
  auto csv = good_csv();
  csv.replace(csv.find("\n3,") + 1, 0, "");  // keep
  std::string bad = "id,team,arm,age,y0,y1\n1,a,c,30,5,6\n2,a,i,31,five,7\n";
  auto d = build(bad);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().code, "not_a_number");
  EXPECT_NE(d.error().field.find("row 2 (line 3), column y0"), std::string::npos) << d.error().field;
  EXPECT_NE(d.error().message.find("'five'"), std::string::npos);
}

TEST(BadInput, RaggedRowAndUnterminatedQuote) {
  auto a = parse_csv("a,b\n1,2\n3\n");
  ASSERT_FALSE(a.ok());
  EXPECT_NE(a.error().message.find("row 2 (line 3)"), std::string::npos) << a.error().message;
  auto b = parse_csv("a,b\n1,\"2\n");
  ASSERT_FALSE(b.ok());
  EXPECT_NE(b.error().message.find("unterminated"), std::string::npos);
}

TEST(BadInput, QuotedFieldsAndMissingConventions) {
  auto t = parse_csv("a,b\r\n\"x, \"\"y\"\"\",NA\r\n\"\",2\r\n");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->columns[0][0], "x, \"y\"");
  EXPECT_TRUE(is_missing_cell(t->columns[1][0]));
  EXPECT_TRUE(is_missing_cell(t->columns[0][1]));
}

TEST(BadInput, ArmWithNobodyIsAnError) {
  std::string csv = "id,team,arm,age,y0,y1\n1,a,i,30,5,6\n2,b,i,31,5,7\n";
  auto d = build(csv);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().code, "empty_arm");
  EXPECT_NE(d.error().message.find("control"), std::string::npos);
}

TEST(BadInput, ThreeArmValuesAreAnError) {
  auto d = build("id,team,arm,age,y0,y1\n1,a,c,30,5,6\n2,b,i,31,5,7\n3,b,j,31,5,7\n");
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().code, "too_many_arms");
}

TEST(BadInput, DuplicateIdIsAnError) {
  auto d = build("id,team,arm,age,y0,y1\n1,a,c,30,5,6\n1,b,i,31,5,7\n");
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().code, "duplicate_id");
}

TEST(BadInput, ClusterWithOnePersonIsAWarningAndModelsStillRun) {
  std::string csv = good_csv();
  csv += "99,lonely,i,40,11,14\n";
  auto d = build(csv);
  ASSERT_TRUE(d.ok()) << d.error().message;
  bool warned = false;
  for (const auto& w : d->warnings) warned = warned || w.find("one person") != std::string::npos;
  EXPECT_TRUE(warned);
  auto out = run_evaluation(spec(), *d);
  ASSERT_TRUE(out.ok());
  EXPECT_TRUE(out->results["outcomes"]["y"]["ancova"]["estimate"].is_number());
  expect_no_nan(out->results);
}

TEST(BadInput, AllMissingOutcomeGivesNullsWithReasons) {
  auto d = build(good_csv(""));
  ASSERT_TRUE(d.ok());
  d = build(good_csv("NA"));
  ASSERT_TRUE(d.ok());
  auto out = run_evaluation(spec(), *d);
  ASSERT_TRUE(out.ok());
  for (const char* m : {"paired", "group_time", "ancova", "mixed"}) {
    const auto& r = out->results["outcomes"]["y"][m];
    EXPECT_TRUE(r["estimate"].is_null()) << m;
    EXPECT_TRUE(r.contains("error")) << m;
  }
  EXPECT_FALSE(out->results["warnings"].empty());
  expect_no_nan(out->results);
}

TEST(BadInput, SingularDesignIsReportedNotCrashed) {
  // age identical to the arm dummy: aliased in every regression model.
  std::string s = "id,team,arm,age,y0,y1\n";
  for (int i = 0; i < 20; ++i)
    s += std::to_string(i) + ",t" + std::to_string(i / 4) + "," + ((i / 4) % 2 ? "i" : "c") + "," +
         ((i / 4) % 2 ? "1" : "0") + "," + std::to_string(10 + i % 3) + "," + std::to_string(12 + i % 5) + "\n";
  auto d = build(s);
  ASSERT_TRUE(d.ok());
  auto out = run_evaluation(spec(), *d);
  ASSERT_TRUE(out.ok());
  const auto& a = out->results["outcomes"]["y"]["ancova"];
  EXPECT_TRUE(a["estimate"].is_null());
  EXPECT_EQ(a["error_code"], "singular_design");
  EXPECT_TRUE(out->results["outcomes"]["y"]["paired"]["estimate"].is_number());  // no covariates there
  expect_no_nan(out->results);
}

TEST(BadInput, SpecErrorsNameThePath) {
  auto a = parse_analysis_spec("[data]\ncluster = \"t\"\n[[outcomes]]\nname = \"y\"\nbaseline = \"b\"\n");
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.error().field, "data.control");
  auto b = parse_analysis_spec(std::string(kSpec) + "imputation = { m = 0 }\n");
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.error().field, "analysis.imputation.m");
  auto c = parse_analysis_spec(std::string(kSpec).replace(std::string(kSpec).find("\"mixed\""), 7, "\"anova\""));
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.error().message.find("anova"), std::string::npos);
  auto d = parse_analysis_spec("[data\n");
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.error().message.find("line 1"), std::string::npos);
}

TEST(BadInput, ReferenceLevelMustExist) {
  auto s = parse_analysis_spec(std::string(kSpec).replace(std::string(kSpec).find("covariates = [\"age\"]"), 20,
                                                          "covariates = [\"g\"]\nreference = { g = \"zz\" }"));
  ASSERT_TRUE(s.ok()) << s.error().message;
  auto t = parse_csv("id,team,arm,g,y0,y1\n1,a,c,x,1,2\n2,b,i,y,1,3\n", requested_columns(s->data));
  ASSERT_TRUE(t.ok());
  auto d = build_dataset(*t, s->data);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().code, "unknown_level");
}

}  // namespace
}  // namespace cp::study
