// include/cp/store/sign_in_sessions.hpp — the sign_in_sessions table (migration 9): one row per
// live sign-in, keyed by the SHA-256 of the session token (the token itself is never stored).
// Times are milliseconds since the Unix epoch. The rules (timeouts, when to touch) live in
// app/sessions.hpp.
#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>

namespace cp::store {

struct SignInSessionRow {
  std::string token_hash;
  long long account_id = 0;
  std::string csrf_token;
  long long created_ms = 0, last_seen_ms = 0;
};

void insert_sign_in_session(soci::session& s, const SignInSessionRow& row);
std::optional<SignInSessionRow> sign_in_session(soci::session& s, const std::string& token_hash);
// Moves last_seen forward (never back, whichever process writes first).
void touch_sign_in_session(soci::session& s, const std::string& token_hash, long long last_seen_ms);
void delete_sign_in_session(soci::session& s, const std::string& token_hash);
// Deletes sessions idle since before `idle_cutoff_ms` or created before `created_cutoff_ms`.
void delete_expired_sign_in_sessions(soci::session& s, long long idle_cutoff_ms, long long created_cutoff_ms);
long long count_sign_in_sessions(soci::session& s);

}  // namespace cp::store
