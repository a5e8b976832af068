// src/directory/hsds_csv.cpp — the HSDS tabular form (a CSV data package) in and out. Tables are
// checked against the compiled-in HSDS datapackage.json (columns, required values, types,
// formats, enums, unique ids, foreign keys), then nested into HSDS service objects and mapped
// with the same code as JSON; writing flattens the HSDS service objects into tables.
#include <map>
#include <set>

#include "hsds_internal.hpp"

namespace cp::directory {

using detail::TableSpec;
using nlohmann::json;

const char*
no_description();  // hsds_json.cpp: the description written for an organization that has none

namespace {

using Row = std::map<std::string, std::string>;  // column → value ("" = empty)
struct Table {
  const TableSpec* spec = nullptr;
  std::vector<Row> rows;
  std::vector<long> row_numbers;  // row number in the file (header = row 1)
};

// The core tables written on export (the others stay empty and are not written).
const char* const kWritten[] = {"organization",        "service",   "location",      "address",
                                "service_at_location", "contact",   "phone",         "schedule",
                                "accessibility",       "attribute", "taxonomy_term", "taxonomy"};

json value_json(const detail::FieldSpec& f, const std::string& v) {
  if (f.type == "number") {
    try {
      size_t used = 0;
      const double d = std::stod(v, &used);
      if (used == v.size()) return d;
    } catch (...) {
    }
  }
  return v;
}

json object_of(const Table& t, const Row& r) {
  json o = json::object();
  for (const auto& f : t.spec->fields) {
    auto it = r.find(f.name);
    if (it != r.end() && !it->second.empty()) o[f.name] = value_json(f, it->second);
  }
  return o;
}

std::string text_of(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer() || v.is_number_unsigned()) return v.dump();
  if (v.is_number_float()) {
    const double d = v.get<double>();
    if (d == static_cast<double>(static_cast<long long>(d)) && d > -1e15 && d < 1e15)
      return std::to_string(static_cast<long long>(d));
    return v.dump();
  }
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  return {};
}

}  // namespace

