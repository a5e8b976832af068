// src/app/questionnaire_capture.cpp — a person's questionnaires: the list by wave, one
// response, saving (partial or complete, with optimistic concurrency), history and the
// recorded baseline date (see questionnaires.hpp).
#include <fmt/format.h>

#include <algorithm>

#include "cp/app/questionnaires.hpp"
#include "cp/instruments/responses.hpp"
#include "questionnaires_internal.hpp"

namespace cp::app {

using domain::Role;
namespace ins = cp::instruments;
using namespace questionnaire_detail;

namespace {

json person_ref(soci::session& s, const std::optional<long long>& account_id,
                const std::string& role) {
  if (!account_id) return nullptr;
  auto a = store::account_by_id(s, *account_id);
  return {{"account_id", *account_id}, {"display_name", a ? a->display_name : ""}, {"role", role}};
}

json parse_stored(const std::optional<std::string>& text) {
  if (!text) return nullptr;
  try {
    return json::parse(*text);
  } catch (const json::exception&) {
    return nullptr;
  }
}

// Items of `d` without an answer in `answers` (a stored, validated object).
json unanswered(const ins::Definition& d, const json& answers) {
  json out = json::array();
  for (const auto& it : d.items)
    if (!answers.contains(it.id) || answers[it.id].is_null()) out.push_back(it.id);
  return out;
}

json response_json(soci::session& s, const ins::Definition* d, long long person_id,
                   const std::string& wave, const std::string& instrument,
                   const std::optional<store::ResponseRow>& r) {
  json answers = r ? parse_stored(r->answers) : json::object();
  if (!answers.is_object()) answers = json::object();
  json j = {{"id", r ? json(r->id) : json(nullptr)},
            {"person_id", person_id},
            {"wave", wave},
            {"instrument", instrument},
            {"instrument_version", r ? r->instrument_version : (d ? d->version : "")},
            {"provisional", d ? d->provisional : false},
            {"status", r ? r->status : "not_started"},
            {"mode", r ? json(r->mode) : json(nullptr)},
            {"answers", answers},
            {"answered", answers.size()},
            {"items", d ? d->items.size() : 0},
            {"unanswered", d ? unanswered(*d, answers) : json::array()},
            {"scores", r ? parse_stored(r->scores) : json(nullptr)},
            {"version", r ? r->version : 0},
            {"created_at", r ? json(r->created_at) : json(nullptr)},
            {"created_by", r ? person_ref(s, r->created_by, r->created_by_role) : json(nullptr)},
            {"updated_at", r ? json(r->updated_at) : json(nullptr)},
            {"updated_by", r ? person_ref(s, r->updated_by, r->updated_by_role) : json(nullptr)},
            {"completed_at", r && r->completed_at ? json(*r->completed_at) : json(nullptr)}};
  return j;
}

std::string record_id(long long person_id, const std::string& wave, const std::string& instrument) {
  return fmt::format("{}/{}/{}", person_id, wave.substr(0, 40), instrument.substr(0, 40));
}

}  // namespace

Result<json> Questionnaires::person_questionnaires(const Caller& c, long long person_id) {
  const std::string today = service_.today();
  return service_.database().write([&](soci::session& s) -> Result<json> {
    auto person = store::person_by_id(s, person_id);
    if (!person) return Error::not_found("There is no person with that id.", "id");
    const auto parts = store::partnerships_of_person(s, person_id);
    const Access access = questionnaire_access(c, person_id, parts);
    if (access == Access::none) {
      audit(s, c, "questionnaire.list", "person", std::to_string(person_id), person_id, "refused");
      return refused("see this person's questionnaires");
    }
    const auto start = start_date(s, person_id);
    const auto baseline = store::baseline_of_person(s, person_id);
    json waves = waves_json(schedule_of_agency(s, person->agency_id), start,
                            store::responses_of_person(s, person_id), today, catalogue_, true);
    audit(s, c, "questionnaire.list", "person", std::to_string(person_id), person_id, "ok");
    return json{
        {"person_id", person_id},
        {"today", today},
        {"start_date", start ? json(start->substr(0, 10)) : json(nullptr)},
        {"start_from", baseline ? "recorded_baseline" : (start ? "partnership_start" : "none")},
        {"access", access == Access::write ? "write" : "read"},
        {"mode", c.role == Role::person ? "self" : "interviewer"},
        {"waves", std::move(waves)}};
  });
}

Result<json> Questionnaires::response(const Caller& c, long long person_id, const std::string& wave,
                                      const std::string& instrument) {
  const ins::Definition* d = catalogue_.find(instrument);
  return service_.database().write([&](soci::session& s) -> Result<json> {
    if (!store::person_by_id(s, person_id))
      return Error::not_found("There is no person with that id.", "id");
    if (questionnaire_access(c, person_id, store::partnerships_of_person(s, person_id)) ==
        Access::none) {
      audit(s, c, "questionnaire.read", "questionnaire_response",
            record_id(person_id, wave, instrument), person_id, "refused");
      return refused("see this person's questionnaires");
    }
    auto r = store::response_of(s, person_id, wave, instrument);
    if (!r && !d)
      return Error::not_found(fmt::format("There is no instrument '{}'.", instrument.substr(0, 40)),
                              "instrument");
    audit(s, c, "questionnaire.read", "questionnaire_response",
          r ? std::to_string(r->id) : record_id(person_id, wave, instrument), person_id, "ok");
    return json{{"response", response_json(s, d, person_id, wave, instrument, r)}};
  });
}

Result<json> Questionnaires::save(const Caller& c, long long person_id, const std::string& wave,
                                  const std::string& instrument, const ResponseSave& req) {
  const ins::Definition* d = catalogue_.find(instrument);
  if (!d)
    return Error::not_found(fmt::format("There is no instrument '{}'.", instrument.substr(0, 40)),
                            "instrument");
  if (req.version < 0)
    return Error::invalid("out_of_range", "version must be 0 or more", "version");
  // Validate before any transaction: nothing is stored when an answer is wrong.
  auto parsed = ins::parse_responses(*d, req.answers);
  std::optional<Error> invalid;
  if (!parsed) {
    invalid = parsed.error();
    invalid->field = invalid->field.empty() ? "answers" : "answers." + invalid->field;
  }
  const std::string now = now_timestamp();
  return service_.database().write([&](soci::session& s) -> Result<json> {
    auto person = store::person_by_id(s, person_id);
    if (!person) return Error::not_found("There is no person with that id.", "id");
    const auto access =
        questionnaire_access(c, person_id, store::partnerships_of_person(s, person_id));
    if (access != Access::write) {
      audit(s, c, "questionnaire.save", "questionnaire_response",
            record_id(person_id, wave, instrument), person_id, "refused");
      return refused("fill in this person's questionnaires");
    }
    if (invalid) return *invalid;
    auto existing = store::response_of(s, person_id, wave, instrument);
    const auto schedule = schedule_of_agency(s, person->agency_id);
    const ins::Wave* w = schedule.find(wave);
    if (!existing) {
      if (!w)
        return Error::invalid(
            "unknown_wave",
            fmt::format("There is no wave '{}' in the schedule.", wave.substr(0, 40)), "wave");
      if (std::find(w->instruments.begin(), w->instruments.end(), instrument) ==
          w->instruments.end())
        return Error::invalid("not_in_wave",
                              fmt::format("{} is not due at the {} wave.", d->title, w->label),
                              "instrument");
    }
    const int current = existing ? existing->version : 0;
    if (req.version != current)
      return Error::conflict(
          "version_conflict",
          fmt::format("This questionnaire has been saved since you opened it (now version {}).",
                      current),
          "version");
    store::ResponseRow row = existing.value_or(store::ResponseRow{});
    row.person_id = person_id;
    row.wave = wave;
    row.instrument = instrument;
    row.instrument_version = d->version;
    row.answers = ins::to_json(*d, *parsed).dump();
    row.status = req.complete ? "complete" : "partial";
    row.mode = c.role == Role::person ? "self" : "interviewer";
    row.version = current + 1;
    const std::string role(domain::to_string(c.role));
    if (!existing) {
      row.created_at = now;
      row.created_by = c.account_id;
      row.created_by_role = role;
    }
    row.updated_at = now;
    row.updated_by = c.account_id;
    row.updated_by_role = role;
    row.scores.reset();
    row.completed_at.reset();
    if (req.complete) {
      auto report = catalogue_.score(instrument, req.answers);
      if (!report)
        return report.error();  // validated above; a failure here is a definition problem
      row.scores = ins::to_json(*report).dump();
      row.completed_at = existing && existing->completed_at ? existing->completed_at
                                                            : std::optional<std::string>(now);
    }
    const auto saved = store::save_response(s, row);
    if (!saved)  // another server process saved this questionnaire after we read it
      return Error::conflict("version_conflict",
                             "This questionnaire has just been saved by someone else.", "version");
    row.id = *saved;
    audit(s, c, "questionnaire.save", "questionnaire_response", std::to_string(row.id), person_id,
          "ok",
          fmt::format("{} {} v{} {} {}", wave.substr(0, 40), instrument, row.version, row.status,
                      row.mode));
    return json{{"response", response_json(s, d, person_id, wave, instrument, row)}};
  });
}

Result<json> Questionnaires::history(const Caller& c, long long person_id, const std::string& wave,
                                     const std::string& instrument) {
  return service_.database().write([&](soci::session& s) -> Result<json> {
    if (!store::person_by_id(s, person_id))
      return Error::not_found("There is no person with that id.", "id");
    if (questionnaire_access(c, person_id, store::partnerships_of_person(s, person_id)) ==
        Access::none) {
      audit(s, c, "questionnaire.history", "questionnaire_response",
            record_id(person_id, wave, instrument), person_id, "refused");
      return refused("see this person's questionnaires");
    }
    auto r = store::response_of(s, person_id, wave, instrument);
    if (!r)
      return Error::not_found("Nothing has been saved for this questionnaire yet.", "instrument");
    json list = json::array();
    for (const auto& h : store::response_history(s, r->id))
      list.push_back({{"version", h.version},
                      {"changed_at", h.changed_at},
                      {"changed_by", person_ref(s, h.changed_by, h.changed_by_role)},
                      {"change", h.change},
                      {"data",
                       {{"status", h.status},
                        {"mode", h.mode},
                        {"answers", parse_stored(h.answers)},
                        {"scores", parse_stored(h.scores)}}}});
    audit(s, c, "questionnaire.history", "questionnaire_response", std::to_string(r->id), person_id,
          "ok");
    return json{{"history", std::move(list)}};
  });
}

Result<json> Questionnaires::set_baseline(const Caller& c, long long person_id,
                                          const std::string& date) {
  if (!ins::parse_date(date))
    return Error::invalid("invalid_date", "date must be a real date, YYYY-MM-DD", "date");
  const std::string now = now_timestamp();
  return service_.database().write([&](soci::session& s) -> Result<json> {
    if (!store::person_by_id(s, person_id))
      return Error::not_found("There is no person with that id.", "id");
    const auto access =
        c.role == Role::person
            ? Access::read
            : questionnaire_access(c, person_id, store::partnerships_of_person(s, person_id));
    if (access != Access::write) {
      audit(s, c, "baseline.update", "person", std::to_string(person_id), person_id, "refused");
      return refused("set this person's baseline date");
    }
    store::save_baseline(s, person_id, date, c.account_id, now);
    audit(s, c, "baseline.update", "person", std::to_string(person_id), person_id, "ok", date);
    return json{{"person_id", person_id}, {"baseline_on", date}};
  });
}

}  // namespace cp::app
