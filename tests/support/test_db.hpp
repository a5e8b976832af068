// tests/support/test_db.hpp — a fresh, empty database for one test, on the backend this test
// run targets, so that store and app tests run on both SQLite and PostgreSQL (issue 8).
//
// CTest registers the store and app test executables twice (cmake/layers.cmake): once as is
// (SQLite: a file in a temporary folder) and once, suffixed ".pg", with CP_TEST_PG_URL_FILE
// naming the file where the throwaway cluster (scripts/pg_test_cluster.sh, a CTest fixture)
// wrote its admin URL. CP_TEST_PG_URL=postgresql://…/postgres (a superuser's URL) runs the tests
// against a server of your own instead. Each
// TestDb on PostgreSQL is its own database (CREATE DATABASE … ; dropped at the end), so tests
// stay independent and can run in parallel. When PostgreSQL is asked for and cannot be reached,
// the constructor throws: the test fails, loudly, instead of passing on SQLite.
//
//   cp::testing::TestDb tdb;
//   auto db = cp::store::Database::open(tdb.url());
//   if (tdb.postgresql()) { … backend-specific checks … }
#pragma once

#include <soci/soci.h>
#include <soci/postgresql/soci-postgresql.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <random>
#include <stdexcept>
#include <string>

#include "cp/store/database.hpp"
#include "support/temp_dir.hpp"

namespace cp::testing {

// True when this run targets PostgreSQL (CP_TEST_PG_URL_FILE or CP_TEST_PG_URL set).
inline bool testing_postgresql() {
  const char* f = std::getenv("CP_TEST_PG_URL_FILE");
  const char* u = std::getenv("CP_TEST_PG_URL");
  return (f && *f) || (u && *u);
}

// The throwaway cluster's admin URL (…/postgres); throws when there is none.
inline std::string test_pg_admin_url() {
  if (const char* u = std::getenv("CP_TEST_PG_URL"); u && *u) return u;
  const char* f = std::getenv("CP_TEST_PG_URL_FILE");
  if (!f || !*f) throw std::runtime_error("neither CP_TEST_PG_URL nor CP_TEST_PG_URL_FILE is set");
  std::ifstream in(f);
  std::string url;
  if (!in || !std::getline(in, url) || url.empty())
    throw std::runtime_error(std::string("PostgreSQL test cluster is not running: no URL in ") + f +
                             " (the pg_cluster_start fixture failed or did not run; see "
                             "scripts/pg_test_cluster.sh)");
  return url;
}

// postgresql://user@host:port/postgres → the same URL with another database name.
inline std::string with_database(const std::string& admin_url, const std::string& dbname) {
  const auto scheme = admin_url.find("://");
  const auto slash = admin_url.find('/', scheme + 3);
  const auto query = admin_url.find('?', scheme + 3);
  std::string base = admin_url.substr(0, slash == std::string::npos ? query : slash);
  std::string q = query == std::string::npos ? "" : admin_url.substr(query);
  return base + "/" + dbname + q;
}

// The libpq connection string for a postgresql:// URL (the store's own parser).
inline std::string admin_conninfo(const std::string& url) {
  return cp::store::parse_postgresql_url(url).conninfo;
}

class TestDb {
 public:
  TestDb() : postgresql_(testing_postgresql()) {
    if (!postgresql_) {
      url_ = dir_.file("test.db");
      return;
    }
    admin_url_ = test_pg_admin_url();
    static std::atomic<int> counter{0};
    std::random_device rd;
    name_ = "cpt_" + std::to_string(getpid()) + "_" + std::to_string(counter++) + "_" +
            std::to_string(rd() % 1000000);
    try {
      soci::session admin(*soci::factory_postgresql(), admin_conninfo(admin_url_));
      admin << "CREATE DATABASE " + name_ + " TEMPLATE template0 ENCODING 'UTF8'";
    } catch (const std::exception& e) {
      throw std::runtime_error("cannot create a PostgreSQL test database at " + admin_url_ + ": " +
                               e.what());
    }
    url_ = with_database(admin_url_, name_);
  }
  ~TestDb() {
    if (!postgresql_ || name_.empty()) return;
    try {
      soci::session admin(*soci::factory_postgresql(), admin_conninfo(admin_url_));
      admin << "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)";
    } catch (...) {
      // The cluster is thrown away after the run anyway.
    }
  }
  TestDb(const TestDb&) = delete;
  TestDb& operator=(const TestDb&) = delete;

  const std::string& url() const { return url_; }
  bool postgresql() const { return postgresql_; }
  // A folder for other files the test needs (backups, exports).
  const TempDir& dir() const { return dir_; }

 private:
  bool postgresql_;
  TempDir dir_;
  std::string admin_url_, name_, url_;
};

}  // namespace cp::testing
