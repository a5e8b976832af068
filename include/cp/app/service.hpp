// include/cp/app/service.hpp — the use cases of Connecting People. Every request from http/ or
// cli/ goes through here: it checks the caller's role and relationship to the record
// (access.hpp), runs in one transaction, and writes the audit entry (reads and refusals too).
// Results are JSON values shaped as the API sends them (docs/api.md).
#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>

#include "cp/app/caller.hpp"
#include "cp/app/sessions.hpp"
#include "cp/domain/contact.hpp"
#include "cp/domain/episode.hpp"
#include "cp/domain/result.hpp"
#include "cp/store/database.hpp"

namespace cp::app {

using nlohmann::json;

struct ServiceConfig {
  SessionPolicy sessions;
  ThrottlePolicy throttle;
};

struct EpisodeChange {
  domain::EpisodeAction action = domain::EpisodeAction::pause;
  std::optional<std::string> reason;
  std::optional<long long> to_worker_id;  // transfer only
};

struct NewAccount {
  std::string username, display_name, password;
  domain::Role role = domain::Role::practitioner;
  std::optional<long long> agency_id, team_id, worker_id, person_id;
};

struct SignedIn {
  std::string token;  // goes in the session cookie
  Session session;
};

class Service {
 public:
  explicit Service(store::Database& db, ServiceConfig config = {});

  // ---- signing in ----
  // Checks the password (argon2id), the throttle and that the account is active; audits the
  // attempt either way. Errors: unauthenticated (wrong name or password: one message for both),
  // too_many (throttled).
  Result<SignedIn> login(const std::string& username, const std::string& password,
                         const std::string& address);
  // The live session for a cookie token (idle and absolute timeouts applied).
  std::optional<Session> session(const std::string& token);
  void logout(const std::string& token, const Caller& caller);
  static json user_json(const Caller& c);

  // ---- practice record ----
  Result<json> caseload(const Caller& c);
  Result<json> person_summary(const Caller& c, long long person_id);
  Result<json> change_episode(const Caller& c, long long partnership_id, const EpisodeChange& ch);
  Result<json> add_contact(const Caller& c, long long partnership_id,
                           const domain::NewContact& contact);
  Result<json> list_contacts(const Caller& c, long long partnership_id);

  // ---- agency and system ----
  Result<json> teams(const Caller& c);
  Result<json> workers(const Caller& c);
  Result<json> audit_entries(const Caller& c, int limit);
  Result<json> audit_verify(const Caller& c);

  // ---- operator (CLI; the operator is the caller, recorded as `actor`) ----
  Result<long long> create_account(const NewAccount& a, const std::string& actor);

  store::Database& database() { return db_; }
  // Where research reads (research_read.hpp: exports, analysis datasets) write their audit rows
  // and find the pseudonym key: database() unless set. `cpi export --audit-db` and `cpi analyse
  // --audit-db` set it to the primary when database() is a read-only streaming replica.
  store::Database& audit_database() { return audit_db_ ? *audit_db_ : db_; }
  void set_audit_database(store::Database& primary) { audit_db_ = &primary; }
  // "Today" (UTC), overridable in tests.
  std::function<std::string()> today;

 private:
  store::Database& db_;
  store::Database* audit_db_ = nullptr;
  SessionStore sessions_;
  LoginThrottle throttle_;
};

// Writes one audit entry for `c` (inside the caller's write transaction on `s`).
void audit(soci::session& s, const Caller& c, const std::string& action,
           const std::string& record_type, const std::string& record_id,
           std::optional<long long> person_id, const std::string& outcome,
           const std::string& detail = {});

}  // namespace cp::app
