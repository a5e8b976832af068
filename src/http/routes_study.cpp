// src/http/routes_study.cpp — studies (issues 6 and 8): design, recruitment, research consent,
// withdrawal, CONSORT-style counts and the researcher's pseudonymised analysis dataset (CSV).
#include <charconv>

#include "cp/app/studies.hpp"
#include "route_tables.hpp"

namespace cp::http {

using nlohmann::json;

namespace {

std::optional<long long> positive(const std::string& text) {
  long long v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || p != text.data() + text.size() || v <= 0) return std::nullopt;
  return v;
}

Response no_participant() {
  return error_response(Error::not_found("There is no participant with that id in this study.", "pid"));
}

Response create_study(const Context& c) {
  JsonBody b(c.request.body);
  auto name = b.text("name", true, 200);
  auto design = b.text("design", false, 40);
  auto sites = b.array("sites", true);
  auto waves = b.array("waves", true);
  b.finish();
  if (!b.ok()) return bad_body(b);
  app::NewStudy st;
  st.name = *name;
  if (design) st.design = *design;
  for (std::size_t i = 0; i < sites->size(); ++i) {
    const auto& x = (*sites)[i];
    const std::string f = "sites[" + std::to_string(i) + "]";
    if (!x.is_object() || !x.contains("team_id") || !x["team_id"].is_number_integer() || !x.contains("arm") ||
        !x["arm"].is_string() || x.size() != 2)
      return error_response(Error::invalid("invalid_value", "Each site is {\"team_id\": integer, \"arm\": text}.", f));
    st.sites.push_back({x["team_id"].get<long long>(), x["arm"].get<std::string>()});
  }
  for (std::size_t i = 0; i < waves->size(); ++i) {
    const auto& x = (*waves)[i];
    const std::string f = "waves[" + std::to_string(i) + "]";
    if (!x.is_object() || x.size() != 3 || !x.contains("wave") || !x["wave"].is_string() ||
        !x.contains("target_month") || !x["target_month"].is_number_integer() || !x.contains("window_days") ||
        !x["window_days"].is_number_integer())
      return error_response(Error::invalid(
          "invalid_value", "Each wave is {\"wave\": text, \"target_month\": integer, \"window_days\": integer}.", f));
    st.waves.push_back({x["wave"].get<std::string>(), static_cast<int>(x["target_month"].get<long long>()),
                        static_cast<int>(x["window_days"].get<long long>())});
  }
  return from_result(app::Studies(c.service).create(c.caller, st), 201);
}

Response add_participant(const Context& c) {
  JsonBody b(c.request.body);
  auto person = b.integer("person_id", true);
  auto team = b.integer("team_id", false);
  auto assessed = b.text("assessed_on", true, 10);
  auto declined = b.boolean("declined", false);
  auto consent = b.boolean("consent_given", false);
  b.finish();
  if (!b.ok()) return bad_body(b);
  app::NewParticipant p;
  p.person_id = *person;
  p.team_id = team;
  p.assessed_on = *assessed;
  p.declined = declined.value_or(false);
  p.consent_given = consent.value_or(false);
  return from_result(app::Studies(c.service).add_participant(c.caller, c.id, p), 201);
}

Response record_consent(const Context& c) {
  auto pid = positive(c.param("pid"));
  if (!pid) return no_participant();
  JsonBody b(c.request.body);
  auto event = b.text("event", true, 20);
  auto date = b.text("date", true, 10);
  auto note = b.text("note", false, 500);
  b.finish();
  if (!b.ok()) return bad_body(b);
  return from_result(app::Studies(c.service).record_consent(c.caller, c.id, *pid, *event, *date, note), 201);
}

Response withdraw(const Context& c) {
  auto pid = positive(c.param("pid"));
  if (!pid) return no_participant();
  JsonBody b(c.request.body);
  auto date = b.text("date", true, 10);
  auto reason = b.text("reason", false, 500);
  b.finish();
  if (!b.ok()) return bad_body(b);
  return from_result(app::Studies(c.service).withdraw(c.caller, c.id, *pid, *date, reason));
}

Response dataset_csv(const Context& c) {
  app::DatasetOptions opt;
  if (auto v = c.query("age")) {
    if (*v != "true" && *v != "false")
      return error_response(Error::invalid("invalid_value", "age must be true or false", "age"));
    opt.age = *v == "true";
  }
  if (auto v = c.query("outcomes")) {  // instrument.score,instrument.score
    std::size_t start = 0;
    while (start <= v->size()) {
      auto end = v->find(',', start);
      if (end == std::string::npos) end = v->size();
      const std::string item = v->substr(start, end - start);
      const auto dot = item.find('.');
      if (dot == std::string::npos || dot == 0 || dot + 1 == item.size())
        return error_response(
            Error::invalid("invalid_value", "outcomes is a comma-separated list of instrument.score", "outcomes"));
      opt.outcomes.push_back({item.substr(0, dot), item.substr(dot + 1)});
      start = end + 1;
    }
  }
  auto t = app::Studies(c.service).analysis_dataset(c.caller, c.id, opt);
  if (!t) return error_response(t.error());
  Response r;
  r.status = 200;
  r.body = t->to_csv();
  r.headers.emplace_back("Content-Type", "text/csv; charset=utf-8");
  r.headers.emplace_back("Content-Disposition",
                         "attachment; filename=\"study-" + std::to_string(c.id) + "-dataset.csv\"");
  return r;
}

const json study_schema = {
    {"type", "object"},
    {"additionalProperties", false},
    {"required", {"name", "sites", "waves"}},
    {"properties",
     {{"name", {{"type", "string"}, {"maxLength", 200}}},
      {"design", {{"type", "string"}, {"enum", {"cluster_controlled", "cluster_randomised", "pre_post"}}}},
      {"sites",
       {{"type", "array"},
        {"items",
         {{"type", "object"},
          {"additionalProperties", false},
          {"required", {"team_id", "arm"}},
          {"properties",
           {{"team_id", {{"type", "integer"}}},
            {"arm", {{"type", "string"}, {"enum", {"intervention", "control"}}}}}}}}}},
      {"waves",
       {{"type", "array"},
        {"items",
         {{"type", "object"},
          {"additionalProperties", false},
          {"required", {"wave", "target_month", "window_days"}},
          {"properties",
           {{"wave", {{"type", "string"}, {"maxLength", 40}}},
            {"target_month", {{"type", "integer"}, {"minimum", 0}, {"maximum", 240}}},
            {"window_days", {{"type", "integer"}, {"minimum", 0}, {"maximum", 366}}}}}}}}}}},
    {"example",
     {{"name", "CPI implementation study"},
      {"design", "cluster_controlled"},
      {"sites", {{{"team_id", 1}, {"arm", "intervention"}}, {{"team_id", 2}, {"arm", "control"}}}},
      {"waves",
       {{{"wave", "baseline"}, {"target_month", 0}, {"window_days", 30}},
        {{"wave", "6m"}, {"target_month", 6}, {"window_days", 45}}}}}}};

const json participant_schema = {
    {"type", "object"},
    {"additionalProperties", false},
    {"required", {"person_id", "assessed_on"}},
    {"properties",
     {{"person_id", {{"type", "integer"}}},
      {"team_id", {{"type", "integer"}}},
      {"assessed_on", {{"type", "string"}, {"format", "date"}}},
      {"declined", {{"type", "boolean"}}},
      {"consent_given", {{"type", "boolean"}}}}},
    {"example", {{"person_id", 2}, {"assessed_on", "2026-11-20"}, {"consent_given", true}}}};

const json consent_schema = {
    {"type", "object"},
    {"additionalProperties", false},
    {"required", {"event", "date"}},
    {"properties",
     {{"event", {{"type", "string"}, {"enum", {"given", "withdrawn"}}}},
      {"date", {{"type", "string"}, {"format", "date"}}},
      {"note", {{"type", "string"}, {"maxLength", 500}}}}},
    {"example", {{"event", "withdrawn"}, {"date", "2026-11-21"}}}};

const json withdraw_schema = {
    {"type", "object"},
    {"additionalProperties", false},
    {"required", {"date"}},
    {"properties",
     {{"date", {{"type", "string"}, {"format", "date"}}}, {"reason", {{"type", "string"}, {"maxLength", 500}}}}},
    {"example", {{"date", "2026-11-21"}, {"reason", "moved away"}}}};

}  // namespace

