// include/cp/exports/table.hpp — the research export as a plain value (issue 8 part 5): one row
// per record × wave, typed variables with labels, units and value-label sets. The app layer fills
// it from the store (already pseudonymised); the writers in writers.hpp turn it into bytes.
//
// Cells are text: empty = missing; a numeric variable holds a decimal number ("12", "0.5"). A
// variable marked `per_record` (participant level: site, arm, age…) holds the same value on every
// row of its record; formats with events (REDCap, long) write it once, at the first wave.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "cp/domain/result.hpp"

namespace cp::exports {

enum class VarType { numeric, text };

struct ValueLabel {
  int value = 0;
  std::string label;
};
// A named set of integer codes and their labels ("arm": 0 control, 1 intervention).
struct ValueLabelSet {
  std::string name;  // a valid variable-style name
  std::vector<ValueLabel> labels;
};

struct Variable {
  std::string name;   // valid in REDCap, Stata and SPSS (see is_valid_name)
  std::string label;  // our own short description (never licensed wording)
  VarType type = VarType::numeric;
  bool integer = false;      // numeric and always a whole number
  std::string value_labels;  // name of a ValueLabelSet (integer codes), or empty
  std::string units;         // units or range in words ("years", "7-35"), may be empty
  std::string form;          // group of variables: "participant" or an instrument id
  bool per_record = false;   // participant level: the same on every wave
};

struct Row {
  std::string record_id;           // the study pseudonym
  std::size_t wave = 0;            // index into ExportTable::waves
  std::vector<std::string> cells;  // one per variable
};

struct ExportTable {
  std::string title;                // file label ("Connecting People study 1")
  std::vector<std::string> waves;   // wave ids in study order ("baseline", "month_6")
  std::vector<Variable> variables;  // record_id and wave are implicit, first
  std::vector<ValueLabelSet> value_labels;
  std::vector<Row> rows;  // sorted by record_id, then wave

  const ValueLabelSet* labels_of(const Variable& v) const;
};

// One file of an export: its name (no directories) and bytes.
struct ExportFile {
  std::string name;
  std::string content_type;
  std::string bytes;
};

// Lower-case letter first, then [a-z0-9_], at most 26 characters (REDCap's recommended limit,
// within Stata's 32 and SPSS's 64).
bool is_valid_name(std::string_view name);

// A valid name made from `raw` (lower case, other characters → '_', a leading 'v' when it does
// not start with a letter, cut to 26) that is not in `taken`; adds it to `taken`. A clash gets a
// numbered suffix ("_2", "_3"…) within the 26 characters.
std::string make_name(std::string_view raw, std::set<std::string>& taken);

// Checks the table's invariants (valid unique names, known label sets, cells per row, numeric
// cells numeric, wave indexes in range); the error's field names the variable or row.
Result<Unit> validate(const ExportTable& t);

// One RFC 4180 field: quoted when it holds a comma, quote or line break.
std::string csv_field(std::string_view v);
// A CSV line (fields joined by commas, "\r\n" at the end as RFC 4180 and REDCap expect).
std::string csv_line(const std::vector<std::string>& fields);

}  // namespace cp::exports
