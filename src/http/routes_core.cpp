// src/http/routes_core.cpp — health, ping, the OpenAPI document, signing in and out.
#include <fmt/format.h>

#include "route_tables.hpp"

namespace cp::http {

using nlohmann::json;

std::vector<Route> core_routes() {
  std::vector<Route> r;
  r.push_back({"GET", "/api/v1/health", "Whether the server and its database are up", false,
               [](const Context& c) {
                 return json_response(200, {{"status", "ok"},
                                            {"version", c.config.version},
                                            {"schema_version", c.service.database().schema_version()}});
               }});
  r.push_back({"GET", "/api/v1/ping", "Answers at once without touching the database (for load tests)", false,
               [](const Context&) { return json_response(200, {{"pong", true}}); }});
  r.push_back({"GET", "/api/v1/openapi.json", "This API's OpenAPI 3 description", false, [](const Context& c) {
                 Response resp;
                 resp.body = openapi_document(c.config.version);
                 resp.headers.emplace_back("Content-Type", "application/json; charset=utf-8");
                 return resp;
               }});
  r.push_back({"POST", "/api/v1/auth/login", "Sign in; sets the session cookie and returns a CSRF token", false,
               [](const Context& c) {
                 JsonBody b(c.request.body);
                 auto username = b.text("username", true, 100);
                 auto password = b.text("password", true, 1000);
                 b.finish();
                 if (!b.ok()) return bad_body(b);
                 auto signed_in = c.service.login(*username, *password, c.request.address);
                 if (!signed_in) return error_response(signed_in.error());
                 auto resp = json_response(200, {{"user", app::Service::user_json(signed_in->session.caller)},
                                                 {"csrf_token", signed_in->session.csrf_token}});
                 resp.headers.emplace_back("Set-Cookie",
                                           fmt::format("cp_session={}; Path=/; HttpOnly; SameSite=Strict{}",
                                                       signed_in->token, c.config.tls ? "; Secure" : ""));
                 return resp;
               },
               {{"type", "object"},
                {"additionalProperties", false},
                {"required", {"username", "password"}},
                {"properties", {{"username", {{"type", "string"}}}, {"password", {{"type", "string"}}}}},
                {"example", {{"username", "demo-practitioner"}, {"password", "…"}}}}});
  r.push_back({"POST", "/api/v1/auth/logout", "Sign out", true,
               [](const Context& c) {
                 c.service.logout(c.session_token, c.caller);
                 Response resp;
                 resp.status = 204;
                 resp.headers.emplace_back("Set-Cookie",
                                           fmt::format("cp_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0{}",
                                                       c.config.tls ? "; Secure" : ""));
                 return resp;
               },
               nullptr, 204});
  r.push_back({"GET", "/api/v1/auth/me", "The signed-in account and its CSRF token", true, [](const Context& c) {
                 return json_response(200, {{"user", app::Service::user_json(c.caller)}, {"csrf_token", c.csrf_token}});
               }});
  return r;
}

}  // namespace cp::http
