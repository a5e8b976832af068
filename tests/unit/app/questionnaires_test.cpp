// tests/unit/app/questionnaires_test.cpp — capture of questionnaire responses (issue 3, part 6)
// and the due list (part 5) over a real database (SQLite; PostgreSQL in the .pg variant) with demo data: partial vs complete,
// versions and history, audit entries, and permissions both ways.
#include "cp/app/questionnaires.hpp"

#include <gtest/gtest.h>

#include <map>

#include "cp/app/demo.hpp"
#include "cp/store/audit_log.hpp"
#include "cp/store/records.hpp"
#include "support/test_db.hpp"
#include "unit/instruments/support.hpp"

using namespace cp;
using cp::testing::TestDb;
using nlohmann::json;

namespace {

const json kSwemwbs = {{"wem01", 4}, {"wem02", 3}, {"wem03", 3}, {"wem06", 4},
                       {"wem07", 2}, {"wem09", 5}, {"wem11", 3}};

class QuestionnairesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db = store::Database::open(tdb.url());
    ASSERT_TRUE(app::seed_demo(*db, "a-demo-password").seeded);
    service = std::make_unique<app::Service>(*db);
    q = std::make_unique<app::Questionnaires>(*service, instruments::test::catalogue());
    person = *sign_in("demo-person").person_id;
    rows("questionnaire_responses");  // records the seed's counts
    rows("questionnaire_response_history");
  }
  app::Caller sign_in(const std::string& user) {
    auto r = service->login(user, "a-demo-password", "127.0.0.1");
    EXPECT_TRUE(r.ok()) << user;
    return r->session.caller;
  }
  // Rows added since the demo seed (the demo study brings synthetic scores of its own).
  long long rows(const char* table) {
    const long long n = db->read([&](soci::session& s) { return store::count_rows(s, table); });
    if (!seeded.count(table)) seeded[table] = n;
    return n - seeded[table];
  }
  store::AuditEntry last_audit() {
    return db->read([](soci::session& s) { return store::recent_audit(s, 1); }).front();
  }
  // A person on another worker's caseload (Hillside).
  long long other_team_person() {
    return db->read([](soci::session& s) {
      long long id = 0;
      s << "SELECT p.person_id FROM partnerships p JOIN teams t ON t.id = p.team_id WHERE t.name = "
           "'Hillside' "
           "ORDER BY p.id LIMIT 1",
          soci::into(id);
      return id;
    });
  }
  // A colleague in demo-practitioner's team (Riverside) who does not hold this person's
  // partnership.
  app::Caller covering_colleague() {
    auto me = sign_in("demo-practitioner");
    app::Caller c;
    c.account_id = 0;
    c.username = "covering-colleague";
    c.role = domain::Role::practitioner;
    c.agency_id = me.agency_id;
    c.team_id = me.team_id;
    c.worker_id = db->read([&](soci::session& s) {
      long long id = 0;
      s << "SELECT id FROM workers WHERE display_name = 'Ravi Sandhu'", soci::into(id);
      return id;
    });
    return c;
  }
  TestDb tdb;  // SQLite, or PostgreSQL in the .pg variant (support/test_db.hpp)
  std::unique_ptr<store::Database> db;
  std::unique_ptr<app::Service> service;
  std::unique_ptr<app::Questionnaires> q;
  long long person = 0;
  std::map<std::string, long long> seeded;
};

}  // namespace

TEST_F(QuestionnairesTest, PartialSaveKeepsAnswersWithoutScoresThenCompleteScoresLikeTheEngine) {
  auto worker = sign_in("demo-practitioner");
  json half = {{"wem01", 4}, {"wem02", 3}, {"wem03", nullptr}};
  auto r = q->save(worker, person, "baseline", "swemwbs", {0, half, false});
  ASSERT_TRUE(r.ok()) << r.error().message << " " << r.error().field;
  const auto& saved = (*r)["response"];
  EXPECT_EQ(saved["status"], "partial");
  EXPECT_EQ(saved["mode"], "interviewer");
  EXPECT_EQ(saved["version"], 1);
  EXPECT_TRUE(saved["scores"].is_null());
  EXPECT_EQ(saved["answers"], json({{"wem01", 4}, {"wem02", 3}}));
  EXPECT_EQ(saved["unanswered"].size(), 5u);
  EXPECT_EQ(last_audit().action, "questionnaire.save");
  EXPECT_EQ(last_audit().outcome, "ok");
  EXPECT_EQ(*last_audit().person_id, person);

  auto done = q->save(worker, person, "baseline", "swemwbs", {1, kSwemwbs, true});
  ASSERT_TRUE(done.ok()) << done.error().message;
  const auto& complete = (*done)["response"];
  EXPECT_EQ(complete["status"], "complete");
  EXPECT_EQ(complete["version"], 2);
  auto engine = instruments::test::catalogue().score("swemwbs", kSwemwbs);
  ASSERT_TRUE(engine.ok());
  EXPECT_EQ(complete["scores"], instruments::to_json(*engine));
  EXPECT_EQ(complete["scores"]["scores"]["raw"], 24);

  // Read back: the same scores, and both versions in the history, oldest first.
  auto back = q->response(worker, person, "baseline", "swemwbs");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ((*back)["response"]["scores"], complete["scores"]);
  EXPECT_EQ(last_audit().action, "questionnaire.read");
  auto hist = q->history(worker, person, "baseline", "swemwbs");
  ASSERT_TRUE(hist.ok());
  ASSERT_EQ((*hist)["history"].size(), 2u);
  EXPECT_EQ((*hist)["history"][0]["change"], "created");
  EXPECT_EQ((*hist)["history"][0]["data"]["status"], "partial");
  EXPECT_EQ((*hist)["history"][1]["data"]["status"], "complete");
  EXPECT_EQ((*hist)["history"][1]["changed_by"]["role"], "practitioner");
}

