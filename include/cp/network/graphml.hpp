// include/cp/network/graphml.hpp — GraphML export and import of an ego-network snapshot, readable
// by igraph (read_graph(format = "graphml")), Gephi and other GraphML tools (issue 4, item 1).
//
// Export: one <graph edgedefault="undirected">. The ego is a node with `ego` = true; each member
// is a node (id = member id) with `ego` = false and the keys kind, relation, ring,
// given_emotional … given_companionship, received_emotional … received_companionship,
// contact_frequency and resource_id (the last two only when set), and label only when asked for.
// Graph keys: ego_id, sequence, taken_on, next_member_seq. Edges between two members are the
// alter–alter ties (edge key `tie` = "alter"); ego–member edges (tie = "ego") are written when
// include_ego_edges is set, so that drawing tools show the star.
//
// Import (strict; every error names the line): keys are matched by attr.name, so files written by
// igraph ("v_relation" ids) read too; <default> values of keys apply. Exactly one node must have
// ego = true/1. Every other node is a member and needs relation and ring; kind defaults to person,
// support flags to false. Edges touching the ego are ignored (every member is tied to the ego by
// definition); an edge listed twice (or in both directions) counts once; a self-loop is an error.
// Member order is document order.
#pragma once

#include <string>
#include <string_view>

#include "cp/domain/result.hpp"
#include "cp/network/ego_network.hpp"

namespace cp::network {

struct GraphmlOptions {
  bool include_ego_edges = true;  // write ego–member edges (tie = "ego")
  bool include_labels = false;    // write member labels (personal data: off by default)
};

// The snapshot as a GraphML document (UTF-8). Precondition: validate(s) succeeded.
std::string write_graphml(const EgoSnapshot& s, const GraphmlOptions& options = {});

// Reads a GraphML document into a validated snapshot. Never throws on bad input; the error's
// field is "line N" and its message says what is wrong there.
Result<EgoSnapshot> read_graphml(std::string_view document);

}  // namespace cp::network
