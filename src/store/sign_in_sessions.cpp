// src/store/sign_in_sessions.cpp — rows of sign_in_sessions (see the header).
#include "cp/store/sign_in_sessions.hpp"

#include "cp/store/database.hpp"
#include "cp/store/records.hpp"

namespace cp::store {

void insert_sign_in_session(soci::session& s, const SignInSessionRow& row) {
  s << "INSERT INTO sign_in_sessions (token_hash, account_id, csrf_token, created_ms, last_seen_ms) "
       "VALUES (:h, :a, :c, :t0, :t1)",
      soci::use(row.token_hash), soci::use(row.account_id), soci::use(row.csrf_token),
      soci::use(row.created_ms), soci::use(row.last_seen_ms);
}

std::optional<SignInSessionRow> sign_in_session(soci::session& s, const std::string& token_hash) {
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT token_hash, account_id, csrf_token, created_ms, last_seen_ms FROM "
                    "sign_in_sessions WHERE token_hash = :h",
       soci::use(token_hash));
  for (const auto& r : rows)
    return SignInSessionRow{get_text(r, 0), get_int(r, 1), get_text(r, 2), get_int(r, 3), get_int(r, 4)};
  return std::nullopt;
}

void touch_sign_in_session(soci::session& s, const std::string& token_hash, long long last_seen_ms) {
  s << "UPDATE sign_in_sessions SET last_seen_ms = :t WHERE token_hash = :h AND last_seen_ms < :t2",
      soci::use(last_seen_ms), soci::use(token_hash), soci::use(last_seen_ms);
}

void delete_sign_in_session(soci::session& s, const std::string& token_hash) {
  s << "DELETE FROM sign_in_sessions WHERE token_hash = :h", soci::use(token_hash);
}

void delete_expired_sign_in_sessions(soci::session& s, long long idle_cutoff_ms, long long created_cutoff_ms) {
  s << "DELETE FROM sign_in_sessions WHERE last_seen_ms < :i OR created_ms < :c", soci::use(idle_cutoff_ms),
      soci::use(created_cutoff_ms);
}

long long count_sign_in_sessions(soci::session& s) { return count_rows(s, "sign_in_sessions"); }

}  // namespace cp::store
