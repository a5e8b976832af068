// include/cp/exports/writers.hpp — the research export formats (issue 8 part 5), pure: a table
// in (table.hpp), bytes out; the caller writes the files or sends them. docs/exports.md describes
// every file for researchers.
//
//   REDCap   <prefix>_redcap_data.csv — record_id, redcap_event_name ("<wave>_arm_1"), then the
//            variables; participant-level ones in the first event's row only. Plus the data
//            dictionary with REDCap's 18 columns, and the instrument-event mapping
//            (arm_num, unique_event_name, form).
//   long     <prefix>_long.csv — record_id, wave, variable, value: one row per non-missing value
//            (participant-level variables once, at the first wave) and <prefix>_codebook.csv.
//   Stata    <prefix>.dta (format 118, Stata 14+) and SPSS <prefix>.sav, long: one row per record
//            × wave; record_id (string), wave (labelled 1..n), then every variable with its label
//            and value labels. Written with ReadStat.
#pragma once

#include <string>
#include <vector>

#include "cp/domain/result.hpp"
#include "cp/exports/table.hpp"

namespace cp::exports {

// REDCap's unique event name of a wave in arm 1: lower case, other characters '_', + "_arm_1".
std::string redcap_event_name(std::string_view wave);
// (The data dictionary's 18 columns: instruments::redcap_dictionary_columns().)

// Preconditions for all writers: validate(t) succeeded.
std::vector<ExportFile> write_redcap(const ExportTable& t, const std::string& prefix);
std::vector<ExportFile> write_long(const ExportTable& t, const std::string& prefix);
// The codebook alone (variable, label, type, units, value_labels, level, form).
std::string codebook_csv(const ExportTable& t);

// Stata .dta / SPSS .sav bytes; an error names what ReadStat refused.
Result<std::string> write_dta(const ExportTable& t);
Result<std::string> write_sav(const ExportTable& t);

}  // namespace cp::exports
