// src/network/ego_network.cpp — names, validation and snapshot succession for the ego network
// model (include/cp/network/ego_network.hpp).
#include "cp/network/ego_network.hpp"

#include <fmt/format.h>

#include <array>
#include <set>
#include <unordered_set>
#include <utility>

namespace cp::network {
namespace {

constexpr std::array<std::string_view, 3> kKindNames{"person", "group", "organisation"};
constexpr std::array<std::string_view, kRelationCount> kRelationNames{
    "family",          "friend", "neighbour", "work_education",
    "community_group", "faith",  "peer",      "professional_service",
    "online"};
constexpr std::array<std::string_view, kRingCount> kRingNames{"close", "middle", "outer"};
constexpr std::array<std::string_view, 4> kFrequencyNames{"daily", "weekly", "monthly",
                                                          "less_than_monthly"};

template <class E, std::size_t N>
std::optional<E> find_name(const std::array<std::string_view, N>& names, std::string_view s) {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == s) return static_cast<E>(i);
  return std::nullopt;
}

}  // namespace

std::string_view to_string(MemberKind k) {
  return kKindNames.at(static_cast<std::size_t>(k));
}
std::string_view to_string(Relation r) {
  return kRelationNames.at(static_cast<std::size_t>(r));
}
std::string_view to_string(Ring r) {
  return kRingNames.at(static_cast<std::size_t>(r));
}
std::string_view to_string(ContactFrequency f) {
  return kFrequencyNames.at(static_cast<std::size_t>(f));
}
std::optional<MemberKind> parse_member_kind(std::string_view s) {
  return find_name<MemberKind>(kKindNames, s);
}
std::optional<Relation> parse_relation(std::string_view s) {
  return find_name<Relation>(kRelationNames, s);
}
std::optional<Ring> parse_ring(std::string_view s) {
  return find_name<Ring>(kRingNames, s);
}
std::optional<ContactFrequency> parse_contact_frequency(std::string_view s) {
  return find_name<ContactFrequency>(kFrequencyNames, s);
}

const std::vector<Relation>& all_relations() {
  static const std::vector<Relation> all = [] {
    std::vector<Relation> v;
    for (int i = 0; i < kRelationCount; ++i) v.push_back(static_cast<Relation>(i));
    return v;
  }();
  return all;
}

const std::vector<Ring>& all_rings() {
  static const std::vector<Ring> all{Ring::close, Ring::middle, Ring::outer};
  return all;
}

Result<Unit> validate(const EgoSnapshot& s) {
  if (s.ego_id.empty()) return Error::invalid("missing_field", "the ego id is empty", "ego_id");
  if (s.sequence < 1)
    return Error::invalid("out_of_range", fmt::format("sequence must be >= 1, got {}", s.sequence),
                          "sequence");
  std::unordered_set<std::string> ids;
  ids.reserve(s.members.size());
  for (std::size_t i = 0; i < s.members.size(); ++i) {
    const auto& id = s.members[i].id;
    const auto field = fmt::format("members[{}].id", i);
    if (id.empty()) return Error::invalid("missing_field", "a member has an empty id", field);
    if (id == s.ego_id)
      return Error::invalid("duplicate_id", fmt::format("member id '{}' is the ego's own id", id),
                            field);
    if (!ids.insert(id).second)
      return Error::invalid("duplicate_id", fmt::format("member id '{}' appears twice", id), field);
  }
  std::set<std::pair<std::string, std::string>> seen;
  for (std::size_t i = 0; i < s.ties.size(); ++i) {
    const auto& t = s.ties[i];
    if (!ids.count(t.a))
      return Error::invalid("unknown_member", fmt::format("tie names unknown member '{}'", t.a),
                            fmt::format("ties[{}].a", i));
    if (!ids.count(t.b))
      return Error::invalid("unknown_member", fmt::format("tie names unknown member '{}'", t.b),
                            fmt::format("ties[{}].b", i));
    if (t.a == t.b)
      return Error::invalid("self_tie", fmt::format("tie joins member '{}' to itself", t.a),
                            fmt::format("ties[{}]", i));
    auto key = t.a < t.b ? std::make_pair(t.a, t.b) : std::make_pair(t.b, t.a);
    if (!seen.insert(key).second)
      return Error::invalid("duplicate_tie",
                            fmt::format("tie between '{}' and '{}' is listed twice", t.a, t.b),
                            fmt::format("ties[{}]", i));
  }
  return Unit{};
}

std::string add_member(EgoSnapshot& s, Member m) {
  std::unordered_set<std::string> ids;
  for (const auto& x : s.members) ids.insert(x.id);
  std::string id;
  do {
    id = fmt::format("m{}", s.next_member_seq++);
  } while (ids.count(id) || id == s.ego_id);
  m.id = id;
  s.members.push_back(std::move(m));
  return id;
}

EgoSnapshot start_next_snapshot(const EgoSnapshot& previous, std::string taken_on) {
  EgoSnapshot next = previous;
  next.sequence = previous.sequence + 1;
  next.taken_on = std::move(taken_on);
  return next;
}

}  // namespace cp::network
