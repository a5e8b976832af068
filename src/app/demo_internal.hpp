// src/app/demo_internal.hpp — pieces of the demo seed kept in their own files.
#pragma once

#include <soci/soci.h>

#include <string>
#include <vector>

namespace cp::app {

// The demo agency's community directory (demo_directory.cpp). Caller holds the write
// transaction; `workers` are the demo workers' ids in seed order.
void seed_demo_directory(soci::session& s, long long agency, const std::vector<long long>& workers,
                         const std::string& today, const std::string& ts,
                         const std::string& reviewed_recently,
                         const std::string& reviewed_long_ago);

}  // namespace cp::app
