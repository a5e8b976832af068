// src/study/report_html.cpp — report.html: inline CSS + SVG, readable offline, no scripts.
#include "cp/study/report_html.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace cp::study {

namespace {

using json = nlohmann::json;

std::string fmtnum(const json& v, int digits = 3) {
  if (!v.is_number()) return "–";
  const double x = v.get<double>();
  if (std::fabs(x) >= 1e5 || (std::fabs(x) < 1e-3 && x != 0)) return fmt::format("{:.{}g}", x, digits);
  return fmt::format("{:.{}f}", x, digits);
}

std::string fmtp(const json& v) {
  if (!v.is_number()) return "–";
  const double p = v.get<double>();
  return p < 0.001 ? "&lt; 0.001" : fmt::format("{:.3f}", p);
}

// Flow diagram: four boxes per arm, top to bottom.
std::string flow_svg(const json& flow, const std::string& c, const std::string& i) {
  const char* stages[] = {"recruited", "baseline", "followed_up", "analysed"};
  const char* titles[] = {"Recruited", "Baseline measured", "Followed up", "Analysed (complete cases)"};
  std::string s = R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 560 330" width="560" height="330" role="img" aria-label="Participant flow">)";
  s += R"(<defs><marker id="ah" markerWidth="8" markerHeight="8" refX="4" refY="4" orient="auto"><path d="M0,0 L8,4 L0,8 z" fill="#555"/></marker></defs>)";
  const std::string arms[2] = {i, c};
  for (int a = 0; a < 2; ++a) {
    const double x = 20 + a * 280;
    s += fmt::format(R"(<text x="{}" y="18" font-weight="bold" text-anchor="middle">{}</text>)", x + 120,
                     html_escape(arms[a]));
    for (int k = 0; k < 4; ++k) {
      const double y = 30 + k * 75;
      const json& v = flow.contains(arms[a]) ? flow[arms[a]][stages[k]] : json();
      s += fmt::format(R"(<rect x="{}" y="{}" width="240" height="50" rx="6" fill="#eef3fb" stroke="#335"/>)", x, y);
      s += fmt::format(R"(<text x="{}" y="{}" text-anchor="middle">{}</text>)", x + 120, y + 21, titles[k]);
      s += fmt::format(R"(<text x="{}" y="{}" text-anchor="middle" font-weight="bold">n = {}</text>)", x + 120,
                       y + 40, v.is_number() ? std::to_string(v.get<int>()) : "–");
      if (k < 3)
        s += fmt::format(R"~(<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" stroke="#555" marker-end="url(#ah)"/>)~",
                         x + 120, y + 50, y + 73);
    }
  }
  return s + "</svg>";
}

struct Row {
  std::string label;
  double est, lo, hi;
};

// Forest plot of arm effects with CIs for one outcome (each outcome has its own scale).
std::string forest_svg(const std::vector<Row>& rows) {
  if (rows.empty()) return "<p>No estimates to plot.</p>";
  double lo = 0, hi = 0;
  for (const auto& r : rows) {
    lo = std::min(lo, r.lo);
    hi = std::max(hi, r.hi);
  }
  const double pad = (hi - lo) * 0.08 + 1e-12;
  lo -= pad;
  hi += pad;
  const double W = 600, left = 170, right = 20, rowh = 24, top = 10;
  const double H = top + rowh * rows.size() + 30;
  auto X = [&](double v) { return left + (v - lo) / (hi - lo) * (W - left - right); };
  std::string s = fmt::format(R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {0} {1}" width="{0}" height="{1}" role="img" aria-label="Forest plot">)", W, H);
  s += fmt::format(R"(<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" stroke="#999" stroke-dasharray="4 3"/>)", X(0), top,
                   H - 25);
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const double y = top + rowh * k + rowh / 2;
    const auto& r = rows[k];
    s += fmt::format(R"(<text x="5" y="{}" font-size="12">{}</text>)", y + 4, html_escape(r.label));
    s += fmt::format(R"(<line x1="{0}" y1="{2}" x2="{1}" y2="{2}" stroke="#224"/>)", X(r.lo), X(r.hi), y);
    s += fmt::format(R"(<rect x="{}" y="{}" width="8" height="8" fill="#224"/>)", X(r.est) - 4, y - 4);
  }
  for (int t = 0; t <= 4; ++t) {
    const double v = lo + (hi - lo) * t / 4;
    s += fmt::format(R"(<text x="{}" y="{}" font-size="11" text-anchor="middle">{}</text>)", X(v), H - 8,
                     fmt::format("{:.3g}", v));
  }
  return s + "</svg>";
}

// Mean score at baseline and follow-up by arm (lines with ±1 SE bars).
std::string change_svg(const OutcomeSummary& s, const std::string& c, const std::string& i) {
  double lo = 1e300, hi = -1e300;
  bool any = false;
  for (const auto& a : s.arm) {
    if (a.n_baseline > 0) {
      const double se = a.n_baseline > 1 ? a.sd_baseline / std::sqrt(a.n_baseline) : 0;
      lo = std::min(lo, a.mean_baseline - se);
      hi = std::max(hi, a.mean_baseline + se);
      any = true;
    }
    if (a.n_followup > 0) {
      const double se = a.n_followup > 1 ? a.sd_followup / std::sqrt(a.n_followup) : 0;
      lo = std::min(lo, a.mean_followup - se);
      hi = std::max(hi, a.mean_followup + se);
      any = true;
    }
  }
  if (!any) return "<p>No observed scores.</p>";
  const double pad = (hi - lo) * 0.1 + 1e-9;
  lo -= pad;
  hi += pad;
  const double W = 320, H = 220, left = 50, bottom = 30, top = 15;
  auto Y = [&](double v) { return top + (hi - v) / (hi - lo) * (H - top - bottom); };
  const double xs[2] = {left + 40, W - 60};
  std::string out = fmt::format(R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {0} {1}" width="{0}" height="{1}" role="img" aria-label="Change plot {2}">)", W, H, html_escape(s.name));
  out += fmt::format(R"(<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" stroke="#999"/>)", left, top, H - bottom);
  for (int t = 0; t <= 4; ++t) {
    const double v = lo + (hi - lo) * t / 4;
    out += fmt::format(R"(<text x="{}" y="{}" font-size="10" text-anchor="end">{:.3g}</text>)", left - 4, Y(v) + 3, v);
  }
  out += fmt::format(R"(<text x="{}" y="{}" font-size="11" text-anchor="middle">baseline</text>)", xs[0], H - 10);
  out += fmt::format(R"(<text x="{}" y="{}" font-size="11" text-anchor="middle">follow-up</text>)", xs[1], H - 10);
  const char* colour[2] = {"#888", "#c0392b"};
  const std::string names[2] = {c, i};
  for (int a = 0; a < 2; ++a) {
    const auto& m = s.arm[a];
    if (m.n_baseline == 0 || m.n_followup == 0) continue;
    out += fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="2"/>)", xs[0],
                       Y(m.mean_baseline), xs[1], Y(m.mean_followup), colour[a]);
    const double mb[2] = {m.mean_baseline, m.mean_followup};
    const double se[2] = {m.n_baseline > 1 ? m.sd_baseline / std::sqrt(m.n_baseline) : 0,
                          m.n_followup > 1 ? m.sd_followup / std::sqrt(m.n_followup) : 0};
    for (int w = 0; w < 2; ++w) {
      out += fmt::format(R"(<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" stroke="{3}"/>)", xs[w] + (a ? 3 : -3),
                         Y(mb[w] - se[w]), Y(mb[w] + se[w]), colour[a]);
      out += fmt::format(R"(<circle cx="{}" cy="{}" r="4" fill="{}"/>)", xs[w] + (a ? 3 : -3), Y(mb[w]), colour[a]);
    }
    out += fmt::format(R"(<text x="{}" y="{}" font-size="11" fill="{}">{}</text>)", xs[1] + 8, Y(m.mean_followup) + 4,
                       colour[a], html_escape(names[a]));
  }
  return out + "</svg>";
}

}  // namespace

