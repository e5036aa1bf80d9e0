-- applyrate.lua - wrk script for bench/readwrite.sh: a paced writer. It POSTs the prepared
-- application bodies (BODIES names the file, one body a line, from build/applybodies) to
-- /apply at RATE a second (default 50), on a fixed schedule: request k is due at t0 + k/RATE
-- whatever the answers before it took (wrk's delay() waits until the next free slot, so with
-- several connections a slow answer does not hold back the rest). It counts the 303 answers
-- by the wall-clock second they arrived in and writes "epoch-second count" lines to COUNTS,
-- then one summary line to stdout, so the caller can check every second of its read window.
-- Run with -t1: the counts live in the one thread's Lua state.
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } applyrate_timespec;
int clock_gettime(int clock, applyrate_timespec *ts);
]]
local ts = ffi.new("applyrate_timespec")
local function now()	-- seconds since the epoch, CLOCK_REALTIME, like the shell's date +%s.%N
	ffi.C.clock_gettime(0, ts)
	return tonumber(ts.tv_sec) + tonumber(ts.tv_nsec) / 1e9
end

local rate = tonumber(os.getenv("RATE") or "50")
local bodies, i, slot, t0 = {}, 0, 0, nil
for line in io.lines(os.getenv("BODIES")) do bodies[#bodies + 1] = line end
-- globals: done() reads them from the thread with thread:get
counts = {}	-- epoch second -> 303 answers in it
wrong = 0	-- answers that were not 303
reused = 0	-- bodies sent a second time (the file ran out: those come back as duplicates)

local threads = {}
function setup(thread) table.insert(threads, thread) end

delay = function()	-- milliseconds until this connection's next request is due
	local t = now()
	t0 = t0 or t
	local due = t0 + slot / rate
	slot = slot + 1
	local ms = (due - t) * 1000
	return ms > 0 and math.floor(ms) or 0
end

request = function()
	i = i + 1
	if i > #bodies then i = 1; reused = reused + 1 end
	return wrk.format("POST", "/apply", { ["Content-Type"] = "application/x-www-form-urlencoded" }, bodies[i])
end

response = function(status, headers, body)
	if status == 303 then
		local s = math.floor(now())
		counts[s] = (counts[s] or 0) + 1
	else
		wrong = wrong + 1
	end
end

done = function(summary, latency, requests)
	local f = assert(io.open(os.getenv("COUNTS"), "w"))
	local bad, again, answered = 0, 0, 0
	for _, t in ipairs(threads) do
		for s, n in pairs(t:get("counts")) do
			f:write(string.format("%d %d\n", s, n))
			answered = answered + n
		end
		bad = bad + t:get("wrong")
		again = again + t:get("reused")
	end
	f:close()
	local e = summary.errors
	io.write(string.format("writer: sent %d  answered 303 %d  other answers %d  socket errors %d  bodies reused %d  p99 %.1f ms\n",
		summary.requests, answered, bad, e.connect + e.read + e.write + e.timeout, again,
		latency:percentile(99) / 1000))
end
