// tests/fuzz/instruments_fuzz.cpp — libFuzzer target for the instrument parsers (issue 3):
// definitions, tables, lookup CSV, wording files, FHIR and REDCap imports, and response sets
// scored against every shipped-like definition. None may crash, hang or trip a sanitizer.
// fuzz-sources: src/instruments/*.cpp
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "cp/instruments/catalogue.hpp"
#include "cp/instruments/interop.hpp"
#include "cp/instruments/wording.hpp"

namespace ins = cp::instruments;

namespace {

// A small definition exercising every response type, with a sum and a domain mean.
const ins::Definition& fixed_definition() {
  static const ins::Definition d = [] {
    auto r = ins::parse_definition(
        R"({"format":"cp-instrument/1","id":"fz","version":"1","title":"Fuzz","licence":"ours",
      "items":[{"id":"a","topic":"a","type":"code","options":[{"code":1,"label":"x"},{"code":2,"label":"y"}],"missing_codes":[9]},
               {"id":"b","topic":"b","type":"integer","min":0,"max":100,"missing_codes":[-9]},
               {"id":"c","topic":"c","type":"number","min":-1.5,"max":1.5},
               {"id":"t","topic":"t","type":"text","max_length":9,"scored":false}],
      "subscales":[{"id":"s","items":["a","b"]}],
      "scoring":{"method":"sum","parameters":{"items":["a","b","c"]}},
      "missing_rule":{"rule":"max_missing","max_missing":1,"verified":false,"note":"fuzz"},
      "sources":[{"id":"x","citation":"x"}]})");
    if (!r.ok()) __builtin_trap();
    return *r;
  }();
  return d;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // The first byte chooses the parser; the rest is its input.
  const uint8_t selector = data[0] % 8;
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  const auto& d = fixed_definition();
  switch (selector) {
    case 0: {
      auto def = ins::parse_definition(text);
      if (def.ok()) {
        (void)ins::to_fhir_questionnaire(*def);
        auto csv = ins::to_redcap_dictionary(*def);
        (void)ins::from_redcap_dictionary(csv);
        // Score an empty (partial) response set against whatever parsed.
        ins::ResponseSet empty;
        (void)ins::to_json(ins::score(*def, empty, {}));
      }
      break;
    }
    case 1: {
      auto answers = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
      if (answers.is_discarded()) break;
      auto r = ins::parse_responses(d, answers);
      if (r.ok()) {
        (void)ins::to_json(ins::score(d, *r, {}));
        (void)ins::to_fhir_questionnaire_response(d, *r);
        (void)ins::to_redcap_records(d, {{"1", *r}});
      }
      break;
    }
    case 2:
      (void)ins::parse_table(text);
      break;
    case 3:
      (void)ins::parse_lookup_csv(text, "t", "lsoa_code", "imd_decile");
      break;
    case 4:
      (void)ins::merge_wording(d, text);
      break;
    case 5: {
      auto q = ins::from_fhir_questionnaire(text);
      if (q.ok()) (void)ins::to_fhir_questionnaire(*q);
      break;
    }
    case 6: {
      auto q = ins::from_redcap_dictionary(text);
      if (q.ok()) (void)ins::to_redcap_dictionary(*q);
      (void)ins::from_redcap_records(d, text);
      break;
    }
    case 7:
      (void)ins::from_fhir_questionnaire_response(d, text);
      break;
  }
  return 0;
}
