// src/app/studies.cpp — study design, recruitment, research consent, CONSORT counts and the
// pseudonymised analysis dataset from the store (see studies.hpp).
#include "cp/app/studies.hpp"

#include "cp/app/pseudonyms.hpp"
#include "cp/app/research_read.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <map>
#include <set>

#include "cp/app/access.hpp"
#include "cp/domain/clock.hpp"
#include "cp/instruments/schedule.hpp"
#include "cp/store/records.hpp"
#include "cp/store/studies.hpp"

namespace cp::app {

using domain::Role;

namespace {

std::string now_ts() { return domain::iso_timestamp(std::chrono::system_clock::now()); }

std::optional<long long> account_of(const Caller& c) {
  if (c.account_id == 0) return std::nullopt;
  return c.account_id;
}

Error refused(const std::string& what) {
  return Error::forbidden("You do not have permission to " + what + ".");
}

bool designs_studies(const Caller& c) {
  return c.role == Role::researcher || c.role == Role::agency_admin;
}
bool reads_study(const Caller& c) {
  return designs_studies(c) || c.role == Role::team_leader || c.role == Role::practitioner;
}
// A study of another agency is invisible to an account attached to an agency.
bool same_agency(const Caller& c, const store::StudyRow& st) {
  return !c.agency_id || !st.agency_id || *c.agency_id == *st.agency_id;
}

Error bad_date(const std::string& field) {
  return Error::invalid("invalid_date", "Give the date as YYYY-MM-DD.", field);
}

json opt(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }

json design_json(soci::session& s, const store::StudyRow& st) {
  json sites = json::array(), waves = json::array();
  for (const auto& x : store::sites_of_study(s, st.id))
    sites.push_back({{"site_id", x.id}, {"team_id", x.team_id}, {"team", x.team_name}, {"arm", x.arm}});
  for (const auto& w : store::waves_of_study(s, st.id))
    waves.push_back({{"wave", w.wave}, {"target_month", w.target_month}, {"window_days", w.window_days}});
  return {{"id", st.id},          {"name", st.name},   {"design", st.design},
          {"created_at", st.created_at}, {"sites", sites}, {"waves", waves}};
}

json participant_json(const store::StudyParticipantRow& p) {
  return {{"participant_id", p.id},         {"study_id", p.study_id},
          {"person_id", p.person_id},       {"site_id", p.site_id},
          {"status", p.status},             {"assessed_on", p.assessed_on},
          {"recruited_on", opt(p.recruited_on)}, {"withdrawn_on", opt(p.withdrawn_on)},
          {"withdrawal_reason", opt(p.withdrawal_reason)},
          {"consent", p.consent ? json(*p.consent) : json("none")},
          {"consent_on", opt(p.consent_on)}};
}

bool consented(const store::StudyParticipantRow& p) { return research_use_consented(p); }

// Checks a study exists and the caller may see it; audits a refusal.
Result<store::StudyRow> visible_study(soci::session& s, const Caller& c, long long study_id,
                                      const std::string& action) {
  auto st = store::study_by_id(s, study_id);
  if (!st || !same_agency(c, *st)) return Error::not_found("There is no study with that id.", "id");
  if (!reads_study(c)) {
    audit(s, c, action, "study", std::to_string(study_id), std::nullopt, "refused");
    return refused("see studies");
  }
  return *st;
}

// A participant of this study whom the caller may write (their practitioner or team leader).
Result<store::StudyParticipantRow> writable_participant(soci::session& s, const Caller& c,
                                                        long long study_id, long long pid,
                                                        const std::string& action) {
  auto st = store::study_by_id(s, study_id);
  if (!st || !same_agency(c, *st)) return Error::not_found("There is no study with that id.", "id");
  auto p = store::participant_by_id(s, pid);
  if (!p || p->study_id != study_id)
    return Error::not_found("There is no participant with that id in this study.", "participant_id");
  if (access_to_person(c, p->person_id, store::partnerships_of_person(s, p->person_id)) != Access::write) {
    audit(s, c, action, "study_participant", std::to_string(pid), p->person_id, "refused");
    return refused("record research consent or withdrawal for this person");
  }
  return *p;
}

std::string column_part(const std::string& s) {
  std::string out;
  for (char ch : s) out += std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
  return out;
}

std::string number_cell(double v) {
  if (std::floor(v) == v && std::fabs(v) < 1e15) return fmt::format("{}", static_cast<long long>(v));
  return fmt::format("{}", v);  // shortest round-trip form
}

std::string csv_field(const std::string& v) {
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char ch : v) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}

int age_on(const std::string& dob, const std::string& on) { return age_in_years(dob, on).value_or(-1); }

}  // namespace

