-- bench/wrk/due.lua — a practitioner's assessments due list (GET /api/v1/assessments/due): the
-- caseload, each person's responses and start date, against the agency's schedule.
wrk.method = "GET"
wrk.path = "/api/v1/assessments/due"
wrk.headers["cookie"] = os.getenv("CP_COOKIE")
