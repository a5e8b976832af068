// src/economics/costs.cpp — perspective filter of cost components and intervention cost.
#include "cp/economics/costs.hpp"

#include <fmt/format.h>

#include "economics/checks.hpp"

namespace cp::economics {

namespace {
struct SectorName {
  Sector sector;
  const char* name;
};
constexpr SectorName kSectors[] = {
    {Sector::nhs, "nhs"},
    {Sector::personal_social_services, "personal_social_services"},
    {Sector::intervention, "intervention"},
    {Sector::other_public, "other_public"},
    {Sector::person_family, "person_family"},
    {Sector::productivity, "productivity"},
};
}  // namespace

cp::Result<Sector> parse_sector(const std::string& text) {
  for (const auto& s : kSectors)
    if (text == s.name) return s.sector;
  return Error::invalid("unknown_sector",
                        fmt::format("unknown cost sector '{}' (expected nhs, "
                                    "personal_social_services, intervention, other_public, "
                                    "person_family or productivity)",
                                    text),
                        "sector");
}

const char* sector_name(Sector s) {
  for (const auto& x : kSectors)
    if (x.sector == s) return x.name;
  return "unknown";
}

bool counts_under(Sector s, Perspective p) {
  if (p == Perspective::societal) return true;
  return s == Sector::nhs || s == Sector::personal_social_services || s == Sector::intervention;
}

cp::Result<double> perspective_total(const std::vector<CostComponent>& components, Perspective p) {
  double total = 0.0;
  for (std::size_t i = 0; i < components.size(); ++i) {
    const auto field = fmt::format("components[{}].cost", i);
    if (auto e = detail::check_nonnegative("perspective_total", field, components[i].cost))
      return *e;
    if (counts_under(components[i].sector, p)) total += components[i].cost;
  }
  return total;
}

cp::Result<double> intervention_cost_per_participant(const InterventionCostInputs& in,
                                                     double contact_minutes) {
  constexpr const char* fn = "intervention_cost_per_participant";
  if (auto e = detail::check_nonnegative(fn, "training_cost_total", in.training_cost_total))
    return *e;
  if (auto e = detail::check_positive(fn, "participants", in.participants)) return *e;
  if (auto e = detail::check_nonnegative(fn, "hourly_worker_cost", in.hourly_worker_cost))
    return *e;
  if (auto e = detail::check_nonnegative(fn, "contact_minutes", contact_minutes)) return *e;
  return in.training_cost_total / in.participants + contact_minutes / 60.0 * in.hourly_worker_cost;
}

}  // namespace cp::economics
