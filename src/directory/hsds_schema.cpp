// src/directory/hsds_schema.cpp — validation against the HSDS 3.0 schema files compiled in from
// data/hsds/: a small JSON Schema checker for the keywords HSDS uses (type, required, enum,
// format, properties, items, $ref) and the tabular descriptor (datapackage.json) for CSV.
#include <cctype>
#include <map>
#include <stdexcept>

#include "dates.hpp"
#include "hsds_internal.hpp"
#include "hsds_schema_data.hpp"

namespace cp::directory {

using nlohmann::json;

std::string_view hsds_schema_text(std::string_view name) {
  for (const auto& f : detail::hsds_schema_files())
    if (f.name == name) return f.text;
  return {};
}

std::string to_string(const Issue& i) {
  std::string out = i.file;
  if (!i.where.empty()) out += (out.empty() ? "" : ", ") + i.where;
  if (!i.field.empty()) out += (out.empty() ? "field " : ", field ") + i.field;
  return out + ": " + i.message;
}

Error issues_error(const std::vector<Issue>& issues) {
  if (issues.empty()) return Error::invalid("invalid_hsds", "the HSDS data are not valid");
  std::string msg = std::to_string(issues.size()) +
                    (issues.size() >= kMaxIssues ? " or more" : "") +
                    (issues.size() == 1 ? " problem" : " problems") + " in the HSDS data: ";
  for (size_t i = 0; i < issues.size() && i < 3; ++i) msg += (i ? "; " : "") + to_string(issues[i]);
  if (issues.size() > 3) msg += "; …";
  const auto& f = issues.front();
  std::string where = f.file;
  if (!f.where.empty()) where += ", " + f.where;
  if (!f.field.empty()) where += ", " + f.field;
  return Error::invalid("invalid_hsds", msg, where);
}

namespace detail {

namespace {

bool valid_time_hms(const std::string& t) {
  if (t.size() != 8 || t[2] != ':' || t[5] != ':') return false;
  for (size_t i : {0u, 1u, 3u, 4u, 6u, 7u})
    if (!std::isdigit(static_cast<unsigned char>(t[i]))) return false;
  return std::stoi(t.substr(0, 2)) <= 23 && std::stoi(t.substr(3, 2)) <= 59 &&
         std::stoi(t.substr(6, 2)) <= 60;
}

bool valid_number(const std::string& s) {
  if (s.empty() || s.size() > 64) return false;
  size_t i = 0;
  if (s[i] == '-' || s[i] == '+') ++i;
  size_t digits = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    size_t e = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++e;
    if (e == 0) return false;
  }
  return i == s.size();
}

std::string format_problem(const std::string& format, const std::string& v) {
  if (format == "uuid" && !is_uuid(v)) return "must be a uuid (8-4-4-4-12 hexadecimal digits)";
  if (format == "email" && !valid_email(v)) return "must be an email address";
  if (format == "uri" && !valid_uri(v)) return "must be a URI with a scheme (e.g. https://…)";
  if (format == "date-time" && !valid_datetime(v))
    return "must be a date and time (ISO 8601, e.g. 2026-03-01T10:00:00Z)";
  if (format == "date" && !valid_date(v)) return "must be a date (YYYY-MM-DD)";
  return {};
}

struct Schemas {
  std::map<std::string, json> objects;  // "service.json" → schema
  std::vector<TableSpec> tables;
  Schemas() {
    for (const auto& f : hsds_schema_files()) {
      if (f.name.rfind("schema/", 0) == 0)
        objects[std::string(f.name.substr(7))] = json::parse(f.text);
    }
    const json dp = json::parse(hsds_schema_text("datapackage.json"));
    for (const auto& r : dp.at("resources")) {
      TableSpec t;
      t.name = r.at("name").get<std::string>();
      t.path = r.at("path").get<std::string>();
      const auto& s = r.at("schema");
      for (const auto& f : s.at("fields")) {
        FieldSpec fs;
        fs.name = f.at("name").get<std::string>();
        fs.type = f.value("type", "string");
        fs.format = f.value("format", "");
        if (auto c = f.find("constraints"); c != f.end()) {
          fs.required = c->value("required", false);
          if (auto e = c->find("enum"); e != c->end())
            for (const auto& v : *e) fs.enums.push_back(v.get<std::string>());
        }
        t.fields.push_back(std::move(fs));
      }
      if (auto fk = s.find("foreignKeys"); fk != s.end())
        for (const auto& k : *fk)
          t.foreign_keys.push_back({k.at("fields").get<std::string>(),
                                    k.at("reference").at("resource").get<std::string>()});
      tables.push_back(std::move(t));
    }
  }
};

const Schemas& schemas() {
  static const Schemas s;
  return s;
}

void add(std::vector<Issue>& out, const std::string& file, const std::string& where,
         const std::string& field, std::string message) {
  if (out.size() < kMaxIssues) out.push_back({file, where, field, std::move(message)});
}

// `where` is the path of the object holding the field; `field` the property name ("" at root).
void check(const json& v, const json& schema, const std::string& where, const std::string& field,
           const std::string& file, std::vector<Issue>& out, int depth) {
  if (out.size() >= kMaxIssues) return;
  if (depth > 40) return add(out, file, where, field, "nested too deeply");
  if (auto ref = schema.find("$ref"); ref != schema.end()) {
    const json& target = object_schema(ref->get<std::string>());
    return check(v, target, where, field, file, out, depth + 1);
  }
  const std::string here = field.empty() ? where : where + (field[0] == '[' ? "" : ".") + field;
  const std::string type = schema.value("type", "");
  if (type == "object") {
    if (!v.is_object()) return add(out, file, where, field, "must be an object");
    if (auto req = schema.find("required"); req != schema.end())
      for (const auto& r : *req)
        if (!v.contains(r.get<std::string>()))
          add(out, file, here, r.get<std::string>(), "is required but missing");
    if (auto props = schema.find("properties"); props != schema.end())
      for (auto it = v.begin(); it != v.end(); ++it)
        if (auto p = props->find(it.key()); p != props->end())
          check(*it, *p, here, it.key(), file, out, depth + 1);
    return;
  }
  if (type == "array") {
    if (!v.is_array()) return add(out, file, where, field, "must be an array");
    if (auto items = schema.find("items"); items != schema.end())
      for (size_t i = 0; i < v.size(); ++i)
        check(v[i], *items, here, "[" + std::to_string(i) + "]", file, out, depth + 1);
    return;
  }
  if (type == "string") {
    if (!v.is_string()) return add(out, file, where, field, "must be a string");
    const auto s = v.get<std::string>();
    if (auto e = schema.find("enum"); e != schema.end()) {
      bool found = false;
      std::string list;
      for (const auto& x : *e) {
        found = found || x.get<std::string>() == s;
        list += (list.empty() ? "" : ", ") + x.get<std::string>();
      }
      if (!found) add(out, file, where, field, "must be one of: " + list);
    }
    if (auto f = schema.find("format"); f != schema.end())
      if (auto p = format_problem(f->get<std::string>(), s); !p.empty())
        add(out, file, where, field, p);
    return;
  }
  if (type == "number" && !v.is_number()) return add(out, file, where, field, "must be a number");
  if (type == "integer" && !v.is_number_integer())
    return add(out, file, where, field, "must be a whole number");
  if (type == "boolean" && !v.is_boolean())
    return add(out, file, where, field, "must be true or false");
}

}  // namespace

const json& object_schema(const std::string& file_name) {
  const auto& o = schemas().objects;
  auto it = o.find(file_name);
  if (it == o.end()) throw std::logic_error("unknown HSDS schema file " + file_name);
  return it->second;
}

void check_object(const json& value, const std::string& file_name, const std::string& path,
                  const std::string& file, std::vector<Issue>& issues) {
  check(value, object_schema(file_name), path, "", file, issues, 0);
}

const std::vector<TableSpec>& table_specs() {
  return schemas().tables;
}

const TableSpec* table_by_name(const std::string& name) {
  for (const auto& t : schemas().tables)
    if (t.name == name) return &t;
  return nullptr;
}

std::string check_value(const FieldSpec& f, const std::string& v) {
  if (v.empty()) return f.required ? "is required but empty" : "";
  if (!f.enums.empty()) {
    bool found = false;
    std::string list;
    for (const auto& e : f.enums) {
      found = found || e == v;
      list += (list.empty() ? "" : ", ") + e;
    }
    if (!found) return "must be one of: " + list;
  }
  if (f.type == "number" && !valid_number(v)) return "must be a number";
  if (f.type == "date" && !valid_date(v)) return "must be a date (YYYY-MM-DD)";
  if (f.type == "datetime" && !valid_datetime(v)) return "must be a date and time (ISO 8601)";
  if (f.type == "time" && !valid_time_hms(v)) return "must be a time (HH:MM:SS)";
  if (f.type == "string" && !f.format.empty()) return format_problem(f.format, v);
  return {};
}

int json_depth(std::string_view text) {
  int depth = 0, deepest = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (in_string) {
      if (ch == '\\')
        ++i;
      else if (ch == '"')
        in_string = false;
      continue;
    }
    if (ch == '"')
      in_string = true;
    else if (ch == '[' || ch == '{')
      deepest = std::max(deepest, ++depth);
    else if (ch == ']' || ch == '}')
      --depth;
  }
  return deepest;
}

}  // namespace detail

std::vector<std::string> hsds_table_files() {
  std::vector<std::string> out;
  for (const auto& t : detail::table_specs()) out.push_back(t.path);
  return out;
}

}  // namespace cp::directory
