// src/http/api.cpp — routing, sessions and CSRF, error mapping and security headers for the
// JSON API under /api/v1, plus the static front end.
#include "cp/http/api.hpp"

#include <sodium.h>

#include <filesystem>
#include <fmt/format.h>

#include "json_body.hpp"

namespace cp::http {

using nlohmann::json;

const std::vector<Route>& routes() {
  static const std::vector<Route> all{
      {"GET", "/api/v1/health", "Whether the server and its database are up", false},
      {"GET", "/api/v1/ping", "Answers at once without touching the database (for load tests)", false},
      {"GET", "/api/v1/openapi.json", "This API's OpenAPI 3 description", false},
      {"POST", "/api/v1/auth/login", "Sign in; sets the session cookie and returns a CSRF token", false},
      {"POST", "/api/v1/auth/logout", "Sign out", true},
      {"GET", "/api/v1/auth/me", "The signed-in account and its CSRF token", true},
      {"GET", "/api/v1/caseload", "The people the signed-in worker (or team leader's team) works with", true},
      {"GET", "/api/v1/people/{id}", "A person's summary: partnerships, episodes, recent contacts", true},
      {"POST", "/api/v1/partnerships/{id}/episodes", "Change a partnership's episode (pause, re-enter, move on, transfer)", true},
      {"GET", "/api/v1/partnerships/{id}/contacts", "A partnership's contacts (sessions)", true},
      {"POST", "/api/v1/partnerships/{id}/contacts", "Record a contact (session) for a partnership", true},
      {"GET", "/api/v1/teams", "The teams of the caller's agency", true},
      {"GET", "/api/v1/workers", "The workers of the caller's agency (for transfers)", true},
      {"GET", "/api/v1/audit", "Recent audit log entries (system administrator)", true},
      {"GET", "/api/v1/audit/verify", "Verify the audit log's hash chain (system administrator)", true},
  };
  return all;
}

namespace {

// Splits "/a/b/c" into {"a","b","c"}.
std::vector<std::string> segments(const std::string& path) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < path.size()) {
    while (i < path.size() && path[i] == '/') ++i;
    size_t j = path.find('/', i);
    if (j == std::string::npos) j = path.size();
    if (j > i) out.push_back(path.substr(i, j - i));
    i = j;
  }
  return out;
}

// Matches `path` against `pattern`; fills `id` from the {id} segment (a positive integer).
bool matches(const std::string& pattern, const std::string& path, long long& id, bool& bad_id) {
  const auto p = segments(pattern), s = segments(path);
  if (p.size() != s.size()) return false;
  for (size_t i = 0; i < p.size(); ++i) {
    if (p[i] == "{id}") {
      const auto& v = s[i];
      if (v.empty() || v.size() > 18 || v.find_first_not_of("0123456789") != std::string::npos) {
        bad_id = true;
        id = 0;
      } else {
        id = std::stoll(v);
      }
    } else if (p[i] != s[i]) {
      return false;
    }
  }
  return true;
}

int status_of(ErrorKind k) {
  switch (k) {
    case ErrorKind::invalid_input: return 400;
    case ErrorKind::unauthenticated: return 401;
    case ErrorKind::forbidden: return 403;
    case ErrorKind::not_found: return 404;
    case ErrorKind::conflict: return 409;
    case ErrorKind::too_large: return 413;
    case ErrorKind::unsupported: return 415;
    case ErrorKind::too_many: return 429;
    case ErrorKind::infeasible: return 422;
    case ErrorKind::internal: return 500;
  }
  return 500;
}

Response json_response(int status, const json& body) {
  Response r;
  r.status = status;
  r.body = body.dump();
  r.headers.emplace_back("Content-Type", "application/json; charset=utf-8");
  return r;
}

Response error_response(const Error& e) {
  json err = {{"code", e.code}, {"message", e.message}, {"field", e.field.empty() ? json(nullptr) : json(e.field)}};
  auto r = json_response(status_of(e.kind), {{"error", err}});
  if (e.kind == ErrorKind::too_many && !e.field.empty()) r.headers.emplace_back("Retry-After", e.field);
  return r;
}

Response from_result(const Result<json>& r, int ok_status = 200) {
  return r ? json_response(ok_status, *r) : error_response(r.error());
}

std::string cookie_value(const std::map<std::string, std::string>& headers, const std::string& name) {
  auto it = headers.find("cookie");
  if (it == headers.end()) return {};
  const std::string& c = it->second;
  size_t pos = 0;
  while (pos < c.size()) {
    while (pos < c.size() && (c[pos] == ' ' || c[pos] == ';')) ++pos;
    size_t eq = c.find('=', pos), end = c.find(';', pos);
    if (end == std::string::npos) end = c.size();
    if (eq != std::string::npos && eq < end && c.compare(pos, eq - pos, name) == 0)
      return c.substr(eq + 1, end - eq - 1);
    pos = end + 1;
  }
  return {};
}

