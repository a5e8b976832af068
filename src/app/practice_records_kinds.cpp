// src/app/practice_records_kinds.cpp — the record kinds of the co-produced CPI record as data
// (docs/practice-api.md), the strict checking of their bodies, and their JSON shape.
#include <chrono>
#include <fmt/format.h>

#include <algorithm>

#include "cp/domain/clock.hpp"
#include "cp/domain/contact.hpp"
#include "practice_records_internal.hpp"

namespace cp::app::records {

namespace {

using FT = FieldType;

Field text(std::string key, bool required, std::size_t max = 2000) {
  return {key, key == "text" ? "content" : key, FT::text, required, {}, max, nullptr};
}
Field choice(std::string key, bool required, std::vector<std::string> choices, json fallback = nullptr) {
  std::string column = key == "from" ? "given_by" : key;
  return {std::move(key), std::move(column), FT::choice, required, std::move(choices), 0, std::move(fallback)};
}
Field date(std::string key) { return {key, key, FT::date, false, {}, 0, nullptr}; }
Field id(std::string key) { return {key, key, FT::id, false, {}, 0, nullptr}; }

std::vector<Kind> make_kinds() {
  const std::vector<std::string> goal_status{"active", "achieved", "paused", "dropped"};
  std::vector<Kind> k = {
      {"assets", "asset", "assets", "assets", false, "", "",
       {choice("kind", true, {"strength", "interest", "skill", "would_like_to_try"}), text("text", true),
        choice("status", false, {"current", "archived"}, "current")}, {}},
      {"goals", "goal", "goals", "goals", true, "", "",
       {text("text", true), choice("status", false, goal_status, "active"), date("review_on")}, {}},
      {"objectives", "objective", "objectives", "goals", true, "goal_id", "goals",
       {text("text", true), choice("status", false, goal_status, "active"), date("review_on")}, {}},
      {"activities", "activity", "activities", "goals", true, "objective_id", "objectives",
       {text("text", true), choice("who", true, {"person", "worker", "both", "other"}), text("who_other", false, 200),
        date("by_when"), choice("status", false, {"planned", "done", "not_done"}, "planned")}, {}},
      {"ideas", "idea", "ideas", "ideas", true, "", "",
       {text("text", true), choice("suggested_by", true, {"person", "worker"}), id("goal_id"), id("resource_id"),
        choice("outcome", false, {"open", "tried", "liked", "not_for_me"}, "open"), text("outcome_note", false)}, {}},
      {"engagements", "engagement", "engagements", "engagement", false, "", "",
       {id("resource_id"), text("resource_name", true, 300),
        choice("stage", true, {"suggested", "accompanied", "attended", "continuing", "stopped"}),
        text("stopped_reason", false, 1000), date("started_on"), text("note", false),
        {"new_relationship", "new_relationship", FT::relationship, false, {}, 0, nullptr}}, {}},
      {"barriers", "barrier", "barriers", "barriers", false, "", "",
       {choice("side", true, {"person", "worker_agency"}), choice("category", true, {}), text("description", false),
        choice("status", false, {"open", "working_on", "overcome", "remains"}, "open"), text("tried", false),
        date("reviewed_on")}, {}},
      {"recognition", "recognition", "recognition", "recognition", false, "", "",
       {choice("kind", true, {"skill", "achievement", "feedback_to_person", "feedback_to_worker"}),
        text("text", true), choice("from", true, {"person", "worker"})}, {}},
  };
  for (auto& kind : k) {
    if (!kind.parent_key.empty()) kind.columns.push_back({kind.parent_key, true});
    for (const auto& f : kind.fields) kind.columns.push_back({f.column, f.type == FT::id});
  }
  return k;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

}  // namespace

const Kind* kind_of(std::string_view collection) {
  static const std::vector<Kind> all = make_kinds();
  for (const auto& k : all)
    if (k.collection == collection) return &k;
  return nullptr;
}

const std::vector<std::string>& person_barriers() {
  static const std::vector<std::string> v{"self_stigma", "discrimination", "culturally_appropriate_services",
                                          "physical_health", "complicated_life", "unhelpful_attitudes",
                                          "unhelpful_connections", "lack_of_information", "poor_access", "money",
                                          "housing"};
  return v;
}
const std::vector<std::string>& worker_barriers() {
  static const std::vector<std::string> v{"local_knowledge", "time", "resources", "bureaucracy", "attitudes"};
  return v;
}
const std::vector<std::string>& member_kinds() {
  static const std::vector<std::string> v{"person", "group", "organisation"};
  return v;
}
const std::vector<std::string>& relations() {
  static const std::vector<std::string> v{"family", "friend",    "neighbour", "work_education", "community_group",
                                          "faith",  "peer", "professional_service", "online"};
  return v;
}
const std::vector<std::string>& rings() {
  static const std::vector<std::string> v{"close", "middle", "outer"};
  return v;
}
const std::vector<std::string>& support_types() {
  static const std::vector<std::string> v{"emotional", "practical", "information", "companionship"};
  return v;
}
const std::vector<std::string>& frequencies() {
  static const std::vector<std::string> v{"daily", "weekly", "monthly", "less_often", "unknown"};
  return v;
}

std::string now_ts() { return domain::iso_timestamp(std::chrono::system_clock::now()); }

store::Actor actor_of(const Caller& c) {
  store::Actor a;
  if (c.account_id) a.account_id = c.account_id;
  a.display_name = c.display_name.empty() ? c.username : c.display_name;
  a.role = std::string(domain::to_string(c.role));
  return a;
}

json actor_json(const store::Actor& a) {
  return {{"account_id", a.account_id ? json(*a.account_id) : json(nullptr)},
          {"display_name", a.display_name},
          {"role", a.role}};
}

std::string one_of(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

Error refused(const std::string& what) { return Error::forbidden("You do not have permission to " + what + "."); }

Result<json> check_fields(const Kind& k, const json& body, const json* current, const std::string& prefix,
                          const std::vector<std::string>& allowed_extra) {
  if (!body.is_object())
    return Error::invalid("wrong_type", "the body must be a JSON object", prefix.empty() ? "body" : prefix.substr(0, prefix.size() - 1));
  for (auto it = body.begin(); it != body.end(); ++it) {
    const bool known = std::any_of(k.fields.begin(), k.fields.end(), [&](const Field& f) { return f.key == it.key(); }) ||
                       contains(allowed_extra, it.key());
    if (!known)
      return Error::invalid("unknown_field", fmt::format("'{}' is not a field of this request", it.key()), prefix + it.key());
  }
  json out = json::object();
  for (const auto& f : k.fields) {
    const std::string path = prefix + f.key;
    const bool given = body.contains(f.key);
    const json& v = given ? body.at(f.key) : json(nullptr);
    if (!given && current) {
      out[f.column] = current->contains(f.column) ? current->at(f.column) : json(nullptr);
      continue;
    }
    if (v.is_null()) {
      if (f.required)
        return Error::invalid("missing_field", fmt::format("'{}' is required", f.key), path);
      out[f.column] = given ? json(nullptr) : f.fallback;
      if (given && !f.fallback.is_null()) out[f.column] = f.fallback;  // a choice with a default
      continue;
    }
    switch (f.type) {
      case FT::text: {
        if (!v.is_string()) return Error::invalid("wrong_type", fmt::format("'{}' must be a string", f.key), path);
        const std::string t = trim(v.get<std::string>());
        if (t.size() > f.max)
          return Error::invalid("too_long", fmt::format("'{}' must be at most {} characters", f.key, f.max), path);
        if (f.required && t.empty()) return Error::invalid("missing_field", fmt::format("'{}' must not be empty", f.key), path);
        out[f.column] = t;
        break;
      }
      case FT::choice: {
        if (!v.is_string()) return Error::invalid("wrong_type", fmt::format("'{}' must be a string", f.key), path);
        const std::string t = v.get<std::string>();
        if (!f.choices.empty() && !contains(f.choices, t))
          return Error::invalid("invalid_value", fmt::format("'{}' must be one of: {}", f.key, one_of(f.choices)), path);
        out[f.column] = t;
        break;
      }
      case FT::date: {
        if (!v.is_string() || !domain::is_iso_date(v.get<std::string>()))
          return Error::invalid("invalid_date", fmt::format("'{}' must be a date written YYYY-MM-DD", f.key), path);
        out[f.column] = v.get<std::string>();
        break;
      }
      case FT::id: {
        if (!v.is_number_integer() || v.get<long long>() <= 0)
          return Error::invalid("wrong_type", fmt::format("'{}' must be a positive whole number or null", f.key), path);
        out[f.column] = v.get<long long>();
        break;
      }
      case FT::relationship: {
        if (!v.is_object())
          return Error::invalid("wrong_type", fmt::format("'{}' must be an object {{name, relation, ring}}", f.key), path);
        for (auto it = v.begin(); it != v.end(); ++it)
          if (it.key() != "name" && it.key() != "relation" && it.key() != "ring")
            return Error::invalid("unknown_field", fmt::format("'{}' is not a field of {}", it.key(), f.key),
                                  path + "." + it.key());
        if (!v.contains("name") || !v["name"].is_string() || trim(v["name"].get<std::string>()).empty() ||
            v["name"].get<std::string>().size() > 200)
          return Error::invalid("missing_field", "a new relationship needs a name (up to 200 characters)", path + ".name");
        if (!v.contains("relation") || !v["relation"].is_string() || !contains(relations(), v["relation"].get<std::string>()))
          return Error::invalid("invalid_value", "relation must be one of: " + one_of(relations()), path + ".relation");
        if (!v.contains("ring") || !v["ring"].is_string() || !contains(rings(), v["ring"].get<std::string>()))
          return Error::invalid("invalid_value", "ring must be one of: " + one_of(rings()), path + ".ring");
        json rel = {{"name", trim(v["name"].get<std::string>())}, {"relation", v["relation"]}, {"ring", v["ring"]}};
        out[f.column] = rel.dump();
        break;
      }
    }
  }
  // Rules across fields.
  if (k.collection == "barriers") {
    const std::string side = out["side"].get<std::string>();
    const std::string cat = out["category"].get<std::string>();
    const auto& allowed = side == "person" ? person_barriers() : worker_barriers();
    if (!contains(allowed, cat))
      return Error::invalid("invalid_value",
                            fmt::format("a barrier on the {} side must have a category from: {}",
                                        side == "person" ? "person's" : "worker or agency", one_of(allowed)),
                            prefix + "category");
  }
  if (k.collection == "engagements" && out["stage"] == "stopped" &&
      (out["stopped_reason"].is_null() || out["stopped_reason"].get<std::string>().empty()))
    return Error::invalid("missing_field", "an engagement that stopped needs stopped_reason", prefix + "stopped_reason");
  return out;
}

Result<Unit> check_references(soci::session& s, const Kind& k, long long person_id, const json& fields,
                              const std::string& prefix) {
  if (k.collection == "ideas" && fields.contains("goal_id") && fields["goal_id"].is_number_integer()) {
    const auto goal = store::record_by_id(s, "goals", kind_of("goals")->columns, fields["goal_id"].get<long long>());
    if (!goal || goal->person_id != person_id)
      return Error::invalid("not_found", "goal_id must be one of this person's goals", prefix + "goal_id");
  }
  return Unit{};
}

json record_json(soci::session& s, const Kind& k, const store::RecordRow& r) {
  json j = {{"id", r.id},
            {"person_id", r.person_id},
            {"version", r.version},
            {"created_at", r.created_at},
            {"updated_at", r.updated_at},
            {"created_by", actor_json(r.created_by)},
            {"updated_by", actor_json(r.updated_by)}};
  if (!k.parent_key.empty()) j[k.parent_key] = r.fields.value(k.parent_key, json(nullptr));
  for (const auto& f : k.fields) {
    json v = r.fields.value(f.column, json(nullptr));
    if (f.type == FT::relationship && v.is_string()) v = json::parse(v.get<std::string>(), nullptr, false);
    j[f.key] = v;
  }
  if (k.collection == "engagements") {
    json stages = json::array();
    std::string last;
    for (const auto& h : store::history_of(s, k.record_type, r.id)) {
      const json d = json::parse(h.data_json, nullptr, false);
      const std::string stage = d.is_object() ? d.value("stage", "") : "";
      if (!stage.empty() && stage != last) stages.push_back({{"stage", stage}, {"on", h.changed_at.substr(0, 10)}});
      last = stage;
    }
    j["stages"] = std::move(stages);
    j["map_offer"] = nullptr;
    if (j["new_relationship"].is_object()) {
      json offer = j["new_relationship"];
      offer["resource_id"] = j["resource_id"];
      j["map_offer"] = offer;
    }
  }
  return j;
}

json insert_record(soci::session& s, const Kind& k, long long person_id, const json& fields, const store::Actor& by,
                   const std::string& now) {
  store::RecordRow row;
  row.person_id = person_id;
  row.fields = fields;
  row.id = store::insert_record(s, k.table, k.columns, row, by, now);
  auto stored = store::record_by_id(s, k.table, k.columns, row.id);
  json data = record_json(s, k, *stored);
  store::append_history(s, k.record_type, row.id, person_id, 1, now, by, "created", data.dump());
  if (k.collection == "engagements") data = record_json(s, k, *stored);  // stages now include creation
  return data;
}

Access access_for(soci::session& s, const Caller& c, long long person_id, bool person_may_write) {
  return access_to_practice_record(c, person_id, store::partnerships_of_person(s, person_id), person_may_write);
}

}  // namespace cp::app::records
