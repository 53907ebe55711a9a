-- Weighted URL mix for bench/soak.py: wrk -s bench/soak.lua URL -- PATHS_FILE UNCACHED_SHARE SEED
--
-- PATHS_FILE has one "weight<TAB>path" line per URL. Each request picks a path by weight; a
-- share UNCACHED_SHARE of them carries an unknown session cookie (anonymous, but it skips the
-- page cache). Every thread counts responses by status and by X-Page-Cache header; done()
-- adds the threads up and prints "SOAK ..." lines that bench/soak.py reads.

local threads = {}
local counter = 0

function setup(thread)
   counter = counter + 1
   thread:set("id", counter)
   table.insert(threads, thread)
end

local paths = {}       -- { {cached_request, uncached_request}, ... }
local cumulative = {}  -- running sum of the weights, same order
local total = 0
local uncached_share = 0.2

statuses = {}          -- status code -> count (read by done() through thread:get)
page_cache = {}        -- X-Page-Cache value ("none" when absent) -> count

function init(args)
   local file = assert(io.open(args[1], "r"), "cannot open " .. tostring(args[1]))
   uncached_share = tonumber(args[2]) or 0.2
   local seed = tonumber(args[3]) or os.time()
   math.randomseed(seed + 7919 * (id or 0))
   for line in file:lines() do
      local weight, path = line:match("^([%d.]+)\t(%S+)$")
      if weight then
         total = total + tonumber(weight)
         table.insert(cumulative, total)
         table.insert(paths, {
            wrk.format("GET", path),
            wrk.format("GET", path, { ["Cookie"] = "sessionid=soak" }),
         })
      end
   end
   file:close()
   assert(#paths > 0, "no paths in " .. args[1])
end

function request()
   local r = math.random() * total
   local lo, hi = 1, #cumulative
   while lo < hi do -- first index whose running sum exceeds r
      local mid = math.floor((lo + hi) / 2)
      if cumulative[mid] > r then hi = mid else lo = mid + 1 end
   end
   if math.random() < uncached_share then
      return paths[lo][2]
   end
   return paths[lo][1]
end

function response(status, headers, body)
   statuses[status] = (statuses[status] or 0) + 1
   local cache = headers["X-Page-Cache"] or "none"
   page_cache[cache] = (page_cache[cache] or 0) + 1
end

function done(summary, latency, requests)
   local by_status, by_cache = {}, {}
   for _, thread in ipairs(threads) do
      for status, count in pairs(thread:get("statuses") or {}) do
         by_status[status] = (by_status[status] or 0) + count
      end
      for value, count in pairs(thread:get("page_cache") or {}) do
         by_cache[value] = (by_cache[value] or 0) + count
      end
   end
   local out = io.stdout
   out:write(string.format("SOAK requests %d\n", summary.requests))
   out:write(string.format("SOAK duration_us %d\n", summary.duration))
   out:write(string.format("SOAK bytes %d\n", summary.bytes))
   for _, name in ipairs({ "connect", "read", "write", "status", "timeout" }) do
      out:write(string.format("SOAK error %s %d\n", name, summary.errors[name]))
   end
   for status, count in pairs(by_status) do
      out:write(string.format("SOAK status %d %d\n", status, count))
   end
   for value, count in pairs(by_cache) do
      out:write(string.format("SOAK cache %s %d\n", value, count))
   end
   for _, p in ipairs({ 50, 75, 90, 99, 99.9 }) do
      out:write(string.format("SOAK latency_us p%s %d\n", p, latency:percentile(p)))
   end
   out:write(string.format("SOAK latency_us mean %d\n", latency.mean))
   out:write(string.format("SOAK latency_us max %d\n", latency.max))
end
