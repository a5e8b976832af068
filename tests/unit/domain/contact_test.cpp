// tests/unit/domain/contact_test.cpp — contact (session) validation: what and where (issue 2).
#include <gtest/gtest.h>

#include "cp/domain/contact.hpp"
#include "cp/domain/roles.hpp"

using namespace cp::domain;

namespace {
NewContact valid() {
  NewContact c;
  c.date = "2026-11-20";
  c.mode = "in_person";
  c.duration_minutes = 45;
  c.processes = {"network_mapping", "goals"};
  c.note = "Drew the map together.";
  return c;
}
}  // namespace

TEST(ContactValidation, AcceptsAValidContact) { EXPECT_TRUE(validate_contact(valid(), "2026-11-21").ok()); }

TEST(ContactValidation, EachProblemNamesItsField) {
  struct Case {
    std::function<void(NewContact&)> spoil;
    std::string field, code;
  };
  const std::vector<Case> cases = {
      {[](NewContact& c) { c.date = "2026-02-30"; }, "date", "invalid_date"},
      {[](NewContact& c) { c.date = "20-11-2026"; }, "date", "invalid_date"},
      {[](NewContact& c) { c.date = "2026-11-22"; }, "date", "date_in_future"},
      {[](NewContact& c) { c.mode = "carrier pigeon"; }, "mode", "invalid_value"},
      {[](NewContact& c) { c.duration_minutes = 0; }, "duration_minutes", "out_of_range"},
      {[](NewContact& c) { c.duration_minutes = 601; }, "duration_minutes", "out_of_range"},
      {[](NewContact& c) { c.processes = {"goals", "knitting"}; }, "processes[1]", "invalid_value"},
      {[](NewContact& c) { c.processes = {"goals", "goals"}; }, "processes[1]", "duplicate_value"},
      {[](NewContact& c) { c.note = std::string(2001, 'x'); }, "note", "too_long"},
  };
  for (const auto& k : cases) {
    auto c = valid();
    k.spoil(c);
    auto r = validate_contact(c, "2026-11-21");
    ASSERT_FALSE(r.ok()) << k.field;
    EXPECT_EQ(r.error().field, k.field);
    EXPECT_EQ(r.error().code, k.code);
    EXPECT_FALSE(r.error().message.empty());
  }
}

TEST(IsoDate, LeapYearsAndBounds) {
  EXPECT_TRUE(is_iso_date("2024-02-29"));
  EXPECT_FALSE(is_iso_date("2023-02-29"));
  EXPECT_TRUE(is_iso_date("2000-02-29"));
  EXPECT_FALSE(is_iso_date("1900-02-29"));
  EXPECT_FALSE(is_iso_date("2026-13-01"));
  EXPECT_FALSE(is_iso_date("2026-1-01"));
  EXPECT_FALSE(is_iso_date(""));
}

TEST(Roles, NamesRoundTripAndUnknownIsRefused) {
  for (auto r : {Role::person, Role::practitioner, Role::team_leader, Role::agency_admin, Role::researcher,
                 Role::system_admin})
    EXPECT_EQ(role_from_string(to_string(r)), r);
  EXPECT_FALSE(role_from_string("admin").has_value());
}
