// tests/unit/network/example_networks.hpp — small ego networks worked by hand, shared by the
// network unit tests (issue 4). The working of each measure is in measures_test.cpp.
#pragma once

#include "cp/network/ego_network.hpp"

namespace cp::network::testing {

inline Member member(std::string id, Relation rel, Ring ring, Support given = {},
                     Support received = {}) {
  Member m;
  m.id = std::move(id);
  m.relation = rel;
  m.ring = ring;
  m.given = given;
  m.received = received;
  return m;
}

// "Example A": five members, two alter–alter ties.
//   m1 family   close   gives emotional, receives emotional      (reciprocal)
//   m2 family   close   receives practical                       (one way)
//   m3 friend   middle  gives and receives companionship         (reciprocal)
//   m4 professional_service outer  receives information/advice   (one way)
//   m5 neighbour outer  no support                               (none)
//   ties: m1–m2, m2–m3
inline EgoSnapshot example_a() {
  EgoSnapshot s;
  s.ego_id = "p1";
  s.taken_on = "2026-01-15";
  Support emo;
  emo.emotional = true;
  Support prac;
  prac.practical = true;
  Support comp;
  comp.companionship = true;
  Support info;
  info.information_advice = true;
  s.members = {member("m1", Relation::family, Ring::close, emo, emo),
               member("m2", Relation::family, Ring::close, {}, prac),
               member("m3", Relation::friend_, Ring::middle, comp, comp),
               member("m4", Relation::professional_service, Ring::outer, {}, info),
               member("m5", Relation::neighbour, Ring::outer)};
  s.members[3].kind = MemberKind::organisation;
  s.members[3].resource_id = "res-42";
  s.members[0].contact_frequency = ContactFrequency::daily;
  s.members[2].contact_frequency = ContactFrequency::weekly;
  s.ties = {{"m1", "m2"}, {"m2", "m3"}};
  s.next_member_seq = 6;
  return s;
}

}  // namespace cp::network::testing