bool research_use_consented(const store::StudyParticipantRow& p) {
  return p.status != "declined" && p.consent && *p.consent == "given";
}

std::optional<int> age_in_years(const std::string& dob, const std::string& on) {
  auto b = instruments::parse_date(dob.substr(0, 10));
  auto d = instruments::parse_date(on.substr(0, 10));
  if (!b || !d) return std::nullopt;
  int age = d->year - b->year;
  if (d->month < b->month || (d->month == b->month && d->day < b->day)) --age;
  if (age < 0) return std::nullopt;
  return age;
}

std::string DatasetTable::to_csv() const {
  std::string out;
  for (std::size_t i = 0; i < columns.size(); ++i) out += (i ? "," : "") + csv_field(columns[i]);
  out += "\n";
  for (const auto& r : rows) {
    for (std::size_t i = 0; i < r.size(); ++i) out += (i ? "," : "") + csv_field(r[i]);
    out += "\n";
  }
  return out;
}

std::string study_pseudonym(soci::session& s, const std::string& purpose, const std::string& kind,
                            long long id) {
  return PseudonymKey::load_or_create(s).study_pseudonym(purpose, kind, id);
}

nlohmann::json consort_counts_json(soci::session& s, long long study_id) {
  const auto sites = store::sites_of_study(s, study_id);
  const auto waves = store::waves_of_study(s, study_id);
  const auto parts = store::participants_of_study(s, study_id);
  std::map<long long, std::string> arm_of_site;
  for (const auto& x : sites) arm_of_site[x.id] = x.arm;
  std::set<std::pair<long long, std::string>> measured;  // person, wave
  for (const auto& r : store::complete_scores_of_study(s, study_id)) measured.insert({r.person_id, r.wave});
  json out = json::object();
  for (const char* arm : {"intervention", "control"}) {
    json w = json::object();
    for (const auto& wave : waves) w[wave.wave] = 0;
    out[arm] = {{"assessed", 0}, {"declined", 0}, {"recruited", 0}, {"consented", 0},
                {"consent_withdrawn", 0}, {"withdrawn", 0}, {"measured", w}, {"analysed", 0}};
  }
  for (const auto& p : parts) {
    json& a = out[arm_of_site[p.site_id]];
    auto inc = [&](const char* k) { a[k] = a[k].get<int>() + 1; };
    inc("assessed");
    if (p.status == "declined") {
      inc("declined");
      continue;
    }
    inc("recruited");
    if (p.status == "withdrawn") inc("withdrawn");
    if (p.consent && *p.consent == "withdrawn") inc("consent_withdrawn");
    if (!consented(p)) continue;
    inc("consented");
    inc("analysed");
    for (const auto& wave : waves)
      if (measured.count({p.person_id, wave.wave}))
        a["measured"][wave.wave] = a["measured"][wave.wave].get<int>() + 1;
  }
  json wl = json::array();
  for (const auto& wave : waves) wl.push_back(wave.wave);
  return {{"study_id", study_id}, {"waves", wl}, {"arms", out}};
}

Studies::Studies(Service& service) : service_(service) {}

