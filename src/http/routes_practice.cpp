// src/http/routes_practice.cpp — the caseload, a person's summary, episodes and contacts.
#include "cp/app/practice_records.hpp"
#include "route_tables.hpp"

namespace cp::http {

using nlohmann::json;

namespace {

Response change_episode(const Context& c) {
  JsonBody b(c.request.body);
  auto action = b.text("action", true, 20);
  auto reason = b.text("reason", false, 500);
  auto to_worker = b.integer("to_worker_id", false);
  b.finish();
  if (!b.ok()) return bad_body(b);
  auto a = domain::episode_action_from_string(*action);
  if (!a)
    return error_response(
        Error::invalid("invalid_value", "action must be one of: open, pause, re_enter, move_on, transfer", "action"));
  app::EpisodeChange ch{*a, reason, to_worker};
  return from_result(c.service.change_episode(c.caller, c.id, ch), 201);
}

Response add_contact(const Context& c) {
  JsonBody b(c.request.body);
  domain::NewContact ct;
  auto date = b.text("date", true, 10);
  auto mode = b.text("mode", true, 20);
  auto duration = b.integer("duration_minutes", true);
  auto processes = b.text_list("processes", true);
  auto note = b.text("note", false, 2000);
  auto add = b.object("add", false);  // records added in the same transaction (docs/practice-api.md)
  b.finish();
  if (!b.ok()) return bad_body(b);
  ct.date = *date;
  ct.mode = *mode;
  if (*duration < 0 || *duration > 100000)
    return error_response(Error::invalid("out_of_range", "duration_minutes must be between 1 and 600", "duration_minutes"));
  ct.duration_minutes = static_cast<int>(*duration);
  ct.processes = *processes;
  ct.note = note.value_or("");
  if (add) return from_result(app::PracticeRecords(c.service).add_contact(c.caller, c.id, ct, *add), 201);
  return from_result(c.service.add_contact(c.caller, c.id, ct), 201);
}

const json episode_schema = {
    {"type", "object"},
    {"additionalProperties", false},
    {"required", {"action"}},
    {"properties",
     {{"action", {{"type", "string"}, {"enum", {"open", "pause", "re_enter", "move_on", "transfer"}}}},
      {"reason", {{"type", "string"}, {"maxLength", 500}}},
      {"to_worker_id", {{"type", "integer"}}}}},
    {"example", {{"action", "pause"}, {"reason", "taking a break"}}}};

const json contact_schema = {
    {"type", "object"},
    {"additionalProperties", false},
    {"required", {"date", "mode", "duration_minutes", "processes"}},
    {"properties",
     {{"date", {{"type", "string"}, {"format", "date"}}},
      {"mode", {{"type", "string"}, {"enum", {"in_person", "phone", "video", "text", "other"}}}},
      {"duration_minutes", {{"type", "integer"}, {"minimum", 1}, {"maximum", 600}}},
      {"processes",
       {{"type", "array"},
        {"items",
         {{"type", "string"},
          {"enum", {"network_mapping", "assets", "goals", "ideas", "community_resources", "engagement", "barriers",
                    "recognition", "feedback", "review"}}}}}},
      {"note", {{"type", "string"}, {"maxLength", 2000}}},
      {"add",
       {{"type", "object"},
        {"description",
         "records to add in the same transaction, all or nothing (docs/practice-api.md): network_members, goals, "
         "assets, ideas, engagements, barriers, recognition — each a list of that record's create body"},
        {"additionalProperties", false},
        {"properties",
         {{"network_members", {{"type", "array"}, {"items", {{"type", "object"}}}}},
          {"goals", {{"type", "array"}, {"items", {{"type", "object"}}}}},
          {"assets", {{"type", "array"}, {"items", {{"type", "object"}}}}},
          {"ideas", {{"type", "array"}, {"items", {{"type", "object"}}}}},
          {"engagements", {{"type", "array"}, {"items", {{"type", "object"}}}}},
          {"barriers", {{"type", "array"}, {"items", {{"type", "object"}}}}},
          {"recognition", {{"type", "array"}, {"items", {{"type", "object"}}}}}}}}}}},
    {"example", {{"date", "2026-11-20"}, {"mode", "in_person"}, {"duration_minutes", 45},
                 {"processes", {"network_mapping", "goals"}}, {"note", "Drew the map together."},
                 {"add", {{"goals", {{{"text", "Get back to swimming"}}}}}}}}};

}  // namespace

std::vector<Route> practice_routes() {
  return {
      {"GET", "/api/v1/caseload", "The people the signed-in worker (or team leader's team) works with", true,
       [](const Context& c) { return from_result(c.service.caseload(c.caller)); }},
      {"GET", "/api/v1/people/{id}", "A person's summary: partnerships, episodes, recent contacts", true,
       [](const Context& c) { return from_result(c.service.person_summary(c.caller, c.id)); }},
      {"POST", "/api/v1/partnerships/{id}/episodes",
       "Change a partnership's episode (pause, re-enter, move on, transfer)", true, change_episode, episode_schema,
       201},
      {"GET", "/api/v1/partnerships/{id}/contacts", "A partnership's contacts (sessions)", true,
       [](const Context& c) { return from_result(c.service.list_contacts(c.caller, c.id)); }},
      {"POST", "/api/v1/partnerships/{id}/contacts", "Record a contact (session) for a partnership", true,
       add_contact, contact_schema, 201},
  };
}

}  // namespace cp::http
