// include/cp/instruments/catalogue.hpp — every loaded definition and table, built from
// strings so that the CLI and the server can load all of them at start.
//
// The caller reads the files (cli/ or app/); the catalogue only parses and cross-checks.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "cp/domain/result.hpp"
#include "cp/instruments/definition.hpp"
#include "cp/instruments/scoring.hpp"
#include "cp/instruments/table.hpp"

namespace cp::instruments {

class Catalogue {
 public:
  // Adds a definition from its JSON text. `origin` (e.g. the file name) prefixes Error::field.
  // Fails on a parse error or a duplicate id.
  Result<Unit> add_definition(std::string_view json, std::string_view origin = {});
  Result<Unit> add_definition(Definition d);
  // Adds a table ("cp-table/1" JSON text, or an already parsed table). Duplicate id fails.
  Result<Unit> add_table(std::string_view json, std::string_view origin = {});
  Result<Unit> add_table(Table t);

  const Definition* find(std::string_view id) const;
  const TableSet& tables() const { return tables_; }
  std::vector<const Definition*> definitions() const;  // by id

  // Table ids a definition names that are not loaded ("role -> id"): scores that need them
  // will be reported missing. Not an error: ICECAP-A values, for example, are not published.
  std::vector<std::string> unresolved_tables(const Definition& d) const;

  // Parse, validate and score in one call, for app code holding a JSON object of answers.
  Result<ScoreReport> score(std::string_view instrument_id, const nlohmann::json& answers,
                            const ScoringOptions& options = {}) const;

 private:
  std::map<std::string, Definition, std::less<>> definitions_;
  TableSet tables_;
};

// Builds a catalogue from id -> JSON text maps (definitions, then "cp-table/1" tables).
Result<Catalogue> build_catalogue(const std::map<std::string, std::string>& definitions_json,
                                  const std::map<std::string, std::string>& tables_json);

}  // namespace cp::instruments
