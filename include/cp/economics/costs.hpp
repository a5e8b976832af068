// include/cp/economics/costs.hpp — cost components by sector, the perspective filter, and the
// intervention's own cost per participant (training spread over participants + worker time).
//
// Service-use costing (CSRI items × unit costs, inflation) belongs to instruments/; this file
// takes costed components and decides which count under a perspective.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cp/domain/result.hpp"

namespace cp::economics {

// Which cost components count:
//   nhs_pss  — NHS and personal social services (NICE reference case);
//   societal — the above plus other public sector, the person and family, productivity.
enum class Perspective { nhs_pss, societal };

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

// ---- costs per participant from sector columns (the [[economics.costs]] spec) ----

// Names the columns of one cost sector: baseline period (may be empty when the cost increment
// is not adjusted for baseline cost) and follow-up period.
struct CostColumns {
  Sector sector = Sector::nhs;
  std::string baseline;
  std::string followup;
};

// The [economics.intervention] spec: inputs, and the column holding each participant's
// recorded contact minutes (empty: training cost only).
struct InterventionCostSpec {
  InterventionCostInputs inputs;
  std::string contact_minutes;
};

// One sector's values, per participant (NaN = missing), in dataset order.
struct CostColumnValues {
  CostColumns columns;
  std::vector<double> baseline;  // empty when columns.baseline is empty
  std::vector<double> followup;
};

struct AssembledCosts {
  std::vector<double> baseline;  // empty when no sector has a baseline column
  std::vector<double> followup;
  nlohmann::json summary;        // results.json economics.costing (docs/economics.md)
};

// Per-participant cost per period = the sum of the sectors that count under `p`; a participant
// missing any counted sector's value in a period is missing in that period (NaN), never
// silently short. Sectors that do not count are ignored, missing or not. When `intervention`
// is set, arm-1 participants' follow-up cost gains intervention_cost_per_participant(inputs,
// minutes) (minutes = 0 without a contact-minutes column; a missing minutes value makes the
// follow-up cost missing); control participants gain nothing (usual care is costed through
// service use). `followup_fallback` is used as the follow-up base when `sectors` is empty (a
// pre-totalled column). Errors (invalid_input): length mismatches, negative or non-finite
// present values naming column and row, no sector counting under `p`.
cp::Result<AssembledCosts> assemble_costs(const std::vector<CostColumnValues>& sectors, Perspective p,
                                          const std::vector<int>& arm,
                                          const std::optional<InterventionCostSpec>& intervention,
                                          const std::vector<double>& contact_minutes,
                                          const std::vector<double>& followup_fallback = {});

}  // namespace cp::economics