ReadResult read_hsds_csv(const CsvPackage& files) {
  ReadResult out;
  std::map<std::string, Table> tables;  // by resource name
  for (const auto& [name, text] : files) {
    if (name == "datapackage.json") continue;  // the compiled-in HSDS descriptor is the schema
    const TableSpec* spec = nullptr;
    for (const auto& t : detail::table_specs())
      if (t.path == name) spec = &t;
    if (!spec) {
      out.issues.push_back({name, "", "", "not a table of the HSDS 3.0 data package"});
      continue;
    }
    auto parsed = parse_csv(text);
    if (!parsed) {
      out.issues.push_back({name, parsed.error().field, "", parsed.error().message});
      continue;
    }
    auto& rows = *parsed;
    if (rows.empty()) {
      out.issues.push_back({name, "row 1", "", "the header row is missing"});
      continue;
    }
    const auto& header = rows[0];
    std::set<std::string> cols;
    bool header_ok = true;
    for (size_t c = 0; c < header.size(); ++c) {
      bool known = false;
      for (const auto& f : spec->fields) known = known || f.name == header[c];
      if (!known) {
        out.issues.push_back({name, "row 1", header[c], "not a column of " + spec->path});
        header_ok = false;
      } else if (!cols.insert(header[c]).second) {
        out.issues.push_back({name, "row 1", header[c], "the column appears twice"});
        header_ok = false;
      }
    }
    for (const auto& f : spec->fields)
      if (f.required && !cols.count(f.name)) {
        out.issues.push_back({name, "row 1", f.name, "a required column is missing"});
        header_ok = false;
      }
    if (!header_ok) continue;
    Table t;
    t.spec = spec;
    std::set<std::string> ids;
    for (size_t i = 1; i < rows.size() && out.issues.size() < kMaxIssues; ++i) {
      const std::string where = "row " + std::to_string(i + 1);
      if (rows[i].size() != header.size()) {
        out.issues.push_back({name, where, "",
                              "has " + std::to_string(rows[i].size()) + " values; the header has " +
                                  std::to_string(header.size())});
        continue;
      }
      Row r;
      for (size_t c = 0; c < header.size(); ++c) r[header[c]] = rows[i][c];
      for (const auto& f : spec->fields) {
        auto it = r.find(f.name);
        const std::string v = it == r.end() ? "" : it->second;
        if (auto p = detail::check_value(f, v); !p.empty())
          out.issues.push_back({name, where, f.name, p});
      }
      if (!r["id"].empty() && !ids.insert(r["id"]).second)
        out.issues.push_back({name, where, "id", "the id " + r["id"] + " appears twice"});
      t.rows.push_back(std::move(r));
      t.row_numbers.push_back(static_cast<long>(i + 1));
    }
    tables[spec->name] = std::move(t);
  }
  if (!tables.count("service") && out.issues.empty())
    out.issues.push_back({"services.csv", "", "", "the package has no services.csv"});
  // Foreign keys between tables.
  std::map<std::string, std::set<std::string>> ids;
  for (const auto& [n, t] : tables)
    for (const auto& r : t.rows) ids[n].insert(r.at("id"));
  for (const auto& [n, t] : tables)
    for (size_t i = 0; i < t.rows.size() && out.issues.size() < kMaxIssues; ++i)
      for (const auto& fk : t.spec->foreign_keys) {
        auto it = t.rows[i].find(fk.field);
        if (it == t.rows[i].end() || it->second.empty()) continue;
        const auto* target = detail::table_by_name(fk.table);
        const std::string target_file = target ? target->path : fk.table;
        if (!ids[fk.table].count(it->second))
          out.issues.push_back(
              {t.spec->path, "row " + std::to_string(t.row_numbers[i]), fk.field,
               "refers to " + it->second + ", which is not an id in " + target_file});
      }
  if (!out.issues.empty()) return out;

  // Nest the tables into HSDS service objects.
  auto rows_where = [&](const char* table, const char* column, const std::string& value) {
    std::vector<json> found;
    auto it = tables.find(table);
    if (it == tables.end() || value.empty()) return found;
    for (const auto& r : it->second.rows)
      if (r.count(column) && r.at(column) == value) found.push_back(object_of(it->second, r));
    return found;
  };
  auto by_id = [&](const char* table, const std::string& id) -> std::optional<json> {
    auto v = rows_where(table, "id", id);
    if (v.empty()) return std::nullopt;
    return v.front();
  };
  auto phones_of = [&](const char* column, const std::string& id, bool only_own) {
    json list = json::array();
    for (auto& p : rows_where("phone", column, id))
      if (!only_own || !p.contains("contact_id")) list.push_back(p);
    return list;
  };
  auto contacts_of = [&](const char* column, const std::string& id) {
    json list = json::array();
    for (auto& c : rows_where("contact", column, id)) {
      c["phones"] = phones_of("contact_id", c["id"].get<std::string>(), false);
      list.push_back(c);
    }
    return list;
  };
  std::set<std::string> seen;
  const Table& services = tables.at("service");
  for (size_t i = 0; i < services.rows.size(); ++i) {
    json s = object_of(services, services.rows[i]);
    const std::string sid = services.rows[i].at("id");
    if (auto org = by_id("organization", services.rows[i].at("organization_id"))) {
      json own = json::array();
      for (const auto& p : phones_of("organization_id", (*org)["id"].get<std::string>(), true))
        if (!p.contains("service_id")) own.push_back(p);
      (*org)["phones"] = std::move(own);
      s["organization"] = *org;
    }
    s["phones"] = phones_of("service_id", sid, true);
    s["contacts"] = contacts_of("service_id", sid);
    s["schedules"] = json(rows_where("schedule", "service_id", sid));
    json sals = json::array();
    for (auto& sal : rows_where("service_at_location", "service_id", sid)) {
      if (auto loc = by_id("location", sal.value("location_id", ""))) {
        const std::string lid = (*loc)["id"].get<std::string>();
        (*loc)["addresses"] = json(rows_where("address", "location_id", lid));
        (*loc)["accessibility"] = json(rows_where("accessibility", "location_id", lid));
        sal["location"] = *loc;
      }
      sal["contacts"] = contacts_of("service_at_location_id", sal["id"].get<std::string>());
      sal["schedules"] =
          json(rows_where("schedule", "service_at_location_id", sal["id"].get<std::string>()));
      sals.push_back(sal);
    }
    s["service_at_locations"] = std::move(sals);
    json attrs = json::array();
    for (auto& a : rows_where("attribute", "link_id", sid)) {
      if (auto term = by_id("taxonomy_term", a.value("taxonomy_term_id", ""))) {
        if (auto tax = by_id("taxonomy", term->value("taxonomy_id", "")))
          (*term)["taxonomy_detail"] = *tax;
        a["taxonomy_term"] = *term;
      }
      attrs.push_back(a);
    }
    s["attributes"] = std::move(attrs);
    // The same checks as JSON on the nested service (the domain rules: dates, sizes, capacity).
    ReadResult one = read_hsds_document(s, "services.csv");
    for (auto& issue : one.issues) {
      issue.where = "row " + std::to_string(services.row_numbers[i]) +
                    (issue.where == "$" ? "" : " (" + issue.where + ")");
      out.issues.push_back(issue);
    }
    for (auto& r : one.resources) out.resources.push_back(std::move(r));
  }
  if (!out.issues.empty()) out.resources.clear();
  return out;
}

