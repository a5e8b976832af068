// src/http/routes_records.cpp — the co-produced CPI record (issue 4; the contract is
// docs/practice-api.md): network maps, assets, goals → objectives → activities, ideas,
// engagements, barriers, recognition, the whole person page and the journey picture.
// Translates only: bodies are parsed here (a JSON object) and checked strictly in app/
// (PracticeRecords), which names the offending field.
#include "cp/app/practice_records.hpp"
#include "route_tables.hpp"

namespace cp::http {

using nlohmann::json;

namespace {

app::PracticeRecords records(const Context& c) { return app::PracticeRecords(c.service); }

// The body as a JSON object, or the error naming why not.
Result<json> body_object(const Context& c) {
  JsonBody b(c.request.body);
  if (!b.ok()) return b.error();
  return b.document();
}

// A version conflict carries the current record as error.current (read again, audited), so
// the client can show what changed.
Response with_current(const Result<json>& r, const std::function<Result<json>()>& current, int ok_status = 200) {
  if (r || r.error().code != "version_conflict") return from_result(r, ok_status);
  Response resp = error_response(r.error());
  auto now = current();
  if (now) {
    json body = json::parse(resp.body);
    body["error"]["current"] = *now;
    resp.body = body.dump();
  }
  return resp;
}

Handler list_of(std::string collection) {
  return [collection](const Context& c) { return from_result(records(c).list(c.caller, collection, c.id)); };
}
Handler create_in(std::string collection) {
  return [collection](const Context& c) {
    auto body = body_object(c);
    if (!body) return error_response(body.error());
    return from_result(records(c).create(c.caller, collection, c.id, *body), 201);
  };
}
Handler create_child(std::string collection) {
  return [collection](const Context& c) {
    auto body = body_object(c);
    if (!body) return error_response(body.error());
    return from_result(records(c).create_child(c.caller, collection, c.id, *body), 201);
  };
}
Handler read_one(std::string collection) {
  return [collection](const Context& c) { return from_result(records(c).read(c.caller, collection, c.id)); };
}
Handler update_one(std::string collection) {
  return [collection](const Context& c) {
    auto body = body_object(c);
    if (!body) return error_response(body.error());
    auto r = records(c).update(c.caller, collection, c.id, *body);
    return with_current(r, [&] { return records(c).read(c.caller, collection, c.id); });
  };
}
Handler history_of(std::string collection) {
  return [collection](const Context& c) { return from_result(records(c).history(c.caller, collection, c.id)); };
}

const json kText = {{"type", "string"}, {"maxLength", 2000}};
const json kDate = {{"type", "string"}, {"format", "date"}};
const json kId = {{"type", {"integer", "null"}}, {"minimum", 1}};
json enumeration(std::initializer_list<const char*> v) {
  json e = json::array();
  for (const char* s : v) e.push_back(s);
  return {{"type", "string"}, {"enum", e}};
}
json object_schema(json properties, std::vector<std::string> required, json example, bool versioned = false) {
  if (versioned) {
    properties["version"] = {{"type", "integer"}, {"minimum", 1}};
    example["version"] = 1;
  }
  json s = {{"type", "object"}, {"additionalProperties", false}, {"properties", std::move(properties)}};
  if (!required.empty()) s["required"] = required;
  s["example"] = std::move(example);
  return s;
}

const json kGoalStatus = enumeration({"active", "achieved", "paused", "dropped"});
const json kRelation = enumeration({"family", "friend", "neighbour", "work_education", "community_group", "faith",
                                    "peer", "professional_service", "online"});
const json kRing = enumeration({"close", "middle", "outer"});
const json kSupport = {{"type", "array"},
                       {"items", enumeration({"emotional", "practical", "information", "companionship"})}};

json member_schema() {
  return {{"type", "object"},
          {"additionalProperties", false},
          {"required", {"name", "relation", "ring"}},
          {"properties",
           {{"member_id", {{"type", "integer"}}},
            {"key", {{"type", "string"}}},
            {"name", {{"type", "string"}, {"maxLength", 200}}},
            {"kind", enumeration({"person", "group", "organisation"})},
            {"relation", kRelation},
            {"ring", kRing},
            {"support_to_person", kSupport},
            {"support_from_person", kSupport},
            {"frequency", enumeration({"daily", "weekly", "monthly", "less_often", "unknown"})},
            {"resource_id", kId},
            {"x", {{"type", {"number", "null"}}}},
            {"y", {{"type", {"number", "null"}}}}}}};
}

struct Schemas {
  json asset, goal, objective, activity, idea, engagement, barrier, recognition;
};
Schemas schemas(bool versioned) {
  Schemas s;
  s.asset = object_schema({{"kind", enumeration({"strength", "interest", "skill", "would_like_to_try"})},
                           {"text", kText},
                           {"status", enumeration({"current", "archived"})}},
                          versioned ? std::vector<std::string>{"version"} : std::vector<std::string>{"kind", "text"},
                          {{"kind", "interest"}, {"text", "Gardening"}}, versioned);
  s.goal = object_schema({{"text", kText}, {"status", kGoalStatus}, {"review_on", kDate}},
                         versioned ? std::vector<std::string>{"version"} : std::vector<std::string>{"text"},
                         {{"text", "Feel part of something local"}, {"review_on", "2027-02-01"}}, versioned);
  s.objective = object_schema({{"text", kText}, {"status", kGoalStatus}, {"review_on", kDate}},
                              versioned ? std::vector<std::string>{"version"} : std::vector<std::string>{"text"},
                              {{"text", "Try one group in the next month"}}, versioned);
  s.activity = object_schema({{"text", kText},
                              {"who", enumeration({"person", "worker", "both", "other"})},
                              {"who_other", {{"type", "string"}, {"maxLength", 200}}},
                              {"by_when", kDate},
                              {"status", enumeration({"planned", "done", "not_done"})}},
                             versioned ? std::vector<std::string>{"version"} : std::vector<std::string>{"text", "who"},
                             {{"text", "Phone the allotment society"}, {"who", "person"}, {"by_when", "2026-12-01"}},
                             versioned);
  s.idea = object_schema({{"text", kText},
                          {"suggested_by", enumeration({"person", "worker"})},
                          {"goal_id", kId},
                          {"resource_id", kId},
                          {"outcome", enumeration({"open", "tried", "liked", "not_for_me"})},
                          {"outcome_note", kText}},
                         versioned ? std::vector<std::string>{"version"} : std::vector<std::string>{"text", "suggested_by"},
                         {{"text", "Walking group on Saturdays"}, {"suggested_by", "person"}}, versioned);
  s.engagement = object_schema(
      {{"resource_id", kId},
       {"resource_name", {{"type", "string"}, {"maxLength", 300}}},
       {"stage", enumeration({"suggested", "accompanied", "attended", "continuing", "stopped"})},
       {"stopped_reason", {{"type", "string"}, {"maxLength", 1000}}},
       {"started_on", kDate},
       {"note", kText},
       {"new_relationship",
        {{"type", {"object", "null"}},
         {"additionalProperties", false},
         {"required", {"name", "relation", "ring"}},
         {"properties", {{"name", {{"type", "string"}}}, {"relation", kRelation}, {"ring", kRing}}}}}},
      versioned ? std::vector<std::string>{"version"} : std::vector<std::string>{"resource_name", "stage"},
      {{"resource_name", "Riverside allotments"}, {"stage", "accompanied"}, {"started_on", "2026-11-20"}}, versioned);
  s.barrier = object_schema(
      {{"side", enumeration({"person", "worker_agency"})},
       {"category", enumeration({"self_stigma", "discrimination", "culturally_appropriate_services", "physical_health",
                                 "complicated_life", "unhelpful_attitudes", "unhelpful_connections",
                                 "lack_of_information", "poor_access", "money", "housing", "local_knowledge", "time",
                                 "resources", "bureaucracy", "attitudes"})},
       {"description", kText},
       {"status", enumeration({"open", "working_on", "overcome", "remains"})},
       {"tried", kText},
       {"reviewed_on", kDate}},
      versioned ? std::vector<std::string>{"version"} : std::vector<std::string>{"side", "category"},
      {{"side", "person"}, {"category", "money"}, {"description", "Bus fares"}}, versioned);
  s.recognition = object_schema(
      {{"kind", enumeration({"skill", "achievement", "feedback_to_person", "feedback_to_worker"})},
       {"text", kText},
       {"from", enumeration({"person", "worker"})}},
      versioned ? std::vector<std::string>{"version"} : std::vector<std::string>{"kind", "text", "from"},
      {{"kind", "achievement"}, {"text", "Went to the group alone"}, {"from", "worker"}}, versioned);
  return s;
}

// The five routes of a collection owned by a person: list, create, update, history (and read).
void add_collection(std::vector<Route>& out, const std::string& collection, const std::string& what,
                    const json& create_schema, const json& update_schema) {
  out.push_back({"GET", "/api/v1/people/{id}/" + collection, "A person's " + what, true, list_of(collection)});
  out.push_back({"POST", "/api/v1/people/{id}/" + collection, "Add to a person's " + what, true, create_in(collection),
                 create_schema, 201});
  out.push_back({"GET", "/api/v1/" + collection + "/{id}", "One of a person's " + what, true, read_one(collection)});
  out.push_back({"PUT", "/api/v1/" + collection + "/{id}",
                 "Change one of a person's " + what + " (with the version last seen; 409 version_conflict)", true,
                 update_one(collection), update_schema});
  out.push_back({"GET", "/api/v1/" + collection + "/{id}/history", "Every version of one of a person's " + what, true,
                 history_of(collection)});
}

Response map_change(const Context& c) {
  std::optional<long long> from;
  if (auto f = c.query("from")) {
    try {
      std::size_t used = 0;
      const long long v = std::stoll(*f, &used);
      if (used != f->size() || v <= 0) throw std::invalid_argument("from");
      from = v;
    } catch (const std::exception&) {
      return error_response(Error::invalid("invalid_value", "from must be a network map id", "from"));
    }
  }
  return from_result(records(c).map_change(c.caller, c.id, from));
}

Response map_graphml(const Context& c) {
  auto r = records(c).map_graphml(c.caller, c.id);
  if (!r) return error_response(r.error());
  Response resp;
  resp.status = 200;
  resp.body = *r;
  resp.headers.emplace_back("Content-Type", "application/graphml+xml; charset=utf-8");
  resp.headers.emplace_back("Content-Disposition",
                            "attachment; filename=\"network-map-" + std::to_string(c.id) + ".graphml\"");
  return resp;
}

}  // namespace

std::vector<Route> records_routes() {
  const Schemas create = schemas(false), update = schemas(true);
  const json map_create = object_schema(
      {{"taken_on", kDate}, {"note", kText}, {"start_from", enumeration({"previous", "empty"})}}, {"taken_on"},
      {{"taken_on", "2026-11-20"}, {"note", "Drawn together at the library"}});
  const json tie = {{"type", "object"},
                    {"additionalProperties", false},
                    {"required", {"a", "b"}},
                    {"properties", {{"a", {{"type", {"integer", "string"}}}}, {"b", {{"type", {"integer", "string"}}}}}}};
  const json map_update = object_schema(
      {{"version", {{"type", "integer"}}},
       {"taken_on", kDate},
       {"note", kText},
       {"members", {{"type", "array"}, {"items", member_schema()}}},
       {"ties", {{"type", "array"}, {"items", tie}}}},
      {"version", "members"},
      {{"version", 1},
       {"members",
        {{{"key", "n1"}, {"name", "Sam"}, {"kind", "person"}, {"relation", "friend"}, {"ring", "close"}},
         {{"key", "n2"}, {"name", "Walking group"}, {"kind", "group"}, {"relation", "community_group"}, {"ring", "middle"}}}},
       {"ties", {{{"a", "n1"}, {"b", "n2"}}}}});
  const json offer = object_schema({{"name", {{"type", "string"}, {"maxLength", 200}}},
                                    {"relation", kRelation},
                                    {"ring", kRing},
                                    {"resource_id", kId}},
                                   {"name", "relation", "ring"},
                                   {{"name", "Pat from the choir"}, {"relation", "community_group"}, {"ring", "middle"}});

  std::vector<Route> out = {
      {"GET", "/api/v1/people/{id}/record",
       "Everything the person page shows: person, partnerships, latest network map, assets, goals, ideas, "
       "engagements, barriers, recognition, journey",
       true, [](const Context& c) { return from_result(records(c).person_record(c.caller, c.id)); }},
      {"GET", "/api/v1/people/{id}/journey",
       "The journey picture: per shared process, when it was last done and whether it is due or overdue", true,
       [](const Context& c) { return from_result(records(c).journey(c.caller, c.id)); }},
      {"GET", "/api/v1/people/{id}/network-maps", "A person's network map snapshots, newest first, with measures",
       true, [](const Context& c) { return from_result(records(c).list_maps(c.caller, c.id)); }},
      {"POST", "/api/v1/people/{id}/network-maps",
       "Start a network map snapshot (by default from the latest one: members keep their ids)", true,
       [](const Context& c) {
         auto body = body_object(c);
         if (!body) return error_response(body.error());
         return from_result(records(c).create_map(c.caller, c.id, *body), 201);
       },
       map_create, 201},
      {"GET", "/api/v1/network-maps/{id}", "One network map snapshot: members, ties, measures", true,
       [](const Context& c) { return from_result(records(c).read_map(c.caller, c.id)); }},
      {"PUT", "/api/v1/network-maps/{id}",
       "Replace a snapshot's members and ties (with the version last seen; 409 version_conflict)", true,
       [](const Context& c) {
         auto body = body_object(c);
         if (!body) return error_response(body.error());
         auto r = records(c).update_map(c.caller, c.id, *body);
         return with_current(r, [&] { return records(c).read_map(c.caller, c.id); });
       },
       map_update},
      {"GET", "/api/v1/network-maps/{id}/history", "Every version of a network map snapshot", true,
       [](const Context& c) { return from_result(records(c).map_history(c.caller, c.id)); }},
      {"GET", "/api/v1/network-maps/{id}/change",
       "Change between two snapshots of the same person (?from=ID, default the first): new and lost members, "
       "measures",
       true, map_change},
      {"GET", "/api/v1/network-maps/{id}/graphml", "A snapshot as GraphML (igraph, Gephi); labels left out", true,
       map_graphml},
      {"POST", "/api/v1/engagements/{id}/add-to-map",
       "Add the new relationship an engagement made to the latest network map (or start one)", true,
       [](const Context& c) {
         auto body = body_object(c);
         if (!body) return error_response(body.error());
         return from_result(records(c).engagement_add_to_map(c.caller, c.id, *body), 201);
       },
       offer, 201},
      {"POST", "/api/v1/goals/{id}/objectives", "Add an objective to a goal", true, create_child("objectives"),
       create.objective, 201},
      {"POST", "/api/v1/objectives/{id}/activities", "Add an agreed activity to an objective", true,
       create_child("activities"), create.activity, 201},
  };
  add_collection(out, "assets", "assets (strengths, interests, skills, things to try)", create.asset, update.asset);
  add_collection(out, "goals", "goals (with objectives and activities)", create.goal, update.goal);
  // Objectives and activities are created under their parent (above); list them with the goals.
  for (const char* child : {"objectives", "activities"}) {
    const json& u = std::string(child) == "objectives" ? update.objective : update.activity;
    out.push_back({"GET", std::string("/api/v1/") + child + "/{id}", std::string("One ") + (child[0] == 'o' ? "objective" : "activity"),
                   true, read_one(child)});
    out.push_back({"PUT", std::string("/api/v1/") + child + "/{id}",
                   std::string("Change an ") + (child[0] == 'o' ? "objective" : "activity") +
                       " (with the version last seen; 409 version_conflict)",
                   true, update_one(child), u});
    out.push_back({"GET", std::string("/api/v1/") + child + "/{id}/history",
                   std::string("Every version of an ") + (child[0] == 'o' ? "objective" : "activity"), true,
                   history_of(child)});
  }
  add_collection(out, "ideas", "ideas (inspiration)", create.idea, update.idea);
  add_collection(out, "engagements", "engagements with community resources", create.engagement, update.engagement);
  add_collection(out, "barriers", "barriers (person's side and worker or agency side)", create.barrier, update.barrier);
  add_collection(out, "recognition", "recognition and feedback", create.recognition, update.recognition);
  return out;
}

}  // namespace cp::http
