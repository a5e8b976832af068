// include/cp/exports/network_canvas.hpp — one network map snapshot of a study participant for
// research (issue 8 part 5): GraphML (network/graphml.hpp, labels off) and CSV files in the layout
// Network Canvas's exporter uses, so that tools written for it (e.g. ideanet's nc_read) read them:
//
//   <ego>_<session>_ego.csv                   networkCanvasEgoUUID, networkCanvasCaseID,
//                                             networkCanvasSessionID, networkCanvasProtocolName,
//                                             snapshot, days_since_recruitment, arm, members, ties
//   <ego>_<session>_attributeList_Person.csv  nodeID (1..n), networkCanvasEgoUUID,
//                                             networkCanvasUUID, kind, relation, ring,
//                                             given_* / received_* (support, true/false),
//                                             contact_frequency, community_resource
//   <ego>_<session>_edgeList_tie.csv          edgeID, from, to (nodeIDs), networkCanvasEgoUUID,
//                                             networkCanvasUUID, networkCanvasSourceUUID,
//                                             networkCanvasTargetUUID, type ("tie": alter–alter)
//   <ego>_<session>.graphml
//
// Groups and organisations are in the Person list too (column kind), so that one nodeID space
// serves the edge list. Ego–member ties are implied (as in Network Canvas) and not listed.
// The writer never writes member labels or directory resource ids, whatever the snapshot holds.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cp/exports/table.hpp"
#include "cp/network/ego_network.hpp"

namespace cp::exports {

struct SnapshotForExport {
  network::EgoSnapshot snapshot;  // ego_id and member ids already pseudonymous
  std::string session_id;         // "s1", "s2"… (the snapshot's sequence)
  std::optional<long long> days_since_recruitment;
  std::string arm;  // intervention | control
};

inline constexpr const char* kNetworkProtocolName = "cpi-network-map";

// Precondition: network::validate(s.snapshot) succeeded.
std::vector<ExportFile> write_network_snapshot(const SnapshotForExport& s);

}  // namespace cp::exports
