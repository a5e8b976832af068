// src/instruments/interop_common.cpp — shared helpers of the FHIR and REDCap exchange.
#include "instruments/interop_common.hpp"

#include <cctype>

#include "instruments/json_check.hpp"

namespace cp::instruments::detail {

using nlohmann::json;

std::string dump(const json& j, int indent) {
  return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

std::string form_name(const std::string& id) {
  std::string s = id;
  for (auto& c : s)
    if (c == '-') c = '_';
  return s;
}

std::optional<int> parse_int(const std::string& s) {
  if (s.empty() || s.size() > 10) return std::nullopt;
  std::size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
  if (i == s.size()) return std::nullopt;
  long long v = 0;
  for (std::size_t k = i; k < s.size(); ++k) {
    if (!std::isdigit(static_cast<unsigned char>(s[k]))) return std::nullopt;
    v = v * 10 + (s[k] - '0');
  }
  if (s[0] == '-') v = -v;
  if (v < -2147483648LL || v > 2147483647LL) return std::nullopt;
  return static_cast<int>(v);
}

json definition_meta(const Definition& d) {
  json j = to_json(d);
  j.erase("items");
  return j;
}

json item_meta(const Item& it) {
  json m{{"topic", it.topic}, {"scored", it.scored}};
  if (!it.missing_codes.empty()) m["missing_codes"] = it.missing_codes;
  if (!it.wording.empty()) m["wording"] = it.wording;
  bool option_wording = false;
  for (const auto& o : it.options) option_wording = option_wording || !o.wording.empty();
  if (option_wording) {
    json opts = json::array();
    for (const auto& o : it.options)
      opts.push_back({{"code", o.code}, {"label", o.label}, {"wording", o.wording}});
    m["options"] = opts;
  }
  return m;
}

Result<Unit> apply_item_meta(json& item, const std::string& meta_text, const std::string& path) {
  auto m = parse_json_text(meta_text, "the item metadata");
  if (!m) {
    auto e = m.error();
    e.field = path;
    return e;
  }
  if (!m->is_object()) return wrong_type(path, "an object of item metadata");
  for (const char* k : {"topic", "scored", "missing_codes", "wording", "options"})
    if (m->contains(k)) item[k] = (*m)[k];
  return Unit{};
}

json imported_meta(const std::string& name, const std::string& version, const std::string& title,
                   const std::string& citation) {
  std::string id;
  for (char c : name) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u))
      id += static_cast<char>(std::tolower(u));
    else if (!id.empty() && id.back() != '-')
      id += '-';
  }
  while (!id.empty() && (id.back() == '-')) id.pop_back();
  if (id.empty() || !std::isalpha(static_cast<unsigned char>(id[0]))) id = "imported-" + id;
  if (id.size() > 64) id.resize(64);
  return json{{"format", "cp-instrument/1"},
              {"id", id},
              {"version", version.empty() ? std::string("1") : version.substr(0, 32)},
              {"title", title.empty() ? id : title},
              {"provisional", true},
              {"provisional_note",
               "Imported without Connecting People metadata: no scoring method is defined."},
              {"licence", "Unknown: imported; check the licence of the original questionnaire."},
              {"subscales", json::array()},
              {"scoring", {{"method", "sum"}, {"parameters", {{"items", json::array()}}}}},
              {"missing_rule",
               {{"rule", "none_missing"},
                {"verified", false},
                {"note", "Imported; no published rule known."}}},
              {"sources", json::array({{{"id", "import"}, {"citation", citation}}})}};
}

}  // namespace cp::instruments::detail
