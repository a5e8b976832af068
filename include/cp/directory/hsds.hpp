// include/cp/directory/hsds.hpp — Open Referral HSDS 3.0 in and out of the community directory:
// JSON (a service, a list of services, an HSDS API page {"contents": [...]}, or an organization
// with "services") and the tabular form (a CSV data package: one CSV per table), each validated
// against the HSDS 3.0 schema files compiled in from data/hsds/ (required fields, types, enums,
// formats; for CSV also primary and foreign keys between tables).
//
// Mapping (docs/directory.md): a Resource is an HSDS service; its organization, locations (via
// service_at_location, with the first address and accessibility), contacts (with the first
// phone) and schedules map field by field; cost is `fees_description`. What HSDS lacks is kept
// as HSDS attributes with our own taxonomies: interest tags are terms of the taxonomy
// "cpi-interest"; capacity, the accessibility note and reviewed_on are attributes whose term
// codes are "cpi-capacity", "cpi-accessibility", "cpi-reviewed-on" (taxonomy "cpi-notes").
// Confidential resources and locations are never written (the caller passes what may leave).
// On reading foreign data, every other attribute's taxonomy term name becomes an interest tag.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "cp/directory/resource.hpp"
#include "cp/domain/result.hpp"

namespace cp::directory {

// One problem found in an HSDS file: which file, where in it (a JSON path such as
// "$.contents[0].schedules[1]" or "row 3"), which field, and what is wrong.
struct Issue {
  std::string file, where, field, message;
  bool operator==(const Issue&) const = default;
};
std::string to_string(const Issue& i);  // "services.csv, row 3, field status: …"

struct ReadResult {
  std::vector<Resource> resources;
  std::vector<Issue> issues;  // empty when the input is valid
  bool ok() const { return issues.empty(); }
};

// An Error (invalid_input, code "invalid_hsds") summarising the issues: the message counts them
// and quotes the first few; `field` is the first issue's place.
Error issues_error(const std::vector<Issue>& issues);

// ---- JSON ----
constexpr std::size_t kMaxIssues = 200;  // reading stops collecting after this many
ReadResult read_hsds_json(std::string_view text, const std::string& file = "input.json");
ReadResult read_hsds_document(const nlohmann::json& doc, const std::string& file = "input.json");
// An HSDS API page of full services: {"total_items", …, "contents": [service, …]}.
nlohmann::json write_hsds_json(const std::vector<Resource>& resources);
// One resource as an HSDS service object (with organization, locations, …).
nlohmann::json service_json(const Resource& r);

// ---- tabular (CSV data package) ----
// File name → content. The HSDS table files are e.g. "services.csv"; "datapackage.json" may be
// present (written on export; on import it must be JSON if present, and the HSDS descriptor
// compiled in is what the tables are checked against).
using CsvPackage = std::map<std::string, std::string>;
ReadResult read_hsds_csv(const CsvPackage& files);
CsvPackage write_hsds_csv(const std::vector<Resource>& resources);

// Names of the HSDS tables' CSV files (from the compiled-in datapackage.json).
std::vector<std::string> hsds_table_files();

// The compiled-in schema text of one file, e.g. "schema/service.json" or "datapackage.json"
// (empty when unknown).
std::string_view hsds_schema_text(std::string_view name);

// ---- CSV (RFC 4180) ----
// Parses CSV text into rows of fields; quoted fields may hold commas, quotes ("") and line
// breaks. Errors name the line. A UTF-8 byte-order mark is skipped.
Result<std::vector<std::vector<std::string>>> parse_csv(std::string_view text);
std::string write_csv(const std::vector<std::vector<std::string>>& rows);

}  // namespace cp::directory
