// tests/unit/store/versioned_test.cpp — optimistic concurrency (issue 8): a versioned UPDATE
// succeeds only on the current version, and many concurrent writers lose no update, on SQLite
// and on PostgreSQL (support/test_db.hpp).
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "cp/store/database.hpp"
#include "cp/store/versioned.hpp"
#include "support/test_db.hpp"

using namespace cp::store;
using cp::testing::TestDb;

namespace {

void create_table(Database& db) {
  db.write([](soci::session& s) {
    s << "CREATE TABLE tally (id BIGINT PRIMARY KEY, label TEXT NOT NULL, counter BIGINT NOT NULL, "
         "version BIGINT NOT NULL DEFAULT 1)";
    s << "INSERT INTO tally (id, label, counter) VALUES (1, 'start', 0)";
  });
}

struct Tally {
  long long counter = 0, version = 0;
  std::string label;
};

Tally read_tally(Database& db) {
  return db.read([](soci::session& s) {
    Tally t;
    s << "SELECT counter, version, label FROM tally WHERE id = 1", soci::into(t.counter),
        soci::into(t.version), soci::into(t.label);
    return t;
  });
}

}  // namespace

TEST(Versioned, UpdatesOnlyTheCurrentVersionAndReportsConflictsAndMissingRecords) {
  TestDb tdb;
  auto db = Database::open(tdb.url());
  create_table(*db);

  const std::string label = "first edit";
  auto r = db->write([&](soci::session& s) {
    return update_versioned(s, "tally", 1, 1, "label = :label", soci::use(label));
  });
  EXPECT_EQ(r.outcome, VersionedOutcome::updated);
  EXPECT_EQ(r.version, 2);
  EXPECT_EQ(read_tally(*db).label, "first edit");

  // A client still holding version 1 is refused and told the current version; nothing changes.
  const std::string stale = "stale edit";
  r = db->write([&](soci::session& s) {
    return update_versioned(s, "tally", 1, 1, "label = :label", soci::use(stale));
  });
  EXPECT_EQ(r.outcome, VersionedOutcome::conflict);
  EXPECT_EQ(r.version, 2);
  const auto after = read_tally(*db);
  EXPECT_EQ(after.label, "first edit");
  EXPECT_EQ(after.version, 2);

  r = db->write([&](soci::session& s) {
    return update_versioned(s, "tally", 99, 1, "label = :label", soci::use(stale));
  });
  EXPECT_EQ(r.outcome, VersionedOutcome::not_found);

  // Several bound values, in the order they appear in the SET clause.
  const long long counter = 41;
  const std::string label2 = "two values";
  r = db->write([&](soci::session& s) {
    return update_versioned(s, "tally", 1, 2, "counter = :c, label = :l", soci::use(counter), soci::use(label2));
  });
  EXPECT_TRUE(r.ok());
  const auto last = read_tally(*db);
  EXPECT_EQ(last.counter, 41);
  EXPECT_EQ(last.label, "two values");
  EXPECT_EQ(last.version, 3);
}

// Each client reads the record, then writes counter + 1 with the version it read — the classic
// lost-update pattern. Every attempt must either succeed or conflict; the final version is the
// number of successes + 1, and the counter equals the number of successes (no increment lost).
// Each client has its own Database (its own connections and, on PostgreSQL, truly concurrent
// transactions: the in-process write mutex does not serialise them).
TEST(Versioned, ConcurrentClientsLoseNoUpdate) {
  TestDb tdb;
  {
    auto db = Database::open(tdb.url());
    create_table(*db);
  }
  constexpr int kClients = 6, kAttempts = 30;
  std::atomic<int> successes{0}, conflicts{0}, errors{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&] {
      OpenOptions o;
      o.pool_size = 2;
      auto db = Database::open(tdb.url(), o);
      for (int i = 0; i < kAttempts; ++i) {
        try {
          const Tally seen = read_tally(*db);
          const long long next = seen.counter + 1;
          std::this_thread::yield();
          auto r = db->write([&](soci::session& s) {
            return update_versioned(s, "tally", 1, seen.version, "counter = :c", soci::use(next));
          });
          if (r.outcome == VersionedOutcome::updated)
            ++successes;
          else if (r.outcome == VersionedOutcome::conflict && r.version > seen.version)
            ++conflicts;
          else
            ++errors;
        } catch (const std::exception& e) {
          ++errors;
          ADD_FAILURE() << e.what();
        }
      }
    });
  }
  for (auto& t : clients) t.join();
  auto db = Database::open(tdb.url());
  const auto final_state = read_tally(*db);
  EXPECT_EQ(errors.load(), 0);
  EXPECT_EQ(successes + conflicts, kClients * kAttempts);
  EXPECT_GT(successes.load(), 0);
  EXPECT_EQ(final_state.version, successes + 1);
  EXPECT_EQ(final_state.counter, successes.load()) << "an update was lost";
  RecordProperty("successes", successes.load());
  RecordProperty("conflicts", conflicts.load());
  std::printf("%s: %d updates, %d conflicts (409)\n", tdb.postgresql() ? "postgresql" : "sqlite",
              successes.load(), conflicts.load());
}
