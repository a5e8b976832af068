// tests/unit/app/studies_test.cpp — studies in the store (issue 6 parts 1–2, issue 8 part 5):
// CONSORT counts checked by hand on a small study, consent filtering (withdrawn consent and
// never-given consent leave the dataset; withdrawal from follow-up does not), pseudonyms stable,
// per study and free of names and dates of birth, the append-only consent history, auditing, and
// permissions both ways. Runs over a real database (SQLite; PostgreSQL in the .pg variant) with
// the demo data.
#include "cp/app/studies.hpp"

#include <gtest/gtest.h>

#include <regex>

#include "cp/app/demo.hpp"
#include "cp/store/audit_log.hpp"
#include "cp/store/questionnaires.hpp"
#include "cp/store/records.hpp"
#include "support/test_db.hpp"

using namespace cp;
using cp::testing::TestDb;
using nlohmann::json;

namespace {

class StudiesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db = store::Database::open(tdb.url());
    ASSERT_TRUE(app::seed_demo(*db, "a-demo-password").seeded);
    service = std::make_unique<app::Service>(*db);
    studies = std::make_unique<app::Studies>(*service);
    researcher = sign_in("demo-researcher");
    lead = sign_in("demo-lead");
    practitioner = sign_in("demo-practitioner");
    admin = sign_in("demo-admin");
    riverside = *lead.team_id;
    hillside = db->read([](soci::session& s) {
      long long id = 0;
      s << "SELECT id FROM teams WHERE name = 'Hillside'", soci::into(id);
      return id;
    });
    // Hillside's team leader has no demo account: the same caller a signed-in one would be.
    hill_lead.role = domain::Role::team_leader;
    hill_lead.username = "hillside-lead";
    hill_lead.agency_id = lead.agency_id;
    hill_lead.team_id = hillside;
    hill_lead.worker_id = db->read([](soci::session& s) {
      long long id = 0;
      s << "SELECT id FROM workers WHERE display_name = 'Martin Oyelaran'", soci::into(id);
      return id;
    });
  }
  app::Caller sign_in(const std::string& user) {
    auto r = service->login(user, "a-demo-password", "127.0.0.1");
    EXPECT_TRUE(r.ok()) << user;
    return r->session.caller;
  }
  std::vector<long long> people_of_team(long long team) {
    return db->read([&](soci::session& s) {
      std::vector<long long> out;
      soci::rowset<soci::row> rows =
          (s.prepare << "SELECT DISTINCT person_id FROM partnerships WHERE team_id = :t ORDER BY person_id",
           soci::use(team));
      for (const auto& r : rows) out.push_back(store::get_int(r, 0));
      return out;
    });
  }
  void score(long long person, const std::string& wave, int raw) {
    db->write([&](soci::session& s) {
      store::ResponseRow r;
      r.person_id = person;
      r.wave = wave;
      r.instrument = "swemwbs";
      r.instrument_version = "1";
      r.answers = "{}";
      r.status = "complete";
      r.mode = "interviewer";
      r.scores = json{{"scores", {{"raw", raw}, {"note", "text is skipped"}}}}.dump();
      r.version = 1;
      r.created_at = r.updated_at = "2026-01-01T00:00:00Z";
      r.created_by_role = r.updated_by_role = "practitioner";
      store::save_response(s, r);
    });
  }
  long long create_study() {
    app::NewStudy st;
    st.name = "Hand-checked study";
    st.sites = {{riverside, "intervention"}, {hillside, "control"}};
    st.waves = {{"t6", 6, 30}, {"t0", 0, 14}};  // given out of order on purpose
    auto r = studies->create(researcher, st);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    return r->at("id").get<long long>();
  }
  long long recruit(const app::Caller& c, long long study, long long person, bool consent, bool declined = false) {
    app::NewParticipant p;
    p.person_id = person;
    p.assessed_on = "2026-03-01";
    p.consent_given = consent;
    p.declined = declined;
    auto r = studies->add_participant(c, study, p);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    return r->at("participant_id").get<long long>();
  }
  std::string last_action() {
    return db->read([](soci::session& s) { return store::recent_audit(s, 1); }).front().action;
  }

  TestDb tdb;
  std::unique_ptr<store::Database> db;
  std::unique_ptr<app::Service> service;
  std::unique_ptr<app::Studies> studies;
  app::Caller researcher, lead, practitioner, admin, hill_lead;
  long long riverside = 0, hillside = 0;
};

}  // namespace

