// tests/unit/instruments/responses_test.cpp — issue 3: invalid responses give an error naming
// the item and the problem (out of range, wrong type, unknown item), partial sets are kept but
// only complete scales are scored, and the missing-item rules hold.
#include <gtest/gtest.h>

#include "cp/instruments/scoring.hpp"
#include "support.hpp"

namespace cp::instruments::test {
namespace {

using nlohmann::json;

Error error_of(const std::string& id, const json& answers) {
  auto r = parse_responses(def(id), answers);
  EXPECT_FALSE(r.ok()) << answers.dump();
  return r.ok() ? Error{} : r.error();
}

TEST(InstrumentResponses, Issue3OutOfRangeNamesItem) {
  auto e = error_of("eq5d-3l", {{"mo", 4}});
  EXPECT_EQ(e.code, "out_of_range");
  EXPECT_EQ(e.field, "mo");
  EXPECT_NE(e.message.find("'mo'"), std::string::npos);
  EXPECT_NE(e.message.find("1, 2, 3"), std::string::npos) << e.message;
  auto vas = error_of("eq5d-5l", {{"vas", 101}});
  EXPECT_EQ(vas.code, "out_of_range");
  EXPECT_EQ(vas.field, "vas");
}

TEST(InstrumentResponses, Issue3WrongTypeNamesItem) {
  auto e = error_of("wemwbs", {{"wem01", "3"}});
  EXPECT_EQ(e.code, "wrong_type");
  EXPECT_EQ(e.field, "wem01");
  EXPECT_EQ(error_of("wemwbs", {{"wem02", 2.5}}).code, "not_an_integer");
  EXPECT_EQ(error_of("wemwbs", {{"wem02", true}}).code, "wrong_type");
  EXPECT_EQ(error_of("demographics", {{"lsoa_code", 12}}).code, "wrong_type");
  EXPECT_EQ(error_of("demographics", {{"lsoa_code", "E0100000100"}}).code, "too_long");
  EXPECT_EQ(error_of("wemwbs", json::array({1, 2})).code, "not_an_object");
}

TEST(InstrumentResponses, Issue3UnknownItemNamed) {
  auto e = error_of("swemwbs", {{"wem04", 3}});  // WEMWBS item 4 is not in SWEMWBS
  EXPECT_EQ(e.code, "unknown_item");
  EXPECT_EQ(e.field, "wem04");
}

TEST(InstrumentResponses, Issue3PartialSetsAreKeptButNotScored) {
  auto r = parse_responses(def("swemwbs"), {{"wem01", 4}, {"wem02", nullptr}});
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->complete(def("swemwbs")));
  EXPECT_EQ(r->answers.size(), 1u);
  auto report = score(def("swemwbs"), *r, catalogue().tables());
  EXPECT_FALSE(report.complete);
  EXPECT_TRUE(report.scores.empty());
  ASSERT_EQ(report.missing.size(), 2u);
  EXPECT_EQ(report.missing[0].name, "raw");
  EXPECT_EQ(report.missing[0].items.size(), 6u);  // the six unanswered items are named
}

TEST(InstrumentResponses, Issue3MissingCodesAreMissingNotValues) {
  auto r = parse_responses(def("eq5d-5l"),
                           {{"mo", 1}, {"sc", 1}, {"ua", 1}, {"pd", 1}, {"ad", 9}, {"vas", 999}});
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->answers.at("ad").missing);
  EXPECT_EQ(*r->answers.at("ad").missing_code, 9);
  auto report = score(def("eq5d-5l"), *r, catalogue().tables());
  for (const char* s : {"utility", "utility_crosswalk", "vas", "profile"})
    EXPECT_EQ(report.find(s), nullptr) << s;
  EXPECT_EQ(to_json(report)["missing"].size(), 4u);
  // Written back with the code, so a saved partial set round-trips.
  EXPECT_EQ(to_json(def("eq5d-5l"), *r)["ad"], 9);
}

TEST(InstrumentResponses, Issue3ReportJsonShape) {
  auto report = catalogue().score(
      "eq5d-5l", {{"mo", 1}, {"sc", 1}, {"ua", 2}, {"pd", 2}, {"ad", 1}, {"vas", 70}});
  ASSERT_TRUE(report.ok());
  auto j = to_json(*report);
  EXPECT_EQ(j["instrument"], "eq5d-5l");
  EXPECT_EQ(j["version"], "1");
  EXPECT_TRUE(j["missing"].is_array());
  EXPECT_EQ(j["scores"]["profile"], "11221");
  EXPECT_DOUBLE_EQ(j["scores"]["utility_crosswalk"].get<double>(), 0.795);
  EXPECT_NE(j["derivations"]["utility"]["method"].get<std::string>().find("0.05 (UA2)"),
            std::string::npos);
  EXPECT_EQ(j["derivations"]["utility"]["table"], "eq5d-5l-england-devlin2018");
}

TEST(InstrumentResponses, Issue3UnloadedTableGivesReasonNotNumber) {
  ScoringOptions opts;
  opts.tables["utility"] = "no-such-value-set";
  auto report =
      catalogue().score("eq5d-3l", {{"mo", 1}, {"sc", 1}, {"ua", 1}, {"pd", 1}, {"ad", 1}}, opts);
  ASSERT_TRUE(report.ok());
  ASSERT_EQ(report->find("utility"), nullptr);
  auto j = to_json(*report);
  EXPECT_NE(j.dump().find("not loaded"), std::string::npos);
}

}  // namespace
}  // namespace cp::instruments::test
