-- bench/wrk/directory_search.lua — a practitioner searching the agency's community directory by
-- interest tag and free text (GET /api/v1/directory/resources?tag=…&q=…).
wrk.method = "GET"
wrk.path = "/api/v1/directory/resources?" .. (os.getenv("CP_DIR_QUERY") or "tag=walking")
wrk.headers["cookie"] = os.getenv("CP_COOKIE")
