// include/cp/app/research_read.hpp — how a research read (a study's research export, its
// analysis dataset, the pseudonymised fidelity view) runs, so that it can be served by a read-only replica and still be audited
// on the primary, and never holds the write lock while it works.
//
// research_read(service, f):
//   1. takes the pseudonym key from service.audit_database() (creating it there on first use);
//   2. runs f(session, read) in ONE read-only snapshot transaction on service.database(): every
//      query of f sees the same moment, whatever is written meanwhile (PostgreSQL REPEATABLE READ
//      READ ONLY, which a hot standby accepts; SQLite a deferred transaction);
//   3. writes the audit rows f asked for (read.audit(…), refusals too) in one write transaction
//      on service.audit_database();
//   4. only then returns f's result. If the audit rows cannot be written, the exception
//      propagates and the data never leave: nothing is read out unaudited.
// With one database (the server; the CLI without --audit-db) steps 1–3 use that database.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "cp/app/caller.hpp"
#include "cp/app/pseudonyms.hpp"
#include "cp/app/service.hpp"

namespace cp::app {

class ResearchRead {
 public:
  explicit ResearchRead(PseudonymKey key) : key_(std::move(key)) {}

  // The stable study pseudonym of a record (PseudonymKey::study_pseudonym).
  std::string study_pseudonym(const std::string& purpose, const std::string& kind, long long id) const {
    return key_.study_pseudonym(purpose, kind, id);
  }

  // A label in research views (PseudonymKey::pseudonym), e.g. "W-3f9a1c0e7b".
  std::string pseudonym(const std::string& purpose, const std::string& kind, long long id) const {
    return key_.pseudonym(purpose, kind, id);
  }

  // Records an audit row to be written when the read is over (see above).
  void audit(const Caller& c, std::string action, std::string record_type, std::string record_id,
             std::string outcome, std::string detail = {});

  struct Entry {
    Caller caller;
    std::string action, record_type, record_id, outcome, detail;
  };
  const std::vector<Entry>& entries() const { return entries_; }

 private:
  PseudonymKey key_;
  std::vector<Entry> entries_;
};

// The key from the audit database (read; created there in a write when missing).
PseudonymKey research_pseudonym_key(Service& service);
// Writes the read's audit rows in one transaction on service.audit_database().
void write_research_audit(Service& service, const ResearchRead& read);

template <class F>
auto research_read(Service& service, F&& f) {
  ResearchRead read(research_pseudonym_key(service));
  auto result = service.database().read_snapshot([&](soci::session& s) { return f(s, read); });
  write_research_audit(service, read);
  return result;
}

}  // namespace cp::app