Result<json> Studies::create(const Caller& c, const NewStudy& in) {
  return service_.database().write([&](soci::session& s) -> Result<json> {
    if (!designs_studies(c)) {
      audit(s, c, "study.create", "study", "-", std::nullopt, "refused");
      return refused("create studies");
    }
    if (in.name.empty() || in.name.size() > 200)
      return Error::invalid("invalid_value", "Give the study a name (up to 200 characters).", "name");
    if (in.design != "cluster_controlled" && in.design != "cluster_randomised" && in.design != "pre_post")
      return Error::invalid("invalid_value",
                            "design must be one of: cluster_controlled, cluster_randomised, pre_post", "design");
    if (in.sites.empty()) return Error::invalid("missing_field", "A study needs at least one site.", "sites");
    if (in.waves.size() < 2)
      return Error::invalid("missing_field", "A study needs a baseline and at least one follow-up wave.", "waves");
    std::set<long long> teams;
    for (std::size_t i = 0; i < in.sites.size(); ++i) {
      const auto& x = in.sites[i];
      const std::string f = fmt::format("sites[{}]", i);
      auto t = store::team_by_id(s, x.team_id);
      if (!t || (c.agency_id && t->agency_id != *c.agency_id))
        return Error::invalid("unknown_team", "There is no team with that id in your agency.", f + ".team_id");
      if (!teams.insert(x.team_id).second)
        return Error::invalid("duplicate", "Each team can be one site only.", f + ".team_id");
      if (x.arm != "intervention" && x.arm != "control")
        return Error::invalid("invalid_value", "arm must be intervention or control", f + ".arm");
    }
    std::set<std::string> names;
    int last_month = -1;
    auto waves = in.waves;
    std::stable_sort(waves.begin(), waves.end(),
                     [](const auto& a, const auto& b) { return a.target_month < b.target_month; });
    for (std::size_t i = 0; i < waves.size(); ++i) {
      const auto& w = waves[i];
      const std::string f = fmt::format("waves[{}]", i);
      if (w.wave.empty() || w.wave.size() > 40)
        return Error::invalid("invalid_value", "Each wave needs an id (up to 40 characters).", f + ".wave");
      if (!names.insert(w.wave).second)
        return Error::invalid("duplicate", "Wave ids must be unique.", f + ".wave");
      if (w.target_month < 0 || w.target_month > 240 || w.target_month == last_month)
        return Error::invalid("invalid_value", "Target months are 0..240 and differ between waves.",
                              f + ".target_month");
      if (w.window_days < 0 || w.window_days > 366)
        return Error::invalid("invalid_value", "Windows are 0..366 days.", f + ".window_days");
      last_month = w.target_month;
    }
    store::StudyRow row;
    row.agency_id = c.agency_id;
    row.name = in.name;
    row.design = in.design;
    const std::string ts = now_ts();
    const long long id = store::insert_study(s, row, account_of(c), ts);
    for (const auto& x : in.sites) store::insert_study_site(s, id, x.team_id, x.arm);
    for (const auto& w : waves) store::insert_study_wave(s, {0, id, w.wave, w.target_month, w.window_days});
    audit(s, c, "study.create", "study", std::to_string(id), std::nullopt, "ok",
          fmt::format("{} sites, {} waves", in.sites.size(), waves.size()));
    return design_json(s, *store::study_by_id(s, id));
  });
}

Result<json> Studies::list(const Caller& c) {
  return service_.database().read([&](soci::session& s) -> Result<json> {
    if (!reads_study(c)) return refused("see studies");
    json out = json::array();
    for (const auto& st : store::all_studies(s))
      if (same_agency(c, st)) out.push_back(design_json(s, st));
    return json{{"studies", out}};
  });
}

Result<json> Studies::get(const Caller& c, long long study_id) {
  return service_.database().write([&](soci::session& s) -> Result<json> {
    auto st = visible_study(s, c, study_id, "study.read");
    if (!st) return st.error();
    json j = design_json(s, *st);
    // Workers see their own people among the participants (names stay with the practice record).
    if (c.role == Role::practitioner || c.role == Role::team_leader) {
      json mine = json::array();
      for (const auto& p : store::participants_of_study(s, study_id))
        if (access_to_person(c, p.person_id, store::partnerships_of_person(s, p.person_id)) == Access::write)
          mine.push_back(participant_json(p));
      j["participants"] = mine;
    }
    return j;
  });
}

