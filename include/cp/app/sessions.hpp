// include/cp/app/sessions.hpp — signed-in sessions (in memory) with idle and absolute timeouts,
// and the throttle on failed sign-ins per account and per address.
//
// Only a SHA-256 of the session token is kept, so a memory dump does not hand out sessions.
// Sessions end when the server restarts (people sign in again); that is deliberate.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "cp/app/caller.hpp"

namespace cp::app {

using Clock = std::chrono::steady_clock;

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
  explicit SessionStore(SessionPolicy policy = {}) : policy_(policy) {}
  // Creates a session and returns its token (64 hex characters).
  std::string create(const Caller& caller, std::string csrf_token, Clock::time_point now);
  // The live session for `token`, its last_seen moved to `now`; expired sessions are removed.
  std::optional<Session> touch(const std::string& token, Clock::time_point now);
  void remove(const std::string& token);
  std::size_t size();

 private:
  SessionPolicy policy_;
  std::mutex mutex_;
  std::map<std::string, Session> by_hash_;
};

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
