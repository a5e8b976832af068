// src/network/graphml_read.cpp — reads a GraphML document into an ego-network snapshot with
// errors that name the line (see graphml.hpp for the rules).
#include <fmt/format.h>

#include <charconv>
#include <map>
#include <set>
#include <unordered_map>

#include "cp/network/graphml.hpp"
#include "network/xml_reader.hpp"

namespace cp::network {
namespace {

using xml::Element;

struct Key {
  std::string name;  // attr.name (or the id when attr.name is absent)
  std::string for_;  // node, edge, graph, all
  std::optional<std::string> default_value;
};

Error at(int line, std::string message) {
  return Error::invalid("bad_graphml", std::move(message), fmt::format("line {}", line));
}

std::string_view trim(std::string_view s) {
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::optional<bool> parse_bool(std::string_view v) {
  if (v == "true" || v == "1" || v == "TRUE" || v == "True") return true;
  if (v == "false" || v == "0" || v == "FALSE" || v == "False") return false;
  return std::nullopt;
}

// The attribute values of one node/graph/edge by attr.name: defaults of keys for `kind`, then
// the element's <data> children. Errors on <data> naming an undeclared key.
Result<std::map<std::string, std::string>> values_of(
    const Element& el, std::string_view kind, const std::unordered_map<std::string, Key>& keys) {
  std::map<std::string, std::string> v;
  for (const auto& [id, k] : keys)
    if ((k.for_ == kind || k.for_ == "all") && k.default_value) v[k.name] = *k.default_value;
  for (const auto& c : el.children) {
    if (c.local_name() != "data") continue;
    const auto* key = c.attribute("key");
    if (!key) return at(c.line, "<data> has no 'key' attribute");
    auto it = keys.find(*key);
    if (it == keys.end())
      return at(c.line, fmt::format("<data> refers to undeclared key '{}'", *key));
    v[it->second.name] = std::string(trim(c.text));
  }
  return v;
}

Result<Support> support_of(const std::map<std::string, std::string>& v, std::string_view dir,
                           int line) {
  Support s;
  const std::pair<const char*, bool*> parts[] = {{"emotional", &s.emotional},
                                                 {"practical", &s.practical},
                                                 {"information_advice", &s.information_advice},
                                                 {"companionship", &s.companionship}};
  for (auto [part, slot] : parts) {
    auto name = fmt::format("{}_{}", dir, part);
    auto it = v.find(name);
    if (it == v.end() || it->second.empty()) continue;
    auto b = parse_bool(it->second);
    if (!b) return at(line, fmt::format("{} must be true or false, got '{}'", name, it->second));
    *slot = *b;
  }
  return s;
}

template <class T>
Result<T> parse_int(const std::string& text, std::string_view what, int line) {
  T value{};
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size())
    return at(line, fmt::format("{} must be a whole number, got '{}'", what, text));
  return value;
}

}  // namespace

Result<EgoSnapshot> read_graphml(std::string_view document) {
  auto parsed = xml::parse(document);
  if (!parsed) return parsed.error();
  const Element& root = *parsed;
  if (root.local_name() != "graphml")
    return at(root.line, fmt::format("the root element is <{}>, not <graphml>", root.name));

  std::unordered_map<std::string, Key> keys;
  const Element* graph = nullptr;
  for (const auto& c : root.children) {
    if (c.local_name() == "key") {
      const auto* id = c.attribute("id");
      if (!id) return at(c.line, "<key> has no 'id' attribute");
      Key k;
      const auto* name = c.attribute("attr.name");
      k.name = name ? *name : *id;
      const auto* f = c.attribute("for");
      k.for_ = f ? *f : "all";
      for (const auto& d : c.children)
        if (d.local_name() == "default") k.default_value = std::string(trim(d.text));
      if (!keys.emplace(*id, std::move(k)).second)
        return at(c.line, fmt::format("key id '{}' is declared twice", *id));
    } else if (c.local_name() == "graph") {
      if (graph) return at(c.line, "more than one <graph>: one ego network per file");
      graph = &c;
    }
  }
  if (!graph) return at(root.line, "the file has no <graph>");

  EgoSnapshot s;
  s.members.clear();
  auto gv = values_of(*graph, "graph", keys);
  if (!gv) return gv.error();
  if (auto it = gv->find("sequence"); it != gv->end() && !it->second.empty()) {
    auto v = parse_int<int>(it->second, "sequence", graph->line);
    if (!v) return v.error();
    if (*v < 1) return at(graph->line, "sequence must be at least 1");
    s.sequence = *v;
  }
  if (auto it = gv->find("taken_on"); it != gv->end()) s.taken_on = it->second;
  if (auto it = gv->find("next_member_seq"); it != gv->end() && !it->second.empty()) {
    auto v = parse_int<std::uint64_t>(it->second, "next_member_seq", graph->line);
    if (!v) return v.error();
    s.next_member_seq = *v;
  }

  // Nodes: find the ego, read members. A node's member id is its `id` data value when present
  // (igraph writes node ids n0, n1, … and keeps the original ids in an `id` attribute), else the
  // node's XML id. Edges refer to XML ids; `member_of` translates.
  std::unordered_map<std::string, int> node_line;
  std::unordered_map<std::string, std::string> member_of;
  std::unordered_map<std::string, int> member_line;
  std::optional<std::string> ego;
  int ego_line = 0;
  for (const auto& c : graph->children) {
    if (c.local_name() != "node") continue;
    const auto* id = c.attribute("id");
    if (!id || id->empty()) return at(c.line, "<node> has no 'id' attribute");
    if (!node_line.emplace(*id, c.line).second)
      return at(c.line,
                fmt::format("node id '{}' appears twice (first on line {})", *id, node_line[*id]));
    for (const auto& g : c.children)
      if (g.local_name() == "graph") return at(g.line, "nested graphs are not supported");
    auto v = values_of(c, "node", keys);
    if (!v) return v.error();
    std::string mid = *id;
    if (auto it = v->find("id"); it != v->end() && !it->second.empty()) mid = it->second;
    if (!member_line.emplace(mid, c.line).second)
      return at(c.line, fmt::format("node id '{}' appears twice (first on line {})", mid,
                                    member_line[mid]));
    member_of[*id] = mid;
    bool is_ego = false;
    if (auto it = v->find("ego"); it != v->end() && !it->second.empty()) {
      auto b = parse_bool(it->second);
      if (!b) return at(c.line, fmt::format("ego must be true or false, got '{}'", it->second));
      is_ego = *b;
    }
    if (is_ego) {
      if (ego)
        return at(c.line, fmt::format("node '{}' is a second ego (the ego is node '{}' on line {})",
                                      mid, *ego, ego_line));
      ego = mid;
      ego_line = c.line;
      continue;
    }
    Member m;
    m.id = mid;
    if (auto it = v->find("label"); it != v->end()) m.label = it->second;
    if (auto it = v->find("kind"); it != v->end() && !it->second.empty()) {
      auto k = parse_member_kind(it->second);
      if (!k)
        return at(c.line, fmt::format("node '{}': kind '{}' is not person, group or organisation",
                                      *id, it->second));
      m.kind = *k;
    }
    auto rel = v->find("relation");
    if (rel == v->end() || rel->second.empty())
      return at(c.line, fmt::format("node '{}' has no relation", *id));
    auto r = parse_relation(rel->second);
    if (!r)
      return at(c.line, fmt::format("node '{}': relation '{}' is not known", *id, rel->second));
    m.relation = *r;
    auto ring = v->find("ring");
    if (ring == v->end() || ring->second.empty())
      return at(c.line, fmt::format("node '{}' has no ring", *id));
    auto g = parse_ring(ring->second);
    if (!g)
      return at(c.line, fmt::format("node '{}': ring '{}' is not close, middle or outer", *id,
                                    ring->second));
    m.ring = *g;
    auto given = support_of(*v, "given", c.line);
    if (!given) return given.error();
    m.given = *given;
    auto received = support_of(*v, "received", c.line);
    if (!received) return received.error();
    m.received = *received;
    if (auto it = v->find("contact_frequency"); it != v->end() && !it->second.empty()) {
      auto f = parse_contact_frequency(it->second);
      if (!f)
        return at(c.line,
                  fmt::format("node '{}': contact_frequency '{}' is not known", *id, it->second));
      m.contact_frequency = *f;
    }
    if (auto it = v->find("resource_id"); it != v->end() && !it->second.empty())
      m.resource_id = it->second;
    s.members.push_back(std::move(m));
  }
  if (!ego) return at(graph->line, "no node has ego = true: mark the person at the centre");
  s.ego_id = *ego;
  // The graph's `ego_id` data is informative only: the node marked ego decides.

  // Edges: alter–alter ties; ego edges ignored; duplicates merged.
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& c : graph->children) {
    if (c.local_name() == "hyperedge") return at(c.line, "hyperedges are not supported");
    if (c.local_name() != "edge") continue;
    const auto* src = c.attribute("source");
    const auto* dst = c.attribute("target");
    if (!src || !dst) return at(c.line, "<edge> needs 'source' and 'target'");
    for (const auto* end : {src, dst})
      if (!node_line.count(*end))
        return at(c.line, fmt::format("edge names unknown node '{}'", *end));
    const auto& a = member_of[*src];
    const auto& b = member_of[*dst];
    if (a == b) return at(c.line, fmt::format("edge joins node '{}' to itself", a));
    if (a == *ego || b == *ego) continue;
    auto key = a < b ? std::make_pair(a, b) : std::make_pair(b, a);
    if (seen.insert(key).second) s.ties.push_back({a, b});
  }
  if (auto ok = validate(s); !ok) return at(graph->line, ok.error().message);
  return s;
}

}  // namespace cp::network
