// include/cp/instruments/interop.hpp — exchange with other systems, string in / string out:
// FHIR R4 Questionnaire and QuestionnaireResponse (JSON), REDCap data dictionary CSV and
// REDCap-style flat response CSV. Pure; the caller reads and writes the files.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cp/domain/result.hpp"
#include "cp/instruments/definition.hpp"
#include "cp/instruments/responses.hpp"

namespace cp::instruments {

// FHIR R4 Questionnaire. Items map to `item` (linkId = item id, text = topic, type choice /
// integer / decimal / string, answerOption valueCoding, minValue/maxValue extensions); what
// FHIR has no place for (scoring, subscales, missing rule, tables, sources) travels in one
// extension (url kFhirDefinitionExtension) so that export → import gives the same definition.
inline constexpr std::string_view kFhirDefinitionExtension =
    "https://connecting-people.org.uk/fhir/StructureDefinition/cp-instrument-definition";
std::string to_fhir_questionnaire(const Definition& d);
Result<Definition> from_fhir_questionnaire(std::string_view json);

// FHIR R4 QuestionnaireResponse (status "completed" when complete, else "in-progress").
std::string to_fhir_questionnaire_response(const Definition& d, const ResponseSet& r);
Result<ResponseSet> from_fhir_questionnaire_response(const Definition& d, std::string_view json);

// REDCap data dictionary (the 18 standard columns). Non-item parts of the definition travel as
// JSON in the Field Annotation of a first `descriptive` field named "<form>_cp_definition".
// REDCap's data dictionary columns, in REDCap's order (the 18 headers of its CSV).
const std::vector<std::string>& redcap_dictionary_columns();
std::string to_redcap_dictionary(const Definition& d);
Result<Definition> from_redcap_dictionary(std::string_view csv);

// REDCap-style flat CSV: header `record_id,<item ids…>`, one row per response set; empty cell
// = not answered. Import validates each row against the definition (errors name row and item).
std::string to_redcap_records(const Definition& d,
                              const std::vector<std::pair<std::string, ResponseSet>>& records);
Result<std::vector<std::pair<std::string, ResponseSet>>> from_redcap_records(const Definition& d,
                                                                             std::string_view csv);

// RFC 4180 CSV reading and writing shared by the REDCap functions. Error field: "row N".
Result<std::vector<std::vector<std::string>>> parse_csv(std::string_view csv);
std::string csv_field(std::string_view s);

}  // namespace cp::instruments
