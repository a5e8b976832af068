// src/app/directory_hsds.cpp — Open Referral HSDS import and export of the agency's directory.
// Import is one transaction: every resource is created or updated, or (on any failure) none.
#include <fmt/format.h>

#include "cp/app/access.hpp"
#include "cp/app/directory.hpp"
#include "cp/store/directory.hpp"
#include "cp/store/records.hpp"
#include "directory_internal.hpp"

namespace cp::app {

using directory::Resource;
using namespace detail;

namespace {

// An imported resource merged with what the agency already holds: the agency's own facts that
// never leave it (confidentiality, confidential locations) are kept; a missing reviewed_on
// keeps the old one.
Resource merged(const Resource& incoming, const Resource& existing) {
  Resource r = incoming;
  r.confidential = existing.confidential;
  for (const auto& l : existing.locations)
    if (l.confidential) {
      bool present = false;
      for (const auto& m : r.locations) present = present || m.hsds_id == l.hsds_id;
      if (!present) r.locations.push_back(l);
    }
  if (r.reviewed_on.empty()) r.reviewed_on = existing.reviewed_on;
  return r;
}

std::vector<Resource> agency_resources(soci::session& s, long long agency_id) {
  store::DirectoryFilter f;
  f.include_confidential = true;
  std::vector<Resource> out;
  for (const auto& row : store::directory_resources(s, agency_id, f)) {
    Resource r = parse_body(row.body);
    if (r.confidential) continue;  // never exported
    out.push_back(directory::without_confidential_locations(std::move(r)));
  }
  return out;
}

}  // namespace

Result<json> Directory::import_into(const Caller& c, long long agency_id,
                                    const std::vector<Resource>& resources, bool dry_run) {
  auto run = [&](soci::session& s) -> Result<json> {
    json created = json::array(), updated = json::array(), unchanged = json::array();
    const std::string ts = now_ts();
    for (Resource r : resources) {
      assign_ids(r);
      auto existing = store::directory_resource_by_hsds(s, agency_id, r.hsds_id);
      if (!existing) {
        auto row = row_of(r, agency_id, c, ts);
        if (!dry_run) store::insert_directory_resource(s, row, r.tags, "import");
        created.push_back({{"id", dry_run ? json(nullptr) : json(row.id)},
                           {"hsds_id", r.hsds_id},
                           {"name", r.name}});
        continue;
      }
      Resource next = merged(r, parse_body(existing->body));
      if (directory::to_json(next) == json::parse(existing->body)) {
        unchanged.push_back({{"id", existing->id}, {"hsds_id", r.hsds_id}, {"name", r.name}});
        continue;
      }
      auto row = row_of(next, agency_id, c, ts);
      row.id = existing->id;
      row.created_at = existing->created_at;
      if (!dry_run &&
          !store::update_directory_resource(s, row, existing->version, next.tags, "import"))
        throw ErrorException(
            Error::conflict("version_conflict", "a resource changed during the import", r.hsds_id));
      updated.push_back({{"id", existing->id}, {"hsds_id", r.hsds_id}, {"name", r.name}});
    }
    json report = {{"created", std::move(created)},
                   {"updated", std::move(updated)},
                   {"unchanged", std::move(unchanged)},
                   {"dry_run", dry_run}};
    if (!dry_run)
      audit(s, c, "directory.import", "agency", std::to_string(agency_id), std::nullopt, "ok",
            fmt::format("{} created, {} updated, {} unchanged", report["created"].size(),
                        report["updated"].size(), report["unchanged"].size()));
    return report;
  };
  try {
    // A dry run only reads; a real import is one write transaction (an exception rolls it back).
    if (dry_run) return service_.database().read(run);
    return service_.database().write(run);
  } catch (const ErrorException& e) {
    return e.error();
  }
}

Result<json> Directory::import_resources(const Caller& c, const std::vector<Resource>& resources,
                                         bool dry_run) {
  if (!may_transfer_directory(c)) {
    return service_.database().write([&](soci::session& s) -> Result<json> {
      audit(s, c, "directory.import", "directory", "-", std::nullopt, "refused");
      return refused("import into the community directory (agency admin only)");
    });
  }
  return import_into(c, *c.agency_id, resources, dry_run);
}

Result<std::vector<Resource>> Directory::export_resources(const Caller& c,
                                                          const std::string& format) {
  return service_.database().write([&](soci::session& s) -> Result<std::vector<Resource>> {
    if (!may_transfer_directory(c)) {
      audit(s, c, "directory.export", "directory", "-", std::nullopt, "refused");
      return refused("export the community directory (agency admin only)");
    }
    auto out = agency_resources(s, *c.agency_id);
    audit(s, c, "directory.export", "agency", std::to_string(*c.agency_id), std::nullopt, "ok",
          fmt::format("{}: {} resources", format, out.size()));
    return out;
  });
}

Result<json> Directory::operator_import(long long agency_id, const std::vector<Resource>& resources,
                                        bool dry_run, const std::string& actor) {
  Caller op;
  op.username = actor;
  op.display_name = actor;
  op.address = "local";
  const bool exists = service_.database().read(
      [&](soci::session& s) { return store::agency_by_id(s, agency_id).has_value(); });
  if (!exists) return Error::not_found("There is no agency with that id.", "--agency");
  return import_into(op, agency_id, resources, dry_run);
}

Result<std::vector<Resource>> Directory::operator_export(long long agency_id,
                                                         const std::string& format,
                                                         const std::string& actor) {
  Caller op;
  op.username = actor;
  op.address = "local";
  return service_.database().write([&](soci::session& s) -> Result<std::vector<Resource>> {
    if (!store::agency_by_id(s, agency_id))
      return Error::not_found("There is no agency with that id.", "--agency");
    auto out = agency_resources(s, agency_id);
    audit(s, op, "directory.export", "agency", std::to_string(agency_id), std::nullopt, "ok",
          fmt::format("{}: {} resources", format, out.size()));
    return out;
  });
}

}  // namespace cp::app
