// tests/unit/app/research_exports_test.cpp — research exports in the store (issue 8 part 5), on
// SQLite and (the .pg variant) PostgreSQL, with the demo data: the postcode → IMD decile lookup
// loads all rows or none and replaces a postcode already there (ON CONFLICT on both backends);
// an export holds exactly the consented participants, each with the age at recruitment and the
// decile of their postcode (empty when the lookup has none), under their study pseudonym; only
// researchers and the operator export; refusals and exports are audited; read from a copy (as from
// a streaming replica) with the primary as the audit database, the data come from the copy and
// the audit rows and the pseudonym key from the primary.
#include "cp/app/research_exports.hpp"

#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "cp/app/demo.hpp"
#include "cp/app/studies.hpp"
#include "cp/store/audit_log.hpp"
#include "cp/store/copy.hpp"
#include "cp/store/exports.hpp"
#include "cp/store/records.hpp"
#include "cp/store/studies.hpp"
#include "support/test_db.hpp"

using namespace cp;
using cp::testing::TestDb;

namespace {

class ResearchExportsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db = store::Database::open(tdb.url());
    ASSERT_TRUE(app::seed_demo(*db, "a-demo-password").seeded);
    service = std::make_unique<app::Service>(*db);
    exports = std::make_unique<app::ResearchExports>(*service);
    researcher = sign_in("demo-researcher");
    practitioner = sign_in("demo-practitioner");
    op.username = "cli:test";
    op.role = domain::Role::system_admin;  // account id 0: the operator
  }
  app::Caller sign_in(const std::string& user) {
    auto r = service->login(user, "a-demo-password", "127.0.0.1");
    EXPECT_TRUE(r.ok()) << user;
    return r->session.caller;
  }
  std::string last_action_outcome() {
    auto e = db->read([](soci::session& s) { return store::recent_audit(s, 1); }).front();
    return e.action + " " + e.outcome + " " + e.username;
  }
  // The long CSV as (record, wave, variable) → value. Values hold no commas or quotes.
  std::map<std::tuple<std::string, std::string, std::string>, std::string> long_values(
      const app::ExportResult& r) {
    std::map<std::tuple<std::string, std::string, std::string>, std::string> out;
    std::istringstream in(r.files.at(0).bytes);
    std::string line;
    std::getline(in, line);
    EXPECT_EQ(line, "record_id,wave,variable,value\r");
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      std::vector<std::string> f;
      std::stringstream ss(line);
      for (std::string x; std::getline(ss, x, ',');) f.push_back(x);
      if (f.size() == 3) f.push_back("");
      EXPECT_EQ(f.size(), 4u) << line;
      if (f.size() == 4) out[{f[0], f[1], f[2]}] = f[3];
    }
    return out;
  }

  TestDb tdb;
  std::unique_ptr<store::Database> db;
  std::unique_ptr<app::Service> service;
  std::unique_ptr<app::ResearchExports> exports;
  app::Caller researcher, practitioner, op;
};

// Issue 8 part 5: the lookup is the system's, all or nothing, normalised, replaceable.
TEST_F(ResearchExportsTest, DeprivationImportAllOrNothingAndReplaces) {
  const std::string demo_pc = app::demo_postcode(0);  // in the demo lookup already
  auto bad = exports->import_deprivation(op, {{"zz1 1aa", 4}, {"ZZ1 1AB", 0}}, "test");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "rows[1].imd_decile");
  EXPECT_EQ(bad.error().kind, ErrorKind::invalid_input);
  EXPECT_FALSE(db->read([](soci::session& s) { return store::postcode_decile(s, "ZZ11AA"); }));
  auto badpc = exports->import_deprivation(op, {{"ZZ1-1AA", 4}}, "test");
  ASSERT_FALSE(badpc);
  EXPECT_EQ(badpc.error().field, "rows[0].postcode");

  auto ok = exports->import_deprivation(op, {{"zz1 1aa", 4}, {demo_pc, 10}}, "ONSPD test");
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(*ok, 2u);
  EXPECT_EQ(db->read([](soci::session& s) { return store::postcode_decile(s, "ZZ11AA"); }), 4);
  EXPECT_EQ(db->read([&](soci::session& s) {
    return store::postcode_decile(s, store::normalise_postcode(demo_pc));
  }),
            10);
  EXPECT_EQ(last_action_outcome(), "deprivation.import ok cli:test");

  auto refused = exports->import_deprivation(researcher, {{"zz1 1aa", 5}}, "test");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::forbidden);
  EXPECT_EQ(last_action_outcome(), "deprivation.import refused demo-researcher");
}

