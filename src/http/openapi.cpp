// src/http/openapi.cpp — the OpenAPI 3 document of the API, built from routes() so that every
// route is described; tests/api/openapi.test.mjs checks that document and server agree.
#include <nlohmann/json.hpp>

#include "cp/http/api.hpp"

namespace cp::http {

using nlohmann::json;

namespace {

json error_schema() {
  return {{"type", "object"},
          {"required", {"error"}},
          {"properties",
           {{"error",
             {{"type", "object"},
              {"required", {"code", "message", "field"}},
              {"properties",
               {{"code", {{"type", "string"}}},
                {"message", {{"type", "string"}}},
                {"field", {{"type", {"string", "null"}}}}}}}}}}};
}

json request_body(const std::string& pattern, const std::string& method) {
  if (method != "POST") return nullptr;
  if (pattern == "/api/v1/auth/login")
    return {{"type", "object"},
            {"additionalProperties", false},
            {"required", {"username", "password"}},
            {"properties", {{"username", {{"type", "string"}}}, {"password", {{"type", "string"}}}}},
            {"example", {{"username", "demo-practitioner"}, {"password", "…"}}}};
  if (pattern == "/api/v1/partnerships/{id}/episodes")
    return {{"type", "object"},
            {"additionalProperties", false},
            {"required", {"action"}},
            {"properties",
             {{"action", {{"type", "string"}, {"enum", {"open", "pause", "re_enter", "move_on", "transfer"}}}},
              {"reason", {{"type", "string"}, {"maxLength", 500}}},
              {"to_worker_id", {{"type", "integer"}}}}},
            {"example", {{"action", "pause"}, {"reason", "taking a break"}}}};
  if (pattern == "/api/v1/partnerships/{id}/contacts")
    return {{"type", "object"},
            {"additionalProperties", false},
            {"required", {"date", "mode", "duration_minutes", "processes"}},
            {"properties",
             {{"date", {{"type", "string"}, {"format", "date"}}},
              {"mode", {{"type", "string"}, {"enum", {"in_person", "phone", "video", "text", "other"}}}},
              {"duration_minutes", {{"type", "integer"}, {"minimum", 1}, {"maximum", 600}}},
              {"processes",
               {{"type", "array"},
                {"items",
                 {{"type", "string"},
                  {"enum", {"network_mapping", "assets", "goals", "ideas", "community_resources", "engagement",
                            "barriers", "recognition", "feedback", "review"}}}}}},
              {"note", {{"type", "string"}, {"maxLength", 2000}}}}},
            {"example", {{"date", "2026-11-20"}, {"mode", "in_person"}, {"duration_minutes", 45},
                         {"processes", {"network_mapping", "goals"}}, {"note", "Drew the map together."}}}};
  return {{"type", "object"}};
}

}  // namespace

std::string openapi_document(const std::string& version) {
  json paths = json::object();
  for (const auto& r : routes()) {
    json op = {{"summary", r.summary},
               {"operationId", r.method + r.pattern},
               {"responses",
                {{"default", {{"description", "An error", }, {"content", {{"application/json", {{"schema", error_schema()}}}}}}}}}};
    const int ok = r.method == "POST" && r.pattern.find("/auth/") == std::string::npos ? 201
                   : r.pattern == "/api/v1/auth/logout"                               ? 204
                                                                                      : 200;
    op["responses"][std::to_string(ok)] = {{"description", "Success"}};
    if (ok != 204) op["responses"][std::to_string(ok)]["content"] = {{"application/json", {{"schema", {{"type", "object"}}}}}};
    if (r.auth) {
      op["security"] = json::array({{{"session", json::array()}}});
      op["responses"]["401"] = {{"description", "Not signed in"}};
      op["responses"]["403"] = {{"description", "Not permitted (audited), or CSRF token missing"}};
    }
    if (r.pattern.find("{id}") != std::string::npos)
      op["parameters"] = json::array({{{"name", "id"}, {"in", "path"}, {"required", true}, {"schema", {{"type", "integer"}, {"minimum", 1}}}}});
    if (auto body = request_body(r.pattern, r.method); !body.is_null()) {
      op["requestBody"] = {{"required", true}, {"content", {{"application/json", {{"schema", body}}}}}};
      op["responses"]["400"] = {{"description", "Bad input: the message says what and where"}};
    }
    std::string method = r.method;
    for (auto& ch : method) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    paths[r.pattern][method] = op;
  }
  json doc = {{"openapi", "3.0.3"},
              {"info",
               {{"title", "Connecting People API"},
                {"version", version},
                {"description",
                 "JSON API of Connecting People. Sign in with POST /api/v1/auth/login; send the session "
                 "cookie back, and the csrf_token as X-CSRF-Token on every request that changes data. "
                 "Errors are {\"error\":{\"code\",\"message\",\"field\"}}."}}},
              {"components",
               {{"securitySchemes",
                 {{"session", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "cp_session"}}}}}}},
              {"paths", paths}};
  return doc.dump(2);
}

}  // namespace cp::http
