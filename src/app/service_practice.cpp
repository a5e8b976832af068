// src/app/service_practice.cpp — caseload, a person's summary, episodes and contacts.
#include <chrono>
#include <fmt/format.h>

#include "cp/app/access.hpp"
#include "cp/app/service.hpp"
#include "cp/domain/clock.hpp"
#include "cp/store/records.hpp"

namespace cp::app {

namespace {

std::string now_ts() { return domain::iso_timestamp(std::chrono::system_clock::now()); }

json opt_json(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }

json contact_json(const store::ContactRow& c) {
  return {{"id", c.id},
          {"partnership_id", c.partnership_id},
          {"date", c.date},
          {"mode", c.mode},
          {"duration_minutes", c.duration_minutes},
          {"processes", c.processes},
          {"note", c.note}};
}

json episode_json(const store::EpisodeRow& e) {
  json j = {{"id", e.id},         {"partnership_id", e.partnership_id},
            {"state", e.state},   {"started_on", e.started_on},
            {"ended_on", opt_json(e.ended_on)}, {"reason", opt_json(e.reason)},
            {"from_worker_id", nullptr}, {"to_worker_id", nullptr}};
  if (e.from_worker_id) j["from_worker_id"] = *e.from_worker_id;
  if (e.to_worker_id) j["to_worker_id"] = *e.to_worker_id;
  return j;
}

Error refused(const std::string& what) {
  return Error::forbidden("You do not have permission to " + what + ".");
}

}  // namespace

Result<json> Service::caseload(const Caller& c) {
  return db_.write([&](soci::session& s) -> Result<json> {
    if (!may_read_caseload(c)) {
      audit(s, c, "caseload.read", "caseload", "-", std::nullopt, "refused");
      return refused("see a caseload");
    }
    const auto rows = c.role == domain::Role::team_leader ? store::caseload_of_team(s, *c.team_id)
                                                          : store::caseload_of_worker(s, *c.worker_id);
    json people = json::array();
    std::string ids;
    for (const auto& r : rows) {
      people.push_back({{"person_id", r.person_id},
                        {"display_name", r.display_name},
                        {"partnership_id", r.partnership_id},
                        {"episode_state", r.episode_state},
                        {"episode_since", r.episode_since},
                        {"worker_id", r.worker_id},
                        {"worker_name", r.worker_name},
                        {"team_id", r.team_id},
                        {"team_name", r.team_name},
                        {"last_contact", opt_json(r.last_contact)},
                        {"contacts_count", r.contacts_count}});
      ids += (ids.empty() ? "" : ",") + std::to_string(r.person_id);
    }
    audit(s, c, "caseload.read", c.role == domain::Role::team_leader ? "team" : "worker",
          std::to_string(c.role == domain::Role::team_leader ? *c.team_id : *c.worker_id),
          std::nullopt, "ok", fmt::format("{} people: {}", rows.size(), ids.substr(0, 1000)));
    return json{{"people", std::move(people)}};
  });
}

Result<json> Service::person_summary(const Caller& c, long long person_id) {
  return db_.write([&](soci::session& s) -> Result<json> {
    auto person = store::person_by_id(s, person_id);
    if (!person) return Error::not_found("There is no person with that id.", "id");
    const auto partnerships = store::partnerships_of_person(s, person_id);
    if (access_to_person(c, person_id, partnerships) == Access::none) {
      audit(s, c, "person.read", "person", std::to_string(person_id), person_id, "refused");
      return refused("see this person's record");
    }
    json parts = json::array();
    for (const auto& p : partnerships) {
      const Access access = access_to_partnership(c, p);
      if (access == Access::none) continue;
      auto worker = store::worker_by_id(s, p.worker_id);
      auto team = store::team_by_id(s, p.team_id);
      auto agency = store::agency_by_id(s, p.agency_id);
      json episodes = json::array();
      for (const auto& e : store::episodes_of(s, p.id)) episodes.push_back(episode_json(e));
      json contacts = json::array();
      for (const auto& ct : store::contacts_of(s, p.id, 20)) contacts.push_back(contact_json(ct));
      parts.push_back({{"id", p.id},
                       {"episode_state", p.state},
                       {"episode_since", p.state_since},
                       {"worker", {{"id", p.worker_id}, {"display_name", worker ? worker->display_name : ""}}},
                       {"team", {{"id", p.team_id}, {"name", team ? team->name : ""}}},
                       {"agency", {{"id", p.agency_id}, {"name", agency ? agency->name : ""}}},
                       {"access", access == Access::write ? "write" : "read"},
                       {"episodes", std::move(episodes)},
                       {"contacts", std::move(contacts)}});
    }
    audit(s, c, "person.read", "person", std::to_string(person_id), person_id, "ok");
    return json{{"person",
                 {{"id", person->id},
                  {"display_name", person->display_name},
                  {"preferred_name", person->preferred_name},
                  {"pronouns", person->pronouns},
                  {"date_of_birth", opt_json(person->date_of_birth)}}},
                {"partnerships", std::move(parts)}};
  });
}

Result<json> Service::change_episode(const Caller& c, long long partnership_id,
                                     const EpisodeChange& ch) {
  if (ch.reason && ch.reason->size() > 500)
    return Error::invalid("too_long", "reason must be at most 500 characters", "reason");
  if (ch.action == domain::EpisodeAction::transfer && !ch.to_worker_id)
    return Error::invalid("missing_field", "a transfer needs to_worker_id", "to_worker_id");
  if (ch.action != domain::EpisodeAction::transfer && ch.to_worker_id)
    return Error::invalid("unexpected_field", "to_worker_id is only for a transfer", "to_worker_id");
  const std::string today_s = today();
  return db_.write([&](soci::session& s) -> Result<json> {
    auto p = store::partnership_by_id(s, partnership_id);
    if (!p) return Error::not_found("There is no partnership with that id.", "id");
    if (access_to_partnership(c, *p) != Access::write) {
      audit(s, c, "episode.create", "partnership", std::to_string(p->id), p->person_id, "refused");
      return refused("change this partnership");
    }
    const auto current = domain::episode_state_from_string(p->state);
    auto next = domain::next_episode_state(current, ch.action);
    if (!next) return next.error();
    std::optional<long long> new_worker;
    if (ch.action == domain::EpisodeAction::transfer) {
      auto to = store::worker_by_id(s, *ch.to_worker_id);
      if (!to) return Error::invalid("not_found", "There is no worker with that id.", "to_worker_id");
      if (!may_transfer_to(c, *p, *to))
        return Error::invalid("invalid_value",
                              "a partnership can only be transferred to another worker in the same agency",
                              "to_worker_id");
      new_worker = to->id;
    }
    store::close_open_episode(s, p->id, today_s);
    store::EpisodeRow e;
    e.partnership_id = p->id;
    e.state = std::string(domain::to_string(*next));
    e.started_on = today_s;
    e.reason = ch.reason;
    if (new_worker) {
      e.from_worker_id = p->worker_id;
      e.to_worker_id = new_worker;
    }
    e.id = store::insert_episode(s, e, c.account_id, now_ts());
    store::set_partnership_state(s, p->id, e.state, today_s, new_worker);
    audit(s, c, "episode.create", "episode", std::to_string(e.id), p->person_id, "ok",
          fmt::format("{} -> {}", p->state, e.state));
    return json{{"episode", episode_json(e)}};
  });
}

Result<json> Service::add_contact(const Caller& c, long long partnership_id,
                                  const domain::NewContact& contact) {
  if (auto ok = domain::validate_contact(contact, today()); !ok) return ok.error();
  return db_.write([&](soci::session& s) -> Result<json> {
    auto p = store::partnership_by_id(s, partnership_id);
    if (!p) return Error::not_found("There is no partnership with that id.", "id");
    if (access_to_partnership(c, *p) != Access::write) {
      audit(s, c, "contact.create", "partnership", std::to_string(p->id), p->person_id, "refused");
      return refused("record a contact for this partnership");
    }
    if (!domain::is_active(domain::episode_state_from_string(p->state).value_or(domain::EpisodeState::moved_on)))
      return Error::conflict("partnership_not_active",
                             "This partnership is " + p->state + "; re-enter it before recording a contact.",
                             "id");
    store::ContactRow row;
    row.partnership_id = p->id;
    row.date = contact.date;
    row.mode = contact.mode;
    row.duration_minutes = contact.duration_minutes;
    row.processes = contact.processes;
    row.note = contact.note;
    row.id = store::insert_contact(s, row, c.account_id, now_ts());
    audit(s, c, "contact.create", "contact", std::to_string(row.id), p->person_id, "ok");
    return json{{"contact", contact_json(row)}};
  });
}

Result<json> Service::list_contacts(const Caller& c, long long partnership_id) {
  return db_.write([&](soci::session& s) -> Result<json> {
    auto p = store::partnership_by_id(s, partnership_id);
    if (!p) return Error::not_found("There is no partnership with that id.", "id");
    if (access_to_partnership(c, *p) == Access::none) {
      audit(s, c, "contact.list", "partnership", std::to_string(p->id), p->person_id, "refused");
      return refused("see this partnership's contacts");
    }
    json list = json::array();
    for (const auto& ct : store::contacts_of(s, p->id, 500)) list.push_back(contact_json(ct));
    audit(s, c, "contact.list", "partnership", std::to_string(p->id), p->person_id, "ok");
    return json{{"contacts", std::move(list)}};
  });
}

}  // namespace cp::app
