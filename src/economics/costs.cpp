// src/economics/costs.cpp — perspective filter of cost components and intervention cost.
#include "cp/economics/costs.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>

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

namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

std::optional<Error> check_column(const std::string& column, const std::vector<double>& values,
                                  std::size_t n) {
  if (values.size() != n)
    return Error::invalid("size_mismatch",
                          fmt::format("economics: cost column '{}' has {} values, the dataset {}",
                                      column, values.size(), n),
                          column);
  for (std::size_t i = 0; i < n; ++i) {
    const double x = values[i];
    if (std::isnan(x)) continue;
    if (!std::isfinite(x) || x < 0.0)
      return Error::invalid(std::isfinite(x) ? "negative_cost" : "not_finite",
                            fmt::format("economics: cost must be a finite amount ≥ 0, got {} in "
                                        "column '{}', row {}",
                                        x, column, i + 1),
                            fmt::format("{}, row {}", column, i + 1));
  }
  return std::nullopt;
}

}  // namespace

cp::Result<AssembledCosts> assemble_costs(const std::vector<CostColumnValues>& sectors, Perspective p,
                                          const std::vector<int>& arm,
                                          const std::optional<InterventionCostSpec>& intervention,
                                          const std::vector<double>& contact_minutes,
                                          const std::vector<double>& followup_fallback) {
  const std::size_t n = arm.size();
  AssembledCosts out;
  nlohmann::json components = nlohmann::json::array();
  bool any_counted = false, any_baseline = false;
  for (const auto& s : sectors) {
    if (auto e = check_column(s.columns.followup, s.followup, n)) return *e;
    if (!s.columns.baseline.empty()) {
      if (auto e = check_column(s.columns.baseline, s.baseline, n)) return *e;
      any_baseline = true;
    }
    const bool counted = counts_under(s.columns.sector, p);
    any_counted = any_counted || counted;
    components.push_back({{"sector", sector_name(s.columns.sector)},
                          {"baseline", s.columns.baseline.empty() ? nlohmann::json(nullptr)
                                                                  : nlohmann::json(s.columns.baseline)},
                          {"followup", s.columns.followup},
                          {"counted", counted}});
  }
  if (!sectors.empty() && !any_counted)
    return Error::invalid("no_costs_counted",
                          fmt::format("economics: no cost sector counts under the {} perspective",
                                      p == Perspective::nhs_pss ? "nhs_pss" : "societal"),
                          "economics.costs");

  if (sectors.empty()) {
    if (auto e = check_column("cost_followup", followup_fallback, n)) return *e;
    out.followup = followup_fallback;
  } else {
    out.followup.assign(n, 0.0);
    if (any_baseline) out.baseline.assign(n, 0.0);
    for (const auto& s : sectors) {
      if (!counts_under(s.columns.sector, p)) continue;
      for (std::size_t i = 0; i < n; ++i) {
        out.followup[i] += s.followup[i];  // NaN propagates: missing stays missing
        if (any_baseline) {
          if (s.columns.baseline.empty())
            return Error::invalid("missing_baseline_column",
                                  fmt::format("economics: sector {} has no baseline column while others do; "
                                              "give every counted sector a baseline column",
                                              sector_name(s.columns.sector)),
                                  "economics.costs");
          out.baseline[i] += s.baseline[i];
        }
      }
    }
  }

  nlohmann::json summary = {{"perspective", p == Perspective::nhs_pss ? "nhs_pss" : "societal"},
                            {"components", components}};
  if (intervention) {
    const auto& in = intervention->inputs;
    if (!intervention->contact_minutes.empty() && contact_minutes.size() != n)
      return Error::invalid("size_mismatch",
                            fmt::format("economics: column '{}' has {} values, the dataset {}",
                                        intervention->contact_minutes, contact_minutes.size(), n),
                            intervention->contact_minutes);
    double sum = 0.0, minutes_sum = 0.0;
    std::size_t counted = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (arm[i] != 1) continue;
      const double minutes = intervention->contact_minutes.empty() ? 0.0 : contact_minutes[i];
      if (std::isnan(minutes)) {
        out.followup[i] = kMissing;
        continue;
      }
      auto cost = intervention_cost_per_participant(in, minutes);
      if (!cost) {
        Error e = cost.error();
        e.message += fmt::format(" (row {})", i + 1);
        e.field = intervention->contact_minutes.empty() ? "economics.intervention"
                                                        : fmt::format("{}, row {}", intervention->contact_minutes, i + 1);
        return e;
      }
      out.followup[i] += *cost;
      sum += *cost;
      minutes_sum += minutes;
      ++counted;
    }
    summary["intervention"] = {
        {"training_cost_total", in.training_cost_total},
        {"participants", in.participants},
        {"training_per_participant", in.training_cost_total / in.participants},
        {"hourly_worker_cost", in.hourly_worker_cost},
        {"contact_minutes", intervention->contact_minutes.empty() ? nlohmann::json(nullptr)
                                                                  : nlohmann::json(intervention->contact_minutes)},
        {"participants_costed", counted},
        {"mean_contact_minutes", counted ? nlohmann::json(minutes_sum / counted) : nlohmann::json(nullptr)},
        {"mean_cost_per_participant", counted ? nlohmann::json(sum / counted) : nlohmann::json(nullptr)}};
  }
  out.summary = std::move(summary);
  return out;
}

}  // namespace cp::economics