std::vector<Route> study_routes() {
  return {
      {"GET", "/api/v1/studies", "Studies of the caller's agency, with their design", true,
       [](const Context& c) { return from_result(app::Studies(c.service).list(c.caller)); }},
      {"POST", "/api/v1/studies", "Create a study: sites (teams) with their arm, waves (researcher, agency admin)",
       true, create_study, study_schema, 201},
      {"GET", "/api/v1/studies/{id}", "A study's design (workers also see their own people's participation)", true,
       [](const Context& c) { return from_result(app::Studies(c.service).get(c.caller, c.id)); }},
      {"POST", "/api/v1/studies/{id}/participants",
       "Record that a person was assessed for a study: recruited (optionally with consent) or declined", true,
       add_participant, participant_schema, 201},
      {"POST", "/api/v1/studies/{id}/participants/{pid}/consent",
       "Record research consent given or withdrawn (append-only history)", true, record_consent, consent_schema,
       201},
      {"POST", "/api/v1/studies/{id}/participants/{pid}/withdraw",
       "Withdraw a participant from follow-up (their data stay while consent stands)", true, withdraw,
       withdraw_schema},
      {"GET", "/api/v1/studies/{id}/consort", "CONSORT-style flow counts by arm", true,
       [](const Context& c) { return from_result(app::Studies(c.service).consort(c.caller, c.id)); }},
      {"GET", "/api/v1/studies/{id}/dataset.csv",
       "The pseudonymised analysis dataset (researcher): one row per consented participant", true, dataset_csv},
  };
}

}  // namespace cp::http
