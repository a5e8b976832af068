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

}  // namespace

std::string openapi_document(const std::string& version) {
  json paths = json::object();
  for (const auto& r : routes()) {
    json op = {{"summary", r.summary},
               {"operationId", r.method + r.pattern},
               {"responses",
                {{"default", {{"description", "An error", }, {"content", {{"application/json", {{"schema", error_schema()}}}}}}}}}};
    const int ok = r.ok_status;
    op["responses"][std::to_string(ok)] = {{"description", "Success"}};
    if (ok != 204) op["responses"][std::to_string(ok)]["content"] = {{"application/json", {{"schema", {{"type", "object"}}}}}};
    if (r.auth) {
      op["security"] = json::array({{{"session", json::array()}}});
      op["responses"]["401"] = {{"description", "Not signed in"}};
      op["responses"]["403"] = {{"description", "Not permitted (audited), or CSRF token missing"}};
    }
    json parameters = json::array();
    for (size_t open = r.pattern.find('{'); open != std::string::npos; open = r.pattern.find('{', open + 1)) {
      const auto name = r.pattern.substr(open + 1, r.pattern.find('}', open) - open - 1);
      parameters.push_back({{"name", name}, {"in", "path"}, {"required", true},
                            {"schema", name == "id" ? json{{"type", "integer"}, {"minimum", 1}} : json{{"type", "string"}}}});
    }
    if (!parameters.empty()) op["parameters"] = parameters;
    if (!r.request_schema.is_null()) {
      op["requestBody"] = {{"required", true}, {"content", {{"application/json", {{"schema", r.request_schema}}}}}};
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
