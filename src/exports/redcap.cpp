// src/exports/redcap.cpp — REDCap-shaped export: flat data CSV with record_id and
// redcap_event_name, the data dictionary (REDCap's 18 columns) and the instrument-event mapping,
// so that a longitudinal REDCap project can be built from the files and the data imported.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "cp/exports/writers.hpp"
#include "cp/instruments/interop.hpp"

namespace cp::exports {

std::string redcap_event_name(std::string_view wave) {
  std::string out;
  for (char c : wave) {
    const char l = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    out += ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9')) ? l : '_';
  }
  return out + "_arm_1";
}

namespace {

std::string choices(const ValueLabelSet& s) {
  std::string out;
  for (const auto& l : s.labels)
    out += fmt::format("{}{}, {}", out.empty() ? "" : " | ", l.value, l.label);
  return out;
}

std::vector<std::string> dictionary_row(const std::string& name, const std::string& form,
                                        const std::string& type, const std::string& label,
                                        const std::string& choice_text, const std::string& note,
                                        const std::string& validation) {
  std::vector<std::string> r(18);
  r[0] = name;
  r[1] = form;
  r[3] = type;
  r[4] = label;
  r[5] = choice_text;
  r[6] = note;
  r[7] = validation;
  return r;
}

// Forms in order of first appearance; the participant form first (it holds record_id).
std::vector<std::string> forms_of(const ExportTable& t) {
  std::vector<std::string> forms{"participant"};
  for (const auto& v : t.variables)
    if (std::find(forms.begin(), forms.end(), v.form) == forms.end()) forms.push_back(v.form);
  return forms;
}

}  // namespace

std::vector<ExportFile> write_redcap(const ExportTable& t, const std::string& prefix) {
  // Data: participant-level values in the first row of each record only (the participant form
  // is designated to the first event).
  std::vector<std::string> header{"record_id", "redcap_event_name"};
  for (const auto& v : t.variables) header.push_back(v.name);
  std::string data = csv_line(header);
  std::set<std::string> seen;
  for (const auto& row : t.rows) {
    const bool first = seen.insert(row.record_id).second;
    std::vector<std::string> line{row.record_id, redcap_event_name(t.waves[row.wave])};
    for (std::size_t c = 0; c < t.variables.size(); ++c)
      line.push_back(t.variables[c].per_record && !first ? std::string() : row.cells[c]);
    data += csv_line(line);
  }
  // Dictionary: record_id first, in the first form.
  std::string dict = csv_line(instruments::redcap_dictionary_columns());
  dict += csv_line(dictionary_row("record_id", "participant", "text", "Record id (study pseudonym)",
                                  "", "", ""));
  for (const auto& form : forms_of(t))
    for (const auto& v : t.variables) {
      if (v.form != form) continue;
      const ValueLabelSet* ls = t.labels_of(v);
      if (ls)
        dict += csv_line(
            dictionary_row(v.name, v.form, "dropdown", v.label, choices(*ls), v.units, ""));
      else if (v.type == VarType::numeric)
        dict += csv_line(dictionary_row(v.name, v.form, "text", v.label, "", v.units,
                                        v.integer ? "integer" : "number"));
      else
        dict += csv_line(dictionary_row(v.name, v.form, "text", v.label, "", v.units, ""));
    }
  // Instrument-event mapping: the participant form at the first event; the others at every wave.
  std::string mapping = csv_line({"arm_num", "unique_event_name", "form"});
  for (std::size_t w = 0; w < t.waves.size(); ++w)
    for (const auto& form : forms_of(t))
      if (form != "participant" || w == 0)
        mapping += csv_line({"1", redcap_event_name(t.waves[w]), form});
  return {{prefix + "_redcap_data.csv", "text/csv; charset=utf-8", std::move(data)},
          {prefix + "_redcap_dictionary.csv", "text/csv; charset=utf-8", std::move(dict)},
          {prefix + "_redcap_instrument_designation.csv", "text/csv; charset=utf-8",
           std::move(mapping)}};
}

}  // namespace cp::exports
