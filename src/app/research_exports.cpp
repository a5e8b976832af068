// src/app/research_exports.cpp — gathers a study's consented participants, their scores, item
// answers and network maps from the store, pseudonymises them, and hands a table (or snapshots)
// to the pure writers of exports/ (see research_exports.hpp for the rules).
#include "cp/app/research_exports.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "cp/app/research_read.hpp"
#include "cp/app/studies.hpp"
#include "cp/exports/network_canvas.hpp"
#include "cp/exports/writers.hpp"
#include "cp/instruments/catalogue.hpp"
#include "cp/instruments/schedule.hpp"
#include "cp/store/exports.hpp"
#include "cp/store/practice_records.hpp"
#include "cp/store/studies.hpp"
#include "practice_records_internal.hpp"

namespace cp::app {

using domain::Role;
using nlohmann::json;

namespace {

bool is_operator(const Caller& c) {
  return c.account_id == 0 && c.role == Role::system_admin;
}

std::optional<long long> days_between(const std::optional<std::string>& from,
                                      const std::optional<std::string>& to) {
  if (!from || !to) return std::nullopt;
  auto a = instruments::parse_date(from->substr(0, 10));
  auto b = instruments::parse_date(to->substr(0, 10));
  if (!a || !b) return std::nullopt;
  return instruments::days_from_civil(*b) - instruments::days_from_civil(*a);
}

std::string number_text(double v) {
  if (std::floor(v) == v && std::fabs(v) < 1e15)
    return fmt::format("{}", static_cast<long long>(v));
  return fmt::format("{}", v);
}

std::string opt_number(const std::optional<long long>& v) {
  return v ? std::to_string(*v) : std::string();
}

// A consented participant and their study pseudonym.
struct Included {
  store::StudyParticipantRow p;
  std::string pseudonym;
};

// A wave-level variable: a score of an instrument, or an item's answer.
struct Key {
  std::string instrument;
  bool item = false;
  std::string name;
  auto operator<=>(const Key&) const = default;
};

std::string recruited_on(const store::StudyParticipantRow& p) {
  return p.recruited_on.value_or(p.assessed_on);
}

exports::ExportTable build_table(soci::session& s, const store::StudyRow& st,
                                 const std::vector<Included>& inc,
                                 const instruments::Catalogue* catalogue) {
  using exports::VarType;
  const auto sites = store::sites_of_study(s, st.id);
  const auto waves = store::waves_of_study(s, st.id);
  exports::ExportTable t;
  t.title = fmt::format("Connecting People study {}: pseudonymised research export", st.id);
  std::map<std::string, std::size_t> wave_index;
  for (const auto& w : waves) {
    wave_index[w.wave] = t.waves.size();
    t.waves.push_back(w.wave);
  }
  std::set<std::string> taken{"record_id", "wave", "redcap_event_name"};
  std::set<std::string> set_names{"wave"};
  exports::ValueLabelSet site_set{"site", {}};
  std::map<long long, int> site_code;
  std::map<long long, std::string> arm_of_site;
  for (const auto& x : sites) {
    site_code[x.id] = static_cast<int>(site_set.labels.size()) + 1;
    site_set.labels.push_back({site_code[x.id], x.team_name});
    arm_of_site[x.id] = x.arm;
  }
  t.value_labels = {
      site_set, {"arm", {{0, "control"}, {1, "intervention"}}}, {"noyes", {{0, "no"}, {1, "yes"}}}};
  for (const auto& v : t.value_labels) set_names.insert(v.name);
  auto participant = [&](const char* name, const char* label, const char* labels,
                         const char* units) {
    taken.insert(name);
    t.variables.push_back(
        {name, label, VarType::numeric, true, labels, units, "participant", true});
  };
  participant("site", "Site (team) of the study", "site", "");
  participant("arm", "Trial arm of the site", "arm", "");
  participant("age", "Age in whole years at recruitment", "", "years");
  participant("imd_decile", "IMD 2019 decile of the home postcode (1 = most deprived 10%)", "",
              "1-10");
  participant("days_to_consent", "Days from recruitment to the research consent that stands", "",
              "days");
  participant("withdrawn", "Withdrawn from follow-up (data collected stay while consent stands)",
              "noyes", "");
  participant("days_to_withdrawal", "Days from recruitment to withdrawal from follow-up", "",
              "days");
  const std::size_t n_participant = t.variables.size();

  // Scores and numeric item answers of complete responses at the study's waves.
  std::set<long long> people;
  for (const auto& i : inc) people.insert(i.p.person_id);
  std::set<Key> keys;
  std::map<std::tuple<long long, std::string, Key>, std::string> values;
  for (const auto& r : store::export_responses_of_study(s, st.id)) {
    if (!people.count(r.person_id) || !wave_index.count(r.wave)) continue;
    const auto* def = catalogue ? catalogue->find(r.instrument) : nullptr;
    const json scores = json::parse(r.scores, nullptr, false);
    if (scores.is_object() && scores.contains("scores") && scores["scores"].is_object())
      for (const auto& el : scores["scores"].items())
        if (el.value().is_number()) {
          Key k{r.instrument, false, el.key()};
          keys.insert(k);
          values[{r.person_id, r.wave, k}] = number_text(el.value().get<double>());
        }
    const json answers = json::parse(r.answers, nullptr, false);
    if (answers.is_object())
      for (const auto& el : answers.items()) {
        // Numbers only: text answers are free text and never leave.
        if (!el.value().is_number()) continue;
        const auto* item = def ? def->find_item(el.key()) : nullptr;
        if (item && item->type == instruments::ResponseType::text) continue;
        Key k{r.instrument, true, el.key()};
        keys.insert(k);
        values[{r.person_id, r.wave, k}] = number_text(el.value().get<double>());
      }
  }
  // Order: by instrument; its scores, then its items (questionnaire order when the definition is
  // known).
  std::vector<Key> ordered(keys.begin(), keys.end());
  auto position = [&](const Key& k) -> std::size_t {
    const auto* def = catalogue ? catalogue->find(k.instrument) : nullptr;
    if (!k.item || !def) return 0;
    for (std::size_t i = 0; i < def->items.size(); ++i)
      if (def->items[i].id == k.name) return i;
    return def->items.size();
  };
  std::stable_sort(ordered.begin(), ordered.end(), [&](const Key& a, const Key& b) {
    return std::make_tuple(a.instrument, a.item, position(a)) <
           std::make_tuple(b.instrument, b.item, position(b));
  });
  std::set<std::string> form_names{"participant"};
  std::map<std::string, std::string> form_of;
  for (const auto& k : ordered) {
    if (!form_of.count(k.instrument))
      form_of[k.instrument] = exports::make_name(k.instrument, form_names);
    const auto* def = catalogue ? catalogue->find(k.instrument) : nullptr;
    const std::string title = def && !def->title.empty() ? def->title : k.instrument;
    exports::Variable v;
    // A score named like an item (EQ-5D's "vas") is "<instrument>_<score>_score".
    const bool clash =
        !k.item && (keys.count(Key{k.instrument, true, k.name}) || (def && def->find_item(k.name)));
    v.name = exports::make_name(k.instrument + "_" + k.name + (clash ? "_score" : ""), taken);
    v.form = form_of[k.instrument];
    if (!k.item) {
      v.label = fmt::format("{}: {} score", title, k.name);
    } else {
      const auto* item = def ? def->find_item(k.name) : nullptr;
      v.label = item && !item->topic.empty()
                    ? fmt::format("{} item {}: {}", k.instrument, k.name, item->topic)
                    : fmt::format("{} item {}", k.instrument, k.name);
      if (item) {
        v.integer = item->type != instruments::ResponseType::number;
        if (item->min && item->max)
          v.units = fmt::format("{}-{}", number_text(*item->min), number_text(*item->max));
        if (item->type == instruments::ResponseType::code && !item->options.empty()) {
          exports::ValueLabelSet ls{exports::make_name("l_" + v.name, set_names), {}};
          for (const auto& o : item->options)
            ls.labels.push_back({o.code, o.label});  // our labels, never wording
          v.value_labels = ls.name;
          t.value_labels.push_back(std::move(ls));
        }
      }
    }
    t.variables.push_back(std::move(v));
  }

  std::map<long long, store::ExportPersonRow> person_of;
  for (auto& x : store::export_people_of_study(s, st.id)) person_of[x.person_id] = x;
  for (const auto& i : inc) {
    const auto& p = i.p;
    const auto& person = person_of[p.person_id];
    const std::string start = recruited_on(p);
    std::vector<std::string> base(n_participant);
    base[0] = site_code.count(p.site_id) ? std::to_string(site_code[p.site_id]) : "";
    base[1] = arm_of_site[p.site_id] == "intervention" ? "1" : "0";
    if (person.date_of_birth)
      if (auto a = age_in_years(*person.date_of_birth, start)) base[2] = std::to_string(*a);
    if (person.imd_decile) base[3] = std::to_string(*person.imd_decile);
    base[4] = opt_number(days_between(start, p.consent_on));
    base[5] = p.status == "withdrawn" ? "1" : "0";
    base[6] = p.status == "withdrawn" ? opt_number(days_between(start, p.withdrawn_on)) : "";
    for (std::size_t w = 0; w < t.waves.size(); ++w) {
      exports::Row row{i.pseudonym, w, base};
      for (const auto& k : ordered) {
        auto it = values.find({p.person_id, t.waves[w], k});
        row.cells.push_back(it == values.end() ? std::string() : it->second);
      }
      t.rows.push_back(std::move(row));
    }
  }
  return t;
}

std::vector<exports::ExportFile> network_files(soci::session& s, const ResearchRead& read,
                                               const store::StudyRow& st,
                                               const std::vector<Included>& inc,
                                               const std::string& purpose, std::size_t& snapshots) {
  std::map<long long, const Included*> by_person;
  for (const auto& i : inc) by_person[i.p.person_id] = &i;
  std::map<long long, std::string> arm_of_site;
  for (const auto& x : store::sites_of_study(s, st.id)) arm_of_site[x.id] = x.arm;
  std::vector<exports::ExportFile> files;
  std::map<long long, int> sequence;
  for (const auto& m : store::export_maps_of_study(s, st.id)) {
    const int seq = ++sequence[m.person_id];  // every map of the person counts, consented or not
    auto it = by_person.find(m.person_id);
    if (it == by_person.end()) continue;
    const Included& who = *it->second;
    network::EgoSnapshot e = records::to_snapshot(store::map_content(s, m.map_id), m.taken_on, seq);
    e.ego_id = who.pseudonym;
    std::map<std::string, std::string> alias;
    for (auto& member : e.members) {
      const std::string pid = read.study_pseudonym(purpose, "network_member", std::stoll(member.id));
      alias[member.id] = pid;
      member.id = pid;
      member.label.clear();
    }
    for (auto& tie : e.ties) tie = {alias[tie.a], alias[tie.b]};
    if (!network::validate(e)) continue;  // stored content is valid; a tampered map is left out
    exports::SnapshotForExport x{e, fmt::format("s{}", seq),
                                 days_between(recruited_on(who.p), m.taken_on),
                                 arm_of_site[who.p.site_id]};
    for (auto& f : exports::write_network_snapshot(x)) files.push_back(std::move(f));
    ++snapshots;
  }
  return files;
}

}  // namespace

std::optional<ExportFormat> parse_export_format(std::string_view name) {
  if (name == "redcap") return ExportFormat::redcap;
  if (name == "long") return ExportFormat::long_csv;
  if (name == "stata") return ExportFormat::stata;
  if (name == "spss") return ExportFormat::spss;
  if (name == "graphml") return ExportFormat::graphml;
  return std::nullopt;
}

std::string_view to_string(ExportFormat f) {
  switch (f) {
    case ExportFormat::redcap:
      return "redcap";
    case ExportFormat::long_csv:
      return "long";
    case ExportFormat::stata:
      return "stata";
    case ExportFormat::spss:
      return "spss";
    case ExportFormat::graphml:
      return "graphml";
  }
  return "?";
}

ResearchExports::ResearchExports(Service& service, const instruments::Catalogue* catalogue)
    : service_(service), catalogue_(catalogue) {}

Result<ExportResult> ResearchExports::run(const Caller& c, long long study_id,
                                          ExportFormat format) {
  // A research read: one snapshot (a replica will do), audited afterwards (research_read.hpp).
  return research_read(service_, [&](soci::session& s, ResearchRead& read) -> Result<ExportResult> {
    auto st = store::study_by_id(s, study_id);
    const bool same_agency =
        !c.agency_id || !st || !st->agency_id || *c.agency_id == *st->agency_id;
    if (!st || (!is_operator(c) && !same_agency))
      return Error::not_found("There is no study with that id.", "id");
    if (c.role != Role::researcher && !is_operator(c)) {
      read.audit(c, "study.export", "study", std::to_string(study_id), "refused",
                 fmt::format("format {}", to_string(format)));
      return Error::forbidden("You do not have permission to export a study's research data.");
    }
    const std::string purpose = fmt::format("study:{}", study_id);
    std::vector<Included> inc;
    for (auto& p : store::participants_of_study(s, study_id))
      if (research_use_consented(p))
        inc.push_back({p, read.study_pseudonym(purpose, "person", p.person_id)});
    // Sorted by pseudonym, so the order says nothing about recruitment order.
    std::sort(inc.begin(), inc.end(),
              [](const Included& a, const Included& b) { return a.pseudonym < b.pseudonym; });
    ExportResult out;
    out.study_id = study_id;
    out.format = std::string(to_string(format));
    out.records = inc.size();
    const std::string prefix = fmt::format("study_{}", study_id);
    if (format == ExportFormat::graphml) {
      out.files = network_files(s, read, *st, inc, purpose, out.rows);
    } else {
      auto t = build_table(s, *st, inc, catalogue_);
      if (auto ok = exports::validate(t); !ok)
        return Error{ErrorKind::internal, "export_failed",
                     "The export table is inconsistent: " + ok.error().message, ok.error().field};
      out.rows = t.rows.size();
      switch (format) {
        case ExportFormat::redcap:
          out.files = exports::write_redcap(t, prefix);
          break;
        case ExportFormat::long_csv:
          out.files = exports::write_long(t, prefix);
          break;
        case ExportFormat::stata:
        case ExportFormat::spss: {
          const bool dta = format == ExportFormat::stata;
          auto bytes = dta ? exports::write_dta(t) : exports::write_sav(t);
          if (!bytes) return bytes.error();
          out.files.push_back({prefix + (dta ? ".dta" : ".sav"),
                               dta ? "application/x-stata-dta" : "application/x-spss-sav",
                               std::move(*bytes)});
          out.files.push_back(
              {prefix + "_codebook.csv", "text/csv; charset=utf-8", exports::codebook_csv(t)});
          break;
        }
        case ExportFormat::graphml:
          break;
      }
    }
    read.audit(c, "study.export", "study", std::to_string(study_id), "ok",
               fmt::format("format {}, {} records, {} rows, {} files", out.format, out.records,
                           out.rows, out.files.size()));
    return out;
  });
}

Result<std::vector<long long>> ResearchExports::exportable_studies(const Caller& c) {
  return service_.database().read([&](soci::session& s) -> Result<std::vector<long long>> {
    if (c.role != Role::researcher && !is_operator(c))
      return Error::forbidden("You do not have permission to export a study's research data.");
    std::vector<long long> out;
    for (const auto& st : store::all_studies(s))
      if (is_operator(c) || !c.agency_id || !st.agency_id || *c.agency_id == *st.agency_id)
        out.push_back(st.id);
    return out;
  });
}

Result<std::size_t> ResearchExports::import_deprivation(const Caller& c,
                                                        const std::vector<PostcodeDecile>& rows,
                                                        const std::string& source) {
  return service_.database().write([&](soci::session& s) -> Result<std::size_t> {
    if (c.role != Role::system_admin) {
      audit(s, c, "deprivation.import", "postcode_deprivation", "-", std::nullopt, "refused");
      return Error::forbidden("Only the system administrator loads the deprivation lookup.");
    }
    if (source.empty() || source.size() > 200)
      return Error::invalid("invalid_value",
                            "Name the source of the lookup (up to 200 characters).", "source");
    std::vector<std::pair<std::string, int>> clean;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const std::string pc = store::normalise_postcode(rows[i].postcode);
      const bool ok =
          !pc.empty() && pc.size() <= 8 && std::all_of(pc.begin(), pc.end(), [](char ch) {
            return std::isalnum(static_cast<unsigned char>(ch));
          });
      if (!ok)
        return Error::invalid("invalid_value",
                              "A postcode is 2 to 8 letters and digits (spaces are ignored).",
                              fmt::format("rows[{}].postcode", i));
      if (rows[i].decile < 1 || rows[i].decile > 10)
        return Error::invalid("out_of_range", "imd_decile is a whole number from 1 to 10.",
                              fmt::format("rows[{}].imd_decile", i));
      clean.emplace_back(pc, static_cast<int>(rows[i].decile));
    }
    const std::string now = records::now_ts();
    for (const auto& [pc, d] : clean) store::upsert_postcode_decile(s, pc, d, source, now);
    audit(s, c, "deprivation.import", "postcode_deprivation", "-", std::nullopt, "ok",
          fmt::format("{} rows from {}", clean.size(), source));
    return clean.size();
  });
}

std::string demo_postcode(int i) {
  const char a = static_cast<char>('A' + (i * 7) % 26),
             b = static_cast<char>('A' + (i * 11 + 3) % 26);
  return fmt::format("NB{} {}{}{}", 1 + i % 9, i % 10, a, b);
}

void seed_demo_deprivation(soci::session& s, const std::string& now) {
  // Districts NB1–NB8 have made-up deciles; NB9 is left out, so some people have no decile.
  for (int i = 0; i < 40; ++i) {
    const int district = 1 + i % 9;
    if (district == 9) continue;
    store::upsert_postcode_decile(s, store::normalise_postcode(demo_postcode(i)),
                                  1 + (district * 3) % 10, "synthetic demo data", now);
  }
}

}  // namespace cp::app
