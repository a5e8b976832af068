// src/store/key_queries.cpp — the named list of key queries (see key_queries.hpp).
#include "cp/store/key_queries.hpp"

namespace cp::store {

std::vector<NamedQuery> key_queries() {
  using namespace queries;
  std::vector<NamedQuery> out{
      {"caseload", "caseload_of_worker", kCaseloadOfWorker},
      {"caseload", "caseload_of_team", kCaseloadOfTeam},
      {"person page", "person_by_id", kPersonById},
      {"person page", "partnerships_of_person", kPartnershipsOfPerson},
      {"person page", "episodes_of", kEpisodesOf},
      {"person page", "contacts_of", kContactsOf},
      {"person page", "last_change_by_type", kLastChangeByType},
      {"person page", "map_content.members", kMapMembers},
      {"person page", "map_content.ties", kMapTies},
      {"due assessments", "schedule_of_agency", kScheduleOfAgency},
      {"due assessments", "baseline_of_person", kBaselineOfPerson},
      {"due assessments", "first_start_of_person", kFirstStartOfPerson},
      {"due assessments", "responses_of_person", kResponsesOfPerson},
      {"directory search", "directory_resources", directory_search(false, false, false)},
      {"directory search", "directory_resources.tag", directory_search(true, false, false)},
      {"directory search", "directory_resources.tag_capacity", directory_search(true, true, true)},
      {"analysis dataset", "sites_of_study", kSitesOfStudy},
      {"analysis dataset", "waves_of_study", kWavesOfStudy},
      {"analysis dataset", "participants_of_study", kParticipantsOfStudy},
      {"analysis dataset", "complete_scores_of_study", kCompleteScoresOfStudy},
      {"analysis dataset", "birth_dates_of_study", kBirthDatesOfStudy},
  };
  for (const char* table : {"network_maps", "assets", "goals", "objectives", "activities", "ideas",
                            "engagements", "barriers", "recognition"})
    out.push_back({"person page", std::string("records_of_person.") + table, records_of_person(table, "")});
  return out;
}

}  // namespace cp::store
