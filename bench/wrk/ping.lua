-- bench/wrk/ping.lua — the no-op endpoint: the cost of HTTP alone.
wrk.method = "GET"
wrk.path = "/api/v1/ping"
