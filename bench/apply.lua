-- apply.lua - wrk script for the apply benchmark: POSTs the next prepared application body
-- (BODIES names the file, one body a line) and counts every answer that is not 303.
-- One Lua state serves the thread's connections, so i runs through the bodies once across them.
local bodies, i = {}, 0
wrong = 0	-- global: done() reads it from each thread with thread:get
for line in io.lines(os.getenv("BODIES")) do bodies[#bodies + 1] = line end

local threads = {}
function setup(thread) table.insert(threads, thread) end

request = function()
	i = i + 1
	if i > #bodies then i = 1 end
	return wrk.format("POST", "/apply", { ["Content-Type"] = "application/x-www-form-urlencoded" }, bodies[i])
end

response = function(status, headers, body)
	if status ~= 303 then wrong = wrong + 1 end
end

done = function(summary, latency, requests)
	local bad = 0
	for _, t in ipairs(threads) do bad = bad + t:get("wrong") end
	io.write(string.format("requests %d  errors %d  non-303 %d  p50 %.2f ms  p95 %.2f ms  p99 %.2f ms\n",
		summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write +
		summary.errors.status + summary.errors.timeout, bad,
		latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
