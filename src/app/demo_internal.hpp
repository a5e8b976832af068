// src/app/demo_internal.hpp — pieces of the demo seed kept in their own files.
#pragma once

#include <soci/soci.h>

#include <array>
#include <string>
#include <vector>

namespace cp::app {

// The made-up members of the demo's network maps (used by the small demo's practice records and
// by the scale generator).
struct DemoMember {
  const char* name;
  const char* kind;
  const char* relation;
  const char* ring;
  const char* to;    // support to the person (comma list)
  const char* from;  // support from the person
  const char* frequency;
};
inline constexpr std::array<DemoMember, 10> kDemoNetworkMembers{{
    {"Mum", "person", "family", "close", "emotional,practical", "companionship", "weekly"},
    {"Dee (neighbour)", "person", "neighbour", "middle", "practical", "practical", "weekly"},
    {"Care coordinator", "person", "professional_service", "middle", "information", "", "monthly"},
    {"Chris", "person", "friend", "close", "emotional,companionship", "emotional", "weekly"},
    {"GP surgery", "organisation", "professional_service", "outer", "information", "", "less_often"},
    {"Brother", "person", "family", "middle", "", "", "monthly"},
    {"Online gaming group", "group", "online", "outer", "companionship", "companionship", "daily"},
    {"Church", "organisation", "faith", "outer", "emotional", "", "monthly"},
    {"Peer support group", "group", "peer", "middle", "emotional,information", "emotional", "weekly"},
    {"Old workmate", "person", "work_education", "outer", "", "", "less_often"},
}};

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