std::string html_escape(const std::string& s) {
  std::string o;
  o.reserve(s.size());
  for (char ch : s) {
    switch (ch) {
      case '&': o += "&amp;"; break;
      case '<': o += "&lt;"; break;
      case '>': o += "&gt;"; break;
      case '"': o += "&quot;"; break;
      case '\'': o += "&#39;"; break;
      default: o += ch;
    }
  }
  return o;
}

std::string render_report_html(const EvaluationOutput& out, const std::string& extra_sections) {
  const json& R = out.results;
  const std::string c = R["data"]["control"].get<std::string>();
  const std::string i = R["data"]["intervention"].get<std::string>();
  std::string h = R"(<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Connecting People — evaluation report</title><style>
body{font-family:system-ui,sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #ccc;padding:3px 8px;text-align:right}
th:first-child,td:first-child{text-align:left}th{background:#f0f0f0}.warn{color:#8a4b00}
h2{border-bottom:1px solid #ccc;padding-bottom:.2em}figure{display:inline-block;margin:0 1em 1em 0}
</style></head><body>)";
  h += "<h1>Connecting People — outcome evaluation</h1>";
  h += fmt::format("<p>{} participants in {} clusters; intervention arm <b>{}</b> compared with <b>{}</b>. "
                   "Effects are intervention minus control, with {}% confidence intervals.</p>",
                   R["data"]["n"].get<int>(), R["data"]["n_clusters"].get<int>(), html_escape(i),
                   html_escape(c), fmtnum(R["settings"]["level"].get<double>() * 100, 0));
  h += "<h2>Participant flow</h2>" + flow_svg(R["flow"], c, i);
  h += "<p>Counts for the first outcome; “analysed” = baseline, follow-up and covariates observed.</p>";

  h += "<h2>Arm effects</h2>";
  for (auto it = R["outcomes"].begin(); it != R["outcomes"].end(); ++it) {
    const std::string name = it.key();
    const json& o = it.value();
    h += fmt::format("<h3>{}</h3>", html_escape(name));
    h += "<table><tr><th>model</th><th>estimate</th><th>SE</th><th>df</th><th>CI</th><th>p</th><th>n</th><th>"
         "standardised</th><th>notes</th></tr>";
    std::vector<Row> rows;
    for (auto m = o.begin(); m != o.end(); ++m) {
      if (m.key() == "descriptives" || m.key() == "dose_response") continue;
      const json& r = m.value();
      std::string notes;
      if (r.contains("error")) notes = html_escape(r["error"].get<std::string>());
      if (r.contains("F")) notes += fmt::format("F({}, {}) = {}, partial η² = {}", fmtnum(r["df1"], 0), fmtnum(r["df2"], 0), fmtnum(r["F"]), fmtnum(r["partial_eta_sq"]));
      if (r.contains("sigma2_cluster")) notes += fmt::format("σ²cluster = {}, σ²residual = {}", fmtnum(r["sigma2_cluster"]), fmtnum(r["sigma2_residual"]));
      if (r.contains("fmi")) notes += fmt::format("m = {}, FMI = {}", fmtnum(r["m"], 0), fmtnum(r["fmi"]));
      std::string smd = "–";
      if (r.contains("smd") && r["smd"].contains("estimate") && r["smd"]["estimate"].is_number())
        smd = fmt::format("{} ({} to {})", fmtnum(r["smd"]["estimate"]), fmtnum(r["smd"]["ci_low"]), fmtnum(r["smd"]["ci_high"]));
      h += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{} to {}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                       html_escape(m.key()), fmtnum(r["estimate"]), fmtnum(r["se"]), fmtnum(r["df"], 1), fmtnum(r["ci_low"]),
                       fmtnum(r["ci_high"]), fmtp(r["p"]), fmtnum(r["n"], 0), smd, notes);
      if (r["estimate"].is_number() && r["ci_low"].is_number() && r["ci_high"].is_number())
        rows.push_back({m.key(), r["estimate"].get<double>(), r["ci_low"].get<double>(), r["ci_high"].get<double>()});
    }
    h += "</table>";
    h += "<figure>" + forest_svg(rows) + fmt::format("<figcaption>Forest plot: {} (arm effect and CI by model)</figcaption></figure>", html_escape(name));
    for (const auto& s : out.summaries)
      if (s.name == name)
        h += "<figure>" + change_svg(s, c, i) + "<figcaption>Mean ± 1 SE at baseline and follow-up by arm (observed)</figcaption></figure>";
    if (o.contains("dose_response")) {
      const json& d = o["dose_response"];
      h += fmt::format("<p>Dose–response on <code>{}</code>: ", html_escape(d["column"].get<std::string>()));
      for (const char* part : {"continuous", "full_vs_partial"})
        if (d.contains(part))
          h += fmt::format("{}: {} ({} to {}), p = {}, n = {}. ", part, fmtnum(d[part]["estimate"]), fmtnum(d[part]["ci_low"]),
                           fmtnum(d[part]["ci_high"]), fmtp(d[part]["p"]), fmtnum(d[part]["n"], 0));
      h += "</p>";
    }
  }
  h += "<h2>Descriptives</h2><table><tr><th>outcome</th><th>arm</th><th>n baseline</th><th>mean (SD) baseline</th><th>n follow-up</th><th>mean (SD) follow-up</th></tr>";
  for (const auto& s : out.summaries)
    for (int a = 0; a < 2; ++a) {
      const auto& m = s.arm[a];
      h += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", html_escape(s.name),
                       html_escape(a ? i : c), m.n_baseline,
                       m.n_baseline ? fmt::format("{:.3f} ({:.3f})", m.mean_baseline, m.sd_baseline) : "–", m.n_followup,
                       m.n_followup ? fmt::format("{:.3f} ({:.3f})", m.mean_followup, m.sd_followup) : "–");
    }
  h += "</table>";
  h += out.report_sections;
  h += extra_sections;
  h += "<h2>Warnings</h2>";
  if (out.warnings.empty()) h += "<p>None.</p>";
  else {
    h += "<ul>";
    for (const auto& w : out.warnings) h += "<li class=\"warn\">" + html_escape(w) + "</li>";
    h += "</ul>";
  }
  h += "<p><small>Generated by <code>cpi analyse</code>. Methods: docs/analysis.md.</small></p></body></html>\n";
  return h;
}

}  // namespace cp::study
