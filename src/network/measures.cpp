// src/network/measures.cpp — the ego-network measures of include/cp/network/measures.hpp.
#include "cp/network/measures.hpp"

#include <algorithm>
#include <cassert>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

namespace cp::network {
namespace {

// Union–find over member indices, for components among members.
struct DisjointSets {
  std::vector<int> parent;
  explicit DisjointSets(int n) : parent(static_cast<std::size_t>(n)) {
    std::iota(parent.begin(), parent.end(), 0);
  }
  int find(int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }
  bool unite(int a, int b) {
    a = find(a);
    b = find(b);
    if (a == b) return false;
    parent[b] = a;
    return true;
  }
};

}  // namespace

NetworkMeasures compute_measures(const EgoSnapshot& s) {
  assert(validate(s).ok());
  NetworkMeasures m;
  const int n = static_cast<int>(s.members.size());
  m.size = n;
  m.by_relation.assign(kRelationCount, 0);
  m.by_ring.assign(kRingCount, 0);
  int outside = 0;
  int reciprocal = 0;
  std::unordered_map<std::string_view, int> index;
  index.reserve(s.members.size());
  for (int i = 0; i < n; ++i) {
    const auto& x = s.members[static_cast<std::size_t>(i)];
    index.emplace(x.id, i);
    ++m.by_relation[static_cast<std::size_t>(x.relation)];
    ++m.by_ring[static_cast<std::size_t>(x.ring)];
    if (x.relation != Relation::professional_service) ++outside;
    if (x.given.any() && x.received.any()) ++reciprocal;
  }
  if (n > 0) {
    m.share_outside_services = static_cast<double>(outside) / n;
    m.reciprocity = static_cast<double>(reciprocal) / n;
    double sum_sq = 0.0;
    for (int c : m.by_relation) {
      const double p = static_cast<double>(c) / n;
      sum_sq += p * p;
    }
    m.blau_relation = 1.0 - sum_sq;
  } else {
    const char* why = "no members";
    m.notes["share_outside_services"] = why;
    m.notes["reciprocity"] = why;
    m.notes["blau_relation"] = why;
  }

  // Alter–alter ties: count, degree among members, components.
  m.ties = static_cast<int>(s.ties.size());
  std::vector<int> degree(static_cast<std::size_t>(n), 0);
  DisjointSets sets(n);
  int merges = 0;
  for (const auto& t : s.ties) {
    auto ia = index.find(t.a);
    auto ib = index.find(t.b);
    assert(ia != index.end() && ib != index.end());
    if (ia == index.end() || ib == index.end()) continue;  // invalid snapshot: ignore the tie
    ++degree[static_cast<std::size_t>(ia->second)];
    ++degree[static_cast<std::size_t>(ib->second)];
    if (sets.unite(ia->second, ib->second)) ++merges;
  }
  m.components = n - merges;
  m.isolates = static_cast<int>(std::count(degree.begin(), degree.end(), 0));

  if (n >= 2) {
    const double pairs = static_cast<double>(n) * (n - 1) / 2.0;
    m.density = m.ties / pairs;
  } else {
    m.notes["density"] = "fewer than 2 members";
  }
  if (n > 0) {
    m.effective_size = n - 2.0 * m.ties / n;
  } else {
    m.notes["effective_size"] = "no members";
  }
  return m;
}

SnapshotChange compare_snapshots(const EgoSnapshot& earlier, const EgoSnapshot& later) {
  SnapshotChange c;
  std::unordered_set<std::string_view> before, after;
  for (const auto& x : earlier.members) before.insert(x.id);
  for (const auto& x : later.members) after.insert(x.id);
  for (const auto& x : later.members) {
    if (before.count(x.id))
      ++c.kept;
    else
      c.new_members.push_back(x.id);
  }
  for (const auto& x : earlier.members)
    if (!after.count(x.id)) c.lost_members.push_back(x.id);
  return c;
}

nlohmann::json to_json(const NetworkMeasures& m) {
  auto opt = [](const std::optional<double>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
  };
  nlohmann::json by_relation = nlohmann::json::object();
  for (auto r : all_relations())
    by_relation[std::string(to_string(r))] =
        m.by_relation.empty() ? 0 : m.by_relation[static_cast<std::size_t>(r)];
  nlohmann::json by_ring = nlohmann::json::object();
  for (auto r : all_rings())
    by_ring[std::string(to_string(r))] =
        m.by_ring.empty() ? 0 : m.by_ring[static_cast<std::size_t>(r)];
  return nlohmann::json{{"size", m.size},
                        {"ties", m.ties},
                        {"density", opt(m.density)},
                        {"effective_size", opt(m.effective_size)},
                        {"components", m.components},
                        {"isolates", m.isolates},
                        {"blau_relation", opt(m.blau_relation)},
                        {"share_outside_services", opt(m.share_outside_services)},
                        {"reciprocity", opt(m.reciprocity)},
                        {"by_relation", by_relation},
                        {"by_ring", by_ring},
                        {"notes", m.notes}};
}

nlohmann::json to_json(const SnapshotChange& c) {
  return nlohmann::json{{"new_members", c.new_members},
                        {"lost_members", c.lost_members},
                        {"new_count", c.new_members.size()},
                        {"lost_count", c.lost_members.size()},
                        {"kept", c.kept}};
}

}  // namespace cp::network
