// src/exports/long_csv.cpp — the tidy long export (record_id, wave, variable, value: one row per
// non-missing value) and the codebook that describes every variable.
#include <fmt/format.h>

#include <set>

#include "cp/exports/writers.hpp"

namespace cp::exports {

namespace {

std::string labels_text(const ValueLabelSet* s) {
  if (!s) return {};
  std::string out;
  for (const auto& l : s->labels)
    out += fmt::format("{}{}={}", out.empty() ? "" : "; ", l.value, l.label);
  return out;
}

std::string type_text(const Variable& v) {
  if (v.type == VarType::text) return "text";
  if (!v.value_labels.empty()) return "categorical";
  return v.integer ? "integer" : "number";
}

}  // namespace

std::string codebook_csv(const ExportTable& t) {
  std::string out =
      csv_line({"variable", "label", "type", "units", "value_labels", "level", "form"});
  out += csv_line({"record_id", "Record id: the participant's pseudonym in this study", "text",
                   "P + 12 hex digits", "", "participant", "participant"});
  std::string wave_labels;
  for (std::size_t w = 0; w < t.waves.size(); ++w)
    wave_labels += fmt::format("{}{}={}", w ? "; " : "", w + 1, t.waves[w]);
  out += csv_line({"wave", "Study wave (text in the CSV files; coded in .dta/.sav)", "categorical",
                   "", wave_labels, "wave", "participant"});
  for (const auto& v : t.variables)
    out += csv_line({v.name, v.label, type_text(v), v.units, labels_text(t.labels_of(v)),
                     v.per_record ? "participant" : "wave", v.form});
  return out;
}

std::vector<ExportFile> write_long(const ExportTable& t, const std::string& prefix) {
  std::string data = csv_line({"record_id", "wave", "variable", "value"});
  std::set<std::string> seen;
  for (const auto& row : t.rows) {
    const bool first = seen.insert(row.record_id).second;
    for (std::size_t c = 0; c < t.variables.size(); ++c) {
      const auto& v = t.variables[c];
      if (row.cells[c].empty() || (v.per_record && !first)) continue;
      data += csv_line({row.record_id, t.waves[row.wave], v.name, row.cells[c]});
    }
  }
  return {{prefix + "_long.csv", "text/csv; charset=utf-8", std::move(data)},
          {prefix + "_codebook.csv", "text/csv; charset=utf-8", codebook_csv(t)}};
}

}  // namespace cp::exports