CsvPackage write_hsds_csv(const std::vector<Resource>& resources) {
  std::map<std::string, std::vector<json>> rows;  // resource name → objects
  std::map<std::string, std::set<std::string>> seen;
  auto add = [&](const std::string& table, json o) {
    if (!o.contains("id") || !seen[table].insert(o["id"].get<std::string>()).second) return;
    rows[table].push_back(std::move(o));
  };
  for (const auto& r : resources) {
    if (r.confidential) continue;
    json s = service_json(r);
    const std::string sid = s["id"];
    // Every service in the tabular form needs an organization with a description.
    if (!s.contains("organization"))
      s["organization"] = {
          {"id", derived_uuid(sid + ":organization")}, {"name", s["name"]}, {"description", ""}};
    s["organization_id"] = s["organization"]["id"];
    if (s["organization"]["description"] == "") s["organization"]["description"] = no_description();
    if (s.contains("organization")) {
      json o = s["organization"];
      for (auto p : o.value("phones", json::array())) {
        p["organization_id"] = o["id"];
        add("phone", p);
      }
      add("organization", o);
    }
    for (auto p : s.value("phones", json::array())) {
      p["service_id"] = sid;
      add("phone", p);
    }
    for (auto c : s.value("contacts", json::array())) {
      for (auto p : c.value("phones", json::array())) {
        p["contact_id"] = c["id"];
        add("phone", p);
      }
      c["service_id"] = sid;
      add("contact", c);
    }
    for (auto e : s.value("schedules", json::array())) {
      e["service_id"] = sid;
      add("schedule", e);
    }
    for (auto sal : s.value("service_at_locations", json::array())) {
      json l = sal["location"];
      for (auto a : l.value("addresses", json::array())) add("address", a);
      for (auto a : l.value("accessibility", json::array())) add("accessibility", a);
      add("location", l);
      add("service_at_location", sal);
    }
    for (auto a : s.value("attributes", json::array())) {
      json term = a["taxonomy_term"];
      add("taxonomy", term["taxonomy_detail"]);
      add("taxonomy_term", term);
      add("attribute", a);
    }
    add("service", s);
  }
  CsvPackage out;
  json dp = json::parse(hsds_schema_text("datapackage.json"));
  json kept = json::array();
  for (const auto& res : dp["resources"]) {
    const std::string name = res["name"];
    if (std::find(std::begin(kWritten), std::end(kWritten), name) == std::end(kWritten)) continue;
    const TableSpec* spec = detail::table_by_name(name);
    std::vector<std::vector<std::string>> table;
    std::vector<std::string> header;
    for (const auto& f : spec->fields) header.push_back(f.name);
    table.push_back(header);
    for (const auto& o : rows[name]) {
      std::vector<std::string> line;
      for (const auto& f : spec->fields)
        line.push_back(o.contains(f.name) ? text_of(o[f.name]) : "");
      table.push_back(std::move(line));
    }
    out[spec->path] = write_csv(table);
    kept.push_back(res);
  }
  dp["resources"] = std::move(kept);
  out["datapackage.json"] = dp.dump(2) + "\n";
  return out;
}

}  // namespace cp::directory
