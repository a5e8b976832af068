// src/exports/table.cpp — names, invariants and CSV fields of the export table (table.hpp).
#include "cp/exports/table.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <map>

namespace cp::exports {

namespace {

constexpr std::size_t kMaxName = 26;

bool is_number(std::string_view s) {
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && p == s.data() + s.size() && std::isfinite(v);
}

}  // namespace

const ValueLabelSet* ExportTable::labels_of(const Variable& v) const {
  if (v.value_labels.empty()) return nullptr;
  for (const auto& s : value_labels)
    if (s.name == v.value_labels) return &s;
  return nullptr;
}

bool is_valid_name(std::string_view name) {
  if (name.empty() || name.size() > kMaxName || name[0] < 'a' || name[0] > 'z') return false;
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

std::string make_name(std::string_view raw, std::set<std::string>& taken) {
  std::string base;
  for (char c : raw) {
    const char l = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    base += ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9')) ? l : '_';
  }
  if (base.empty() || base[0] < 'a' || base[0] > 'z') base = "v" + base;
  if (base.size() > kMaxName) base.resize(kMaxName);
  std::string name = base;
  for (int k = 2; taken.count(name); ++k) {
    const std::string suffix = fmt::format("_{}", k);
    name = base.substr(0, kMaxName - suffix.size()) + suffix;
  }
  taken.insert(name);
  return name;
}

Result<Unit> validate(const ExportTable& t) {
  std::set<std::string> names{"record_id", "wave", "redcap_event_name"};
  for (std::size_t i = 0; i < t.variables.size(); ++i) {
    const auto& v = t.variables[i];
    const std::string f = fmt::format("variables[{}]", i);
    if (!is_valid_name(v.name))
      return Error::invalid("invalid_name", "'" + v.name + "' is not a valid variable name", f);
    if (!names.insert(v.name).second)
      return Error::invalid("duplicate", "'" + v.name + "' is used twice", f);
    if (!v.value_labels.empty() && (!t.labels_of(v) || v.type != VarType::numeric))
      return Error::invalid("unknown_labels",
                            "a labelled variable is numeric and names a known label set", f);
  }
  for (const auto& s : t.value_labels)
    if (!is_valid_name(s.name))
      return Error::invalid("invalid_name", "'" + s.name + "' is not a valid label set name",
                            "value_labels");
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const auto& row = t.rows[r];
    const std::string f = fmt::format("rows[{}]", r);
    if (row.cells.size() != t.variables.size())
      return Error::invalid("wrong_size", "one cell per variable", f);
    if (row.wave >= t.waves.size()) return Error::invalid("out_of_range", "no such wave", f);
    if (row.record_id.empty())
      return Error::invalid("missing_field", "every row has a record id", f);
    for (std::size_t c = 0; c < row.cells.size(); ++c)
      if (t.variables[c].type == VarType::numeric && !row.cells[c].empty() &&
          !is_number(row.cells[c]))
        return Error::invalid("not_a_number", "a numeric cell holds a number",
                              f + "." + t.variables[c].name);
  }
  return Unit{};
}

std::string csv_field(std::string_view v) {
  if (v.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(v);
  std::string out = "\"";
  for (char c : v) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string csv_line(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + csv_field(fields[i]);
  return out + "\r\n";
}

}  // namespace cp::exports
