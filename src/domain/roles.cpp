// src/domain/roles.cpp — role names as stored and as sent over the API.
#include "cp/domain/roles.hpp"

#include <array>
#include <utility>

namespace cp::domain {
namespace {
constexpr std::array<std::pair<Role, std::string_view>, 6> kRoles{{
    {Role::person, "person"},
    {Role::practitioner, "practitioner"},
    {Role::team_leader, "team_leader"},
    {Role::agency_admin, "agency_admin"},
    {Role::researcher, "researcher"},
    {Role::system_admin, "system_admin"},
}};
}  // namespace

std::string_view to_string(Role r) noexcept {
  for (auto& [role, name] : kRoles)
    if (role == r) return name;
  return "unknown";
}

std::optional<Role> role_from_string(std::string_view s) noexcept {
  for (auto& [role, name] : kRoles)
    if (name == s) return role;
  return std::nullopt;
}

std::string role_names() {
  std::string out;
  for (auto& [role, name] : kRoles) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

}  // namespace cp::domain
