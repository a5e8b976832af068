// include/cp/http/server.hpp — runs the HTTP(S) server (RESTinio) in front of Api until SIGINT
// or SIGTERM: then it stops accepting, lets in-flight requests finish, and returns so that the
// caller can close the database cleanly.
#pragma once

#include <functional>
#include <string>

#include "cp/http/api.hpp"

namespace cp::http {

struct ServerConfig {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;  // 0: any free port (the chosen one is reported)
  int threads = 2;
  std::string tls_certificate, tls_key;  // PEM files; both set → HTTPS
  ApiConfig api;
};

// Blocks until a stop signal. `on_listening(url)` runs once the socket is bound. Throws
// std::runtime_error when the address cannot be bound or the TLS files cannot be read.
void run_server(app::Service& service, ServerConfig config,
                const std::function<void(const std::string& url)>& on_listening);

}  // namespace cp::http
