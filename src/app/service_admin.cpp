// src/app/service_admin.cpp — teams of an agency, audit review and verification.
#include "cp/app/access.hpp"
#include "cp/app/service.hpp"
#include "cp/store/audit_log.hpp"
#include "cp/store/records.hpp"

namespace cp::app {

Result<json> Service::teams(const Caller& c) {
  if (!may_list_teams(c)) return Error::forbidden("You do not have permission to list teams.");
  return db_.read([&](soci::session& s) -> Result<json> {
    json list = json::array();
    for (const auto& t : store::teams_of_agency(s, *c.agency_id))
      list.push_back({{"id", t.id}, {"name", t.name}, {"agency_id", t.agency_id}});
    return json{{"teams", std::move(list)}};
  });
}

Result<json> Service::workers(const Caller& c) {
  if (!may_list_teams(c)) return Error::forbidden("You do not have permission to list workers.");
  return db_.read([&](soci::session& s) -> Result<json> {
    json list = json::array();
    for (const auto& w : store::workers_of_agency(s, *c.agency_id))
      list.push_back({{"id", w.id},
                      {"display_name", w.display_name},
                      {"job_title", w.job_title},
                      {"team_id", w.team_id ? json(*w.team_id) : json(nullptr)}});
    return json{{"workers", std::move(list)}};
  });
}

Result<json> Service::audit_entries(const Caller& c, int limit) {
  return db_.write([&](soci::session& s) -> Result<json> {
    if (!may_review_audit(c)) {
      audit(s, c, "audit.read", "audit_log", "-", std::nullopt, "refused");
      return Error::forbidden("You do not have permission to review the audit log.");
    }
    json list = json::array();
    for (const auto& e : store::recent_audit(s, limit)) {
      list.push_back({{"id", e.id},
                      {"at", e.at},
                      {"username", e.username},
                      {"role", e.role},
                      {"action", e.action},
                      {"record_type", e.record_type},
                      {"record_id", e.record_id},
                      {"person_id", e.person_id ? json(*e.person_id) : json(nullptr)},
                      {"outcome", e.outcome},
                      {"detail", e.detail},
                      {"address", e.address}});
    }
    audit(s, c, "audit.read", "audit_log", "-", std::nullopt, "ok");
    return json{{"entries", std::move(list)}};
  });
}

Result<json> Service::audit_verify(const Caller& c) {
  if (!may_review_audit(c)) {
    db_.write([&](soci::session& s) { audit(s, c, "audit.verify", "audit_log", "-", std::nullopt, "refused"); });
    return Error::forbidden("You do not have permission to verify the audit log.");
  }
  auto v = db_.read([&](soci::session& s) { return store::verify_audit(s); });
  return json{{"intact", v.intact},
              {"entries", v.entries},
              {"first_bad_id", v.first_bad_id ? json(v.first_bad_id) : json(nullptr)},
              {"problem", v.problem}};
}

}  // namespace cp::app
