// src/http/routes_fidelity.cpp — API routes of this area (see route_tables.hpp); none yet.
#include "route_tables.hpp"

namespace cp::http {

std::vector<Route> fidelity_routes() { return {}; }

}  // namespace cp::http
