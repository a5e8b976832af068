// include/cp/network/ego_network.hpp — the CPI network map as plain values: one snapshot of a
// person's ego network (members, their relation, ring, support and contact, alter–alter ties).
//
// Pure values only: no I/O. A snapshot is what the worker and the person draw together at one
// time; the next snapshot starts from the previous one (start_next_snapshot) so that members keep
// their stable ids and change over time is measured, never re-typed (issue 4, item 1).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cp/domain/result.hpp"

namespace cp::network {

// What a member of the network is (seed 002: people, groups, organisations).
enum class MemberKind { person, group, organisation };

// Relation type of a member to the person (issue 4, item 1).
enum class Relation {
  family,
  friend_,  // spelled "friend" in JSON and GraphML
  neighbour,
  work_education,
  community_group,
  faith,
  peer,
  professional_service,
  online,
};
inline constexpr int kRelationCount = 9;

// Closeness ring on the concentric map.
enum class Ring { close, middle, outer };
inline constexpr int kRingCount = 3;

// How often the person is in contact with the member.
enum class ContactFrequency { daily, weekly, monthly, less_than_monthly };

// The four kinds of support exchanged, in one direction.
struct Support {
  bool emotional = false;
  bool practical = false;
  bool information_advice = false;
  bool companionship = false;

  bool any() const noexcept {
    return emotional || practical || information_advice || companionship;
  }
  bool operator==(const Support&) const = default;
};

// One member (alter) of the ego network. `id` is stable across snapshots.
struct Member {
  std::string id;
  std::string
      label;  // display label chosen by the person; may be empty (never exported to research)
  MemberKind kind = MemberKind::person;
  Relation relation = Relation::friend_;
  Ring ring = Ring::middle;
  Support given;     // support the person gives to this member
  Support received;  // support the person receives from this member
  std::optional<ContactFrequency> contact_frequency;
  std::optional<std::string> resource_id;  // community resource in the agency directory, if any

  bool operator==(const Member&) const = default;
};

// An undirected tie between two members (the ego is never part of a Tie: every member is tied to
// the ego by definition).
struct Tie {
  std::string a;
  std::string b;
  bool operator==(const Tie&) const = default;
};

// One snapshot of the ego network.
struct EgoSnapshot {
  std::string ego_id = "ego";  // the person at the centre (an id, never a name)
  int sequence = 1;            // 1 for the first map, +1 for each later snapshot
  std::string taken_on;        // ISO date "YYYY-MM-DD", may be empty
  std::vector<Member> members;
  std::vector<Tie> ties;
  // Counter for ids made by add_member ("m<k>"); carried over so that an id is never reused,
  // even for a member lost in an earlier snapshot.
  std::uint64_t next_member_seq = 1;

  bool operator==(const EgoSnapshot&) const = default;
};

// Names used in JSON and GraphML (the CPI's own words), and their inverses.
// The parse functions return nullopt for an unknown name.
std::string_view to_string(MemberKind k);
std::string_view to_string(Relation r);
std::string_view to_string(Ring r);
std::string_view to_string(ContactFrequency f);
std::optional<MemberKind> parse_member_kind(std::string_view s);
std::optional<Relation> parse_relation(std::string_view s);
std::optional<Ring> parse_ring(std::string_view s);
std::optional<ContactFrequency> parse_contact_frequency(std::string_view s);

// All relation types / rings in their declared order (for compositions).
const std::vector<Relation>& all_relations();
const std::vector<Ring>& all_rings();

// Checks the invariants every snapshot must hold: non-empty unique member ids different from the
// ego id; ties name two different existing members; no tie listed twice (in either order); a
// sequence of at least 1. The error's field names the member or tie ("members[2].id",
// "ties[0].b").
Result<Unit> validate(const EgoSnapshot& s);

// Adds `m` with a fresh id "m<k>" from s.next_member_seq (ignoring m.id) and returns that id.
// Fresh ids skip any id already present, so hand-given ids never clash.
std::string add_member(EgoSnapshot& s, Member m);

// Starts the next snapshot from `previous`: same ego, same members (same ids, same attributes)
// and ties, sequence + 1, taken_on as given, id counter carried over. The worker and person then
// edit it; measures of change compare the two (see compare_snapshots in measures.hpp).
EgoSnapshot start_next_snapshot(const EgoSnapshot& previous, std::string taken_on);

}  // namespace cp::network
