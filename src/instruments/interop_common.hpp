// src/instruments/interop_common.hpp — pieces shared by the FHIR and REDCap exchange code:
// the definition's non-item parts as JSON, per-item metadata, safe JSON output. Internal.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "cp/instruments/definition.hpp"

namespace cp::instruments::detail {

// JSON text that never throws on invalid UTF-8 (bad bytes are replaced).
std::string dump(const nlohmann::json& j, int indent = -1);
// Instrument id as a REDCap form / FHIR name: '-' becomes '_'.
std::string form_name(const std::string& id);
// Whole number in text (optional sign, digits only), or nullopt.
std::optional<int> parse_int(const std::string& s);

// to_json(d) without "items": what FHIR and REDCap have no element for.
nlohmann::json definition_meta(const Definition& d);
// Per item: topic, scored, missing codes and (when wording is loaded) wording and options.
nlohmann::json item_meta(const Item& it);
// Applies item_meta text (from an extension or annotation) to an item JSON being rebuilt.
Result<Unit> apply_item_meta(nlohmann::json& item, const std::string& meta_text,
                             const std::string& path);
// A provisional definition skeleton for a questionnaire imported without our metadata.
nlohmann::json imported_meta(const std::string& name, const std::string& version,
                             const std::string& title, const std::string& citation);

}  // namespace cp::instruments::detail
