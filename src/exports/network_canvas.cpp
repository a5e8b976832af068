// src/exports/network_canvas.cpp — a snapshot as GraphML and Network Canvas-style CSV files
// (network_canvas.hpp).
#include "cp/exports/network_canvas.hpp"

#include <fmt/format.h>

#include <map>

#include "cp/network/graphml.hpp"

namespace cp::exports {

namespace {

const char* tf(bool b) {
  return b ? "true" : "false";
}

}  // namespace

std::vector<ExportFile> write_network_snapshot(const SnapshotForExport& in) {
  // Labels and directory ids never leave: keep only whether a member is a community resource.
  network::EgoSnapshot e = in.snapshot;
  std::vector<bool> resource;
  for (auto& m : e.members) {
    resource.push_back(m.resource_id.has_value());
    m.label.clear();
    m.resource_id.reset();
  }
  e.taken_on.clear();  // a calendar date; days_since_recruitment is in the ego file
  const std::string stem = e.ego_id + "_" + in.session_id;
  const std::string csv = "text/csv; charset=utf-8";

  std::string ego = csv_line({"networkCanvasEgoUUID", "networkCanvasCaseID",
                              "networkCanvasSessionID", "networkCanvasProtocolName", "snapshot",
                              "days_since_recruitment", "arm", "members", "ties"});
  ego +=
      csv_line({e.ego_id, e.ego_id, in.session_id, kNetworkProtocolName, std::to_string(e.sequence),
                in.days_since_recruitment ? std::to_string(*in.days_since_recruitment) : "", in.arm,
                std::to_string(e.members.size()), std::to_string(e.ties.size())});

  std::string nodes = csv_line(
      {"nodeID", "networkCanvasEgoUUID", "networkCanvasUUID", "kind", "relation", "ring",
       "given_emotional", "given_practical", "given_information_advice", "given_companionship",
       "received_emotional", "received_practical", "received_information_advice",
       "received_companionship", "contact_frequency", "community_resource"});
  std::map<std::string, std::size_t> node_id;
  for (std::size_t i = 0; i < e.members.size(); ++i) {
    const auto& m = e.members[i];
    node_id[m.id] = i + 1;
    nodes += csv_line(
        {std::to_string(i + 1), e.ego_id, m.id, std::string(network::to_string(m.kind)),
         std::string(network::to_string(m.relation)), std::string(network::to_string(m.ring)),
         tf(m.given.emotional), tf(m.given.practical), tf(m.given.information_advice),
         tf(m.given.companionship), tf(m.received.emotional), tf(m.received.practical),
         tf(m.received.information_advice), tf(m.received.companionship),
         m.contact_frequency ? std::string(network::to_string(*m.contact_frequency)) : "",
         tf(resource[i])});
  }

  std::string edges = csv_line({"edgeID", "from", "to", "networkCanvasEgoUUID", "networkCanvasUUID",
                                "networkCanvasSourceUUID", "networkCanvasTargetUUID", "type"});
  for (std::size_t i = 0; i < e.ties.size(); ++i) {
    const auto& t = e.ties[i];
    edges +=
        csv_line({std::to_string(i + 1), std::to_string(node_id[t.a]), std::to_string(node_id[t.b]),
                  e.ego_id, fmt::format("{}_t{}", stem, i + 1), t.a, t.b, "tie"});
  }

  network::GraphmlOptions gopt;
  gopt.include_labels = false;
  return {{stem + ".graphml", "application/graphml+xml", network::write_graphml(e, gopt)},
          {stem + "_ego.csv", csv, std::move(ego)},
          {stem + "_attributeList_Person.csv", csv, std::move(nodes)},
          {stem + "_edgeList_tie.csv", csv, std::move(edges)}};
}

}  // namespace cp::exports
