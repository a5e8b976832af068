// tests/unit/store/audit_chain_test.cpp — the audit log is append-only and hash-chained:
// altering, deleting or truncating entries is detected (issue 2, "Application layer").
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "cp/store/audit_log.hpp"
#include "cp/store/database.hpp"
#include "support/test_db.hpp"

using namespace cp::store;
using cp::testing::ScopedEnv;
using cp::testing::TestDb;

namespace {
// Dropping the append-only guard, as someone with direct database access could.
void drop_guard(soci::session& s, const char* which) {
  if (backend_of(s) == Backend::postgresql)
    s << "DROP TRIGGER audit_log_no_change ON audit_log";
  else
    s << std::string("DROP TRIGGER ") + which;
}

void append_n(Database& db, int n) {
  for (int i = 0; i < n; ++i)
    db.write([&](soci::session& s) {
      AuditEntry e;
      e.at = "2026-11-21T10:00:00.000Z";
      e.account_id = 7;
      e.username = "demo-practitioner";
      e.role = "practitioner";
      e.action = "person.read";
      e.record_type = "person";
      e.record_id = std::to_string(i + 1);
      e.person_id = i + 1;
      e.outcome = "ok";
      e.address = "127.0.0.1";
      append_audit(s, e);
    });
}
}  // namespace

TEST(AuditChain, IntactChainVerifies) {
  TestDb tdb;
  auto db = Database::open(tdb.url());
  append_n(*db, 5);
  auto v = db->read([](soci::session& s) { return verify_audit(s); });
  EXPECT_TRUE(v.intact) << v.problem;
  EXPECT_EQ(v.entries, 5);
}

TEST(AuditChain, UpdateAndDeleteAreRefusedByTheDatabase) {
  TestDb tdb;
  auto db = Database::open(tdb.url());
  append_n(*db, 2);
  EXPECT_ANY_THROW(db->write([](soci::session& s) { s << "UPDATE audit_log SET outcome = 'refused' WHERE id = 1"; }));
  EXPECT_ANY_THROW(db->write([](soci::session& s) { s << "DELETE FROM audit_log WHERE id = 2"; }));
  EXPECT_TRUE(db->read([](soci::session& s) { return verify_audit(s); }).intact);
}

TEST(AuditChain, AlteringAnEntryBreaksVerification) {
  TestDb tdb;
  auto db = Database::open(tdb.url());
  append_n(*db, 4);
  // Someone with file access drops the guard and edits entry 2.
  db->write([](soci::session& s) {
    drop_guard(s, "audit_log_no_update");
    s << "UPDATE audit_log SET username = 'someone-else' WHERE id = 2";
  });
  auto v = db->read([](soci::session& s) { return verify_audit(s); });
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_bad_id, 2);
  EXPECT_NE(v.problem.find("altered"), std::string::npos) << v.problem;
}

TEST(AuditChain, DeletingAnEntryInTheMiddleOrAtTheEndIsDetected) {
  TestDb tdb;
  auto db = Database::open(tdb.url());
  append_n(*db, 4);
  db->write([](soci::session& s) {
    drop_guard(s, "audit_log_no_delete");
    s << "DELETE FROM audit_log WHERE id = 3";
  });
  auto v = db->read([](soci::session& s) { return verify_audit(s); });
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_bad_id, 4);

  TestDb tdb2;
  auto db2 = Database::open(tdb2.url());
  append_n(*db2, 3);
  db2->write([](soci::session& s) {
    drop_guard(s, "audit_log_no_delete");
    s << "DELETE FROM audit_log WHERE id = 3";
  });
  auto v2 = db2->read([](soci::session& s) { return verify_audit(s); });
  EXPECT_FALSE(v2.intact) << "truncation must be detected through audit_head";
  EXPECT_NE(v2.problem.find("removed"), std::string::npos) << v2.problem;
}

TEST(AuditChain, ReHashingAnAlteredEntryStillBreaksTheNextLink) {
  TestDb tdb;
  auto db = Database::open(tdb.url());
  append_n(*db, 3);
  db->write([](soci::session& s) {
    drop_guard(s, "audit_log_no_update");
    AuditEntry e;
    soci::row r;
    s << "SELECT id, at, account_id, username, role, action, record_type, record_id, person_id, outcome, detail, address, prev_hash FROM audit_log WHERE id = 1", soci::into(r);
    e.id = 1;
    e.at = r.get<std::string>(1);
    e.account_id = 7;
    e.username = "forged";
    e.role = r.get<std::string>(4);
    e.action = r.get<std::string>(5);
    e.record_type = r.get<std::string>(6);
    e.record_id = r.get<std::string>(7);
    e.person_id = 1;
    e.outcome = r.get<std::string>(9);
    e.detail = r.get<std::string>(10);
    e.address = r.get<std::string>(11);
    e.prev_hash = r.get<std::string>(12);
    const std::string h = audit_hash(e);
    s << "UPDATE audit_log SET username = 'forged', hash = :h WHERE id = 1", soci::use(h);
  });
  auto v = db->read([](soci::session& s) { return verify_audit(s); });
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_bad_id, 2);
}

TEST(AuditChain, AFailedAppendLeavesNoEntry) {
  TestDb tdb;
  auto db = Database::open(tdb.url());
  append_n(*db, 1);
  {
    ScopedEnv fault("CP_FAULT", "audit-append");
    EXPECT_ANY_THROW(append_n(*db, 1));
  }
  auto v = db->read([](soci::session& s) { return verify_audit(s); });
  EXPECT_TRUE(v.intact) << v.problem;
  EXPECT_EQ(v.entries, 1);
}

// Appends from separate connections (as from `cpi serve` and a CLI command, or two servers on
// one PostgreSQL database) still form one chain: the database serialises them (SQLite's write
// lock; PostgreSQL's row lock on audit_head), not this process's write mutex.
TEST(AuditChain, ConcurrentAppendsFromSeparateConnectionsFormOneChain) {
  TestDb tdb;
  { auto db = Database::open(tdb.url()); }
  constexpr int kWriters = 4, kEach = 25;
  std::vector<std::thread> writers;
  std::atomic<int> failures{0};
  for (int w = 0; w < kWriters; ++w)
    writers.emplace_back([&] {
      OpenOptions o;
      o.pool_size = 1;
      auto db = Database::open(tdb.url(), o);
      try {
        append_n(*db, kEach);
      } catch (const std::exception& e) {
        ++failures;
        ADD_FAILURE() << e.what();
      }
    });
  for (auto& t : writers) t.join();
  EXPECT_EQ(failures.load(), 0);
  auto db = Database::open(tdb.url());
  auto v = db->read([](soci::session& s) { return verify_audit(s); });
  EXPECT_TRUE(v.intact) << v.problem;
  EXPECT_EQ(v.entries, kWriters * kEach);
}
