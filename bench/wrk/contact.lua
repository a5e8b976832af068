-- bench/wrk/contact.lua — recording a contact (a write plus its audit entry, one transaction).
wrk.method = "POST"
wrk.path = "/api/v1/partnerships/" .. os.getenv("CP_PARTNERSHIP") .. "/contacts"
wrk.headers["cookie"] = os.getenv("CP_COOKIE")
wrk.headers["x-csrf-token"] = os.getenv("CP_CSRF")
wrk.headers["content-type"] = "application/json"
wrk.body = '{"date":"2026-01-04","mode":"phone","duration_minutes":15,"processes":["goals"],"note":"bench"}'
