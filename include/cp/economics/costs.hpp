// include/cp/economics/costs.hpp — cost components by sector, the perspective filter, and the
// intervention's own cost per participant (training spread over participants + worker time).
//
// Service-use costing (CSRI items × unit costs, inflation) belongs to instruments/; this file
// takes costed components and decides which count under a perspective.
#pragma once

#include <string>
#include <vector>

#include "cp/domain/result.hpp"
#include "cp/economics/cea.hpp"

namespace cp::economics {

// Who bears a cost. The perspective filter (documented in docs/economics.md):
//   nhs_pss  counts nhs, personal_social_services, intervention;
//   societal counts every sector.
enum class Sector {
  nhs,                       // hospital, GP, community mental health, medication
  personal_social_services,  // local-authority social care
  intervention,              // delivering Connecting People (training, worker time)
  other_public,              // housing, criminal justice, benefits administration
  person_family,             // out-of-pocket costs, informal care
  productivity,              // lost work time
};

// Parses "nhs", "personal_social_services", "intervention", "other_public", "person_family",
// "productivity"; invalid_input naming the text otherwise.
cp::Result<Sector> parse_sector(const std::string& text);
const char* sector_name(Sector s);

// True when costs of sector `s` count under perspective `p`.
bool counts_under(Sector s, Perspective p);

struct CostComponent {
  std::string name;  // e.g. "gp_visits"
  Sector sector = Sector::nhs;
  double cost = 0.0;  // GBP, ≥ 0, finite
};

// Sum of the components that count under `p`. Errors (invalid_input, field =
// "components[i].cost"): a negative or non-finite cost.
cp::Result<double> perspective_total(const std::vector<CostComponent>& components, Perspective p);

// The intervention's own cost, per agency or team.
struct InterventionCostInputs {
  double training_cost_total = 0.0;  // GBP: trainer time, venue, materials, staff time training
  double participants = 0.0;         // people the training is spread over (> 0)
  double hourly_worker_cost = 0.0;   // GBP per hour of worker time (PSSRU-style unit cost)
};

// Cost of the intervention for one participant:
//   training_cost_total / participants + contact_minutes / 60 × hourly_worker_cost.
// `contact_minutes` = recorded contact time with (and for) that participant.
// Errors (invalid_input, field names the argument): negative or non-finite inputs,
// participants ≤ 0.
cp::Result<double> intervention_cost_per_participant(const InterventionCostInputs& in,
                                                     double contact_minutes);

}  // namespace cp::economics
