// include/cp/app/studies.hpp — studies in the system (issue 6 parts 1, 2 and 5; issue 8 part 5):
// the design (sites = teams with their arm, waves with target month and window), recruitment,
// research consent and withdrawals, the CONSORT-style flow counts, and the pseudonymised
// analysis dataset built from the store.
//
// Permissions:
//   researcher, agency_admin   create studies, read designs and flow counts
//   team_leader, practitioner  record assessment/recruitment, consent and withdrawal for people
//                              they may write (access_to_person); read designs and flow counts
//   researcher                 the analysis dataset (pseudonymised; never names, ids or dates of
//                              birth); also the operator through `cpi analyse --study`
// Every write, every dataset read and every refusal is audited in the same transaction.
//
// Consent: each change is a new row of study_consent_events (append-only). A participant is in
// the dataset only while their latest consent event is "given". Withdrawal from the study (no
// further follow-up) keeps the data already collected if consent to research use stands
// (intention to treat); withdrawing consent removes the person from every dataset.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cp/app/caller.hpp"
#include "cp/app/service.hpp"
#include "cp/domain/result.hpp"

namespace cp::store {
struct StudyParticipantRow;
}

namespace cp::app {

// THE rule for research use, everywhere (analysis dataset, CONSORT "analysed", research
// exports): recruited (not declined) and the latest consent event is "given".
bool research_use_consented(const store::StudyParticipantRow& p);
// Age in whole years on `on` (both ISO dates; longer timestamps are cut to the date); nullopt
// when either does not parse or the date of birth is later.
std::optional<int> age_in_years(const std::string& date_of_birth, const std::string& on);

struct NewStudySite {
  long long team_id = 0;
  std::string arm;  // intervention | control
};
struct NewStudyWave {
  std::string wave;  // the questionnaire wave id ("baseline", "6m", …)
  int target_month = 0, window_days = 0;
};
struct NewStudy {
  std::string name, design = "cluster_controlled";
  std::vector<NewStudySite> sites;
  std::vector<NewStudyWave> waves;  // the first (lowest target month) is the baseline
};
struct NewParticipant {
  long long person_id = 0;
  std::optional<long long> team_id;  // the site; default: the person's partnership team that is a site
  std::string assessed_on;           // YYYY-MM-DD
  bool declined = false;             // assessed but not recruited
  bool consent_given = false;        // also record consent given on assessed_on
};

// One outcome of the dataset: an instrument and one of its score names.
struct DatasetOutcome {
  std::string instrument, score;
};
struct DatasetOptions {
  std::vector<DatasetOutcome> outcomes;  // empty: every numeric score found
  bool age = false;                      // add age in whole years at recruitment
};
// The analysis dataset as a table of text cells (CSV-ready; empty cell = missing).
struct DatasetTable {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
  std::string to_csv() const;
};

// CONSORT-style counts by arm ("intervention", "control"). Definitions (docs/analysis.md):
// assessed = participant records; declined; recruited = not declined; consented = recruited with
// consent standing; consent_withdrawn; withdrawn = withdrawn from follow-up; measured[wave] =
// consented with a complete questionnaire at that wave; analysed = consented (dataset rows).
nlohmann::json consort_counts_json(soci::session& s, long long study_id);

class Studies {
 public:
  explicit Studies(Service& service);

  Result<json> create(const Caller& c, const NewStudy& study);
  Result<json> list(const Caller& c);
  Result<json> get(const Caller& c, long long study_id);
  Result<json> add_participant(const Caller& c, long long study_id, const NewParticipant& p);
  // event: "given" | "withdrawn"
  Result<json> record_consent(const Caller& c, long long study_id, long long participant_id,
                              const std::string& event, const std::string& on,
                              const std::optional<std::string>& note);
  Result<json> withdraw(const Caller& c, long long study_id, long long participant_id,
                        const std::string& on, const std::optional<std::string>& reason);
  Result<json> consort(const Caller& c, long long study_id);
  Result<DatasetTable> analysis_dataset(const Caller& c, long long study_id,
                                        const DatasetOptions& options);

 private:
  Service& service_;
};

// The stable pseudonym of a record for a purpose ("study:<id>"): keyed BLAKE2b (libsodium
// crypto_generichash) of "<purpose>|<kind>|<id>" with the system's key (settings
// "pseudonym_key", created on first use), as "P" + 12 hex digits. Precondition: inside
// Database::write (the key may be created).
std::string study_pseudonym(soci::session& s, const std::string& purpose, const std::string& kind,
                            long long id);

}  // namespace cp::app
