// src/directory/hsds_internal.hpp — shared inside the directory layer: the compiled-in HSDS
// schemas as parsed JSON, the JSON Schema checker, the tabular descriptor, and the mapping
// between an HSDS service object and a Resource.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cp/directory/hsds.hpp"

namespace cp::directory::detail {

// The parsed schema of one HSDS object file ("service.json"); throws std::logic_error when the
// name is unknown (a programmer error: names come from $ref values checked at start).
const nlohmann::json& object_schema(const std::string& file_name);
// Checks `value` against the HSDS object schema `file_name` (required, type, enum, format, and
// recursively properties, items and $ref). Issues are appended (at most kMaxIssues in all).
void check_object(const nlohmann::json& value, const std::string& file_name,
                  const std::string& path, const std::string& file, std::vector<Issue>& issues);

struct FieldSpec {
  std::string name, type, format;  // type: string, number, date, datetime, time
  bool required = false;
  std::vector<std::string> enums;
};
struct ForeignKey {
  std::string field, table;  // table: a resource name, e.g. "organization"
};
struct TableSpec {
  std::string name, path;  // "service", "services.csv"
  std::vector<FieldSpec> fields;
  std::vector<ForeignKey> foreign_keys;
};
const std::vector<TableSpec>& table_specs();
const TableSpec* table_by_name(const std::string& name);
// Checks one CSV value against its field's type and format; empty string when fine, otherwise
// what is wrong.
std::string check_value(const FieldSpec& f, const std::string& value);

// Mapping between an HSDS service object and a Resource (docs/directory.md).
Resource resource_from_service(const nlohmann::json& service, const nlohmann::json* organization);
std::string normal_time(const std::string& t);  // "10:00" → "10:00:00"

// Deepest nesting of arrays and objects in JSON text (strings skipped), to refuse documents
// that would exhaust the stack.
int json_depth(std::string_view text);

}  // namespace cp::directory::detail
