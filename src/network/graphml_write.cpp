// src/network/graphml_write.cpp — writes an ego-network snapshot as GraphML (see graphml.hpp).
#include <fmt/format.h>

#include "cp/network/graphml.hpp"

namespace cp::network {
namespace {

std::string escape(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (char c : in) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

void data(std::string& out, std::string_view key, std::string_view value) {
  out += fmt::format("      <data key=\"{}\">{}</data>\n", key, escape(value));
}
void data(std::string& out, std::string_view key, bool value) {
  data(out, key, value ? std::string_view("true") : std::string_view("false"));
}

}  // namespace

std::string write_graphml(const EgoSnapshot& s, const GraphmlOptions& options) {
  std::string out;
  out.reserve(512 + s.members.size() * 900 + s.ties.size() * 80);
  out +=
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<!-- Connecting People ego network snapshot: the node with ego=true is the person; edges "
      "with tie=alter are ties between members. -->\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  auto key = [&](std::string_view id, std::string_view for_, std::string_view type) {
    out += fmt::format("  <key id=\"{0}\" for=\"{1}\" attr.name=\"{0}\" attr.type=\"{2}\"/>\n", id,
                       for_, type);
  };
  key("ego_id", "graph", "string");
  key("sequence", "graph", "int");
  key("taken_on", "graph", "string");
  key("next_member_seq", "graph", "long");
  key("ego", "node", "boolean");
  if (options.include_labels) key("label", "node", "string");
  key("kind", "node", "string");
  key("relation", "node", "string");
  key("ring", "node", "string");
  for (auto dir : {"given", "received"})
    for (auto part : {"emotional", "practical", "information_advice", "companionship"})
      key(fmt::format("{}_{}", dir, part), "node", "boolean");
  key("contact_frequency", "node", "string");
  key("resource_id", "node", "string");
  key("tie", "edge", "string");

  out += "  <graph id=\"G\" edgedefault=\"undirected\">\n";
  out += fmt::format("    <data key=\"ego_id\">{}</data>\n", escape(s.ego_id));
  out += fmt::format("    <data key=\"sequence\">{}</data>\n", s.sequence);
  out += fmt::format("    <data key=\"taken_on\">{}</data>\n", escape(s.taken_on));
  out += fmt::format("    <data key=\"next_member_seq\">{}</data>\n", s.next_member_seq);
  out += fmt::format("    <node id=\"{}\">\n", escape(s.ego_id));
  data(out, "ego", true);
  out += "    </node>\n";
  for (const auto& m : s.members) {
    out += fmt::format("    <node id=\"{}\">\n", escape(m.id));
    data(out, "ego", false);
    if (options.include_labels) data(out, "label", std::string_view(m.label));
    data(out, "kind", to_string(m.kind));
    data(out, "relation", to_string(m.relation));
    data(out, "ring", to_string(m.ring));
    for (auto [dir, sup] : {std::pair{"given", &m.given}, std::pair{"received", &m.received}}) {
      data(out, fmt::format("{}_emotional", dir), sup->emotional);
      data(out, fmt::format("{}_practical", dir), sup->practical);
      data(out, fmt::format("{}_information_advice", dir), sup->information_advice);
      data(out, fmt::format("{}_companionship", dir), sup->companionship);
    }
    if (m.contact_frequency) data(out, "contact_frequency", to_string(*m.contact_frequency));
    if (m.resource_id) data(out, "resource_id", std::string_view(*m.resource_id));
    out += "    </node>\n";
  }
  if (options.include_ego_edges)
    for (const auto& m : s.members)
      out += fmt::format(
          "    <edge source=\"{}\" target=\"{}\">\n      <data key=\"tie\">ego</data>\n    "
          "</edge>\n",
          escape(s.ego_id), escape(m.id));
  for (const auto& t : s.ties)
    out += fmt::format(
        "    <edge source=\"{}\" target=\"{}\">\n      <data key=\"tie\">alter</data>\n    "
        "</edge>\n",
        escape(t.a), escape(t.b));
  out += "  </graph>\n</graphml>\n";
  return out;
}

}  // namespace cp::network
