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

struct DemoPerson {
  long long person_id = 0, team_id = 0;
  bool own_caseload = false;  // on demo-practitioner's caseload
};

// The demo study (demo_study.cpp): intervention and control sites, baseline and month_6 waves,
// participants with consent, some declined, withdrawn or with consent withdrawn.
void seed_demo_study(soci::session& s, long long agency, long long intervention_team, long long control_team,
                     const std::vector<DemoPerson>& people, const std::string& recruited_on,
                     const std::string& followed_up_on, const std::string& ts);

}  // namespace cp::app
