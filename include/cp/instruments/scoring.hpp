// include/cp/instruments/scoring.hpp — scores a response set against its definition and
// returns every score with its derivation, and every score that could not be computed with
// the reason. Pure: tables are passed in, nothing is read from disk.
//
// Scoring methods (Definition::scoring.method), with the scores they give:
//   sum            `total` (or parameters.score) and one score per subscale (sum of items)
//   wemwbs         `total`; `swemwbs_raw`, `swemwbs_metric` from the SWEMWBS items
//   swemwbs        `raw`, `metric` (table role "metric_conversion")
//   eq5d           `profile`, `utility` (role "utility"), `utility_crosswalk` (role
//                  "utility_crosswalk", 5L only), `vas`
//   tariff         `index` = sum of tariff values (role "tariff")
//   csri_costs     `cost_<item>` per service, `total_cost` (roles "unit_costs", "price_index")
//   rq             `style`, `model_of_self`, `model_of_others`
//   leq            `events`, `positive_events`, `negative_events`, `positive_impact`,
//                  `negative_impact`, `total_impact`
//   srh            `dichotomous`, `trichotomous`
//   domain_mean    one score per subscale (domain) = mean of its items; `total`
//   demographics   `imd_decile` from an LSOA code (role "imd_lookup")
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cp/instruments/definition.hpp"
#include "cp/instruments/responses.hpp"
#include "cp/instruments/table.hpp"

namespace cp::instruments {

struct Score {
  std::string name;
  nlohmann::json value;            // a number or a string
  std::string derivation;          // how it was computed, in words and numbers
  std::vector<std::string> items;  // items it used
  std::string table;               // table id used, if any
  bool provisional = false;        // from a provisional definition or table
};

struct MissingScore {
  std::string name;
  std::string reason;
  std::vector<std::string> items;  // the items whose absence caused it, if any
};

struct ScoreReport {
  std::string instrument;
  std::string version;
  bool provisional = false;
  bool complete = false;  // every item answered
  std::vector<Score> scores;
  std::vector<MissingScore> missing;

  const Score* find(std::string_view name) const;
};

struct ScoringOptions {
  // Table role -> table id, overriding Definition::tables (e.g. {"utility":
  // "eq5d-5l-uk-rowen2026"} to score EQ-5D-5L with another value set).
  std::map<std::string, std::string> tables;
  // CSRI: inflate costs to this price year (a key of the price index). Empty: costs stay in
  // the unit-cost table's price year.
  std::string price_year;
};

using TableSet = std::map<std::string, Table>;  // table id -> table

// Scores `r` (validated against `d` by parse_responses). Never fails: what cannot be computed
// is listed in `missing` with the reason (item missing, table not loaded, value unpublished…).
ScoreReport score(const Definition& d, const ResponseSet& r, const TableSet& tables,
                  const ScoringOptions& options = {});

// {"instrument", "version", "provisional", "complete", "scores": {name: value},
//  "missing": [{"score", "reason", "items"}], "derivations": {name: {"method", "items",
//  "table", "provisional"}}}
nlohmann::json to_json(const ScoreReport& report);

// SWEMWBS raw (7–35) -> metric via the conversion table; error if out of range or not loaded.
Result<double> swemwbs_metric(int raw, const Table& conversion);

// IMD exponential transformation X = -23 ln(1 - R (1 - exp(-100/23))), R in [0, 1] (R = 1 is
// the most deprived). Error (field "rank_fraction") outside [0, 1] or not finite.
Result<double> imd_exponential_transform(double rank_fraction);

// Relationship Questionnaire dimensions (Griffin & Bartholomew 1994) from 1–7 ratings.
struct RqDimensions {
  int model_of_self;
  int model_of_others;
};
Result<RqDimensions> rq_dimensions(int secure, int fearful, int preoccupied, int dismissing);

}  // namespace cp::instruments
