// tests/unit/store/store_test.cpp — opening, migrations (incl. a newer schema and an injected
// failure), foreign keys, transactions and backup (issue 2, "Store"); run on SQLite and on
// PostgreSQL (support/test_db.hpp, issue 8).
#include <gtest/gtest.h>

#include "cp/store/database.hpp"
#include "cp/store/migrations.hpp"
#include "cp/store/records.hpp"
#include "support/test_db.hpp"

using namespace cp::store;
using cp::testing::ScopedEnv;
using cp::testing::TempDir;
using cp::testing::TestDb;

TEST(Store, FreshDatabaseReachesTheLatestSchemaInWalModeWithForeignKeys) {
  TestDb tdb;
  auto db = Database::open(tdb.url());
  EXPECT_EQ(db->schema_version(), latest_schema_version());
  EXPECT_EQ(db->backend(), tdb.postgresql() ? Backend::postgresql : Backend::sqlite);
  if (!tdb.postgresql()) {
    std::string mode;
    int fk = 0;
    db->read([&](soci::session& s) {
      s << "PRAGMA journal_mode", soci::into(mode);
      s << "PRAGMA foreign_keys", soci::into(fk);
    });
    EXPECT_EQ(mode, "wal");
    EXPECT_EQ(fk, 1);
  } else {
    // The location shown to operators never carries a password.
    EXPECT_EQ(db->location().rfind("postgresql://", 0), 0u) << db->location();
  }
  // Opening again applies nothing and keeps the version.
  db.reset();
  auto again = Database::open(tdb.url());
  EXPECT_EQ(again->schema_version(), latest_schema_version());
}

TEST(Store, RefusesADatabaseWrittenByANewerVersion) {
  TestDb tdb;
  {
    auto db = Database::open(tdb.url());
    db->write([](soci::session& s) {
      s << "INSERT INTO schema_migrations (version, applied_at, description) VALUES (999, 'x', 'future')";
    });
  }
  try {
    Database::open(tdb.url());
    FAIL() << "expected a StoreError";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("newer version"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("999"), std::string::npos);
  }
}

TEST(Store, AFailedMigrationLeavesNothingBehind) {
  TestDb tdb;
  {
    ScopedEnv fault("CP_FAULT", "migration:1");
    EXPECT_THROW(Database::open(tdb.url()), StoreError);
  }
  OpenOptions no_migrate;
  no_migrate.apply_migrations = false;
  auto db = Database::open(tdb.url(), no_migrate);
  EXPECT_EQ(db->schema_version(), 0);
  int tables = 0;
  db->read([&](soci::session& s) {
    if (tdb.postgresql())
      s << "SELECT COUNT(*) FROM pg_catalog.pg_tables WHERE tablename = 'people'", soci::into(tables);
    else
      s << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'people'", soci::into(tables);
  });
  EXPECT_EQ(tables, 0) << "the half-applied migration must be rolled back";
  db.reset();
  auto fixed = Database::open(tdb.url());  // without the fault it completes
  EXPECT_EQ(fixed->schema_version(), latest_schema_version());
}

TEST(Store, ForeignKeysAreEnforced) {
  TestDb tdb;
  auto db = Database::open(tdb.url());
  EXPECT_ANY_THROW(db->write([](soci::session& s) { insert_team(s, 12345, "Nowhere"); }));
  EXPECT_EQ(db->read([](soci::session& s) { return count_rows(s, "teams"); }), 0);
}

TEST(Store, AWriteThatThrowsIsRolledBackWhole) {
  TestDb tdb;
  auto db = Database::open(tdb.url());
  EXPECT_THROW(db->write([](soci::session& s) {
    insert_agency(s, "A", "nhs", "2026-01-01T00:00:00.000Z");
    throw std::runtime_error("boom");
  }),
               std::runtime_error);
  EXPECT_EQ(db->read([](soci::session& s) { return count_rows(s, "agencies"); }), 0);
}

TEST(Store, OnlineBackupIsVerifiedAndRefusesToOverwrite) {
  if (cp::testing::testing_postgresql()) GTEST_SKIP() << "SQLite online backup API; PostgreSQL backups use pg_dump";
  TempDir dir;
  auto db = Database::open(dir.file("f.db"));
  db->write([](soci::session& s) { insert_agency(s, "Agency", "nhs", "2026-01-01T00:00:00.000Z"); });
  db->backup_to(dir.file("copy.db"));
  OpenOptions ro;
  ro.create = false;
  auto copy = Database::open(dir.file("copy.db"), ro);
  EXPECT_EQ(copy->read([](soci::session& s) { return count_rows(s, "agencies"); }), 1);
  EXPECT_EQ(copy->integrity_check(), "ok");
  EXPECT_THROW(db->backup_to(dir.file("copy.db")), StoreError);
}

TEST(Store, MissingFileWithoutCreateIsAClearError) {
  if (cp::testing::testing_postgresql()) GTEST_SKIP() << "about SQLite files";
  TempDir dir;
  OpenOptions o;
  o.create = false;
  try {
    Database::open(dir.file("nope.db"), o);
    FAIL();
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("cpi init"), std::string::npos);
  }
}
