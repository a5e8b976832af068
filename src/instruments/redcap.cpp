// src/instruments/redcap.cpp — REDCap data dictionary (definitions) and REDCap-style flat CSV
// (responses), out and in. Our metadata travels in Field Annotation as @CP-DEFINITION= and
// @CP-ITEM= JSON, so export → import gives the same definition.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "cp/instruments/interop.hpp"
#include "instruments/interop_common.hpp"
#include "instruments/json_check.hpp"

namespace cp::instruments {

using nlohmann::json;

const std::vector<std::string>& redcap_dictionary_columns() {
  static const std::vector<std::string> columns{"Variable / Field Name",
                                           "Form Name",
                                           "Section Header",
                                           "Field Type",
                                           "Field Label",
                                           "Choices, Calculations, OR Slider Labels",
                                           "Field Note",
                                           "Text Validation Type OR Show Slider Number",
                                           "Text Validation Min",
                                           "Text Validation Max",
                                           "Identifier?",
                                           "Branching Logic (Show field only if...)",
                                           "Required Field?",
                                           "Custom Alignment",
                                           "Question Number (surveys only)",
                                           "Matrix Group Name",
                                           "Matrix Ranking?",
                                           "Field Annotation"};
  return columns;
}

namespace {

const std::vector<std::string>& kColumns = redcap_dictionary_columns();
constexpr std::string_view kDefTag = "@CP-DEFINITION=";
constexpr std::string_view kItemTag = "@CP-ITEM=";

std::string number_text(double v) {
  if (v == std::floor(v) && std::fabs(v) < 1e15)
    return fmt::format("{}", static_cast<long long>(v));
  return fmt::format("{}", v);
}

std::string row_text(const std::vector<std::string>& cells) {
  std::string s;
  for (std::size_t i = 0; i < cells.size(); ++i) s += (i ? "," : "") + csv_field(cells[i]);
  return s + "\n";
}

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t");
  auto e = s.find_last_not_of(" \t");
  return b == std::string::npos ? std::string{} : s.substr(b, e - b + 1);
}

}  // namespace

std::string to_redcap_dictionary(const Definition& d) {
  std::string form = detail::form_name(d.id);
  std::string out = row_text(kColumns);
  std::vector<std::string> meta(kColumns.size());
  meta[0] = form + "_cp_definition";
  meta[1] = form;
  meta[3] = "descriptive";
  meta[4] = d.title;
  meta[17] = std::string(kDefTag) + detail::dump(detail::definition_meta(d));
  out += row_text(meta);
  for (const auto& it : d.items) {
    std::vector<std::string> row(kColumns.size());
    row[0] = it.id;
    row[1] = form;
    row[4] = it.wording.empty() ? it.topic : it.wording;
    switch (it.type) {
      case ResponseType::code: {
        row[3] = "radio";
        std::string choices;
        for (const auto& o : it.options)
          choices += fmt::format("{}{}, {}", choices.empty() ? "" : " | ", o.code,
                                 o.wording.empty() ? o.label : o.wording);
        row[5] = choices;
        break;
      }
      case ResponseType::integer:
        row[3] = "text";
        row[7] = "integer";
        break;
      case ResponseType::number:
        row[3] = "text";
        row[7] = "number";
        break;
      case ResponseType::text:
        row[3] = "text";
        break;
    }
    if (it.type == ResponseType::integer || it.type == ResponseType::number) {
      if (it.min) row[8] = number_text(*it.min);
      if (it.max) row[9] = number_text(*it.max);
    }
    json m = detail::item_meta(it);
    if (it.max_length) m["max_length"] = *it.max_length;
    row[17] = std::string(kItemTag) + detail::dump(m);
    out += row_text(row);
  }
  return out;
}

