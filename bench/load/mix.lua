-- wrk script for bench/load/run.sh: cycles through the URL list written by `CityBridge.Load.Bench load`
-- ("0 PATH" anonymous, "1 PATH" with the staff bearer token), waits DELAY ms after each reply on a connection
-- (wrk cannot hold a fixed rate; connections x 1000 / (DELAY + latency) sets the rate), and prints the
-- latency percentiles and every kind of error at the end.
-- Thread k of T sends lines OFFSET + k, OFFSET + k + T, ..., so one run reads one block of the list and runs with
-- different offsets (warm-up, measurement) do not repeat each other's URLs.
-- usage: wrk -tT ... -s mix.lua URL -- URLS_FILE TOKEN_FILE DELAY_MS OFFSET T

local requests = {}
local position = 0
local pause = 100
local step = 2
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  local token = io.open(args[2]):read("*l")
  pause = tonumber(args[3] or "100")
  for line in io.lines(args[1]) do
    local auth, path = line:match("^(%d) (.+)$")
    if path then
      local headers = {}
      if auth == "1" then headers["Authorization"] = "Bearer " .. token end
      requests[#requests + 1] = wrk.format("GET", path, headers)
    end
  end
  step = tonumber(args[5] or "2")
  position = tonumber(args[4] or "0") + id - 1
end

function request()
  local r = requests[position % #requests + 1]
  position = position + step
  return r
end

function delay()
  return pause
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("wrk: %d requests in %.1f s = %.1f requests/s\n", summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6)))
  io.write(string.format("wrk latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("wrk errors: connect %d, read %d, write %d, timeout %d, non-2xx/3xx %d\n", e.connect, e.read, e.write, e.timeout, e.status))
end
