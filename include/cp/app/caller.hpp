// include/cp/app/caller.hpp — who is asking: the signed-in account, its role and its place in
// the agency (team, worker record, person record), and where the request came from.
#pragma once

#include <optional>
#include <string>

#include "cp/domain/roles.hpp"

namespace cp::app {

struct Caller {
  long long account_id = 0;
  std::string username;
  std::string display_name;
  domain::Role role = domain::Role::person;
  std::optional<long long> agency_id, team_id, worker_id, person_id;
  std::string address;  // client address, for the audit log
};

}  // namespace cp::app
