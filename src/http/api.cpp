// src/http/api.cpp — routing, sessions and CSRF, error mapping and security headers for the
// JSON API under /api/v1, plus the static front end.
#include "cp/http/api.hpp"

#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fmt/format.h>

#include "route_tables.hpp"

namespace cp::http {

using nlohmann::json;

const std::vector<Route>& routes() {
  static const std::vector<Route> all = [] {
    std::vector<Route> out;
    for (auto&& area : {core_routes(), practice_routes(), agency_routes(), capture_routes(), records_routes(),
                        directory_routes(), fidelity_routes(), study_routes(), export_routes()})
      out.insert(out.end(), area.begin(), area.end());
    return out;
  }();
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

// Matches `path` against `pattern`; fills `id` from the {id} segment (a positive integer) and
// `params` from any other {name} segment.
bool matches(const std::string& pattern, const std::string& path, long long& id, bool& bad_id,
             std::map<std::string, std::string>& params) {
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
    } else if (p[i].size() > 2 && p[i].front() == '{' && p[i].back() == '}') {
      params[p[i].substr(1, p[i].size() - 2)] = s[i];
    } else if (p[i] != s[i]) {
      return false;
    }
  }
  return true;
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

}  // namespace

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

Response from_result(const Result<json>& r, int ok_status) {
  return r ? json_response(ok_status, *r) : error_response(r.error());
}

static std::string percent_decode(const std::string& v) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i] == '+') {
      out += ' ';
    } else if (v[i] == '%' && i + 2 < v.size() && std::isxdigit(static_cast<unsigned char>(v[i + 1])) &&
               std::isxdigit(static_cast<unsigned char>(v[i + 2]))) {
      out += static_cast<char>(std::stoi(v.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += v[i];
    }
  }
  return out;
}

const std::string& Context::param(const std::string& name) const {
  static const std::string none;
  auto it = params.find(name);
  return it == params.end() ? none : it->second;
}

std::optional<std::string> Context::query(const std::string& key) const {
  const std::string& q = request.query;
  size_t pos = 0;
  while (pos <= q.size()) {
    size_t end = q.find('&', pos);
    if (end == std::string::npos) end = q.size();
    const auto kv = q.substr(pos, end - pos);
    if (kv == key) return std::string{};
    if (kv.rfind(key + "=", 0) == 0) return percent_decode(kv.substr(key.size() + 1));
    pos = end + 1;
  }
  return std::nullopt;
}

int Context::query_int(const std::string& key, int fallback, int lo, int hi) const {
  auto v = query(key);
  if (!v) return fallback;
  try {
    return std::clamp(std::stoi(*v), lo, hi);
  } catch (...) {
    return fallback;
  }
}

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
  std::map<std::string, std::string> params;
  for (const auto& candidate : routes()) {
    long long cid = 0;
    bool cbad = false;
    std::map<std::string, std::string> cparams;
    if (!matches(candidate.pattern, r.path, cid, cbad, cparams)) continue;
    path_known = true;
    if (candidate.method == r.method) {
      route = &candidate;
      id = cid;
      bad_id = cbad;
      params = std::move(cparams);
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
  if ((r.method == "POST" || r.method == "PUT" || r.method == "PATCH") && !r.body.empty()) {
    auto it = r.headers.find("content-type");
    if (it == r.headers.end() || it->second.rfind("application/json", 0) != 0)
      return error_response({ErrorKind::unsupported, "unsupported_media_type",
                             "send the body as application/json", "Content-Type"});
  }
  Context ctx{r, service_, config_, {}, {}, {}, id, std::move(params)};
  if (route->auth) {
    // A live session, and a CSRF token on state-changing requests.
    const std::string token = cookie_value(r.headers, "cp_session");
    auto session = token.empty() ? std::nullopt : service_.session(token);
    if (!session)
      return error_response({ErrorKind::unauthenticated, "not_signed_in",
                             token.empty() ? "Sign in first." : "Your session has ended; sign in again.", {}});
    ctx.caller = session->caller;
    ctx.caller.address = r.address;
    ctx.session_token = token;
    ctx.csrf_token = session->csrf_token;
    if (r.method != "GET" && r.method != "HEAD") {
      auto it = r.headers.find("x-csrf-token");
      if (it == r.headers.end() || !same_secret(it->second, session->csrf_token))
        return error_response({ErrorKind::forbidden, "csrf_failed",
                               "The request is missing its X-CSRF-Token header or the token is wrong.",
                               "X-CSRF-Token"});
    }
  }
  ctx.caller.address = r.address;
  return route->handler(ctx);
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
