// include/cp/app/demo_scale.hpp — `cpi demo --scale N`: a synthetic regional or national dataset
// (agencies, teams, workers, N people with partnerships, episodes, contacts, network maps,
// scored questionnaire responses, a community directory per agency and one study), for sizing
// and benchmarks. All names are made up.
//
// Two parts: ScaleGenerator decides WHAT rows exist (pure: options in, store::BulkTable values
// out, deterministic by seed and `today`), and seed_demo_scale LOADS them through
// store::BulkLoader (prepared INSERTs / COPY in big transactions) into an empty database,
// with the demo sign-ins and ONE audit row for the whole load.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cp/instruments/catalogue.hpp"
#include "cp/store/bulk_loader.hpp"
#include "cp/store/database.hpp"

namespace cp::app {

struct ScaleOptions {
  long long people = 1'000'000;
  int agencies = 50;
  int workers = 2'000;          // spread over teams of about five
  std::uint64_t seed = 1;
  int demo_caseload = 30;       // demo-practitioner's people (a realistic 25–40)
  int resources_per_agency = 20;
  long long batch_people = 10'000;  // people per generated batch (and per transaction)
  std::string today;            // YYYY-MM-DD; dates are relative to it
};

// A scored, complete set of answers for one instrument (answers and scores as stored).
struct ScoredAnswers {
  std::string instrument, version, answers, scores;
};

// `per_instrument` answer sets per instrument, drawn with `seed` and scored by the catalogue
// (only complete, successfully scored sets are kept). Throws std::runtime_error when an
// instrument is unknown or yields none.
std::vector<ScoredAnswers> scored_answer_pool(const instruments::Catalogue& catalogue,
                                              const std::vector<std::string>& instrument_ids,
                                              int per_instrument, std::uint64_t seed);

// The generator (pure). Tables come out in foreign-key order; ids are assigned here, from 1.
class ScaleGenerator {
 public:
  ScaleGenerator(ScaleOptions options, std::vector<ScoredAnswers> pool, std::string password_hash);
  // Agencies, teams, workers, directory resources (with tags and history) and the study design:
  // everything that is not per person.
  std::vector<store::BulkTable> structure() const;
  // The demo sign-ins (after the people: demo-person is person 1).
  std::vector<store::BulkTable> sign_ins() const;
  // The rows of people [first, first + count) (0-based) and everything that hangs off them.
  // Must be called in order (first = 0, then first + count, …): row ids run on.
  std::vector<store::BulkTable> people(long long first, long long count);
  // Every table that has an id column (for the loader's sequences).
  static std::vector<std::string> tables_with_ids();

  // Where things are (for tests and the demo sign-ins).
  long long worker_of_person(long long person_index) const;  // 0-based worker index
  int teams_per_agency() const noexcept { return teams_per_agency_; }
  int team_count() const noexcept { return teams_per_agency_ * options_.agencies; }
  int study_count() const noexcept;  // one study per five agencies

 private:
  ScaleOptions options_;
  std::vector<ScoredAnswers> pool_;
  std::string password_hash_;
  int teams_per_agency_;
  long long next_episode_ = 1, next_contact_ = 1, next_map_ = 1, next_member_ = 1, next_response_ = 1,
            next_participant_ = 1, next_consent_ = 1, next_goal_ = 1, next_objective_ = 1, next_activity_ = 1,
            next_asset_ = 1, next_idea_ = 1, next_engagement_ = 1, next_barrier_ = 1, next_recognition_ = 1,
            next_history_ = 1;
};

struct ScaleResult {
  long long rows = 0;
  std::map<std::string, long long> rows_by_table;
  double seconds = 0;
};

// Generates into `db`, which must be empty (no agencies; throws std::runtime_error otherwise).
// The demo sign-ins get `password`. `progress` receives a line now and then (rows, rows/s).
// `csv_dir` non-empty: every generated row is also written to <csv_dir>/<table>.csv (for the
// databases' own loaders in bench/scale_bench.sh).
ScaleResult seed_demo_scale(store::Database& db, const std::string& password, const ScaleOptions& options,
                            const instruments::Catalogue& catalogue,
                            const std::function<void(const std::string&)>& progress, const std::string& csv_dir = {});

}  // namespace cp::app
