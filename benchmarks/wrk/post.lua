-- One signed 1 KB JSON POST, the same for every target; only the path differs.
--   BODY_FILE  the body to send          SIGNATURE  its X-Hub-Signature-256 header
--   PACE_MS    when set, each connection waits an exponentially distributed time with this mean
--              between a response and its next request (a paced, closed-loop run)
-- At the end one line "RESULT {...}" with the counts and latency percentiles in microseconds.
local f = assert(io.open(os.getenv("BODY_FILE"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["User-Agent"] = "GitHub-Hookshot/bench"
wrk.headers["X-GitHub-Event"] = "push"
wrk.headers["X-GitHub-Delivery"] = "72d3162e-cc78-11e3-81ab-4c9367dc0958"
wrk.headers["X-Hub-Signature-256"] = os.getenv("SIGNATURE") or ""

local pace = tonumber(os.getenv("PACE_MS") or "")
if pace and pace > 0 then
  function init(args)
    math.randomseed(os.time() + math.floor(os.clock() * 1000000))
  end
  function delay()
    return -math.log(1 - math.random()) * pace
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests":%d,"duration_us":%d,"rps":%.1f,"errors_connect":%d,"errors_read":%d,"errors_write":%d,' ..
    '"errors_status":%d,"errors_timeout":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"p999_us":%d,"max_us":%d,"mean_us":%.1f}\n',
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6), e.connect, e.read, e.write,
    e.status, e.timeout, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency:percentile(99.9), latency.max, latency.mean))
end