bool same_secret(const std::string& a, const std::string& b) {
  return a.size() == b.size() && !a.empty() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string content_type_of(const std::string& path) {
  auto ext = std::filesystem::path(path).extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".json" || ext == ".webmanifest" || ext == ".map") return "application/json";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

int query_int(const std::string& query, const std::string& key, int fallback, int lo, int hi) {
  size_t pos = 0;
  while (pos <= query.size()) {
    size_t end = query.find('&', pos);
    if (end == std::string::npos) end = query.size();
    const auto kv = query.substr(pos, end - pos);
    if (kv.rfind(key + "=", 0) == 0) {
      try {
        return std::clamp(std::stoi(kv.substr(key.size() + 1)), lo, hi);
      } catch (...) {
        return fallback;
      }
    }
    pos = end + 1;
  }
  return fallback;
}

}  // namespace

Api::Api(app::Service& service, ApiConfig config) : service_(service), config_(std::move(config)) {}

Response Api::handle(const Request& request) {
  Response r;
  try {
    if (request.path.rfind("/api/", 0) == 0 || request.path == "/api")
      r = dispatch(request);
    else
      r = serve_static(request);
  } catch (const ErrorException& e) {
    r = error_response(e.error());
  } catch (const std::exception& e) {
    // A bug or an I/O failure: the detail goes to the log, the caller gets a plain message.
    fmt::print(stderr, "error: {} {}: {}\n", request.method, request.path, e.what());
    r = error_response({ErrorKind::internal, "internal_error", "Something went wrong on the server; it has been logged.", {}});
  }
  // Security headers on every response.
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  r.headers.emplace_back("Referrer-Policy", "no-referrer");
  r.headers.emplace_back("X-Frame-Options", "DENY");
  r.headers.emplace_back(
      "Content-Security-Policy",
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
      "form-action 'self'; frame-ancestors 'none'");
  r.headers.emplace_back("Cross-Origin-Opener-Policy", "same-origin");
  r.headers.emplace_back("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  if (config_.tls) r.headers.emplace_back("Strict-Transport-Security", "max-age=31536000");
  if (request.path.rfind("/api/", 0) == 0) r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

Response Api::dispatch(const Request& r) {
  // Find the route: 404 for an unknown path, 405 for a known path with another method.
  const Route* route = nullptr;
  long long id = 0;
  bool bad_id = false, path_known = false;
  for (const auto& candidate : routes()) {
    long long cid = 0;
    bool cbad = false;
    if (!matches(candidate.pattern, r.path, cid, cbad)) continue;
    path_known = true;
    if (candidate.method == r.method) {
      route = &candidate;
      id = cid;
      bad_id = cbad;
      break;
    }
  }
  if (!route) {
    if (path_known) {
      auto resp = error_response({ErrorKind::invalid_input, "method_not_allowed",
                                  fmt::format("{} is not supported on {}", r.method, r.path), {}});
      resp.status = 405;
      return resp;
    }
    return error_response(Error::not_found(fmt::format("There is no API route {} {}", r.method, r.path)));
  }
  if (bad_id) return error_response(Error::invalid("invalid_id", "the id in the path must be a positive whole number", "id"));
  if (r.body.size() > config_.max_body)
    return error_response({ErrorKind::too_large, "body_too_large",
                           fmt::format("the request body is larger than {} bytes", config_.max_body), "body"});
  if (r.method == "POST" && !r.body.empty()) {
    auto it = r.headers.find("content-type");
    if (it == r.headers.end() || it->second.rfind("application/json", 0) != 0)
      return error_response({ErrorKind::unsupported, "unsupported_media_type",
                             "send the body as application/json", "Content-Type"});
  }
  const std::string& pat = route->pattern;

  // Public routes.
  if (pat == "/api/v1/health") {
    const auto integrity = service_.database().schema_version();
    return json_response(200, {{"status", "ok"}, {"version", config_.version}, {"schema_version", integrity}});
  }
  if (pat == "/api/v1/ping") return json_response(200, {{"pong", true}});
  if (pat == "/api/v1/openapi.json") {
    Response resp;
    resp.body = openapi_document(config_.version);
    resp.headers.emplace_back("Content-Type", "application/json; charset=utf-8");
    return resp;
  }
  if (pat == "/api/v1/auth/login") {
    JsonBody b(r.body);
    auto username = b.text("username", true, 100);
    auto password = b.text("password", true, 1000);
    b.finish();
    if (!b.ok()) return error_response(b.error());
    auto signed_in = service_.login(*username, *password, r.address);
    if (!signed_in) return error_response(signed_in.error());
    auto resp = json_response(200, {{"user", app::Service::user_json(signed_in->session.caller)},
                                    {"csrf_token", signed_in->session.csrf_token}});
    resp.headers.emplace_back("Set-Cookie", fmt::format("cp_session={}; Path=/; HttpOnly; SameSite=Strict{}",
                                                         signed_in->token, config_.tls ? "; Secure" : ""));
    return resp;
  }

  // Everything else needs a live session, and a CSRF token on state-changing requests.
  const std::string token = cookie_value(r.headers, "cp_session");
  auto session = token.empty() ? std::nullopt : service_.session(token);
  if (!session)
    return error_response({ErrorKind::unauthenticated, "not_signed_in",
                           token.empty() ? "Sign in first." : "Your session has ended; sign in again.", {}});
  app::Caller caller = session->caller;
  caller.address = r.address;
  if (r.method != "GET" && r.method != "HEAD") {
    auto it = r.headers.find("x-csrf-token");
    if (it == r.headers.end() || !same_secret(it->second, session->csrf_token))
      return error_response({ErrorKind::forbidden, "csrf_failed",
                             "The request is missing its X-CSRF-Token header or the token is wrong.",
                             "X-CSRF-Token"});
  }

  if (pat == "/api/v1/auth/logout") {
    service_.logout(token, caller);
    Response resp;
    resp.status = 204;
    resp.headers.emplace_back("Set-Cookie", fmt::format("cp_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0{}",
                                                         config_.tls ? "; Secure" : ""));
    return resp;
  }
  if (pat == "/api/v1/auth/me")
    return json_response(200, {{"user", app::Service::user_json(caller)}, {"csrf_token", session->csrf_token}});
  if (pat == "/api/v1/caseload") return from_result(service_.caseload(caller));
  if (pat == "/api/v1/people/{id}") return from_result(service_.person_summary(caller, id));
  if (pat == "/api/v1/partnerships/{id}/episodes") {
    JsonBody b(r.body);
    auto action = b.text("action", true, 20);
    auto reason = b.text("reason", false, 500);
    auto to_worker = b.integer("to_worker_id", false);
    b.finish();
    if (!b.ok()) return error_response(b.error());
    auto a = domain::episode_action_from_string(*action);
    if (!a)
      return error_response(Error::invalid("invalid_value",
                                           "action must be one of: open, pause, re_enter, move_on, transfer", "action"));
    app::EpisodeChange ch{*a, reason, to_worker};
    return from_result(service_.change_episode(caller, id, ch), 201);
  }
  if (pat == "/api/v1/partnerships/{id}/contacts") {
    if (r.method == "GET") return from_result(service_.list_contacts(caller, id));
    JsonBody b(r.body);
    domain::NewContact c;
    auto date = b.text("date", true, 10);
    auto mode = b.text("mode", true, 20);
    auto duration = b.integer("duration_minutes", true);
    auto processes = b.text_list("processes", true);
    auto note = b.text("note", false, 2000);
    b.finish();
    if (!b.ok()) return error_response(b.error());
    c.date = *date;
    c.mode = *mode;
    if (*duration < 0 || *duration > 100000)
      return error_response(Error::invalid("out_of_range", "duration_minutes must be between 1 and 600", "duration_minutes"));
    c.duration_minutes = static_cast<int>(*duration);
    c.processes = *processes;
    c.note = note.value_or("");
    return from_result(service_.add_contact(caller, id, c), 201);
  }
  if (pat == "/api/v1/teams") return from_result(service_.teams(caller));
  if (pat == "/api/v1/workers") return from_result(service_.workers(caller));
  if (pat == "/api/v1/audit") return from_result(service_.audit_entries(caller, query_int(r.query, "limit", 100, 1, 1000)));
  if (pat == "/api/v1/audit/verify") return from_result(service_.audit_verify(caller));
  return error_response(Error::not_found("route not implemented"));
}

Response Api::serve_static(const Request& r) {
  if (r.method != "GET" && r.method != "HEAD") {
    auto resp = error_response({ErrorKind::invalid_input, "method_not_allowed", "only GET is supported here", {}});
    resp.status = 405;
    return resp;
  }
  namespace fs = std::filesystem;
  if (config_.web_root.empty() || !fs::exists(config_.web_root)) {
    Response resp;
    resp.status = 404;
    resp.headers.emplace_back("Content-Type", "text/plain; charset=utf-8");
    resp.body = "The web front end is not built. Run `make run`, or build web/ with `npm run build`.\n";
    return resp;
  }
  const fs::path root = fs::weakly_canonical(config_.web_root);
  std::string rel = r.path;
  while (!rel.empty() && rel.front() == '/') rel.erase(0, 1);
  fs::path candidate = fs::weakly_canonical(root / rel);
  // Refuse anything that resolves outside the web root (../ tricks).
  const auto rs = root.string(), cs = candidate.string();
  const bool inside = cs.size() >= rs.size() && cs.compare(0, rs.size(), rs) == 0;
  Response resp;
  if (!rel.empty() && inside && fs::is_regular_file(candidate)) {
    resp.file_path = candidate.string();
    resp.headers.emplace_back("Content-Type", content_type_of(resp.file_path));
    if (rel.rfind("assets/", 0) == 0) resp.headers.emplace_back("Cache-Control", "public, max-age=31536000, immutable");
    return resp;
  }
  // Client-side routes: the app's index.html.
  resp.file_path = (root / "index.html").string();
  resp.headers.emplace_back("Content-Type", "text/html; charset=utf-8");
  resp.headers.emplace_back("Cache-Control", "no-cache");
  return resp;
}

}  // namespace cp::http
