// tests/unit/app/service_test.cpp — use cases over a real database (SQLite, and PostgreSQL in
// the .pg variant) with demo data: roles,
// audit of reads, writes and refusals, and nothing written on bad input (issue 2).
#include <gtest/gtest.h>

#include "cp/app/demo.hpp"
#include "cp/app/service.hpp"
#include "cp/store/audit_log.hpp"
#include "cp/store/records.hpp"
#include "support/test_db.hpp"

using namespace cp;
using cp::testing::TestDb;

namespace {
class ServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db = store::Database::open(tdb.url());
    seeded = app::seed_demo(*db, "a-demo-password");
    service = std::make_unique<app::Service>(*db);
  }
  app::Caller sign_in(const std::string& user) {
    auto r = service->login(user, "a-demo-password", "127.0.0.1");
    EXPECT_TRUE(r.ok()) << user;
    return r->session.caller;
  }
  long long audit_count() { return db->read([](soci::session& s) { return store::count_rows(s, "audit_log"); }); }
  std::optional<store::AuditEntry> last_audit() {
    auto v = db->read([](soci::session& s) { return store::recent_audit(s, 1); });
    if (v.empty()) return std::nullopt;
    return v.front();
  }
  TestDb tdb;  // SQLite or PostgreSQL (support/test_db.hpp)
  std::unique_ptr<store::Database> db;
  app::DemoSeedResult seeded;
  std::unique_ptr<app::Service> service;
};
}  // namespace

TEST_F(ServiceTest, DemoSeedsAboutFortyPeopleOnceAndTheAccounts) {
  EXPECT_TRUE(seeded.seeded);
  EXPECT_EQ(seeded.people, 40);
  EXPECT_EQ(app::seed_demo(*db, "x-other-password").seeded, false);
  EXPECT_EQ(db->read([](soci::session& s) { return store::count_rows(s, "people"); }), 40);
  for (const auto& a : app::demo_accounts()) EXPECT_TRUE(service->login(a.username, "a-demo-password", "x").ok()) << a.username;
}

TEST_F(ServiceTest, WrongPasswordAndUnknownUserGiveTheSameAnswerAndAreAudited) {
  auto a = service->login("demo-practitioner", "wrong-password", "10.0.0.1");
  auto b = service->login("nobody-at-all", "wrong-password", "10.0.0.1");
  ASSERT_FALSE(a.ok());
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(a.error().message, b.error().message);
  EXPECT_EQ(a.error().kind, ErrorKind::unauthenticated);
  auto e = last_audit();
  ASSERT_TRUE(e);
  EXPECT_EQ(e->action, "auth.login");
  EXPECT_EQ(e->outcome, "refused");
}

TEST_F(ServiceTest, LoginIsThrottledPerAccount) {
  for (int i = 0; i < 5; ++i) EXPECT_FALSE(service->login("demo-lead", "wrong-password", "10.0.0.2").ok());
  auto r = service->login("demo-lead", "a-demo-password", "10.0.0.2");
  ASSERT_FALSE(r.ok()) << "even the right password is refused while locked";
  EXPECT_EQ(r.error().kind, ErrorKind::too_many);
}

TEST_F(ServiceTest, PractitionerSeesOwnCaseloadAndReadsAreAudited) {
  auto c = sign_in("demo-practitioner");
  const auto before = audit_count();
  auto r = service->caseload(c);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ((*r)["people"].size(), 10u);
  for (const auto& p : (*r)["people"]) EXPECT_EQ(p["worker_id"].get<long long>(), *c.worker_id);
  EXPECT_EQ(audit_count(), before + 1);
  EXPECT_EQ(last_audit()->action, "caseload.read");
}

TEST_F(ServiceTest, TeamLeaderSeesTheWholeTeam) {
  auto c = sign_in("demo-lead");
  auto r = service->caseload(c);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)["people"].size(), 20u);
}

