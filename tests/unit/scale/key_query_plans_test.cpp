// tests/unit/scale/key_query_plans_test.cpp — issue 8 part 4: the key queries (caseload, person
// page, directory search, due assessments, analysis dataset; store::key_queries(), the exact SQL
// the store runs) are index-backed on a generated regional dataset. SQLite: EXPLAIN QUERY PLAN
// shows no SCAN of a big table (only SEARCH … USING [COVERING] INDEX / PRIMARY KEY). PostgreSQL:
// EXPLAIN (FORMAT JSON) after ANALYZE shows no Seq Scan of a big table. The dataset (20,000
// people, about 340,000 rows) is generated and bulk-loaded through the same library code as
// `cpi demo --scale`, so that PostgreSQL's planner, which prefers a sequential scan on small
// tables, faces realistic row counts.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <regex>
#include <set>

#include "cp/app/demo_scale.hpp"
#include "cp/store/bulk_loader.hpp"
#include "cp/store/key_queries.hpp"
#include "support/test_db.hpp"

namespace {

using cp::testing::TestDb;

// Tables that grow with the number of people (or resources): never read whole.
const std::set<std::string> kBig{"people", "partnerships", "episodes", "contacts", "network_maps", "network_members",
                                 "network_map_members", "network_map_ties", "questionnaire_responses",
                                 "study_participants", "study_consent_events", "directory_resources", "directory_tags",
                                 "record_history", "assets", "goals", "objectives", "activities", "ideas", "engagements",
                                 "barriers", "recognition", "audit_log", "accounts"};

// The query's :parameters as literals (EXPLAIN on PostgreSQL needs values).
std::string with_literals(const std::string& sql) {
  static const std::map<std::string, std::string> values{{"t", "'walking'"}, {"c", "'open'"}, {"l", "100"}};
  std::string out;
  std::regex param(":([a-z_]+)");
  std::sregex_iterator it(sql.begin(), sql.end(), param), end;
  std::size_t last = 0;
  for (; it != end; ++it) {
    out += sql.substr(last, static_cast<std::size_t>(it->position()) - last);
    auto v = values.find((*it)[1].str());
    out += v == values.end() ? "1" : v->second;
    last = static_cast<std::size_t>(it->position() + it->length());
  }
  return out + sql.substr(last);
}

// The table behind each alias or name in a query: "FROM partnerships p JOIN people pe …".
std::map<std::string, std::string> aliases(const std::string& sql) {
  std::map<std::string, std::string> out;
  std::regex from("(?:FROM|JOIN) ([a-z_]+)(?: ([a-z]+))?");
  for (std::sregex_iterator it(sql.begin(), sql.end(), from), end; it != end; ++it) {
    out[(*it)[1].str()] = (*it)[1].str();
    const std::string alias = (*it)[2].str();
    if (!alias.empty() && alias != "ON" && alias != "WHERE" && alias != "ORDER" && alias != "GROUP")
      out[alias] = (*it)[1].str();
  }
  return out;
}

void collect_seq_scans(const nlohmann::json& node, std::vector<std::string>& out) {
  if (node.is_object()) {
    if (node.value("Node Type", "") == "Seq Scan") out.push_back(node.value("Relation Name", "?"));
    if (node.contains("Plans"))
      for (const auto& c : node["Plans"]) collect_seq_scans(c, out);
    if (node.contains("Plan")) collect_seq_scans(node["Plan"], out);
  } else if (node.is_array()) {
    for (const auto& c : node) collect_seq_scans(c, out);
  }
}

cp::app::ScaleOptions small_region() {
  cp::app::ScaleOptions o;
  o.people = 20'000;
  o.agencies = 50;      // ten studies, 400 teams: each reads a small share, as in a region
  o.workers = 2'000;
  o.resources_per_agency = 100;  // a directory big enough that the tag index is worth using  // a directory big enough that the tag index is worth using
  o.seed = 7;
  o.today = "2026-06-01";
  return o;
}

// A stand-in answer pool (two instruments): the plans do not depend on the answers' content.
std::vector<cp::app::ScoredAnswers> pool() {
  return {{"swemwbs", "1", R"({"a":1})", R"({"scores":{"raw":20}})"},
          {"eq5d-5l", "1", R"({"b":2})", R"({"scores":{"vas":70}})"}};
}

long long load(cp::store::Database& db, const cp::app::ScaleOptions& o) {
  cp::app::ScaleGenerator gen(o, pool(), "not-a-real-hash");
  return db.read([&](soci::session& s) {
    auto loader = cp::store::BulkLoader::open(s);
    for (const auto& t : gen.structure()) loader->load(t);
    for (long long first = 0; first < o.people; first += o.batch_people)
      for (const auto& t : gen.people(first, o.batch_people)) loader->load(t);
    for (const auto& t : gen.sign_ins()) loader->load(t);
    loader->finish(cp::app::ScaleGenerator::tables_with_ids());
    return loader->rows_loaded();
  });
}

// One generated database (loading it is most of the time; one test, so it is loaded once).
class KeyQueryPlans : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tdb_ = new TestDb();
    db_ = cp::store::Database::open(tdb_->url()).release();
    rows_ = load(*db_, small_region());
  }
  static void TearDownTestSuite() {
    delete db_;
    delete tdb_;
  }
  static TestDb* tdb_;
  static cp::store::Database* db_;
  static long long rows_;
};
TestDb* KeyQueryPlans::tdb_ = nullptr;
cp::store::Database* KeyQueryPlans::db_ = nullptr;
long long KeyQueryPlans::rows_ = 0;

