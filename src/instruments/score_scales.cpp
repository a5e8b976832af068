// src/instruments/score_scales.cpp — scale scores built from item values: sums with
// subscales (sum), WEMWBS with its SWEMWBS short form (wemwbs), SWEMWBS raw and metric
// (swemwbs), and domain means for the CPIFS fidelity scales (domain_mean).
#include <fmt/format.h>

#include <cmath>
#include <numeric>

#include "instruments/methods.hpp"

namespace cp::instruments::detail {

namespace {

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

// Sum of `items` (prorated to the full length if the rule allows missing items).
void add_sum(const Context& c, const std::string& name, const std::vector<std::string>& items) {
  std::vector<std::string> used;
  auto values = collect(c, name, items, &used);
  if (!values) return;
  double sum = std::accumulate(values->begin(), values->end(), 0.0);
  std::string how = fmt::format("sum of {} items ({})", used.size(), join(used));
  if (values->size() < items.size()) {
    sum = sum / static_cast<double>(values->size()) * static_cast<double>(items.size());
    how = fmt::format("mean of {} answered items × {} (prorated; {} missing)", values->size(),
                      items.size(), items.size() - values->size());
    sum = round_to(sum, 2);
  }
  c.add({name, sum, how, used, "", false});
}

// raw -> metric through the table bound to role "metric_conversion".
void add_metric(const Context& c, const std::string& name, const Score* raw) {
  if (!raw) {
    c.add_missing(name, "the raw score is missing");
    return;
  }
  std::string id, reason;
  const Table* t = c.table("metric_conversion", &id, &reason);
  if (!t) {
    c.add_missing(name, reason);
    return;
  }
  double r = raw->value.get<double>();
  if (r != std::floor(r)) {
    c.add_missing(
        name,
        fmt::format(
            "raw score {} is not a whole number (prorated); the conversion needs all 7 items", r));
    return;
  }
  auto m = swemwbs_metric(as_int(r), *t);
  if (!m) {
    c.add_missing(name, m.error().message);
    return;
  }
  c.add({name, *m,
         fmt::format("raw {} converted with the Rasch-based table {}", format_number(r),
                     table_label(*t)),
         raw->items, id, t->provisional || t->example});
}

}  // namespace

void score_sum(const Context& c) {
  auto items = string_params(c.d.scoring.parameters, "items");
  if (!c.d.scoring.parameters.contains("items")) items = scored_items(c.d);
  std::string name = c.d.scoring.parameters.value("score", std::string("total"));
  add_sum(c, name, items);
  for (const auto& s : c.d.subscales) {
    if (s.items.empty()) {
      c.add_missing(
          s.id,
          fmt::format("membership of subscale '{}' is not published to us (provisional)", s.id));
      continue;
    }
    add_sum(c, s.id, s.items);
  }
}

void score_wemwbs(const Context& c) {
  add_sum(c, "total", scored_items(c.d));
  // SWEMWBS from a WEMWBS response: the 7 short-form items, converted (no proration).
  auto sw = string_params(c.d.scoring.parameters, "swemwbs_items");
  std::vector<std::string> used;
  auto values = collect(c, "swemwbs_raw", sw, &used, true);
  if (values && values->size() == sw.size()) {
    double raw = std::accumulate(values->begin(), values->end(), 0.0);
    c.add({"swemwbs_raw", raw,
           fmt::format("sum of the 7 SWEMWBS items within WEMWBS ({})", join(used)), used, "",
           false});
    add_metric(c, "swemwbs_metric", c.out.find("swemwbs_raw"));
  } else {
    if (values) c.add_missing("swemwbs_raw", "SWEMWBS needs all 7 items");
    c.add_missing("swemwbs_metric", "the raw score is missing");
  }
}

void score_swemwbs(const Context& c) {
  add_sum(c, "raw", scored_items(c.d));
  add_metric(c, "metric", c.out.find("raw"));
}

void score_domain_mean(const Context& c) {
  const auto& p = c.d.scoring.parameters;
  int digits = p.contains("digits") && p["digits"].is_number_integer() ? p["digits"].get<int>() : 2;
  std::string total_rule = p.value("total", std::string("mean_of_domains"));
  std::vector<double> domain_means;
  std::vector<std::string> all_used;
  double item_sum = 0;
  std::size_t item_n = 0;
  bool all_domains = true;
  for (const auto& s : c.d.subscales) {
    std::vector<std::string> used;
    auto values = collect(c, s.id, s.items, &used);
    if (!values) {
      all_domains = false;
      continue;
    }
    double sum = std::accumulate(values->begin(), values->end(), 0.0);
    double mean = sum / static_cast<double>(values->size());
    item_sum += sum;
    item_n += values->size();
    domain_means.push_back(mean);
    all_used.insert(all_used.end(), used.begin(), used.end());
    c.add({s.id, round_to(mean, digits),
           fmt::format("mean of {} of {} items ({}); declared method, aggregation unpublished",
                       values->size(), s.items.size(), join(used)),
           used, "", true});
  }
  if (!all_domains) {
    c.add_missing("total", "at least one domain is missing");
    return;
  }
  double total = total_rule == "mean_of_items"
                     ? item_sum / static_cast<double>(item_n)
                     : std::accumulate(domain_means.begin(), domain_means.end(), 0.0) /
                           static_cast<double>(domain_means.size());
  c.add({"total", round_to(total, digits),
         total_rule == "mean_of_items"
             ? "mean of all answered items; declared method, unpublished"
             : fmt::format("mean of the {} domain means; declared method, unpublished",
                           domain_means.size()),
         all_used, "", true});
}

}  // namespace cp::instruments::detail
