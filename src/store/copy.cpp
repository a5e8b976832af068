// src/store/copy.cpp — copy_database: all rows of every table, in foreign-key order.
#include "cp/store/copy.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "backend.hpp"
#include "cp/store/migrations.hpp"

namespace cp::store {

namespace {

// Tables of the schema with the tables each one refers to (foreign keys).
std::map<std::string, std::set<std::string>> tables_and_references(soci::session& s) {
  std::map<std::string, std::set<std::string>> out;
  std::vector<std::string> names;
  if (backend::of(s) == Backend::sqlite) {
    soci::rowset<std::string> rows =
        (s.prepare << "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
    for (const auto& n : rows) names.push_back(n);
    for (const auto& n : names) {
      out[n];
      soci::rowset<soci::row> fks = (s.prepare << "PRAGMA foreign_key_list(\"" + n + "\")");
      for (const auto& r : fks) out[n].insert(get_text(r, 2));
    }
  } else {
    soci::rowset<std::string> rows =
        (s.prepare << "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema()");
    for (const auto& n : rows) out[n];
    soci::rowset<soci::row> fks =
        (s.prepare << "SELECT c.conrelid::regclass::text, c.confrelid::regclass::text FROM "
                      "pg_catalog.pg_constraint c JOIN pg_catalog.pg_namespace ns ON ns.oid = "
                      "c.connamespace WHERE c.contype = 'f' AND ns.nspname = current_schema()");
    for (const auto& r : fks) out[get_text(r, 0)].insert(get_text(r, 1));
  }
  return out;
}

std::vector<std::string> dependency_order(std::map<std::string, std::set<std::string>> refs) {
  std::vector<std::string> order;
  std::set<std::string> done;
  while (done.size() < refs.size()) {
    bool progress = false;
    for (const auto& [t, deps] : refs) {
      if (done.count(t)) continue;
      bool ready = true;
      for (const auto& d : deps)
        if (d != t && !done.count(d) && refs.count(d)) ready = false;
      if (ready) {
        order.push_back(t);
        done.insert(t);
        progress = true;
      }
    }
    if (!progress) throw StoreError("the schema's foreign keys form a cycle; cannot order the copy");
  }
  return order;
}

std::vector<std::string> columns_of(soci::session& s, const std::string& table) {
  std::vector<std::string> cols;
  if (backend::of(s) == Backend::sqlite) {
    soci::rowset<soci::row> rows = (s.prepare << "PRAGMA table_info(\"" + table + "\")");
    for (const auto& r : rows) cols.push_back(get_text(r, 1));
  } else {
    soci::rowset<std::string> rows =
        (s.prepare << "SELECT column_name FROM information_schema.columns WHERE table_schema = "
                      "current_schema() AND table_name = :t ORDER BY ordinal_position",
         soci::use(table));
    for (const auto& c : rows) cols.push_back(c);
  }
  return cols;
}

std::string quoted(const std::string& name) { return "\"" + name + "\""; }

}  // namespace

std::vector<TableCopy> copy_database(Database& from, Database& to) {
  if (from.schema_version() != to.schema_version())
    throw StoreError(fmt::format("schema versions differ ({} and {}); open both with this cpi first",
                                 from.schema_version(), to.schema_version()));
  const auto order = from.read([](soci::session& s) { return dependency_order(tables_and_references(s)); });
  // Written by the target's own migrations: schema_migrations (same versions) and audit_head
  // (its one row is replaced below).
  const std::set<std::string> skip{"schema_migrations"};
  std::vector<TableCopy> result;
  to.write([&](soci::session& t) {
    const auto target_tables = tables_and_references(t);
    for (const auto& table : order) {
      if (skip.count(table)) continue;
      if (!target_tables.count(table))
        throw StoreError(fmt::format("table {} is missing on the target", table));
      if (table != "audit_head") {
        long long existing = 0;
        t << "SELECT COUNT(*) FROM " + quoted(table), soci::into(existing);
        if (existing != 0)
          throw StoreError(fmt::format("the target already has data (table {}); move into a new, empty database", table));
      } else {
        long long entries = 0;
        t << "SELECT entries FROM audit_head WHERE id = 1", soci::into(entries);
        if (entries != 0) throw StoreError("the target's audit log is not empty; move into a new, empty database");
        t << "DELETE FROM audit_head";
      }
    }
    for (const auto& table : order) {
      if (skip.count(table)) continue;
      const auto cols = from.read([&](soci::session& s) { return columns_of(s, table); });
      const auto target_cols = columns_of(t, table);
      if (std::set<std::string>(cols.begin(), cols.end()) != std::set<std::string>(target_cols.begin(), target_cols.end()))
        throw StoreError(fmt::format("table {} has different columns on the target", table));
      std::string names, params;
      for (size_t i = 0; i < cols.size(); ++i) {
        names += (i ? ", " : "") + quoted(cols[i]);
        params += (i ? ", :v" : ":v") + std::to_string(i);
      }
      const bool has_id = std::find(cols.begin(), cols.end(), "id") != cols.end();
      const std::string insert = "INSERT INTO " + quoted(table) + " (" + names + ") VALUES (" + params + ")";
      // Values travel as text: PostgreSQL types each parameter from its column; SQLite's column
      // affinity turns numeric text back into numbers.
      std::vector<std::string> values(cols.size());
      std::vector<soci::indicator> inds(cols.size());
      soci::statement st = (t.prepare << insert);
      for (size_t i = 0; i < cols.size(); ++i) st.exchange(soci::use(values[i], inds[i]));
      st.define_and_bind();
      long long n = 0;
      from.read([&](soci::session& s) {
        soci::rowset<soci::row> rows =
            (s.prepare << "SELECT " + names + " FROM " + quoted(table) + (has_id ? " ORDER BY id" : ""));
        for (const auto& r : rows) {
          for (size_t i = 0; i < cols.size(); ++i) {
            inds[i] = is_null(r, i) ? soci::i_null : soci::i_ok;
            values[i] = inds[i] == soci::i_null ? std::string() : get_text(r, i);
          }
          st.execute(true);
          ++n;
        }
      });
      if (has_id && backend::of(t) == Backend::postgresql) {
        // The next new row continues after the copied ids.
        t << "SELECT setval(seq, (SELECT COALESCE(MAX(id), 0) + 1 FROM " + quoted(table) +
                 "), false) FROM (SELECT pg_get_serial_sequence(:t, 'id') AS seq) q WHERE seq IS NOT NULL",
            soci::use(table);
      }
      result.push_back({table, n});
    }
  });
  return result;
}

}  // namespace cp::store
