// include/cp/store/key_queries.hpp — the SQL of the key queries that must stay index-backed at
// regional scale (issue 8 part 4): the caseload, the person page, the directory search, the
// due-assessments list and the study's analysis dataset. The store functions run exactly these
// strings; key_queries() lists them by name so that tests can read their query plans
// (tests/unit/store_plans) without a copy of the SQL. Parameters are SOCI's :names.
#pragma once

#include <string>
#include <vector>

namespace cp::store::queries {

// The caseload: a worker's (or a team's) partnerships with the person's name, the worker and
// team, and the last contact and number of contacts.
inline const std::string kCaseloadSelect =
    "SELECT p.person_id, p.id, p.worker_id, p.team_id, pe.display_name, p.state, p.state_since, "
    "w.display_name, t.name, (SELECT MAX(c.contact_date) FROM contacts c WHERE c.partnership_id "
    "= p.id), (SELECT COUNT(*) FROM contacts c WHERE c.partnership_id = p.id) FROM partnerships "
    "p JOIN people pe ON pe.id = p.person_id JOIN workers w ON w.id = p.worker_id JOIN teams t ON "
    "t.id = p.team_id ";
inline const std::string kCaseloadOfWorker = kCaseloadSelect + "WHERE p.worker_id = :k ORDER BY pe.display_name, p.id";
inline const std::string kCaseloadOfTeam = kCaseloadSelect + "WHERE p.team_id = :k ORDER BY pe.display_name, p.id";

// The person page (GET /people/{id}/record) and the due list's per-person reads.
inline const std::string kPersonById =
    "SELECT id, agency_id, display_name, preferred_name, pronouns, date_of_birth, postcode FROM people WHERE id = :i";
inline const std::string kPartnershipCols = "id, agency_id, team_id, worker_id, person_id, state, state_since, created_at";
inline const std::string kPartnershipsOfPerson =
    "SELECT " + kPartnershipCols + " FROM partnerships WHERE person_id = :p ORDER BY id";
inline const std::string kEpisodesOf =
    "SELECT id, partnership_id, state, started_on, ended_on, reason, from_worker_id, to_worker_id FROM episodes "
    "WHERE partnership_id = :p ORDER BY id";
inline const std::string kContactCols = "id, partnership_id, contact_date, mode, duration_minutes, processes, note";
inline const std::string kContactsOf =
    "SELECT " + kContactCols + " FROM contacts WHERE partnership_id = :p ORDER BY contact_date DESC, id DESC LIMIT :l";
inline const std::string kRecordCommonCols =
    "id, person_id, version, created_at, created_by, created_by_name, created_by_role, updated_at, updated_by, "
    "updated_by_name, updated_by_role";
// A practice record list (network_maps, goals, assets, …): `own_columns` after the common ones.
inline std::string records_of_person(const std::string& table, const std::string& own_columns) {
  return "SELECT " + kRecordCommonCols + own_columns + " FROM " + table + " WHERE person_id = :p ORDER BY id";
}
inline const std::string kLastChangeByType =
    "SELECT record_type, MAX(changed_at) FROM record_history WHERE person_id = :p GROUP BY record_type";
inline const std::string kMapMembers =
    "SELECT member_id, name, kind, relation, ring, support_to_person, support_from_person, frequency, resource_id, x, "
    "y FROM network_map_members WHERE map_id = :m ORDER BY position, member_id";
inline const std::string kMapTies = "SELECT a, b FROM network_map_ties WHERE map_id = :m ORDER BY a, b";

// Assessments due: the agency's schedule and each person's start, baseline and responses.
inline const std::string kScheduleOfAgency =
    "SELECT agency_id, schedule, version, updated_at FROM assessment_schedules WHERE agency_id = :a";
inline const std::string kBaselineOfPerson = "SELECT baseline_on FROM assessment_baselines WHERE person_id = :p";
inline const std::string kFirstStartOfPerson =
    "SELECT MIN(e.started_on) FROM episodes e JOIN partnerships p ON p.id = e.partnership_id WHERE p.person_id = :p";
inline const std::string kResponseCols =
    "id, person_id, wave, instrument, instrument_version, answers, status, mode, scores, version, created_at, "
    "created_by, created_by_role, updated_at, updated_by, updated_by_role, completed_at";
inline const std::string kResponsesOfPerson =
    "SELECT " + kResponseCols + " FROM questionnaire_responses WHERE person_id = :p ORDER BY id";

// The directory search: the agency's resources, narrowed by tag and capacity in SQL (free text,
// place and opening times are matched in app/ on these rows).
inline const std::string kDirectoryCols =
    "id, agency_id, hsds_id, name, capacity, status, confidential, reviewed_on, body, version, created_at, "
    "updated_at, updated_by, updated_by_name";
inline std::string directory_search(bool tag, bool capacity, bool include_confidential) {
  std::string where = "agency_id = :a";
  if (tag)
    where += " AND id IN (SELECT resource_id FROM directory_tags WHERE agency_id = directory_resources.agency_id "
             "AND tag = :t)";
  if (capacity) where += " AND capacity = :c";
  if (!include_confidential) where += " AND confidential = 0";
  return "SELECT " + kDirectoryCols + " FROM directory_resources WHERE " + where + " ORDER BY name, id";
}

// The analysis dataset: the study's sites, waves, participants (latest consent) and scores.
inline const std::string kSitesOfStudy =
    "SELECT x.id, x.study_id, x.team_id, x.arm, t.name FROM study_sites x JOIN teams t ON t.id = x.team_id WHERE "
    "x.study_id = :s ORDER BY x.id";
inline const std::string kWavesOfStudy =
    "SELECT id, study_id, wave, target_month, window_days FROM study_waves WHERE study_id = :s ORDER BY "
    "target_month, id";
inline const std::string kParticipantSelect =
    "SELECT p.id, p.study_id, p.person_id, p.site_id, p.status, p.assessed_on, p.recruited_on, p.withdrawn_on, "
    "p.withdrawal_reason, (SELECT e.event FROM study_consent_events e WHERE e.participant_id = p.id ORDER BY e.id "
    "DESC LIMIT 1), (SELECT e.on_date FROM study_consent_events e WHERE e.participant_id = p.id ORDER BY e.id DESC "
    "LIMIT 1) FROM study_participants p ";
inline const std::string kParticipantsOfStudy = kParticipantSelect + "WHERE p.study_id = :s ORDER BY p.id";
inline const std::string kCompleteScoresOfStudy =
    "SELECT q.person_id, q.wave, q.instrument, q.scores FROM questionnaire_responses q JOIN study_participants p ON "
    "p.person_id = q.person_id WHERE p.study_id = :s AND q.status = 'complete' AND q.scores IS NOT NULL ORDER BY "
    "q.person_id, q.wave, q.instrument";
// Per participant a primary-key lookup of people (a join lets PostgreSQL scan all of people when
// a study holds a large share of them).
inline const std::string kBirthDatesOfStudy =
    "SELECT p.person_id, (SELECT pe.date_of_birth FROM people pe WHERE pe.id = p.person_id) FROM "
    "study_participants p WHERE p.study_id = :s";

}  // namespace cp::store::queries

namespace cp::store {

struct NamedQuery {
  std::string operation;  // caseload, person page, directory search, due assessments, analysis dataset
  std::string name;       // the store function
  std::string sql;
};

// Every key query above, with the operation it serves (record lists: one per practice-record
// table, with the common columns only; their plans do not depend on the select list).
std::vector<NamedQuery> key_queries();

}  // namespace cp::store
