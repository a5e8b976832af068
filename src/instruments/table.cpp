// src/instruments/table.cpp — parses scoring tables ("cp-table/1" JSON) and area lookup CSV
// files, and writes tables back as JSON.
#include "cp/instruments/table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>

#include "cp/instruments/interop.hpp"
#include "instruments/json_check.hpp"

namespace cp::instruments {

using nlohmann::json;

std::optional<double> Table::get(const std::string& key) const {
  auto it = values.find(key);
  if (it == values.end()) return std::nullopt;
  return it->second;
}

namespace {

bool known_kind(const std::string& k) {
  return k == "eq5d_additive" || k == "lookup" || k == "tariff" || k == "unit_costs" ||
         k == "price_index";
}

}  // namespace

Result<Table> parse_table(std::string_view text) {
  auto parsed = detail::parse_json_text(text, "the table");
  if (!parsed) return parsed.error();
  const json& j = *parsed;
  if (!j.is_object()) return detail::wrong_type("(document)", "a JSON object");
  Table t;
  auto format = detail::req_string(j, "", "format");
  if (!format) return format.error();
  if (*format != "cp-table/1")
    return Error::invalid("unsupported_format",
                          fmt::format("format '{}' is not cp-table/1", *format), "format");
  for (auto [field, target] : {std::pair{"id", &t.id}, {"title", &t.title}, {"kind", &t.kind}}) {
    auto v = detail::req_string(j, "", field);
    if (!v) return v.error();
    *target = *v;
  }
  if (!known_kind(t.kind))
    return Error::invalid("bad_kind", fmt::format("table kind '{}' is not known", t.kind), "kind");
  for (auto [field, target] :
       {std::pair{"price_year", &t.price_year}, {"currency", &t.currency}, {"notes", &t.notes}}) {
    auto v = detail::opt_string(j, "", field);
    if (!v) return v.error();
    *target = *v;
  }
  auto prov = detail::opt_bool(j, "", "provisional", false);
  if (!prov) return prov.error();
  t.provisional = *prov;
  auto ex = detail::opt_bool(j, "", "example", false);
  if (!ex) return ex.error();
  t.example = *ex;
  if (auto d = j.find("digits"); d != j.end() && !d->is_null()) {
    auto v = detail::as_int(*d, "digits");
    if (!v) return v.error();
    if (*v < 0 || *v > 12) return Error::invalid("bad_value", "digits must be 0–12", "digits");
    t.digits = *v;
  }
  auto start = detail::opt_number(j, "", "start");
  if (!start) return start.error();
  if (*start) t.start = **start;
  auto src = j.find("source");
  if (src == j.end()) return detail::missing_field("source");
  if (!src->is_object()) return detail::wrong_type("source", "an object (citation, doi, url, via)");
  if (!src->contains("citation") || !(*src)["citation"].is_string())
    return detail::missing_field("source.citation");
  t.source = *src;
  auto vals = j.find("values");
  if (vals == j.end()) return detail::missing_field("values");
  if (!vals->is_object()) return detail::wrong_type("values", "an object {key: number or null}");
  for (const auto& [k, v] : vals->items()) {
    auto p = detail::join_path("values", k);
    if (v.is_null()) {
      t.values[k] = std::nullopt;
      continue;
    }
    if (!v.is_number()) return detail::wrong_type(p, "a number or null");
    double x = v.get<double>();
    if (!std::isfinite(x)) return detail::wrong_type(p, "a finite number");
    t.values[k] = x;
  }
  bool any_value = std::any_of(t.values.begin(), t.values.end(),
                               [](const auto& kv) { return kv.second.has_value(); });
  if (t.kind == "unit_costs" && any_value && t.price_year.empty())
    return Error::invalid(
        "missing_field", "a unit_costs table with figures must state its price_year", "price_year");
  if (t.kind == "unit_costs" && t.currency.empty())
    return Error::invalid("missing_field", "a unit_costs table must state its currency",
                          "currency");
  if (t.example && t.title.find("EXAMPLE") == std::string::npos)
    return Error::invalid("unlabelled_example", "an example table must say EXAMPLE in its title",
                          "title");
  return t;
}

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}
std::string trim(std::string s) {
  auto b = s.find_first_not_of(" \t\r");
  auto e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? std::string{} : s.substr(b, e - b + 1);
}

}  // namespace

