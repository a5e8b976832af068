// include/cp/http/api.hpp — the JSON API as a function from Request to Response, with no
// network code in it (RESTinio stays in server.cpp). Translates only: parse and check the
// request's shape, find the caller's session, call app/, map errors to status codes.
//
// Routes are grouped by area (src/http/routes_<area>.cpp); each route carries its handler and
// the schema of its request body, so the OpenAPI document is generated from the same table
// that dispatches requests.
#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cp/app/service.hpp"

namespace cp::instruments {
class Catalogue;
}

namespace cp::http {

struct Request {
  std::string method;  // "GET", "POST", "PUT", "PATCH", "DELETE", …
  std::string path;    // without the query
  std::string query;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
  std::string address;  // client address
};

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string file_path;  // when set, the body is this file (static front end)
};

struct ApiConfig {
  std::string web_root;            // built front end (web/dist); empty: no front end
  bool tls = false;                // sets the Secure cookie flag and HSTS
  std::size_t max_body = 1 << 20;  // larger request bodies get 413
  std::string version = "0.1.0";
  // Instrument definitions and scoring tables, loaded at start (questionnaire routes); null:
  // no instruments are known.
  std::shared_ptr<const instruments::Catalogue> instruments;
};

// What a route's handler gets: the request, the signed-in caller (for routes with auth), the
// path parameters, and the service. `id` is the numeric {id} parameter (0 when none);
// other {name} parameters are in `params` as text.
struct Context {
  const Request& request;
  app::Service& service;
  const ApiConfig& config;
  app::Caller caller;
  std::string session_token;  // the cookie token (auth routes only)
  std::string csrf_token;     // the session's CSRF token (auth routes only)
  long long id = 0;
  std::map<std::string, std::string> params;
  const std::string& param(const std::string& name) const;
  // The query-string value of `key` (percent-decoded), if present.
  std::optional<std::string> query(const std::string& key) const;
  int query_int(const std::string& key, int fallback, int lo, int hi) const;
};

using Handler = std::function<Response(const Context&)>;

// One route of the API, as listed in the OpenAPI document.
struct Route {
  std::string method;
  std::string pattern;  // e.g. "/api/v1/people/{id}"; {id} is a positive integer
  std::string summary;
  bool auth = true;     // needs a signed-in session (and CSRF on state-changing methods)
  Handler handler;
  nlohmann::json request_schema = nullptr;  // JSON Schema of the body (POST/PUT/PATCH)
  int ok_status = 200;                      // the success status (201 for creations)
};
const std::vector<Route>& routes();

class Api {
 public:
  Api(app::Service& service, ApiConfig config);
  Response handle(const Request& request);

 private:
  Response dispatch(const Request& r);
  Response serve_static(const Request& r);
  app::Service& service_;
  ApiConfig config_;
};

// The OpenAPI 3 description of routes() with request and response schemas.
std::string openapi_document(const std::string& version);

// Helpers shared by the route files.
Response json_response(int status, const nlohmann::json& body);
Response error_response(const Error& e);
Response from_result(const Result<nlohmann::json>& r, int ok_status = 200);
int status_of(ErrorKind k);

}  // namespace cp::http
