// src/http/routes_records.cpp — API routes of this area (see route_tables.hpp); none yet.
#include "route_tables.hpp"

namespace cp::http {

std::vector<Route> records_routes() { return {}; }

}  // namespace cp::http
