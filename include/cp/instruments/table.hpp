// include/cp/instruments/table.hpp — a scoring table (value set, crosswalk, conversion, tariff,
// unit costs, price index, area lookup) loaded from data, with its source and status.
//
// Tables are data, never code: data/value-sets/*.json, data/unit-costs/*.json (format
// "cp-table/1") and area lookups such as data/imd/*.csv. A value may be null: the figure is
// not published to us, and any score needing it is missing with that reason.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "cp/domain/result.hpp"

namespace cp::instruments {

// Known kinds:
//   "eq5d_additive"  keys: "constant" (subtracted once if any dimension > 1), "n3" (once if
//                    any dimension is at level 3), "<DIM><level>" e.g. "MO2" (decrements,
//                    positive numbers are subtracted from `start`, default 1)
//   "lookup"         any string key -> value (crosswalk profile, raw score, LSOA code…)
//   "tariff"         keys "<item>.<code>" -> value; index = sum over items
//   "unit_costs"     keys = service item ids -> cost per unit at `price_year`
//   "price_index"    keys = price years (e.g. "2019/20") -> index value
struct Table {
  std::string id;
  std::string title;
  std::string kind;
  bool provisional = false;
  bool example = false;       // a clearly labelled example, never for real scoring
  std::string price_year;     // unit_costs: the year the costs are in
  std::string currency;       // unit_costs, e.g. "GBP"
  std::optional<int> digits;  // published precision of results (e.g. 3 for EQ-5D)
  double start = 1.0;         // eq5d_additive: value of full health before decrements
  nlohmann::json source = nlohmann::json::object();  // citation, doi, url, via
  std::string notes;
  std::map<std::string, std::optional<double>> values;  // null = not published to us

  // The value for key, or nullopt if absent or null.
  std::optional<double> get(const std::string& key) const;
};

// Parses a "cp-table/1" JSON document. Errors name the JSON path. Never throws.
Result<Table> parse_table(std::string_view json);

// Parses an area lookup CSV (e.g. IMD 2019 deciles by LSOA). The header row must contain a key
// column and a value column, named `key_column` / `value_column` (case-insensitive). Lines
// starting with '#' before the header are comments; "# example: true" marks an example file.
// Values must be finite numbers; an empty cell is a null value. Errors name row and column.
Result<Table> parse_lookup_csv(std::string_view csv, const std::string& table_id,
                               const std::string& key_column, const std::string& value_column);

nlohmann::json to_json(const Table& t);

}  // namespace cp::instruments
