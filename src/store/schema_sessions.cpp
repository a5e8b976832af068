// src/store/schema_sessions.cpp — migration 9: sign-in sessions in the database, so that every
// `cpi serve` process behind a proxy honours the same sessions and a restart signs nobody out.
// Only a SHA-256 of each session token is stored (include/cp/app/sessions.hpp).
#include "schema.hpp"

namespace cp::store {

std::vector<Migration> session_migrations() {
  return {
      {9,
       "sign-in sessions shared by every server process",
       {
           "CREATE TABLE sign_in_sessions (token_hash TEXT PRIMARY KEY, account_id BIGINT NOT NULL "
           "REFERENCES accounts(id), csrf_token TEXT NOT NULL, created_ms BIGINT NOT NULL, "
           "last_seen_ms BIGINT NOT NULL)",
           "CREATE INDEX sign_in_sessions_last_seen ON sign_in_sessions (last_seen_ms)",
       }},
  };
}

}  // namespace cp::store
