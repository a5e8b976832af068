// tests/unit/app/practice_records_test.cpp — the co-produced CPI record's use cases (issue 4,
// docs/practice-api.md) over a real SQLite file with demo data: permissions both ways per role,
// optimistic concurrency, history, audit entries, stable member ids across snapshots, and the
// contact form's added records being all or nothing.
#include <gtest/gtest.h>

#include "cp/app/demo.hpp"
#include "cp/app/practice_records.hpp"
#include "cp/app/service.hpp"
#include "cp/store/audit_log.hpp"
#include "cp/store/records.hpp"
#include "support/temp_dir.hpp"

using namespace cp;
using cp::testing::TempDir;
using nlohmann::json;

namespace {

// Demo people: 1 is demo-practitioner's (and demo-person's own record); 2 belongs to another
// Riverside worker (demo-practitioner covers: read only); 3 is in team Hillside.
constexpr long long kOwn = 1, kCovered = 2, kOtherTeam = 3;

class PracticeRecordsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db = store::Database::open(dir.file("r.db"));
    app::seed_demo(*db, "a-demo-password");
    service = std::make_unique<app::Service>(*db);
    records = std::make_unique<app::PracticeRecords>(*service);
  }
  app::Caller as(const std::string& user) {
    auto r = service->login(user, "a-demo-password", "127.0.0.1");
    EXPECT_TRUE(r.ok()) << user;
    return r->session.caller;
  }
  long long count(const std::string& table) {
    return db->read([&](soci::session& s) { return store::count_rows(s, table); });
  }
  store::AuditEntry last_audit() {
    return db->read([](soci::session& s) { return store::recent_audit(s, 1).front(); });
  }
  TempDir dir;
  std::unique_ptr<store::Database> db;
  std::unique_ptr<app::Service> service;
  std::unique_ptr<app::PracticeRecords> records;
};

const json kGoal = {{"text", "Go swimming again"}, {"review_on", "2027-01-15"}};

}  // namespace

TEST_F(PracticeRecordsTest, PractitionerWritesAndEveryoneElseIsRefusedAsTheContractSays) {
  const auto pr = as("demo-practitioner");
  auto g = records->create(pr, "goals", kOwn, kGoal);
  ASSERT_TRUE(g.ok()) << g.error().message;
  EXPECT_EQ((*g)["version"], 1);
  EXPECT_EQ((*g)["status"], "active") << "a goal starts active";
  EXPECT_EQ((*g)["created_by"]["role"], "practitioner");

  // Covering a colleague in the same team: read yes, write no.
  EXPECT_TRUE(records->list(pr, "goals", kCovered).ok());
  auto covered = records->create(pr, "goals", kCovered, kGoal);
  ASSERT_FALSE(covered.ok());
  EXPECT_EQ(covered.error().kind, ErrorKind::forbidden);
  // Another team: nothing.
  EXPECT_EQ(records->list(pr, "goals", kOtherTeam).error().kind, ErrorKind::forbidden);
  // The team leader writes in the team.
  EXPECT_TRUE(records->create(as("demo-lead"), "assets", kCovered, {{"kind", "skill"}, {"text", "Knits"}}).ok());
  // Agency admin, researcher, system admin: nothing here, not even reading.
  for (const char* u : {"demo-admin", "demo-researcher", "demo-sysadmin"}) {
    const auto c = as(u);
    EXPECT_EQ(records->list(c, "goals", kOwn).error().kind, ErrorKind::forbidden) << u;
    EXPECT_EQ(records->read(c, "goals", (*g)["id"].get<long long>()).error().kind, ErrorKind::forbidden) << u;
    EXPECT_EQ(records->list_maps(c, kOwn).error().kind, ErrorKind::forbidden) << u;
    EXPECT_EQ(records->person_record(c, kOwn).error().kind, ErrorKind::forbidden) << u;
  }
}