Result<json> Studies::add_participant(const Caller& c, long long study_id, const NewParticipant& in) {
  return service_.database().write([&](soci::session& s) -> Result<json> {
    auto st = store::study_by_id(s, study_id);
    if (!st || !same_agency(c, *st)) return Error::not_found("There is no study with that id.", "id");
    auto person = store::person_by_id(s, in.person_id);
    if (!person) return Error::not_found("There is no person with that id.", "person_id");
    const auto partnerships = store::partnerships_of_person(s, in.person_id);
    if (access_to_person(c, in.person_id, partnerships) != Access::write) {
      audit(s, c, "study.recruit", "study", std::to_string(study_id), in.person_id, "refused");
      return refused("record recruitment for this person");
    }
    if (!instruments::parse_date(in.assessed_on)) return bad_date("assessed_on");
    const auto sites = store::sites_of_study(s, study_id);
    const store::StudySiteRow* site = nullptr;
    for (const auto& x : sites) {
      if (in.team_id ? x.team_id == *in.team_id : false) site = &x;
      if (!in.team_id)
        for (const auto& p : partnerships)
          if (p.team_id == x.team_id && !site) site = &x;
    }
    if (!site)
      return Error::invalid("not_a_site",
                            in.team_id ? "That team is not a site of this study."
                                       : "None of the person's teams is a site of this study; give team_id.",
                            "team_id");
    for (const auto& p : store::participants_of_study(s, study_id))
      if (p.person_id == in.person_id)
        return Error::conflict("already_recorded", "This person is already recorded in this study.", "person_id");
    store::StudyParticipantRow row;
    row.study_id = study_id;
    row.person_id = in.person_id;
    row.site_id = site->id;
    row.status = in.declined ? "declined" : "recruited";
    row.assessed_on = in.assessed_on;
    if (!in.declined) row.recruited_on = in.assessed_on;
    const std::string ts = now_ts();
    const auto by = account_of(c);
    const long long pid = store::insert_participant(s, row, by, ts);
    audit(s, c, in.declined ? "study.declined" : "study.recruit", "study_participant", std::to_string(pid),
          in.person_id, "ok", fmt::format("study {}, site {}", study_id, site->id));
    if (in.consent_given && !in.declined) {
      store::insert_consent_event(s, {0, pid, "given", in.assessed_on, std::nullopt, by, ts});
      audit(s, c, "study.consent.given", "study_participant", std::to_string(pid), in.person_id, "ok",
            fmt::format("study {}", study_id));
    }
    return participant_json(*store::participant_by_id(s, pid));
  });
}

Result<json> Studies::record_consent(const Caller& c, long long study_id, long long participant_id,
                                     const std::string& event, const std::string& on,
                                     const std::optional<std::string>& note) {
  return service_.database().write([&](soci::session& s) -> Result<json> {
    const std::string action = "study.consent." + (event == "withdrawn" ? event : std::string("given"));
    auto p = writable_participant(s, c, study_id, participant_id, action);
    if (!p) return p.error();
    if (event != "given" && event != "withdrawn")
      return Error::invalid("invalid_value", "event must be given or withdrawn", "event");
    if (!instruments::parse_date(on)) return bad_date("date");
    if (p->status == "declined")
      return Error::conflict("declined", "This person declined to take part; record them again to recruit them.");
    if (p->consent.value_or("none") == event)
      return Error::conflict("unchanged", "Consent is already recorded as " + event + ".", "event");
    if (event == "withdrawn" && !p->consent)
      return Error::conflict("unchanged", "No consent has been recorded for this person.", "event");
    store::insert_consent_event(s, {0, participant_id, event, on, note,
                                    account_of(c), now_ts()});
    audit(s, c, action, "study_participant", std::to_string(participant_id), p->person_id, "ok",
          fmt::format("study {}, on {}", study_id, on));
    json j = participant_json(*store::participant_by_id(s, participant_id));
    json hist = json::array();
    for (const auto& e : store::consent_events(s, participant_id))
      hist.push_back({{"event", e.event}, {"date", e.on_date}, {"note", opt(e.note)}, {"recorded_at", e.recorded_at}});
    j["consent_history"] = hist;
    return j;
  });
}

Result<json> Studies::withdraw(const Caller& c, long long study_id, long long participant_id,
                               const std::string& on, const std::optional<std::string>& reason) {
  return service_.database().write([&](soci::session& s) -> Result<json> {
    auto p = writable_participant(s, c, study_id, participant_id, "study.withdraw");
    if (!p) return p.error();
    if (!instruments::parse_date(on)) return bad_date("date");
    if (p->status != "recruited")
      return Error::conflict("not_recruited", "Only a recruited participant can be withdrawn.");
    store::set_participant_withdrawn(s, participant_id, on, reason);
    audit(s, c, "study.withdraw", "study_participant", std::to_string(participant_id), p->person_id, "ok",
          fmt::format("study {}, on {}", study_id, on));
    return participant_json(*store::participant_by_id(s, participant_id));
  });
}

Result<json> Studies::consort(const Caller& c, long long study_id) {
  return service_.database().write([&](soci::session& s) -> Result<json> {
    auto st = visible_study(s, c, study_id, "study.consort");
    if (!st) return st.error();
    return consort_counts_json(s, study_id);
  });
}