// Issue 8 part 5: consented participants only, age and decile per person, under their pseudonym.
TEST_F(ResearchExportsTest, ExportHoldsConsentedParticipantsWithAgeAndDecile) {
  const long long study = 1;
  auto r = exports->run(researcher, study, app::ExportFormat::long_csv);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(last_action_outcome(), "study.export ok demo-researcher");
  const auto values = long_values(*r);
  // Expected values straight from the store.
  struct Want {
    std::string pseudonym, age, decile;
    bool in = false;
  };
  std::vector<Want> want;
  db->write([&](soci::session& s) {
    for (const auto& p : store::participants_of_study(s, study)) {
      const auto person = *store::person_by_id(s, p.person_id);
      Want w;
      w.pseudonym = app::study_pseudonym(s, "study:1", "person", p.person_id);
      w.in = app::research_use_consented(p);
      w.age = std::to_string(
          *app::age_in_years(*person.date_of_birth, p.recruited_on.value_or(p.assessed_on)));
      auto d = store::postcode_decile(s, store::normalise_postcode(person.postcode.value_or("")));
      w.decile = d ? std::to_string(*d) : "";
      want.push_back(w);
    }
  });
  std::size_t in = 0, without_decile = 0;
  for (const auto& w : want) {
    const bool present = values.count({w.pseudonym, "baseline", "arm"}) > 0;
    EXPECT_EQ(present, w.in) << w.pseudonym;
    if (!w.in) continue;
    ++in;
    EXPECT_EQ(values.at({w.pseudonym, "baseline", "age"}), w.age);
    auto d = values.find({w.pseudonym, "baseline", "imd_decile"});
    EXPECT_EQ(d == values.end() ? "" : d->second, w.decile) << w.pseudonym;
    if (w.decile.empty()) ++without_decile;
  }
  EXPECT_EQ(r->records, in);
  EXPECT_GT(in, 20u);
  EXPECT_GT(without_decile, 0u) << "the demo leaves district NB9 out of the lookup";
  EXPECT_LT(without_decile, in);
}

TEST_F(ResearchExportsTest, OnlyResearchersAndTheOperatorExport) {
  auto refused = exports->run(practitioner, 1, app::ExportFormat::redcap);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::forbidden);
  EXPECT_EQ(last_action_outcome(), "study.export refused demo-practitioner");
  EXPECT_EQ(exports->run(researcher, 999, app::ExportFormat::redcap).error().kind,
            ErrorKind::not_found);
  auto by_operator = exports->run(op, 1, app::ExportFormat::spss);
  ASSERT_TRUE(by_operator) << by_operator.error().message;
  ASSERT_EQ(by_operator->files.size(), 2u);
  EXPECT_EQ(by_operator->files[0].name, "study_1.sav");
  EXPECT_EQ(by_operator->files[0].bytes.substr(0, 4), "$FL2");
  auto ids = exports->exportable_studies(op);
  ASSERT_TRUE(ids);
  EXPECT_EQ(*ids, std::vector<long long>{1});
  EXPECT_FALSE(exports->exportable_studies(practitioner));
  EXPECT_EQ(app::parse_export_format("long"), app::ExportFormat::long_csv);
  EXPECT_FALSE(app::parse_export_format("xlsx"));
}

long long audit_rows(store::Database& d) {
  return d.read([](soci::session& s) { return store::count_rows(s, "audit_log"); });
}

// Issue 8 part 8: research reads from a read-only replica, audited on the primary
// (app/research_read.hpp). The "replica" is a copy of the primary without a pseudonym key; on
// PostgreSQL it is opened read-only (default_transaction_read_only), so any write would fail.
TEST_F(ResearchExportsTest, ReadFromAReplicaAuditsOnThePrimary) {
  const auto direct = exports->run(researcher, 1, app::ExportFormat::long_csv);
  ASSERT_TRUE(direct) << direct.error().message;
  app::Studies studies(*service);
  const auto direct_dataset = studies.analysis_dataset(researcher, 1, {});
  ASSERT_TRUE(direct_dataset) << direct_dataset.error().message;

  TestDb copy_db;
  {
    auto copy = store::Database::open(copy_db.url());
    store::copy_database(*db, *copy);
    copy->write([](soci::session& s) { s << "DELETE FROM settings WHERE key = 'pseudonym_key'"; });
  }
  std::string replica_url = copy_db.url();
  if (copy_db.postgresql()) replica_url += "?options=-c%20default_transaction_read_only%3Don";
  store::OpenOptions ro;
  ro.create = false;
  auto replica = store::Database::open(replica_url, ro);
  EXPECT_EQ(replica->refuses_writes(), copy_db.postgresql());
  EXPECT_FALSE(db->refuses_writes());
  if (copy_db.postgresql())
    EXPECT_THROW(replica->write([](soci::session& s) { s << "DELETE FROM settings"; }),
                 soci::soci_error)
        << "the option is in force";

  app::Service on_replica(*replica);
  on_replica.set_audit_database(*db);
  app::ResearchExports replica_exports(on_replica);
  const long long primary_before = audit_rows(*db), replica_before = audit_rows(*replica);
  const auto via = replica_exports.run(researcher, 1, app::ExportFormat::long_csv);
  ASSERT_TRUE(via) << via.error().message;
  EXPECT_EQ(long_values(*via), long_values(*direct)) << "same pseudonyms: the primary's key";
  EXPECT_EQ(via->records, direct->records);
  EXPECT_EQ(audit_rows(*db), primary_before + 1);
  EXPECT_EQ(last_action_outcome(), "study.export ok demo-researcher");
  EXPECT_EQ(audit_rows(*replica), replica_before) << "nothing written to the replica";

  const auto refused = replica_exports.run(practitioner, 1, app::ExportFormat::redcap);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::forbidden);
  EXPECT_EQ(last_action_outcome(), "study.export refused demo-practitioner");

  app::Studies replica_studies(on_replica);
  const auto dataset = replica_studies.analysis_dataset(researcher, 1, {});
  ASSERT_TRUE(dataset) << dataset.error().message;
  EXPECT_EQ(dataset->to_csv(), direct_dataset->to_csv());
  EXPECT_EQ(last_action_outcome(), "study.dataset ok demo-researcher");
  EXPECT_EQ(audit_rows(*db), primary_before + 3);
  EXPECT_EQ(audit_rows(*replica), replica_before);
}

}  // namespace
