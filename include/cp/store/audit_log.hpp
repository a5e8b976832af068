// include/cp/store/audit_log.hpp — the append-only, hash-chained audit log.
//
// Every read and write of a person's data, and every refusal, is one entry: who (account,
// username, role), when, what record, which action, the outcome, and from where. Each entry's
// hash is SHA-256 over its own fields and the previous entry's hash, so altering or deleting an
// entry breaks the chain; audit_head keeps the last id, hash and count so that truncation is
// detected too. The table refuses UPDATE and DELETE (triggers).
#pragma once

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace cp::store {

struct AuditEntry {
  long long id = 0;  // set by append
  std::string at;    // ISO timestamp, UTC
  std::optional<long long> account_id;
  std::string username;  // "-" when nobody is signed in
  std::string role;      // "-" when nobody is signed in
  std::string action;    // e.g. "person.read", "contact.create", "auth.login"
  std::string record_type;
  std::string record_id;
  std::optional<long long> person_id;  // whose data, when it is a person's
  std::string outcome;                 // "ok", "refused", "failed"
  std::string detail;                  // short, no personal free text
  std::string address;                 // client address
  std::string prev_hash;
  std::string hash;
};

// Appends `e` (id, prev_hash and hash are filled in). Precondition: the caller holds a write
// transaction on `s` (Database::write), so the chain stays linear. Fault point:
// CP_FAULT=audit-append throws after the insert, before the head is updated.
AuditEntry append_audit(soci::session& s, AuditEntry e);

struct AuditVerification {
  bool intact = false;
  long long entries = 0;        // entries checked
  long long first_bad_id = 0;   // 0 when intact
  std::string problem;          // plain English, empty when intact
};

// Recomputes the whole chain and compares it with audit_head.
AuditVerification verify_audit(soci::session& s);

// Most recent entries first, at most `limit`; optionally only one person's.
std::vector<AuditEntry> recent_audit(soci::session& s, int limit,
                                     std::optional<long long> person_id = std::nullopt);

// The hash of an entry given its fields and prev_hash (hex SHA-256). Exposed for tests.
std::string audit_hash(const AuditEntry& e);

}  // namespace cp::store
