// src/http/route_tables.hpp — the API's routes by area. Each area lives in its own
// routes_<area>.cpp and only translates: read the request, call app/, shape the response.
#pragma once

#include <vector>

#include "cp/http/api.hpp"
#include "json_body.hpp"

namespace cp::http {

std::vector<Route> core_routes();       // health, ping, OpenAPI, signing in and out
std::vector<Route> practice_routes();   // caseload, person summary, episodes, contacts
std::vector<Route> agency_routes();     // teams, workers, audit review
std::vector<Route> capture_routes();    // questionnaires: waves, schedules, responses (issue 3)
std::vector<Route> records_routes();    // network maps, assets, goals, ideas, engagements,
                                        // barriers, recognition (issue 4)
std::vector<Route> directory_routes();  // the agency's community directory, HSDS (issue 4)
std::vector<Route> fidelity_routes();   // fidelity scale, indicators, dashboards (issue 5)
std::vector<Route> study_routes();      // study design, analysis dataset (issues 6, 8)
std::vector<Route> export_routes();     // pseudonymised research exports (issue 8)

// A refusal as an Error (for handlers that check a role before calling app/).
inline Response bad_body(const JsonBody& b) { return error_response(b.error()); }

}  // namespace cp::http
