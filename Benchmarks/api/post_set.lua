-- wrk script: POST /sets with a seed drawn from the ids in SEGUE_SEEDS (comma-separated), a
-- 60-minute rising set each. Counts non-200 answers as errors in the summary.
local seeds = {}
for id in string.gmatch(os.getenv("SEGUE_SEEDS") or "1", "[^,]+") do seeds[#seeds + 1] = id end
local failures = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

request = function()
  local seed = seeds[math.random(#seeds)]
  return wrk.format(nil, "/sets", nil, '{"seed": "' .. seed .. '", "minutes": 60, "energy": "rise"}')
end

response = function(status, headers, body)
  if status ~= 200 then failures = failures + 1 end
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors (socket) %d, non-200 %d\n", summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
  io.write(string.format("latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms\n", latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
