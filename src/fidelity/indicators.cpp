// src/fidelity/indicators.cpp — practice-derived indicators (see indicators.hpp).
#include "cp/fidelity/indicators.hpp"

namespace cp::fidelity {

std::vector<Indicator> practice_indicators(const std::vector<PersonPractice>& people) {
  struct Def {
    const char* id;
    Domain domain;
    const char* label;
    bool (*counts)(const PersonPractice&);  // in the denominator
    bool (*meets)(const PersonPractice&);   // in the numerator
    bool key;
  };
  static const Def defs[] = {
      {"community_engagement", Domain::community, "People engaging with a community resource",
       [](const PersonPractice&) { return true; }, [](const PersonPractice& p) { return p.community_engagement; }, true},
      {"contacts_community", Domain::community, "People whose recent contacts worked on community resources",
       [](const PersonPractice&) { return true; }, [](const PersonPractice& p) { return p.contacts_community; }, false},
      {"network_map_recent", Domain::assessment, "People with a recent network map",
       [](const PersonPractice&) { return true; }, [](const PersonPractice& p) { return p.network_map_recent; }, true},
      {"assets_recorded", Domain::assessment, "People with strengths, interests or skills recorded",
       [](const PersonPractice&) { return true; }, [](const PersonPractice& p) { return p.assets_recorded; }, true},
      {"goal_with_plan", Domain::planning, "People with a goal broken into objectives and activities",
       [](const PersonPractice&) { return true; }, [](const PersonPractice& p) { return p.goal_with_plan; }, true},
      {"barriers_reviewed", Domain::planning, "People whose barriers were reviewed recently",
       [](const PersonPractice& p) { return p.has_barriers; }, [](const PersonPractice& p) { return p.barriers_reviewed; }, false},
      {"seen_own_plan", Domain::partnership, "People who have seen their own plan",
       [](const PersonPractice&) { return true; }, [](const PersonPractice& p) { return p.seen_own_plan; }, false},
      {"co_produced", Domain::partnership, "People who added to their own record",
       [](const PersonPractice&) { return true; }, [](const PersonPractice& p) { return p.co_produced; }, false},
      {"new_network_members", Domain::relationships, "People with new network members since their first map",
       [](const PersonPractice& p) { return p.has_two_maps; }, [](const PersonPractice& p) { return p.new_network_members; }, false},
      {"contacts_relationships", Domain::relationships, "People whose recent contacts worked on their network",
       [](const PersonPractice&) { return true; }, [](const PersonPractice& p) { return p.contacts_relationships; }, true},
  };
  std::vector<Indicator> out;
  for (const auto& d : defs) {
    Indicator i{d.id, d.domain, d.label, 0, 0, d.key};
    for (const auto& p : people) {
      if (!d.counts(p)) continue;
      ++i.denominator;
      if (d.meets(p)) ++i.numerator;
    }
    out.push_back(std::move(i));
  }
  return out;
}

}  // namespace cp::fidelity
