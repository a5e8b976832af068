// tests/unit/network/measures_test.cpp — every ego-network measure on small networks worked by
// hand (issue 4, item 1: "Unit tests of every network measure on small networks worked by hand").
#include "cp/network/measures.hpp"

#include <gtest/gtest.h>

#include "unit/network/example_networks.hpp"

namespace cp::network {
namespace {

using testing::example_a;
using testing::member;

// Example A (see example_networks.hpp): n = 5 members, t = 2 ties (m1–m2, m2–m3).
class ExampleA : public ::testing::Test {
 protected:
  NetworkMeasures m = compute_measures(example_a());
};

TEST_F(ExampleA, SizeCountsMembersNotTheEgo) {
  EXPECT_EQ(m.size, 5);
}

TEST_F(ExampleA, CompositionByRelation) {
  // family m1,m2 = 2; friend m3 = 1; neighbour m5 = 1; professional_service m4 = 1; others 0.
  std::vector<int> expected(kRelationCount, 0);
  expected[static_cast<int>(Relation::family)] = 2;
  expected[static_cast<int>(Relation::friend_)] = 1;
  expected[static_cast<int>(Relation::neighbour)] = 1;
  expected[static_cast<int>(Relation::professional_service)] = 1;
  EXPECT_EQ(m.by_relation, expected);
}

TEST_F(ExampleA, CompositionByRing) {
  // close m1,m2 = 2; middle m3 = 1; outer m4,m5 = 2.
  EXPECT_EQ(m.by_ring, (std::vector<int>{2, 1, 2}));
}

TEST_F(ExampleA, ShareOutsideServices) {
  // Only m4 is professional_service: 4 of 5 = 0.8.
  ASSERT_TRUE(m.share_outside_services);
  EXPECT_DOUBLE_EQ(*m.share_outside_services, 0.8);
}

TEST_F(ExampleA, Reciprocity) {
  // Support both given and received: m1 (emotional both ways), m3 (companionship) = 2 of 5 = 0.4.
  // m2 and m4 only receive, m5 has none.
  ASSERT_TRUE(m.reciprocity);
  EXPECT_DOUBLE_EQ(*m.reciprocity, 0.4);
}

TEST_F(ExampleA, BlauDiversityOfRelationTypes) {
  // p = 2/5, 1/5, 1/5, 1/5 → Σp² = 0.16 + 3 × 0.04 = 0.28 → 1 − 0.28 = 0.72.
  ASSERT_TRUE(m.blau_relation);
  EXPECT_NEAR(*m.blau_relation, 0.72, 1e-15);
}

TEST_F(ExampleA, AlterAlterTies) {
  EXPECT_EQ(m.ties, 2);
}

TEST_F(ExampleA, Density) {
  // Possible pairs n(n−1)/2 = 5·4/2 = 10; density = 2/10 = 0.2.
  ASSERT_TRUE(m.density);
  EXPECT_DOUBLE_EQ(*m.density, 0.2);
}

TEST_F(ExampleA, BurtEffectiveSize) {
  // n − 2t/n = 5 − 4/5 = 4.2.
  ASSERT_TRUE(m.effective_size);
  EXPECT_DOUBLE_EQ(*m.effective_size, 4.2);
}

TEST_F(ExampleA, ComponentsAndIsolatesAmongMembers) {
  // Without the ego: {m1, m2, m3} joined by m1–m2–m3; m4 and m5 alone → 3 components, 2 isolates.
  EXPECT_EQ(m.components, 3);
  EXPECT_EQ(m.isolates, 2);
  EXPECT_TRUE(m.notes.empty());
}

TEST(NetworkMeasures, EmptyNetworkGivesNullsWithReasons) {
  // n = 0: shares, Blau, density and effective size are undefined → null, with a note each.
  EgoSnapshot s;
  auto m = compute_measures(s);
  EXPECT_EQ(m.size, 0);
  EXPECT_EQ(m.ties, 0);
  EXPECT_EQ(m.components, 0);
  EXPECT_EQ(m.isolates, 0);
  EXPECT_FALSE(m.density);
  EXPECT_FALSE(m.effective_size);
  EXPECT_FALSE(m.blau_relation);
  EXPECT_FALSE(m.reciprocity);
  EXPECT_FALSE(m.share_outside_services);
  EXPECT_EQ(m.notes.at("density"), "fewer than 2 members");
  EXPECT_EQ(m.notes.at("effective_size"), "no members");
  auto j = to_json(m);
  EXPECT_TRUE(j.at("density").is_null());
  EXPECT_TRUE(j.at("blau_relation").is_null());
}

TEST(NetworkMeasures, SingleMember) {
  // n = 1, t = 0: density undefined (0 possible pairs); effective size 1 − 0 = 1;
  // Blau 1 − 1² = 0; one component which is an isolate; a service member → share outside 0.
  EgoSnapshot s;
  s.members = {member("m1", Relation::professional_service, Ring::outer)};
  auto m = compute_measures(s);
  EXPECT_FALSE(m.density);
  ASSERT_TRUE(m.effective_size);
  EXPECT_DOUBLE_EQ(*m.effective_size, 1.0);
  EXPECT_DOUBLE_EQ(*m.blau_relation, 0.0);
  EXPECT_DOUBLE_EQ(*m.share_outside_services, 0.0);
  EXPECT_DOUBLE_EQ(*m.reciprocity, 0.0);
  EXPECT_EQ(m.components, 1);
  EXPECT_EQ(m.isolates, 1);
}

TEST(NetworkMeasures, ClosedTriangleIsFullyRedundant) {
  // n = 3, t = 3 (all pairs): density 3/3 = 1; effective size 3 − 6/3 = 1 (each member is
  // redundant with the others); one component; no isolates; Blau with 3 relation types
  // 1 − 3 × (1/3)² = 2/3.
  EgoSnapshot s;
  s.members = {member("a", Relation::faith, Ring::close), member("b", Relation::peer, Ring::close),
               member("c", Relation::online, Ring::middle)};
  s.ties = {{"a", "b"}, {"b", "c"}, {"c", "a"}};
  auto m = compute_measures(s);
  EXPECT_DOUBLE_EQ(*m.density, 1.0);
  EXPECT_DOUBLE_EQ(*m.effective_size, 1.0);
  EXPECT_NEAR(*m.blau_relation, 2.0 / 3.0, 1e-15);
  EXPECT_EQ(m.components, 1);
  EXPECT_EQ(m.isolates, 0);
}

TEST(NetworkMeasures, TwoPairsAndAnIsolate) {
  // Members a..e, ties a–b and c–d: components {a,b}, {c,d}, {e} = 3; isolates e = 1;
  // density 2/10 = 0.2; effective size 5 − 4/5 = 4.2.
  EgoSnapshot s;
  for (auto id : {"a", "b", "c", "d", "e"})
    s.members.push_back(member(id, Relation::friend_, Ring::middle));
  s.ties = {{"a", "b"}, {"d", "c"}};
  auto m = compute_measures(s);
  EXPECT_EQ(m.components, 3);
  EXPECT_EQ(m.isolates, 1);
  EXPECT_DOUBLE_EQ(*m.effective_size, 4.2);
  EXPECT_DOUBLE_EQ(*m.blau_relation, 0.0);  // all friends
}

TEST(NetworkMeasures, JsonHasTheIssueKeys) {
  // Issue 4 names size, ties, density, effective_size, components, isolates, blau_relation.
  auto j = to_json(compute_measures(example_a()));
  EXPECT_EQ(j.at("size"), 5);
  EXPECT_EQ(j.at("ties"), 2);
  EXPECT_DOUBLE_EQ(j.at("density").get<double>(), 0.2);
  EXPECT_DOUBLE_EQ(j.at("effective_size").get<double>(), 4.2);
  EXPECT_EQ(j.at("components"), 3);
  EXPECT_EQ(j.at("isolates"), 2);
  EXPECT_NEAR(j.at("blau_relation").get<double>(), 0.72, 1e-15);
  EXPECT_EQ(j.at("by_relation").at("family"), 2);
  EXPECT_EQ(j.at("by_relation").at("friend"), 1);
  EXPECT_EQ(j.at("by_relation").at("online"), 0);
  EXPECT_EQ(j.at("by_ring").at("outer"), 2);
}

TEST(SnapshotChange, NewAndLostMembersByStableId) {
  // Snapshot 1 = example A (m1..m5). Snapshot 2 starts from it, m2 and m5 leave, one new member
  // joins and gets the next id m6 → new [m6], lost [m2, m5], kept 3 (m1, m3, m4).
  auto first = example_a();
  auto second = start_next_snapshot(first, "2026-06-01");
  std::erase_if(second.members, [](const Member& x) { return x.id == "m2" || x.id == "m5"; });
  std::erase_if(second.ties, [](const Tie& t) { return t.a == "m2" || t.b == "m2"; });
  auto id = add_member(second, member("", Relation::community_group, Ring::middle));
  EXPECT_EQ(id, "m6");
  ASSERT_TRUE(validate(second).ok());
  auto c = compare_snapshots(first, second);
  EXPECT_EQ(c.new_members, (std::vector<std::string>{"m6"}));
  EXPECT_EQ(c.lost_members, (std::vector<std::string>{"m2", "m5"}));
  EXPECT_EQ(c.kept, 3);
  auto j = to_json(c);
  EXPECT_EQ(j.at("new_count"), 1);
  EXPECT_EQ(j.at("lost_count"), 2);
}

}  // namespace
}  // namespace cp::network
