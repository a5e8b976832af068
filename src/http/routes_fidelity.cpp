// src/http/routes_fidelity.cpp — fidelity and implementation (issue 5): dashboards for a
// worker, a team and the agency, the researcher's pseudonymised view, CSV export, thresholds
// and practice examples. docs/fidelity.md describes the method, docs/api.md the routes.
#include "cp/app/fidelity.hpp"
#include "route_tables.hpp"

namespace cp::http {

using nlohmann::json;

namespace {

std::optional<std::string> as_of(const Context& c) { return c.query("as_of"); }

Response csv_export(const Context& c) {
  const std::string scope = c.query("scope").value_or("team");
  long long id = 0;
  if (auto t = c.query("team_id")) {
    try {
      id = std::stoll(*t);
    } catch (...) {
      return error_response(Error::invalid("invalid_id", "team_id must be a whole number", "team_id"));
    }
  }
  auto r = app::Fidelity(c.service).export_csv(c.caller, scope, id);
  if (!r) return error_response(r.error());
  Response resp;
  resp.body = *r;
  resp.headers.emplace_back("Content-Type", "text/csv; charset=utf-8");
  resp.headers.emplace_back("Content-Disposition", "attachment; filename=\"fidelity-" + scope + ".csv\"");
  return resp;
}

Response put_thresholds(const Context& c) {
  auto j = json::parse(c.request.body, nullptr, false);
  if (j.is_discarded())
    return error_response(Error::invalid("malformed_json", "the body is not valid JSON", "body"));
  return from_result(app::Fidelity(c.service).set_thresholds(c.caller, j));
}

Response add_example(const Context& c) {
  JsonBody b(c.request.body);
  auto worker = b.integer("worker_id", true);
  auto domain = b.text("domain", true, 20);
  auto description = b.text("description", true, 4000);
  b.finish();
  if (!b.ok()) return bad_body(b);
  return from_result(app::Fidelity(c.service).add_example(c.caller, *worker, *domain, *description), 201);
}

Response rate_example(const Context& c) {
  JsonBody b(c.request.body);
  auto rating = b.integer("rating", true);
  b.finish();
  if (!b.ok()) return bad_body(b);
  if (*rating < 1 || *rating > 9)
    return error_response(Error::invalid("out_of_range", "rating must be a whole number from 1 to 9", "rating"));
  return from_result(app::Fidelity(c.service).rate_example(c.caller, c.id, static_cast<int>(*rating)), 201);
}

Response consensus(const Context& c) {
  JsonBody b(c.request.body);
  auto version = b.integer("version", true);
  auto value = b.integer("consensus", true);
  auto note = b.text("note", false, 2000);
  b.finish();
  if (!b.ok()) return bad_body(b);
  if (*value < 1 || *value > 9)
    return error_response(Error::invalid("out_of_range", "consensus must be a whole number from 1 to 9", "consensus"));
  return from_result(app::Fidelity(c.service).set_consensus(c.caller, c.id, static_cast<int>(*version),
                                                            static_cast<int>(*value), note.value_or("")),
                     201);
}

const json thresholds_schema = {
    {"type", "object"},
    {"additionalProperties", false},
    {"properties",
     {{"full", {{"type", "number"}, {"minimum", 0}, {"maximum", 1}}},
      {"partial", {{"type", "number"}, {"minimum", 0}, {"maximum", 1}}},
      {"scale_weight", {{"type", "number"}, {"minimum", 0}, {"maximum", 1}}},
      {"min_people", {{"type", "integer"}, {"minimum", 1}}},
      {"recent_months", {{"type", "integer"}, {"minimum", 1}, {"maximum", 120}}},
      {"slide", {{"type", "number"}, {"minimum", 0}, {"maximum", 1}}},
      {"slide_window", {{"type", "integer"}, {"minimum", 1}, {"maximum", 24}}}}},
    {"example", {{"full", 0.7}, {"partial", 0.4}}}};

const json example_schema = {
    {"type", "object"},
    {"additionalProperties", false},
    {"required", {"worker_id", "domain", "description"}},
    {"properties",
     {{"worker_id", {{"type", "integer"}}},
      {"domain", {{"type", "string"}, {"enum", {"community", "assessment", "planning", "partnership", "relationships"}}}},
      {"description", {{"type", "string"}, {"maxLength", 4000}}}}},
    {"example", {{"worker_id", 1}, {"domain", "community"}, {"description", "Went with Sam to the allotment group."}}}};

const json rating_schema = {{"type", "object"},
                            {"additionalProperties", false},
                            {"required", {"rating"}},
                            {"properties", {{"rating", {{"type", "integer"}, {"minimum", 1}, {"maximum", 9}}}}},
                            {"example", {{"rating", 6}}}};

const json consensus_schema = {
    {"type", "object"},
    {"additionalProperties", false},
    {"required", {"version", "consensus"}},
    {"properties",
     {{"version", {{"type", "integer"}}},
      {"consensus", {{"type", "integer"}, {"minimum", 1}, {"maximum", 9}}},
      {"note", {{"type", "string"}, {"maxLength", 2000}}}}},
    {"example", {{"version", 1}, {"consensus", 6}, {"note", "Agreed after supervision."}}}};

}  // namespace

std::vector<Route> fidelity_routes() {
  return {
      {"GET", "/api/v1/fidelity/workers/{id}", "A worker's implementation level, indicators, trend and practice examples (supervision view)", true,
       [](const Context& c) { return from_result(app::Fidelity(c.service).worker_view(c.caller, c.id, as_of(c))); }},
      {"GET", "/api/v1/fidelity/team", "The signed-in team leader's team: level, trend and each worker", true,
       [](const Context& c) { return from_result(app::Fidelity(c.service).team_view(c.caller, 0, as_of(c))); }},
      {"GET", "/api/v1/fidelity/teams/{id}", "A team's implementation level, trend and each worker", true,
       [](const Context& c) { return from_result(app::Fidelity(c.service).team_view(c.caller, c.id, as_of(c))); }},
      {"GET", "/api/v1/fidelity/agency", "The agency's implementation level and each team (agency admin)", true,
       [](const Context& c) { return from_result(app::Fidelity(c.service).agency_view(c.caller, as_of(c))); }},
      {"GET", "/api/v1/fidelity/research", "The agency's fidelity, pseudonymised (researcher)", true,
       [](const Context& c) { return from_result(app::Fidelity(c.service).research_view(c.caller, as_of(c))); }},
      {"GET", "/api/v1/fidelity/export.csv", "Fidelity as CSV (?scope=team|agency, &team_id=)", true, csv_export},
      {"GET", "/api/v1/fidelity/thresholds", "The agency's implementation thresholds", true,
       [](const Context& c) { return from_result(app::Fidelity(c.service).thresholds(c.caller)); }},
      {"PUT", "/api/v1/fidelity/thresholds", "Change the agency's implementation thresholds (agency admin)", true,
       put_thresholds, thresholds_schema},
      {"GET", "/api/v1/fidelity/examples", "Practice examples with ratings, consensus and agreement (?scope=worker|team|agency&id=)", true,
       [](const Context& c) {
         long long id = 0;
         try {
           id = std::stoll(c.query("id").value_or("0"));
         } catch (...) {
           return error_response(Error::invalid("invalid_id", "id must be a whole number", "id"));
         }
         return from_result(app::Fidelity(c.service).examples(c.caller, c.query("scope").value_or("worker"), id));
       }},
      {"POST", "/api/v1/fidelity/examples", "Add a practice example for a worker and domain", true, add_example,
       example_schema, 201},
      {"POST", "/api/v1/fidelity/examples/{id}/ratings", "Rate a practice example independently (1–9)", true,
       rate_example, rating_schema, 201},
      {"POST", "/api/v1/fidelity/examples/{id}/consensus", "Record the consensus rating of a practice example", true,
       consensus, consensus_schema, 201},
  };
}

}  // namespace cp::http
