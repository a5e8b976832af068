// tests/unit/instruments/definition_test.cpp — issue 3: definitions parse in two stages and
// every error names its JSON path; tables and lookup CSV files report row and column.
#include <gtest/gtest.h>

#include "cp/instruments/scoring.hpp"
#include "support.hpp"

namespace cp::instruments::test {
namespace {

using nlohmann::json;

json minimal() {
  return json::parse(R"({
    "format": "cp-instrument/1", "id": "tiny", "version": "1", "title": "Tiny", "licence": "ours",
    "items": [{"id": "a", "topic": "first", "type": "code", "options": [{"code": 1, "label": "no"}, {"code": 2, "label": "yes"}]},
              {"id": "b", "topic": "second", "type": "integer", "min": 0, "max": 10}],
    "subscales": [{"id": "both", "items": ["a", "b"]}],
    "scoring": {"method": "sum"},
    "missing_rule": {"rule": "none_missing", "verified": true},
    "sources": [{"id": "us", "citation": "Ourselves"}]})");
}

Error error_of(const json& j) {
  auto d = parse_definition(j.dump());
  EXPECT_FALSE(d.ok()) << j.dump();
  return d.ok() ? Error{} : d.error();
}

TEST(InstrumentDefinition, Issue3MinimalParses) {
  auto d = parse_definition(minimal().dump());
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(d->items[0].min, 1);  // derived from the codes
  EXPECT_EQ(d->items[0].max, 2);
}

TEST(InstrumentDefinition, Issue3StructureErrorsNamePath) {
  auto j = minimal();
  j["items"][1]["type"] = 7;
  EXPECT_EQ(error_of(j).field, "items[1].type");
  j = minimal();
  j["items"][0]["options"][1].erase("code");
  EXPECT_EQ(error_of(j).field, "items[0].options[1].code");
  j = minimal();
  j.erase("scoring");
  EXPECT_EQ(error_of(j).field, "scoring");
  j = minimal();
  j["items"][0]["options"][0]["code"] = 1.5;
  EXPECT_EQ(error_of(j).field, "items[0].options[0].code");
  EXPECT_EQ(parse_definition("{not json").error().code, "bad_json");
  EXPECT_EQ(parse_definition("[]").error().code, "wrong_type");
}

TEST(InstrumentDefinition, Issue3LogicErrorsNamePath) {
  auto j = minimal();
  j["items"][1]["id"] = "a";
  auto e = error_of(j);
  EXPECT_EQ(e.code, "duplicate_item");
  EXPECT_EQ(e.field, "items[1].id");
  j = minimal();
  j["subscales"][0]["items"][1] = "zz";
  EXPECT_EQ(error_of(j).field, "subscales[0].items[1]");
  j = minimal();
  j["scoring"]["method"] = "magic";
  EXPECT_EQ(error_of(j).code, "unknown_method");
  j = minimal();
  j["provisional"] = true;
  EXPECT_EQ(error_of(j).field, "provisional_note");
  j = minimal();
  j["items"][0]["missing_codes"] = {2};
  EXPECT_EQ(error_of(j).code, "missing_code_overlaps");
  j = minimal();
  j["missing_rule"]["verified"] = false;
  EXPECT_EQ(error_of(j).field, "missing_rule.note");
  j = minimal();
  j["scoring"] = {{"method", "eq5d"}, {"parameters", {{"dimensions", {"a", "b"}}, {"levels", 5}}}};
  EXPECT_EQ(error_of(j).field, "scoring.parameters.dimensions");
}

TEST(InstrumentDefinition, Issue3TablesValidate) {
  auto ok = parse_table(
      R"({"format":"cp-table/1","id":"t","title":"T","kind":"lookup","source":{"citation":"c"},"values":{"a":1,"b":null}})");
  ASSERT_TRUE(ok.ok());
  EXPECT_FALSE(ok->get("b").has_value());
  EXPECT_EQ(*ok->get("a"), 1.0);
  auto bad = parse_table(
      R"({"format":"cp-table/1","id":"t","title":"T","kind":"lookup","source":{"citation":"c"},"values":{"a":"x"}})");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "values.a");
  auto unlabelled = parse_table(
      R"({"format":"cp-table/1","id":"t","title":"T","kind":"lookup","example":true,"source":{"citation":"c"},"values":{}})");
  ASSERT_FALSE(unlabelled.ok());
  EXPECT_EQ(unlabelled.error().code, "unlabelled_example");
}

TEST(InstrumentDefinition, Issue3LookupCsvNamesRowAndColumn) {
  auto t = parse_lookup_csv("# example: true\nlsoa_code,imd_decile\nE01000001,3\ne01000002,\n", "x",
                            "lsoa_code", "imd_decile");
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_TRUE(t->example);
  EXPECT_EQ(*t->get("E01000001"), 3);
  EXPECT_TRUE(t->values.count("E01000002"));
  EXPECT_FALSE(t->get("E01000002").has_value());
  auto bad =
      parse_lookup_csv("lsoa_code,imd_decile\nE01000001,three\n", "x", "lsoa_code", "imd_decile");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "row 2, column imd_decile");
  auto nocol = parse_lookup_csv("code,decile\n", "x", "lsoa_code", "imd_decile");
  EXPECT_EQ(nocol.error().code, "missing_column");
}

}  // namespace
}  // namespace cp::instruments::test

namespace cp::instruments::test {
namespace {

// Issue 3: never output NaN or infinity — a sum that overflows is reported missing with a reason.
TEST(InstrumentDefinition, Issue3NonFiniteResultIsMissingNotNumber) {
  auto j = minimal();
  j["items"] =
      nlohmann::json::parse(R"([{"id":"x","topic":"x","type":"number","min":-1e308,"max":1e308},
                                          {"id":"y","topic":"y","type":"number","min":-1e308,"max":1e308}])");
  j["subscales"] = nlohmann::json::array();
  auto d = parse_definition(j.dump());
  ASSERT_TRUE(d.ok()) << d.error().message;
  auto r = parse_responses(*d, {{"x", 1e308}, {"y", 1e308}});
  ASSERT_TRUE(r.ok());
  auto report = score(*d, *r, {});
  EXPECT_EQ(report.find("total"), nullptr);
  ASSERT_EQ(report.missing.size(), 1u);
  EXPECT_NE(report.missing[0].reason.find("not a finite number"), std::string::npos);
}

}  // namespace
}  // namespace cp::instruments::test