TEST_F(QuestionnairesTest, StaleVersionIsAConflictAndChangesNothing) {
  auto worker = sign_in("demo-practitioner");
  ASSERT_TRUE(q->save(worker, person, "baseline", "swemwbs", {0, {{"wem01", 2}}, false}).ok());
  for (int stale : {0, 2}) {
    auto r = q->save(worker, person, "baseline", "swemwbs", {stale, kSwemwbs, true});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::conflict);
    EXPECT_EQ(r.error().code, "version_conflict");
  }
  EXPECT_EQ(rows("questionnaire_response_history"), 1);
  auto back = q->response(worker, person, "baseline", "swemwbs");
  EXPECT_EQ((*back)["response"]["answers"], json({{"wem01", 2}}));
}

TEST_F(QuestionnairesTest, BadAnswerNamesTheItemAndStoresNothing) {
  auto worker = sign_in("demo-practitioner");
  const auto audits = rows("audit_log");
  auto out_of_range =
      q->save(worker, person, "baseline", "swemwbs", {0, {{"wem01", 4}, {"wem02", 9}}, false});
  ASSERT_FALSE(out_of_range.ok());
  EXPECT_EQ(out_of_range.error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(out_of_range.error().field, "answers.wem02");
  auto unknown = q->save(worker, person, "baseline", "swemwbs", {0, {{"wem99", 1}}, true});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().field, "answers.wem99");
  auto wrong_type = q->save(worker, person, "baseline", "swemwbs", {0, {{"wem01", "4"}}, false});
  ASSERT_FALSE(wrong_type.ok());
  EXPECT_EQ(wrong_type.error().field, "answers.wem01");
  auto not_due = q->save(worker, person, "baseline", "rq", {0, json::object(), false});
  ASSERT_FALSE(not_due.ok());
  EXPECT_EQ(not_due.error().field, "instrument");
  auto no_wave = q->save(worker, person, "month_3", "swemwbs", {0, json::object(), false});
  ASSERT_FALSE(no_wave.ok());
  EXPECT_EQ(no_wave.error().field, "wave");
  EXPECT_EQ(rows("questionnaire_responses"), 0);
  EXPECT_EQ(rows("questionnaire_response_history"), 0);
  EXPECT_EQ(rows("audit_log"), audits);  // nothing written, not even an audit entry
}

TEST_F(QuestionnairesTest, ThePersonCompletesTheirOwnInSelfModeButNobodyElses) {
  auto me = sign_in("demo-person");
  auto r = q->save(me, person, "baseline", "swemwbs", {0, kSwemwbs, true});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ((*r)["response"]["mode"], "self");
  EXPECT_EQ((*r)["response"]["created_by"]["role"], "person");
  auto list = q->person_questionnaires(me, person);
  ASSERT_TRUE(list.ok());
  EXPECT_EQ((*list)["mode"], "self");
  EXPECT_EQ((*list)["waves"][0]["instruments"][0]["response_status"], "complete");

  const long long other = other_team_person();
  auto refused = q->save(me, other, "baseline", "swemwbs", {0, kSwemwbs, true});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::forbidden);
  EXPECT_EQ(last_audit().action, "questionnaire.save");
  EXPECT_EQ(last_audit().outcome, "refused");
  EXPECT_FALSE(q->person_questionnaires(me, other).ok());
  EXPECT_EQ(last_audit().outcome, "refused");
}

TEST_F(QuestionnairesTest, CoveringColleagueReadsButCannotWrite) {
  auto worker = sign_in("demo-practitioner");
  ASSERT_TRUE(q->save(worker, person, "baseline", "swemwbs", {0, kSwemwbs, true}).ok());
  auto cover = covering_colleague();
  auto read = q->response(cover, person, "baseline", "swemwbs");
  ASSERT_TRUE(read.ok());
  EXPECT_EQ((*read)["response"]["status"], "complete");
  auto write = q->save(cover, person, "baseline", "swemwbs", {1, kSwemwbs, true});
  ASSERT_FALSE(write.ok());
  EXPECT_EQ(write.error().kind, ErrorKind::forbidden);
  EXPECT_EQ(last_audit().outcome, "refused");
  // The team leader may write (interviewer mode).
  auto lead = sign_in("demo-lead");
  auto led = q->save(lead, person, "baseline", "swemwbs", {1, kSwemwbs, true});
  ASSERT_TRUE(led.ok());
  EXPECT_EQ((*led)["response"]["updated_by"]["role"], "team_leader");
}

