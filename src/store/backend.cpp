// src/store/backend.cpp — backend differences (see backend.hpp) and the database URL parser.
#include "backend.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <cstring>
#include <fmt/format.h>

extern char** environ;

namespace cp::store {

namespace {

bool starts_with(const std::string& s, std::string_view p) { return s.rfind(p, 0) == 0; }

std::string percent_decode(const std::string& in, const std::string& url_for_errors) {
  std::string out;
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '%') {
      if (i + 2 >= in.size() || !std::isxdigit(static_cast<unsigned char>(in[i + 1])) ||
          !std::isxdigit(static_cast<unsigned char>(in[i + 2])))
        throw StoreError(fmt::format("bad %-escape in the database URL {}", url_for_errors));
      out += static_cast<char>(std::stoi(in.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += in[i];
    }
  }
  return out;
}

// A libpq connection-string value: quoted, with ' and \ escaped.
std::string quote(const std::string& v) {
  std::string out = "'";
  for (char c : v) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

bool valid_key(const std::string& k) {
  if (k.empty()) return false;
  for (char c : k)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  return true;
}

}  // namespace

bool is_postgresql_url(const std::string& url) {
  return starts_with(url, "postgresql://") || starts_with(url, "postgres://");
}

PostgresTarget parse_postgresql_url(const std::string& url) {
  if (!is_postgresql_url(url))
    throw StoreError(fmt::format("not a postgresql:// URL: {}", url));
  std::string rest = url.substr(url.find("://") + 3);
  std::string query;
  if (auto q = rest.find('?'); q != std::string::npos) {
    query = rest.substr(q + 1);
    rest = rest.substr(0, q);
  }
  std::string authority = rest, path;
  if (auto slash = rest.find('/'); slash != std::string::npos) {
    authority = rest.substr(0, slash);
    path = rest.substr(slash + 1);
  }
  std::string userinfo, hostport = authority;
  if (auto at = authority.rfind('@'); at != std::string::npos) {
    userinfo = authority.substr(0, at);
    hostport = authority.substr(at + 1);
  }
  PostgresTarget t;
  // What the operator sees (no password): rebuilt below.
  std::string user, password, host, port;
  if (!userinfo.empty()) {
    if (auto colon = userinfo.find(':'); colon != std::string::npos) {
      user = percent_decode(userinfo.substr(0, colon), "(hidden)");
      password = percent_decode(userinfo.substr(colon + 1), "(hidden)");
    } else {
      user = percent_decode(userinfo, "(hidden)");
    }
  }
  if (!hostport.empty() && hostport.front() == '[') {  // [IPv6]:port
    auto close = hostport.find(']');
    if (close == std::string::npos) throw StoreError("bad IPv6 address in the database URL");
    host = hostport.substr(1, close - 1);
    if (close + 1 < hostport.size()) {
      if (hostport[close + 1] != ':') throw StoreError("bad host in the database URL");
      port = hostport.substr(close + 2);
    }
  } else if (auto colon = hostport.rfind(':'); colon != std::string::npos) {
    host = percent_decode(hostport.substr(0, colon), "(hidden)");
    port = hostport.substr(colon + 1);
  } else {
    host = percent_decode(hostport, "(hidden)");
  }
  for (char c : port)
    if (!std::isdigit(static_cast<unsigned char>(c)))
      throw StoreError(fmt::format("the port in the database URL is not a number: {}", port));
  const std::string dbname = percent_decode(path, "(hidden)");

  std::vector<std::pair<std::string, std::string>> kv;
  if (!host.empty()) kv.emplace_back("host", host);
  if (!port.empty()) kv.emplace_back("port", port);
  if (!dbname.empty()) kv.emplace_back("dbname", dbname);
  if (!user.empty()) kv.emplace_back("user", user);
  if (!password.empty()) kv.emplace_back("password", password);
  std::string shown_query;
  size_t start = 0;
  while (start < query.size()) {
    size_t end = query.find('&', start);
    if (end == std::string::npos) end = query.size();
    const std::string pair = query.substr(start, end - start);
    start = end + 1;
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    const std::string key = percent_decode(pair.substr(0, eq), "(hidden)");
    const std::string value = eq == std::string::npos ? "" : percent_decode(pair.substr(eq + 1), "(hidden)");
    if (!valid_key(key)) throw StoreError(fmt::format("bad parameter '{}' in the database URL", key));
    kv.emplace_back(key, value);
    if (key != "password") shown_query += (shown_query.empty() ? "?" : "&") + pair;
  }
  for (const auto& [k, v] : kv) {
    const std::string item = k + "=" + quote(v);
    t.conninfo += (t.conninfo.empty() ? "" : " ") + item;
    if (k == "password")
      t.password = v;
    else
      t.conninfo_without_password += (t.conninfo_without_password.empty() ? "" : " ") + item;
  }
  t.display = fmt::format("postgresql://{}{}{}{}/{}{}", user, user.empty() ? "" : "@",
                          host.find(':') != std::string::npos ? "[" + host + "]" : host,
                          port.empty() ? "" : ":" + port, dbname, shown_query);
  t.dbname = dbname;
  return t;
}

namespace backend {

namespace {
std::string sqlite_conn_string(const std::string& path) {
  // SOCI's sqlite3 backend parses "db=… timeout=…"; quote the path in case it has spaces.
  return fmt::format("db=\"{}\" timeout=10 shared_cache=false", path);
}
}  // namespace

Backend of(soci::session& s) {
  return s.get_backend_name() == "postgresql" ? Backend::postgresql : Backend::sqlite;
}

std::unique_ptr<soci::session> connect(Backend b, const std::string& location) {
  if (b == Backend::sqlite) {
    auto s = std::make_unique<soci::session>(*soci::factory_sqlite3(), sqlite_conn_string(location));
    *s << "PRAGMA journal_mode = WAL";
    *s << "PRAGMA foreign_keys = ON";
    *s << "PRAGMA synchronous = NORMAL";
    *s << "PRAGMA busy_timeout = 10000";
    return s;
  }
  auto s = std::make_unique<soci::session>(*soci::factory_postgresql(), location);
  // Dates are TEXT (ISO 8601) in the schema; keep the session's own settings predictable.
  *s << "SET client_encoding = 'UTF8'";
  *s << "SET TIME ZONE 'UTC'";
  return s;
}

const char* begin_write(Backend b) {
  return b == Backend::sqlite ? "BEGIN IMMEDIATE" : "BEGIN ISOLATION LEVEL READ COMMITTED";
}

const char* begin_read_snapshot(Backend b) {
  return b == Backend::sqlite ? "BEGIN DEFERRED" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
}

bool refuses_writes(soci::session& s) {
  if (of(s) == Backend::sqlite) return false;
  int read_only = 0;
  s << "SELECT CASE WHEN pg_is_in_recovery() OR current_setting('transaction_read_only') = 'on' "
       "THEN 1 ELSE 0 END",
      soci::into(read_only);
  return read_only != 0;
}

const char* audit_head_lock_clause(Backend b) { return b == Backend::sqlite ? "" : " FOR UPDATE"; }

bool is_unique_violation(const soci::soci_error& e) {
  if (const auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&e))
    return pg->sqlstate() == "23505";
  if (const auto* lite = dynamic_cast<const soci::sqlite3_soci_error*>(&e))
    return (lite->result() & 0xff) == 19;  // SQLITE_CONSTRAINT (any extended code)
  return false;
}

long long last_insert_id(soci::session& s, const std::string& table) {
  long long id = 0;
  if (of(s) == Backend::postgresql) {
    // currval is per session, so other connections' inserts cannot interfere.
    soci::indicator ind = soci::i_ok;
    s << "SELECT currval(pg_get_serial_sequence(:t, 'id'))", soci::use(table), soci::into(id, ind);
    if (ind != soci::i_ok) throw StoreError(fmt::format("could not read the new id in {}", table));
    return id;
  }
  if (!s.get_last_insert_id(table, id))
    throw StoreError(fmt::format("could not read the new id in {}", table));
  return id;
}

bool table_exists(soci::session& s, const std::string& table) {
  int n = 0;
  if (of(s) == Backend::postgresql)
    s << "SELECT COUNT(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND "
         "tablename = :t",
        soci::use(table), soci::into(n);
  else
    s << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = :t", soci::use(table),
        soci::into(n);
  return n > 0;
}

namespace {
constexpr long long kMigrationLockKey = 0x63706d6967;  // "cpmig"
}

void migration_lock(soci::session& s) {
  if (of(s) == Backend::postgresql) s << "SELECT pg_advisory_lock(" + std::to_string(kMigrationLockKey) + ")";
}

void migration_unlock(soci::session& s) noexcept {
  try {
    if (of(s) == Backend::postgresql)
      s << "SELECT pg_advisory_unlock(" + std::to_string(kMigrationLockKey) + ")";
  } catch (...) {
    // The lock goes with the session at the latest.
  }
}

int run_pg_tool(const std::string& program, const std::vector<std::string>& args,
                const PostgresTarget& target, std::string& output) {
  std::string path = program;
  if (const char* dir = std::getenv("CP_PG_BINDIR"); dir && *dir) path = std::string(dir) + "/" + program;
  std::vector<std::string> argv_s{path};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  argv_s.push_back("--dbname=" + target.conninfo_without_password);
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  // The environment, with PGPASSWORD set (or removed, so a stray one is not used).
  std::vector<std::string> env_s;
  for (char** e = environ; *e; ++e)
    if (std::strncmp(*e, "PGPASSWORD=", 11) != 0) env_s.emplace_back(*e);
  if (!target.password.empty()) env_s.push_back("PGPASSWORD=" + target.password);
  std::vector<char*> envp;
  for (auto& e : env_s) envp.push_back(e.data());
  envp.push_back(nullptr);

  int pipe_fd[2];
  if (pipe(pipe_fd) != 0) return -1;
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addclose(&fa, pipe_fd[0]);
  posix_spawn_file_actions_adddup2(&fa, pipe_fd[1], 1);
  posix_spawn_file_actions_adddup2(&fa, pipe_fd[1], 2);
  posix_spawn_file_actions_addclose(&fa, pipe_fd[1]);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, path.c_str(), &fa, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&fa);
  close(pipe_fd[1]);
  if (rc != 0) {
    close(pipe_fd[0]);
    output = fmt::format("cannot run {}: {}", path, std::strerror(rc));
    return -1;
  }
  char buf[4096];
  ssize_t n;
  while ((n = read(pipe_fd[0], buf, sizeof buf)) > 0) output.append(buf, static_cast<size_t>(n));
  close(pipe_fd[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace backend
}  // namespace cp::store
