// src/store/practice_records.cpp — SQL of the co-produced CPI record (see practice_records.hpp).
#include "cp/store/practice_records.hpp"

#include <fmt/format.h>

#include <deque>

#include "cp/store/database.hpp"
#include "cp/store/key_queries.hpp"

namespace cp::store {

using nlohmann::json;

namespace {

const std::string& kCommonCols = queries::kRecordCommonCols;
constexpr std::size_t kCommonCount = 11;

std::optional<long long> opt_int(const soci::row& r, std::size_t i) {
  if (is_null(r, i)) return std::nullopt;
  return get_int(r, i);
}

// ", a, b, c": a record kind's own columns, after the common ones.
std::string own_columns(const std::vector<Column>& cols) {
  std::string out;
  for (const auto& c : cols) out += ", " + c.name;
  return out;
}

std::string select_sql(const std::string& table, const std::vector<Column>& cols) {
  return "SELECT " + kCommonCols + own_columns(cols) + " FROM " + table;
}

RecordRow record_from(const soci::row& r, const std::vector<Column>& cols) {
  RecordRow row;
  row.id = get_int(r, 0);
  row.person_id = get_int(r, 1);
  row.version = static_cast<int>(get_int(r, 2));
  row.created_at = get_text(r, 3);
  row.created_by = {opt_int(r, 4), get_text(r, 5), get_text(r, 6)};
  row.updated_at = get_text(r, 7);
  row.updated_by = {opt_int(r, 8), get_text(r, 9), get_text(r, 10)};
  for (std::size_t i = 0; i < cols.size(); ++i) {
    const std::size_t k = kCommonCount + i;
    if (is_null(r, k))
      row.fields[cols[i].name] = nullptr;
    else if (cols[i].integer)
      row.fields[cols[i].name] = get_int(r, k);
    else
      row.fields[cols[i].name] = get_text(r, k);
  }
  return row;
}

// Positional parameters for statements whose columns vary: each add_* returns the placeholder
// to write into the SQL, in the order the values were added.
class Params {
 public:
  std::string text(std::optional<std::string> v) {
    P& p = next();
    if (v) p.t = *v; else p.ind = soci::i_null;
    p.type = 0;
    return name();
  }
  std::string integer(std::optional<long long> v) {
    P& p = next();
    if (v) p.i = *v; else p.ind = soci::i_null;
    p.type = 1;
    return name();
  }
  std::string real(std::optional<double> v) {
    P& p = next();
    if (v) p.d = *v; else p.ind = soci::i_null;
    p.type = 2;
    return name();
  }
  // A JSON scalar (string, integer or null) as a TEXT or BIGINT column.
  std::string scalar(const json& v, bool is_integer) {
    if (is_integer) return integer(v.is_null() ? std::nullopt : std::optional<long long>(v.get<long long>()));
    return text(v.is_null() ? std::nullopt : std::optional<std::string>(v.get<std::string>()));
  }
  // Placeholders joined by commas. A braced list is evaluated left to right, so the values are
  // added in the order their placeholders appear (operands of + have no such order).
  static std::string csv(std::initializer_list<std::string> v) {
    std::string out;
    for (const auto& x : v) out += (out.empty() ? "" : ", ") + x;
    return out;
  }
  // Runs the statement; returns the number of rows it changed.
  long long run(soci::session& s, const std::string& sql) {
    soci::statement st(s);
    for (auto& p : ps_) {
      if (p.type == 0) st.exchange(soci::use(p.t, p.ind));
      else if (p.type == 1) st.exchange(soci::use(p.i, p.ind));
      else st.exchange(soci::use(p.d, p.ind));
    }
    st.alloc();
    st.prepare(sql);
    st.define_and_bind();
    st.execute(true);
    return st.get_affected_rows();
  }

