// include/cp/app/access.hpp — who may see and change what: the role table of DESIGN.md in one
// place. Pure functions of the caller and the facts of the record; app/ use cases call them
// before touching data, and audit every refusal.
//
//   person        their own record (read); they write their own network map, goals and ideas
//   practitioner  people they work with (read and write); their team's caseload (read: cover)
//   team_leader   the team's records (read and write)
//   agency_admin  accounts, teams, the directory; no personal records
//   researcher    pseudonymised study data only; no personal records
//   system_admin  configuration, backups, audit review; no personal records
#pragma once

#include <vector>

#include "cp/app/caller.hpp"
#include "cp/store/records.hpp"

namespace cp::app {

enum class Access { none = 0, read = 1, write = 2 };

Access access_to_partnership(const Caller& c, const store::PartnershipRow& p);
// The most the caller may do with any of the person's partnerships (none when there are none),
// or read for the person themself.
Access access_to_person(const Caller& c, long long person_id,
                        const std::vector<store::PartnershipRow>& partnerships);

// The caller's access to one kind of the person's practice record (docs/practice-api.md): as
// access_to_person, except that the person themself may write the kinds that are theirs to
// edit (`person_may_write`: the network map, goals with objectives and activities, ideas).
Access access_to_practice_record(const Caller& c, long long person_id,
                                 const std::vector<store::PartnershipRow>& partnerships,
                                 bool person_may_write);

bool may_read_caseload(const Caller& c);     // practitioner, team_leader
bool may_list_teams(const Caller& c);        // anyone attached to an agency except a person
bool may_review_audit(const Caller& c);      // system_admin
// A transfer must go to an active worker in the same agency; the team leader or the current
// worker may transfer.
bool may_transfer_to(const Caller& c, const store::PartnershipRow& p,
                     const store::WorkerRow& to);

// The agency's community directory (issue 4, part 5; app/directory.hpp). Always within the
// caller's own agency. Read: the agency's workers and people (people see no confidential entries
// or locations); edit: practitioners, team leaders, agency admin; import and export: agency admin.
bool may_read_directory(const Caller& c);
bool may_edit_directory(const Caller& c);
bool may_transfer_directory(const Caller& c);
bool sees_confidential_directory(const Caller& c);  // the agency's own workers

}  // namespace cp::app
