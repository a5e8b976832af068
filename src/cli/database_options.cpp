// src/cli/database_options.cpp — see database_options.hpp.
#include "cli/database_options.hpp"

#include <fmt/format.h>

#include <cstdlib>

#include "cp/domain/result.hpp"

namespace cp::cli {

namespace {

[[noreturn]] void bad_db(const std::string& message, const char* field = "db") {
  throw ErrorException(Error::invalid("invalid_value", message, field));
}

}  // namespace

std::unique_ptr<store::Database> open_database(const std::string& url, int pool_size, bool create,
                                               const char* option) {
  store::OpenOptions o;
  o.pool_size = pool_size;
  o.create = create;
  try {
    return store::Database::open(url, o);
  } catch (const store::StoreError& e) {
    bad_db(e.what(), option);
  }
}

app::Caller operator_caller() {
  const char* who = std::getenv("USER");
  app::Caller op;
  op.username = fmt::format("cli:{}", who ? who : "operator");
  op.role = domain::Role::system_admin;  // with account_id 0: the operator on the server
  op.address = "local";
  return op;
}

std::unique_ptr<store::Database> use_audit_database(app::Service& service,
                                                    const std::string& audit_db_url) {
  auto& db = service.database();
  if (audit_db_url.empty()) {
    if (db.refuses_writes())
      bad_db(fmt::format("{} is read-only (a streaming replica?); give --audit-db with the "
                         "primary's URL: the audit row of this research read is written there",
                         db.location()));
    return nullptr;
  }
  auto primary = open_database(audit_db_url, 1, false, "audit-db");
  if (primary->refuses_writes())
    bad_db(fmt::format("{} (--audit-db) is read-only too; give the primary", primary->location()),
           "audit-db");
  const int read_version = db.schema_version(), primary_version = primary->schema_version();
  if (read_version != primary_version)
    bad_db(fmt::format("{} is at schema version {} and the primary {} at {}; wait for the replica "
                       "to catch up",
                       db.location(), read_version, primary->location(), primary_version));
  service.set_audit_database(*primary);
  return primary;
}

}  // namespace cp::cli
