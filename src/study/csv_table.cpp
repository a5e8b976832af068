// src/study/csv_table.cpp — single-pass RFC 4180 reader keeping only the requested columns.
#include "cp/study/csv_table.hpp"

#include <unordered_map>

#include <fmt/format.h>

namespace cp::study {

int CsvTable::find(const std::string& name) const {
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return static_cast<int>(i);
  return -1;
}

bool is_missing_cell(std::string_view cell) {
  while (!cell.empty() && (cell.front() == ' ' || cell.front() == '\t')) cell.remove_prefix(1);
  while (!cell.empty() && (cell.back() == ' ' || cell.back() == '\t')) cell.remove_suffix(1);
  return cell.empty() || cell == "NA";
}

namespace {

// Reads one record starting at `pos`; advances `pos` past its line end and counts lines.
// Returns false with `err` set on an unterminated quote.
bool read_record(std::string_view t, std::size_t& pos, int& line,
                 std::vector<std::string>& fields, std::string& err) {
  fields.clear();
  std::string cur;
  bool quoted = false, was_quoted = false;
  const int start_line = line;
  while (pos < t.size()) {
    const char c = t[pos];
    if (quoted) {
      if (c == '"') {
        if (pos + 1 < t.size() && t[pos + 1] == '"') {
          cur += '"';
          pos += 2;
          continue;
        }
        quoted = false;
        ++pos;
        continue;
      }
      if (c == '\n') ++line;
      cur += c;
      ++pos;
      continue;
    }
    if (c == '"' && cur.empty() && !was_quoted) {
      quoted = was_quoted = true;
      ++pos;
      continue;
    }
    if (c == ',') {
      fields.push_back(std::move(cur));
      cur.clear();
      was_quoted = false;
      ++pos;
      continue;
    }
    if (c == '\r' && pos + 1 < t.size() && t[pos + 1] == '\n') {
      ++pos;
      continue;
    }
    if (c == '\n') {
      ++pos;
      ++line;
      fields.push_back(std::move(cur));
      return true;
    }
    cur += c;
    ++pos;
  }
  if (quoted) {
    err = fmt::format("unterminated quoted field starting on line {}", start_line);
    return false;
  }
  fields.push_back(std::move(cur));
  ++line;
  return true;
}

bool blank(const std::vector<std::string>& f) { return f.size() == 1 && f[0].empty(); }

}  // namespace

cp::Result<CsvTable> parse_csv(std::string_view text, const std::vector<std::string>& keep) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::size_t pos = 0;
  int line = 1;
  std::vector<std::string> fields;
  std::string err;
  do {
    if (pos >= text.size()) return Error::invalid("empty_csv", "the CSV has no header line");
    if (!read_record(text, pos, line, fields, err))
      return Error::invalid("bad_csv", err, "line 1");
  } while (blank(fields));
  std::unordered_map<std::string, int> header;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (!header.emplace(fields[i], static_cast<int>(i)).second)
      return Error::invalid("duplicate_column",
                            fmt::format("the CSV header names column '{}' twice", fields[i]),
                            fields[i]);
  }
  const std::size_t width = fields.size();
  CsvTable out;
  std::vector<int> src;  // source field index of each kept column
  if (keep.empty()) {
    out.names = fields;
    for (std::size_t i = 0; i < width; ++i) src.push_back(static_cast<int>(i));
  } else {
    for (const auto& k : keep) {
      auto it = header.find(k);
      if (it == header.end())
        return Error::invalid("missing_column",
                              fmt::format("the data have no column '{}'", k), k);
      out.names.push_back(k);
      src.push_back(it->second);
    }
  }
  out.columns.resize(src.size());
  int row = 0;
  while (pos < text.size()) {
    const int start = line;
    if (!read_record(text, pos, line, fields, err))
      return Error::invalid("bad_csv", err, fmt::format("row {} (line {})", row + 1, start));
    if (blank(fields)) continue;
    ++row;
    if (fields.size() != width)
      return Error::invalid(
          "bad_csv",
          fmt::format("row {} (line {}) has {} fields but the header has {}", row, start,
                      fields.size(), width),
          fmt::format("row {} (line {})", row, start));
    for (std::size_t c = 0; c < src.size(); ++c) out.columns[c].push_back(std::move(fields[src[c]]));
    out.line.push_back(start);
  }
  return out;
}

}  // namespace cp::study
