// src/app/sessions.cpp — session store and sign-in throttle.
#include "cp/app/sessions.hpp"

#include <algorithm>

#include "cp/app/passwords.hpp"
#include "cp/store/database.hpp"
#include "cp/store/records.hpp"
#include "cp/store/sign_in_sessions.hpp"

namespace cp::app {

namespace {

long long to_ms(Clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

Clock::time_point from_ms(long long ms) {
  return Clock::time_point(std::chrono::duration_cast<Clock::duration>(std::chrono::milliseconds(ms)));
}

long long ms(std::chrono::seconds s) { return std::chrono::duration_cast<std::chrono::milliseconds>(s).count(); }

}  // namespace

Caller caller_of(const store::AccountRow& a) {
  Caller c;
  c.account_id = a.id;
  c.username = a.username;
  c.display_name = a.display_name;
  c.role = domain::role_from_string(a.role).value_or(domain::Role::person);
  c.agency_id = a.agency_id;
  c.team_id = a.team_id;
  c.worker_id = a.worker_id;
  c.person_id = a.person_id;
  return c;
}

std::string SessionStore::create(const Caller& caller, std::string csrf_token,
                                 Clock::time_point now) {
  std::string token = random_hex(32);
  const long long t = to_ms(now);
  db_.write([&](soci::session& s) {
    // Drop expired sessions now and then, so the table does not grow without bound.
    store::delete_expired_sign_in_sessions(s, t - ms(policy_.idle), t - ms(policy_.absolute));
    store::insert_sign_in_session(s, {sha256_hex(token), caller.account_id, std::move(csrf_token), t, t});
  });
  return token;
}

std::optional<Session> SessionStore::touch(const std::string& token, Clock::time_point now) {
  if (token.size() != 64) return std::nullopt;
  const std::string key = sha256_hex(token);
  const long long t = to_ms(now);
  auto [row, account] = db_.read([&](soci::session& s) {
    auto r = store::sign_in_session(s, key);
    std::optional<store::AccountRow> a;
    if (r) a = store::account_by_id(s, r->account_id);
    return std::pair{std::move(r), std::move(a)};
  });
  if (!row) return std::nullopt;
  if (t - row->last_seen_ms > ms(policy_.idle) || t - row->created_ms > ms(policy_.absolute) || !account ||
      !account->active) {
    db_.write([&](soci::session& s) { store::delete_sign_in_session(s, key); });
    return std::nullopt;
  }
  // Write last_seen only now and then: a write per request would cost every request a commit.
  const long long touch_every = std::min<long long>(60'000, ms(policy_.idle) / 30);
  if (t - row->last_seen_ms >= touch_every)
    db_.write([&](soci::session& s) { store::touch_sign_in_session(s, key, t); });
  return Session{caller_of(*account), std::move(row->csrf_token), from_ms(row->created_ms), now};
}

void SessionStore::remove(const std::string& token) {
  const std::string key = sha256_hex(token);
  db_.write([&](soci::session& s) { store::delete_sign_in_session(s, key); });
}

std::size_t SessionStore::size() {
  return static_cast<std::size_t>(db_.read([](soci::session& s) { return store::count_sign_in_sessions(s); }));
}

std::optional<std::chrono::seconds> LoginThrottle::check(std::vector<Clock::time_point>& v,
                                                         int limit, Clock::time_point now) {
  v.erase(std::remove_if(v.begin(), v.end(), [&](auto t) { return now - t > policy_.window; }),
          v.end());
  if (static_cast<int>(v.size()) < limit) return std::nullopt;
  // Locked until the oldest failure in the window leaves it.
  const auto wait = std::chrono::duration_cast<std::chrono::seconds>(v.front() + policy_.window - now);
  return std::max(wait, std::chrono::seconds{1});
}

std::optional<std::chrono::seconds> LoginThrottle::locked(const std::string& username,
                                                          const std::string& address,
                                                          Clock::time_point now) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto a = check(by_account_[username], policy_.per_account, now);
  auto b = check(by_address_[address], policy_.per_address, now);
  if (a && b) return std::max(*a, *b);
  return a ? a : b;
}

void LoginThrottle::failure(const std::string& username, const std::string& address,
                            Clock::time_point now) {
  std::lock_guard<std::mutex> lock(mutex_);
  by_account_[username].push_back(now);
  by_address_[address].push_back(now);
}

void LoginThrottle::success(const std::string& username) {
  std::lock_guard<std::mutex> lock(mutex_);
  by_account_.erase(username);
}

}  // namespace cp::app
