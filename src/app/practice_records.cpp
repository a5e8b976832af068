// src/app/practice_records.cpp — create, list, read, update and history of the editable
// records (assets, goals, objectives, activities, ideas, engagements, barriers, recognition).
#include <cassert>
#include <fmt/format.h>

#include <map>

#include "cp/app/practice_records.hpp"
#include "cp/store/records.hpp"
#include "practice_records_internal.hpp"

namespace cp::app {

using namespace records;

namespace {

const Kind& kind_or_die(std::string_view collection) {
  const Kind* k = kind_of(collection);
  assert(k && "a route names a known collection");
  if (!k) throw ErrorException(Error::not_found("There is no such kind of record."));
  return *k;
}

std::string id_s(long long id) { return std::to_string(id); }

// Goals with their objectives and activities nested (all of one person).
json nested_goals(soci::session& s, long long person_id) {
  const Kind& g = *kind_of("goals");
  const Kind& o = *kind_of("objectives");
  const Kind& a = *kind_of("activities");
  std::map<long long, json> activities_by_objective;
  for (const auto& r : store::records_of_person(s, a.table, a.columns, person_id)) {
    json j = record_json(s, a, r);
    activities_by_objective[j["objective_id"].get<long long>()].push_back(std::move(j));
  }
  std::map<long long, json> objectives_by_goal;
  for (const auto& r : store::records_of_person(s, o.table, o.columns, person_id)) {
    json j = record_json(s, o, r);
    auto it = activities_by_objective.find(r.id);
    j["activities"] = it == activities_by_objective.end() ? json::array() : it->second;
    objectives_by_goal[j["goal_id"].get<long long>()].push_back(std::move(j));
  }
  json goals = json::array();
  for (const auto& r : store::records_of_person(s, g.table, g.columns, person_id)) {
    json j = record_json(s, g, r);
    auto it = objectives_by_goal.find(r.id);
    j["objectives"] = it == objectives_by_goal.end() ? json::array() : it->second;
    goals.push_back(std::move(j));
  }
  return goals;
}

}  // namespace

bool PracticeRecords::is_collection(std::string_view collection) { return kind_of(collection) != nullptr; }

// Shared by list() and person_record(): the person's records of one collection.
json records::list_json(soci::session& s, const Kind& k, long long person_id) {
  if (k.collection == "goals") return nested_goals(s, person_id);
  json list = json::array();
  for (const auto& r : store::records_of_person(s, k.table, k.columns, person_id)) list.push_back(record_json(s, k, r));
  return list;
}

Result<json> PracticeRecords::list(const Caller& c, std::string_view collection, long long person_id) {
  const Kind& k = kind_or_die(collection);
  return run_write(service_.database(), [&](soci::session& s) -> Result<json> {
    if (!store::person_by_id(s, person_id)) return Error::not_found("There is no person with that id.", "id");
    if (access_for(s, c, person_id, false) == Access::none) {
      audit(s, c, k.record_type + ".list", "person", id_s(person_id), person_id, "refused");
      return refused("see this person's " + k.collection);
    }
    json list = list_json(s, k, person_id);
    audit(s, c, k.record_type + ".list", "person", id_s(person_id), person_id, "ok",
          fmt::format("{} records", list.size()));
    return json{{k.collection, std::move(list)}};
  });
}

Result<json> PracticeRecords::create(const Caller& c, std::string_view collection, long long person_id,
                                     const json& body) {
  const Kind& k = kind_or_die(collection);
  if (!k.parent_key.empty()) return Error::not_found("Add this record under its parent.");
  return run_write(service_.database(), [&](soci::session& s) -> Result<json> {
    if (!store::person_by_id(s, person_id)) return Error::not_found("There is no person with that id.", "id");
    if (access_for(s, c, person_id, k.person_writes) != Access::write) {
      audit(s, c, k.record_type + ".create", "person", id_s(person_id), person_id, "refused");
      return refused("add to this person's " + k.collection);
    }
    auto fields = check_fields(k, body, nullptr, "", {});
    if (!fields) return fields.error();
    if (auto ok = check_references(s, k, person_id, *fields, ""); !ok) return ok.error();
    json rec = insert_record(s, k, person_id, *fields, actor_of(c), now_ts());
    audit(s, c, k.record_type + ".create", k.record_type, id_s(rec["id"].get<long long>()), person_id, "ok");
    return rec;
  });
}

Result<json> PracticeRecords::create_child(const Caller& c, std::string_view collection, long long parent_id,
                                           const json& body) {
  const Kind& k = kind_or_die(collection);
  assert(!k.parent_key.empty());
  const Kind& parent = kind_or_die(k.parent_collection);
  return run_write(service_.database(), [&](soci::session& s) -> Result<json> {
    auto p = store::record_by_id(s, parent.table, parent.columns, parent_id);
    if (!p) return Error::not_found(fmt::format("There is no {} with that id.", parent.record_type), "id");
    if (access_for(s, c, p->person_id, k.person_writes) != Access::write) {
      audit(s, c, k.record_type + ".create", parent.record_type, id_s(parent_id), p->person_id, "refused");
      return refused("add to this person's " + k.collection);
    }
    auto fields = check_fields(k, body, nullptr, "", {});
    if (!fields) return fields.error();
    (*fields)[k.parent_key] = parent_id;
    json rec = insert_record(s, k, p->person_id, *fields, actor_of(c), now_ts());
    audit(s, c, k.record_type + ".create", k.record_type, id_s(rec["id"].get<long long>()), p->person_id, "ok");
    return rec;
  });
}

Result<json> PracticeRecords::read(const Caller& c, std::string_view collection, long long id) {
  const Kind& k = kind_or_die(collection);
  return run_write(service_.database(), [&](soci::session& s) -> Result<json> {
    auto r = store::record_by_id(s, k.table, k.columns, id);
    if (!r) return Error::not_found(fmt::format("There is no {} with that id.", k.record_type), "id");
    if (access_for(s, c, r->person_id, false) == Access::none) {
      audit(s, c, k.record_type + ".read", k.record_type, id_s(id), r->person_id, "refused");
      return refused("see this record");
    }
    audit(s, c, k.record_type + ".read", k.record_type, id_s(id), r->person_id, "ok");
    return record_json(s, k, *r);
  });
}

Result<json> PracticeRecords::update(const Caller& c, std::string_view collection, long long id, const json& body) {
  const Kind& k = kind_or_die(collection);
  return run_write(service_.database(), [&](soci::session& s) -> Result<json> {
    auto r = store::record_by_id(s, k.table, k.columns, id);
    if (!r) return Error::not_found(fmt::format("There is no {} with that id.", k.record_type), "id");
    if (access_for(s, c, r->person_id, k.person_writes) != Access::write) {
      audit(s, c, k.record_type + ".update", k.record_type, id_s(id), r->person_id, "refused");
      return refused("change this record");
    }
    if (!body.is_object()) return Error::invalid("wrong_type", "the body must be a JSON object", "body");
    if (!body.contains("version") || body["version"].is_null())
      return Error::invalid("missing_field", "'version' is required: the version you last saw", "version");
    if (!body["version"].is_number_integer())
      return Error::invalid("wrong_type", "'version' must be a whole number", "version");
    auto fields = check_fields(k, body, &r->fields, "", {"version"});
    if (!fields) return fields.error();
    if (body["version"].get<long long>() != r->version) {
      Error e = Error::conflict("version_conflict",
                                fmt::format("This record has changed since you saw it (now version {}); "
                                            "look at the current record and make your change again.",
                                            r->version),
                                "version");
      return e;
    }
    if (auto ok = check_references(s, k, r->person_id, *fields, ""); !ok) return ok.error();
    if (!k.parent_key.empty()) (*fields)[k.parent_key] = r->fields[k.parent_key];
    store::RecordRow next = *r;
    next.fields = *fields;
    const auto by = actor_of(c);
    const std::string now = now_ts();
    if (!store::update_record(s, k.table, k.columns, next, by, now))
      return Error::conflict("version_conflict", "This record changed while you were saving; look at it again.",
                             "version");
    auto stored = store::record_by_id(s, k.table, k.columns, id);
    json data = record_json(s, k, *stored);
    store::append_history(s, k.record_type, id, r->person_id, stored->version, now, by, "updated", data.dump());
    if (k.collection == "engagements") data = record_json(s, k, *stored);
    audit(s, c, k.record_type + ".update", k.record_type, id_s(id), r->person_id, "ok",
          fmt::format("version {}", stored->version));
    return data;
  });
}

// History as the contract shapes it; shared with network maps.
json records::history_json(soci::session& s, const std::string& record_type, long long id) {
  json list = json::array();
  for (const auto& h : store::history_of(s, record_type, id))
    list.push_back({{"version", h.version},
                    {"changed_at", h.changed_at},
                    {"changed_by", actor_json(h.changed_by)},
                    {"change", h.change},
                    {"data", json::parse(h.data_json, nullptr, false)}});
  return json{{"history", std::move(list)}};
}

Result<json> PracticeRecords::history(const Caller& c, std::string_view collection, long long id) {
  const Kind& k = kind_or_die(collection);
  return run_write(service_.database(), [&](soci::session& s) -> Result<json> {
    auto r = store::record_by_id(s, k.table, k.columns, id);
    if (!r) return Error::not_found(fmt::format("There is no {} with that id.", k.record_type), "id");
    if (access_for(s, c, r->person_id, false) == Access::none) {
      audit(s, c, k.record_type + ".history", k.record_type, id_s(id), r->person_id, "refused");
      return refused("see this record's history");
    }
    audit(s, c, k.record_type + ".history", k.record_type, id_s(id), r->person_id, "ok");
    return history_json(s, k.record_type, id);
  });
}

}  // namespace cp::app
