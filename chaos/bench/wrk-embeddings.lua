-- wrk script for the fake embedding API's throughput: POST /v1/embeddings with one realistic text and the
-- default 1536 dimensions (about 15 kB of JSON per answer), cycling through a few texts.
-- Usage: wrk -t2 -c32 -d15s -s chaos/bench/wrk-embeddings.lua http://127.0.0.1:<port>/v1/embeddings
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer load-test"
wrk.headers["Content-Type"] = "application/json"

local texts = {
  "How do I rotate the PostgreSQL password without downtime?",
  "The deployment uses nginx in front of two service instances",
  "Remember that the user prefers concise answers in the morning",
  "Circuit breaker opened after five consecutive embedding failures",
}
local bodies = {}
for i, text in ipairs(texts) do
  bodies[i] = '{"model":"text-embedding-3-small","input":"' .. text .. '"}'
end

local n = 0
request = function()
  n = n + 1
  return wrk.format(nil, nil, nil, bodies[(n % #bodies) + 1])
end
-- wrk itself prints "Non-2xx or 3xx responses: N" when anything but a success came back (e.g. a fault left on).