TEST_F(StudiesTest, ConsortCountsAndDatasetOfAHandBuiltStudy) {
  const long long study = create_study();
  const auto r = people_of_team(riverside), h = people_of_team(hillside);
  ASSERT_GE(r.size(), 4u);
  ASSERT_GE(h.size(), 3u);
  // Intervention (Riverside): R0 consented, measured at t0 and t6; R1 consented, t0 only;
  // R2 consented then withdrew consent (measured at t0: must not count); R3 declined.
  recruit(lead, study, r[0], true);
  recruit(lead, study, r[1], true);
  const long long p2 = recruit(lead, study, r[2], true);
  recruit(lead, study, r[3], false, true);
  // Control (Hillside): H0 consented, t0 and t6, then withdrawn from follow-up (consent stands);
  // H1 recruited, consent never given; H2 consented, no questionnaires.
  const long long q0 = recruit(hill_lead, study, h[0], true);
  recruit(hill_lead, study, h[1], false);
  recruit(hill_lead, study, h[2], true);
  score(r[0], "t0", 20), score(r[0], "t6", 25), score(r[1], "t0", 18), score(r[2], "t0", 30);
  score(h[0], "t0", 21), score(h[0], "t6", 22), score(h[1], "t0", 19);
  auto wc = studies->record_consent(lead, study, p2, "withdrawn", "2026-04-01", std::nullopt);
  ASSERT_TRUE(wc.ok()) << wc.error().message;
  EXPECT_EQ(wc->at("consent_history").size(), 2u);
  EXPECT_EQ(last_action(), "study.consent.withdrawn");
  ASSERT_TRUE(studies->withdraw(hill_lead, study, q0, "2026-05-01", std::string("moved")).ok());
  EXPECT_EQ(last_action(), "study.withdraw");

  auto c = studies->consort(researcher, study);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->at("waves"), json({"t0", "t6"}));
  const json want_i = {{"assessed", 4}, {"declined", 1}, {"recruited", 3}, {"consented", 2},
                       {"consent_withdrawn", 1}, {"withdrawn", 0}, {"measured", {{"t0", 2}, {"t6", 1}}},
                       {"analysed", 2}};
  const json want_c = {{"assessed", 3}, {"declined", 0}, {"recruited", 3}, {"consented", 2},
                       {"consent_withdrawn", 0}, {"withdrawn", 1}, {"measured", {{"t0", 1}, {"t6", 1}}},
                       {"analysed", 2}};
  EXPECT_EQ(c->at("arms").at("intervention"), want_i);
  EXPECT_EQ(c->at("arms").at("control"), want_c);

  app::DatasetOptions opt;
  opt.age = true;
  auto d = studies->analysis_dataset(researcher, study, opt);
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(d->columns, (std::vector<std::string>{"id", "team", "arm", "age", "swemwbs_raw_t0", "swemwbs_raw_t6"}));
  ASSERT_EQ(d->rows.size(), 4u);  // R0, R1, H0, H2
  EXPECT_EQ(last_action(), "study.dataset");
  auto pseudonym = [&](long long person) {
    return db->write([&](soci::session& s) {
      return app::study_pseudonym(s, "study:" + std::to_string(study), "person", person);
    });
  };
  std::map<std::string, std::vector<std::string>> by_id;
  for (const auto& row : d->rows) by_id[row[0]] = row;
  ASSERT_EQ(by_id.size(), 4u);
  ASSERT_TRUE(by_id.count(pseudonym(r[0])));
  ASSERT_TRUE(by_id.count(pseudonym(r[1])));
  ASSERT_TRUE(by_id.count(pseudonym(h[0])));  // withdrawn from follow-up: still analysed (ITT)
  ASSERT_TRUE(by_id.count(pseudonym(h[2])));
  EXPECT_FALSE(by_id.count(pseudonym(r[2])));  // consent withdrawn
  EXPECT_FALSE(by_id.count(pseudonym(h[1])));  // consent never given
  const auto& a = by_id[pseudonym(r[0])];
  EXPECT_EQ(a[1], "Riverside");
  EXPECT_EQ(a[2], "intervention");
  EXPECT_EQ(a[4], "20");
  EXPECT_EQ(a[5], "25");
  EXPECT_EQ(by_id[pseudonym(r[1])][5], "");  // missing follow-up is an empty cell
  EXPECT_EQ(by_id[pseudonym(h[0])][2], "control");
  EXPECT_EQ(by_id[pseudonym(h[2])][4], "");
  // Age at recruitment (2026-03-01) from the date of birth, which itself never appears.
  auto person = db->read([&](soci::session& s) { return store::person_by_id(s, r[0]); });
  ASSERT_TRUE(person && person->date_of_birth);
  const int y = std::stoi(person->date_of_birth->substr(0, 4));
  const std::string md = person->date_of_birth->substr(5);
  EXPECT_EQ(a[3], std::to_string(2026 - y - (md > "03-01" ? 1 : 0)));
  const std::string csv = d->to_csv();
  for (long long id : {r[0], r[1], h[0], h[2]}) {
    auto p = db->read([&](soci::session& s) { return store::person_by_id(s, id); });
    EXPECT_EQ(csv.find(p->display_name), std::string::npos) << p->display_name;
    EXPECT_EQ(csv.find(*p->date_of_birth), std::string::npos);
  }
}