TEST_F(PracticeRecordsTest, ThePersonWritesTheirOwnMapGoalsAndIdeasButOnlyReadsTheRest) {
  const auto me = as("demo-person");
  auto g = records->create(me, "goals", kOwn, kGoal);
  ASSERT_TRUE(g.ok()) << g.error().message;
  EXPECT_EQ((*g)["created_by"]["role"], "person") << "recorded as theirs";
  auto o = records->create_child(me, "objectives", (*g)["id"].get<long long>(), {{"text", "Find the pool times"}});
  ASSERT_TRUE(o.ok());
  EXPECT_TRUE(records->create_child(me, "activities", (*o)["id"].get<long long>(),
                                    {{"text", "Ring the leisure centre"}, {"who", "person"}})
                  .ok());
  EXPECT_TRUE(records->create(me, "ideas", kOwn, {{"text", "Aqua aerobics"}, {"suggested_by", "person"}}).ok());
  EXPECT_TRUE(records->create_map(me, kOwn, {{"taken_on", "2026-01-05"}}).ok());
  // Reads everything of their own…
  for (const char* col : {"assets", "engagements", "barriers", "recognition"})
    EXPECT_TRUE(records->list(me, col, kOwn).ok()) << col;
  // …but does not write assets, engagements, barriers or recognition, nor anyone else's record.
  const auto before = count("assets");
  auto a = records->create(me, "assets", kOwn, {{"kind", "skill"}, {"text", "Drawing"}});
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.error().kind, ErrorKind::forbidden);
  EXPECT_EQ(count("assets"), before);
  const auto refusal = last_audit();
  EXPECT_EQ(refusal.action, "asset.create");
  EXPECT_EQ(refusal.outcome, "refused");
  EXPECT_EQ(refusal.person_id, kOwn);
  EXPECT_EQ(records->create(me, "goals", kCovered, kGoal).error().kind, ErrorKind::forbidden);
  EXPECT_EQ(records->list(me, "goals", kCovered).error().kind, ErrorKind::forbidden);
}

TEST_F(PracticeRecordsTest, StaleVersionIsAConflictAndNothingChanges) {
  const auto pr = as("demo-practitioner");
  auto g = records->create(pr, "goals", kOwn, kGoal);
  const long long id = (*g)["id"];
  auto v2 = records->update(pr, "goals", id, {{"version", 1}, {"status", "achieved"}});
  ASSERT_TRUE(v2.ok()) << v2.error().message;
  EXPECT_EQ((*v2)["version"], 2);
  EXPECT_EQ((*v2)["text"], "Go swimming again") << "fields left out keep their value";
  auto stale = records->update(pr, "goals", id, {{"version", 1}, {"text", "Something else"}});
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().kind, ErrorKind::conflict);
  EXPECT_EQ(stale.error().code, "version_conflict");
  auto now = records->read(pr, "goals", id);
  EXPECT_EQ((*now)["version"], 2);
  EXPECT_EQ((*now)["text"], "Go swimming again");
}

TEST_F(PracticeRecordsTest, HistoryKeepsEveryVersionWithWhoChangedIt) {
  const auto pr = as("demo-practitioner");
  const auto me = as("demo-person");
  auto g = records->create(pr, "goals", kOwn, kGoal);
  const long long id = (*g)["id"];
  ASSERT_TRUE(records->update(me, "goals", id, {{"version", 1}, {"text", "Swim once a week"}}).ok());
  auto h = records->history(me, "goals", id);
  ASSERT_TRUE(h.ok());
  const json& list = (*h)["history"];
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0]["change"], "created");
  EXPECT_EQ(list[0]["changed_by"]["role"], "practitioner");
  EXPECT_EQ(list[0]["data"]["text"], "Go swimming again");
  EXPECT_EQ(list[1]["change"], "updated");
  EXPECT_EQ(list[1]["version"], 2);
  EXPECT_EQ(list[1]["changed_by"]["role"], "person");
  EXPECT_EQ(list[1]["data"]["text"], "Swim once a week");
}

TEST_F(PracticeRecordsTest, ReadsAndWritesAreAuditedWithThePerson) {
  const auto pr = as("demo-practitioner");
  auto g = records->create(pr, "goals", kOwn, kGoal);
  auto e = last_audit();
  EXPECT_EQ(e.action, "goal.create");
  EXPECT_EQ(e.outcome, "ok");
  EXPECT_EQ(e.record_id, std::to_string((*g)["id"].get<long long>()));
  EXPECT_EQ(e.person_id, kOwn);
  ASSERT_TRUE(records->read(pr, "goals", (*g)["id"].get<long long>()).ok());
  EXPECT_EQ(last_audit().action, "goal.read");
  ASSERT_TRUE(records->journey(pr, kOwn).ok());
  EXPECT_EQ(last_audit().action, "journey.read");
}