Result<Definition> from_redcap_dictionary(std::string_view csv) {
  auto rows = parse_csv(csv);
  if (!rows) return rows.error();
  if (rows->empty()) return Error::invalid("empty_file", "the data dictionary is empty", "row 1");
  const auto& header = rows->front();
  auto col = [&](std::string_view name) -> int {
    for (std::size_t i = 0; i < header.size(); ++i)
      if (trim(header[i]) == name) return static_cast<int>(i);
    return -1;
  };
  int c_var = col(kColumns[0]), c_form = col(kColumns[1]), c_type = col(kColumns[3]),
      c_label = col(kColumns[4]), c_choices = col(kColumns[5]), c_valid = col(kColumns[7]),
      c_min = col(kColumns[8]), c_max = col(kColumns[9]), c_annot = col(kColumns[17]);
  if (c_var < 0 || c_type < 0 || c_label < 0)
    return Error::invalid("missing_column",
                          "the header needs Variable / Field Name, Field Type and Field Label",
                          "row 1");
  auto cell = [](const std::vector<std::string>& r, int c) {
    return c >= 0 && c < int(r.size()) ? r[c] : std::string{};
  };
  json meta;
  json items = json::array();
  std::string first_form;
  for (std::size_t r = 1; r < rows->size(); ++r) {
    const auto& row = (*rows)[r];
    auto where = fmt::format("row {}", r + 1);
    std::string var = trim(cell(row, c_var));
    std::string type = trim(cell(row, c_type));
    std::string annot = cell(row, c_annot);
    if (first_form.empty()) first_form = trim(cell(row, c_form));
    if (type == "descriptive") {
      auto pos = annot.find(kDefTag);
      if (pos != std::string::npos) {
        auto m = detail::parse_json_text(annot.substr(pos + kDefTag.size()),
                                         "the @CP-DEFINITION annotation");
        if (!m)
          return Error::invalid("bad_annotation", m.error().message,
                                where + ", column Field Annotation");
        meta = *m;
      }
      continue;
    }
    if (type == "calc" || type == "file" || type == "signature" || type == "sql")
      continue;  // not answers
    json ij{{"id", var}, {"topic", cell(row, c_label)}};
    if (type == "radio" || type == "dropdown" || type == "checkbox") {
      if (type == "checkbox")
        return Error::invalid("unsupported_type",
                              "checkbox fields (several answers) are not supported",
                              where + ", column Field Type");
      ij["type"] = "code";
      json opts = json::array();
      std::string choices = cell(row, c_choices);
      std::size_t start = 0;
      while (start <= choices.size()) {
        auto bar = choices.find('|', start);
        std::string part =
            trim(choices.substr(start, bar == std::string::npos ? std::string::npos : bar - start));
        if (!part.empty()) {
          auto comma = part.find(',');
          auto code = detail::parse_int(trim(part.substr(0, comma)));
          if (!code || comma == std::string::npos)
            return Error::invalid("bad_choices",
                                  fmt::format("choice '{}' is not 'code, label'", part),
                                  where + ", column Choices");
          opts.push_back({{"code", *code}, {"label", trim(part.substr(comma + 1))}});
        }
        if (bar == std::string::npos) break;
        start = bar + 1;
      }
      ij["options"] = opts;
    } else if (type == "yesno" || type == "truefalse") {
      ij["type"] = "code";
      ij["options"] =
          type == "yesno"
              ? json::array({{{"code", 1}, {"label", "Yes"}}, {{"code", 0}, {"label", "No"}}})
              : json::array({{{"code", 1}, {"label", "True"}}, {{"code", 0}, {"label", "False"}}});
    } else if (type == "text" || type == "notes") {
      std::string v = trim(cell(row, c_valid));
      if (v == "integer")
        ij["type"] = "integer";
      else if (v == "number" || v.rfind("number_", 0) == 0)
        ij["type"] = "number";
      else
        ij["type"] = "text";
      if (ij["type"] != "text") {
        for (auto [c, key] : {std::pair{c_min, "min"}, {c_max, "max"}}) {
          std::string s = trim(cell(row, c));
          if (s.empty()) continue;
          char* end = nullptr;
          double x = std::strtod(s.c_str(), &end);
          if (end == s.c_str() || *end != '\0' || !std::isfinite(x))
            return Error::invalid("not_a_number", fmt::format("'{}' is not a number", s),
                                  fmt::format("{}, column Text Validation {}", where,
                                              key == std::string("min") ? "Min" : "Max"));
          ij[key] = x;
        }
      }
    } else if (type == "slider") {
      ij["type"] = "integer";
      ij["min"] = 0;
      ij["max"] = 100;
    } else {
      return Error::invalid("unsupported_type",
                            fmt::format("field type '{}' is not supported", type),
                            where + ", column Field Type");
    }
    if (auto pos = annot.find(kItemTag); pos != std::string::npos) {
      auto m =
          detail::parse_json_text(annot.substr(pos + kItemTag.size()), "the @CP-ITEM annotation");
      if (!m || !m->is_object())
        return Error::invalid("bad_annotation", "the @CP-ITEM annotation is not a JSON object",
                              where + ", column Field Annotation");
      if (m->contains("wording")) ij["wording"] = ij["topic"];
      for (const char* k : {"topic", "scored", "missing_codes", "wording", "options", "max_length"})
        if (m->contains(k)) ij[k] = (*m)[k];
    }
    items.push_back(ij);
  }
  if (meta.is_null())
    meta = detail::imported_meta(first_form, "1", first_form,
                                 "Imported from a REDCap data dictionary");
  if (!meta.is_object())
    return Error::invalid("bad_annotation", "@CP-DEFINITION must be a JSON object", "row 2");
  meta["items"] = items;
  return parse_definition_json(meta);
}

