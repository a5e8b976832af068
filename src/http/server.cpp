// src/http/server.cpp — the only translation unit that includes RESTinio: turns RESTinio
// requests into http::Request, calls Api, writes the Response; TLS; graceful shutdown.
#include "cp/http/server.hpp"

#include <restinio/all.hpp>
#include <restinio/tls.hpp>

#include <atomic>
#include <cctype>
#include <chrono>
#include <csignal>
#include <fmt/format.h>
#include <thread>

namespace cp::http {

namespace {

const char* reason_of(int status) {
  switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 503: return "Service Unavailable";
    default: return status >= 500 ? "Internal Server Error" : "OK";
  }
}

Request to_request(const restinio::request_handle_t& req) {
  Request r;
  r.method = req->header().method().c_str();
  r.path = std::string(req->header().path());
  r.query = std::string(req->header().query());
  req->header().for_each_field([&](const restinio::http_header_field_t& f) {
    std::string name = f.name();
    for (auto& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    r.headers[name] = f.value();
  });
  r.body = req->body();
  try {
    r.address = req->remote_endpoint().address().to_string();
  } catch (...) {
    r.address = "unknown";
  }
  return r;
}

template <class Traits>
void run_with(Api& api, const ServerConfig& config, asio::ssl::context* tls,
              const std::function<void(const std::string&)>& on_listening) {
  asio::io_context ioctx;
  std::atomic<int> in_flight{0};
  std::atomic<bool> draining{false};
  unsigned short bound_port = config.port;

  auto handler = [&](restinio::request_handle_t req) -> restinio::request_handling_status_t {
    ++in_flight;
    Response res;
    if (draining) {
      res.status = 503;
      res.headers.emplace_back("Content-Type", "application/json");
      res.body = R"({"error":{"code":"shutting_down","message":"The server is stopping.","field":null}})";
    } else {
      res = api.handle(to_request(req));
    }
    auto out = req->create_response(restinio::http_status_line_t{
        restinio::http_status_code_t{static_cast<std::uint16_t>(res.status)}, reason_of(res.status)});
    for (auto& [k, v] : res.headers) out.append_header(k, v);
    if (!res.file_path.empty()) {
      try {
        out.set_body(restinio::sendfile(res.file_path));
      } catch (const std::exception&) {
        auto missing = req->create_response(restinio::status_not_found());
        missing.append_header("Content-Type", "text/plain; charset=utf-8");
        missing.set_body("Not found\n");
        --in_flight;
        return missing.done();
      }
    } else {
      out.set_body(std::move(res.body));
    }
    auto status = out.done();
    --in_flight;
    return status;
  };

  using settings_t = restinio::server_settings_t<Traits>;
  settings_t settings{};
  settings.address(config.address)
      .port(config.port)
      .request_handler(handler)
      .read_next_http_message_timelimit(std::chrono::seconds(60))
      .handle_request_timeout(std::chrono::seconds(60))
      .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}
                                    .max_url_size(8 * 1024)
                                    .max_field_count(100)
                                    .max_field_value_size(16 * 1024)
                                    .max_body_size(8 * 1024 * 1024))
      .acceptor_post_bind_hook([&](asio::ip::tcp::acceptor& a) { bound_port = a.local_endpoint().port(); });
  if constexpr (std::is_same_v<Traits, restinio::default_tls_traits_t>) {
    settings.tls_context(std::move(*tls));
  }
  restinio::http_server_t<Traits> server{restinio::external_io_context(ioctx), std::move(settings)};

  asio::signal_set signals(ioctx, SIGINT, SIGTERM);
  asio::steady_timer drain_timer(ioctx);
  std::function<void()> wait_for_drain = [&] {
    drain_timer.expires_after(std::chrono::milliseconds(50));
    drain_timer.async_wait([&](const asio::error_code&) {
      if (in_flight.load() == 0) {
        // Give the last responses a moment to be written, then stop.
        drain_timer.expires_after(std::chrono::milliseconds(150));
        drain_timer.async_wait([&](const asio::error_code&) { ioctx.stop(); });
      } else {
        wait_for_drain();
      }
    });
  };
  signals.async_wait([&](const asio::error_code& ec, int) {
    if (ec) return;
    draining = true;
    try {
      server.close_sync();  // stop accepting new connections
    } catch (...) {
    }
    wait_for_drain();
  });

  std::exception_ptr open_error;
  asio::post(ioctx, [&] {
    try {
      server.open_sync();
      on_listening(fmt::format("{}://{}:{}", tls ? "https" : "http", config.address, bound_port));
    } catch (...) {
      open_error = std::current_exception();
      ioctx.stop();
    }
  });
  std::vector<std::thread> pool;
  const int n = std::max(1, config.threads);
  for (int i = 1; i < n; ++i) pool.emplace_back([&] { ioctx.run(); });
  ioctx.run();
  for (auto& t : pool) t.join();
  if (open_error) std::rethrow_exception(open_error);
}

}  // namespace

void run_server(app::Service& service, ServerConfig config,
                const std::function<void(const std::string& url)>& on_listening) {
  const bool use_tls = !config.tls_certificate.empty() || !config.tls_key.empty();
  config.api.tls = use_tls;
  Api api(service, config.api);
  if (!use_tls) {
    run_with<restinio::default_traits_t>(api, config, nullptr, on_listening);
    return;
  }
  if (config.tls_certificate.empty() || config.tls_key.empty())
    throw std::runtime_error("TLS needs both --tls-cert and --tls-key");
  asio::ssl::context ctx{asio::ssl::context::tls_server};
  ctx.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                  asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                  asio::ssl::context::no_tlsv1_1 | asio::ssl::context::single_dh_use);
  try {
    ctx.use_certificate_chain_file(config.tls_certificate);
    ctx.use_private_key_file(config.tls_key, asio::ssl::context::pem);
  } catch (const std::exception& e) {
    throw std::runtime_error(fmt::format("cannot load the TLS certificate or key: {}", e.what()));
  }
  run_with<restinio::default_tls_traits_t>(api, config, &ctx, on_listening);
}

}  // namespace cp::http
