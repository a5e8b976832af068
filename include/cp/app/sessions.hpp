// include/cp/app/sessions.hpp — signed-in sessions with idle and absolute timeouts, and the
// throttle on failed sign-ins per account and per address.
//
// Sessions live in the database (store/sign_in_sessions.hpp, migration 9), so every `cpi serve`
// process sharing a database honours them (no sticky sessions behind a proxy) and a restart
// signs nobody out. Only a SHA-256 of the session token is stored, so a copy of the database
// does not hand out sessions. Each request reads its session and the account (a deactivated
// account, or a changed role, takes effect at the next request); last_seen is written at most
// every min(60 s, idle / 30), so the idle timeout may end a session up to that much early.
// The sign-in throttle stays in each process's memory.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "cp/app/caller.hpp"

namespace cp::store {
class Database;
struct AccountRow;
}  // namespace cp::store

namespace cp::app {

// Wall-clock time: sessions are shared between processes (and survive restarts).
using Clock = std::chrono::system_clock;

struct SessionPolicy {
  std::chrono::seconds idle{30 * 60};       // signed out after this long without a request
  std::chrono::seconds absolute{12 * 3600};  // signed out this long after signing in, whatever
};

struct Session {
  Caller caller;
  std::string csrf_token;
  Clock::time_point created, last_seen;
};

class SessionStore {
 public:
  SessionStore(store::Database& db, SessionPolicy policy = {}) : db_(db), policy_(policy) {}
  // Creates a session for the signed-in account `caller.account_id` and returns its token (64
  // hex characters); expired sessions of anyone are deleted on the way.
  std::string create(const Caller& caller, std::string csrf_token, Clock::time_point now);
  // The live session for `token`, with the account as it is now; nullopt when there is none,
  // it has timed out or the account is no longer active (then it is deleted).
  std::optional<Session> touch(const std::string& token, Clock::time_point now);
  void remove(const std::string& token);
  std::size_t size();

 private:
  store::Database& db_;
  SessionPolicy policy_;
};

// The caller an account signs in as (address left empty: the transport sets it per request).
Caller caller_of(const store::AccountRow& account);

struct ThrottlePolicy {
  int per_account = 5;                  // failures within the window before an account locks
  int per_address = 50;                 // failures within the window before an address locks
  std::chrono::seconds window{15 * 60};
};

class LoginThrottle {
 public:
  explicit LoginThrottle(ThrottlePolicy policy = {}) : policy_(policy) {}
  // Seconds to wait when sign-in from this account or address is locked, else nullopt.
  std::optional<std::chrono::seconds> locked(const std::string& username,
                                             const std::string& address, Clock::time_point now);
  void failure(const std::string& username, const std::string& address, Clock::time_point now);
  void success(const std::string& username);

 private:
  std::optional<std::chrono::seconds> check(std::vector<Clock::time_point>& v, int limit,
                                            Clock::time_point now);
  ThrottlePolicy policy_;
  std::mutex mutex_;
  std::map<std::string, std::vector<Clock::time_point>> by_account_, by_address_;
};

}  // namespace cp::app
