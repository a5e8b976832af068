// src/app/research_read.cpp — the pseudonym key and audit rows of a research read (see
// research_read.hpp).
#include "cp/app/research_read.hpp"

namespace cp::app {

void ResearchRead::audit(const Caller& c, std::string action, std::string record_type,
                         std::string record_id, std::string outcome, std::string detail) {
  entries_.push_back({c, std::move(action), std::move(record_type), std::move(record_id),
                      std::move(outcome), std::move(detail)});
}

PseudonymKey research_pseudonym_key(Service& service) {
  auto& db = service.audit_database();
  if (auto key = db.read([](soci::session& s) { return PseudonymKey::load(s); })) return std::move(*key);
  return db.write([](soci::session& s) { return PseudonymKey::load_or_create(s); });
}

void write_research_audit(Service& service, const ResearchRead& read) {
  if (read.entries().empty()) return;
  service.audit_database().write([&](soci::session& s) {
    for (const auto& e : read.entries())
      audit(s, e.caller, e.action, e.record_type, e.record_id, std::nullopt, e.outcome, e.detail);
  });
}

}  // namespace cp::app
