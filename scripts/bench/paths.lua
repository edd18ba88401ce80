-- wrk script for scripts/bench-web.sh: each request takes a random path from a file, with the
-- headers a TLS-terminating proxy in front of the portal would add.
-- usage: wrk ... -s paths.lua http://127.0.0.1:PORT -- <paths-file> [bearer-token]
local paths = {}
local token = nil

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  token = args[2]
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
  wrk.headers["Host"] = "portal.bench"
  wrk.headers["X-Forwarded-Proto"] = "https"
  wrk.headers["Accept-Language"] = "zh-CN"
  if token and #token > 0 then wrk.headers["Authorization"] = "Bearer " .. token end
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end

-- One machine-readable line: requests/s, p50 and p99 in ms, errors (socket errors and non-2xx/3xx).
function done(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors, summary.requests))
end