TEST_F(ServiceTest, RefusalsAreAuditedAndNothingIsShown) {
  for (const char* who : {"demo-admin", "demo-researcher", "demo-sysadmin", "demo-person"}) {
    auto c = sign_in(who);
    auto r = service->person_summary(c, 2);  // person 2 belongs to Ravi, not to any of them
    ASSERT_FALSE(r.ok()) << who;
    EXPECT_EQ(r.error().kind, ErrorKind::forbidden);
    auto e = last_audit();
    EXPECT_EQ(e->outcome, "refused");
    EXPECT_EQ(e->username, who);
    EXPECT_EQ(e->person_id, 2);
  }
}

TEST_F(ServiceTest, PersonSeesTheirOwnRecord) {
  auto c = sign_in("demo-person");
  ASSERT_TRUE(c.person_id);
  auto r = service->person_summary(c, *c.person_id);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)["partnerships"].size(), 1u);
  EXPECT_EQ((*r)["partnerships"][0]["access"], "read");
}

TEST_F(ServiceTest, ContactIsStoredWithItsAuditEntryAndBadInputStoresNothing) {
  auto c = sign_in("demo-practitioner");
  auto caseload = *service->caseload(c);
  long long partnership = 0;
  for (const auto& p : caseload["people"])
    if (p["episode_state"] == "open") partnership = p["partnership_id"];
  ASSERT_GT(partnership, 0);
  const auto contacts_before = db->read([](soci::session& s) { return store::count_rows(s, "contacts"); });
  domain::NewContact bad{"2026-02-30", "in_person", 30, {"goals"}, ""};
  const auto audit_before = audit_count();
  auto r = service->add_contact(c, partnership, bad);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "date");
  EXPECT_EQ(db->read([](soci::session& s) { return store::count_rows(s, "contacts"); }), contacts_before);
  EXPECT_EQ(audit_count(), audit_before);

  domain::NewContact good{service->today(), "phone", 20, {"goals", "barriers"}, "Talked about the walking group."};
  auto ok = service->add_contact(c, partnership, good);
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(db->read([](soci::session& s) { return store::count_rows(s, "contacts"); }), contacts_before + 1);
  EXPECT_EQ(last_audit()->action, "contact.create");
  EXPECT_TRUE(db->read([](soci::session& s) { return store::verify_audit(s); }).intact);
}

TEST_F(ServiceTest, EpisodeHistoryIsKeptThroughPauseAndReEntry) {
  auto c = sign_in("demo-practitioner");
  auto caseload = *service->caseload(c);
  long long partnership = 0;
  for (const auto& p : caseload["people"])
    if (p["episode_state"] == "open") partnership = p["partnership_id"];
  const auto before = db->read([&](soci::session& s) { return store::episodes_of(s, partnership).size(); });
  ASSERT_TRUE(service->change_episode(c, partnership, {domain::EpisodeAction::pause, "holiday", {}}).ok());
  auto again = service->change_episode(c, partnership, {domain::EpisodeAction::pause, {}, {}});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().field, "action");
  ASSERT_TRUE(service->change_episode(c, partnership, {domain::EpisodeAction::re_enter, {}, {}}).ok());
  auto episodes = db->read([&](soci::session& s) { return store::episodes_of(s, partnership); });
  EXPECT_EQ(episodes.size(), before + 2);
  EXPECT_EQ(episodes.back().state, "re_entered");
  EXPECT_FALSE(episodes.back().ended_on.has_value());
  EXPECT_TRUE(episodes[episodes.size() - 2].ended_on.has_value());
}

TEST_F(ServiceTest, OperatorCreatesAccountsWithStrongPasswordsOnly) {
  app::NewAccount a;
  a.username = "new-researcher";
  a.password = "short";
  a.role = domain::Role::researcher;
  auto weak = service->create_account(a, "test");
  ASSERT_FALSE(weak.ok());
  EXPECT_EQ(weak.error().field, "password");
  a.password = "a-long-enough-password";
  ASSERT_TRUE(service->create_account(a, "test").ok());
  EXPECT_FALSE(service->create_account(a, "test").ok()) << "duplicate username";
  EXPECT_TRUE(service->login("new-researcher", "a-long-enough-password", "x").ok());
}
