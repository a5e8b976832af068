// tests/unit/directory/resource_test.cpp — a community resource's rules, timing (active now /
// upcoming), next date and search (issue 4, part 5).
#include "cp/directory/resource.hpp"

#include <gtest/gtest.h>

using namespace cp::directory;
using nlohmann::json;

namespace {

Resource walk() {
  Resource r;
  r.name = "Walking group";
  r.tags = {"outdoors", "walking"};
  r.description = "Gentle walks by the river";
  Location park;
  park.name = "Riverside Park";
  park.address_1 = "1 Park Lane";
  park.city = "Northbrook";
  park.postal_code = "NB1 4XY";
  r.locations.push_back(park);
  Location refuge;
  refuge.name = "Refuge";
  refuge.address_1 = "2 Hidden Road";
  refuge.city = "Easthaven";
  refuge.postal_code = "EH7 2AB";
  refuge.confidential = true;
  r.locations.push_back(refuge);
  Event e;
  e.freq = "WEEKLY";
  e.byday = "TU";
  r.events.push_back(e);
  return r;
}

}  // namespace

TEST(Resource, NextDateOfAWeeklyGroupIsTheNextTuesday) {
  // 2026-11-22 is a Sunday; the next Tuesday is 2026-11-24.
  EXPECT_EQ(next_date(walk(), "2026-11-22"), std::optional<std::string>("2026-11-24"));
  EXPECT_EQ(next_date(walk(), "2026-11-24"), std::optional<std::string>("2026-11-24"));
}

TEST(Resource, ACourseThatStartsInMarchIsUpcomingThenActiveThenEnded) {
  Resource course;
  course.name = "Adult learning: digital skills";
  course.events.push_back(
      {"", "Thursdays", "WEEKLY", "TH", 1, "", "", "2027-03-04", "2027-05-27", "", ""});
  EXPECT_EQ(timing(course, "2026-11-22"), Timing::upcoming);
  EXPECT_EQ(next_date(course, "2026-11-22"), std::optional<std::string>("2027-03-04"));
  EXPECT_EQ(timing(course, "2027-04-01"), Timing::active);
  EXPECT_EQ(timing(course, "2027-06-01"), Timing::ended);
  EXPECT_EQ(next_date(course, "2027-06-01"), std::nullopt);
  EXPECT_EQ(timing(walk(), "2026-11-22"), Timing::active);  // undated: runs all the time
}

TEST(Resource, SearchByTagPlaceTextCapacityAndTiming) {
  const Resource r = walk();
  const std::string today = "2026-11-22";
  EXPECT_TRUE(matches(r, {.tag = "Walking"}, today, false));
  EXPECT_FALSE(matches(r, {.tag = "walk"}, today, false));  // tags are exact
  EXPECT_TRUE(matches(r, {.place = "NB1"}, today, false));  // postcode district
  EXPECT_FALSE(matches(r, {.place = "NB14"}, today, false));
  EXPECT_TRUE(matches(r, {.place = "nb14xy"}, today, false));  // whole postcode, spacing ignored
  EXPECT_TRUE(matches(r, {.place = "northbrook"}, today, false));
  EXPECT_TRUE(matches(r, {.text = "gentle RIVER"}, today, false));
  EXPECT_FALSE(matches(r, {.text = "gentle swim"}, today, false));
  EXPECT_TRUE(matches(r, {.capacity = Capacity::open}, today, false));
  EXPECT_FALSE(matches(r, {.capacity = Capacity::full}, today, false));
  EXPECT_TRUE(matches(r, {.timing = Timing::active}, today, false));
  EXPECT_FALSE(matches(r, {.timing = Timing::upcoming}, today, false));
}

TEST(Resource, ConfidentialLocationsDoNotMatchAPlaceUnlessAllowed) {
  const Resource r = walk();
  EXPECT_FALSE(matches(r, {.place = "EH7"}, "2026-11-22", false));
  EXPECT_TRUE(matches(r, {.place = "EH7"}, "2026-11-22", true));
  EXPECT_FALSE(matches(r, {.text = "hidden"}, "2026-11-22", false));
  EXPECT_EQ(without_confidential_locations(r).locations.size(), 1u);
}

TEST(Resource, JsonRoundTripAndStrictReading) {
  Resource r = walk();
  r.capacity = Capacity::full;
  r.reviewed_on = "2026-01-31";
  r.events[0].opens_at = "10:00:00";
  r.locations[0].country = "GB";
  r.locations[1].country = "GB";
  auto back = resource_from_json(to_json(r));
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(*back, r);

  json j = to_json(r);
  j["locations"][1]["colour"] = "blue";
  auto bad = resource_from_json(j);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, "unknown_field");
  EXPECT_EQ(bad.error().field, "$.locations[1].colour");

  j = to_json(r);
  j["events"][0]["byday"] = "Tuesday";
  bad = resource_from_json(j);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "$.events[0].byday");

  j = to_json(r);
  j["capacity"] = "maybe";
  EXPECT_EQ(resource_from_json(j).error().field, "$.capacity");
  j = to_json(r);
  j["name"] = "  ";
  EXPECT_EQ(resource_from_json(j).error().field, "$.name");
  j = to_json(r);
  j["locations"][0]["postal_code"] = "";
  EXPECT_EQ(resource_from_json(j).error().field, "$.locations[0].postal_code");
}

TEST(Resource, EmailAndWebAddressesMustBeValidSoExportsAreValidHsds) {
  json j = to_json(walk());
  j["email"] = "not an email";
  EXPECT_EQ(resource_from_json(j).error().field, "$.email");
  j = to_json(walk());
  j["organization"]["url"] = "example.org";
  EXPECT_EQ(resource_from_json(j).error().field, "$.organization.url");
  j = to_json(walk());
  j["contacts"] = json::array({{{"name", "Pat"}, {"email", "pat@"}}});
  EXPECT_EQ(resource_from_json(j).error().field, "$.contacts[0].email");
}

TEST(Resource, TagsAreNormalised) {
  EXPECT_EQ(normalise_tags({" Walking", "outdoors", "walking", ""}),
            (std::vector<std::string>{"outdoors", "walking"}));
}

TEST(Resource, DerivedUuidsAreStableAndWellFormed) {
  EXPECT_EQ(derived_uuid("a"), derived_uuid("a"));
  EXPECT_NE(derived_uuid("a"), derived_uuid("b"));
  EXPECT_TRUE(is_uuid(derived_uuid("x")));
  EXPECT_FALSE(is_uuid("not-a-uuid"));
}
