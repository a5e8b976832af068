// include/cp/app/research_exports.hpp — pseudonymised research exports of a study (issue 8 part
// 5): REDCap, long CSV with codebook, Stata, SPSS and network maps (GraphML and Network Canvas
// CSVs), and the postcode → IMD decile lookup they use. docs/exports.md is the reference.
//
// Who: a researcher (studies of their agency), or the operator (`cpi export`: a system_admin
// caller with account id 0, as `cpi analyse --study`). Everyone else is refused and the refusal
// audited. Each export is a research read (research_read.hpp): one read-only snapshot (a
// streaming replica will do), then ONE audit row on the audit database (action "study.export",
// the study, and the format, records, rows and files in the detail) before the files are
// returned.
//
// Content: only participants for whom research_use_consented() holds (studies.hpp — the same
// rule as the analysis dataset). Record ids are study_pseudonym(s, "study:<id>", "person", id);
// network members are study_pseudonym(…, "network_member", member id). Never exported: names,
// contact details, dates of birth (age in whole years at recruitment instead), postcodes (IMD
// decile instead), calendar dates (days since recruitment instead), free text (notes, reasons,
// text answers, member names), database ids.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cp/app/caller.hpp"
#include "cp/app/service.hpp"
#include "cp/domain/result.hpp"
#include "cp/exports/table.hpp"

namespace cp::instruments {
class Catalogue;
}

namespace cp::app {

enum class ExportFormat { redcap, long_csv, stata, spss, graphml };
// "redcap" | "long" | "stata" | "spss" | "graphml"
std::optional<ExportFormat> parse_export_format(std::string_view name);
std::string_view to_string(ExportFormat f);
inline constexpr const char* kExportFormats = "redcap, long, stata, spss, graphml";

struct ExportResult {
  long long study_id = 0;
  std::string format;
  std::size_t records = 0;  // consented participants exported
  std::size_t rows = 0;     // rows of the data table (graphml: snapshots)
  std::vector<exports::ExportFile> files;
};

// One row of the deprivation lookup to load.
struct PostcodeDecile {
  std::string postcode;  // any spacing or case; stored normalised
  long long decile = 0;  // 1 (most deprived 10%) … 10
};

class ResearchExports {
 public:
  // `catalogue` (may be null) gives item labels and value labels of coded items; without it
  // items are labelled by their ids. It must outlive this object.
  ResearchExports(Service& service, const instruments::Catalogue* catalogue = nullptr);

  Result<ExportResult> run(const Caller& c, long long study_id, ExportFormat format);
  // The ids of every study the caller may export (operator: all; researcher: their agency's).
  Result<std::vector<long long>> exportable_studies(const Caller& c);
  // Loads rows into the lookup (operator or system admin only), all or nothing; the error names
  // the row ("rows[3].imd_decile"). Audited as "deprivation.import" with the count.
  Result<std::size_t> import_deprivation(const Caller& c, const std::vector<PostcodeDecile>& rows,
                                         const std::string& source);

 private:
  Service& service_;
  const instruments::Catalogue* catalogue_;
};

// Synthetic postcodes in the demo's fictional "NB" area and their made-up deciles (demo only).
std::string demo_postcode(int person_index);
void seed_demo_deprivation(soci::session& s, const std::string& now);

}  // namespace cp::app
