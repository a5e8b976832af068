// tests/unit/network/ego_network_test.cpp — the ego-network model: validation, stable ids across
// snapshots, JSON round trip and field-naming errors (issue 4, item 1).
#include <gtest/gtest.h>

#include "cp/network/ego_network_json.hpp"
#include "unit/network/example_networks.hpp"

namespace cp::network {
namespace {

using testing::example_a;
using testing::member;

TEST(EgoNetwork, ExampleIsValid) {
  EXPECT_TRUE(validate(example_a()).ok());
}

TEST(EgoNetwork, ValidateNamesTheOffendingField) {
  auto s = example_a();
  s.members[2].id = "m1";
  auto r = validate(s);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "duplicate_id");
  EXPECT_EQ(r.error().field, "members[2].id");

  s = example_a();
  s.ties.push_back({"m1", "nobody"});
  r = validate(s);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "ties[2].b");

  s = example_a();
  s.ties.push_back({"m2", "m1"});  // same as m1–m2, other order
  r = validate(s);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "duplicate_tie");

  s = example_a();
  s.ties.push_back({"m4", "m4"});
  EXPECT_EQ(validate(s).error().code, "self_tie");

  s = example_a();
  s.members[0].id = s.ego_id;
  EXPECT_EQ(validate(s).error().field, "members[0].id");
}

TEST(EgoNetwork, NextSnapshotKeepsIdsAndNeverReusesThem) {
  auto first = example_a();
  auto second = start_next_snapshot(first, "2026-04-01");
  EXPECT_EQ(second.sequence, 2);
  EXPECT_EQ(second.taken_on, "2026-04-01");
  EXPECT_EQ(second.members, first.members);
  EXPECT_EQ(second.ties, first.ties);
  // Remove m5, then add: the new member is m6, not m5 (the counter carried over).
  second.members.pop_back();
  EXPECT_EQ(add_member(second, member("x", Relation::peer, Ring::outer)), "m6");
  auto third = start_next_snapshot(second, "2026-08-01");
  EXPECT_EQ(add_member(third, member("", Relation::peer, Ring::outer)), "m7");
  EXPECT_EQ(third.sequence, 3);
}

TEST(EgoNetwork, AddMemberSkipsIdsGivenByHand) {
  EgoSnapshot s;
  s.members = {member("m1", Relation::family, Ring::close)};
  EXPECT_EQ(add_member(s, member("", Relation::family, Ring::close)), "m2");
  EXPECT_TRUE(validate(s).ok());
}

TEST(EgoNetworkJson, RoundTrip) {
  auto s = example_a();
  nlohmann::json j = s;
  EXPECT_EQ(j.at("members").at(0).at("relation"), "family");
  EXPECT_EQ(j.at("members").at(2).at("relation"), "friend");
  EXPECT_EQ(j.at("members").at(3).at("resource_id"), "res-42");
  EXPECT_TRUE(j.at("members").at(4).at("contact_frequency").is_null());
  auto back = snapshot_from_json(j);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(*back, s);
  EXPECT_EQ(j.get<EgoSnapshot>(), s);  // the nlohmann hook
}

TEST(EgoNetworkJson, ErrorsNameTheField) {
  nlohmann::json j = example_a();
  j["members"][1]["ring"] = "inner";
  auto r = snapshot_from_json(j);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "members[1].ring");
  EXPECT_NE(r.error().message.find("inner"), std::string::npos);

  j = example_a();
  j["members"][0].erase("relation");
  EXPECT_EQ(snapshot_from_json(j).error().field, "members[0].relation");

  j = example_a();
  j["members"][0]["given"]["practical"] = "yes";
  EXPECT_EQ(snapshot_from_json(j).error().field, "members[0].given.practical");

  j = example_a();
  j["ties"][0]["b"] = "m99";
  EXPECT_EQ(snapshot_from_json(j).error().field, "ties[0].b");

  j = nlohmann::json::object();
  EXPECT_EQ(snapshot_from_json(j).error().field, "members");

  j = example_a();
  j["sequence"] = 0;
  EXPECT_THROW((void)j.get<EgoSnapshot>(), ErrorException);
}

}  // namespace
}  // namespace cp::network
