-- bench/wrk/dataset.lua — a researcher downloading a study's pseudonymised analysis dataset
-- (GET /api/v1/studies/{id}/dataset.csv): participants, consent, and every complete score.
wrk.method = "GET"
wrk.path = "/api/v1/studies/" .. (os.getenv("CP_STUDY") or "1") .. "/dataset.csv"
wrk.headers["cookie"] = os.getenv("CP_RESEARCHER_COOKIE")
