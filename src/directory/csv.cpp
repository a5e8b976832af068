// src/directory/csv.cpp — RFC 4180 CSV reading and writing for the HSDS tabular form.
#include "cp/directory/hsds.hpp"

namespace cp::directory {

Result<std::vector<std::vector<std::string>>> parse_csv(std::string_view text) {
  std::vector<std::vector<std::string>> rows;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, was_quoted = false, any = false;
  long line = 1, field_line = 1;
  for (size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (quoted) {
      if (ch == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (ch == '\n') ++line;
        field += ch;
      }
      continue;
    }
    if (ch == '"') {
      if (!field.empty() || was_quoted)
        return Error::invalid("bad_csv", "a quote inside an unquoted field",
                              "line " + std::to_string(line));
      quoted = was_quoted = any = true;
      field_line = line;
    } else if (ch == ',') {
      row.push_back(std::move(field));
      field.clear();
      was_quoted = false;
      any = true;
    } else if (ch == '\n' || ch == '\r') {
      if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (any || !field.empty() || !row.empty()) {
        row.push_back(std::move(field));
        rows.push_back(std::move(row));
      }
      row.clear();
      field.clear();
      was_quoted = any = false;
      ++line;
    } else {
      if (was_quoted)
        return Error::invalid("bad_csv", "text after a closing quote",
                              "line " + std::to_string(line));
      field += ch;
      any = true;
    }
    if (rows.size() > 1000000)
      return Error::invalid("too_large", "more than a million rows",
                            "line " + std::to_string(line));
  }
  if (quoted)
    return Error::invalid("bad_csv", "a quoted field is not closed",
                          "line " + std::to_string(field_line));
  if (any || !field.empty() || !row.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string write_csv(const std::vector<std::vector<std::string>>& rows) {
  std::string out;
  for (const auto& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) out += ',';
      const auto& f = row[i];
      if (f.find_first_of(",\"\r\n") != std::string::npos ||
          (!f.empty() && (f.front() == ' ' || f.back() == ' '))) {
        out += '"';
        for (char ch : f) {
          if (ch == '"') out += '"';
          out += ch;
        }
        out += '"';
      } else {
        out += f;
      }
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace cp::directory
