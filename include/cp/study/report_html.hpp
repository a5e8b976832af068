// include/cp/study/report_html.hpp — the self-contained HTML report of an evaluation (no
// scripts, no external files: inline CSS and SVG): flow diagram, descriptives, table of arm
// effects per outcome and model, forest plot, change plots, warnings.
#pragma once

#include <string>

#include "cp/study/evaluation.hpp"

namespace cp::study {

// Renders the report. Pure: returns the HTML text. Extra SVG fragments (e.g. the economics
// layer's CE plane and CEAC) can be appended through `extra_sections` (already-safe HTML).
std::string render_report_html(const EvaluationOutput& out, const std::string& extra_sections = {});

// Escapes &, <, >, " and ' for HTML text and attributes.
std::string html_escape(const std::string& s);

}  // namespace cp::study
