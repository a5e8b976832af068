// include/cp/study/csv_table.hpp — a CSV text (RFC 4180: quoted fields, "" escapes, CRLF or LF)
// parsed into named text columns; pure: the caller reads the file.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cp/domain/result.hpp"

namespace cp::study {

struct CsvTable {
  std::vector<std::string> names;                 // kept columns, in `keep` order (or file order)
  std::vector<std::vector<std::string>> columns;  // columns[c][row], raw text (unquoted)
  std::vector<int> line;                          // line[row]: physical line where the row starts
  std::size_t rows() const { return line.size(); }
  // Index of a column or −1.
  int find(const std::string& name) const;
};

// Parses `text` with a header line. Keeps only the columns named in `keep` (all when empty),
// in that order. Blank lines are skipped; a UTF-8 byte-order mark is ignored.
// Errors (invalid_input): empty text, duplicate header names, a kept column absent from the
// header ("missing_column", field = the column), a row with a different number of fields or
// an unterminated quote (field = "row R (line L)").
cp::Result<CsvTable> parse_csv(std::string_view text, const std::vector<std::string>& keep = {});

// Missing-value convention of analysis CSVs: an empty field, or NA (as R writes), after trimming
// spaces.
bool is_missing_cell(std::string_view cell);

}  // namespace cp::study
