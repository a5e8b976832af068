// include/cp/fidelity/indicators.hpp — practice-derived fidelity indicators: evidence of the
// model read from the records practitioners keep anyway (maps, goals, engagements, contacts),
// with no extra forms. Each indicator belongs to one CPIFS domain (docs/fidelity.md).
#pragma once

#include <string>
#include <vector>

#include "cp/fidelity/implementation.hpp"

namespace cp::fidelity {

// What the records show for one person with an open partnership, as of a date (the store
// computes these; "recent" is Thresholds::recent_months).
struct PersonPractice {
  bool network_map_recent = false;     // a network map snapshot taken recently
  bool assets_recorded = false;        // at least one strength, interest or skill recorded
  bool goal_with_plan = false;         // a goal with an objective that has an agreed activity
  bool community_engagement = false;   // an engagement with a community resource, beyond "suggested"
  bool has_barriers = false;           // any barrier recorded
  bool barriers_reviewed = false;      // … and one reviewed or changed recently
  bool seen_own_plan = false;          // the person has seen their own record (signed in and read
                                       // it, or changed something themself)
  bool co_produced = false;            // a record created or changed by the person themself
  bool has_two_maps = false;           // at least two snapshots (a baseline and a later one)
  bool new_network_members = false;    // … and the latest has members the first did not
  bool contacts_community = false;     // a recent contact worked on community resources/engagement
  bool contacts_relationships = false; // a recent contact worked on the network map
};

// The indicators over a group of people (a worker's caseload, a team, an agency), in domain
// order. Denominators: every person, except barriers reviewed (people with barriers) and new
// network members (people with two maps).
std::vector<Indicator> practice_indicators(const std::vector<PersonPractice>& people);

}  // namespace cp::fidelity
