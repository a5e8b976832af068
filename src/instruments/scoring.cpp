// src/instruments/scoring.cpp — the scoring entry point: dispatches to the definition's method,
// and the helpers every method shares (missing-item rule, table lookup, rounding, report JSON).
#include "cp/instruments/scoring.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "instruments/methods.hpp"

namespace cp::instruments {

using nlohmann::json;

const Score* ScoreReport::find(std::string_view name) const {
  for (const auto& s : scores)
    if (s.name == name) return &s;
  return nullptr;
}

namespace detail {

const Table* Context::table(const std::string& role, std::string* table_id,
                            std::string* reason) const {
  std::string id;
  if (auto o = options.tables.find(role); o != options.tables.end())
    id = o->second;
  else if (auto t = d.tables.find(role); t != d.tables.end())
    id = t->second;
  if (table_id) *table_id = id;
  if (id.empty()) {
    if (reason) *reason = fmt::format("no table is configured for '{}'", role);
    return nullptr;
  }
  auto it = tables.find(id);
  if (it == tables.end()) {
    if (reason) *reason = fmt::format("table '{}' ({}) is not loaded", id, role);
    return nullptr;
  }
  return &it->second;
}

void Context::add(Score s) const {
  if (s.value.is_number() && !std::isfinite(s.value.get<double>())) {
    add_missing(s.name, "the result is not a finite number (values out of range for this method)",
                s.items);
    return;
  }
  if (s.value.is_number_float()) {  // whole numbers are written as integers (70, not 70.0)
    double v = s.value.get<double>();
    if (v == std::floor(v) && std::fabs(v) < 1e15) s.value = static_cast<long long>(v);
  }
  s.provisional = s.provisional || d.provisional;
  out.scores.push_back(std::move(s));
}

void Context::add_missing(std::string name, std::string reason,
                          std::vector<std::string> items) const {
  out.missing.push_back({std::move(name), std::move(reason), std::move(items)});
}

std::optional<std::vector<double>> collect(const Context& c, const std::string& score_name,
                                           const std::vector<std::string>& items,
                                           std::vector<std::string>* answered_items,
                                           bool require_all) {
  if (items.empty()) {
    c.add_missing(score_name, "no items are defined for this score (not yet published to us)");
    return std::nullopt;
  }
  std::vector<double> values;
  std::vector<std::string> absent;
  for (const auto& id : items) {
    auto v = c.r.value(id);
    if (v) {
      values.push_back(*v);
      if (answered_items) answered_items->push_back(id);
    } else {
      absent.push_back(id);
    }
  }
  int allowed =
      c.d.missing_rule.rule == "max_missing" && !require_all ? c.d.missing_rule.max_missing : 0;
  if (static_cast<int>(absent.size()) > allowed || values.empty()) {
    std::string list;
    for (const auto& a : absent) list += (list.empty() ? "" : ", ") + a;
    c.add_missing(
        score_name,
        allowed == 0
            ? fmt::format("item(s) not answered: {} (rule: no score if any item is missing)", list)
            : fmt::format("{} item(s) not answered: {} (rule: at most {} missing)", absent.size(),
                          list, allowed),
        absent);
    return std::nullopt;
  }
  return values;
}

std::vector<std::string> scored_items(const Definition& d) {
  std::vector<std::string> out;
  for (const auto& it : d.items)
    if (it.scored) out.push_back(it.id);
  return out;
}

std::vector<std::string> string_params(const json& params, const char* key) {
  std::vector<std::string> out;
  auto it = params.find(key);
  if (it == params.end() || !it->is_array()) return out;
  for (const auto& v : *it)
    if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

int as_int(double x) {
  if (!(x > -2147483648.0)) return std::numeric_limits<int>::min();
  if (!(x < 2147483647.0)) return std::numeric_limits<int>::max();
  return static_cast<int>(x);
}

double round_to(double x, int digits) {
  double f = std::pow(10.0, digits);
  double r = std::round(x * f) / f;
  return r == 0.0 ? 0.0 : r;  // no "-0"
}

std::string format_number(double x) {
  if (x == std::floor(x) && std::fabs(x) < 1e15)
    return fmt::format("{}", static_cast<long long>(x));
  return fmt::format("{}", x);
}

std::string table_label(const Table& t) {
  if (t.example) return t.id + " (EXAMPLE TABLE: not for real scoring)";
  if (t.provisional) return t.id + " (provisional)";
  return t.id;
}

}  // namespace detail

ScoreReport score(const Definition& d, const ResponseSet& r, const TableSet& tables,
                  const ScoringOptions& options) {
  ScoreReport out;
  out.instrument = d.id;
  out.version = d.version;
  out.provisional = d.provisional;
  out.complete = r.complete(d);
  detail::Context c{d, r, tables, options, out};
  const auto& m = d.scoring.method;
  if (m == "sum")
    detail::score_sum(c);
  else if (m == "wemwbs")
    detail::score_wemwbs(c);
  else if (m == "swemwbs")
    detail::score_swemwbs(c);
  else if (m == "domain_mean")
    detail::score_domain_mean(c);
  else if (m == "eq5d")
    detail::score_eq5d(c);
  else if (m == "tariff")
    detail::score_tariff(c);
  else if (m == "csri_costs")
    detail::score_csri_costs(c);
  else if (m == "rq")
    detail::score_rq(c);
  else if (m == "leq")
    detail::score_leq(c);
  else if (m == "srh")
    detail::score_srh(c);
  else if (m == "demographics")
    detail::score_demographics(c);
  else
    c.add_missing("*", fmt::format("scoring method '{}' is not known", m));
  return out;
}

json to_json(const ScoreReport& report) {
  json j;
  j["instrument"] = report.instrument;
  j["version"] = report.version;
  j["provisional"] = report.provisional;
  j["complete"] = report.complete;
  j["scores"] = json::object();
  j["derivations"] = json::object();
  for (const auto& s : report.scores) {
    j["scores"][s.name] = s.value;
    json dj{{"method", s.derivation}, {"items", s.items}, {"provisional", s.provisional}};
    if (!s.table.empty()) dj["table"] = s.table;
    j["derivations"][s.name] = dj;
  }
  j["missing"] = json::array();
  for (const auto& m : report.missing) {
    json mj{{"score", m.name}, {"reason", m.reason}};
    if (!m.items.empty()) mj["items"] = m.items;
    j["missing"].push_back(mj);
  }
  return j;
}

Result<double> swemwbs_metric(int raw, const Table& conversion) {
  if (raw < 7 || raw > 35)
    return Error::invalid("out_of_range",
                          fmt::format("swemwbs_metric: raw score {} is outside 7–35", raw), "raw");
  auto v = conversion.get(std::to_string(raw));
  if (!v)
    return Error::infeasible(
        "table_value_missing",
        fmt::format("swemwbs_metric: table '{}' has no value for raw {}", conversion.id, raw),
        "raw");
  return *v;
}

Result<double> imd_exponential_transform(double rank_fraction) {
  if (!std::isfinite(rank_fraction) || rank_fraction < 0.0 || rank_fraction > 1.0)
    return Error::invalid(
        "out_of_range",
        "imd_exponential_transform: rank_fraction must be a finite number in [0, 1]",
        "rank_fraction");
  return -23.0 * std::log(1.0 - rank_fraction * (1.0 - std::exp(-100.0 / 23.0)));
}

Result<RqDimensions> rq_dimensions(int secure, int fearful, int preoccupied, int dismissing) {
  const std::pair<const char*, int> args[] = {{"secure", secure},
                                              {"fearful", fearful},
                                              {"preoccupied", preoccupied},
                                              {"dismissing", dismissing}};
  for (auto [name, v] : args)
    if (v < 1 || v > 7)
      return Error::invalid(
          "out_of_range", fmt::format("rq_dimensions: {} rating {} is outside 1–7", name, v), name);
  return RqDimensions{(secure + dismissing) - (fearful + preoccupied),
                      (secure + preoccupied) - (fearful + dismissing)};
}

}  // namespace cp::instruments
