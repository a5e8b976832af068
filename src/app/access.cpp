// src/app/access.cpp — the role table as code (see access.hpp).
#include "cp/app/access.hpp"

#include <algorithm>

namespace cp::app {

using domain::Role;

Access access_to_partnership(const Caller& c, const store::PartnershipRow& p) {
  switch (c.role) {
    case Role::person:
      return c.person_id && *c.person_id == p.person_id ? Access::read : Access::none;
    case Role::practitioner:
      if (c.worker_id && *c.worker_id == p.worker_id) return Access::write;
      if (c.team_id && *c.team_id == p.team_id) return Access::read;  // covering a colleague
      return Access::none;
    case Role::team_leader:
      return c.team_id && *c.team_id == p.team_id ? Access::write : Access::none;
    case Role::agency_admin:
    case Role::researcher:
    case Role::system_admin:
      return Access::none;
  }
  return Access::none;
}

Access access_to_person(const Caller& c, long long person_id,
                        const std::vector<store::PartnershipRow>& partnerships) {
  if (c.role == Role::person) return c.person_id && *c.person_id == person_id ? Access::read : Access::none;
  Access best = Access::none;
  for (const auto& p : partnerships) best = std::max(best, access_to_partnership(c, p));
  return best;
}

Access access_to_practice_record(const Caller& c, long long person_id,
                                 const std::vector<store::PartnershipRow>& partnerships,
                                 bool person_may_write) {
  const Access a = access_to_person(c, person_id, partnerships);
  if (c.role == Role::person && a != Access::none && person_may_write) return Access::write;
  return a;
}

bool may_read_caseload(const Caller& c) {
  return (c.role == Role::practitioner && c.worker_id) || (c.role == Role::team_leader && c.team_id);
}

bool may_list_teams(const Caller& c) {
  return c.agency_id && (c.role == Role::practitioner || c.role == Role::team_leader ||
                         c.role == Role::agency_admin);
}

bool may_review_audit(const Caller& c) { return c.role == Role::system_admin; }

bool may_transfer_to(const Caller& c, const store::PartnershipRow& p,
                     const store::WorkerRow& to) {
  return access_to_partnership(c, p) == Access::write && to.agency_id == p.agency_id &&
         to.id != p.worker_id;
}

}  // namespace cp::app
