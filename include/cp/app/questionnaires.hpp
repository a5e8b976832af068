// include/cp/app/questionnaires.hpp — the use cases of outcome questionnaires (issue 3, parts 5
// and 6): the agency's assessment schedule, due and overdue lists, and capturing responses for a
// person and wave, in interviewer mode (their worker) or self-completion (the person).
//
// Permissions (role table, docs/instruments.md "Capture"): the person's practitioner and team
// leader read and write (interviewer mode); the person reads and writes their own (self mode,
// recorded as theirs); a practitioner covering in the same team reads only; agency admin,
// researcher and system admin are refused. Every read, write and refusal of personal data is
// audited in the same transaction. Partial saves keep the answers without scores; a complete
// save is scored by the instrument catalogue and the scores are stored with the answers.
// Results are JSON values shaped as the API sends them (docs/api.md).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "cp/app/caller.hpp"
#include "cp/app/service.hpp"
#include "cp/domain/result.hpp"
#include "cp/instruments/catalogue.hpp"
#include "cp/instruments/schedule.hpp"

namespace cp::app {

struct ResponseSave {
  int version = 0;  // the version the client last saw; 0 for a new response
  nlohmann::json answers = nlohmann::json::object();  // {item id: answer}; replaces the old
  bool complete = false;                              // true: finish and score
};

class Questionnaires {
 public:
  // The catalogue is loaded by the caller (cli/serve) and must outlive this object.
  Questionnaires(Service& service, const instruments::Catalogue& catalogue);

  // ---- definitions (not personal data: not audited) ----
  Result<json> instruments(const Caller& c) const;
  // What a form needs: items in questionnaire order with topics, codes and labels; the
  // provisional flag; whether licensed wording is loaded (and the wording only if it is).
  Result<json> instrument_form(const Caller& c, const std::string& id) const;

  // ---- the schedule of the caller's agency ----
  Result<json> schedule(const Caller& c);
  // Team leader or agency admin. `version` is the schedule version the client saw (0 while the
  // default is in use); stale → conflict "version_conflict".
  Result<json> set_schedule(const Caller& c, const nlohmann::json& schedule, int version);
  instruments::Schedule schedule_of_agency(soci::session& s, long long agency_id) const;

  // ---- due and overdue ----
  // Practitioner: their people (team_scope: their team's); team leader: their team.
  // `statuses`: which wave statuses to list (empty: due, overdue and partial).
  Result<json> due(const Caller& c, bool team_scope, const std::vector<std::string>& statuses);

  // ---- a person's questionnaires ----
  Result<json> person_questionnaires(const Caller& c, long long person_id);
  Result<json> response(const Caller& c, long long person_id, const std::string& wave,
                        const std::string& instrument);
  Result<json> save(const Caller& c, long long person_id, const std::string& wave,
                    const std::string& instrument, const ResponseSave& save);
  Result<json> history(const Caller& c, long long person_id, const std::string& wave,
                       const std::string& instrument);
  // Records the date the person's waves count from (instead of their partnership's start).
  Result<json> set_baseline(const Caller& c, long long person_id, const std::string& date);

 private:
  Service& service_;
  const instruments::Catalogue& catalogue_;
};

}  // namespace cp::app
