// tests/unit/fidelity/practice_examples_test.cpp — issue 5 §2: practice examples rated by two
// or more raters, consensus, and agreement per domain (hand-worked; ICC against psych::ICC's
// formula through stats::intraclass_correlations, itself checked against R).
#include <gtest/gtest.h>

#include "cp/fidelity/practice_examples.hpp"
#include "cp/stats/psychometrics.hpp"

namespace cp::fidelity {
namespace {

TEST(PracticeExamples, AgreementPerDomainHandWorked) {
  std::vector<ExampleRatings> ex{
      {"e1", Domain::community, {"ana", "ben"}, {7, 7}, 7},
      {"e2", Domain::community, {"ana", "ben"}, {5, 6}, std::nullopt},
      {"e3", Domain::community, {"ana", "ben"}, {2, 5}, 3},
      {"e4", Domain::planning, {"ana", "ben", "cas"}, {4, 5, 7}, 5},
  };
  auto a = agreement(ex);
  ASSERT_TRUE(a.ok()) << a.error().message;
  ASSERT_EQ(a->size(), 2u);
  const auto& c = (*a)[0];
  EXPECT_EQ(c.domain, Domain::community);
  EXPECT_EQ(c.examples, 3);
  EXPECT_EQ(c.pairs, 3);
  EXPECT_DOUBLE_EQ(c.exact, 1.0 / 3);
  EXPECT_DOUBLE_EQ(c.within_one, 2.0 / 3);
  EXPECT_DOUBLE_EQ(c.mean_abs_difference, 4.0 / 3);
  EXPECT_DOUBLE_EQ(*c.consensus_mean, 5.0);
  EXPECT_EQ(c.awaiting_consensus, 1);
  // Crossed design (the same two raters on three examples): ICC(2,1) as psych computes it.
  stats::DataMatrix m{{"ana", "ben"}, {{7.0, 7.0}, {5.0, 6.0}, {2.0, 5.0}}};
  auto icc = stats::intraclass_correlations(m);
  ASSERT_TRUE(icc.ok());
  ASSERT_TRUE(c.icc2.has_value());
  EXPECT_DOUBLE_EQ(*c.icc2, icc->icc2.value);
  const auto& p = (*a)[1];
  EXPECT_EQ(p.pairs, 3);  // three raters → three pairs: |4−5|, |4−7|, |5−7|
  EXPECT_DOUBLE_EQ(p.mean_abs_difference, 2.0);
  EXPECT_DOUBLE_EQ(p.within_one, 1.0 / 3);
  EXPECT_FALSE(p.icc2.has_value());  // one example: no ICC
  EXPECT_EQ(to_json(p)["domain"], "planning");
}

TEST(PracticeExamples, BadRatingsAreRefusedNamingWhere) {
  EXPECT_EQ(validate({"e", Domain::community, {"a", "b"}, {0, 5}, std::nullopt}).error().field, "ratings[0]");
  EXPECT_EQ(validate({"e", Domain::community, {"a", "a"}, {5, 5}, std::nullopt}).error().field, "raters[1]");
  EXPECT_EQ(validate({"e", Domain::community, {"a", "b"}, {5, 5}, 10}).error().field, "consensus");
  auto a = agreement({{"e", Domain::community, {"a"}, {5, 6}, std::nullopt}});
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.error().field, "examples[0].ratings");
}

}  // namespace
}  // namespace cp::fidelity
