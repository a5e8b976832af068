// src/instruments/csv.cpp — RFC 4180 CSV reading and writing for the REDCap exchange and area
// lookup files: quoted fields, doubled quotes, CRLF or LF line ends.
#include <fmt/format.h>

#include "cp/instruments/interop.hpp"

namespace cp::instruments {

Result<std::vector<std::vector<std::string>>> parse_csv(std::string_view csv) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool in_quotes = false, field_started = false, row_has_content = false;
  std::size_t line = 1;
  if (csv.size() >= 3 && csv.substr(0, 3) == "\xEF\xBB\xBF") csv.remove_prefix(3);  // UTF-8 BOM
  for (std::size_t i = 0; i < csv.size(); ++i) {
    char ch = csv[i];
    if (in_quotes) {
      if (ch == '"') {
        if (i + 1 < csv.size() && csv[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        if (ch == '\n') ++line;
        field += ch;
      }
      continue;
    }
    if (ch == '"') {
      if (field_started && !field.empty())
        return Error::invalid("bad_csv", "a quote inside an unquoted field",
                              fmt::format("row {}", rows.size() + 1));
      in_quotes = true;
      field_started = true;
      row_has_content = true;
    } else if (ch == ',') {
      row.push_back(std::move(field));
      field.clear();
      field_started = false;
      row_has_content = true;
    } else if (ch == '\r' || ch == '\n') {
      if (ch == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n') ++i;
      ++line;
      if (row_has_content || field_started || !field.empty()) {
        row.push_back(std::move(field));
        rows.push_back(std::move(row));
      }
      row.clear();
      field.clear();
      field_started = false;
      row_has_content = false;
    } else {
      field += ch;
      field_started = true;
      row_has_content = true;
    }
  }
  if (in_quotes)
    return Error::invalid("bad_csv", "a quoted field is not closed",
                          fmt::format("row {}", rows.size() + 1));
  if (row_has_content || field_started || !field.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace cp::instruments
