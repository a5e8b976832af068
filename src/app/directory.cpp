// src/app/directory.cpp — the community directory's use cases (include/cp/app/directory.hpp):
// search, read, create, update, history, knowers, review.
#include "cp/app/directory.hpp"

#include <fmt/format.h>

#include <chrono>

#include "cp/app/access.hpp"
#include "cp/app/passwords.hpp"
#include "cp/domain/clock.hpp"
#include "cp/store/directory.hpp"
#include "cp/store/records.hpp"
#include "directory_internal.hpp"

namespace cp::app {

using directory::Resource;

bool may_read_directory(const Caller& c) {
  using domain::Role;
  return c.agency_id && (c.role == Role::person || c.role == Role::practitioner ||
                         c.role == Role::team_leader || c.role == Role::agency_admin);
}
bool may_edit_directory(const Caller& c) {
  using domain::Role;
  return c.agency_id && (c.role == Role::practitioner || c.role == Role::team_leader ||
                         c.role == Role::agency_admin);
}
bool may_transfer_directory(const Caller& c) {
  return c.agency_id && c.role == domain::Role::agency_admin;
}
bool sees_confidential_directory(const Caller& c) {
  return may_edit_directory(c);
}

std::string new_uuid() {
  std::string h = random_hex(16);
  h[12] = '4';
  static const char* variant = "89ab";
  h[16] = variant[std::stoi(h.substr(16, 1), nullptr, 16) & 3];
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) +
         "-" + h.substr(20);
}

