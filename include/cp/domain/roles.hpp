// include/cp/domain/roles.hpp — the six roles of DESIGN.md ("Users and what they may see").
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cp::domain {

enum class Role { person, practitioner, team_leader, agency_admin, researcher, system_admin };

std::string_view to_string(Role r) noexcept;
std::optional<Role> role_from_string(std::string_view s) noexcept;
// All role names, for help texts and validation messages: "person, practitioner, …".
std::string role_names();

}  // namespace cp::domain
