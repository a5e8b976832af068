// include/cp/instruments/definition.hpp — an instrument definition (questionnaire as data):
// items in questionnaire order, subscales, scoring method, missing-item rule, tables and sources.
//
// Definitions are versioned JSON files (data/instruments/<id>.json, format "cp-instrument/1",
// documented in docs/instruments.md). They carry item ids and short topics in our own words,
// never licensed wording; wording is merged in later from a licence holder's file (wording.hpp).
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cp/domain/result.hpp"

namespace cp::instruments {

// How an answer is given. `code`: one of the listed options; `integer`: a whole number in
// [min, max]; `number`: a decimal in [min, max]; `text`: free text (at most max_length chars).
enum class ResponseType { code, integer, number, text };

std::string_view to_string(ResponseType t);

struct ResponseOption {
  int code = 0;
  std::string label;    // our own short label
  std::string wording;  // licensed wording, empty unless a wording file was merged
};

struct Item {
  std::string id;     // ^[a-z][a-z0-9_]*$, unique in the definition
  std::string topic;  // 2–6 words in our own words
  ResponseType type = ResponseType::code;
  std::vector<ResponseOption> options;  // `code` items only, in display order
  std::optional<double> min, max;       // allowed range (integer/number); derived for code
  std::vector<int> missing_codes;       // codes that mean "not answered / not known"
  std::optional<int> max_length;        // text items
  bool scored = true;                   // enters a score
  std::string wording;                  // licensed wording, empty unless loaded
};

struct Subscale {
  std::string id;
  std::string title;
  std::vector<std::string> items;  // item ids; may be empty while membership is unpublished
};

struct Scoring {
  std::string method;  // a known method, see scoring.hpp (e.g. "sum", "eq5d")
  nlohmann::json parameters = nlohmann::json::object();  // method-specific, checked on parse
  std::string note;
};

// Missing-item rule. `none_missing`: a scale is missing if any of its items is missing.
// `max_missing`: a scale is missing if more than `max_missing` of its items are missing (the
// method says how the rest are used, e.g. mean of the answered items).
struct MissingRule {
  std::string rule = "none_missing";
  int max_missing = 0;
  bool verified = false;  // false: the published rule was not verified; this is the safe rule
  std::string note;
};

struct Source {
  std::string id;  // short key, e.g. "EQ5D-R"
  std::string citation;
  std::string doi;
  std::string url;
  std::string note;
};

struct Definition {
  std::string id;
  std::string version;
  std::string title;
  bool provisional = false;
  std::string provisional_note;  // required when provisional: what is not yet published to us
  std::string licence;           // licence note
  bool wording_loaded = false;
  std::string wording_note;  // e.g. "licensed wording not loaded; topics shown"
  std::vector<Item> items;   // questionnaire order
  std::vector<Subscale> subscales;
  Scoring scoring;
  MissingRule missing_rule;
  std::map<std::string, std::string> tables;  // role (e.g. "utility") -> table id
  std::vector<Source> sources;

  const Item* find_item(std::string_view item_id) const;
};

// Parses a definition in two stages: structure (types and required fields), then logic
// (unique ids, subscale members exist, method parameters name real items…). Errors name the
// JSON path in Error::field, e.g. "items[3].options[1].code". Never throws on any input.
Result<Definition> parse_definition(std::string_view json);
Result<Definition> parse_definition_json(const nlohmann::json& j);

enum class ItemOrder {
  questionnaire,  // as asked
  scored_first,   // scored items first, then the rest; each group in questionnaire order
};

// The definition as JSON (format "cp-instrument/1"). Every item carries `position` (1-based
// questionnaire order), so parse_definition restores questionnaire order whatever the order.
nlohmann::json to_json(const Definition& d, ItemOrder order = ItemOrder::questionnaire);

}  // namespace cp::instruments
