// tests/unit/app/access_test.cpp — the role table of DESIGN.md, both ways for every role
// (issue 2: "each role's allowed and refused operations").
#include <gtest/gtest.h>

#include "cp/app/access.hpp"

using namespace cp::app;
using cp::domain::Role;

namespace {
cp::store::PartnershipRow partnership(long long worker, long long team, long long person, long long agency = 1) {
  cp::store::PartnershipRow p;
  p.id = 100;
  p.worker_id = worker;
  p.team_id = team;
  p.person_id = person;
  p.agency_id = agency;
  return p;
}
Caller caller(Role r, std::optional<long long> worker = {}, std::optional<long long> team = {},
              std::optional<long long> person = {}) {
  Caller c;
  c.account_id = 1;
  c.role = r;
  c.agency_id = 1;
  c.worker_id = worker;
  c.team_id = team;
  c.person_id = person;
  return c;
}
}  // namespace

TEST(Access, PractitionerWritesOwnPartnershipsAndReadsTheTeamsForCover) {
  auto me = caller(Role::practitioner, 10, 1);
  EXPECT_EQ(access_to_partnership(me, partnership(10, 1, 5)), Access::write);
  EXPECT_EQ(access_to_partnership(me, partnership(11, 1, 6)), Access::read);
  EXPECT_EQ(access_to_partnership(me, partnership(12, 2, 7)), Access::none);
  EXPECT_TRUE(may_read_caseload(me));
  EXPECT_FALSE(may_review_audit(me));
}

TEST(Access, TeamLeaderWritesTheTeamsRecordsOnly) {
  auto lead = caller(Role::team_leader, 12, 1);
  EXPECT_EQ(access_to_partnership(lead, partnership(10, 1, 5)), Access::write);
  EXPECT_EQ(access_to_partnership(lead, partnership(20, 2, 8)), Access::none);
  EXPECT_TRUE(may_read_caseload(lead));
}

TEST(Access, PersonReadsOnlyTheirOwnRecord) {
  auto person = caller(Role::person, {}, {}, 5);
  EXPECT_EQ(access_to_person(person, 5, {partnership(10, 1, 5)}), Access::read);
  EXPECT_EQ(access_to_person(person, 6, {partnership(10, 1, 6)}), Access::none);
  EXPECT_EQ(access_to_partnership(person, partnership(10, 1, 5)), Access::read);
  EXPECT_FALSE(may_read_caseload(person));
}

TEST(Access, AdminsAndResearchersSeeNoPersonalRecords) {
  for (auto r : {Role::agency_admin, Role::researcher, Role::system_admin}) {
    auto c = caller(r, 10, 1);  // even if wrongly given a worker and team
    EXPECT_EQ(access_to_person(c, 5, {partnership(10, 1, 5)}), Access::none);
    EXPECT_FALSE(may_read_caseload(c));
  }
  EXPECT_TRUE(may_review_audit(caller(Role::system_admin)));
  EXPECT_FALSE(may_review_audit(caller(Role::agency_admin)));
  EXPECT_TRUE(may_list_teams(caller(Role::agency_admin)));
  EXPECT_FALSE(may_list_teams(caller(Role::researcher)));
}

TEST(Access, TransferStaysInTheAgencyAndNeedsWriteAccess) {
  auto me = caller(Role::practitioner, 10, 1);
  cp::store::WorkerRow same_agency{11, 1, 1, "B", ""}, other_agency{30, 2, 9, "C", ""};
  EXPECT_TRUE(may_transfer_to(me, partnership(10, 1, 5), same_agency));
  EXPECT_FALSE(may_transfer_to(me, partnership(10, 1, 5), other_agency));
  EXPECT_FALSE(may_transfer_to(me, partnership(11, 1, 5), same_agency)) << "read-only cover cannot transfer";
}
