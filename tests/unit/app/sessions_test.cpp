// tests/unit/app/sessions_test.cpp — sessions in the database (both backends): idle and absolute
// timeouts, shared between processes, the account read at each request; throttle windows.
#include <gtest/gtest.h>

#include "cp/app/sessions.hpp"
#include "cp/store/records.hpp"
#include "support/test_db.hpp"

using namespace cp::app;
using namespace std::chrono_literals;

namespace {

// A database with one active account to sign in as (sessions refer to accounts).
struct SessionsDb {
  cp::testing::TestDb tdb;
  std::unique_ptr<cp::store::Database> db = cp::store::Database::open(tdb.url());
  Caller caller = [this] {
    cp::store::AccountRow a;
    a.username = "u";
    a.display_name = "U";
    a.password_hash = "-";
    a.role = "researcher";
    Caller c;
    c.account_id = db->write([&](soci::session& s) { return cp::store::insert_account(s, a, "2026-01-01T00:00:00Z"); });
    c.username = "u";
    return c;
  }();
};

}  // namespace

TEST(Sessions, IdleTimeoutEndsASessionButActivityKeepsItAlive) {
  SessionsDb d;
  SessionStore store(*d.db, {10s, 100s});
  const auto t0 = Clock::time_point{} + 1000s;
  auto token = store.create(d.caller, "csrf", t0);
  EXPECT_EQ(token.size(), 64u);
  EXPECT_TRUE(store.touch(token, t0 + 9s));
  EXPECT_TRUE(store.touch(token, t0 + 18s));  // 9 s after the last request
  EXPECT_FALSE(store.touch(token, t0 + 29s)); // 11 s idle
  EXPECT_FALSE(store.touch(token, t0 + 30s)) << "an expired session stays gone";
  EXPECT_EQ(store.size(), 0u) << "and its row is deleted";
}

TEST(Sessions, AbsoluteTimeoutEndsEvenABusySession) {
  SessionsDb d;
  SessionStore store(*d.db, {10s, 30s});
  const auto t0 = Clock::time_point{} + 1000s;
  auto token = store.create(d.caller, "csrf", t0);
  for (int i = 5; i <= 30; i += 5) EXPECT_TRUE(store.touch(token, t0 + std::chrono::seconds(i)));
  EXPECT_FALSE(store.touch(token, t0 + 31s));
}

TEST(Sessions, UnknownAndRemovedTokensAreRefused) {
  SessionsDb d;
  SessionStore store(*d.db);
  const auto t0 = Clock::time_point{} + 1000s;
  auto token = store.create(d.caller, "csrf", t0);
  EXPECT_FALSE(store.touch(std::string(64, 'a'), t0));
  EXPECT_FALSE(store.touch("short", t0));
  store.remove(token);
  EXPECT_FALSE(store.touch(token, t0));
}

// Two server processes on one database (two Database handles here): a session made by one is
// honoured by the other, with the same CSRF token, and signing out on one ends it on both. Only
// the token's hash is stored.
TEST(Sessions, SharedByEveryProcessOnTheDatabase) {
  SessionsDb d;
  auto other_db = cp::store::Database::open(d.tdb.url());
  SessionStore one(*d.db), other(*other_db);
  const auto t0 = Clock::time_point{} + 1000s;
  const auto token = one.create(d.caller, "the-csrf", t0);
  auto seen = other.touch(token, t0 + 1s);
  ASSERT_TRUE(seen);
  EXPECT_EQ(seen->caller.account_id, d.caller.account_id);
  EXPECT_EQ(seen->caller.role, cp::domain::Role::researcher);
  EXPECT_EQ(seen->csrf_token, "the-csrf");
  const auto stored = d.db->read([](soci::session& s) {
    std::string h;
    s << "SELECT token_hash FROM sign_in_sessions", soci::into(h);
    return h;
  });
  EXPECT_NE(stored, token);
  EXPECT_EQ(stored.size(), 64u);
  other.remove(token);
  EXPECT_FALSE(one.touch(token, t0 + 2s));
}

// The account as it is now: a deactivated account's sessions end at its next request, and a
// changed role applies at once.
TEST(Sessions, TheAccountIsReadAtEveryRequest) {
  SessionsDb d;
  SessionStore store(*d.db);
  const auto t0 = Clock::time_point{} + 1000s;
  const auto token = store.create(d.caller, "csrf", t0);
  d.db->write([&](soci::session& s) { s << "UPDATE accounts SET role = 'system_admin'"; });
  auto seen = store.touch(token, t0 + 1s);
  ASSERT_TRUE(seen);
  EXPECT_EQ(seen->caller.role, cp::domain::Role::system_admin);
  d.db->write([&](soci::session& s) { s << "UPDATE accounts SET active = 0"; });
  EXPECT_FALSE(store.touch(token, t0 + 2s));
  EXPECT_EQ(store.size(), 0u);
}

// Touching writes last_seen at most every min(60 s, idle / 30), and then it moves forward.
TEST(Sessions, LastSeenIsWrittenNowAndThen) {
  SessionsDb d;
  SessionStore store(*d.db, {30min, 12h});
  const auto t0 = Clock::time_point{} + 1000s;
  const auto token = store.create(d.caller, "csrf", t0);
  auto last_seen = [&] {
    return d.db->read([](soci::session& s) {
      long long v = 0;
      s << "SELECT last_seen_ms FROM sign_in_sessions", soci::into(v);
      return v;
    });
  };
  const long long created = last_seen();
  ASSERT_TRUE(store.touch(token, t0 + 30s));
  EXPECT_EQ(last_seen(), created) << "not written 30 s later";
  ASSERT_TRUE(store.touch(token, t0 + 61s));
  EXPECT_EQ(last_seen(), created + 61'000);
  EXPECT_FALSE(store.touch(token, t0 + 61s + 31min)) << "31 min idle since the stored time";
}

TEST(Throttle, LocksAnAccountAfterTheLimitAndUnlocksWhenTheWindowPasses) {
  LoginThrottle t({3, 100, 60s});
  const auto t0 = Clock::time_point{} + 1000s;
  for (int i = 0; i < 3; ++i) {
    EXPECT_FALSE(t.locked("a", "ip", t0 + std::chrono::seconds(i)));
    t.failure("a", "ip", t0 + std::chrono::seconds(i));
  }
  auto wait = t.locked("a", "ip", t0 + 3s);
  ASSERT_TRUE(wait);
  EXPECT_EQ(wait->count(), 57);
  EXPECT_FALSE(t.locked("b", "ip2", t0 + 3s)) << "other accounts are not affected";
  EXPECT_FALSE(t.locked("a", "ip", t0 + 61s));
}

TEST(Throttle, LocksAnAddressAcrossAccounts) {
  LoginThrottle t({100, 4, 60s});
  const auto t0 = Clock::time_point{} + 1000s;
  for (int i = 0; i < 4; ++i) t.failure("user" + std::to_string(i), "10.0.0.9", t0);
  EXPECT_TRUE(t.locked("fresh-user", "10.0.0.9", t0 + 1s));
  EXPECT_FALSE(t.locked("fresh-user", "10.0.0.8", t0 + 1s));
}
