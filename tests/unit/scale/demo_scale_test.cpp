// tests/unit/scale/demo_scale_test.cpp — issue 8 part 4: the scale generator (pure: deterministic
// by seed, independent of the batch size, the demo practitioner's capped caseload) and its load
// through store::BulkLoader on both backends (every row arrives, one audit row, sequences carry
// on after the loaded ids, the demo sign-in works), and the CSV writer's quoting.
#include <gtest/gtest.h>

#include "cp/app/demo_scale.hpp"
#include "cp/app/service.hpp"
#include "cp/store/audit_log.hpp"
#include "cp/store/records.hpp"
#include "support/test_db.hpp"
#include "unit/instruments/support.hpp"

namespace {

using cp::app::ScaleGenerator;
using cp::app::ScaleOptions;
using cp::store::BulkTable;

ScaleOptions tiny(long long people, long long batch) {
  ScaleOptions o;
  o.people = people;
  o.agencies = 3;
  o.workers = 40;
  o.resources_per_agency = 4;
  o.batch_people = batch;
  o.seed = 11;
  o.today = "2026-06-01";
  return o;
}

std::vector<cp::app::ScoredAnswers> pool() {
  return {{"swemwbs", "1", "{}", "{}"}, {"eq5d-5l", "1", "{}", "{}"}};
}

// All rows of every table, as CSV text per table name.
std::map<std::string, std::string> generate(const ScaleOptions& o) {
  ScaleGenerator gen(o, pool(), "hash");
  std::map<std::string, std::string> out;
  for (const auto& t : gen.structure()) out[t.name()] += cp::store::to_csv(t, false);
  for (long long first = 0; first < o.people; first += o.batch_people)
    for (const auto& t : gen.people(first, o.batch_people)) out[t.name()] += cp::store::to_csv(t, false);
  for (const auto& t : gen.sign_ins()) out[t.name()] += cp::store::to_csv(t, false);
  return out;
}

TEST(ScaleGenerator, SameSeedSameRowsWhateverTheBatchSize) {
  const auto a = generate(tiny(500, 500));
  const auto b = generate(tiny(500, 37));
  EXPECT_EQ(a, b);
  auto other = tiny(500, 500);
  other.seed = 12;
  EXPECT_NE(generate(other).at("people"), a.at("people"));
  // Everything the brief asks for is there.
  for (const char* t : {"people", "partnerships", "episodes", "contacts", "network_maps", "network_map_members",
                        "network_map_ties", "questionnaire_responses", "directory_resources", "study_participants",
                        "accounts"})
    EXPECT_FALSE(a.at(t).empty()) << t;
}

TEST(ScaleGenerator, TheDemoPractitionerHasARealisticCaseload) {
  ScaleGenerator gen(tiny(2000, 2000), pool(), "hash");
  long long mine = 0, busiest_other = 0;
  std::map<long long, long long> per_worker;
  for (long long p = 0; p < 2000; ++p) ++per_worker[gen.worker_of_person(p)];
  mine = per_worker[0];
  for (const auto& [w, n] : per_worker)
    if (w != 0) busiest_other = std::max(busiest_other, n);
  EXPECT_EQ(mine, 30);
  EXPECT_EQ(per_worker.size(), 40u);  // everyone else is spread over all the other workers
  EXPECT_LE(busiest_other, (2000 - 30) / 39 + 1);
}

TEST(BulkTable, CsvQuotesWhatNeedsQuotingAndLeavesNullEmpty) {
  BulkTable t("x", {"a", "b", "c", "d"});
  t.add({1LL, std::string("plain"), std::string("has, \"quotes\"\nand a line"), nullptr});
  t.add({2LL, std::string(""), 1.5, std::string("x")});
  EXPECT_EQ(cp::store::to_csv(t, true), "a,b,c,d\n1,plain,\"has, \"\"quotes\"\"\nand a line\",\n2,\"\",1.5,x\n");
  EXPECT_THROW(t.add({1LL}), std::invalid_argument);
}

TEST(SeedDemoScale, LoadsEveryRowWithOneAuditEntryAndWorkingSignIns) {
  cp::testing::TestDb tdb;
  auto db = cp::store::Database::open(tdb.url());
  auto o = tiny(700, 300);
  std::vector<std::string> progress;
  const auto r = cp::app::seed_demo_scale(*db, "demo-password-for-tests-1", o, cp::instruments::test::catalogue(),
                                          [&](const std::string& line) { progress.push_back(line); });
  EXPECT_FALSE(progress.empty());
  long long total = 0;
  for (const auto& [table, n] : r.rows_by_table) {
    total += n;
    const long long in_db = db->read([&](soci::session& s) { return cp::store::count_rows(s, table); });
    EXPECT_EQ(in_db, n) << table;
  }
  EXPECT_EQ(total, r.rows);
  EXPECT_EQ(r.rows_by_table.at("people"), 700);
  db->read([&](soci::session& s) {
    // Responses are scored by the catalogue: complete, with scores.
    long long scored = 0;
    s << "SELECT COUNT(*) FROM questionnaire_responses WHERE status = 'complete' AND scores LIKE '%\"scores\"%'",
        soci::into(scored);
    EXPECT_EQ(scored, r.rows_by_table.at("questionnaire_responses"));
    long long audits = 0, scale_audits = 0;
    s << "SELECT COUNT(*) FROM audit_log", soci::into(audits);
    s << "SELECT COUNT(*) FROM audit_log WHERE action = 'demo.scale'", soci::into(scale_audits);
    EXPECT_EQ(audits, 1);
    EXPECT_EQ(scale_audits, 1);
    EXPECT_EQ(cp::store::caseload_of_worker(s, 1).size(), 30u);
  });
  // New rows continue after the loaded ids (PostgreSQL sequences were moved past them).
  const long long next = db->write([](soci::session& s) {
    cp::store::PersonRow p;
    p.agency_id = 1;
    p.display_name = "Added after the load";
    return cp::store::insert_person(s, p, "2026-06-01T10:00:00.000Z");
  });
  EXPECT_EQ(next, 701);
  // The demo sign-in works with the one shared hash.
  cp::app::Service service(*db);
  auto login = service.login("demo-practitioner", "demo-password-for-tests-1", "test");
  EXPECT_TRUE(login.ok());
  // Only into an empty database.
  EXPECT_THROW(cp::app::seed_demo_scale(*db, "x", o, cp::instruments::test::catalogue(), [](const std::string&) {}),
               std::runtime_error);
}

}  // namespace
