// src/http/routes_exports.cpp — the researcher's pseudonymised study exports (issue 8 part 5):
// GET /api/v1/studies/{id}/exports/{format} answers a JSON manifest of the export's files;
// with ?file=NAME it answers that one file. Each request is one export, audited by app/ (one
// audit row: who, study, format, counts). Translates only; app/research_exports.hpp decides.
#include "cp/app/research_exports.hpp"
#include "route_tables.hpp"

namespace cp::http {

using nlohmann::json;

namespace {

Response study_export(const Context& c) {
  const auto format = app::parse_export_format(c.param("format"));
  if (!format)
    return error_response(Error::invalid(
        "invalid_value", std::string("format must be one of: ") + app::kExportFormats, "format"));
  const auto file = c.query("file");
  if (file && (file->empty() || file->size() > 200))
    return error_response(
        Error::invalid("invalid_value", "file names one file of the manifest", "file"));
  auto r = app::ResearchExports(c.service, c.config.instruments.get()).run(c.caller, c.id, *format);
  if (!r) return error_response(r.error());
  const std::string base = "/api/v1/studies/" + std::to_string(c.id) + "/exports/" + r->format;
  if (!file) {
    json files = json::array();
    for (const auto& f : r->files)
      files.push_back({{"name", f.name},
                       {"content_type", f.content_type},
                       {"size", f.bytes.size()},
                       {"href", base + "?file=" + f.name}});
    return json_response(200, {{"study_id", r->study_id},
                               {"format", r->format},
                               {"records", r->records},
                               {"rows", r->rows},
                               {"files", files}});
  }
  for (auto& f : r->files)
    if (f.name == *file) {
      Response out;
      out.status = 200;
      out.body = std::move(f.bytes);
      out.headers.emplace_back("Content-Type", f.content_type);
      out.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + f.name + "\"");
      return out;
    }
  return error_response(Error::not_found("This export has no file of that name.", "file"));
}

}  // namespace

std::vector<Route> export_routes() {
  return {
      {"GET", "/api/v1/studies/{id}/exports/{format}",
       "A pseudonymised research export of the study (researcher): format redcap, long, stata, "
       "spss or graphml; "
       "a JSON manifest of its files, or one file with ?file=NAME (docs/exports.md)",
       true, study_export},
  };
}

}  // namespace cp::http