 private:
  struct P {
    int type = 0;
    std::string t;
    long long i = 0;
    double d = 0;
    soci::indicator ind = soci::i_ok;
  };
  P& next() { return ps_.emplace_back(); }
  std::string name() { return ":p" + std::to_string(ps_.size()); }
  std::deque<P> ps_;
};

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}
std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < s.size()) {
    std::size_t end = s.find(',', start);
    if (end == std::string::npos) end = s.size();
    if (end > start) out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace

long long insert_record(soci::session& s, const std::string& table, const std::vector<Column>& cols,
                        const RecordRow& row, const Actor& by, const std::string& now) {
  std::string names = "person_id, version, created_at, created_by, created_by_name, created_by_role, "
                      "updated_at, updated_by, updated_by_name, updated_by_role";
  Params p;
  std::string places = Params::csv({p.integer(row.person_id), "1", p.text(now), p.integer(by.account_id),
                                    p.text(by.display_name), p.text(by.role), p.text(now), p.integer(by.account_id),
                                    p.text(by.display_name), p.text(by.role)});
  for (const auto& c : cols) {
    names += ", " + c.name;
    places += ", ";
    places += p.scalar(row.fields.contains(c.name) ? row.fields.at(c.name) : json(nullptr), c.integer);
  }
  p.run(s, fmt::format("INSERT INTO {} ({}) VALUES ({})", table, names, places));
  return Database::last_insert_id(s, table);
}

bool update_record(soci::session& s, const std::string& table, const std::vector<Column>& cols,
                   const RecordRow& row, const Actor& by, const std::string& now) {
  Params p;
  std::string sets = "version = ";
  sets += p.integer(row.version + 1);
  sets += ", updated_at = ";
  sets += p.text(now);
  sets += ", updated_by = ";
  sets += p.integer(by.account_id);
  sets += ", updated_by_name = ";
  sets += p.text(by.display_name);
  sets += ", updated_by_role = ";
  sets += p.text(by.role);
  for (const auto& c : cols) {
    sets += ", " + c.name + " = ";
    sets += p.scalar(row.fields.contains(c.name) ? row.fields.at(c.name) : json(nullptr), c.integer);
  }
  // The version check and the change are one statement (as store::update_versioned), so two
  // writers holding the same version cannot both succeed, on either backend.
  std::string where = "id = ";
  where += p.integer(row.id);
  where += " AND version = ";
  where += p.integer(row.version);
  return p.run(s, fmt::format("UPDATE {} SET {} WHERE {}", table, sets, where)) == 1;
}

std::optional<RecordRow> record_by_id(soci::session& s, const std::string& table,
                                      const std::vector<Column>& cols, long long id) {
  soci::rowset<soci::row> rows = (s.prepare << select_sql(table, cols) + " WHERE id = :i", soci::use(id));
  for (const auto& r : rows) return record_from(r, cols);
  return std::nullopt;
}

std::vector<RecordRow> records_of_person(soci::session& s, const std::string& table,
                                         const std::vector<Column>& cols, long long person_id) {
  std::vector<RecordRow> out;
  soci::rowset<soci::row> rows =
      (s.prepare << queries::records_of_person(table, own_columns(cols)), soci::use(person_id));
  for (const auto& r : rows) out.push_back(record_from(r, cols));
  return out;
}

void append_history(soci::session& s, const std::string& record_type, long long record_id,
                    long long person_id, int version, const std::string& at, const Actor& by,
                    const std::string& change, const std::string& data_json) {
  Params p;
  const std::string places =
      Params::csv({p.text(record_type), p.integer(record_id), p.integer(person_id), p.integer(version), p.text(at),
                   p.integer(by.account_id), p.text(by.display_name), p.text(by.role), p.text(change),
                   p.text(data_json)});
  p.run(s, "INSERT INTO record_history (record_type, record_id, person_id, version, changed_at, changed_by, "
           "changed_by_name, changed_by_role, change_kind, data_json) VALUES (" + places + ")");
}

std::vector<HistoryRow> history_of(soci::session& s, const std::string& record_type,
                                   long long record_id) {
  std::vector<HistoryRow> out;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT version, changed_at, changed_by, changed_by_name, changed_by_role, "
                    "change_kind, data_json FROM record_history WHERE record_type = :t AND "
                    "record_id = :r ORDER BY version",
       soci::use(record_type), soci::use(record_id));
  for (const auto& r : rows) {
    HistoryRow h;
    h.version = static_cast<int>(get_int(r, 0));
    h.changed_at = get_text(r, 1);
    h.changed_by = {opt_int(r, 2), get_text(r, 3), get_text(r, 4)};
    h.change = get_text(r, 5);
    h.data_json = get_text(r, 6);
    out.push_back(std::move(h));
  }
  return out;
}

