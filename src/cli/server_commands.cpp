// src/cli/server_commands.cpp — `cpi init`, `cpi serve`, `cpi user add`, `cpi demo`,
// `cpi backup`, `cpi restore`, `cpi migrate-store` and `cpi audit verify`: the commands that
// open the database (a SQLite path or a postgresql:// URL).
#include <sodium.h>
#include <unistd.h>

#include <cstdlib>
#include <fmt/format.h>
#include <iostream>
#include <map>
#include <memory>

#include "cli/data_dir.hpp"
#include "cli/database_options.hpp"
#include "cli/registry.hpp"
#include "cp/app/demo.hpp"
#include "cp/app/demo_scale.hpp"
#include "cp/domain/clock.hpp"
#include "cp/app/passwords.hpp"
#include "cp/app/service.hpp"
#include "cp/http/server.hpp"
#include "cp/instruments/wording.hpp"
#include "cp/store/audit_log.hpp"
#include "cp/store/copy.hpp"
#include "cp/store/database.hpp"

namespace cp::cli {
namespace {

std::unique_ptr<store::Database> open_db(const std::string& path, int pool = 2, bool create = true) {
  return open_database(path, pool, create);
}

struct DemoPassword {
  std::string value;
  bool generated = false;  // true when CPI_DEMO_PASSWORD was not set
};

DemoPassword demo_password() {
  if (const char* p = std::getenv("CPI_DEMO_PASSWORD"); p && *p) return {p, false};
  return {app::random_password(16), true};
}

void print_demo_accounts(const DemoPassword& password) {
  fmt::print("Demo sign-ins (password {}{}):\n", password.value,
             password.generated ? ", generated for this run; set CPI_DEMO_PASSWORD to choose one" : ", from CPI_DEMO_PASSWORD");
  for (const auto& a : app::demo_accounts()) fmt::print("  {:<18} {}\n", a.username, a.description);
}

// The catalogue with each licensed wording file merged into its definition (the file names
// the instrument and version). Throws ErrorException naming the file on any problem.
instruments::Catalogue with_wording(instruments::Catalogue c, const std::vector<std::string>& files) {
  if (files.empty()) return c;
  std::map<std::string, instruments::Definition> merged;
  for (const auto& f : files) {
    const std::string text = read_text_file(f);
    nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    const std::string id = j.is_object() && j.contains("instrument") && j["instrument"].is_string()
                               ? j["instrument"].get<std::string>()
                               : std::string();
    const instruments::Definition* d = c.find(id);
    if (!d) throw ErrorException(Error::invalid("unknown_instrument", "the wording file names no known instrument", f));
    auto m = instruments::merge_wording(merged.count(id) ? merged[id] : *d, text);
    if (!m) {
      auto e = m.error();
      e.field = fmt::format("{}: {}", f, e.field);
      throw ErrorException(e);
    }
    merged[id] = std::move(*m);
  }
  instruments::Catalogue out;
  for (const auto* d : c.definitions()) {
    auto it = merged.find(d->id);
    if (auto r = out.add_definition(it == merged.end() ? *d : it->second); !r) throw ErrorException(r.error());
  }
  for (const auto& [id, t] : c.tables())
    if (auto r = out.add_table(t); !r) throw ErrorException(r.error());
  return out;
}

void add_init(CLI::App& root) {
  auto* cmd = root.add_subcommand("init", "Create the database (or bring its schema up to date)");
  auto db = std::make_shared<std::string>(kDefaultDb);
  cmd->add_option("--db", *db, kDbHelp);
  cmd->callback([db] {
    auto d = open_db(*db, 1);
    fmt::print("database {} is ready (schema version {})\n", d->location(), d->schema_version());
  });
}

void add_serve(CLI::App& root) {
  struct Opts {
    std::string db = kDefaultDb, address = "127.0.0.1", web_root, tls_cert, tls_key, data_dir;
    int port = 8080, threads = 2, idle = 30 * 60, max_age = 12 * 3600, login_limit = 5, address_limit = 50;
    bool demo = false;
    std::vector<std::string> wording;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = root.add_subcommand("serve", "Run the web server (API and front end)");
  cmd->add_flag("--demo", o->demo, "Seed demo data if the database is empty, with the demo sign-ins");
  cmd->add_option("--port", o->port, "Port to listen on (0: any free port)")->check(CLI::Range(0, 65535));
  cmd->add_option("--db", o->db, kDbHelp);
  cmd->add_option("--address", o->address, "Address to listen on (default 127.0.0.1)");
  cmd->add_option("--threads", o->threads, "Worker threads")->check(CLI::Range(1, 64));
  cmd->add_option("--web-root", o->web_root, "Folder of the built web front end (web/dist)");
  cmd->add_option("--tls-cert", o->tls_cert, "TLS certificate chain (PEM); with --tls-key, serve HTTPS");
  cmd->add_option("--tls-key", o->tls_key, "TLS private key (PEM)");
  cmd->add_option("--wording", o->wording, "A licensed wording file (cp-wording/1) to show on the forms; repeat for several");
  cmd->add_option("--data-dir", o->data_dir, "Instrument definitions and scoring tables (default $CPI_DATA_DIR, else the source tree's data/)");
  cmd->add_option("--session-idle", o->idle, "Seconds without a request before a session ends")->check(CLI::Range(1, 86400));
  cmd->add_option("--session-max", o->max_age, "Seconds after sign-in when a session ends")->check(CLI::Range(1, 7 * 86400));
  cmd->add_option("--login-limit", o->login_limit, "Failed sign-ins per account in 15 minutes before it locks")->check(CLI::Range(1, 1000));
  cmd->add_option("--address-login-limit", o->address_limit, "Failed sign-ins per client address in 15 minutes before it locks")->check(CLI::Range(1, 100000));
  cmd->callback([o] {
    // The instrument catalogue first: a bad definition file stops the server before it listens.
    std::shared_ptr<const instruments::Catalogue> catalogue;
    try {
      catalogue = std::make_shared<const instruments::Catalogue>(
          with_wording(load_instrument_catalogue(data_dir(o->data_dir)), o->wording));
    } catch (const ErrorException& e) {
      std::cerr << "error: " << e.what() << (e.error().field.empty() ? "" : " (" + e.error().field + ")") << "\n";
      throw ExitCode{2};
    }
    auto db = open_db(o->db, o->threads + 1);
    if (o->demo) {
      const auto password = demo_password();
      auto seeded = app::seed_demo(*db, password.value);
      if (seeded.seeded)
        fmt::print("Demo data: {} people, {} partnerships, {} contacts.\n", seeded.people, seeded.partnerships, seeded.contacts);
      else
        fmt::print("The database already has data; demo data was not added (demo passwords are unchanged).\n");
      if (seeded.seeded) print_demo_accounts(password);
    }
    app::ServiceConfig sc;
    sc.sessions.idle = std::chrono::seconds(o->idle);
    sc.sessions.absolute = std::chrono::seconds(o->max_age);
    sc.throttle.per_account = o->login_limit;
    sc.throttle.per_address = o->address_limit;
    app::Service service(*db, sc);
    http::ServerConfig cfg;
    cfg.address = o->address;
    cfg.port = static_cast<unsigned short>(o->port);
    cfg.threads = o->threads;
    cfg.tls_certificate = o->tls_cert;
    cfg.tls_key = o->tls_key;
    cfg.api.web_root = o->web_root;
    cfg.api.instruments = catalogue;
    try {
      http::run_server(service, cfg, [&](const std::string& url) {
        fmt::print("Connecting People is listening on {}/ (database {})\n", url, db->location());
        fmt::print("listening on {}\n", url);
        std::fflush(stdout);
      });
    } catch (const std::exception& e) {
      std::cerr << "error: " << e.what() << "\n";
      throw ExitCode{2};
    }
    fmt::print("stopped; database closed cleanly\n");
    std::fflush(stdout);
  });
}

void add_user(CLI::App& root) {
  auto* user = root.add_subcommand("user", "Manage accounts");
  user->require_subcommand(1);
  struct Opts {
    std::string db = kDefaultDb, username, display_name, role;
    long long worker_id = 0, team_id = 0, person_id = 0, agency_id = 0;
  };
  auto o = std::make_shared<Opts>();
  auto* add = user->add_subcommand("add", "Add an account; the password is read from standard input");
  add->add_option("--db", o->db, kDbHelp);
  add->add_option("--username", o->username, "Sign-in name")->required();
  add->add_option("--role", o->role, "One of: " + domain::role_names())->required();
  add->add_option("--display-name", o->display_name, "Name shown in the app");
  add->add_option("--worker-id", o->worker_id, "Worker record (practitioner, team leader)");
  add->add_option("--team-id", o->team_id, "Team (team leader)");
  add->add_option("--person-id", o->person_id, "Person record (person role)");
  add->add_option("--agency-id", o->agency_id, "Agency (agency admin)");
  add->callback([o] {
    auto role = domain::role_from_string(o->role);
    if (!role) {
      std::cerr << "error: --role must be one of: " << domain::role_names() << "\n";
      throw ExitCode{2};
    }
    std::string password;
    if (isatty(0)) std::cerr << "Password for " << o->username << ": ";
    std::getline(std::cin, password);
    auto db = open_db(o->db, 1);
    app::Service service(*db);
    app::NewAccount a;
    a.username = o->username;
    a.display_name = o->display_name;
    a.password = password;
    a.role = *role;
    if (o->worker_id) a.worker_id = o->worker_id;
    if (o->team_id) a.team_id = o->team_id;
    if (o->person_id) a.person_id = o->person_id;
    if (o->agency_id) a.agency_id = o->agency_id;
    const char* who = std::getenv("USER");
    auto id = service.create_account(a, fmt::format("cli:{}", who ? who : "operator"));
    if (!id) {
      std::cerr << "error: " << id.error().message;
      if (!id.error().field.empty()) std::cerr << " (" << id.error().field << ")";
      std::cerr << "\n";
      throw ExitCode{2};
    }
    fmt::print("account {} created (id {}, role {})\n", o->username, *id, o->role);
  });
}

void add_demo(CLI::App& root) {
  struct Opts {
    std::string db = kDefaultDb, csv, data_dir;
    long long scale = 0;
    app::ScaleOptions scale_options;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = root.add_subcommand("demo", "Add the synthetic demo agency, people and sign-ins to an empty database");
  cmd->add_option("--db", o->db, kDbHelp);
  cmd->add_option("--scale", o->scale,
                  "Instead, generate a synthetic regional dataset of N people (bulk load; see docs/deployment.md)");
  cmd->add_option("--agencies", o->scale_options.agencies, "With --scale: agencies (default 50)");
  cmd->add_option("--workers", o->scale_options.workers, "With --scale: workers, in teams of about five (default 2000)");
  cmd->add_option("--seed", o->scale_options.seed, "With --scale: random seed (default 1)");
  cmd->add_option("--csv", o->csv, "With --scale: also write every generated row to DIR/<table>.csv");
  cmd->add_option("--data-dir", o->data_dir, "Instrument definitions (default $CPI_DATA_DIR, else the source tree's data/)");
  cmd->callback([o] {
    if (o->scale > 0) {
      auto d = open_db(o->db, 1);
      const auto password = demo_password();
      auto catalogue = load_instrument_catalogue(data_dir(o->data_dir));
      auto opts = o->scale_options;
      opts.people = o->scale;
      opts.today = domain::iso_date(std::chrono::system_clock::now());
      try {
        auto r = app::seed_demo_scale(*d, password.value, opts, catalogue,
                                      [](const std::string& line) { std::cerr << line << std::endl; }, o->csv);
        fmt::print("Scale demo: {} people, {} rows in {:.1f} s ({:.0f} rows/s).\n", opts.people, r.rows, r.seconds,
                   static_cast<double>(r.rows) / std::max(r.seconds, 1e-9));
        for (const auto& [table, n] : r.rows_by_table) fmt::print("  {:<28} {}\n", table, n);
      } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        throw ExitCode{1};
      }
      print_demo_accounts(password);
      return;
    }
    auto d = open_db(o->db, 1);
    const auto password = demo_password();
    auto r = app::seed_demo(*d, password.value);
    if (!r.seeded) {
      std::cerr << "error: the database already has data; demo data goes only into an empty database\n";
      throw ExitCode{1};
    }
    fmt::print("Demo data: {} people, {} partnerships, {} contacts.\n", r.people, r.partnerships, r.contacts);
    print_demo_accounts(password);
  });
}

void add_backup(CLI::App& root) {
  auto db = std::make_shared<std::string>(kDefaultDb);
  auto file = std::make_shared<std::string>();
  auto* cmd = root.add_subcommand("backup", "Copy the database while it is in use (SQLite online backup; PostgreSQL pg_dump), then verify the copy");
  cmd->add_option("FILE", *file, "The backup file to create (must not exist)")->required();
  cmd->add_option("--db", *db, kDbHelp);
  cmd->callback([db, file] {
    auto d = open_db(*db, 1, false);
    try {
      d->backup_to(*file);
    } catch (const store::StoreError& e) {
      std::cerr << "error: " << e.what() << "\n";
      throw ExitCode{1};
    }
    if (d->backend() == store::Backend::postgresql)
      fmt::print("backup written to {} (pg_dump custom format) and verified (pg_restore reads it; schema version {})\n", *file, d->schema_version());
    else
      fmt::print("backup written to {} and verified (integrity ok, schema version {})\n", *file, d->schema_version());
  });
}

void add_restore(CLI::App& root) {
  auto db = std::make_shared<std::string>();
  auto file = std::make_shared<std::string>();
  auto* cmd = root.add_subcommand("restore", "Restore a backup made by `cpi backup` into a new SQLite file or an empty PostgreSQL database, then verify its audit log");
  cmd->add_option("FILE", *file, "The backup file")->required();
  cmd->add_option("--db", *db, "Where to restore: a new SQLite file path, or postgresql://… naming an existing, empty database")->required();
  cmd->callback([db, file] {
    try {
      store::Database::restore_from(*file, *db);
    } catch (const store::StoreError& e) {
      std::cerr << "error: " << e.what() << "\n";
      throw ExitCode{1};
    }
    auto d = open_db(*db, 1, false);
    auto v = d->read([](soci::session& s) { return store::verify_audit(s); });
    if (!v.intact) {
      fmt::print(stderr, "restored into {}, but its audit log is NOT intact: {}\n", d->location(), v.problem);
      throw ExitCode{1};
    }
    fmt::print("restored {} into {} (schema version {}; audit log intact: {} entries)\n", *file, d->location(), d->schema_version(), v.entries);
  });
}

void add_migrate_store(CLI::App& root) {
  auto from = std::make_shared<std::string>();
  auto to = std::make_shared<std::string>();
  auto* cmd = root.add_subcommand("migrate-store", "Move all data to another database (e.g. from SQLite to PostgreSQL), audit chain intact");
  cmd->add_option("--from", *from, "The database to copy: sqlite:PATH (or a path, or postgresql://…)")->required();
  cmd->add_option("--to", *to, "The new, empty database: postgresql://user@host/dbname (or a new SQLite path)")->required();
  cmd->callback([from, to] {
    auto source = open_db(*from, 2, false);
    auto source_audit = source->read([](soci::session& s) { return store::verify_audit(s); });
    if (!source_audit.intact) {
      fmt::print(stderr, "error: the audit log of {} is not intact ({}); nothing was moved\n", source->location(), source_audit.problem);
      throw ExitCode{1};
    }
    auto target = open_db(*to, 1, true);
    std::vector<store::TableCopy> copied;
    try {
      copied = store::copy_database(*source, *target);
    } catch (const std::exception& e) {
      std::cerr << "error: " << e.what() << " (nothing was written to the target)\n";
      throw ExitCode{1};
    }
    long long rows = 0;
    for (const auto& t : copied) rows += t.rows;
    auto v = target->read([](soci::session& s) { return store::verify_audit(s); });
    if (!v.intact || v.entries != source_audit.entries) {
      fmt::print(stderr, "error: copied, but the audit log on {} does not verify: {}\n", target->location(), v.problem);
      throw ExitCode{1};
    }
    fmt::print("moved {} rows in {} tables from {} to {}; audit log intact on the target: {} entries\n", rows, copied.size(),
               source->location(), target->location(), v.entries);
  });
}

void add_audit(CLI::App& root) {
  auto* audit = root.add_subcommand("audit", "Review the audit log");
  audit->require_subcommand(1);
  auto db = std::make_shared<std::string>(kDefaultDb);
  auto* verify = audit->add_subcommand("verify", "Check the audit log's hash chain; exit 0 only when it is intact");
  verify->add_option("--db", *db, kDbHelp);
  verify->callback([db] {
    auto d = open_db(*db, 1, false);
    auto v = d->read([](soci::session& s) { return store::verify_audit(s); });
    if (v.intact) {
      fmt::print("audit log intact: {} entries\n", v.entries);
      return;
    }
    fmt::print(stderr, "audit log NOT intact: {} (entries checked before the problem: {})\n", v.problem, v.entries);
    throw ExitCode{1};
  });
}

const Registration reg_init{"init", add_init};
const Registration reg_serve{"serve", add_serve};
const Registration reg_user{"user", add_user};
const Registration reg_demo{"demo", add_demo};
const Registration reg_backup{"backup", add_backup};
const Registration reg_audit{"audit", add_audit};
const Registration reg_restore{"restore", add_restore};
const Registration reg_migrate_store{"migrate-store", add_migrate_store};

}  // namespace
}  // namespace cp::cli
