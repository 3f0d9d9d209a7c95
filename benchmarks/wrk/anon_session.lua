-- Anonymous readers who keep their device cookie for a while (the "anon-session" case).
--
-- run.py starts wrk with as many threads as connections, so each thread's Lua state is one
-- connection: one reader at a time. The reader walks BENCH_PATHS (space separated article
-- paths) in order with one device cookie, then takes a new device for the next walk. With an
-- allowance of 3 and 10 paths, each walk is 3 counted views and 7 walled pages.
--
-- Devices come from BENCH_DEVICES, a file of "mh_device=<signed id>" lines minted by run.py
-- with the site's key, as the server would mint them; none has been seen by the meter. (Taking
-- the server's own Set-Cookie in a response() hook does not work with wrk: it keeps one header
-- per name, and Masthead's article page sends csrftoken after mh_device.) Thread k uses lines
-- k, k+T, k+2T, ... If a thread runs out it starts its list again (those devices are then
-- walled, not counted); done() reports how many walks that was ("reused").
local paths = {}
for p in string.gmatch(os.getenv("BENCH_PATHS") or "/", "%S+") do
  paths[#paths + 1] = p
end

local threads = {}
local counter = 0

setup = function(thread)
  counter = counter + 1
  thread:set("index", counter)
  thread:set("stride", tonumber(os.getenv("BENCH_THREADS") or "1"))
  table.insert(threads, thread)
end

local devices = nil
local cookie = nil
local n = 0
local walks = 0
reused = 0

local function load_devices()
  devices = {}
  local k = 0
  for line in io.lines(os.getenv("BENCH_DEVICES")) do
    if k % stride == index - 1 then
      devices[#devices + 1] = line
    end
    k = k + 1
  end
end

request = function()
  if devices == nil then
    load_devices()
  end
  local i = (n % #paths) + 1
  n = n + 1
  if i == 1 then
    walks = walks + 1
    if walks > #devices then
      reused = walks - #devices
    end
    cookie = devices[((walks - 1) % #devices) + 1]
  end
  return wrk.format("GET", paths[i], { ["Cookie"] = cookie })
end

-- Read by report.lua's done(): walks that had to reuse a device.
bench_extra = function()
  local total = 0
  for _, t in ipairs(threads) do
    total = total + (t:get("reused") or 0)
  end
  return string.format('"reused_devices":%d', total)
end