Result<DatasetTable> Studies::analysis_dataset(const Caller& c, long long study_id,
                                               const DatasetOptions& options) {
  // A research read: one snapshot (a replica will do), audited afterwards (research_read.hpp).
  return research_read(service_, [&](soci::session& s, ResearchRead& read) -> Result<DatasetTable> {
    auto st = store::study_by_id(s, study_id);
    // The operator (cpi analyse on the server; no account) is allowed; else researchers only.
    const bool operator_call = c.account_id == 0 && c.role == Role::system_admin;
    if (!st || (!operator_call && !same_agency(c, *st)))
      return Error::not_found("There is no study with that id.", "id");
    if (c.role != Role::researcher && !operator_call) {
      read.audit(c, "study.dataset", "study", std::to_string(study_id), "refused");
      return refused("read a study's analysis dataset");
    }
    const auto sites = store::sites_of_study(s, study_id);
    const auto waves = store::waves_of_study(s, study_id);
    std::map<long long, const store::StudySiteRow*> site_of;
    for (const auto& x : sites) site_of[x.id] = &x;
    // Scores by person → column → value.
    std::map<long long, std::map<std::string, double>> cells;
    std::set<std::string> wanted_waves;
    for (const auto& w : waves) wanted_waves.insert(w.wave);
    std::vector<std::pair<std::string, std::string>> outcomes;  // instrument, score
    for (const auto& o : options.outcomes) outcomes.emplace_back(o.instrument, o.score);
    std::set<std::pair<std::string, std::string>> found;
    for (const auto& r : store::complete_scores_of_study(s, study_id)) {
      if (!wanted_waves.count(r.wave)) continue;
      json j;
      try {
        j = json::parse(r.scores);
      } catch (const json::exception&) {
        continue;  // stored by us; unreadable only if the row was tampered with
      }
      if (!j.contains("scores") || !j["scores"].is_object()) continue;
      for (const auto& el : j["scores"].items()) {
        if (!el.value().is_number()) continue;
        found.insert({r.instrument, el.key()});
        cells[r.person_id][r.instrument + "\x1f" + el.key() + "\x1f" + r.wave] = el.value().get<double>();
      }
    }
    if (outcomes.empty())
      outcomes.assign(found.begin(), found.end());
    DatasetTable t;
    t.columns = {"id", "team", "arm"};
    if (options.age) t.columns.push_back("age");
    for (const auto& [inst, score] : outcomes)
      for (const auto& w : waves) t.columns.push_back(column_part(inst) + "_" + column_part(score) + "_" + column_part(w.wave));
    const std::string purpose = fmt::format("study:{}", study_id);
    std::vector<std::pair<std::string, std::vector<std::string>>> rows;
    const auto birth_dates = options.age ? store::birth_dates_of_study(s, study_id)
                                         : std::map<long long, std::string>{};
    for (const auto& p : store::participants_of_study(s, study_id)) {
      if (!consented(p)) continue;
      std::vector<std::string> row{read.study_pseudonym(purpose, "person", p.person_id),
                                   site_of.count(p.site_id) ? site_of[p.site_id]->team_name : "",
                                   site_of.count(p.site_id) ? site_of[p.site_id]->arm : ""};
      if (options.age) {
        const auto dob = birth_dates.find(p.person_id);
        const int age = dob != birth_dates.end()
                            ? age_on(dob->second, p.recruited_on.value_or(p.assessed_on))
                            : -1;
        row.push_back(age >= 0 ? std::to_string(age) : "");
      }
      const auto& mine = cells[p.person_id];
      for (const auto& [inst, score] : outcomes)
        for (const auto& w : waves) {
          auto it = mine.find(inst + "\x1f" + score + "\x1f" + w.wave);
          row.push_back(it == mine.end() ? "" : number_cell(it->second));
        }
      std::string key = row[0];
      rows.emplace_back(std::move(key), std::move(row));
    }
    // Sorted by pseudonym, so the row order says nothing about recruitment order.
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& r : rows) t.rows.push_back(std::move(r.second));
    read.audit(c, "study.dataset", "study", std::to_string(study_id), "ok",
               fmt::format("{} rows, {} columns", t.rows.size(), t.columns.size()));
    return t;
  });
}

}  // namespace cp::app
