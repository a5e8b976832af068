// src/app/fidelity.cpp — fidelity and implementation use cases (see fidelity.hpp and
// docs/fidelity.md).
#include "cp/app/fidelity.hpp"

#include <fmt/format.h>

#include <chrono>
#include <map>

#include "cp/app/pseudonyms.hpp"
#include "cp/app/research_read.hpp"
#include "cp/domain/clock.hpp"
#include "cp/domain/contact.hpp"
#include "cp/fidelity/dates.hpp"
#include "cp/fidelity/implementation.hpp"
#include "cp/fidelity/indicators.hpp"
#include "cp/fidelity/practice_examples.hpp"
#include "cp/store/fidelity_store.hpp"
#include "cp/store/records.hpp"

namespace cp::app {

namespace fi = cp::fidelity;
using domain::Role;

namespace {

constexpr int kTrendMonths = 6;

std::string now_ts() { return domain::iso_timestamp(std::chrono::system_clock::now()); }

Error refused(const std::string& what) { return Error::forbidden("You do not have permission to " + what + "."); }

fi::Thresholds thresholds_of(soci::session& s, long long agency_id) {
  if (auto text = store::fidelity_thresholds(s, agency_id)) {
    auto j = nlohmann::json::parse(*text, nullptr, false);
    if (auto t = fi::thresholds_from_json(j)) return *t;
  }
  return {};
}

// The evidence for a group of people at a date, and its assessment.
struct Evaluated {
  fi::ImplementationAssessment assessment;
  std::vector<fi::Indicator> indicators;
  std::array<std::optional<double>, fi::kDomains> scale{};
  std::array<int, fi::kDomains> scale_sources{};
};

Evaluated evaluate(soci::session& s, const std::vector<store::CaseloadAtDate>& people,
                   const std::vector<store::PracticeExampleRow>& examples, const std::string& as_of,
                   const fi::Thresholds& t) {
  Evaluated e;
  const std::string recent_from = fi::months_before(as_of, t.recent_months).value_or(as_of);
  std::vector<fi::PersonPractice> practice;
  std::array<double, fi::kDomains> sum{};
  for (const auto& p : people) {
    practice.push_back(store::person_practice(s, p.person_id, as_of, recent_from));
    for (const char* instrument : {"cpifs-w", "cpifs-su"}) {
      const auto scores = store::cpifs_scores(s, p.person_id, instrument, as_of);
      for (std::size_t k = 0; k < fi::kDomains; ++k)
        if (scores[k]) sum[k] += *scores[k], ++e.scale_sources[k];
    }
  }
  // Consensus ratings of the workers' practice examples count as scale evidence too.
  const std::string until = fi::next_day(as_of).value_or(as_of);
  for (const auto& ex : examples) {
    if (!ex.consensus || !ex.consensus_at || *ex.consensus_at >= until) continue;
    if (auto d = fi::domain_from_id(ex.domain)) {
      sum[static_cast<std::size_t>(*d)] += *ex.consensus;
      ++e.scale_sources[static_cast<std::size_t>(*d)];
    }
  }
  for (std::size_t k = 0; k < fi::kDomains; ++k)
    if (e.scale_sources[k] > 0) e.scale[k] = sum[k] / e.scale_sources[k];
  e.indicators = fi::practice_indicators(practice);
  auto a = fi::assess(e.indicators, e.scale, t);
  if (a) e.assessment = std::move(*a);  // inputs come from the store and are valid by construction
  return e;
}

json evaluated_json(const Evaluated& e) {
  json j = fi::to_json(e.assessment);
  j["indicators"] = json::array();
  for (const auto& i : e.indicators) j["indicators"].push_back(fi::to_json(i));
  for (std::size_t k = 0; k < fi::kDomains; ++k) j["domains"][k]["scale_sources"] = e.scale_sources[k];
  return j;
}

// Level now, plus the monthly trend and early warning, for people selected by scope.
json assessed_with_trend(soci::session& s, const std::string& scope, long long id, const std::string& as_of,
                         const fi::Thresholds& t, std::vector<store::PracticeExampleRow> examples) {
  std::vector<fi::TrendPoint> trend;
  Evaluated now;
  for (const auto& date : fi::trend_dates(as_of, kTrendMonths)) {
    auto e = evaluate(s, store::caseload_at(s, scope, id, date), examples, date, t);
    trend.push_back({date.substr(0, 7), e.assessment.overall, e.assessment.level});
    if (date == as_of) now = std::move(e);
  }
  json j = evaluated_json(now);
  j["trend"] = json::array();
  for (const auto& p : trend)
    j["trend"].push_back({{"period", p.period},
                          {"overall", p.overall ? json(*p.overall) : json(nullptr)},
                          {"level", fi::level_id(p.level)}});
  const auto w = fi::early_warning(trend, t);
  j["warning"] = {{"sliding", w.sliding}, {"message", w.message}};
  return j;
}

std::vector<store::PracticeExampleRow> examples_for(soci::session& s, const std::string& scope, long long id) {
  return store::practice_examples_of(s, scope, id);
}

json example_json(const store::PracticeExampleRow& e, bool with_text) {
  json ratings = json::array();
  for (const auto& [rater, rating] : e.ratings) ratings.push_back({{"rater_account_id", rater}, {"rating", rating}});
  return {{"id", e.id},
          {"worker_id", e.worker_id},
          {"domain", e.domain},
          {"description", with_text ? json(e.description) : json(nullptr)},
          {"ratings", ratings},
          {"consensus", e.consensus ? json(*e.consensus) : json(nullptr)},
          {"consensus_note", with_text && e.consensus_note ? json(*e.consensus_note) : json(nullptr)},
          {"version", e.version},
          {"created_at", e.created_at}};
}

json agreement_json(const std::vector<store::PracticeExampleRow>& rows) {
  std::vector<fi::ExampleRatings> ex;
  for (const auto& r : rows) {
    auto d = fi::domain_from_id(r.domain);
    if (!d) continue;
    fi::ExampleRatings e{std::to_string(r.id), *d, {}, {}, r.consensus};
    for (const auto& [rater, rating] : r.ratings) {
      e.raters.push_back(std::to_string(rater));
      e.ratings.push_back(rating);
    }
    ex.push_back(std::move(e));
  }
  json out = json::array();
  if (auto a = fi::agreement(ex))
    for (const auto& d : *a) out.push_back(fi::to_json(d));
  return out;
}

bool may_see_worker(const Caller& c, const store::WorkerRow& w) {
  switch (c.role) {
    case Role::practitioner: return c.worker_id && *c.worker_id == w.id;
    case Role::team_leader: return c.team_id && w.team_id && *c.team_id == *w.team_id;
    case Role::agency_admin: return c.agency_id && *c.agency_id == w.agency_id;
    default: return false;
  }
}

bool may_see_team(const Caller& c, const store::TeamRow& t) {
  if (c.role == Role::team_leader) return c.team_id && *c.team_id == t.id;
  if (c.role == Role::agency_admin) return c.agency_id && *c.agency_id == t.agency_id;
  return false;
}

std::string csv_field(const std::string& v) {
  if (v.find_first_of(",\"\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char ch : v) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}

std::string fmt_opt(const json& v) { return v.is_number() ? fmt::format("{:.4f}", v.get<double>()) : ""; }

void csv_row(std::string& out, const std::string& unit, const std::string& id, const std::string& name,
             const json& a) {
  out += csv_field(unit) + "," + csv_field(id) + "," + csv_field(name) + "," + a["level"].get<std::string>() + "," +
         fmt_opt(a["overall"]);
  for (const auto& d : a["domains"]) out += "," + fmt_opt(d["combined"]);
  out += "," + std::to_string(a["people"].get<int>()) + "," +
         csv_field(a.contains("warning") ? a["warning"]["message"].get<std::string>() : "") + "\n";
}

}  // namespace

Result<json> Fidelity::worker_view(const Caller& c, long long worker_id, std::optional<std::string> as_of) {
  const std::string date = as_of.value_or(service_.today());
  if (!fi::next_day(date)) return Error::invalid("invalid_date", "as_of must be a date YYYY-MM-DD", "as_of");
  return service_.database().write([&](soci::session& s) -> Result<json> {
    auto w = store::worker_by_id(s, worker_id);
    if (!w) return Error::not_found("There is no worker with that id.", "id");
    if (!may_see_worker(c, *w)) {
      audit(s, c, "fidelity.read", "worker", std::to_string(worker_id), std::nullopt, "refused");
      return refused("see this worker's fidelity");
    }
    const auto t = thresholds_of(s, w->agency_id);
    auto examples = examples_for(s, "worker", worker_id);
    json j = assessed_with_trend(s, "worker", worker_id, date, t, examples);
    j["worker"] = {{"id", w->id}, {"display_name", w->display_name}, {"team_id", w->team_id ? json(*w->team_id) : json(nullptr)}};
    j["as_of"] = date;
    j["thresholds"] = fi::to_json(t);
    j["examples"] = json::array();
    for (const auto& e : examples) j["examples"].push_back(example_json(e, true));
    j["agreement"] = agreement_json(examples);
    audit(s, c, "fidelity.read", "worker", std::to_string(worker_id), std::nullopt, "ok");
    return j;
  });
}

Result<json> Fidelity::team_view(const Caller& c, long long team_id, std::optional<std::string> as_of) {
  const std::string date = as_of.value_or(service_.today());
  if (!fi::next_day(date)) return Error::invalid("invalid_date", "as_of must be a date YYYY-MM-DD", "as_of");
  if (team_id == 0 && c.team_id) team_id = *c.team_id;
  return service_.database().write([&](soci::session& s) -> Result<json> {
    auto team = store::team_by_id(s, team_id);
    if (!team) {
      if (c.role == Role::team_leader || c.role == Role::agency_admin)
        return Error::not_found("There is no team with that id.", "id");
      audit(s, c, "fidelity.read", "team", std::to_string(team_id), std::nullopt, "refused");
      return refused("see team fidelity");
    }
    if (!may_see_team(c, *team)) {
      audit(s, c, "fidelity.read", "team", std::to_string(team_id), std::nullopt, "refused");
      return refused("see this team's fidelity");
    }
    const auto t = thresholds_of(s, team->agency_id);
    json j = assessed_with_trend(s, "team", team_id, date, t, examples_for(s, "team", team_id));
    j["team"] = {{"id", team->id}, {"name", team->name}};
    j["as_of"] = date;
    j["thresholds"] = fi::to_json(t);
    j["workers"] = json::array();
    for (const auto& w : store::workers_of_agency(s, team->agency_id)) {
      if (!w.team_id || *w.team_id != team_id) continue;
      auto wex = examples_for(s, "worker", w.id);
      // Someone in the team with no caseload (e.g. the team leader) has no practice to assess.
      if (store::caseload_at(s, "worker", w.id, date).empty() && wex.empty()) continue;
      json wj = assessed_with_trend(s, "worker", w.id, date, t, wex);
      wj["worker"] = {{"id", w.id}, {"display_name", w.display_name}};
      j["workers"].push_back(std::move(wj));
    }
    audit(s, c, "fidelity.read", "team", std::to_string(team_id), std::nullopt, "ok");
    return j;
  });
}

Result<json> Fidelity::agency_view(const Caller& c, std::optional<std::string> as_of) {
  const std::string date = as_of.value_or(service_.today());
  if (!fi::next_day(date)) return Error::invalid("invalid_date", "as_of must be a date YYYY-MM-DD", "as_of");
  return service_.database().write([&](soci::session& s) -> Result<json> {
    if (c.role != Role::agency_admin || !c.agency_id) {
      audit(s, c, "fidelity.read", "agency", c.agency_id ? std::to_string(*c.agency_id) : "-", std::nullopt, "refused");
      return refused("see the agency's fidelity");
    }
    const long long agency = *c.agency_id;
    const auto t = thresholds_of(s, agency);
    json j = assessed_with_trend(s, "agency", agency, date, t, examples_for(s, "agency", agency));
    auto a = store::agency_by_id(s, agency);
    j["agency"] = {{"id", agency}, {"name", a ? a->name : ""}};
    j["as_of"] = date;
    j["thresholds"] = fi::to_json(t);
    j["teams"] = json::array();
    for (const auto& team : store::teams_of_agency(s, agency)) {
      json tj = assessed_with_trend(s, "team", team.id, date, t, examples_for(s, "team", team.id));
      tj["team"] = {{"id", team.id}, {"name", team.name}};
      j["teams"].push_back(std::move(tj));
    }
    audit(s, c, "fidelity.read", "agency", std::to_string(agency), std::nullopt, "ok");
    return j;
  });
}

Result<json> Fidelity::research_view(const Caller& c, std::optional<std::string> as_of) {
  const std::string date = as_of.value_or(service_.today());
  if (!fi::next_day(date)) return Error::invalid("invalid_date", "as_of must be a date YYYY-MM-DD", "as_of");
  // A research read: one snapshot, audited afterwards, one key read (research_read.hpp).
  return research_read(service_, [&](soci::session& s, ResearchRead& read) -> Result<json> {
    if (c.role != Role::researcher || !c.agency_id) {
      read.audit(c, "fidelity.research", "agency", c.agency_id ? std::to_string(*c.agency_id) : "-", "refused");
      return refused("see pseudonymised fidelity data");
    }
    const long long agency = *c.agency_id;
    const auto t = thresholds_of(s, agency);
    json j = {{"as_of", date}, {"thresholds", fi::to_json(t)}, {"pseudonymised", true}};
    j["teams"] = json::array();
    for (const auto& team : store::teams_of_agency(s, agency)) {
      json tj = assessed_with_trend(s, "team", team.id, date, t, examples_for(s, "team", team.id));
      tj["team"] = read.pseudonym("fidelity", "team", team.id);
      tj["workers"] = json::array();
      for (const auto& w : store::workers_of_agency(s, agency)) {
        if (!w.team_id || *w.team_id != team.id) continue;
        json wj = assessed_with_trend(s, "worker", w.id, date, t, examples_for(s, "worker", w.id));
        wj["worker"] = read.pseudonym("fidelity", "worker", w.id);
        tj["workers"].push_back(std::move(wj));
      }
      j["teams"].push_back(std::move(tj));
    }
    read.audit(c, "fidelity.research", "agency", std::to_string(agency), "ok", "pseudonymised");
    return j;
  });
}

Result<std::string> Fidelity::export_csv(const Caller& c, const std::string& scope, long long id) {
  std::string out = "unit,id,name,level,overall";
  for (auto d : fi::all_domains()) out += std::string(",") + fi::domain_id(d);
  out += ",people,warning\n";
  if (c.role == Role::researcher) {
    auto r = research_view(c);
    if (!r) return r.error();
    for (const auto& team : (*r)["teams"]) {
      csv_row(out, "team", team["team"], "", team);
      for (const auto& w : team["workers"]) csv_row(out, "worker", w["worker"], "", w);
    }
    return out;
  }
  if (scope == "agency") {
    auto r = agency_view(c);
    if (!r) return r.error();
    csv_row(out, "agency", std::to_string((*r)["agency"]["id"].get<long long>()), (*r)["agency"]["name"], *r);
    for (const auto& team : (*r)["teams"]) {
      csv_row(out, "team", std::to_string(team["team"]["id"].get<long long>()), team["team"]["name"], team);
      auto tv = team_view(c, team["team"]["id"].get<long long>());
      if (!tv) return tv.error();
      for (const auto& w : (*tv)["workers"])
        csv_row(out, "worker", std::to_string(w["worker"]["id"].get<long long>()), w["worker"]["display_name"], w);
    }
    return out;
  }
  if (scope != "team") return Error::invalid("invalid_value", "scope must be team or agency", "scope");
  auto r = team_view(c, id);
  if (!r) return r.error();
  csv_row(out, "team", std::to_string((*r)["team"]["id"].get<long long>()), (*r)["team"]["name"], *r);
  for (const auto& w : (*r)["workers"])
    csv_row(out, "worker", std::to_string(w["worker"]["id"].get<long long>()), w["worker"]["display_name"], w);
  return out;
}

Result<json> Fidelity::thresholds(const Caller& c) {
  if (!c.agency_id || c.role == Role::person || c.role == Role::system_admin)
    return refused("see the fidelity thresholds");
  return service_.database().read([&](soci::session& s) -> Result<json> {
    return json{{"thresholds", fi::to_json(thresholds_of(s, *c.agency_id))},
                {"is_default", !store::fidelity_thresholds(s, *c.agency_id).has_value()}};
  });
}

Result<json> Fidelity::set_thresholds(const Caller& c, const json& body) {
  auto t = fi::thresholds_from_json(body);
  return service_.database().write([&](soci::session& s) -> Result<json> {
    if (c.role != Role::agency_admin || !c.agency_id) {
      audit(s, c, "fidelity.thresholds.write", "agency", c.agency_id ? std::to_string(*c.agency_id) : "-", std::nullopt,
            "refused");
      return refused("change the fidelity thresholds");
    }
    if (!t) return t.error();
    store::save_fidelity_thresholds(s, *c.agency_id, fi::to_json(*t).dump(), c.account_id, now_ts());
    audit(s, c, "fidelity.thresholds.write", "agency", std::to_string(*c.agency_id), std::nullopt, "ok",
          fi::to_json(*t).dump());
    return json{{"thresholds", fi::to_json(*t)}, {"is_default", false}};
  });
}

Result<json> Fidelity::examples(const Caller& c, const std::string& scope, long long id) {
  return service_.database().write([&](soci::session& s) -> Result<json> {
    long long key = id;
    bool allowed = false;
    if (scope == "worker") {
      if (key == 0 && c.worker_id) key = *c.worker_id;
      auto w = store::worker_by_id(s, key);
      allowed = w && may_see_worker(c, *w);
    } else if (scope == "team") {
      if (key == 0 && c.team_id) key = *c.team_id;
      auto t = store::team_by_id(s, key);
      allowed = t && may_see_team(c, *t);
    } else if (scope == "agency") {
      key = c.agency_id.value_or(0);
      allowed = c.role == Role::agency_admin && c.agency_id;
    } else {
      return Error::invalid("invalid_value", "scope must be worker, team or agency", "scope");
    }
    if (!allowed) {
      audit(s, c, "fidelity.examples.read", scope, std::to_string(key), std::nullopt, "refused");
      return refused("see these practice examples");
    }
    const auto rows = store::practice_examples_of(s, scope, key);
    json list = json::array();
    for (const auto& e : rows) list.push_back(example_json(e, true));
    audit(s, c, "fidelity.examples.read", scope, std::to_string(key), std::nullopt, "ok");
    return json{{"examples", list}, {"agreement", agreement_json(rows)}};
  });
}

Result<json> Fidelity::add_example(const Caller& c, long long worker_id, const std::string& domain,
                                   const std::string& description) {
  if (!fi::domain_from_id(domain))
    return Error::invalid("invalid_value",
                          "domain must be one of: community, assessment, planning, partnership, relationships", "domain");
  if (description.empty() || description.size() > 4000)
    return Error::invalid(description.empty() ? "missing_field" : "too_long",
                          "description must be 1 to 4,000 characters", "description");
  return service_.database().write([&](soci::session& s) -> Result<json> {
    auto w = store::worker_by_id(s, worker_id);
    if (!w) return Error::not_found("There is no worker with that id.", "worker_id");
    const bool allowed = (c.role == Role::practitioner && c.worker_id && *c.worker_id == worker_id) ||
                         ((c.role == Role::team_leader || c.role == Role::agency_admin) && may_see_worker(c, *w));
    if (!allowed) {
      audit(s, c, "fidelity.example.create", "worker", std::to_string(worker_id), std::nullopt, "refused");
      return refused("add a practice example for this worker");
    }
    store::PracticeExampleRow e;
    e.agency_id = w->agency_id;
    e.worker_id = worker_id;
    e.domain = domain;
    e.description = description;
    e.id = store::insert_practice_example(s, e, c.account_id, now_ts());
    audit(s, c, "fidelity.example.create", "practice_example", std::to_string(e.id), std::nullopt, "ok");
    return example_json(*store::practice_example_by_id(s, e.id), true);
  });
}

Result<json> Fidelity::rate_example(const Caller& c, long long example_id, int rating) {
  if (rating < 1 || rating > 9) return Error::invalid("out_of_range", "rating must be a whole number from 1 to 9", "rating");
  return service_.database().write([&](soci::session& s) -> Result<json> {
    auto e = store::practice_example_by_id(s, example_id);
    if (!e) return Error::not_found("There is no practice example with that id.", "id");
    auto w = store::worker_by_id(s, e->worker_id);
    // Raters rate independently: a team leader or agency admin who may see the worker, or a
    // colleague practitioner in the same team — never the worker whose practice it is.
    const bool own = c.worker_id && *c.worker_id == e->worker_id;
    const bool colleague = c.role == Role::practitioner && c.team_id && w && w->team_id && *c.team_id == *w->team_id;
    const bool allowed = !own && w && (colleague || ((c.role == Role::team_leader || c.role == Role::agency_admin) &&
                                                     may_see_worker(c, *w)));
    if (!allowed) {
      audit(s, c, "fidelity.example.rate", "practice_example", std::to_string(example_id), std::nullopt, "refused");
      return own ? refused("rate your own practice example") : refused("rate this practice example");
    }
    store::upsert_rating(s, example_id, c.account_id, rating, now_ts());
    audit(s, c, "fidelity.example.rate", "practice_example", std::to_string(example_id), std::nullopt, "ok",
          std::to_string(rating));
    return example_json(*store::practice_example_by_id(s, example_id), true);
  });
}

Result<json> Fidelity::set_consensus(const Caller& c, long long example_id, int version, int consensus,
                                     const std::string& note) {
  if (consensus < 1 || consensus > 9)
    return Error::invalid("out_of_range", "consensus must be a whole number from 1 to 9", "consensus");
  if (note.size() > 2000) return Error::invalid("too_long", "note must be at most 2,000 characters", "note");
  return service_.database().write([&](soci::session& s) -> Result<json> {
    auto e = store::practice_example_by_id(s, example_id);
    if (!e) return Error::not_found("There is no practice example with that id.", "id");
    auto w = store::worker_by_id(s, e->worker_id);
    const bool allowed = w && (c.role == Role::team_leader || c.role == Role::agency_admin) && may_see_worker(c, *w);
    if (!allowed) {
      audit(s, c, "fidelity.example.consensus", "practice_example", std::to_string(example_id), std::nullopt, "refused");
      return refused("record a consensus rating");
    }
    if (e->ratings.size() < 2)
      return Error{ErrorKind::conflict, "not_enough_ratings",
                   "A consensus needs at least two independent ratings first.", "consensus"};
    if (!store::set_consensus(s, example_id, version, consensus, note, c.account_id, now_ts())) {
      Error err{ErrorKind::conflict, "version_conflict",
                "This practice example was changed by someone else; reload it and try again.", "version"};
      return err;
    }
    audit(s, c, "fidelity.example.consensus", "practice_example", std::to_string(example_id), std::nullopt, "ok",
          std::to_string(consensus));
    return example_json(*store::practice_example_by_id(s, example_id), true);
  });
}

}  // namespace cp::app