TEST_F(KeyQueryPlans, EveryKeyQueryIsIndexBackedOnARegionalDataset) {
  auto& tdb = *tdb_;
  auto* db = db_;
  ASSERT_GT(rows_, 300'000);
  const auto queries = cp::store::key_queries();
  ASSERT_GE(queries.size(), 25u);
  std::set<std::string> operations;
  for (const auto& q : queries) {
    operations.insert(q.operation);
    const std::string sql = with_literals(q.sql);
    SCOPED_TRACE(q.name + ": " + sql);
    db->read([&](soci::session& s) {
      if (!tdb.postgresql()) {
        const auto names = aliases(q.sql);
        soci::rowset<soci::row> plan = (s.prepare << "EXPLAIN QUERY PLAN " + sql);
        int steps = 0;
        for (const auto& r : plan) {
          const std::string detail = r.get<std::string>(3);
          ++steps;
          std::smatch m;
          static const std::regex scan("^SCAN ([a-z_]+)");
          if (std::regex_search(detail, m, scan)) {
            const auto it = names.find(m[1].str());
            const std::string table = it == names.end() ? m[1].str() : it->second;
            EXPECT_FALSE(kBig.count(table)) << q.name << " reads the whole of " << table << ": " << detail;
          }
        }
        EXPECT_GT(steps, 0);
      } else {
        std::string text;
        s << "EXPLAIN (FORMAT JSON) " + sql, soci::into(text);
        const auto plan = nlohmann::json::parse(text);
        std::vector<std::string> seq;
        collect_seq_scans(plan, seq);
        for (const auto& t : seq) EXPECT_FALSE(kBig.count(t)) << q.name << " has a Seq Scan on " << t << ": " << text;
        EXPECT_TRUE(plan.is_array() && plan[0].contains("Plan"));
      }
    });
  }
  EXPECT_EQ(operations, (std::set<std::string>{"caseload", "person page", "directory search", "due assessments",
                                               "analysis dataset"}));
  // The checker itself: a query with no usable index is caught (so the checks above can fail).
  const std::string sql = "SELECT id FROM contacts WHERE note = 'nothing like this'";
  db->read([&](soci::session& s) {
    if (!tdb.postgresql()) {
      soci::rowset<soci::row> plan = (s.prepare << "EXPLAIN QUERY PLAN " + sql);
      bool scanned = false;
      for (const auto& r : plan) scanned = scanned || r.get<std::string>(3).rfind("SCAN contacts", 0) == 0;
      EXPECT_TRUE(scanned);
    } else {
      std::string text;
      s << "EXPLAIN (FORMAT JSON) " + sql, soci::into(text);
      std::vector<std::string> seq;
      collect_seq_scans(nlohmann::json::parse(text), seq);
      EXPECT_EQ(seq, std::vector<std::string>{"contacts"});
    }
  });
}

}  // namespace
