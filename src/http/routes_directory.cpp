// src/http/routes_directory.cpp — the agency's community directory (issue 4, part 5; see
// docs/directory.md): search, resources with versions and history, "I know someone there",
// review of stale entries, tags, and Open Referral HSDS import and export.
#include <fmt/format.h>

#include "cp/app/directory.hpp"
#include "route_tables.hpp"

namespace cp::http {

using nlohmann::json;

namespace {

// The body as JSON, or the error response (bad JSON names the byte).
std::optional<json> parse_json(const std::string& text, Response& error) {
  if (text.empty()) {
    error = error_response(Error::invalid("empty_body", "the request needs a JSON body"));
    return std::nullopt;
  }
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    error = error_response(Error::invalid(
        "malformed_json", fmt::format("the body is not valid JSON (at byte {})", e.byte), "body"));
  } catch (const json::exception&) {
    error = error_response(
        Error::invalid("malformed_json", "the body has a value that cannot be read", "body"));
  }
  return std::nullopt;
}

// A resource body (strict); `version` is taken out first when `version` is given.
Result<directory::Resource> resource_body(const json& body, std::optional<int>* version) {
  if (!body.is_object())
    return Error::invalid("wrong_type", "the body must be a JSON object", "body");
  json copy = body;
  if (version) {
    auto it = copy.find("version");
    if (it == copy.end() || it->is_null())
      return Error::invalid("missing_field", "'version' is required: send the version you read",
                            "version");
    if (!it->is_number_integer() || it->get<long long>() < 1 || it->get<long long>() > 1000000000)
      return Error::invalid("wrong_type", "'version' must be a positive whole number", "version");
    *version = static_cast<int>(it->get<long long>());
    copy.erase(it);
  }
  return directory::resource_from_json(copy, "$");
}

Result<directory::Query> query_of(const Context& c) {
  directory::Query q;
  q.text = c.query("q").value_or("");
  q.tag = c.query("tag").value_or("");
  q.place = c.query("place").value_or("");
  if (q.text.size() > 200 || q.tag.size() > 80 || q.place.size() > 100)
    return Error::invalid("too_long", "q, tag and place must be short (200, 80 and 100 characters)",
                          "q");
  if (auto open = c.query("open")) {
    if (*open != "true")
      return Error::invalid("invalid_value", "open must be true (or left out)", "open");
    q.capacity = directory::Capacity::open;
  }
  if (auto cap = c.query("capacity")) {
    auto v = directory::capacity_from_string(*cap);
    if (!v)
      return Error::invalid("invalid_value", "capacity must be one of: open, full, waiting_list",
                            "capacity");
    if (q.capacity && *q.capacity != *v)
      return Error::invalid("invalid_value", "open=true and capacity disagree", "capacity");
    q.capacity = v;
  }
  if (auto active = c.query("active")) {
    if (*active == "now" || *active == "true")
      q.timing = directory::Timing::active;
    else if (*active == "upcoming")
      q.timing = directory::Timing::upcoming;
    else
      return Error::invalid("invalid_value", "active must be now or upcoming", "active");
  }
  return q;
}

Response search(const Context& c) {
  auto q = query_of(c);
  if (!q) return error_response(q.error());
  app::Directory d(c.service);
  return from_result(d.search(c.caller, *q));
}

Response create(const Context& c) {
  Response err;
  auto body = parse_json(c.request.body, err);
  if (!body) return err;
  auto r = resource_body(*body, nullptr);
  if (!r) return error_response(r.error());
  app::Directory d(c.service);
  return from_result(d.create(c.caller, std::move(r).value()), 201);
}

Response update(const Context& c) {
  Response err;
  auto body = parse_json(c.request.body, err);
  if (!body) return err;
  std::optional<int> version;
  auto r = resource_body(*body, &version);
  if (!r) return error_response(r.error());
  app::Directory d(c.service);
  auto result = d.update(c.caller, c.id, *version, std::move(r).value());
  if (!result && result.error().code == "version_conflict") {
    // The current record goes with the conflict, so the editor can show what changed.
    auto resp = error_response(result.error());
    auto current = d.get(c.caller, c.id);
    if (current) {
      json j = json::parse(resp.body);
      j["current"] = *current;
      resp.body = j.dump();
    }
    return resp;
  }
  return from_result(result);
}

Response knowers(const Context& c) {
  JsonBody b(c.request.body);
  auto action = b.text("action", true, 10);
  auto contact = b.text("contact_name", false, 200);
  auto note = b.text("note", false, 1000);
  b.finish();
  if (!b.ok()) return bad_body(b);
  app::Directory d(c.service);
  if (*action == "add")
    return from_result(d.add_knower(c.caller, c.id, contact.value_or(""), note.value_or("")));
  if (*action == "remove") {
    if (contact || note)
      return error_response(Error::invalid("unexpected_field",
                                           "remove takes no contact_name or note",
                                           contact ? "contact_name" : "note"));
    return from_result(d.remove_knower(c.caller, c.id));
  }
  return error_response(Error::invalid("invalid_value", "action must be add or remove", "action"));
}

Response reviewed(const Context& c) {
  std::optional<int> version;
  if (!c.request.body.empty()) {
    JsonBody b(c.request.body);
    auto v = b.integer("version", false);
    b.finish();
    if (!b.ok()) return bad_body(b);
    if (v && (*v < 1 || *v > 1000000000))
      return error_response(Error::invalid("out_of_range", "version must be positive", "version"));
    if (v) version = static_cast<int>(*v);
  }
  app::Directory d(c.service);
  return from_result(d.mark_reviewed(c.caller, c.id, version));
}

Response review_list(const Context& c) {
  int months = 12;
  if (auto m = c.query("months")) {
    try {
      size_t used = 0;
      months = std::stoi(*m, &used);
      if (used != m->size()) throw std::invalid_argument("months");
    } catch (...) {
      return error_response(Error::invalid(
          "invalid_value", "months must be a whole number between 1 and 120", "months"));
    }
  }
  app::Directory d(c.service);
  return from_result(d.stale(c.caller, months));
}

Response export_directory(const Context& c) {
  const std::string format = c.query("format").value_or("hsds-json");
  if (format != "hsds-json" && format != "hsds-csv")
    return error_response(
        Error::invalid("invalid_value", "format must be hsds-json or hsds-csv", "format"));
  const auto file = c.query("file");
  if (format == "hsds-json" && file)
    return error_response(
        Error::invalid("unexpected_field", "file is only for format=hsds-csv", "file"));
  app::Directory d(c.service);
  auto resources = d.export_resources(c.caller, format);
  if (!resources) return error_response(resources.error());
  if (format == "hsds-json") {
    auto r = json_response(200, directory::write_hsds_json(*resources));
    r.headers.emplace_back("Content-Disposition", "attachment; filename=\"directory-hsds.json\"");
    return r;
  }
  auto package = directory::write_hsds_csv(*resources);
  if (!file) {  // the package's files, each fetched with &file=NAME
    json files = json::array();
    for (const auto& [name, text] : package)
      files.push_back({{"name", name}, {"bytes", text.size()}});
    return json_response(200, {{"format", "hsds-csv"}, {"files", std::move(files)}});
  }
  auto it = package.find(*file);
  if (it == package.end())
    return error_response(Error::not_found("The CSV package has no file of that name.", "file"));
  Response r;
  r.status = 200;
  r.body = it->second;
  const bool is_json = it->first == "datapackage.json";
  r.headers.emplace_back("Content-Type", is_json ? "application/json" : "text/csv; charset=utf-8");
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + it->first + "\"");
  return r;
}

