// src/http/routes_agency.cpp — the agency's teams and workers, and audit review.
#include "route_tables.hpp"

namespace cp::http {

std::vector<Route> agency_routes() {
  return {
      {"GET", "/api/v1/teams", "The teams of the caller's agency", true,
       [](const Context& c) { return from_result(c.service.teams(c.caller)); }},
      {"GET", "/api/v1/workers", "The workers of the caller's agency (for transfers)", true,
       [](const Context& c) { return from_result(c.service.workers(c.caller)); }},
      {"GET", "/api/v1/audit", "Recent audit log entries (system administrator)", true,
       [](const Context& c) { return from_result(c.service.audit_entries(c.caller, c.query_int("limit", 100, 1, 1000))); }},
      {"GET", "/api/v1/audit/verify", "Verify the audit log's hash chain (system administrator)", true,
       [](const Context& c) { return from_result(c.service.audit_verify(c.caller)); }},
  };
}

}  // namespace cp::http
