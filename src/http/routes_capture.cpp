// src/http/routes_capture.cpp — questionnaires (issue 3, parts 5 and 6): instrument
// definitions for forms, the assessment schedule, due and overdue lists, and a person's
// responses by wave. Translates only; app/questionnaires.hpp decides and audits.
#include "cp/app/questionnaires.hpp"
#include "route_tables.hpp"

namespace cp::http {

using nlohmann::json;

namespace {

app::Questionnaires questionnaires(const Context& c) {
  static const instruments::Catalogue empty;
  return app::Questionnaires(c.service, c.config.instruments ? *c.config.instruments : empty);
}

std::vector<std::string> split_list(const std::string& v) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= v.size()) {
    size_t end = v.find(',', start);
    if (end == std::string::npos) end = v.size();
    if (end > start) out.push_back(v.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

Response due(const Context& c) {
  const auto scope = c.query("scope").value_or("mine");
  if (scope != "mine" && scope != "team")
    return error_response(
        Error::invalid("invalid_value", "scope must be 'mine' or 'team'", "scope"));
  auto statuses = split_list(c.query("status").value_or(""));
  if (statuses.size() == 1 && statuses[0] == "all")
    statuses = {"not_yet_due", "due", "overdue", "complete", "partial"};
  return from_result(questionnaires(c).due(c.caller, scope == "team", statuses));
}

Response set_schedule(const Context& c) {
  JsonBody b(c.request.body);
  auto version = b.integer("version", true);
  auto waves = b.array("waves", true);
  b.finish();
  if (!b.ok()) return bad_body(b);
  if (*version < 0 || *version > 1000000)
    return error_response(Error::invalid("out_of_range", "version is out of range", "version"));
  return from_result(questionnaires(c).set_schedule(c.caller, json{{"waves", *waves}},
                                                    static_cast<int>(*version)));
}

Response save_response(const Context& c) {
  JsonBody b(c.request.body);
  auto version = b.integer("version", true);
  auto answers = b.object("answers", true);
  auto complete = b.boolean("complete", false);
  b.finish();
  if (!b.ok()) return bad_body(b);
  if (*version < 0 || *version > 1000000)
    return error_response(Error::invalid("out_of_range", "version is out of range", "version"));
  app::ResponseSave save{static_cast<int>(*version), *answers, complete.value_or(false)};
  auto q = questionnaires(c);
  const auto& wave = c.param("wave");
  const auto& instrument = c.param("instrument");
  auto r = q.save(c.caller, c.id, wave, instrument, save);
  if (!r && r.error().code == "version_conflict") {
    // The client gets the record as it now stands, to show what changed (docs/practice-api.md).
    auto resp = error_response(r.error());
    auto current = q.response(c.caller, c.id, wave, instrument);
    if (current) {
      json body = json::parse(resp.body);
      body["error"]["current"] = (*current)["response"];
      resp.body = body.dump();
    }
    return resp;
  }
  return from_result(r);
}

Response set_baseline(const Context& c) {
  JsonBody b(c.request.body);
  auto date = b.text("date", true, 10);
  b.finish();
  if (!b.ok()) return bad_body(b);
  return from_result(questionnaires(c).set_baseline(c.caller, c.id, *date));
}

const json wave_schema = {
    {"type", "object"},
    {"additionalProperties", false},
    {"required", {"id", "months", "instruments"}},
    {"properties",
     {{"id", {{"type", "string"}, {"pattern", "^[a-z][a-z0-9_]{0,39}$"}}},
      {"label", {{"type", "string"}, {"maxLength", 60}}},
      {"months", {{"type", "integer"}, {"minimum", 0}, {"maximum", 240}}},
      {"window_before_days", {{"type", "integer"}, {"minimum", 0}, {"maximum", 366}}},
      {"window_after_days", {{"type", "integer"}, {"minimum", 0}, {"maximum", 366}}},
      {"instruments",
       {{"type", "array"}, {"minItems", 1}, {"maxItems", 30}, {"items", {{"type", "string"}}}}}}}};

const json schedule_schema = {
    {"type", "object"},
    {"additionalProperties", false},
    {"required", {"version", "waves"}},
    {"properties",
     {{"version", {{"type", "integer"}, {"minimum", 0}}},
      {"waves", {{"type", "array"}, {"minItems", 1}, {"maxItems", 24}, {"items", wave_schema}}}}},
    {"example",
     {{"version", 0},
      {"waves",
       {{{"id", "baseline"},
         {"label", "Baseline"},
         {"months", 0},
         {"window_before_days", 0},
         {"window_after_days", 28},
         {"instruments", {"swemwbs", "eq5d-5l"}}},
        {{"id", "month_6"},
         {"label", "6 months"},
         {"months", 6},
         {"window_before_days", 28},
         {"window_after_days", 28},
         {"instruments", {"swemwbs", "eq5d-5l"}}}}}}}};

const json response_schema = {
    {"type", "object"},
    {"additionalProperties", false},
    {"required", {"version", "answers"}},
    {"properties",
     {{"version", {{"type", "integer"}, {"minimum", 0}}},
      {"answers",
       {{"type", "object"},
        {"additionalProperties", {{"type", {"integer", "number", "string", "null"}}}}}},
      {"complete", {{"type", "boolean"}}}}},
    {"example", {{"version", 0}, {"answers", {{"wem01", 4}, {"wem02", 3}}}, {"complete", false}}}};

const json baseline_schema = {{"type", "object"},
                              {"additionalProperties", false},
                              {"required", {"date"}},
                              {"properties", {{"date", {{"type", "string"}, {"format", "date"}}}}},
                              {"example", {{"date", "2026-09-01"}}}};

}  // namespace

std::vector<Route> capture_routes() {
  return {
      {"GET", "/api/v1/instruments",
       "The instruments that can be completed (id, version, title, provisional)", true,
       [](const Context& c) { return from_result(questionnaires(c).instruments(c.caller)); }},
      {"GET", "/api/v1/instruments/{name}",
       "An instrument's form: items, topics, codes and labels, provisional flag, whether licensed "
       "wording is loaded",
       true,
       [](const Context& c) {
         return from_result(questionnaires(c).instrument_form(c.caller, c.param("name")));
       }},
      {"GET", "/api/v1/assessments/schedule",
       "The agency's assessment waves (baseline and follow-ups)", true,
       [](const Context& c) { return from_result(questionnaires(c).schedule(c.caller)); }},
      {"PUT", "/api/v1/assessments/schedule",
       "Change the agency's assessment waves (team leader, agency admin)", true, set_schedule,
       schedule_schema},
      {"GET", "/api/v1/assessments/due",
       "Assessments due, overdue or part-done for the worker's people (?scope=team: the team's; "
       "?status=…)",
       true, due},
      {"GET", "/api/v1/people/{id}/questionnaires",
       "A person's questionnaires by wave, with status and scores", true,
       [](const Context& c) {
         return from_result(questionnaires(c).person_questionnaires(c.caller, c.id));
       }},
      {"GET", "/api/v1/people/{id}/questionnaires/{wave}/{instrument}",
       "One questionnaire response (answers, status, scores, version)", true,
       [](const Context& c) {
         return from_result(
             questionnaires(c).response(c.caller, c.id, c.param("wave"), c.param("instrument")));
       }},
      {"PUT", "/api/v1/people/{id}/questionnaires/{wave}/{instrument}",
       "Save a questionnaire response: partial, or complete: true to finish and score", true,
       save_response, response_schema},
      {"GET", "/api/v1/people/{id}/questionnaires/{wave}/{instrument}/history",
       "Every saved version of a questionnaire response, oldest first", true,
       [](const Context& c) {
         return from_result(
             questionnaires(c).history(c.caller, c.id, c.param("wave"), c.param("instrument")));
       }},
      {"PUT", "/api/v1/people/{id}/assessments/baseline",
       "Record the date a person's waves count from", true, set_baseline, baseline_schema},
  };
}

}  // namespace cp::http