Response import_directory(const Context& c) {
  bool dry_run = false;
  if (auto v = c.query("dry_run")) {
    if (*v != "true" && *v != "false")
      return error_response(
          Error::invalid("invalid_value", "dry_run must be true or false", "dry_run"));
    dry_run = *v == "true";
  }
  auto parsed = directory::read_hsds_json(c.request.body, "body");
  if (!parsed.ok()) return error_response(directory::issues_error(parsed.issues));
  app::Directory d(c.service);
  auto r = d.import_resources(c.caller, parsed.resources, dry_run);
  return from_result(r, dry_run ? 200 : 201);
}

const json resource_properties = {
    {"hsds_id", {{"type", "string"}, {"format", "uuid"}}},
    {"name", {{"type", "string"}, {"maxLength", 300}}},
    {"description", {{"type", "string"}}},
    {"url", {{"type", "string"}}},
    {"email", {{"type", "string"}}},
    {"phone", {{"type", "string"}}},
    {"status",
     {{"type", "string"}, {"enum", {"active", "inactive", "defunct", "temporarily closed"}}}},
    {"organization", {{"type", "object"}}},
    {"tags", {{"type", "array"}, {"items", {{"type", "string"}}}}},
    {"locations", {{"type", "array"}, {"items", {{"type", "object"}}}}},
    {"contacts", {{"type", "array"}, {"items", {{"type", "object"}}}}},
    {"events", {{"type", "array"}, {"items", {{"type", "object"}}}}},
    {"accessibility", {{"type", "string"}}},
    {"cost", {{"type", "string"}}},
    {"capacity", {{"type", "string"}, {"enum", {"open", "full", "waiting_list"}}}},
    {"confidential", {{"type", "boolean"}}},
    {"reviewed_on", {{"type", "string"}, {"format", "date"}}},
};

