// src/instruments/wording.cpp — merges a licence holder's wording file ("cp-wording/1") into
// a definition; the definition then says that licensed wording is loaded.
#include "cp/instruments/wording.hpp"

#include <fmt/format.h>

#include "instruments/json_check.hpp"

namespace cp::instruments {

using nlohmann::json;

Result<Definition> merge_wording(const Definition& d, std::string_view wording_json) {
  auto parsed = detail::parse_json_text(wording_json, "the wording file");
  if (!parsed) return parsed.error();
  const json& j = *parsed;
  if (!j.is_object()) return detail::wrong_type("(document)", "a JSON object");
  auto format = detail::req_string(j, "", "format");
  if (!format) return format.error();
  if (*format != "cp-wording/1")
    return Error::invalid("unsupported_format",
                          fmt::format("format '{}' is not cp-wording/1", *format), "format");
  auto inst = detail::req_string(j, "", "instrument");
  if (!inst) return inst.error();
  auto version = detail::req_string(j, "", "version");
  if (!version) return version.error();
  if (*inst != d.id || *version != d.version)
    return Error::invalid("wrong_instrument",
                          fmt::format("the wording is for {} version {}, not {} version {}", *inst,
                                      *version, d.id, d.version),
                          "instrument");
  auto licence = detail::req_string(j, "", "licence");
  if (!licence) return licence.error();
  auto language = detail::opt_string(j, "", "language");
  if (!language) return language.error();
  auto items = j.find("items");
  if (items == j.end()) return detail::missing_field("items");
  if (!items->is_object())
    return detail::wrong_type("items", "an object {item id: {text, options}}");
  Definition out = d;
  for (const auto& [item_id, w] : items->items()) {
    auto p = detail::join_path("items", item_id);
    Item* it = nullptr;
    for (auto& candidate : out.items)
      if (candidate.id == item_id) it = &candidate;
    if (!it)
      return Error::invalid(
          "unknown_item",
          fmt::format("item '{}' is not in {} version {}", item_id, d.id, d.version), p);
    if (!w.is_object()) return detail::wrong_type(p, "an object {text, options}");
    auto text = detail::req_string(w, p, "text");
    if (!text) return text.error();
    it->wording = *text;
    if (auto o = w.find("options"); o != w.end() && !o->is_null()) {
      auto op = detail::join_path(p, "options");
      if (!o->is_object()) return detail::wrong_type(op, "an object {code: wording}");
      for (const auto& [code, ow] : o->items()) {
        auto cp = detail::join_path(op, code);
        if (!ow.is_string()) return detail::wrong_type(cp, "a string");
        ResponseOption* opt = nullptr;
        for (auto& candidate : it->options)
          if (std::to_string(candidate.code) == code) opt = &candidate;
        if (!opt)
          return Error::invalid("unknown_code",
                                fmt::format("item '{}' has no code {}", item_id, code), cp);
        opt->wording = ow.get<std::string>();
      }
    }
  }
  out.wording_loaded = true;
  out.wording_note = fmt::format("Licensed wording loaded ({}{}{}).", *licence,
                                 language->empty() ? "" : "; ", *language);
  return out;
}

}  // namespace cp::instruments
