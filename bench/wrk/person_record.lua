-- bench/wrk/person_record.lua — the whole person page in one request (GET /api/v1/people/{id}/record:
-- person, partnerships, latest network map with measures, goals, assets, ideas, engagements,
-- barriers, recognition, journey), with its audit entries.
wrk.method = "GET"
wrk.path = "/api/v1/people/" .. os.getenv("CP_PERSON") .. "/record"
wrk.headers["cookie"] = os.getenv("CP_COOKIE")