json resource_schema(bool with_version) {
  json props = resource_properties;
  json required = {"name"};
  json example = {{"name", "Tuesday Knit and Natter"},
                  {"description", "A relaxed knitting group; beginners welcome."},
                  {"tags", {"crafts", "social"}},
                  {"capacity", "open"},
                  {"cost", "Free; tea 50p"},
                  {"events",
                   {{{"description", "Tuesdays 2-4pm"},
                     {"freq", "WEEKLY"},
                     {"byday", "TU"},
                     {"opens_at", "14:00"},
                     {"closes_at", "16:00"}}}}};
  if (with_version) {
    props["version"] = {{"type", "integer"}, {"minimum", 1}};
    required.push_back("version");
    example["version"] = 1;
    example["name"] = "Riverside Walking Group";
    example["tags"] = {"walking", "outdoors"};
  }
  return {{"type", "object"},
          {"additionalProperties", false},
          {"required", required},
          {"properties", props},
          {"example", example}};
}

const json knowers_schema = {{"type", "object"},
                             {"additionalProperties", false},
                             {"required", {"action"}},
                             {"properties",
                              {{"action", {{"type", "string"}, {"enum", {"add", "remove"}}}},
                               {"contact_name", {{"type", "string"}, {"maxLength", 200}}},
                               {"note", {{"type", "string"}, {"maxLength", 1000}}}}},
                             {"example",
                              {{"action", "add"},
                               {"contact_name", "Pat, the walk leader"},
                               {"note", "Happy to meet people at the gate"}}}};

const json reviewed_schema = {{"type", "object"},
                              {"additionalProperties", false},
                              {"properties", {{"version", {{"type", "integer"}, {"minimum", 1}}}}},
                              {"example", json::object()}};

const json import_schema = {{"description",
                             "Open Referral HSDS 3.0 JSON: one service, an array of services, an "
                             "HSDS page {\"contents\": [...]}, or an "
                             "organization with \"services\"."},
                            {"type", {"object", "array"}},
                            {"example", {{"contents", json::array()}}}};

}  // namespace

std::vector<Route> directory_routes() {
  return {
      {"GET", "/api/v1/directory/resources",
       "Search the agency's community directory: q (free text), tag, place (postcode district, "
       "town, locality), "
       "open=true, capacity, active=now|upcoming",
       true, search},
      {"POST", "/api/v1/directory/resources", "Add a community resource to the agency's directory",
       true, create, resource_schema(false), 201},
      {"GET", "/api/v1/directory/resources/{id}",
       "A community resource, with who in the agency knows someone there", true,
       [](const Context& c) { return from_result(app::Directory(c.service).get(c.caller, c.id)); }},
      {"PUT", "/api/v1/directory/resources/{id}",
       "Replace a community resource; send the version you read (409 version_conflict with the "
       "current record "
       "when it is stale)",
       true, update, resource_schema(true)},
      {"GET", "/api/v1/directory/resources/{id}/history", "Every version of a community resource",
       true,
       [](const Context& c) {
         return from_result(app::Directory(c.service).history(c.caller, c.id));
       }},
      {"POST", "/api/v1/directory/resources/{id}/knowers",
       "I know someone there (action add, with the contact's name and a note) or no longer "
       "(remove): the signed-in "
       "worker",
       true, knowers, knowers_schema},
      {"POST", "/api/v1/directory/resources/{id}/reviewed",
       "Mark a community resource as reviewed today", true, reviewed, reviewed_schema},
      {"GET", "/api/v1/directory/review",
       "Entries due for review: not reviewed in `months` months (default 12) or never", true,
       review_list},
      {"GET", "/api/v1/directory/tags", "Interest tags in use, with how many resources carry each",
       true,
       [](const Context& c) { return from_result(app::Directory(c.service).tags(c.caller)); }},
      {"GET", "/api/v1/directory/export",
       "Export the directory as Open Referral HSDS: format=hsds-json (an HSDS page of services) or "
       "hsds-csv (the "
       "package's file list; fetch each with &file=NAME). Confidential entries and locations are "
       "left out. "
       "Agency admin.",
       true, export_directory},
      {"POST", "/api/v1/directory/import",
       "Import Open Referral HSDS JSON (validated against the HSDS 3.0 schema; all or nothing; "
       "dry_run=true to "
       "check only). Agency admin.",
       true, import_directory, import_schema, 201},
  };
}

}  // namespace cp::http
