// src/app/service_auth.cpp — signing in and out, sessions, and the audit helper.
#include <chrono>

#include "cp/app/passwords.hpp"
#include "cp/app/service.hpp"
#include "cp/domain/clock.hpp"
#include "cp/store/audit_log.hpp"
#include "cp/store/records.hpp"

namespace cp::app {

namespace {
std::string now_ts() { return domain::iso_timestamp(std::chrono::system_clock::now()); }

// A fixed argon2id hash to verify against when the username does not exist, so that a wrong
// username costs as long as a wrong password (no account enumeration by timing).
const std::string& dummy_hash() {
  static const std::string h = hash_password("not-a-real-password-0123456789");
  return h;
}
}  // namespace

void audit(soci::session& s, const Caller& c, const std::string& action,
           const std::string& record_type, const std::string& record_id,
           std::optional<long long> person_id, const std::string& outcome,
           const std::string& detail) {
  store::AuditEntry e;
  e.at = now_ts();
  if (c.account_id) e.account_id = c.account_id;
  e.username = c.username.empty() ? "-" : c.username;
  e.role = c.account_id ? std::string(domain::to_string(c.role)) : "-";
  e.action = action;
  e.record_type = record_type;
  e.record_id = record_id;
  e.person_id = person_id;
  e.outcome = outcome;
  e.detail = detail;
  e.address = c.address.empty() ? "-" : c.address;
  store::append_audit(s, std::move(e));
}

Service::Service(store::Database& db, ServiceConfig config)
    : today([] { return domain::iso_date(std::chrono::system_clock::now()); }),
      db_(db),
      sessions_(db, config.sessions),
      throttle_(config.throttle) {}

json Service::user_json(const Caller& c) {
  json u = {{"id", c.account_id},
            {"username", c.username},
            {"display_name", c.display_name},
            {"role", domain::to_string(c.role)},
            {"person_id", nullptr},
            {"worker_id", nullptr},
            {"team_id", nullptr},
            {"agency_id", nullptr}};
  if (c.person_id) u["person_id"] = *c.person_id;
  if (c.worker_id) u["worker_id"] = *c.worker_id;
  if (c.team_id) u["team_id"] = *c.team_id;
  if (c.agency_id) u["agency_id"] = *c.agency_id;
  return u;
}

Result<SignedIn> Service::login(const std::string& username, const std::string& password,
                                const std::string& address) {
  const auto now = Clock::now();
  Caller anonymous;
  anonymous.username = username.substr(0, 100);
  anonymous.address = address;
  if (auto wait = throttle_.locked(username, address, now)) {
    db_.write([&](soci::session& s) {
      audit(s, anonymous, "auth.login", "account", username.substr(0, 100), std::nullopt,
            "refused", "throttled");
    });
    return Error{ErrorKind::too_many, "too_many_attempts",
                 "Too many failed sign-ins. Wait " + std::to_string(wait->count()) +
                     " seconds and try again.",
                 std::to_string(wait->count())};
  }
  auto account = db_.read([&](soci::session& s) { return store::account_by_username(s, username); });
  const bool ok = account ? verify_password(password, account->password_hash)
                          : (verify_password(password, dummy_hash()), false);
  if (!ok || !account->active) {
    throttle_.failure(username, address, now);
    db_.write([&](soci::session& s) {
      audit(s, anonymous, "auth.login", "account", username.substr(0, 100), std::nullopt,
            "refused", ok ? "account disabled" : "wrong username or password");
    });
    return Error{ErrorKind::unauthenticated, "bad_credentials",
                 "The username or password is not right.", {}};
  }
  throttle_.success(username);
  Caller c = caller_of(*account);
  c.address = address;
  db_.write([&](soci::session& s) {
    audit(s, c, "auth.login", "account", std::to_string(c.account_id), std::nullopt, "ok");
  });
  std::string csrf = random_hex(32);
  std::string token = sessions_.create(c, csrf, now);
  return SignedIn{std::move(token), Session{c, std::move(csrf), now, now}};
}

std::optional<Session> Service::session(const std::string& token) {
  return sessions_.touch(token, Clock::now());
}

void Service::logout(const std::string& token, const Caller& caller) {
  sessions_.remove(token);
  db_.write([&](soci::session& s) {
    audit(s, caller, "auth.logout", "account", std::to_string(caller.account_id), std::nullopt,
          "ok");
  });
}

Result<long long> Service::create_account(const NewAccount& a, const std::string& actor) {
  if (a.username.empty() || a.username.size() > 64)
    return Error::invalid("invalid_value", "username must have 1 to 64 characters", "username");
  for (char ch : a.username)
    if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_' || ch == '.'))
      return Error::invalid("invalid_value",
                            "username may use letters, digits, '-', '_' and '.' only", "username");
  if (auto why = password_problem(a.password); !why.empty())
    return Error::invalid("weak_password", why, "password");
  using domain::Role;
  if (a.role == Role::person && !a.person_id)
    return Error::invalid("missing_field", "a person's account needs the person's id", "person_id");
  if ((a.role == Role::practitioner) && !a.worker_id)
    return Error::invalid("missing_field", "a practitioner's account needs a worker id", "worker_id");
  if (a.role == Role::team_leader && !a.team_id)
    return Error::invalid("missing_field", "a team leader's account needs a team id", "team_id");
  const std::string hash = hash_password(a.password);
  try {
    return db_.write([&](soci::session& s) -> Result<long long> {
      if (store::account_by_username(s, a.username))
        return Error::conflict("duplicate", "an account with that username exists", "username");
      store::AccountRow row;
      row.username = a.username;
      row.display_name = a.display_name.empty() ? a.username : a.display_name;
      row.password_hash = hash;
      row.role = std::string(domain::to_string(a.role));
      row.agency_id = a.agency_id;
      row.team_id = a.team_id;
      row.worker_id = a.worker_id;
      row.person_id = a.person_id;
      // Fill the agency/team from the worker record when not given.
      if (a.worker_id) {
        auto w = store::worker_by_id(s, *a.worker_id);
        if (!w) throw ErrorException(Error::not_found("no worker with that id", "worker_id"));
        if (!row.agency_id) row.agency_id = w->agency_id;
        if (!row.team_id) row.team_id = w->team_id;
      }
      if (a.person_id) {
        auto p = store::person_by_id(s, *a.person_id);
        if (!p) throw ErrorException(Error::not_found("no person with that id", "person_id"));
        if (!row.agency_id) row.agency_id = p->agency_id;
      }
      if (a.team_id && !row.agency_id) {
        auto t = store::team_by_id(s, *a.team_id);
        if (!t) throw ErrorException(Error::not_found("no team with that id", "team_id"));
        row.agency_id = t->agency_id;
      }
      const long long id = store::insert_account(s, row, now_ts());
      Caller op;
      op.username = actor;
      op.address = "cli";
      audit(s, op, "account.create", "account", std::to_string(id), a.person_id, "ok",
            std::string("role ") + row.role);
      return id;
    });
  } catch (const ErrorException& e) {
    return e.error();
  }
}

}  // namespace cp::app
