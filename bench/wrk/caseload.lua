-- bench/wrk/caseload.lua — a practitioner reading their caseload (a read plus its audit entry).
wrk.method = "GET"
wrk.path = "/api/v1/caseload"
wrk.headers["cookie"] = os.getenv("CP_COOKIE")
