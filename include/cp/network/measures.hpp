// include/cp/network/measures.hpp — measures of one ego-network snapshot and of change between
// two snapshots (issue 4, item 1): size, composition, ties outside services, reciprocity, Blau
// diversity, alter–alter ties, density, Burt's effective size, components and isolates.
//
// Conventions: the ego is never counted (n = number of members). A measure that is undefined on
// these data (a share of an empty network, density with fewer than 2 members) is nullopt, and
// `notes` says why; nothing is ever NaN.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cp/network/ego_network.hpp"

namespace cp::network {

struct NetworkMeasures {
  int size = 0;                  // n: members (ego excluded)
  std::vector<int> by_relation;  // count per Relation, in all_relations() order
  std::vector<int> by_ring;      // count per Ring, in all_rings() order
  std::optional<double>
      share_outside_services;                // members with relation != professional_service / n
  std::optional<double> reciprocity;         // members with support both given and received / n
  std::optional<double> blau_relation;       // 1 - sum_r p_r^2 over relation types
  int ties = 0;                              // t: alter–alter ties
  std::optional<double> density;             // t / (n(n-1)/2); null when n < 2
  std::optional<double> effective_size;      // Burt: n - 2t/n; null when n = 0
  int components = 0;                        // connected components among members
  int isolates = 0;                          // members with no tie to another member
  std::map<std::string, std::string> notes;  // measure name -> why it is null
};

// Computes every measure of one snapshot. Precondition: validate(s) succeeded (ties name
// existing, distinct members; no duplicate ties) — asserted in debug builds.
NetworkMeasures compute_measures(const EgoSnapshot& s);

// Change between an earlier and a later snapshot, by stable member id.
struct SnapshotChange {
  std::vector<std::string> new_members;   // in `later` but not in `earlier` (later's order)
  std::vector<std::string> lost_members;  // in `earlier` but not in `later` (earlier's order)
  int kept = 0;                           // in both
};
SnapshotChange compare_snapshots(const EgoSnapshot& earlier, const EgoSnapshot& later);

// JSON of the measures: keys size, ties, density, effective_size, components, isolates,
// blau_relation, share_outside_services, reciprocity, by_relation {name: count}, by_ring
// {name: count}, notes {key: reason}. Null measures are JSON null.
nlohmann::json to_json(const NetworkMeasures& m);
// JSON of the change: new_members, lost_members (arrays of ids), new_count, lost_count, kept.
nlohmann::json to_json(const SnapshotChange& c);

}  // namespace cp::network
