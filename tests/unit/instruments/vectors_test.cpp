// tests/unit/instruments/vectors_test.cpp — issue 3: reproduces every test vector of
// instruments.md section 12 (12.1–12.4, 12.6–12.9; 12.5 DSU mapping is not shipped) and the
// mechanism vectors with labelled example tables, all read from
// tests/fixtures/instruments/vectors.json by this one data-driven test.
#include <gtest/gtest.h>

#include <cmath>

#include "cp/instruments/scoring.hpp"
#include "support.hpp"

namespace cp::instruments::test {
namespace {

using nlohmann::json;

json vectors() {
  return json::parse(read(repo() / "tests/fixtures/instruments/vectors.json"))["vectors"];
}

TEST(InstrumentVectors, Issue3EveryVectorReproduces) {
  auto vs = vectors();
  ASSERT_GE(vs.size(), 70u);
  int checked = 0;
  for (std::size_t i = 0; i < vs.size(); ++i) {
    const auto& v = vs[i];
    SCOPED_TRACE(testing::Message() << "vector " << i << " (section "
                                    << v["section"].get<std::string>() << "): " << v.dump());
    if (v.contains("function")) {
      ASSERT_EQ(v["function"], "imd_exponential_transform");
      auto x = imd_exponential_transform(v["input"].get<double>());
      ASSERT_TRUE(x.ok());
      int digits = v["digits"].get<int>();
      EXPECT_NEAR(*x, v["expect"].get<double>(), 0.5 * std::pow(10.0, -digits));
      ++checked;
      continue;
    }
    ScoringOptions opts;
    if (v.contains("tables"))
      for (auto& [role, id] : v["tables"].items()) opts.tables[role] = id.get<std::string>();
    if (v.contains("price_year")) opts.price_year = v["price_year"].get<std::string>();
    auto report = catalogue().score(v["instrument"].get<std::string>(), v["answers"], opts);
    ASSERT_TRUE(report.ok()) << report.error().message;
    for (auto& [name, expected] : v["expect"].items()) {
      const Score* s = report->find(name);
      ASSERT_NE(s, nullptr) << "score " << name << " missing; report " << to_json(*report).dump();
      if (expected.is_string()) {
        EXPECT_EQ(s->value, expected) << name;
      } else {
        ASSERT_TRUE(s->value.is_number()) << name;
        // Published precision: the engine rounds (EQ-5D 3 dp, SWEMWBS 2 dp), so the rounded
        // value must equal the published figure.
        EXPECT_NEAR(s->value.get<double>(), expected.get<double>(), 1e-9) << name;
      }
      ++checked;
    }
    if (v.contains("expect_missing"))
      for (auto& name : v["expect_missing"]) {
        EXPECT_EQ(report->find(name.get<std::string>()), nullptr) << name << " should be missing";
        bool listed = false;
        for (auto& m : report->missing) listed = listed || (m.name == name && !m.reason.empty());
        EXPECT_TRUE(listed) << name << " should be listed in missing with a reason";
        ++checked;
      }
  }
  EXPECT_GE(checked, 100);
}

// Issue 3: the 29-row SWEMWBS table is complete and raw 29 is 26.02, not 25.99.
TEST(InstrumentVectors, Issue3SwemwbsTableGuardsRaw29) {
  const auto& t = catalogue().tables().at("swemwbs-metric-warwick");
  for (int raw = 7; raw <= 35; ++raw) EXPECT_TRUE(swemwbs_metric(raw, t).ok()) << raw;
  EXPECT_DOUBLE_EQ(*swemwbs_metric(29, t), 26.02);
  EXPECT_FALSE(swemwbs_metric(6, t).ok());
  EXPECT_FALSE(swemwbs_metric(36, t).ok());
}

// Issue 3 / instruments.md 1.2–1.5: the value-set extremes and the full crosswalk size.
TEST(InstrumentVectors, Issue3EqValueSetRanges) {
  const auto& cw = catalogue().tables().at("eq5d-5l-crosswalk-uk-vanhout2012");
  EXPECT_EQ(cw.values.size(), 3125u);
  double lo = 2, hi = -2;
  for (auto& [k, v] : cw.values) {
    ASSERT_TRUE(v.has_value()) << k;
    lo = std::min(lo, *v);
    hi = std::max(hi, *v);
  }
  EXPECT_DOUBLE_EQ(lo, -0.594);
  EXPECT_DOUBLE_EQ(hi, 1.0);
  // 84 of the 243 3L states score below 0 (DERIVED in instruments.md 1.2).
  int below = 0;
  for (int s = 0; s < 243; ++s) {
    json a;
    int x = s;
    for (const char* d : {"mo", "sc", "ua", "pd", "ad"}) {
      a[d] = x % 3 + 1;
      x /= 3;
    }
    auto r = catalogue().score("eq5d-3l", a);
    ASSERT_TRUE(r.ok());
    if (r->find("utility")->value.get<double>() < 0) ++below;
  }
  EXPECT_EQ(below, 84);
}

TEST(InstrumentVectors, Issue3RqDimensionsCheckArguments) {
  auto d = rq_dimensions(6, 2, 1, 4);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->model_of_self, 7);
  EXPECT_EQ(d->model_of_others, 1);
  auto bad = rq_dimensions(8, 1, 1, 1);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "secure");
  EXPECT_FALSE(imd_exponential_transform(1.5).ok());
  EXPECT_FALSE(imd_exponential_transform(std::nan("")).ok());
}

}  // namespace
}  // namespace cp::instruments::test