TEST_F(StudiesTest, PseudonymsAreStablePerStudyAndCarryNoIdentity) {
  const long long study = create_study();
  const auto r = people_of_team(riverside);
  recruit(lead, study, r[0], true);
  auto first = studies->analysis_dataset(researcher, study, {});
  auto second = studies->analysis_dataset(researcher, study, {});
  ASSERT_TRUE(first.ok() && second.ok());
  ASSERT_EQ(first->rows.size(), 1u);
  EXPECT_EQ(first->rows[0][0], second->rows[0][0]);  // stable
  EXPECT_TRUE(std::regex_match(first->rows[0][0], std::regex("P[0-9a-f]{12}")));
  // The same person gets another pseudonym in another study (the demo study, id 1).
  const std::string in_demo = db->write(
      [&](soci::session& s) { return app::study_pseudonym(s, "study:1", "person", r[0]); });
  EXPECT_NE(in_demo, first->rows[0][0]);
  // The key is the system's: kept in the settings table, not derived from the data.
  auto key = db->read([](soci::session& s) {
    std::string v;
    s << "SELECT value FROM settings WHERE key = 'pseudonym_key'", soci::into(v);
    return v;
  });
  EXPECT_EQ(key.size(), 64u);
}

TEST_F(StudiesTest, PermissionsBothWaysAndRefusalsAudited) {
  const long long study = create_study();
  const auto r = people_of_team(riverside), h = people_of_team(hillside);
  // Only researchers and agency admins design studies.
  app::NewStudy st;
  st.name = "x";
  st.sites = {{riverside, "intervention"}};
  st.waves = {{"t0", 0, 1}, {"t6", 6, 1}};
  auto refused = studies->create(practitioner, st);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::forbidden);
  EXPECT_EQ(last_action(), "study.create");
  EXPECT_TRUE(studies->create(admin, st).ok());
  // Recruitment and consent only by the person's own workers.
  app::NewParticipant p;
  p.person_id = h[0];
  p.assessed_on = "2026-03-01";
  EXPECT_EQ(studies->add_participant(lead, study, p).error().kind, ErrorKind::forbidden);
  EXPECT_EQ(studies->add_participant(researcher, study, p).error().kind, ErrorKind::forbidden);
  const long long mine = recruit(lead, study, r[0], true);
  EXPECT_EQ(studies->record_consent(hill_lead, study, mine, "withdrawn", "2026-04-01", std::nullopt).error().kind,
            ErrorKind::forbidden);
  EXPECT_EQ(last_action(), "study.consent.withdrawn");
  // The dataset is the researcher's only.
  for (const auto* c : {&practitioner, &lead, &admin}) {
    auto d = studies->analysis_dataset(*c, study, {});
    ASSERT_FALSE(d.ok());
    EXPECT_EQ(d.error().kind, ErrorKind::forbidden);
    EXPECT_EQ(last_action(), "study.dataset");
  }
  // Bad input.
  p.person_id = r[1];
  p.assessed_on = "2026-02-30";
  EXPECT_EQ(studies->add_participant(lead, study, p).error().field, "assessed_on");
  EXPECT_EQ(studies->record_consent(lead, study, mine, "given", "2026-04-01", std::nullopt).error().kind,
            ErrorKind::conflict);  // already given
}

TEST_F(StudiesTest, ConsentHistoryIsAppendOnly) {
  const long long study = create_study();
  const long long pid = recruit(lead, study, people_of_team(riverside)[0], true);
  ASSERT_TRUE(studies->record_consent(lead, study, pid, "withdrawn", "2026-04-01", std::nullopt).ok());
  ASSERT_TRUE(studies->record_consent(lead, study, pid, "given", "2026-04-02", std::string("changed mind")).ok());
  EXPECT_THROW(db->write([&](soci::session& s) { s << "UPDATE study_consent_events SET event = 'given'"; }),
               std::exception);
  EXPECT_THROW(db->write([&](soci::session& s) { s << "DELETE FROM study_consent_events"; }), std::exception);
  auto d = studies->analysis_dataset(researcher, study, {});
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->rows.size(), 1u);  // consent given again: back in
}

TEST_F(StudiesTest, DemoStudyHasConsentedParticipantsWithScores) {
  auto d = studies->analysis_dataset(researcher, 1, {});
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(d->columns,
            (std::vector<std::string>{"id", "team", "arm", "swemwbs_raw_baseline", "swemwbs_raw_month_6"}));
  // 40 people: 4 declined (i % 10 == 9), 4 withdrew consent (i % 10 == 4).
  EXPECT_EQ(d->rows.size(), 32u);
  auto c = studies->consort(researcher, 1);
  ASSERT_TRUE(c.ok());
  const auto& arms = c->at("arms");
  EXPECT_EQ(arms["intervention"]["assessed"].get<int>() + arms["control"]["assessed"].get<int>(), 40);
  EXPECT_EQ(arms["intervention"]["analysed"].get<int>() + arms["control"]["analysed"].get<int>(), 32);
}