Result<Table> parse_lookup_csv(std::string_view csv, const std::string& table_id,
                               const std::string& key_column, const std::string& value_column) {
  Table t;
  t.id = table_id;
  t.title = table_id;
  t.kind = "lookup";
  t.source = {{"citation", "loaded from a CSV lookup file"}};
  // Leading comment lines: "# key: value" pairs (title, source, example).
  std::size_t pos = 0;
  int line_no = 0;
  while (pos < csv.size() && csv[pos] == '#') {
    auto end = csv.find('\n', pos);
    std::string line(csv.substr(
        pos + 1, end == std::string_view::npos ? std::string_view::npos : end - pos - 1));
    ++line_no;
    auto colon = line.find(':');
    if (colon != std::string::npos) {
      auto k = lower(trim(line.substr(0, colon)));
      auto v = trim(line.substr(colon + 1));
      if (k == "example")
        t.example = lower(v) == "true";
      else if (k == "provisional")
        t.provisional = lower(v) == "true";
      else if (k == "title")
        t.title = v;
      else if (k == "source")
        t.source["citation"] = v;
    }
    if (end == std::string_view::npos) {
      pos = csv.size();
      break;
    }
    pos = end + 1;
  }
  auto rows = parse_csv(csv.substr(pos));
  if (!rows) {
    auto e = rows.error();
    e.field = fmt::format("{} (after {} comment lines)", e.field, line_no);
    return e;
  }
  if (rows->empty())
    return Error::invalid("empty_file", "the lookup file has no header row", "row 1");
  const auto& header = rows->front();
  int key_col = -1, value_col = -1;
  for (std::size_t c = 0; c < header.size(); ++c) {
    auto h = lower(trim(header[c]));
    if (h == lower(key_column)) key_col = static_cast<int>(c);
    if (h == lower(value_column)) value_col = static_cast<int>(c);
  }
  if (key_col < 0)
    return Error::invalid("missing_column", fmt::format("no column named '{}'", key_column),
                          "row 1");
  if (value_col < 0)
    return Error::invalid("missing_column", fmt::format("no column named '{}'", value_column),
                          "row 1");
  for (std::size_t r = 1; r < rows->size(); ++r) {
    const auto& row = (*rows)[r];
    if (row.size() == 1 && trim(row[0]).empty()) continue;  // blank line
    auto where = fmt::format("row {}, column {}", r + 1, value_column);
    if (row.size() <= static_cast<std::size_t>(std::max(key_col, value_col)))
      return Error::invalid("short_row", fmt::format("row {} has {} cells", r + 1, row.size()),
                            fmt::format("row {}", r + 1));
    std::string key = trim(row[key_col]);
    std::transform(key.begin(), key.end(), key.begin(),
                   [](unsigned char c) { return std::toupper(c); });
    if (key.empty())
      return Error::invalid("empty_key", "the key cell is empty",
                            fmt::format("row {}, column {}", r + 1, key_column));
    if (t.values.count(key))
      return Error::invalid("duplicate_key", fmt::format("key {} appears twice", key),
                            fmt::format("row {}, column {}", r + 1, key_column));
    std::string cell = trim(row[value_col]);
    if (cell.empty()) {
      t.values[key] = std::nullopt;
      continue;
    }
    char* end = nullptr;
    double v = std::strtod(cell.c_str(), &end);
    if (end == cell.c_str() || *end != '\0' || !std::isfinite(v))
      return Error::invalid("not_a_number", fmt::format("'{}' is not a number", cell), where);
    t.values[key] = v;
  }
  return t;
}

json to_json(const Table& t) {
  json j{
      {"format", "cp-table/1"},       {"id", t.id},           {"title", t.title},  {"kind", t.kind},
      {"provisional", t.provisional}, {"example", t.example}, {"source", t.source}};
  if (!t.price_year.empty()) j["price_year"] = t.price_year;
  if (!t.currency.empty()) j["currency"] = t.currency;
  if (t.digits) j["digits"] = *t.digits;
  if (t.start != 1.0) j["start"] = t.start;
  if (!t.notes.empty()) j["notes"] = t.notes;
  j["values"] = json::object();
  for (const auto& [k, v] : t.values) j["values"][k] = v ? json(*v) : json(nullptr);
  return j;
}

}  // namespace cp::instruments
