// src/store/directory.cpp — SQL for the community directory (see include/cp/store/directory.hpp).
#include "cp/store/directory.hpp"

#include <fmt/format.h>

#include "cp/store/database.hpp"
#include "cp/store/key_queries.hpp"

namespace cp::store {

namespace {

const std::string& kCols = queries::kDirectoryCols;

DirectoryRow row_from(const soci::row& r) {
  DirectoryRow d;
  d.id = get_int(r, 0);
  d.agency_id = get_int(r, 1);
  d.hsds_id = get_text(r, 2);
  d.name = get_text(r, 3);
  d.capacity = get_text(r, 4);
  d.status = get_text(r, 5);
  d.confidential = get_int(r, 6) != 0;
  if (!is_null(r, 7)) d.reviewed_on = get_text(r, 7);
  d.body = get_text(r, 8);
  d.version = static_cast<int>(get_int(r, 9));
  d.created_at = get_text(r, 10);
  d.updated_at = get_text(r, 11);
  if (!is_null(r, 12)) d.updated_by = get_int(r, 12);
  d.updated_by_name = get_text(r, 13);
  return d;
}

struct Opt {
  long long i = 0;
  std::string t;
  soci::indicator ind = soci::i_null;
};
Opt opt(const std::optional<long long>& v) {
  Opt o;
  if (v) o.i = *v, o.ind = soci::i_ok;
  return o;
}
Opt opt(const std::optional<std::string>& v) {
  Opt o;
  if (v) o.t = *v, o.ind = soci::i_ok;
  return o;
}

void write_tags(soci::session& s, long long id, long long agency_id,
                const std::vector<std::string>& tags) {
  s << "DELETE FROM directory_tags WHERE resource_id = :r", soci::use(id);
  for (const auto& t : tags) {
    std::string tag = t;
    s << "INSERT INTO directory_tags (resource_id, agency_id, tag) VALUES (:r, :a, :t)",
        soci::use(id), soci::use(agency_id), soci::use(tag);
  }
}

void write_history(soci::session& s, const DirectoryRow& row, const std::string& action) {
  Opt by = opt(row.updated_by);
  std::string act = action;
  s << "INSERT INTO directory_history (resource_id, version, action, body, changed_at, changed_by, "
       "changed_by_name) VALUES (:r, :v, :a, :b, :at, :by, :n)",
      soci::use(row.id), soci::use(row.version), soci::use(act), soci::use(row.body),
      soci::use(row.updated_at), soci::use(by.i, by.ind), soci::use(row.updated_by_name);
}

std::vector<DirectoryRow> select_sql(soci::session& s, const std::string& sql, long long key,
                                     const std::vector<std::string>& texts) {
  std::vector<DirectoryRow> out;
  // At most two text parameters besides the key (the callers below).
  std::string t0 = texts.size() > 0 ? texts[0] : "", t1 = texts.size() > 1 ? texts[1] : "";
  if (texts.empty()) {
    soci::rowset<soci::row> rows = (s.prepare << sql, soci::use(key));
    for (const auto& r : rows) out.push_back(row_from(r));
  } else if (texts.size() == 1) {
    soci::rowset<soci::row> rows = (s.prepare << sql, soci::use(key), soci::use(t0));
    for (const auto& r : rows) out.push_back(row_from(r));
  } else {
    soci::rowset<soci::row> rows = (s.prepare << sql, soci::use(key), soci::use(t0), soci::use(t1));
    for (const auto& r : rows) out.push_back(row_from(r));
  }
  return out;
}

std::vector<DirectoryRow> select(soci::session& s, const std::string& where, long long key,
                                 const std::vector<std::string>& texts, const std::string& order = "name, id") {
  return select_sql(s, fmt::format("SELECT {} FROM directory_resources WHERE {} ORDER BY {}", kCols, where, order),
                    key, texts);
}

}  // namespace

std::vector<DirectoryRow> directory_resources(soci::session& s, long long agency_id,
                                              const DirectoryFilter& f) {
  std::vector<std::string> texts;
  if (!f.tag.empty()) texts.push_back(f.tag);
  if (!f.capacity.empty()) texts.push_back(f.capacity);
  return select_sql(s, queries::directory_search(!f.tag.empty(), !f.capacity.empty(), f.include_confidential),
                    agency_id, texts);
}

std::optional<DirectoryRow> directory_resource(soci::session& s, long long id) {
  auto rows = select(s, "id = :i", id, {});
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::optional<DirectoryRow> directory_resource_by_hsds(soci::session& s, long long agency_id,
                                                       const std::string& hsds_id) {
  auto rows = select(s, "agency_id = :a AND hsds_id = :h", agency_id, {hsds_id});
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

long long insert_directory_resource(soci::session& s, DirectoryRow& row,
                                    const std::vector<std::string>& tags,
                                    const std::string& action) {
  Opt rev = opt(row.reviewed_on);
  Opt by = opt(row.updated_by);
  int conf = row.confidential ? 1 : 0;
  row.version = 1;
  s << "INSERT INTO directory_resources (agency_id, hsds_id, name, capacity, status, confidential, "
       "reviewed_on, "
       "body, version, created_at, updated_at, updated_by, updated_by_name) VALUES (:a, :h, :n, "
       ":c, :st, :cf, "
       ":rv, :b, :v, :ca, :ua, :ub, :ubn)",
      soci::use(row.agency_id), soci::use(row.hsds_id), soci::use(row.name),
      soci::use(row.capacity), soci::use(row.status), soci::use(conf), soci::use(rev.t, rev.ind),
      soci::use(row.body), soci::use(row.version), soci::use(row.created_at),
      soci::use(row.updated_at), soci::use(by.i, by.ind), soci::use(row.updated_by_name);
  row.id = Database::last_insert_id(s, "directory_resources");
  write_tags(s, row.id, row.agency_id, tags);
  write_history(s, row, action);
  return row.id;
}

bool update_directory_resource(soci::session& s, DirectoryRow& row, int expected_version,
                               const std::vector<std::string>& tags, const std::string& action) {
  Opt rev = opt(row.reviewed_on);
  Opt by = opt(row.updated_by);
  int conf = row.confidential ? 1 : 0;
  const int next_version = expected_version + 1;
  // The version check and the change are one statement (store/versioned.hpp): when another
  // writer (another process, on PostgreSQL) saved first, no row changes and nothing is written.
  soci::statement st =
      (s.prepare << "UPDATE directory_resources SET hsds_id = :h, name = :n, capacity = :c, "
                    "status = :st, confidential = :cf, reviewed_on = :rv, body = :b, version = :v, "
                    "updated_at = :ua, updated_by = :ub, updated_by_name = :ubn "
                    "WHERE id = :i AND version = :ev",
       soci::use(row.hsds_id), soci::use(row.name), soci::use(row.capacity), soci::use(row.status),
       soci::use(conf), soci::use(rev.t, rev.ind), soci::use(row.body), soci::use(next_version),
       soci::use(row.updated_at), soci::use(by.i, by.ind), soci::use(row.updated_by_name),
       soci::use(row.id), soci::use(expected_version));
  st.execute(true);
  if (st.get_affected_rows() != 1) return false;
  row.version = next_version;
  write_tags(s, row.id, row.agency_id, tags);
  write_history(s, row, action);
  return true;
}

std::vector<DirectoryHistoryRow> directory_history(soci::session& s, long long resource_id) {
  std::vector<DirectoryHistoryRow> out;
  soci::rowset<soci::row> rows = (s.prepare << "SELECT version, action, body, changed_at, "
                                               "changed_by, changed_by_name FROM directory_history "
                                               "WHERE resource_id = :r ORDER BY version",
                                  soci::use(resource_id));
  for (const auto& r : rows) {
    DirectoryHistoryRow h;
    h.version = static_cast<int>(get_int(r, 0));
    h.action = get_text(r, 1);
    h.body = get_text(r, 2);
    h.changed_at = get_text(r, 3);
    if (!is_null(r, 4)) h.changed_by = get_int(r, 4);
    h.changed_by_name = get_text(r, 5);
    out.push_back(std::move(h));
  }
  return out;
}

std::vector<DirectoryRow> directory_stale(soci::session& s, long long agency_id,
                                          const std::string& before) {
  return select(s, "agency_id = :a AND (reviewed_on IS NULL OR reviewed_on < :b)", agency_id,
                {before}, "reviewed_on, name, id");
}

std::vector<std::pair<std::string, long long>> directory_tags(soci::session& s, long long agency_id,
                                                              bool include_confidential) {
  std::vector<std::pair<std::string, long long>> out;
  const std::string sql =
      std::string(
          "SELECT t.tag, COUNT(*) FROM directory_tags t JOIN directory_resources r ON "
          "r.id = t.resource_id WHERE t.agency_id = :a") +
      (include_confidential ? "" : " AND r.confidential = 0") + " GROUP BY t.tag ORDER BY t.tag";
  soci::rowset<soci::row> rows = (s.prepare << sql, soci::use(agency_id));
  for (const auto& r : rows) out.emplace_back(get_text(r, 0), get_int(r, 1));
  return out;
}

std::vector<KnowerRow> knowers_of(soci::session& s, long long resource_id) {
  std::vector<KnowerRow> out;
  soci::rowset<soci::row> rows = (s.prepare << "SELECT k.worker_id, w.display_name, w.job_title, "
                                               "w.active, k.contact_name, k.note, k.since "
                                               "FROM resource_knowers k JOIN workers w ON w.id = "
                                               "k.worker_id WHERE k.resource_id = :r "
                                               "ORDER BY w.display_name, k.worker_id",
                                  soci::use(resource_id));
  for (const auto& r : rows) {
    KnowerRow k;
    k.worker_id = get_int(r, 0);
    k.display_name = get_text(r, 1);
    k.job_title = get_text(r, 2);
    k.active = get_int(r, 3) != 0;
    k.contact_name = get_text(r, 4);
    k.note = get_text(r, 5);
    k.since = get_text(r, 6);
    out.push_back(std::move(k));
  }
  return out;
}

void add_knower(soci::session& s, long long resource_id, long long worker_id,
                const std::string& contact_name, const std::string& note,
                const std::string& since) {
  long long n = 0;
  s << "SELECT COUNT(*) FROM resource_knowers WHERE resource_id = :r AND worker_id = :w",
      soci::use(resource_id), soci::use(worker_id), soci::into(n);
  if (n > 0) {
    s << "UPDATE resource_knowers SET contact_name = :c, note = :n WHERE resource_id = :r AND "
         "worker_id = :w",
        soci::use(contact_name), soci::use(note), soci::use(resource_id), soci::use(worker_id);
  } else {
    s << "INSERT INTO resource_knowers (resource_id, worker_id, contact_name, note, since) VALUES "
         "(:r, :w, :c, :n, "
         ":s)",
        soci::use(resource_id), soci::use(worker_id), soci::use(contact_name), soci::use(note),
        soci::use(since);
  }
}

bool remove_knower(soci::session& s, long long resource_id, long long worker_id) {
  long long n = 0;
  s << "SELECT COUNT(*) FROM resource_knowers WHERE resource_id = :r AND worker_id = :w",
      soci::use(resource_id), soci::use(worker_id), soci::into(n);
  if (n == 0) return false;
  s << "DELETE FROM resource_knowers WHERE resource_id = :r AND worker_id = :w",
      soci::use(resource_id), soci::use(worker_id);
  return true;
}

}  // namespace cp::store
