-- Mixed workload for wrk: the requests come from the environment (set by benchmarks/charge.py).
--   WRK_REQUETES = "N /tableau-de-bord/national/|P /conventions/|- /simulateur/"  (one request per item, in turn)
--   WRK_COOKIE_N, WRK_COOKIE_P = the session cookie of the national user and of the prescripteur
-- done() prints one JSON line: requests, p50/p95 (ms), non-2xx/3xx responses and socket errors.

local requetes = {}
local compteur = 0
local non_ok = 0
local fils = {}

function setup(thread)
  table.insert(fils, thread)
end

function init(args)
  local cookies = { N = os.getenv("WRK_COOKIE_N") or "", P = os.getenv("WRK_COOKIE_P") or "" }
  for item in string.gmatch(os.getenv("WRK_REQUETES") or "- /", "[^|]+") do
    local qui, chemin = string.match(item, "^(%S+)%s+(%S+)$")
    local entetes = {}
    if cookies[qui] and cookies[qui] ~= "" then
      entetes["Cookie"] = cookies[qui]
    end
    table.insert(requetes, wrk.format("GET", chemin, entetes))
  end
end

function request()
  compteur = compteur + 1
  return requetes[(compteur % #requetes) + 1]
end

function response(status, headers, body)
  if status >= 400 then
    non_ok = non_ok + 1
  end
end

function done(summary, latency, requests)
  local total_non_ok = 0
  for _, fil in ipairs(fils) do
    total_non_ok = total_non_ok + (fil:get("non_ok") or 0)
  end
  local e = summary.errors
  io.write(string.format(
    'RESULTAT {"requetes": %d, "duree_us": %d, "p50_ms": %.2f, "p95_ms": %.2f, "p99_ms": %.2f, '
      .. '"non_2xx_3xx": %d, "erreurs_socket": %d}\n',
    summary.requests, summary.duration, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, total_non_ok, e.connect + e.read + e.write + e.timeout
  ))
end
