// src/instruments/definition.cpp — parses and writes instrument definitions
// ("cp-instrument/1"): stage 1 checks structure and types, stage 2 checks logic.
#include "cp/instruments/definition.hpp"

#include <algorithm>
#include <set>

#include "instruments/json_check.hpp"
#include "instruments/methods.hpp"

namespace cp::instruments {

using detail::index_path;
using detail::join_path;
using nlohmann::json;

std::string_view to_string(ResponseType t) {
  switch (t) {
    case ResponseType::code:
      return "code";
    case ResponseType::integer:
      return "integer";
    case ResponseType::number:
      return "number";
    case ResponseType::text:
      return "text";
  }
  return "code";
}

const Item* Definition::find_item(std::string_view item_id) const {
  for (const auto& it : items)
    if (it.id == item_id) return &it;
  return nullptr;
}

namespace {

bool valid_id(const std::string& s, bool allow_dash) {
  if (s.empty() || s.size() > 64) return false;
  if (!(s[0] >= 'a' && s[0] <= 'z')) return false;
  return std::all_of(s.begin(), s.end(), [&](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || (allow_dash && c == '-');
  });
}

Result<std::vector<std::string>> string_list(const json& o, const std::string& path) {
  if (!o.is_array()) return detail::wrong_type(path, "an array of strings");
  std::vector<std::string> out;
  for (std::size_t i = 0; i < o.size(); ++i) {
    if (!o[i].is_string()) return detail::wrong_type(index_path(path, i), "a string");
    out.push_back(o[i].get<std::string>());
  }
  return out;
}

// ---- stage 1: structure -------------------------------------------------------------------

Result<Item> parse_item(const json& j, const std::string& path, int* position) {
  if (!j.is_object()) return detail::wrong_type(path, "an object");
  Item it;
  auto id = detail::req_string(j, path, "id");
  if (!id) return id.error();
  it.id = *id;
  auto topic = detail::req_string(j, path, "topic");
  if (!topic) return topic.error();
  it.topic = *topic;
  auto type = detail::req_string(j, path, "type");
  if (!type) return type.error();
  if (*type == "code")
    it.type = ResponseType::code;
  else if (*type == "integer")
    it.type = ResponseType::integer;
  else if (*type == "number")
    it.type = ResponseType::number;
  else if (*type == "text")
    it.type = ResponseType::text;
  else
    return Error::invalid(
        "bad_value",
        fmt::format("'{}' must be code, integer, number or text", join_path(path, "type")),
        join_path(path, "type"));
  if (auto o = j.find("options"); o != j.end()) {
    auto opath = join_path(path, "options");
    if (!o->is_array()) return detail::wrong_type(opath, "an array of {code, label}");
    for (std::size_t i = 0; i < o->size(); ++i) {
      const auto& oj = (*o)[i];
      auto p = index_path(opath, i);
      if (!oj.is_object()) return detail::wrong_type(p, "an object");
      auto c = oj.find("code");
      if (c == oj.end()) return detail::missing_field(join_path(p, "code"));
      auto code = detail::as_int(*c, join_path(p, "code"));
      if (!code) return code.error();
      auto label = detail::req_string(oj, p, "label");
      if (!label) return label.error();
      auto wording = detail::opt_string(oj, p, "wording");
      if (!wording) return wording.error();
      it.options.push_back({*code, *label, *wording});
    }
  }
  auto mn = detail::opt_number(j, path, "min");
  if (!mn) return mn.error();
  auto mx = detail::opt_number(j, path, "max");
  if (!mx) return mx.error();
  it.min = *mn;
  it.max = *mx;
  if (auto m = j.find("missing_codes"); m != j.end()) {
    auto mpath = join_path(path, "missing_codes");
    if (!m->is_array()) return detail::wrong_type(mpath, "an array of integers");
    for (std::size_t i = 0; i < m->size(); ++i) {
      auto c = detail::as_int((*m)[i], index_path(mpath, i));
      if (!c) return c.error();
      it.missing_codes.push_back(*c);
    }
  }
  if (auto ml = j.find("max_length"); ml != j.end() && !ml->is_null()) {
    auto v = detail::as_int(*ml, join_path(path, "max_length"));
    if (!v) return v.error();
    it.max_length = *v;
  }
  auto scored = detail::opt_bool(j, path, "scored", true);
  if (!scored) return scored.error();
  it.scored = *scored;
  auto wording = detail::opt_string(j, path, "wording");
  if (!wording) return wording.error();
  it.wording = *wording;
  if (auto p = j.find("position"); p != j.end() && !p->is_null()) {
    auto v = detail::as_int(*p, join_path(path, "position"));
    if (!v) return v.error();
    *position = *v;
  }
  return it;
}

Result<Definition> parse_structure(const json& j) {
  if (!j.is_object()) return detail::wrong_type("(document)", "a JSON object");
  Definition d;
  auto format = detail::opt_string(j, "", "format");
  if (!format) return format.error();
  if (!format->empty() && *format != "cp-instrument/1")
    return Error::invalid(
        "unsupported_format",
        fmt::format("format '{}' is not supported (expected cp-instrument/1)", *format), "format");
  for (auto [field, target] :
       {std::pair{"id", &d.id}, {"version", &d.version}, {"title", &d.title}}) {
    auto v = detail::req_string(j, "", field);
    if (!v) return v.error();
    *target = *v;
  }
  auto prov = detail::opt_bool(j, "", "provisional", false);
  if (!prov) return prov.error();
  d.provisional = *prov;
  auto pn = detail::opt_string(j, "", "provisional_note");
  if (!pn) return pn.error();
  d.provisional_note = *pn;
  auto lic = detail::req_string(j, "", "licence");
  if (!lic) return lic.error();
  d.licence = *lic;
  if (auto w = j.find("wording"); w != j.end() && !w->is_null()) {
    if (!w->is_object()) return detail::wrong_type("wording", "an object {loaded, note}");
    auto loaded = detail::opt_bool(*w, "wording", "loaded", false);
    if (!loaded) return loaded.error();
    auto note = detail::opt_string(*w, "wording", "note");
    if (!note) return note.error();
    d.wording_loaded = *loaded;
    d.wording_note = *note;
  }
  auto items = j.find("items");
  if (items == j.end()) return detail::missing_field("items");
  if (!items->is_array()) return detail::wrong_type("items", "an array");
  std::vector<std::pair<int, Item>> positioned;
  for (std::size_t i = 0; i < items->size(); ++i) {
    int position = static_cast<int>(i) + 1;
    auto it = parse_item((*items)[i], index_path("items", i), &position);
    if (!it) return it.error();
    positioned.emplace_back(position, std::move(*it));
  }
  std::stable_sort(positioned.begin(), positioned.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (std::size_t i = 0; i < positioned.size(); ++i) {
    if (i > 0 && positioned[i].first == positioned[i - 1].first)
      return Error::invalid("duplicate_position",
                            fmt::format("two items have position {}", positioned[i].first),
                            "items");
    d.items.push_back(std::move(positioned[i].second));
  }
  if (auto s = j.find("subscales"); s != j.end() && !s->is_null()) {
    if (!s->is_array()) return detail::wrong_type("subscales", "an array");
    for (std::size_t i = 0; i < s->size(); ++i) {
      auto p = index_path("subscales", i);
      const auto& sj = (*s)[i];
      if (!sj.is_object()) return detail::wrong_type(p, "an object");
      Subscale sc;
      auto id = detail::req_string(sj, p, "id");
      if (!id) return id.error();
      auto title = detail::opt_string(sj, p, "title");
      if (!title) return title.error();
      sc.id = *id;
      sc.title = *title;
      auto members = sj.find("items");
      if (members == sj.end()) return detail::missing_field(join_path(p, "items"));
      auto list = string_list(*members, join_path(p, "items"));
      if (!list) return list.error();
      sc.items = std::move(*list);
      d.subscales.push_back(std::move(sc));
    }
  }
  auto sc = j.find("scoring");
  if (sc == j.end()) return detail::missing_field("scoring");
  if (!sc->is_object()) return detail::wrong_type("scoring", "an object");
  auto method = detail::req_string(*sc, "scoring", "method");
  if (!method) return method.error();
  d.scoring.method = *method;
  if (auto p = sc->find("parameters"); p != sc->end() && !p->is_null()) {
    if (!p->is_object()) return detail::wrong_type("scoring.parameters", "an object");
    d.scoring.parameters = *p;
  }
  auto snote = detail::opt_string(*sc, "scoring", "note");
  if (!snote) return snote.error();
  d.scoring.note = *snote;
  auto mr = j.find("missing_rule");
  if (mr == j.end()) return detail::missing_field("missing_rule");
  if (!mr->is_object()) return detail::wrong_type("missing_rule", "an object");
  auto rule = detail::req_string(*mr, "missing_rule", "rule");
  if (!rule) return rule.error();
  d.missing_rule.rule = *rule;
  if (auto mm = mr->find("max_missing"); mm != mr->end() && !mm->is_null()) {
    auto v = detail::as_int(*mm, "missing_rule.max_missing");
    if (!v) return v.error();
    d.missing_rule.max_missing = *v;
  }
  auto verified = detail::opt_bool(*mr, "missing_rule", "verified", false);
  if (!verified) return verified.error();
  d.missing_rule.verified = *verified;
  auto mnote = detail::opt_string(*mr, "missing_rule", "note");
  if (!mnote) return mnote.error();
  d.missing_rule.note = *mnote;
  if (auto t = j.find("tables"); t != j.end() && !t->is_null()) {
    if (!t->is_object()) return detail::wrong_type("tables", "an object {role: table id}");
    for (auto& [role, id] : t->items()) {
      if (!id.is_string()) return detail::wrong_type(join_path("tables", role), "a table id");
      d.tables[role] = id.get<std::string>();
    }
  }
  auto srcs = j.find("sources");
  if (srcs == j.end()) return detail::missing_field("sources");
  if (!srcs->is_array()) return detail::wrong_type("sources", "an array");
  for (std::size_t i = 0; i < srcs->size(); ++i) {
    auto p = index_path("sources", i);
    const auto& sj = (*srcs)[i];
    if (!sj.is_object()) return detail::wrong_type(p, "an object");
    Source s;
    auto id = detail::req_string(sj, p, "id");
    if (!id) return id.error();
    auto cit = detail::req_string(sj, p, "citation");
    if (!cit) return cit.error();
    s.id = *id;
    s.citation = *cit;
    for (auto [field, target] : {std::pair{"doi", &s.doi}, {"url", &s.url}, {"note", &s.note}}) {
      auto v = detail::opt_string(sj, p, field);
      if (!v) return v.error();
      *target = *v;
    }
    d.sources.push_back(std::move(s));
  }
  return d;
}

// ---- stage 2: logic -----------------------------------------------------------------------

Error logic(std::string code, std::string message, std::string field) {
  return Error::invalid(std::move(code), std::move(message), std::move(field));
}

Result<Unit> check_logic(Definition& d) {
  if (!valid_id(d.id, true))
    return logic("bad_id",
                 "id must be lower case letters, digits, '_' or '-', starting with a letter", "id");
  if (d.version.empty() || d.version.size() > 32)
    return logic("bad_version", "version must be 1–32 characters", "version");
  if (d.title.empty()) return logic("empty_title", "title must not be empty", "title");
  if (d.provisional && d.provisional_note.empty())
    return logic("missing_provisional_note",
                 "a provisional definition must say what is not yet published (provisional_note)",
                 "provisional_note");
  if (d.sources.empty())
    return logic("no_sources", "a definition must cite at least one source", "sources");
  std::set<std::string> ids;
  for (std::size_t i = 0; i < d.items.size(); ++i) {
    auto& it = d.items[i];
    auto p = index_path("items", i);
    if (!valid_id(it.id, false))
      return logic(
          "bad_item_id",
          fmt::format(
              "item id '{}' must be lower case letters, digits or '_', starting with a letter",
              it.id),
          join_path(p, "id"));
    if (!ids.insert(it.id).second)
      return logic("duplicate_item", fmt::format("item id '{}' is used twice", it.id),
                   join_path(p, "id"));
    if (it.topic.empty())
      return logic("empty_topic", "topic must not be empty", join_path(p, "topic"));
    if (it.type == ResponseType::code) {
      if (it.options.empty())
        return logic("no_options", fmt::format("code item '{}' needs options", it.id),
                     join_path(p, "options"));
      std::set<int> codes;
      for (std::size_t k = 0; k < it.options.size(); ++k)
        if (!codes.insert(it.options[k].code).second)
          return logic("duplicate_code", fmt::format("code {} is listed twice", it.options[k].code),
                       join_path(index_path(join_path(p, "options"), k), "code"));
      for (int mc : it.missing_codes)
        if (codes.count(mc))
          return logic("missing_code_overlaps",
                       fmt::format("missing code {} is also a valid answer", mc),
                       join_path(p, "missing_codes"));
      auto [lo, hi] = std::minmax_element(it.options.begin(), it.options.end(),
                                          [](auto& a, auto& b) { return a.code < b.code; });
      if (!it.min) it.min = lo->code;
      if (!it.max) it.max = hi->code;
    } else {
      if (!it.options.empty())
        return logic("options_not_allowed", "only code items have options",
                     join_path(p, "options"));
      if ((it.type == ResponseType::integer || it.type == ResponseType::number) &&
          (!it.min || !it.max))
        return logic("missing_range", fmt::format("item '{}' needs min and max", it.id), p);
      if (it.type != ResponseType::text)
        for (int mc : it.missing_codes)
          if (mc >= *it.min && mc <= *it.max)
            return logic("missing_code_overlaps",
                         fmt::format("missing code {} lies inside the allowed range", mc),
                         join_path(p, "missing_codes"));
    }
    if (it.min && it.max && *it.min > *it.max)
      return logic("bad_range", "min must not exceed max", join_path(p, "min"));
    if (it.max_length && *it.max_length <= 0)
      return logic("bad_max_length", "max_length must be positive", join_path(p, "max_length"));
  }
  std::set<std::string> sids;
  for (std::size_t i = 0; i < d.subscales.size(); ++i) {
    auto& s = d.subscales[i];
    auto p = index_path("subscales", i);
    if (!valid_id(s.id, false))
      return logic("bad_subscale_id", "subscale id must be snake_case", join_path(p, "id"));
    if (!sids.insert(s.id).second)
      return logic("duplicate_subscale", fmt::format("subscale '{}' is listed twice", s.id),
                   join_path(p, "id"));
    std::set<std::string> members;
    for (std::size_t k = 0; k < s.items.size(); ++k) {
      if (!ids.count(s.items[k]))
        return logic("unknown_item",
                     fmt::format("subscale '{}' names unknown item '{}'", s.id, s.items[k]),
                     index_path(join_path(p, "items"), k));
      if (!members.insert(s.items[k]).second)
        return logic("duplicate_item", fmt::format("item '{}' is listed twice", s.items[k]),
                     index_path(join_path(p, "items"), k));
    }
  }
  if (d.missing_rule.rule != "none_missing" && d.missing_rule.rule != "max_missing")
    return logic("bad_missing_rule", "missing_rule.rule must be none_missing or max_missing",
                 "missing_rule.rule");
  if (d.missing_rule.max_missing < 0)
    return logic("bad_missing_rule", "max_missing must not be negative",
                 "missing_rule.max_missing");
  if (!d.missing_rule.verified && d.missing_rule.note.empty())
    return logic("missing_rule_note",
                 "an unverified missing rule must say why it was chosen (missing_rule.note)",
                 "missing_rule.note");
  for (auto& [role, id] : d.tables)
    if (id.empty())
      return logic("bad_table", "table id must not be empty", join_path("tables", role));
  return detail::check_method(d);
}

}  // namespace

Result<Definition> parse_definition_json(const json& j) {
  auto d = parse_structure(j);
  if (!d) return d;
  auto ok = check_logic(*d);
  if (!ok) return ok.error();
  return d;
}

Result<Definition> parse_definition(std::string_view text) {
  auto j = detail::parse_json_text(text, "the definition");
  if (!j) return j.error();
  return parse_definition_json(*j);
}

json to_json(const Definition& d, ItemOrder order) {
  json j;
  j["format"] = "cp-instrument/1";
  j["id"] = d.id;
  j["version"] = d.version;
  j["title"] = d.title;
  j["provisional"] = d.provisional;
  if (!d.provisional_note.empty()) j["provisional_note"] = d.provisional_note;
  j["licence"] = d.licence;
  j["wording"] = {{"loaded", d.wording_loaded},
                  {"note", d.wording_note.empty() && !d.wording_loaded
                               ? "Licensed wording is not loaded: forms show our short topic."
                               : d.wording_note}};
  std::vector<std::size_t> idx(d.items.size());
  for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  if (order == ItemOrder::scored_first)
    std::stable_partition(idx.begin(), idx.end(), [&](std::size_t i) { return d.items[i].scored; });
  json items = json::array();
  for (auto i : idx) {
    const auto& it = d.items[i];
    json ij;
    ij["id"] = it.id;
    ij["position"] = i + 1;
    ij["topic"] = it.topic;
    ij["type"] = std::string(to_string(it.type));
    ij["scored"] = it.scored;
    if (!it.options.empty()) {
      json opts = json::array();
      for (auto& o : it.options) {
        json oj{{"code", o.code}, {"label", o.label}};
        if (!o.wording.empty()) oj["wording"] = o.wording;
        opts.push_back(oj);
      }
      ij["options"] = opts;
    }
    if (it.min) ij["min"] = *it.min;
    if (it.max) ij["max"] = *it.max;
    if (!it.missing_codes.empty()) ij["missing_codes"] = it.missing_codes;
    if (it.max_length) ij["max_length"] = *it.max_length;
    if (!it.wording.empty()) ij["wording"] = it.wording;
    items.push_back(ij);
  }
  j["items"] = items;
  json subs = json::array();
  for (auto& s : d.subscales)
    subs.push_back({{"id", s.id}, {"title", s.title}, {"items", s.items}});
  j["subscales"] = subs;
  j["scoring"] = {{"method", d.scoring.method}, {"parameters", d.scoring.parameters}};
  if (!d.scoring.note.empty()) j["scoring"]["note"] = d.scoring.note;
  j["missing_rule"] = {{"rule", d.missing_rule.rule},
                       {"max_missing", d.missing_rule.max_missing},
                       {"verified", d.missing_rule.verified}};
  if (!d.missing_rule.note.empty()) j["missing_rule"]["note"] = d.missing_rule.note;
  j["tables"] = json::object();
  for (auto& [role, id] : d.tables) j["tables"][role] = id;
  json srcs = json::array();
  for (auto& s : d.sources) {
    json sj{{"id", s.id}, {"citation", s.citation}};
    if (!s.doi.empty()) sj["doi"] = s.doi;
    if (!s.url.empty()) sj["url"] = s.url;
    if (!s.note.empty()) sj["note"] = s.note;
    srcs.push_back(sj);
  }
  j["sources"] = srcs;
  return j;
}

}  // namespace cp::instruments