TEST_F(PracticeRecordsTest, BadInputNamesTheFieldAndStoresNothing) {
  const auto pr = as("demo-practitioner");
  const auto before = count("barriers");
  auto b = records->create(pr, "barriers", kOwn, {{"side", "worker_agency"}, {"category", "money"}});
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.error().field, "category") << "money is a barrier on the person's side";
  EXPECT_EQ(records->create(pr, "barriers", kOwn, {{"side", "person"}, {"category", "money"}, {"colour", "red"}})
                .error()
                .field,
            "colour");
  EXPECT_EQ(records->create(pr, "engagements", kOwn, {{"resource_name", "Choir"}, {"stage", "stopped"}}).error().field,
            "stopped_reason");
  EXPECT_EQ(records->create(pr, "goals", kOwn, {{"text", "x"}, {"review_on", "2026-02-30"}}).error().field, "review_on");
  EXPECT_EQ(count("barriers"), before);
}

TEST_F(PracticeRecordsTest, MembersKeepTheirIdsAcrossSnapshotsAndChangeIsMeasured) {
  // Person 2 has no map in the demo data; the team leader writes in the team.
  const auto pr = as("demo-lead");
  auto first = records->create_map(pr, kCovered, {{"taken_on", "2026-02-01"}, {"start_from", "empty"}});
  ASSERT_TRUE(first.ok()) << first.error().message;
  const long long m1 = (*first)["id"];
  const json content = {{"version", (*first)["version"]},
                        {"members",
                         {{{"key", "a"}, {"name", "Sam"}, {"relation", "friend"}, {"ring", "close"}},
                          {{"key", "b"}, {"name", "Choir"}, {"kind", "group"}, {"relation", "community_group"},
                           {"ring", "middle"}, {"support_to_person", {"companionship"}}},
                          {{"key", "c"}, {"name", "GP"}, {"relation", "professional_service"}, {"ring", "outer"}}}},
                        {"ties", {{{"a", "a"}, {"b", "b"}}}}};
  auto filled = records->update_map(pr, m1, content);
  ASSERT_TRUE(filled.ok()) << filled.error().field << ": " << filled.error().message;
  ASSERT_EQ((*filled)["members"].size(), 3u);
  EXPECT_EQ((*filled)["measures"]["size"], 3);
  EXPECT_EQ((*filled)["measures"]["ties"], 1);
  const long long sam = (*filled)["members"][0]["member_id"];
  const long long gp = (*filled)["members"][2]["member_id"];

  auto second = records->create_map(pr, kCovered, {{"taken_on", "2026-08-01"}});
  ASSERT_TRUE(second.ok());
  const long long m2 = (*second)["id"];
  ASSERT_EQ((*second)["members"].size(), 3u) << "a new snapshot starts from the previous one";
  EXPECT_EQ((*second)["members"][0]["member_id"], sam) << "members keep their ids";
  EXPECT_EQ((*second)["ties"].size(), 1u);
  // Drop the GP, keep Sam and the choir, add a neighbour.
  json next = {{"version", (*second)["version"]},
               {"members", {(*second)["members"][0], (*second)["members"][1],
                            {{"key", "n"}, {"name", "Dee"}, {"relation", "neighbour"}, {"ring", "middle"}}}},
               {"ties", {{{"a", sam}, {"b", "n"}}}}};
  auto edited = records->update_map(pr, m2, next);
  ASSERT_TRUE(edited.ok()) << edited.error().field << ": " << edited.error().message;
  auto change = records->map_change(pr, m2, m1);
  ASSERT_TRUE(change.ok());
  ASSERT_EQ((*change)["new_members"].size(), 1u);
  EXPECT_EQ((*change)["new_members"][0]["name"], "Dee");
  ASSERT_EQ((*change)["lost_members"].size(), 1u);
  EXPECT_EQ((*change)["lost_members"][0]["member_id"], gp);
  EXPECT_EQ((*change)["kept"], 2);
  // The first snapshot is untouched by editing the second.
  EXPECT_EQ((*records->read_map(pr, m1))["members"].size(), 3u);
  // A member id of another person is refused, naming the field.
  json foreign = {{"version", (*edited)["version"]},
                  {"members", {{{"member_id", 999999}, {"name", "X"}, {"relation", "friend"}, {"ring", "close"}}}}};
  EXPECT_EQ(records->update_map(pr, m2, foreign).error().field, "members[0].member_id");
  auto graphml = records->map_graphml(pr, m2);
  ASSERT_TRUE(graphml.ok());
  EXPECT_NE(graphml->find("ego"), std::string::npos);
  EXPECT_NE(graphml->find("neighbour"), std::string::npos);
}

