// include/cp/app/directory.hpp — the use cases of the agency's community directory (issue 4,
// part 5): search, read, create and update (with versions and history), "I know someone
// there", review of stale entries, and Open Referral HSDS import and export. Permissions are in
// access.hpp (may_*_directory); every write, import, export and refusal is audited in the same
// transaction. Results are JSON values shaped as the API sends them (docs/directory.md).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cp/app/caller.hpp"
#include "cp/app/service.hpp"
#include "cp/directory/hsds.hpp"
#include "cp/directory/resource.hpp"
#include "cp/domain/result.hpp"

namespace cp::app {

class Directory {
 public:
  explicit Directory(Service& service) : service_(service) {}

  // The caller's agency's resources matching the query (people: no confidential entries, and
  // no match on confidential locations). {"resources": [...], "total": n}
  Result<json> search(const Caller& c, const directory::Query& q);
  Result<json> get(const Caller& c, long long id);
  // Creates a resource in the caller's agency; missing HSDS ids are given fresh uuids. 201 body.
  Result<json> create(const Caller& c, directory::Resource r);
  // Replaces the resource when `version` is still current; otherwise conflict
  // "version_conflict" (the HTTP layer adds the current record).
  Result<json> update(const Caller& c, long long id, int version, directory::Resource r);
  Result<json> history(const Caller& c, long long id);
  // The signed-in worker knows someone there (contact_name, note), or no longer does.
  Result<json> add_knower(const Caller& c, long long id, const std::string& contact_name,
                          const std::string& note);
  Result<json> remove_knower(const Caller& c, long long id);
  // Entries not reviewed in `months` months (or never). {"before": date, "resources": [...]}
  Result<json> stale(const Caller& c, int months);
  // Sets reviewed_on to today (a new version). `version`, when given, must be current.
  Result<json> mark_reviewed(const Caller& c, long long id, std::optional<int> version);
  Result<json> tags(const Caller& c);

  // HSDS: what the caller's agency may share (no confidential entries or locations).
  Result<std::vector<directory::Resource>> export_resources(const Caller& c,
                                                            const std::string& format);
  // Imports validated resources in one transaction (all or nothing): matched by HSDS service id
  // within the agency, created or updated. {"created": [...], "updated": [...], "unchanged":
  // [...], "dry_run": bool}
  Result<json> import_resources(const Caller& c, const std::vector<directory::Resource>& resources,
                                bool dry_run);

  // Operator (CLI) forms: no account; `actor` is recorded in the audit log.
  Result<json> operator_import(long long agency_id,
                               const std::vector<directory::Resource>& resources, bool dry_run,
                               const std::string& actor);
  Result<std::vector<directory::Resource>> operator_export(long long agency_id,
                                                           const std::string& format,
                                                           const std::string& actor);

 private:
  Result<json> import_into(const Caller& c, long long agency_id,
                           const std::vector<directory::Resource>& resources, bool dry_run);
  Service& service_;
};

// A fresh random uuid (version 4), for new directory records.
std::string new_uuid();

}  // namespace cp::app
