// src/study/economics_bridge.cpp — [economics] → cp::economics (issue 7): spec from JSON,
// per-participant columns from the analysis dataset, result JSON and SVGs back.
#include "cp/study/economics_bridge.hpp"

#include <fmt/format.h>

#include <optional>

#include "cp/economics/cea.hpp"

namespace cp::study {

std::vector<std::string> economics_columns(const nlohmann::json& e) {
  std::vector<std::string> cols;
  for (const char* k : {"cost_baseline", "cost_followup", "utility_baseline", "utility_followup",
                        "capability_baseline", "capability_followup"})
    if (e.contains(k) && e[k].is_string() && !e[k].get<std::string>().empty())
      cols.push_back(e[k].get<std::string>());
  if (e.contains("costs") && e["costs"].is_array())
    for (const auto& c : e["costs"])
      for (const char* k : {"baseline", "followup"})
        if (c.is_object() && c.contains(k) && c[k].is_string() && !c[k].get<std::string>().empty())
          cols.push_back(c[k].get<std::string>());
  if (e.contains("intervention") && e["intervention"].is_object()) {
    const auto& i = e["intervention"];
    if (i.contains("contact_minutes") && i["contact_minutes"].is_string() && !i["contact_minutes"].get<std::string>().empty())
      cols.push_back(i["contact_minutes"].get<std::string>());
  }
  return cols;
}

namespace {

EconomicsOutput failure(const cp::Error& e, std::vector<std::string>& warnings) {
  warnings.push_back("economics: not estimated: " + e.message);
  EconomicsOutput out;
  out.json = {{"error", e.message}, {"error_code", e.code}};
  if (!e.field.empty()) out.json["field"] = e.field;
  return out;
}

std::vector<double> column(const AnalysisDataset& d, const std::string& name) {
  if (name.empty()) return {};
  auto it = d.extra.find(name);
  return it == d.extra.end() ? std::vector<double>{} : it->second;
}

}  // namespace

EconomicsOutput run_economics(const nlohmann::json& table, const AnalysisDataset& data,
                              std::vector<std::string>& warnings) {
  auto spec = economics::parse_economics_spec(table);
  if (!spec) return failure(spec.error(), warnings);
  economics::EconomicsInput in;
  in.arm = data.arm;
  in.cluster.reserve(data.rows());
  for (int c : data.cluster) in.cluster.push_back(data.cluster_labels[c]);
  in.cost_b = column(data, spec->cost_baseline);
  in.cost_f = column(data, spec->cost_followup);
  // Costs by sector under the perspective, plus the intervention's own cost (docs/economics.md).
  std::optional<nlohmann::json> costing;
  if (!spec->cost_components.empty() || spec->intervention_cost) {
    std::vector<economics::CostColumnValues> sectors;
    for (const auto& c : spec->cost_components)
      sectors.push_back({c, column(data, c.baseline), column(data, c.followup)});
    const auto minutes = spec->intervention_cost ? column(data, spec->intervention_cost->contact_minutes)
                                                 : std::vector<double>{};
    auto costs = economics::assemble_costs(sectors, spec->perspective, data.arm, spec->intervention_cost, minutes,
                                           in.cost_f);
    if (!costs) return failure(costs.error(), warnings);
    if (!sectors.empty()) in.cost_b = std::move(costs->baseline);
    in.cost_f = std::move(costs->followup);
    costing = std::move(costs->summary);
  }
  in.utility_b = column(data, spec->utility_baseline);
  in.utility_f = column(data, spec->utility_followup);
  in.capability_b = column(data, spec->capability_baseline);
  in.capability_f = column(data, spec->capability_followup);
  auto res = economics::run_economics(in, *spec);
  if (!res) return failure(res.error(), warnings);
  for (const auto& w : res->warnings) warnings.push_back("economics: " + w);
  EconomicsOutput out;
  out.json = economics::to_json(*res);
  if (costing) out.json["costing"] = std::move(*costing);
  out.report_html = "<h2>Cost-effectiveness</h2><figure>" + economics::ce_plane_svg(*res) +
                    "<figcaption>Cost-effectiveness plane (bootstrap replicates)</figcaption></figure><figure>" +
                    economics::ceac_svg(*res) +
                    "<figcaption>Cost-effectiveness acceptability curve</figcaption></figure>";
  return out;
}

}  // namespace cp::study