TEST_F(PracticeRecordsTest, ContactFormAddsRecordsAllOrNothing) {
  const auto pr = as("demo-practitioner");
  const long long partnership = db->read([](soci::session& s) { return store::partnerships_of_person(s, kOwn); }).front().id;
  domain::NewContact ct{"2026-01-10", "in_person", 45, {"goals"}, ""};
  const auto contacts = count("contacts"), goals = count("goals"), members = count("network_members");
  const json bad = {{"network_members", {{{"name", "Sam"}, {"relation", "friend"}, {"ring", "close"}}}},
                    {"goals", {{{"text", "Fine"}}, {{"text", ""}}}}};
  auto r = records->add_contact(pr, partnership, ct, bad);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "add.goals[1].text");
  EXPECT_EQ(count("contacts"), contacts);
  EXPECT_EQ(count("goals"), goals);
  EXPECT_EQ(count("network_members"), members);
  // A bad network member, checked after the contact was inserted, rolls everything back too.
  auto r2 = records->add_contact(pr, partnership, ct,
                                 {{"goals", {{{"text", "Fine"}}}},
                                  {"network_members", {{{"name", "Sam"}, {"relation", "friend"}, {"ring", "far"}}}}});
  ASSERT_FALSE(r2.ok());
  EXPECT_EQ(r2.error().field, "add.network_members[0].ring");
  EXPECT_EQ(count("contacts"), contacts);
  EXPECT_EQ(count("goals"), goals);

  const json good = {{"network_members", {{{"name", "Sam"}, {"relation", "friend"}, {"ring", "close"}}}},
                     {"goals", {{{"text", "Join the choir"}}}},
                     {"engagements", {{{"resource_name", "Choir"}, {"stage", "suggested"}}}}};
  auto ok = records->add_contact(pr, partnership, ct, good);
  ASSERT_TRUE(ok.ok()) << ok.error().field << ": " << ok.error().message;
  EXPECT_EQ((*ok)["added"]["network_members"].size(), 1u);
  EXPECT_EQ((*ok)["added"]["goals"].size(), 1u);
  EXPECT_EQ((*ok)["added"]["engagements"].size(), 1u);
  const auto processes = (*ok)["contact"]["processes"].get<std::vector<std::string>>();
  EXPECT_EQ(processes, (std::vector<std::string>{"goals", "network_mapping", "engagement"}))
      << "the processes of added records are added";
  EXPECT_EQ(count("contacts"), contacts + 1);
  auto map = records->read_map(pr, (*records->list_maps(pr, kOwn))["maps"][0]["id"].get<long long>());
  bool found = false;
  for (const auto& m : (*map)["members"]) found = found || m["member_id"] == (*ok)["added"]["network_members"][0];
  EXPECT_TRUE(found) << "the member is on the latest map";
  // The person cannot record a contact.
  EXPECT_EQ(records->add_contact(as("demo-person"), partnership, ct, good).error().kind, ErrorKind::forbidden);
}

TEST_F(PracticeRecordsTest, PersonPageAndJourney) {
  const auto pr = as("demo-practitioner");
  auto page = records->person_record(pr, kOwn);
  ASSERT_TRUE(page.ok()) << page.error().message;
  for (const char* k : {"person", "partnerships", "network_map", "assets", "goals", "ideas", "engagements", "barriers",
                        "recognition", "journey"})
    EXPECT_TRUE(page->contains(k)) << k;
  EXPECT_FALSE((*page)["network_map"].is_null()) << "the demo person has a map";
  EXPECT_FALSE((*page)["goals"].empty());
  EXPECT_EQ((*page)["journey"]["processes"].size(), domain::shared_processes().size());
  // The covered person (another Riverside worker's) has no map in the demo data.
  auto covered = records->person_record(pr, kCovered);
  ASSERT_TRUE(covered.ok());
  EXPECT_TRUE((*covered)["network_map"].is_null());
  // Journey: a fixed "today" long after the last contact makes the network map overdue.
  service->today = [] { return std::string("2036-01-01"); };
  auto j = records->journey(pr, kOwn);
  ASSERT_TRUE(j.ok());
  for (const auto& p : (*j)["processes"])
    if (p["process"] == "network_mapping") {
      EXPECT_EQ(p["status"], "overdue");
      EXPECT_FALSE(p["last_done"].is_null());
    }
}
