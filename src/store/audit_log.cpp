// src/store/audit_log.cpp — appending to and verifying the hash-chained audit log.
#include "cp/store/audit_log.hpp"

#include <sodium.h>

#include <cstdlib>
#include <fmt/format.h>

#include "backend.hpp"
#include "cp/store/database.hpp"

namespace cp::store {

namespace {

std::string hex(const unsigned char* p, size_t n) {
  std::string out(n * 2, '0');
  sodium_bin2hex(out.data(), out.size() + 1, p, n);
  return out;
}

std::string opt(const std::optional<long long>& v) { return v ? std::to_string(*v) : "-"; }

constexpr const char* kColumns =
    "id, at, account_id, username, role, action, record_type, record_id, person_id, outcome, "
    "detail, address, prev_hash, hash";

AuditEntry entry_from_row(const soci::row& r) {
  AuditEntry e;
  e.id = get_int(r, 0);
  e.at = get_text(r, 1);
  if (!is_null(r, 2)) e.account_id = get_int(r, 2);
  e.username = get_text(r, 3);
  e.role = get_text(r, 4);
  e.action = get_text(r, 5);
  e.record_type = get_text(r, 6);
  e.record_id = get_text(r, 7);
  if (!is_null(r, 8)) e.person_id = get_int(r, 8);
  e.outcome = get_text(r, 9);
  e.detail = get_text(r, 10);
  e.address = get_text(r, 11);
  e.prev_hash = get_text(r, 12);
  e.hash = get_text(r, 13);
  return e;
}

}  // namespace

std::string audit_hash(const AuditEntry& e) {
  // Fields joined by the unit separator, in a fixed order; the id is included so that
  // re-numbering or re-ordering entries breaks the chain.
  const std::string canonical = fmt::format(
      "{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}", e.id, e.at,
      opt(e.account_id), e.username, e.role, e.action, e.record_type, e.record_id,
      opt(e.person_id), e.outcome, e.detail, e.address, e.prev_hash);
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(canonical.data()),
                     canonical.size());
  return hex(digest, sizeof digest);
}

AuditEntry append_audit(soci::session& s, AuditEntry e) {
  long long last_id = 0, entries = 0;
  std::string last_hash;
  // PostgreSQL: lock the head row until commit, so appends from every connection and process
  // form one chain (READ COMMITTED re-reads the row once the lock is ours).
  s << std::string("SELECT last_id, last_hash, entries FROM audit_head WHERE id = 1") +
           backend::audit_head_lock_clause(backend::of(s)),
      soci::into(last_id), soci::into(last_hash), soci::into(entries);
  e.id = last_id + 1;
  e.prev_hash = last_hash;
  e.hash = audit_hash(e);
  soci::indicator acc_ind = e.account_id ? soci::i_ok : soci::i_null;
  soci::indicator per_ind = e.person_id ? soci::i_ok : soci::i_null;
  long long acc = e.account_id.value_or(0), per = e.person_id.value_or(0);
  s << "INSERT INTO audit_log (id, at, account_id, username, role, action, record_type, "
       "record_id, person_id, outcome, detail, address, prev_hash, hash) VALUES (:id, :at, "
       ":acc, :u, :r, :a, :rt, :ri, :p, :o, :d, :ad, :ph, :h)",
      soci::use(e.id), soci::use(e.at), soci::use(acc, acc_ind), soci::use(e.username),
      soci::use(e.role), soci::use(e.action), soci::use(e.record_type), soci::use(e.record_id),
      soci::use(per, per_ind), soci::use(e.outcome), soci::use(e.detail), soci::use(e.address),
      soci::use(e.prev_hash), soci::use(e.hash);
  if (const char* f = std::getenv("CP_FAULT"); f && std::string(f) == "audit-append")
    throw StoreError("injected fault after audit insert");
  const long long new_entries = entries + 1;
  s << "UPDATE audit_head SET last_id = :i, last_hash = :h, entries = :n WHERE id = 1",
      soci::use(e.id), soci::use(e.hash), soci::use(new_entries);
  return e;
}

AuditVerification verify_audit(soci::session& s) {
  AuditVerification v;
  std::string prev(64, '0');
  long long expected_id = 1;
  soci::rowset<soci::row> rows =
      (s.prepare << fmt::format("SELECT {} FROM audit_log ORDER BY id", kColumns));
  for (const auto& r : rows) {
    const AuditEntry e = entry_from_row(r);
    auto fail = [&](std::string why) {
      v.intact = false;
      v.first_bad_id = e.id;
      v.problem = std::move(why);
    };
    if (e.id != expected_id) {
      fail(fmt::format("entry {} is missing (next entry found is {})", expected_id, e.id));
      return v;
    }
    if (e.prev_hash != prev) {
      fail(fmt::format("entry {} does not follow the entry before it", e.id));
      return v;
    }
    if (audit_hash(e) != e.hash) {
      fail(fmt::format("entry {} was altered after it was written", e.id));
      return v;
    }
    prev = e.hash;
    ++expected_id;
    ++v.entries;
  }
  long long last_id = 0, entries = 0;
  std::string last_hash;
  s << "SELECT last_id, last_hash, entries FROM audit_head WHERE id = 1", soci::into(last_id),
      soci::into(last_hash), soci::into(entries);
  if (last_id != v.entries || entries != v.entries || last_hash != prev) {
    v.intact = false;
    v.first_bad_id = v.entries + 1;
    v.problem = fmt::format(
        "the log ends at entry {} but {} entries were written: entries were removed from the end",
        v.entries, entries);
    return v;
  }
  v.intact = true;
  return v;
}

std::vector<AuditEntry> recent_audit(soci::session& s, int limit,
                                     std::optional<long long> person_id) {
  std::vector<AuditEntry> out;
  if (person_id) {
    long long p = *person_id;
    soci::rowset<soci::row> rows =
        (s.prepare << fmt::format("SELECT {} FROM audit_log WHERE person_id = :p ORDER BY id DESC "
                                  "LIMIT :l",
                                  kColumns),
         soci::use(p), soci::use(limit));
    for (const auto& r : rows) out.push_back(entry_from_row(r));
  } else {
    soci::rowset<soci::row> rows =
        (s.prepare << fmt::format("SELECT {} FROM audit_log ORDER BY id DESC LIMIT :l", kColumns),
         soci::use(limit));
    for (const auto& r : rows) out.push_back(entry_from_row(r));
  }
  return out;
}

}  // namespace cp::store
