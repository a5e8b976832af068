// include/cp/network/ego_network_json.hpp — JSON form of an ego-network snapshot (nlohmann), with
// validation errors that name the field (e.g. "members[3].ring").
//
// Shape (all names as in ego_network.hpp's to_string):
//   {"ego_id": "p17", "sequence": 2, "taken_on": "2026-03-01", "next_member_seq": 5,
//    "members": [{"id": "m1", "label": "", "kind": "person", "relation": "family",
//                 "ring": "close",
//                 "given":    {"emotional": true, "practical": false,
//                              "information_advice": false, "companionship": true},
//                 "received": {...same keys...},
//                 "contact_frequency": "weekly" | null, "resource_id": "r9" | null}],
//    "ties": [{"a": "m1", "b": "m2"}]}
// On input only "members" is required; each member needs "id", "relation" and "ring"; other keys
// take the defaults of ego_network.hpp; unknown keys are ignored.
#pragma once

#include <nlohmann/json.hpp>

#include "cp/domain/result.hpp"
#include "cp/network/ego_network.hpp"

namespace cp::network {

void to_json(nlohmann::json& j, const Support& s);
void to_json(nlohmann::json& j, const Member& m);
void to_json(nlohmann::json& j, const Tie& t);
void to_json(nlohmann::json& j, const EgoSnapshot& s);

// Reads and validates a snapshot (shape above, then validate()). Never throws on bad input.
Result<EgoSnapshot> snapshot_from_json(const nlohmann::json& j);

// nlohmann hook: as snapshot_from_json, but throws cp::ErrorException on bad input.
void from_json(const nlohmann::json& j, EgoSnapshot& s);

}  // namespace cp::network