namespace detail {

std::string now_ts() {
  return domain::iso_timestamp(std::chrono::system_clock::now());
}

Error refused(const std::string& what) {
  return Error::forbidden("You do not have permission to " + what + ".");
}

Resource parse_body(const std::string& body) {
  auto r = directory::resource_from_json(json::parse(body), "$", false);
  if (!r)
    throw std::runtime_error("stored directory resource does not read back: " + r.error().message);
  return std::move(r).value();
}

void assign_ids(Resource& r) {
  if (r.hsds_id.empty()) r.hsds_id = new_uuid();
  if (!r.organization.name.empty() && r.organization.hsds_id.empty())
    r.organization.hsds_id = new_uuid();
  for (auto& l : r.locations)
    if (l.hsds_id.empty()) l.hsds_id = new_uuid();
  for (auto& c : r.contacts)
    if (c.hsds_id.empty()) c.hsds_id = new_uuid();
  for (auto& e : r.events)
    if (e.hsds_id.empty()) e.hsds_id = new_uuid();
}

store::DirectoryRow row_of(const Resource& r, long long agency_id, const Caller& c,
                           const std::string& ts) {
  store::DirectoryRow row;
  row.agency_id = agency_id;
  row.hsds_id = r.hsds_id;
  row.name = r.name;
  row.capacity = std::string(directory::to_string(r.capacity));
  row.status = r.status;
  row.confidential = r.confidential;
  if (!r.reviewed_on.empty()) row.reviewed_on = r.reviewed_on;
  row.body = directory::to_json(r).dump();
  row.created_at = ts;
  row.updated_at = ts;
  if (c.account_id) row.updated_by = c.account_id;
  row.updated_by_name =
      c.display_name.empty() ? (c.username.empty() ? "-" : c.username) : c.display_name;
  return row;
}

json knowers_json(soci::session& s, long long id) {
  json out = json::array();
  for (const auto& k : store::knowers_of(s, id))
    out.push_back({{"worker_id", k.worker_id},
                   {"display_name", k.display_name},
                   {"job_title", k.job_title},
                   {"active", k.active},
                   {"contact_name", k.contact_name},
                   {"note", k.note},
                   {"since", k.since}});
  return out;
}

json resource_json(soci::session& s, const store::DirectoryRow& row, const Caller& c,
                   const std::string& today) {
  Resource r = parse_body(row.body);
  const bool worker = sees_confidential_directory(c);
  if (!worker) r = directory::without_confidential_locations(std::move(r));
  json j = directory::to_json(r);
  j["id"] = row.id;
  j["version"] = row.version;
  j["created_at"] = row.created_at;
  j["updated_at"] = row.updated_at;
  j["updated_by"] = row.updated_by_name;
  // Who knows someone there is worker data: the agency's workers see it, people do not.
  j["knowers"] = worker ? knowers_json(s, row.id) : json::array();
  auto next = directory::next_date(r, today);
  j["next_date"] = next ? json(*next) : json(nullptr);
  const auto t = directory::timing(r, today);
  j["timing"] = t == directory::Timing::active
                    ? "active"
                    : (t == directory::Timing::upcoming ? "upcoming" : "ended");
  return j;
}

// The resource when the caller may see it: same agency, and not confidential unless a worker.
std::optional<store::DirectoryRow> visible(soci::session& s, const Caller& c, long long id) {
  auto row = store::directory_resource(s, id);
  if (!row || !c.agency_id || row->agency_id != *c.agency_id) return std::nullopt;
  if (row->confidential && !sees_confidential_directory(c)) return std::nullopt;
  return row;
}

std::string months_before(const std::string& today, int months) {
  int y = std::stoi(today.substr(0, 4)), m = std::stoi(today.substr(5, 2)),
      d = std::stoi(today.substr(8, 2));
  int total = y * 12 + (m - 1) - months;
  y = total / 12;
  m = total % 12 + 1;
  static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  d = std::min(d, len[m - 1] + (m == 2 && leap ? 1 : 0));
  return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

}  // namespace detail

using namespace detail;

Result<json> Directory::search(const Caller& c, const directory::Query& q) {
  if (!may_read_directory(c)) {
    return service_.database().write([&](soci::session& s) -> Result<json> {
      audit(s, c, "directory.search", "directory", "-", std::nullopt, "refused");
      return refused("search the community directory");
    });
  }
  const std::string today = service_.today();
  return service_.database().read([&](soci::session& s) -> Result<json> {
    store::DirectoryFilter f;
    f.tag = q.tag;
    for (auto& ch : f.tag) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (q.capacity) f.capacity = std::string(directory::to_string(*q.capacity));
    f.include_confidential = sees_confidential_directory(c);
    json out = json::array();
    for (const auto& row : store::directory_resources(s, *c.agency_id, f)) {
      const Resource r = parse_body(row.body);
      if (!directory::matches(r, q, today, f.include_confidential)) continue;
      out.push_back(resource_json(s, row, c, today));
    }
    const auto n = out.size();
    return json{{"resources", std::move(out)}, {"total", n}};
  });
}

Result<json> Directory::get(const Caller& c, long long id) {
  if (!may_read_directory(c)) {
    return service_.database().write([&](soci::session& s) -> Result<json> {
      audit(s, c, "directory.read", "directory_resource", std::to_string(id), std::nullopt,
            "refused");
      return refused("read the community directory");
    });
  }
  const std::string today = service_.today();
  return service_.database().read([&](soci::session& s) -> Result<json> {
    auto row = visible(s, c, id);
    if (!row) return Error::not_found("There is no community resource with that id.", "id");
    return resource_json(s, *row, c, today);
  });
}

Result<json> Directory::create(const Caller& c, Resource r) {
  const std::string today = service_.today();
  return service_.database().write([&](soci::session& s) -> Result<json> {
    if (!may_edit_directory(c)) {
      audit(s, c, "directory.create", "directory_resource", "-", std::nullopt, "refused");
      return refused("add to the community directory");
    }
    assign_ids(r);
    if (store::directory_resource_by_hsds(s, *c.agency_id, r.hsds_id))
      return Error::conflict("duplicate",
                             "a resource with this hsds_id is already in the directory", "hsds_id");
    auto row = row_of(r, *c.agency_id, c, now_ts());
    store::insert_directory_resource(s, row, r.tags, "create");
    audit(s, c, "directory.create", "directory_resource", std::to_string(row.id), std::nullopt,
          "ok", r.name);
    return resource_json(s, row, c, today);
  });
}

Result<json> Directory::update(const Caller& c, long long id, int version, Resource r) {
  const std::string today = service_.today();
  return service_.database().write([&](soci::session& s) -> Result<json> {
    if (!may_edit_directory(c)) {
      audit(s, c, "directory.update", "directory_resource", std::to_string(id), std::nullopt,
            "refused");
      return refused("change the community directory");
    }
    auto current = visible(s, c, id);
    if (!current) return Error::not_found("There is no community resource with that id.", "id");
    if (r.hsds_id.empty()) r.hsds_id = current->hsds_id;
    if (r.hsds_id != current->hsds_id)
      return Error::invalid(
          "invalid_value", "hsds_id cannot change (it is the resource's HSDS identity)", "hsds_id");
    if (version != current->version) {
      audit(s, c, "directory.update", "directory_resource", std::to_string(id), std::nullopt,
            "conflict", fmt::format("version {} sent, {} current", version, current->version));
      return Error::conflict(
          "version_conflict",
          "Someone else changed this resource since you opened it; the current record is "
          "attached. Apply your changes to it and save again.",
          "version");
    }
    assign_ids(r);
    auto row = row_of(r, current->agency_id, c, now_ts());
    row.id = id;
    row.created_at = current->created_at;
    if (!store::update_directory_resource(s, row, version, r.tags, "update"))
      return Error::conflict("version_conflict",
                             "Someone else changed this resource since you opened it.", "version");
    audit(s, c, "directory.update", "directory_resource", std::to_string(id), std::nullopt, "ok",
          fmt::format("version {}", row.version));
    return resource_json(s, row, c, today);
  });
}

Result<json> Directory::history(const Caller& c, long long id) {
  return service_.database().write([&](soci::session& s) -> Result<json> {
    if (!may_edit_directory(c)) {
      audit(s, c, "directory.history", "directory_resource", std::to_string(id), std::nullopt,
            "refused");
      return refused("see the history of directory entries");
    }
    auto row = visible(s, c, id);
    if (!row) return Error::not_found("There is no community resource with that id.", "id");
    json out = json::array();
    for (const auto& h : store::directory_history(s, id))
      out.push_back({{"version", h.version},
                     {"action", h.action},
                     {"changed_at", h.changed_at},
                     {"changed_by", h.changed_by_name},
                     {"resource", json::parse(h.body)}});
    return json{{"id", id}, {"history", std::move(out)}};
  });
}

Result<json> Directory::add_knower(const Caller& c, long long id, const std::string& contact_name,
                                   const std::string& note) {
  if (contact_name.size() > 200)
    return Error::invalid("too_long", "contact_name must be at most 200 characters",
                          "contact_name");
  if (note.size() > 1000)
    return Error::invalid("too_long", "note must be at most 1000 characters", "note");
  const std::string today = service_.today();
  return service_.database().write([&](soci::session& s) -> Result<json> {
    if (!may_edit_directory(c) || !c.worker_id) {
      audit(s, c, "directory.knower.add", "directory_resource", std::to_string(id), std::nullopt,
            "refused");
      return refused("record that you know someone at a resource (only workers can)");
    }
    auto row = visible(s, c, id);
    if (!row) return Error::not_found("There is no community resource with that id.", "id");
    store::add_knower(s, id, *c.worker_id, contact_name, note, today);
    audit(s, c, "directory.knower.add", "directory_resource", std::to_string(id), std::nullopt,
          "ok", fmt::format("worker {}", *c.worker_id));
    return resource_json(s, *row, c, today);
  });
}

Result<json> Directory::remove_knower(const Caller& c, long long id) {
  const std::string today = service_.today();
  return service_.database().write([&](soci::session& s) -> Result<json> {
    if (!may_edit_directory(c) || !c.worker_id) {
      audit(s, c, "directory.knower.remove", "directory_resource", std::to_string(id), std::nullopt,
            "refused");
      return refused("change who knows someone at a resource (only workers can)");
    }
    auto row = visible(s, c, id);
    if (!row) return Error::not_found("There is no community resource with that id.", "id");
    const bool removed = store::remove_knower(s, id, *c.worker_id);
    audit(s, c, "directory.knower.remove", "directory_resource", std::to_string(id), std::nullopt,
          removed ? "ok" : "unchanged", fmt::format("worker {}", *c.worker_id));
    return resource_json(s, *row, c, today);
  });
}

Result<json> Directory::stale(const Caller& c, int months) {
  if (months < 1 || months > 120)
    return Error::invalid("out_of_range", "months must be between 1 and 120", "months");
  const std::string today = service_.today();
  const std::string before = months_before(today, months);
  if (!may_edit_directory(c)) {
    return service_.database().write([&](soci::session& s) -> Result<json> {
      audit(s, c, "directory.review.list", "directory", "-", std::nullopt, "refused");
      return refused("review the community directory");
    });
  }
  return service_.database().read([&](soci::session& s) -> Result<json> {
    json out = json::array();
    for (const auto& row : store::directory_stale(s, *c.agency_id, before))
      out.push_back(resource_json(s, row, c, today));
    const auto n = out.size();
    return json{
        {"before", before}, {"months", months}, {"resources", std::move(out)}, {"total", n}};
  });
}

Result<json> Directory::mark_reviewed(const Caller& c, long long id, std::optional<int> version) {
  const std::string today = service_.today();
  return service_.database().write([&](soci::session& s) -> Result<json> {
    if (!may_edit_directory(c)) {
      audit(s, c, "directory.reviewed", "directory_resource", std::to_string(id), std::nullopt,
            "refused");
      return refused("review the community directory");
    }
    auto current = visible(s, c, id);
    if (!current) return Error::not_found("There is no community resource with that id.", "id");
    if (version && *version != current->version)
      return Error::conflict("version_conflict",
                             "Someone else changed this resource since you opened it.", "version");
    Resource r = parse_body(current->body);
    r.reviewed_on = today;
    auto row = row_of(r, current->agency_id, c, now_ts());
    row.id = id;
    row.created_at = current->created_at;
    if (!store::update_directory_resource(s, row, current->version, r.tags, "reviewed"))
      return Error::conflict("version_conflict",
                             "Someone else changed this resource since you opened it.", "version");
    audit(s, c, "directory.reviewed", "directory_resource", std::to_string(id), std::nullopt, "ok",
          today);
    return resource_json(s, row, c, today);
  });
}

Result<json> Directory::tags(const Caller& c) {
  if (!may_read_directory(c)) {
    return service_.database().write([&](soci::session& s) -> Result<json> {
      audit(s, c, "directory.tags", "directory", "-", std::nullopt, "refused");
      return refused("read the community directory");
    });
  }
  return service_.database().read([&](soci::session& s) -> Result<json> {
    json out = json::array();
    for (const auto& [tag, n] :
         store::directory_tags(s, *c.agency_id, sees_confidential_directory(c)))
      out.push_back({{"tag", tag}, {"count", n}});
    return json{{"tags", std::move(out)}};
  });
}

}  // namespace cp::app
