// include/cp/instruments/wording.hpp — licensed item wording, loaded from a licence holder's
// file and merged into a definition. We ship the format, never the wording.
//
// Format "cp-wording/1" (docs/instruments.md):
//   {"format": "cp-wording/1", "instrument": "wemwbs", "version": "1",
//    "licence": "who holds the licence, reference", "language": "en-GB",
//    "instructions": "…", "items": {"<item id>": {"text": "…", "options": {"<code>": "…"}}}}
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "cp/domain/result.hpp"
#include "cp/instruments/definition.hpp"

namespace cp::instruments {

// Returns `d` with the wording merged in and wording_loaded = true. The file must name the
// same instrument id and version; every item and option code it names must exist (errors
// name the JSON path). Items without wording keep their topic. Never throws.
Result<Definition> merge_wording(const Definition& d, std::string_view wording_json);

}  // namespace cp::instruments
