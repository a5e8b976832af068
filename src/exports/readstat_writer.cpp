// src/exports/readstat_writer.cpp — Stata .dta and SPSS .sav through ReadStat's writer API, into
// memory (ReadStat hands us the bytes; no files here). Long layout: record_id, wave (labelled
// 1..n), then the table's variables. Labelled variables are 32-bit integers (Stata attaches value
// labels to integers only); other numerics are doubles; text is a string as wide as its longest
// value. The file timestamp is fixed (1970-01-01) so that the same data give the same bytes.
#include <fmt/format.h>
#include <readstat.h>

#include <charconv>
#include <cmath>
#include <map>

#include "cp/exports/writers.hpp"

namespace cp::exports {

namespace {

enum class Target { dta, sav };

ssize_t append_bytes(const void* data, size_t len, void* ctx) {
  static_cast<std::string*>(ctx)->append(static_cast<const char*>(data), len);
  return static_cast<ssize_t>(len);
}

// Frees the writer however we leave.
struct Writer {
  readstat_writer_t* w = readstat_writer_init();
  ~Writer() { readstat_writer_free(w); }
};

double number_of(const std::string& s) {
  double v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);  // validated by validate(t)
  return v;
}

// Stata limits variable labels to 80 bytes; cut at a UTF-8 character boundary.
std::string cut(const std::string& s, std::size_t n) {
  if (s.size() <= n) return s;
  std::size_t k = n;
  while (k > 0 && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
  return s.substr(0, k);
}

Error refused(readstat_error_t e, const std::string& what) {
  return Error{ErrorKind::internal, "export_failed",
               fmt::format("ReadStat could not write {}: {}", what, readstat_error_message(e)),
               what};
}

Result<std::string> write(const ExportTable& t, Target target) {
  Writer wr;
  readstat_writer_t* w = wr.w;
  std::string out;
  readstat_set_data_writer(w, append_bytes);
  readstat_writer_set_file_label(w, cut(t.title, 80).c_str());
  readstat_writer_set_file_timestamp(w, 0);
  if (target == Target::dta) readstat_writer_set_file_format_version(w, 118);

  std::map<std::string, readstat_label_set_t*> sets;
  for (const auto& s : t.value_labels) {
    auto* ls = readstat_add_label_set(w, READSTAT_TYPE_INT32, s.name.c_str());
    for (const auto& l : s.labels)
      readstat_label_int32_value(ls, l.value, cut(l.label, 80).c_str());
    sets[s.name] = ls;
  }
  auto* wave_set = readstat_add_label_set(w, READSTAT_TYPE_INT32, "wave");
  for (std::size_t i = 0; i < t.waves.size(); ++i)
    readstat_label_int32_value(wave_set, static_cast<int32_t>(i + 1), t.waves[i].c_str());

  std::size_t id_width = 1;
  for (const auto& r : t.rows) id_width = std::max(id_width, r.record_id.size());
  auto* rid = readstat_add_variable(w, "record_id", READSTAT_TYPE_STRING, id_width);
  readstat_variable_set_label(rid, "Record id (study pseudonym)");
  auto* wave = readstat_add_variable(w, "wave", READSTAT_TYPE_INT32, 0);
  readstat_variable_set_label(wave, "Study wave");
  readstat_variable_set_label_set(wave, wave_set);

  std::vector<readstat_variable_t*> vars;
  for (std::size_t c = 0; c < t.variables.size(); ++c) {
    const auto& v = t.variables[c];
    readstat_variable_t* rv = nullptr;
    if (v.type == VarType::text) {
      std::size_t width = 1;
      for (const auto& r : t.rows) width = std::max(width, r.cells[c].size());
      rv = readstat_add_variable(w, v.name.c_str(), READSTAT_TYPE_STRING, width);
    } else if (!v.value_labels.empty()) {
      rv = readstat_add_variable(w, v.name.c_str(), READSTAT_TYPE_INT32, 0);
      readstat_variable_set_label_set(rv, sets.at(v.value_labels));
    } else {
      rv = readstat_add_variable(w, v.name.c_str(), READSTAT_TYPE_DOUBLE, 0);
    }
    readstat_variable_set_label(rv, cut(v.label, 80).c_str());
    vars.push_back(rv);
  }

  const long n = static_cast<long>(t.rows.size());
  readstat_error_t e = target == Target::dta ? readstat_begin_writing_dta(w, &out, n)
                                             : readstat_begin_writing_sav(w, &out, n);
  if (e != READSTAT_OK) return refused(e, "the file header");
  for (const auto& r : t.rows) {
    if ((e = readstat_begin_row(w)) != READSTAT_OK) return refused(e, "a row");
    readstat_insert_string_value(w, rid, r.record_id.c_str());
    readstat_insert_int32_value(w, wave, static_cast<int32_t>(r.wave + 1));
    for (std::size_t c = 0; c < vars.size(); ++c) {
      const auto& v = t.variables[c];
      const std::string& cell = r.cells[c];
      if (v.type == VarType::text)
        e = readstat_insert_string_value(w, vars[c], cell.c_str());
      else if (cell.empty())
        e = readstat_insert_missing_value(w, vars[c]);
      else if (!v.value_labels.empty()) {
        const double x = number_of(cell);
        if (x != std::floor(x) || std::fabs(x) > 2147483647.0)
          return Error::invalid("not_an_integer", "a labelled value is a whole number", v.name);
        e = readstat_insert_int32_value(w, vars[c], static_cast<int32_t>(x));
      } else
        e = readstat_insert_double_value(w, vars[c], number_of(cell));
      if (e != READSTAT_OK) return refused(e, v.name);
    }
    if ((e = readstat_end_row(w)) != READSTAT_OK) return refused(e, "a row");
  }
  if ((e = readstat_end_writing(w)) != READSTAT_OK) return refused(e, "the file");
  return out;
}

}  // namespace

Result<std::string> write_dta(const ExportTable& t) {
  return write(t, Target::dta);
}
Result<std::string> write_sav(const ExportTable& t) {
  return write(t, Target::sav);
}

}  // namespace cp::exports