std::map<std::string, std::string> last_change_by_type(soci::session& s, long long person_id) {
  std::map<std::string, std::string> out;
  soci::rowset<soci::row> rows =
      (s.prepare << queries::kLastChangeByType, soci::use(person_id));
  for (const auto& r : rows) out[get_text(r, 0)] = get_text(r, 1);
  return out;
}

MapContent map_content(soci::session& s, long long map_id) {
  MapContent c;
  {
    soci::rowset<soci::row> rows =
        (s.prepare << queries::kMapMembers, soci::use(map_id));
    for (const auto& r : rows) {
      MapMemberRow m;
      m.member_id = get_int(r, 0);
      m.name = get_text(r, 1);
      m.kind = get_text(r, 2);
      m.relation = get_text(r, 3);
      m.ring = get_text(r, 4);
      m.support_to_person = split(get_text(r, 5));
      m.support_from_person = split(get_text(r, 6));
      m.frequency = get_text(r, 7);
      m.resource_id = opt_int(r, 8);
      for (std::size_t i : {9u, 10u}) {
        std::optional<double> d;
        if (!is_null(r, i)) {
          const auto t = r.get_properties(i).get_data_type();
          d = t == soci::dt_double ? r.get<double>(i) : static_cast<double>(get_int(r, i));
        }
        (i == 9 ? m.x : m.y) = d;
      }
      c.members.push_back(std::move(m));
    }
  }
  soci::rowset<soci::row> ties =
      (s.prepare << queries::kMapTies, soci::use(map_id));
  for (const auto& r : ties) c.ties.emplace_back(get_int(r, 0), get_int(r, 1));
  return c;
}

void replace_map_content(soci::session& s, long long map_id, const MapContent& c) {
  s << "DELETE FROM network_map_ties WHERE map_id = :m", soci::use(map_id);
  s << "DELETE FROM network_map_members WHERE map_id = :m", soci::use(map_id);
  int position = 0;
  for (const auto& m : c.members) {
    Params p;
    const std::string places = Params::csv(
        {p.integer(map_id), p.integer(m.member_id), p.integer(position++), p.text(m.name), p.text(m.kind),
         p.text(m.relation), p.text(m.ring), p.text(join(m.support_to_person)), p.text(join(m.support_from_person)),
         p.text(m.frequency), p.integer(m.resource_id), p.real(m.x), p.real(m.y)});
    p.run(s, "INSERT INTO network_map_members (map_id, member_id, position, name, kind, relation, ring, "
             "support_to_person, support_from_person, frequency, resource_id, x, y) VALUES (" + places + ")");
  }
  for (const auto& [a, b] : c.ties)
    s << "INSERT INTO network_map_ties (map_id, a, b) VALUES (:m, :a, :b)", soci::use(map_id),
        soci::use(a), soci::use(b);
}

long long insert_member(soci::session& s, long long person_id, const std::string& now) {
  s << "INSERT INTO network_members (person_id, created_at) VALUES (:p, :c)", soci::use(person_id),
      soci::use(now);
  return Database::last_insert_id(s, "network_members");
}

std::optional<long long> member_person(soci::session& s, long long member_id) {
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT person_id FROM network_members WHERE id = :i", soci::use(member_id));
  for (const auto& r : rows) return get_int(r, 0);
  return std::nullopt;
}

}  // namespace cp::store
