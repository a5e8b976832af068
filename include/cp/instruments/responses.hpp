// include/cp/instruments/responses.hpp — a (possibly partial) set of answers to one
// instrument, validated against its definition.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "cp/domain/result.hpp"
#include "cp/instruments/definition.hpp"

namespace cp::instruments {

struct Answer {
  bool missing = false;             // true: answered with a missing code (e.g. EQ-5D 9)
  std::optional<int> missing_code;  // the code given, when missing
  double number = 0;                // code/integer/number items
  std::string text;                 // text items
};

// Answers by item id. Items that are absent were not answered (yet): a partial set is valid;
// scores that need an unanswered item are reported missing with the reason.
struct ResponseSet {
  std::string instrument;
  std::string version;
  std::map<std::string, Answer> answers;

  // True when every item of `d` has an answer that is not a missing code.
  bool complete(const Definition& d) const;
  // The numeric answer to item_id, or nullopt if unanswered or a missing code.
  std::optional<double> value(const std::string& item_id) const;
};

// Validates a JSON object {item id: answer}. An answer is a number (code, integer, number
// items), a string (text items; numeric strings are not accepted for numeric items), or null
// (not answered). Errors (Error::field = the item id): unknown_item, wrong_type,
// out_of_range, not_a_code, not_an_integer, too_long, not_an_object. Never throws.
Result<ResponseSet> parse_responses(const Definition& d, const nlohmann::json& answers);

// The answers as a JSON object {item id: value}; missing codes are written as their code.
nlohmann::json to_json(const Definition& d, const ResponseSet& r);

}  // namespace cp::instruments