TEST_F(QuestionnairesTest, AdminResearcherAndSysadminAreRefusedAndAudited) {
  for (const char* user : {"demo-admin", "demo-researcher", "demo-sysadmin"}) {
    auto c = sign_in(user);
    auto list = q->person_questionnaires(c, person);
    ASSERT_FALSE(list.ok()) << user;
    EXPECT_EQ(list.error().kind, ErrorKind::forbidden);
    EXPECT_EQ(last_audit().outcome, "refused");
    EXPECT_EQ(last_audit().username, user);
    auto save = q->save(c, person, "baseline", "swemwbs", {0, kSwemwbs, true});
    ASSERT_FALSE(save.ok());
    EXPECT_EQ(save.error().kind, ErrorKind::forbidden);
    EXPECT_FALSE(q->due(c, false, {}).ok());
  }
  EXPECT_EQ(rows("questionnaire_responses"), 0);
}

TEST_F(QuestionnairesTest, DueListFollowsThePartnershipStartAndWhatWasSaved) {
  auto worker = sign_in("demo-practitioner");
  // Waves count from a recorded baseline date when there is one.
  ASSERT_TRUE(q->set_baseline(worker, person, "2026-01-31").ok());
  service->today = [] { return std::string("2026-08-05"); };
  auto due = q->due(worker, false, {"not_yet_due", "due", "overdue", "complete", "partial"});
  ASSERT_TRUE(due.ok());
  std::map<std::string, json> mine;
  for (const auto& item : (*due)["items"]) {
    EXPECT_EQ(item["worker_id"], *worker.worker_id);
    if (item["person_id"] == person) mine[item["wave"].get<std::string>()] = item;
  }
  ASSERT_EQ(mine.size(), 3u);
  EXPECT_EQ(mine["baseline"]["status"], "overdue");  // closed 2026-02-28
  EXPECT_EQ(mine["month_6"]["target"], "2026-07-31");
  EXPECT_EQ(mine["month_6"]["opens"], "2026-07-03");
  EXPECT_EQ(mine["month_6"]["closes"], "2026-08-28");
  EXPECT_EQ(mine["month_6"]["status"], "due");
  EXPECT_EQ(mine["month_12"]["target"], "2027-01-31");
  EXPECT_EQ(mine["month_12"]["status"], "not_yet_due");
  EXPECT_EQ(mine["month_6"]["instruments"].size(), 6u);

  ASSERT_TRUE(q->save(worker, person, "month_6", "swemwbs", {0, kSwemwbs, true}).ok());
  auto after = q->due(worker, false, {});
  ASSERT_TRUE(after.ok());
  bool found = false;
  for (const auto& item : (*after)["items"]) {
    if (item["person_id"] != person || item["wave"] != "month_6") continue;
    found = true;
    EXPECT_EQ(item["status"], "partial");
    EXPECT_EQ(item["instruments"][0]["status"], "complete");
    EXPECT_EQ(item["instruments"][1]["status"], "due");
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(last_audit().action, "assessments.due");

  // The team leader's list covers the whole team, more than one worker.
  auto lead =
      q->due(sign_in("demo-lead"), false, {"not_yet_due", "due", "overdue", "complete", "partial"});
  ASSERT_TRUE(lead.ok());
  std::set<long long> workers;
  for (const auto& item : (*lead)["items"]) workers.insert(item["worker_id"].get<long long>());
  EXPECT_GE(workers.size(), 2u);
}

TEST_F(QuestionnairesTest, ScheduleIsEditedByTeamLeaderWithVersionsNotByAPractitioner) {
  auto lead = sign_in("demo-lead");
  auto current = q->schedule(lead);
  ASSERT_TRUE(current.ok());
  EXPECT_EQ((*current)["version"], 0);
  EXPECT_EQ((*current)["is_default"], true);
  json next = {{"waves",
                {{{"id", "baseline"}, {"months", 0}, {"instruments", {"swemwbs"}}},
                 {{"id", "month_3"},
                  {"label", "3 months"},
                  {"months", 3},
                  {"window_before_days", 14},
                  {"window_after_days", 14},
                  {"instruments", {"swemwbs", "eq5d-5l"}}}}}};
  auto practitioner = q->set_schedule(sign_in("demo-practitioner"), next, 0);
  ASSERT_FALSE(practitioner.ok());
  EXPECT_EQ(practitioner.error().kind, ErrorKind::forbidden);
  auto saved = q->set_schedule(lead, next, 0);
  ASSERT_TRUE(saved.ok()) << saved.error().message;
  EXPECT_EQ((*saved)["version"], 1);
  auto stale = q->set_schedule(lead, next, 0);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, "version_conflict");
  json unknown = next;
  unknown["waves"][1]["instruments"][1] = "not-an-instrument";
  auto bad = q->set_schedule(lead, unknown, 1);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "waves[1].instruments[1]");
  // The new wave can now be filled in.
  EXPECT_TRUE(q->save(lead, person, "month_3", "eq5d-5l", {0, json::object(), false}).ok());
}
