// src/app/directory_internal.hpp — helpers shared by the directory's use-case files.
#pragma once

#include <optional>
#include <string>

#include "cp/app/caller.hpp"
#include "cp/app/service.hpp"
#include "cp/directory/resource.hpp"
#include "cp/store/directory.hpp"

namespace cp::app::detail {

std::string now_ts();
Error refused(const std::string& what);
// A stored body back into a Resource; throws (an internal error) if it does not read.
directory::Resource parse_body(const std::string& body);
// Gives fresh uuids to the resource and its sub-records that have none.
void assign_ids(directory::Resource& r);
store::DirectoryRow row_of(const directory::Resource& r, long long agency_id, const Caller& c,
                           const std::string& ts);
json resource_json(soci::session& s, const store::DirectoryRow& row, const Caller& c,
                   const std::string& today);
std::optional<store::DirectoryRow> visible(soci::session& s, const Caller& c, long long id);
std::string months_before(const std::string& today, int months);

}  // namespace cp::app::detail
