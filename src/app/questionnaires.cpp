// src/app/questionnaires.cpp — instrument definitions for forms, the agency's assessment
// schedule, and due and overdue lists (see questionnaires.hpp).
#include "cp/app/questionnaires.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include "cp/domain/clock.hpp"
#include "questionnaires_internal.hpp"

namespace cp::app {

using domain::Role;
namespace ins = cp::instruments;

namespace questionnaire_detail {

Access questionnaire_access(const Caller& c, long long person_id,
                            const std::vector<store::PartnershipRow>& partnerships) {
  if (c.role == Role::person)
    return c.person_id && *c.person_id == person_id ? Access::write : Access::none;
  return access_to_person(c, person_id, partnerships);
}

std::optional<std::string> start_date(soci::session& s, long long person_id) {
  if (auto b = store::baseline_of_person(s, person_id)) return b;
  return store::first_start_of_person(s, person_id);
}

std::string now_timestamp() {
  return domain::iso_timestamp(std::chrono::system_clock::now());
}

Error refused(const std::string& what) {
  return Error::forbidden("You do not have permission to " + what + ".");
}

namespace {

json instrument_entry(const std::string& id, const store::ResponseRow* r,
                      const ins::WaveDates* dates, const std::string& today,
                      const ins::Catalogue& catalogue, bool scheduled, bool with_scores) {
  const ins::Definition* d = catalogue.find(id);
  ins::DueStatus st = ins::DueStatus::not_yet_due;
  const int complete = r && r->status == "complete" ? 1 : 0;
  const int started = r ? 1 : 0;
  if (dates)
    st = ins::due_status(*dates, today, 1, complete, started);
  else
    st = complete ? ins::DueStatus::complete
                  : (started ? ins::DueStatus::partial : ins::DueStatus::not_yet_due);
  json j = {{"instrument", id},
            {"title", d ? d->title : id},
            {"provisional", d ? d->provisional : false},
            {"scheduled", scheduled},
            {"status", std::string(ins::to_string(st))},
            {"response_status", r ? json(r->status) : json("not_started")},
            {"version", r ? r->version : 0},
            {"mode", r ? json(r->mode) : json(nullptr)},
            {"updated_at", r ? json(r->updated_at) : json(nullptr)}};
  if (with_scores) {
    json scores = nullptr;
    if (r && r->scores) {
      try {
        scores = json::parse(*r->scores);
      } catch (const json::exception&) {
        scores = nullptr;  // stored by us; unreadable only if the row was tampered with
      }
    }
    j["scores"] = std::move(scores);
  }
  return j;
}

}  // namespace

json waves_json(const ins::Schedule& schedule, const std::optional<std::string>& start,
                const std::vector<store::ResponseRow>& responses, const std::string& today,
                const ins::Catalogue& catalogue, bool with_scores) {
  const auto start_date = start ? ins::parse_date(start->substr(0, 10)) : std::nullopt;
  json out = json::array();
  std::set<std::string> waves_seen;
  auto find = [&](const std::string& wave, const std::string& inst) -> const store::ResponseRow* {
    for (const auto& r : responses)
      if (r.wave == wave && r.instrument == inst) return &r;
    return nullptr;
  };
  for (const auto& w : schedule.waves) {
    waves_seen.insert(w.id);
    std::optional<ins::WaveDates> dates;
    if (start_date) dates = ins::wave_dates(*start_date, w);
    json list = json::array();
    int complete = 0, started = 0;
    for (const auto& id : w.instruments) {
      const auto* r = find(w.id, id);
      if (r) ++started;
      if (r && r->status == "complete") ++complete;
      list.push_back(
          instrument_entry(id, r, dates ? &*dates : nullptr, today, catalogue, true, with_scores));
    }
    for (const auto& r : responses)  // saved before the schedule changed
      if (r.wave == w.id && std::find(w.instruments.begin(), w.instruments.end(), r.instrument) ==
                                w.instruments.end())
        list.push_back(instrument_entry(r.instrument, &r, dates ? &*dates : nullptr, today,
                                        catalogue, false, with_scores));
    ins::DueStatus st;
    if (dates)
      st =
          ins::due_status(*dates, today, static_cast<int>(w.instruments.size()), complete, started);
    else
      st = complete == static_cast<int>(w.instruments.size()) ? ins::DueStatus::complete
           : started                                          ? ins::DueStatus::partial
                                                              : ins::DueStatus::not_yet_due;
    out.push_back({{"wave", w.id},
                   {"label", w.label},
                   {"months", w.months},
                   {"target", dates ? json(dates->target) : json(nullptr)},
                   {"opens", dates ? json(dates->opens) : json(nullptr)},
                   {"closes", dates ? json(dates->closes) : json(nullptr)},
                   {"status", std::string(ins::to_string(st))},
                   {"instruments", std::move(list)}});
  }
  // Responses at waves that are no longer in the schedule are still shown.
  std::map<std::string, json> orphans;
  for (const auto& r : responses)
    if (!waves_seen.count(r.wave)) {
      auto& w = orphans[r.wave];
      if (w.is_null())
        w = {{"wave", r.wave},          {"label", r.wave},
             {"months", nullptr},       {"target", nullptr},
             {"opens", nullptr},        {"closes", nullptr},
             {"status", "unscheduled"}, {"instruments", json::array()}};
      w["instruments"].push_back(
          instrument_entry(r.instrument, &r, nullptr, today, catalogue, false, with_scores));
    }
  for (auto& [k, w] : orphans) out.push_back(std::move(w));
  return out;
}

}  // namespace questionnaire_detail

using namespace questionnaire_detail;

Questionnaires::Questionnaires(Service& service, const ins::Catalogue& catalogue)
    : service_(service), catalogue_(catalogue) {}

Result<json> Questionnaires::instruments(const Caller&) const {
  json list = json::array();
  for (const auto* d : catalogue_.definitions())
    list.push_back({{"id", d->id},
                    {"version", d->version},
                    {"title", d->title},
                    {"provisional", d->provisional},
                    {"items", d->items.size()},
                    {"wording_loaded", d->wording_loaded}});
  return json{{"instruments", std::move(list)}};
}

Result<json> Questionnaires::instrument_form(const Caller&, const std::string& id) const {
  const ins::Definition* d = catalogue_.find(id);
  if (!d)
    return Error::not_found(fmt::format("There is no instrument '{}'.", id.substr(0, 40)),
                            "instrument");
  json items = json::array();
  for (size_t i = 0; i < d->items.size(); ++i) {
    const auto& it = d->items[i];
    json options = json::array();
    for (const auto& o : it.options) {
      json oj = {{"code", o.code}, {"label", o.label}};
      if (d->wording_loaded && !o.wording.empty()) oj["wording"] = o.wording;
      options.push_back(std::move(oj));
    }
    json ij = {{"id", it.id},
               {"position", i + 1},
               {"topic", it.topic},
               {"type", std::string(ins::to_string(it.type))},
               {"options", std::move(options)},
               {"min", it.min ? json(*it.min) : json(nullptr)},
               {"max", it.max ? json(*it.max) : json(nullptr)},
               {"missing_codes", it.missing_codes},
               {"max_length", it.max_length ? json(*it.max_length) : json(nullptr)},
               {"scored", it.scored}};
    if (d->wording_loaded && !it.wording.empty()) ij["wording"] = it.wording;
    items.push_back(std::move(ij));
  }
  return json{{"instrument",
               {{"id", d->id},
                {"version", d->version},
                {"title", d->title},
                {"provisional", d->provisional},
                {"provisional_note", d->provisional_note},
                {"licence", d->licence},
                {"wording_loaded", d->wording_loaded},
                {"wording_note",
                 d->wording_loaded ? d->wording_note
                                   : "The licensed wording is not loaded: the form shows our short "
                                     "topic for each question."},
                {"items", std::move(items)}}}};
}

ins::Schedule Questionnaires::schedule_of_agency(soci::session& s, long long agency_id) const {
  if (auto row = store::schedule_of_agency(s, agency_id)) {
    try {
      auto parsed = ins::parse_schedule(json::parse(row->schedule));
      if (parsed) return *parsed;
    } catch (const json::exception&) {
    }
  }
  return ins::default_schedule();
}

Result<json> Questionnaires::schedule(const Caller& c) {
  if (!c.agency_id)
    return Error::forbidden("Only accounts of an agency have an assessment schedule.");
  return service_.database().read([&](soci::session& s) -> Result<json> {
    auto row = store::schedule_of_agency(s, *c.agency_id);
    json j = to_json(schedule_of_agency(s, *c.agency_id));
    return json{{"schedule", j},
                {"version", row ? row->version : 0},
                {"is_default", !row},
                {"updated_at", row ? json(row->updated_at) : json(nullptr)}};
  });
}

Result<json> Questionnaires::set_schedule(const Caller& c, const json& schedule, int version) {
  std::set<std::string, std::less<>> known;
  for (const auto* d : catalogue_.definitions()) known.insert(d->id);
  auto parsed = ins::parse_schedule(schedule, known);
  return service_.database().write([&](soci::session& s) -> Result<json> {
    if (!(c.role == Role::team_leader || c.role == Role::agency_admin) || !c.agency_id) {
      audit(s, c, "schedule.update", "assessment_schedule", "-", std::nullopt, "refused");
      return refused("change the assessment schedule");
    }
    if (!parsed) return parsed.error();
    auto row = store::schedule_of_agency(s, *c.agency_id);
    const int current = row ? row->version : 0;
    if (version != current)
      return Error::conflict(
          "version_conflict",
          fmt::format("The schedule has changed since you opened it (now version {}).", current),
          "version");
    store::ScheduleRow next{*c.agency_id, to_json(*parsed).dump(), current + 1, now_timestamp()};
    if (!store::save_schedule(s, next, c.account_id))  // another process saved it first
      return Error::conflict("version_conflict",
                             "The schedule has just been changed by someone else.", "version");
    audit(s, c, "schedule.update", "assessment_schedule", std::to_string(*c.agency_id),
          std::nullopt, "ok",
          fmt::format("version {}: {} waves", next.version, parsed->waves.size()));
    return json{{"schedule", to_json(*parsed)},
                {"version", next.version},
                {"is_default", false},
                {"updated_at", next.updated_at}};
  });
}

Result<json> Questionnaires::due(const Caller& c, bool team_scope,
                                 const std::vector<std::string>& statuses) {
  static const std::set<std::string> known{"not_yet_due", "due", "overdue", "complete", "partial"};
  std::set<std::string> wanted(statuses.begin(), statuses.end());
  for (const auto& st : wanted)
    if (!known.count(st))
      return Error::invalid(
          "invalid_value",
          "status must be a comma-separated list of: not_yet_due, due, overdue, complete, partial",
          "status");
  if (wanted.empty()) wanted = {"due", "overdue", "partial"};
  const std::string today = service_.today();
  return service_.database().write([&](soci::session& s) -> Result<json> {
    if (!may_read_caseload(c)) {
      audit(s, c, "assessments.due", "caseload", "-", std::nullopt, "refused");
      return refused("see assessments due");
    }
    const bool team = c.role == Role::team_leader || (team_scope && c.team_id);
    const auto rows =
        team ? store::caseload_of_team(s, *c.team_id) : store::caseload_of_worker(s, *c.worker_id);
    const auto schedule = schedule_of_agency(s, *c.agency_id);
    json items = json::array();
    std::string ids;
    for (const auto& p : rows) {
      if (p.episode_state == "moved_on" || p.episode_state == "transferred") continue;
      const auto waves =
          waves_json(schedule, start_date(s, p.person_id),
                     store::responses_of_person(s, p.person_id), today, catalogue_, false);
      bool listed = false;
      for (const auto& w : waves) {
        if (!wanted.count(w["status"].get<std::string>())) continue;
        json outstanding = json::array();
        for (const auto& i : w["instruments"])
          if (i["scheduled"].get<bool>())
            outstanding.push_back(
                {{"instrument", i["instrument"]}, {"title", i["title"]}, {"status", i["status"]}});
        items.push_back({{"person_id", p.person_id},
                         {"display_name", p.display_name},
                         {"partnership_id", p.partnership_id},
                         {"worker_id", p.worker_id},
                         {"worker_name", p.worker_name},
                         {"episode_state", p.episode_state},
                         {"wave", w["wave"]},
                         {"label", w["label"]},
                         {"target", w["target"]},
                         {"opens", w["opens"]},
                         {"closes", w["closes"]},
                         {"status", w["status"]},
                         {"instruments", std::move(outstanding)}});
        listed = true;
      }
      if (listed) ids += (ids.empty() ? "" : ",") + std::to_string(p.person_id);
    }
    // Most urgent first: the window that closes soonest (undated last), then by name.
    std::stable_sort(items.begin(), items.end(), [](const json& a, const json& b) {
      const std::string ca = a["closes"].is_string() ? a["closes"].get<std::string>() : "9999";
      const std::string cb = b["closes"].is_string() ? b["closes"].get<std::string>() : "9999";
      return ca < cb;
    });
    audit(s, c, "assessments.due", team ? "team" : "worker",
          std::to_string(team ? *c.team_id : *c.worker_id), std::nullopt, "ok",
          fmt::format("{} items; people: {}", items.size(), ids.substr(0, 1000)));
    return json{{"today", today}, {"scope", team ? "team" : "worker"}, {"items", std::move(items)}};
  });
}

}  // namespace cp::app
