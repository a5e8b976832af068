// src/http/routes_directory.cpp — API routes of this area (see route_tables.hpp); none yet.
#include "route_tables.hpp"

namespace cp::http {

std::vector<Route> directory_routes() { return {}; }

}  // namespace cp::http
