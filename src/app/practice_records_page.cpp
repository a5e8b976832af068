// src/app/practice_records_page.cpp — the person page in one request, the journey picture (which
// shared processes happened, which are due or overdue: docs/practice.md), and the quick contact
// form that adds records in the same transaction as the contact.
#include <chrono>
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "cp/app/practice_records.hpp"
#include "cp/store/records.hpp"
#include "practice_records_internal.hpp"

namespace cp::app {

using namespace records;

namespace {

std::string id_s(long long id) { return std::to_string(id); }

std::optional<std::chrono::sys_days> parse_day(const std::string& s) {
  if (s.size() < 10 || !domain::is_iso_date(s.substr(0, 10))) return std::nullopt;
  using namespace std::chrono;
  const int y = std::stoi(s.substr(0, 4));
  const unsigned m = static_cast<unsigned>(std::stoi(s.substr(5, 2)));
  const unsigned d = static_cast<unsigned>(std::stoi(s.substr(8, 2)));
  return sys_days{year{y} / month{m} / day{d}};
}

std::string format_day(std::chrono::sys_days d) {
  const std::chrono::year_month_day ymd{d};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

// Review intervals (docs/practice.md): the network map every 6 months, everything else every 3.
int interval_days(const std::string& process) { return process == "network_mapping" ? 183 : 91; }
// Expected from the start of the partnership, not only once started.
bool expected_from_start(const std::string& process) {
  return process == "network_mapping" || process == "goals" || process == "barriers";
}
constexpr int kDueWindowDays = 14;

// Which shared process a change of a record type counts for.
std::string process_of(const std::string& record_type) {
  if (record_type == "network_map") return "network_mapping";
  if (record_type == "asset") return "assets";
  if (record_type == "goal" || record_type == "objective" || record_type == "activity") return "goals";
  if (record_type == "idea") return "ideas";
  if (record_type == "engagement") return "engagement";
  if (record_type == "barrier") return "barriers";
  return {};
}

json journey_json(soci::session& s, long long person_id, const std::string& today_s) {
  std::map<std::string, std::string> last;  // process -> date
  auto note = [&](const std::string& process, const std::string& date) {
    if (process.empty() || date.size() < 10) return;
    auto& d = last[process];
    if (d < date.substr(0, 10)) d = date.substr(0, 10);
  };
  std::optional<std::string> start;
  for (const auto& p : store::partnerships_of_person(s, person_id)) {
    if (p.state == "open" || p.state == "re_entered")
      if (!start || p.state_since < *start) start = p.state_since;
    for (const auto& c : store::contacts_of(s, p.id, 100000))
      for (const auto& process : c.processes) note(process, c.date);
  }
  for (const auto& [type, at] : store::last_change_by_type(s, person_id)) note(process_of(type), at);
  const Kind& rk = *kind_of("recognition");
  for (const auto& r : store::records_of_person(s, rk.table, rk.columns, person_id)) {
    const std::string kind = r.fields.value("kind", "");
    note(kind.rfind("feedback", 0) == 0 ? "feedback" : "recognition", r.updated_at);
  }
  const auto today = parse_day(today_s);
  json out = json::array();
  for (const auto& process : domain::shared_processes()) {
    json j = {{"process", process}, {"last_done", nullptr}, {"status", "not_started"}, {"due_by", nullptr}};
    const auto days = std::chrono::days(interval_days(process));
    auto it = last.find(process);
    if (it != last.end() && !it->second.empty()) {
      j["last_done"] = it->second;
      if (auto d = parse_day(it->second); d && today) {
        const auto due = *d + days;
        j["due_by"] = format_day(due);
        j["status"] = *today > due ? "overdue" : (*today + std::chrono::days(kDueWindowDays) >= due ? "due" : "done");
      }
    } else if (expected_from_start(process) && start) {
      if (auto d = parse_day(*start); d && today) {
        const auto due = *d + days;
        j["due_by"] = format_day(due);
        j["status"] = *today > due ? "overdue" : "due";
      }
    }
    out.push_back(std::move(j));
  }
  return json{{"processes", std::move(out)}};
}

json contact_json(const store::ContactRow& c) {
  return {{"id", c.id},     {"partnership_id", c.partnership_id}, {"date", c.date}, {"mode", c.mode},
          {"duration_minutes", c.duration_minutes}, {"processes", c.processes}, {"note", c.note}};
}

// The `add` lists of the contact form: key -> (collection, process).
struct AddList {
  const char* key;
  const char* collection;  // nullptr for network members
  const char* process;
};
constexpr AddList kAddLists[] = {
    {"network_members", nullptr, "network_mapping"}, {"goals", "goals", "goals"},
    {"assets", "assets", "assets"},                 {"ideas", "ideas", "ideas"},
    {"engagements", "engagements", "engagement"},   {"barriers", "barriers", "barriers"},
    {"recognition", "recognition", "recognition"},
};

}  // namespace

Result<json> PracticeRecords::journey(const Caller& c, long long person_id) {
  const std::string today = service_.today();
  return run_write(service_.database(), [&](soci::session& s) -> Result<json> {
    if (!store::person_by_id(s, person_id)) return Error::not_found("There is no person with that id.", "id");
    if (access_for(s, c, person_id, false) == Access::none) {
      audit(s, c, "journey.read", "person", id_s(person_id), person_id, "refused");
      return refused("see this person's journey");
    }
    audit(s, c, "journey.read", "person", id_s(person_id), person_id, "ok");
    return journey_json(s, person_id, today);
  });
}

Result<json> PracticeRecords::person_record(const Caller& c, long long person_id) {
  // The person and partnerships as the summary gives them (its own read, audited there).
  auto summary = service_.person_summary(c, person_id);
  if (!summary) return summary.error();
  const std::string today = service_.today();
  return run_write(service_.database(), [&](soci::session& s) -> Result<json> {
    if (access_for(s, c, person_id, false) == Access::none) {
      audit(s, c, "record.read", "person", id_s(person_id), person_id, "refused");
      return refused("see this person's record");
    }
    json out = std::move(*summary);
    out["network_map"] = latest_map_json(s, person_id);
    for (const char* col : {"assets", "goals", "ideas", "engagements", "barriers", "recognition"})
      out[col] = list_json(s, *kind_of(col), person_id);
    out["journey"] = journey_json(s, person_id, today);
    audit(s, c, "record.read", "person", id_s(person_id), person_id, "ok");
    return out;
  });
}

Result<json> PracticeRecords::add_contact(const Caller& c, long long partnership_id, const domain::NewContact& contact,
                                          const json& add) {
  if (auto ok = domain::validate_contact(contact, service_.today()); !ok) return ok.error();
  if (!add.is_null() && !add.is_object())
    return Error::invalid("wrong_type", "'add' must be an object of lists", "add");
  if (add.is_object())
    for (auto it = add.begin(); it != add.end(); ++it) {
      const bool known = std::any_of(std::begin(kAddLists), std::end(kAddLists),
                                     [&](const AddList& l) { return it.key() == l.key; });
      if (!known) return Error::invalid("unknown_field", fmt::format("'{}' is not a list of 'add'", it.key()), "add." + it.key());
      if (!it->is_null() && !it->is_array())
        return Error::invalid("wrong_type", fmt::format("'add.{}' must be a list", it.key()), "add." + it.key());
    }
  const std::string today = service_.today();
  return run_write(service_.database(), [&](soci::session& s) -> Result<json> {
    auto p = store::partnership_by_id(s, partnership_id);
    if (!p) return Error::not_found("There is no partnership with that id.", "id");
    if (access_to_partnership(c, *p) != Access::write) {
      audit(s, c, "contact.create", "partnership", id_s(p->id), p->person_id, "refused");
      return refused("record a contact for this partnership");
    }
    if (!domain::is_active(domain::episode_state_from_string(p->state).value_or(domain::EpisodeState::moved_on)))
      return Error::conflict("partnership_not_active",
                             "This partnership is " + p->state + "; re-enter it before recording a contact.", "id");
    // Check every record before writing any.
    std::vector<std::string> processes = contact.processes;
    std::vector<std::pair<const AddList*, std::vector<json>>> checked;
    for (const auto& l : kAddLists) {
      if (!add.is_object() || !add.contains(l.key) || add[l.key].is_null() || add[l.key].empty()) continue;
      std::vector<json> fields;
      if (l.collection) {
        const Kind& k = *kind_of(l.collection);
        for (std::size_t i = 0; i < add[l.key].size(); ++i) {
          const std::string prefix = fmt::format("add.{}[{}].", l.key, i);
          auto f = check_fields(k, add[l.key][i], nullptr, prefix, {});
          if (!f) return f.error();
          if (auto ok = check_references(s, k, p->person_id, *f, prefix); !ok) return ok.error();
          fields.push_back(std::move(*f));
        }
      }
      std::string process = l.process;
      if (std::string(l.key) == "recognition")
        for (const auto& f : fields)
          if (f.value("kind", "").rfind("feedback", 0) == 0 &&
              std::find(processes.begin(), processes.end(), "feedback") == processes.end())
            processes.push_back("feedback");
      if (std::find(processes.begin(), processes.end(), process) == processes.end()) processes.push_back(process);
      checked.emplace_back(&l, std::move(fields));
    }
    const auto by = actor_of(c);
    const std::string now = now_ts();
    store::ContactRow row;
    row.partnership_id = p->id;
    row.date = contact.date;
    row.mode = contact.mode;
    row.duration_minutes = contact.duration_minutes;
    row.processes = processes;
    row.note = contact.note;
    row.id = store::insert_contact(s, row, c.account_id, now);
    audit(s, c, "contact.create", "contact", id_s(row.id), p->person_id, "ok");
    json added = json::object();
    for (const auto& l : kAddLists) added[l.key] = json::array();
    for (const auto& [l, fields] : checked) {
      if (!l->collection) {
        // Network members are checked as they are added; an error rolls everything back.
        auto ids = add_members_to_latest_map(s, p->person_id, add[l->key], fmt::format("add.{}", l->key), by, today);
        if (!ids) return ids.error();
        for (long long id : *ids) added[l->key].push_back(id);
        audit(s, c, "network_map.update", "person", id_s(p->person_id), p->person_id, "ok",
              fmt::format("{} members from contact {}", ids->size(), row.id));
        continue;
      }
      const Kind& k = *kind_of(l->collection);
      for (const auto& f : fields) {
        json rec = insert_record(s, k, p->person_id, f, by, now);
        const long long id = rec["id"].get<long long>();
        added[l->key].push_back(id);
        audit(s, c, k.record_type + ".create", k.record_type, id_s(id), p->person_id, "ok",
              fmt::format("from contact {}", row.id));
      }
    }
    return json{{"contact", contact_json(row)}, {"added", std::move(added)}};
  });
}

}  // namespace cp::app
