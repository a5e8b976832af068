// src/instruments/fhir.cpp — FHIR R4 Questionnaire and QuestionnaireResponse export and
// import. What FHIR has no element for travels in Connecting People extensions, so that
// export → import gives the same definition.
#include <fmt/format.h>

#include <cmath>

#include "cp/instruments/interop.hpp"
#include "instruments/interop_common.hpp"
#include "instruments/json_check.hpp"

namespace cp::instruments {

using nlohmann::json;

namespace {

constexpr std::string_view kItemExtension =
    "https://connecting-people.org.uk/fhir/StructureDefinition/cp-instrument-item";
constexpr std::string_view kMinValue = "http://hl7.org/fhir/StructureDefinition/minValue";
constexpr std::string_view kMaxValue = "http://hl7.org/fhir/StructureDefinition/maxValue";

std::string canonical(const Definition& d) {
  return "https://connecting-people.org.uk/fhir/Questionnaire/" + d.id;
}

json bound(std::string_view url, const Item& it, double v) {
  json e{{"url", url}};
  if (it.type == ResponseType::number || std::fabs(v) >= 9e15)
    e["valueDecimal"] = v;
  else
    e["valueInteger"] = static_cast<long long>(v);
  return e;
}

const json* find_extension(const json& element, std::string_view url) {
  auto ext = element.find("extension");
  if (ext == element.end() || !ext->is_array()) return nullptr;
  for (const auto& e : *ext)
    if (e.is_object() && e.value("url", "") == url) return &e;
  return nullptr;
}

}  // namespace

std::string to_fhir_questionnaire(const Definition& d) {
  json q;
  q["resourceType"] = "Questionnaire";
  q["id"] = d.id;
  q["url"] = canonical(d);
  q["version"] = d.version;
  q["name"] = detail::form_name(d.id);
  q["title"] = d.title;
  q["status"] = d.provisional ? "draft" : "active";
  q["copyright"] = d.licence;
  q["extension"] = json::array({{{"url", kFhirDefinitionExtension},
                                 {"valueString", detail::dump(detail::definition_meta(d))}}});
  json items = json::array();
  for (const auto& it : d.items) {
    json fi;
    fi["linkId"] = it.id;
    fi["text"] = it.wording.empty() ? it.topic : it.wording;
    switch (it.type) {
      case ResponseType::code:
        fi["type"] = "choice";
        break;
      case ResponseType::integer:
        fi["type"] = "integer";
        break;
      case ResponseType::number:
        fi["type"] = "decimal";
        break;
      case ResponseType::text:
        fi["type"] = "string";
        break;
    }
    if (it.max_length) fi["maxLength"] = *it.max_length;
    if (!it.options.empty()) {
      json opts = json::array();
      for (const auto& o : it.options)
        opts.push_back({{"valueCoding",
                         {{"system", fmt::format("{}/{}", canonical(d), it.id)},
                          {"code", std::to_string(o.code)},
                          {"display", o.wording.empty() ? o.label : o.wording}}}});
      fi["answerOption"] = opts;
    }
    json ext = json::array();
    if (it.type != ResponseType::code && it.type != ResponseType::text) {
      if (it.min) ext.push_back(bound(kMinValue, it, *it.min));
      if (it.max) ext.push_back(bound(kMaxValue, it, *it.max));
    }
    ext.push_back({{"url", kItemExtension}, {"valueString", detail::dump(detail::item_meta(it))}});
    fi["extension"] = ext;
    items.push_back(fi);
  }
  q["item"] = items;
  return detail::dump(q, 2);
}

Result<Definition> from_fhir_questionnaire(std::string_view text) {
  auto parsed = detail::parse_json_text(text, "the Questionnaire");
  if (!parsed) return parsed.error();
  const json& q = *parsed;
  if (!q.is_object() || q.value("resourceType", "") != "Questionnaire")
    return Error::invalid("not_a_questionnaire", "resourceType must be Questionnaire",
                          "resourceType");
  json items = json::array();
  auto fitems = q.find("item");
  if (fitems != q.end()) {
    if (!fitems->is_array()) return detail::wrong_type("item", "an array");
    for (std::size_t i = 0; i < fitems->size(); ++i) {
      const auto& fi = (*fitems)[i];
      auto p = fmt::format("item[{}]", i);
      if (!fi.is_object()) return detail::wrong_type(p, "an object");
      auto link = detail::req_string(fi, p, "linkId");
      if (!link) return link.error();
      auto txt = detail::opt_string(fi, p, "text");
      if (!txt) return txt.error();
      auto type = detail::req_string(fi, p, "type");
      if (!type) return type.error();
      if (*type == "group" || *type == "display") continue;  // not answerable
      json ij{{"id", *link}, {"topic", *txt}};
      if (*type == "choice" || *type == "coding")
        ij["type"] = "code";
      else if (*type == "integer")
        ij["type"] = "integer";
      else if (*type == "decimal")
        ij["type"] = "number";
      else if (*type == "string" || *type == "text")
        ij["type"] = "text";
      else
        return Error::invalid("unsupported_type",
                              fmt::format("item type '{}' is not supported", *type), p + ".type");
      if (auto ml = fi.find("maxLength"); ml != fi.end()) ij["max_length"] = *ml;
      if (auto opts = fi.find("answerOption"); opts != fi.end()) {
        if (!opts->is_array()) return detail::wrong_type(p + ".answerOption", "an array");
        json out = json::array();
        for (std::size_t k = 0; k < opts->size(); ++k) {
          auto op = fmt::format("{}.answerOption[{}]", p, k);
          const auto& o = (*opts)[k];
          const json* coding =
              o.is_object() && o.contains("valueCoding") ? &o["valueCoding"] : nullptr;
          if (coding && coding->is_object() && coding->contains("code") &&
              (*coding)["code"].is_string()) {
            auto code = detail::parse_int((*coding)["code"].get<std::string>());
            if (!code)
              return Error::invalid("bad_code", "answer codes must be whole numbers",
                                    op + ".valueCoding.code");
            out.push_back({{"code", *code}, {"label", coding->value("display", "")}});
          } else if (o.is_object() && o.contains("valueInteger")) {
            out.push_back({{"code", o["valueInteger"]}, {"label", ""}});
          } else {
            return Error::invalid("bad_answer_option",
                                  "answerOption needs valueCoding with a code or valueInteger", op);
          }
        }
        ij["options"] = out;
      }
      if (auto e = find_extension(fi, kMinValue)) {
        if (e->contains("valueInteger"))
          ij["min"] = (*e)["valueInteger"];
        else if (e->contains("valueDecimal"))
          ij["min"] = (*e)["valueDecimal"];
      }
      if (auto e = find_extension(fi, kMaxValue)) {
        if (e->contains("valueInteger"))
          ij["max"] = (*e)["valueInteger"];
        else if (e->contains("valueDecimal"))
          ij["max"] = (*e)["valueDecimal"];
      }
      if (auto e = find_extension(fi, kItemExtension);
          e && e->contains("valueString") && (*e)["valueString"].is_string()) {
        auto r = detail::apply_item_meta(ij, (*e)["valueString"].get<std::string>(), p);
        if (!r) return r.error();
      }
      items.push_back(ij);
    }
  }
  json meta;
  if (auto e = find_extension(q, kFhirDefinitionExtension);
      e && e->contains("valueString") && (*e)["valueString"].is_string()) {
    auto m =
        detail::parse_json_text((*e)["valueString"].get<std::string>(), "the definition extension");
    if (!m) return m.error();
    meta = *m;
  } else {
    std::string name = q.value("name", std::string{});
    if (name.empty() && q.contains("id") && q["id"].is_string()) name = q["id"].get<std::string>();
    meta = detail::imported_meta(
        name, q.value("version", std::string("1")), q.value("title", name),
        fmt::format("Imported from FHIR Questionnaire {}", q.value("url", name)));
  }
  if (!meta.is_object()) return detail::wrong_type("extension", "a definition object");
  meta["items"] = items;
  return parse_definition_json(meta);
}

std::string to_fhir_questionnaire_response(const Definition& d, const ResponseSet& r) {
  json qr;
  qr["resourceType"] = "QuestionnaireResponse";
  qr["questionnaire"] = canonical(d) + "|" + d.version;
  qr["status"] = r.complete(d) ? "completed" : "in-progress";
  json items = json::array();
  for (const auto& it : d.items) {
    auto a = r.answers.find(it.id);
    if (a == r.answers.end()) continue;
    json ans;
    if (it.type == ResponseType::text)
      ans["valueString"] = a->second.text;
    else if (it.type == ResponseType::code)
      ans["valueCoding"] = {
          {"system", fmt::format("{}/{}", canonical(d), it.id)},
          {"code", std::to_string(a->second.missing ? *a->second.missing_code
                                                    : static_cast<int>(a->second.number))}};
    else if (a->second.missing)
      ans["valueInteger"] = *a->second.missing_code;
    else if (it.type == ResponseType::integer && std::fabs(a->second.number) < 9e15)
      ans["valueInteger"] = static_cast<long long>(a->second.number);
    else
      ans["valueDecimal"] = a->second.number;
    items.push_back({{"linkId", it.id}, {"answer", json::array({ans})}});
  }
  qr["item"] = items;
  return detail::dump(qr, 2);
}

Result<ResponseSet> from_fhir_questionnaire_response(const Definition& d, std::string_view text) {
  auto parsed = detail::parse_json_text(text, "the QuestionnaireResponse");
  if (!parsed) return parsed.error();
  const json& qr = *parsed;
  if (!qr.is_object() || qr.value("resourceType", "") != "QuestionnaireResponse")
    return Error::invalid("not_a_questionnaire_response",
                          "resourceType must be QuestionnaireResponse", "resourceType");
  json answers = json::object();
  if (auto items = qr.find("item"); items != qr.end()) {
    if (!items->is_array()) return detail::wrong_type("item", "an array");
    for (std::size_t i = 0; i < items->size(); ++i) {
      const auto& fi = (*items)[i];
      auto p = fmt::format("item[{}]", i);
      if (!fi.is_object()) return detail::wrong_type(p, "an object");
      auto link = detail::req_string(fi, p, "linkId");
      if (!link) return link.error();
      auto ans = fi.find("answer");
      if (ans == fi.end() || !ans->is_array() || ans->empty()) continue;  // unanswered
      if (ans->size() > 1)
        return Error::invalid("multiple_answers",
                              fmt::format("item '{}' has more than one answer", *link), *link);
      const auto& a = (*ans)[0];
      if (!a.is_object()) return detail::wrong_type(p + ".answer[0]", "an object");
      if (a.contains("valueCoding")) {
        const auto& c = a["valueCoding"];
        if (!c.is_object() || !c.contains("code") || !c["code"].is_string())
          return detail::wrong_type(p + ".answer[0].valueCoding.code", "a string");
        auto code = detail::parse_int(c["code"].get<std::string>());
        if (!code)
          return Error::invalid("wrong_type",
                                fmt::format("item '{}': code is not a whole number", *link), *link);
        answers[*link] = *code;
      } else if (a.contains("valueInteger")) {
        answers[*link] = a["valueInteger"];
      } else if (a.contains("valueDecimal")) {
        answers[*link] = a["valueDecimal"];
      } else if (a.contains("valueString")) {
        answers[*link] = a["valueString"];
      } else {
        return Error::invalid("unsupported_answer",
                              fmt::format("item '{}': answer type not supported", *link), *link);
      }
    }
  }
  return parse_responses(d, answers);
}

}  // namespace cp::instruments
