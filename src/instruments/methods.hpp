// src/instruments/methods.hpp — the scoring methods behind scoring.hpp: one checker (logic
// stage of parse_definition) and one scorer per method, plus the helpers they share. Internal.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cp/instruments/scoring.hpp"

namespace cp::instruments::detail {

// Logic-stage check of scoring.method and scoring.parameters (errors name the JSON path).
Result<Unit> check_method(const Definition& d);

struct Context {
  const Definition& d;
  const ResponseSet& r;
  const TableSet& tables;
  const ScoringOptions& options;
  ScoreReport& out;

  // The table bound to `role` (options override the definition). On failure adds nothing and
  // returns nullptr with `reason` set ("no table for role …", "table … is not loaded").
  const Table* table(const std::string& role, std::string* table_id, std::string* reason) const;
  void add(Score s) const;
  void add_missing(std::string name, std::string reason, std::vector<std::string> items = {}) const;
};

// Values of `items` under the definition's missing rule. Returns nullopt (and records
// `score_name` as missing, naming the items) if the rule says the scale cannot be scored.
// `answered_items` receives the items that had values, in order. `require_all`: every item
// must be answered whatever the rule (for methods that need a full profile).
std::optional<std::vector<double>> collect(const Context& c, const std::string& score_name,
                                           const std::vector<std::string>& items,
                                           std::vector<std::string>* answered_items = nullptr,
                                           bool require_all = false);

std::vector<std::string> scored_items(const Definition& d);
std::vector<std::string> string_params(const nlohmann::json& params, const char* key);
double round_to(double x, int digits);
// A whole-number answer as int, clamped to the int range (answers are range-checked before, but
// a definition may allow numbers beyond int; casting those directly would be undefined).
int as_int(double x);
std::string format_number(double x);
std::string table_label(const Table& t);  // "id (EXAMPLE…)" / "id (provisional)"

// Scorers, one per method (scoring.hpp lists the scores each gives).
void score_sum(const Context& c);
void score_wemwbs(const Context& c);
void score_swemwbs(const Context& c);
void score_domain_mean(const Context& c);
void score_eq5d(const Context& c);
void score_tariff(const Context& c);
void score_csri_costs(const Context& c);
void score_rq(const Context& c);
void score_leq(const Context& c);
void score_srh(const Context& c);
void score_demographics(const Context& c);

}  // namespace cp::instruments::detail
