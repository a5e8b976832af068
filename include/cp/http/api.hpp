// include/cp/http/api.hpp — the JSON API as a function from Request to Response, with no
// network code in it (RESTinio stays in server.cpp). Translates only: parse and check the
// request's shape, find the caller's session, call app::Service, map errors to status codes.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "cp/app/service.hpp"

namespace cp::http {

struct Request {
  std::string method;  // "GET", "POST", …
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
};

// One route of the API, as listed in the OpenAPI document.
struct Route {
  std::string method;
  std::string pattern;  // e.g. "/api/v1/people/{id}"
  std::string summary;
  bool auth = true;  // needs a signed-in session
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

}  // namespace cp::http
