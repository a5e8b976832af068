// include/cp/store/fidelity_store.hpp — the queries behind the fidelity views (issue 5): who
// is on a caseload at a date, what the records show for each person (practice-derived
// indicators), CPIFS scores from completed questionnaires, practice examples and their
// ratings, and each agency's thresholds. No permission checks here (app/ decides).
#pragma once

#include <soci/soci.h>

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "cp/fidelity/implementation.hpp"
#include "cp/fidelity/indicators.hpp"
#include "cp/fidelity/practice_examples.hpp"

namespace cp::store {

// A person on a worker's caseload at a date: the partnership existed then and had not ended
// (moved on or transferred) by then.
struct CaseloadAtDate {
  long long person_id = 0, partnership_id = 0, worker_id = 0, team_id = 0;
};
// scope: "worker", "team" or "agency"; id is that worker's, team's or agency's id.
std::vector<CaseloadAtDate> caseload_at(soci::session& s, const std::string& scope, long long id,
                                        const std::string& as_of);

// What the records show for one person on `as_of`, "recent" meaning after `recent_from`
// (both YYYY-MM-DD). Documented per indicator in docs/fidelity.md.
fidelity::PersonPractice person_practice(soci::session& s, long long person_id, const std::string& as_of,
                                         const std::string& recent_from);

// The person's latest complete `instrument` ("cpifs-w" or "cpifs-su") domain scores on or
// before `as_of` (1–9; null where missing).
std::array<std::optional<double>, fidelity::kDomains> cpifs_scores(soci::session& s, long long person_id,
                                                                   const std::string& instrument,
                                                                   const std::string& as_of);

struct PracticeExampleRow {
  long long id = 0, agency_id = 0, worker_id = 0;
  std::string domain, description, created_at;
  std::optional<int> consensus;
  std::optional<std::string> consensus_note, consensus_at;
  int version = 1;
  std::vector<std::pair<long long, int>> ratings;  // rater account id, rating
};
long long insert_practice_example(soci::session& s, const PracticeExampleRow& e, long long by,
                                  const std::string& now);
std::optional<PracticeExampleRow> practice_example_by_id(soci::session& s, long long id);
std::vector<PracticeExampleRow> practice_examples_of(soci::session& s, const std::string& scope, long long id);
// Records (or replaces) one rater's rating.
void upsert_rating(soci::session& s, long long example_id, long long rater, int rating, const std::string& now);
// Sets the consensus if the version matches; false when it moved on.
bool set_consensus(soci::session& s, long long example_id, int expected_version, int consensus,
                   const std::string& note, long long by, const std::string& now);

// The agency's thresholds as JSON text (null: the defaults).
std::optional<std::string> fidelity_thresholds(soci::session& s, long long agency_id);
void save_fidelity_thresholds(soci::session& s, long long agency_id, const std::string& json, long long by,
                              const std::string& now);

}  // namespace cp::store
