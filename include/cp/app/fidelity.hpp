// include/cp/app/fidelity.hpp — the fidelity and implementation use cases (issue 5): the
// implementation level of a worker, a team and an agency from the CPIFS and the practice
// records, its trend and early warning, practice examples with ratings and consensus, the
// agency's thresholds, and a CSV export. docs/fidelity.md explains the method.
//
// Permissions (enforced here, every read, write and refusal audited):
//   practitioner  their own supervision view and practice examples; never another worker's
//   team_leader   their team: the team view, each worker's view, examples, rating, consensus
//   agency_admin  every team of the agency, the agency view, thresholds
//   researcher    the agency's fidelity pseudonymised (workers and teams by keyed pseudonym,
//                 no names, no example text)
//   person, system_admin: refused
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

#include "cp/app/caller.hpp"
#include "cp/app/service.hpp"
#include "cp/domain/result.hpp"

namespace cp::app {

class Fidelity {
 public:
  explicit Fidelity(Service& service) : service_(service) {}

  // `as_of` (YYYY-MM-DD) defaults to today; the trend covers the 6 months to it.
  Result<json> worker_view(const Caller& c, long long worker_id, std::optional<std::string> as_of = {});
  // team_id 0: the caller's own team (team leader).
  Result<json> team_view(const Caller& c, long long team_id, std::optional<std::string> as_of = {});
  Result<json> agency_view(const Caller& c, std::optional<std::string> as_of = {});
  // Researcher: the agency's workers and teams, pseudonymised.
  Result<json> research_view(const Caller& c, std::optional<std::string> as_of = {});
  // CSV of the team (team leader; admin with team_id) or agency (admin; researcher
  // pseudonymised) view: one row per worker and team.
  Result<std::string> export_csv(const Caller& c, const std::string& scope, long long id);

  Result<json> thresholds(const Caller& c);
  Result<json> set_thresholds(const Caller& c, const json& thresholds);

  // Practice examples. scope "worker" | "team" | "agency" (0 = the caller's own).
  Result<json> examples(const Caller& c, const std::string& scope, long long id);
  Result<json> add_example(const Caller& c, long long worker_id, const std::string& domain,
                           const std::string& description);
  Result<json> rate_example(const Caller& c, long long example_id, int rating);
  Result<json> set_consensus(const Caller& c, long long example_id, int version, int consensus,
                             const std::string& note);

 private:
  Service& service_;
};

}  // namespace cp::app
