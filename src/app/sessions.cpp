// src/app/sessions.cpp — session store and sign-in throttle.
#include "cp/app/sessions.hpp"

#include <algorithm>

#include "cp/app/passwords.hpp"

namespace cp::app {

std::string SessionStore::create(const Caller& caller, std::string csrf_token,
                                 Clock::time_point now) {
  std::string token = random_hex(32);
  std::lock_guard<std::mutex> lock(mutex_);
  // Drop expired sessions now and then, so the map does not grow without bound.
  for (auto it = by_hash_.begin(); it != by_hash_.end();) {
    const bool expired = now - it->second.last_seen > policy_.idle ||
                         now - it->second.created > policy_.absolute;
    it = expired ? by_hash_.erase(it) : std::next(it);
  }
  by_hash_[sha256_hex(token)] = Session{caller, std::move(csrf_token), now, now};
  return token;
}

std::optional<Session> SessionStore::touch(const std::string& token, Clock::time_point now) {
  if (token.size() != 64) return std::nullopt;
  const std::string key = sha256_hex(token);
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = by_hash_.find(key);
  if (it == by_hash_.end()) return std::nullopt;
  if (now - it->second.last_seen > policy_.idle || now - it->second.created > policy_.absolute) {
    by_hash_.erase(it);
    return std::nullopt;
  }
  it->second.last_seen = now;
  return it->second;
}

void SessionStore::remove(const std::string& token) {
  const std::string key = sha256_hex(token);
  std::lock_guard<std::mutex> lock(mutex_);
  by_hash_.erase(key);
}

std::size_t SessionStore::size() {
  std::lock_guard<std::mutex> lock(mutex_);
  return by_hash_.size();
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