std::string to_redcap_records(const Definition& d,
                              const std::vector<std::pair<std::string, ResponseSet>>& records) {
  std::vector<std::string> header{"record_id"};
  for (const auto& it : d.items) header.push_back(it.id);
  std::string out = row_text(header);
  for (const auto& [record_id, r] : records) {
    std::vector<std::string> row{record_id};
    for (const auto& it : d.items) {
      auto a = r.answers.find(it.id);
      if (a == r.answers.end())
        row.emplace_back();
      else if (a->second.missing)
        row.push_back(std::to_string(*a->second.missing_code));
      else if (it.type == ResponseType::text)
        row.push_back(a->second.text);
      else
        row.push_back(number_text(a->second.number));
    }
    out += row_text(row);
  }
  return out;
}

Result<std::vector<std::pair<std::string, ResponseSet>>> from_redcap_records(const Definition& d,
                                                                             std::string_view csv) {
  auto rows = parse_csv(csv);
  if (!rows) return rows.error();
  if (rows->empty()) return Error::invalid("empty_file", "the records file is empty", "row 1");
  const auto& header = rows->front();
  if (header.empty() || trim(header[0]) != "record_id")
    return Error::invalid("missing_column", "the first column must be record_id",
                          "row 1, column 1");
  std::string form_complete = detail::form_name(d.id) + "_complete";
  std::vector<const Item*> cols(header.size(), nullptr);
  for (std::size_t c = 1; c < header.size(); ++c) {
    std::string h = trim(header[c]);
    if (h.rfind("redcap_", 0) == 0 || h == form_complete) continue;  // REDCap bookkeeping columns
    cols[c] = d.find_item(h);
    if (!cols[c])
      return Error::invalid("unknown_item",
                            fmt::format("column '{}' is not an item of {}", h, d.id),
                            fmt::format("row 1, column {}", h));
  }
  std::vector<std::pair<std::string, ResponseSet>> out;
  for (std::size_t r = 1; r < rows->size(); ++r) {
    const auto& row = (*rows)[r];
    json answers = json::object();
    for (std::size_t c = 1; c < row.size() && c < cols.size(); ++c) {
      if (!cols[c]) continue;
      std::string v = cols[c]->type == ResponseType::text ? row[c] : trim(row[c]);
      if (v.empty()) continue;
      if (cols[c]->type == ResponseType::text) {
        answers[cols[c]->id] = v;
        continue;
      }
      char* end = nullptr;
      double x = std::strtod(v.c_str(), &end);
      if (end == v.c_str() || *end != '\0' || !std::isfinite(x))
        return Error::invalid("wrong_type",
                              fmt::format("item '{}': '{}' is not a number", cols[c]->id, v),
                              fmt::format("row {}, column {}", r + 1, cols[c]->id));
      answers[cols[c]->id] = x;
    }
    auto rs = parse_responses(d, answers);
    if (!rs) {
      auto e = rs.error();
      e.field = fmt::format("row {}, column {}", r + 1, e.field);
      return e;
    }
    out.emplace_back(row.empty() ? std::string{} : row[0], std::move(*rs));
  }
  return out;
}

}  // namespace cp::instruments
