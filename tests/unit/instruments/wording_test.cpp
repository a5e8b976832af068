// tests/unit/instruments/wording_test.cpp — issue 3: licensed wording is merged from a file
// keyed by instrument id, version and item id; without it the definition says it is not loaded.
#include "cp/instruments/wording.hpp"

#include <gtest/gtest.h>

#include "support.hpp"

namespace cp::instruments::test {
namespace {

TEST(InstrumentWording, Issue3WithoutWordingDefinitionSaysNotLoaded) {
  auto j = to_json(def("wemwbs"));
  EXPECT_FALSE(j["wording"]["loaded"].get<bool>());
  EXPECT_NE(j["wording"]["note"].get<std::string>().find("not loaded"), std::string::npos);
}

TEST(InstrumentWording, Issue3MergeExampleFile) {
  auto w = merge_wording(def("srh"), read(repo() / "data/wording/example.srh.json"));
  ASSERT_TRUE(w.ok()) << w.error().message << " at " << w.error().field;
  EXPECT_TRUE(w->wording_loaded);
  EXPECT_FALSE(w->items[0].wording.empty());
  EXPECT_FALSE(w->items[0].options[0].wording.empty());
  EXPECT_EQ(w->items[0].topic, def("srh").items[0].topic);  // topic kept
  EXPECT_TRUE(to_json(*w)["wording"]["loaded"].get<bool>());
}

TEST(InstrumentWording, Issue3MismatchAndUnknownItemsRejected) {
  auto wrong = merge_wording(
      def("srh"),
      R"({"format":"cp-wording/1","instrument":"srh","version":"2","licence":"x","items":{}})");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code, "wrong_instrument");
  auto unknown = merge_wording(
      def("srh"),
      R"({"format":"cp-wording/1","instrument":"srh","version":"gss-1","licence":"x","items":{"nope":{"text":"t"}}})");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().field, "items.nope");
  auto code = merge_wording(
      def("srh"),
      R"({"format":"cp-wording/1","instrument":"srh","version":"gss-1","licence":"x","items":{"srh":{"text":"t","options":{"7":"x"}}}})");
  ASSERT_FALSE(code.ok());
  EXPECT_EQ(code.error().field, "items.srh.options.7");
}

}  // namespace
}  // namespace cp::instruments::test
