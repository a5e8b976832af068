// src/instruments/score_costs.cpp — CSRI service costs: units of each service used × its unit
// cost (table role "unit_costs", in that table's price year), optionally inflated to a chosen
// price year with a price index (role "price_index"); per-service costs and total_cost.
#include <fmt/format.h>

#include "instruments/methods.hpp"

namespace cp::instruments::detail {

void score_csri_costs(const Context& c) {
  auto services = string_params(c.d.scoring.parameters, "services");
  std::string cost_id, reason;
  const Table* costs = c.table("unit_costs", &cost_id, &reason);
  if (!costs) {
    c.add_missing("total_cost", reason);
    return;
  }
  // Inflation factor from the unit-cost price year to the chosen one.
  double factor = 1.0;
  std::string inflation =
      fmt::format("in {} prices", costs->price_year.empty() ? "unstated" : costs->price_year);
  bool provisional = costs->provisional || costs->example;
  std::string index_id;
  if (!c.options.price_year.empty() && c.options.price_year != costs->price_year) {
    std::string why;
    const Table* index = c.table("price_index", &index_id, &why);
    if (!index) {
      c.add_missing("total_cost",
                    fmt::format("cannot inflate to {}: {}", c.options.price_year, why));
      return;
    }
    auto from = index->get(costs->price_year);
    auto to = index->get(c.options.price_year);
    if (!from || !to || *from <= 0) {
      c.add_missing("total_cost",
                    fmt::format("price index {} has no value for {} or {}", table_label(*index),
                                costs->price_year, c.options.price_year));
      return;
    }
    factor = *to / *from;
    provisional = provisional || index->provisional || index->example;
    inflation = fmt::format("inflated from {} to {} prices × {}/{} ({})", costs->price_year,
                            c.options.price_year, format_number(*to), format_number(*from),
                            table_label(*index));
  }
  double total = 0;
  std::vector<std::string> used, lacking;
  for (const auto& s : services) {
    std::string name = "cost_" + s;
    auto units = c.r.value(s);
    if (!units) {
      c.add_missing(name, fmt::format("service use '{}' not answered", s), {s});
      lacking.push_back(s);
      continue;
    }
    auto unit_cost = costs->get(s);
    if (*units == 0) {
      c.add({name, 0.0, "no use of this service", {s}, cost_id, provisional});
      used.push_back(s);
      continue;
    }
    if (!unit_cost) {
      c.add_missing(name, fmt::format("no unit cost for '{}' in {}", s, table_label(*costs)), {s});
      lacking.push_back(s);
      continue;
    }
    double cost = round_to(*units * *unit_cost * factor, 2);
    c.add({name,
           cost,
           fmt::format("{} units × {} {} per unit ({}), {}", format_number(*units),
                       format_number(*unit_cost), costs->currency, table_label(*costs), inflation),
           {s},
           cost_id,
           provisional});
    total += cost;
    used.push_back(s);
  }
  if (!lacking.empty()) {
    std::string list;
    for (const auto& l : lacking) list += (list.empty() ? "" : ", ") + l;
    c.add_missing("total_cost", fmt::format("cost missing for: {}", list), lacking);
    return;
  }
  c.add({"total_cost", round_to(total, 2),
         fmt::format("sum of {} service costs, {}", used.size(), inflation), used, cost_id,
         provisional});
}

}  // namespace cp::instruments::detail
