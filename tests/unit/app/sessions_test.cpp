// tests/unit/app/sessions_test.cpp — idle and absolute session timeouts; throttle windows.
#include <gtest/gtest.h>

#include "cp/app/sessions.hpp"

using namespace cp::app;
using namespace std::chrono_literals;

TEST(Sessions, IdleTimeoutEndsASessionButActivityKeepsItAlive) {
  SessionStore store({10s, 100s});
  const auto t0 = Clock::time_point{} + 1000s;
  Caller c;
  c.username = "u";
  auto token = store.create(c, "csrf", t0);
  EXPECT_EQ(token.size(), 64u);
  EXPECT_TRUE(store.touch(token, t0 + 9s));
  EXPECT_TRUE(store.touch(token, t0 + 18s));  // 9 s after the last request
  EXPECT_FALSE(store.touch(token, t0 + 29s)); // 11 s idle
  EXPECT_FALSE(store.touch(token, t0 + 30s)) << "an expired session stays gone";
}

TEST(Sessions, AbsoluteTimeoutEndsEvenABusySession) {
  SessionStore store({10s, 30s});
  const auto t0 = Clock::time_point{} + 1000s;
  auto token = store.create(Caller{}, "csrf", t0);
  for (int i = 5; i <= 30; i += 5) EXPECT_TRUE(store.touch(token, t0 + std::chrono::seconds(i)));
  EXPECT_FALSE(store.touch(token, t0 + 31s));
}

TEST(Sessions, UnknownAndRemovedTokensAreRefused) {
  SessionStore store;
  const auto t0 = Clock::time_point{} + 1000s;
  auto token = store.create(Caller{}, "csrf", t0);
  EXPECT_FALSE(store.touch(std::string(64, 'a'), t0));
  EXPECT_FALSE(store.touch("short", t0));
  store.remove(token);
  EXPECT_FALSE(store.touch(token, t0));
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
