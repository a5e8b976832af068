// tests/unit/instruments/corpus_test.cpp — issue 3: every shipped definition and table in
// data/ parses (both stages), the id set is exactly the issue's, and every table a definition
// names is either shipped or documented as loadable (the IoD2019 file).
#include <gtest/gtest.h>

#include <set>

#include "support.hpp"

namespace cp::instruments::test {
namespace {

TEST(InstrumentCorpus, Issue3EveryShippedDefinitionParses) {
  std::set<std::string> ids;
  for (const auto& e : std::filesystem::directory_iterator(repo() / "data/instruments")) {
    if (e.path().extension() != ".json") continue;
    auto d = parse_definition(read(e.path()));
    ASSERT_TRUE(d.ok()) << e.path() << ": " << d.error().message << " at " << d.error().field;
    EXPECT_EQ(e.path().stem().string(), d->id) << "file name must be <id>.json";
    EXPECT_FALSE(d->sources.empty());
    EXPECT_FALSE(d->licence.empty());
    EXPECT_FALSE(d->wording_loaded) << "licensed wording must not be shipped: " << d->id;
    for (const auto& it : d->items) EXPECT_TRUE(it.wording.empty()) << d->id << "." << it.id;
    ids.insert(d->id);
  }
  std::set<std::string> expected{"scope",   "wemwbs",       "swemwbs", "rg-uk",   "eq5d-3l",
                                 "eq5d-5l", "icecap-a",     "csri",    "rq",      "leq",
                                 "srh",     "demographics", "cpifs-w", "cpifs-su"};
  EXPECT_EQ(ids, expected);
}

TEST(InstrumentCorpus, Issue3TablesResolveOrAreDocumentedAsLoadable) {
  for (auto* d : catalogue().definitions())
    for (const auto& t : catalogue().unresolved_tables(*d))
      EXPECT_EQ(t, "imd_lookup -> imd2019-lsoa") << d->id << " names a table that is not shipped";
}

TEST(InstrumentCorpus, Issue3ProvisionalWhereFiguresAreUnpublished) {
  for (const char* id : {"scope", "rg-uk", "icecap-a", "leq", "cpifs-w", "cpifs-su", "csri"})
    EXPECT_TRUE(def(id).provisional) << id;
  for (const char* id : {"eq5d-3l", "eq5d-5l", "wemwbs", "swemwbs", "srh", "rq"})
    EXPECT_FALSE(def(id).provisional) << id;
  // Missing figures are null, never invented.
  const auto& tariff = catalogue().tables().at("icecap-a-uk-flynn2015");
  EXPECT_EQ(tariff.values.size(), 20u);
  for (auto& [k, v] : tariff.values) EXPECT_FALSE(v.has_value()) << k;
  for (auto& [k, v] : catalogue().tables().at("csri-unit-costs-uk").values)
    EXPECT_FALSE(v.has_value()) << k;
  // Every example table says so in its title.
  for (auto& [id, t] : catalogue().tables()) {
    if (t.example) {
      EXPECT_NE(t.title.find("EXAMPLE"), std::string::npos) << id;
    }
  }
}

TEST(InstrumentCorpus, Issue3CpifsHasFiveDomainsOfThreeToFourItemsScored1To9) {
  for (const char* id : {"cpifs-w", "cpifs-su"}) {
    const auto& d = def(id);
    ASSERT_EQ(d.subscales.size(), 5u) << id;
    for (const auto& s : d.subscales) {
      EXPECT_GE(s.items.size(), 3u);
      EXPECT_LE(s.items.size(), 4u);
      for (const auto& item : s.items) {
        const Item* it = d.find_item(item);
        ASSERT_NE(it, nullptr);
        EXPECT_EQ(*it->min, 1);
        EXPECT_EQ(*it->max, 9);
      }
    }
  }
}

// Issue 3: `show --json` lists the scored items first, in questionnaire order (the five EQ-5D
// dimensions before the EQ VAS), and the JSON parses back to the same definition.
TEST(InstrumentCorpus, Issue3ScoredItemsFirstAndRoundTrip) {
  auto j = to_json(def("eq5d-5l"), ItemOrder::scored_first);
  std::vector<std::string> order;
  for (auto& it : j["items"]) order.push_back(it["id"]);
  EXPECT_EQ(order, (std::vector<std::string>{"mo", "sc", "ua", "pd", "ad", "vas"}));
  auto demo = to_json(def("demographics"), ItemOrder::scored_first);
  EXPECT_EQ(demo["items"][0]["id"], "lsoa_code");
  EXPECT_EQ(demo["items"][1]["id"], "age");
  for (auto* d : catalogue().definitions()) {
    auto back = parse_definition(to_json(*d, ItemOrder::scored_first).dump());
    ASSERT_TRUE(back.ok()) << d->id << ": " << back.error().message;
    EXPECT_EQ(to_json(*back), to_json(*d)) << d->id;
  }
}

}  // namespace
}  // namespace cp::instruments::test
