// src/app/demo_study.cpp — the demo study: the Riverside team as the intervention site and
// Hillside as the comparison site, waves baseline and month_6, with recruitment, research consent
// (some withdrawn), withdrawals and synthetic SWEMWBS raw totals. All made up.
#include <fmt/format.h>
#include <stdexcept>

#include <algorithm>

#include "cp/store/questionnaires.hpp"
#include "cp/store/studies.hpp"
#include "demo_internal.hpp"

namespace cp::app {

void seed_demo_study(soci::session& s, long long agency, long long intervention_team, long long control_team,
                     const std::vector<DemoPerson>& people, const std::string& recruited_on,
                     const std::string& followed_up_on, const std::string& ts) {
  store::StudyRow st;
  st.agency_id = agency;
  st.name = "Connecting People implementation study (demo)";
  st.design = "cluster_controlled";
  const long long study = store::insert_study(s, st, std::nullopt, ts);
  const long long site_i = store::insert_study_site(s, study, intervention_team, "intervention");
  const long long site_c = store::insert_study_site(s, study, control_team, "control");
  store::insert_study_wave(s, {0, study, "baseline", 0, 28});
  store::insert_study_wave(s, {0, study, "month_6", 6, 28});
  auto response = [&](long long person, const std::string& wave, int raw, const std::string& on) {
    if (store::response_of(s, person, wave, "swemwbs")) return;  // never overwrite real data
    store::ResponseRow r;
    r.person_id = person;
    r.wave = wave;
    r.instrument = "swemwbs";
    r.instrument_version = "1";
    r.answers = "{}";  // synthetic: the demo stores the score only
    r.status = "complete";
    r.mode = "interviewer";
    r.scores = fmt::format(R"({{"instrument":"swemwbs","version":"1","provisional":false,"complete":true,)"
                           R"("scores":{{"raw":{}}},"derivations":{{}},"missing":[],"demo":true}})",
                           raw);
    r.version = 1;
    r.created_at = r.updated_at = ts;
    r.created_by_role = r.updated_by_role = "practitioner";
    r.completed_at = on;
    if (!store::save_response(s, r))
      throw std::logic_error("demo study: a response already exists (the database is not empty)");
  };
  for (std::size_t k = 0; k < people.size(); ++k) {
    const auto& p = people[k];
    const int i = static_cast<int>(k);
    const bool intervention = p.team_id == intervention_team;
    store::StudyParticipantRow row;
    row.study_id = study;
    row.person_id = p.person_id;
    row.site_id = intervention ? site_i : site_c;
    row.assessed_on = recruited_on;
    if (i % 10 == 9) {  // assessed, declined
      row.status = "declined";
      store::insert_participant(s, row, std::nullopt, ts);
      continue;
    }
    row.status = "recruited";
    row.recruited_on = recruited_on;
    const long long pid = store::insert_participant(s, row, std::nullopt, ts);
    store::insert_consent_event(s, {0, pid, "given", recruited_on, std::nullopt, std::nullopt, ts});
    if (i % 10 == 4)  // changed their mind about research use
      store::insert_consent_event(s, {0, pid, "withdrawn", followed_up_on, std::nullopt, std::nullopt, ts});
    if (i % 10 == 7) store::set_participant_withdrawn(s, pid, followed_up_on, std::string("moved away"));
    // Responses only for people outside demo-practitioner's own caseload, whose questionnaires
    // the capture pages and their tests start empty.
    if (p.own_caseload) continue;
    const int baseline = 14 + (i * 7) % 13;
    response(p.person_id, "baseline", baseline, recruited_on);
    if (i % 10 == 7 || i % 10 == 2) continue;  // withdrawn; lost to follow-up
    const int change = (intervention ? 3 : 1) + (i * 5) % 5 - 2;
    response(p.person_id, "month_6", std::clamp(baseline + change, 7, 35), followed_up_on);
  }
}

}  // namespace cp::app
