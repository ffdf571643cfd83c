#!/usr/bin/env python3
"""Build the query mix of scripts/soak.sh from a running ipgraph server.

    soak_queries.py URL OUT.lua

Asks the server (URL: http://host:port) what it holds (entities of each
type, the best connected ones, metrics, documents), writes a wrk Lua
script that rotates through a mix of realistic GraphQL requests built
from those answers, and checks each request once: a request that fails
now would only make the soak fail later, with less to go on. Prints a
summary of the mix on stderr.

The Lua script counts, across wrk's threads, the responses that are not
2xx and those whose JSON carries "errors", keeps a sample of the first
bad body, and prints one `soak-result key=value …` line (and
`soak-sample …` when something failed) from done().
"""

import json
import sys
import time
import urllib.parse
import urllib.request

URL, OUT = sys.argv[1], sys.argv[2]


def post(query, variables=None):
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    req = urllib.request.Request(URL + "/graphql", data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.load(r)


def data(query, variables=None):
    d = post(query, variables)
    if d.get("errors"):
        sys.exit("soak_queries: %s: %s" % (query[:80], d["errors"]))
    return d["data"]


# --- what the store holds ---------------------------------------------------
TYPES = ["AGENCY", "LAW", "PROGRAM", "REGION", "PERSON", "ORGANIZATION"]
by_type = {}
for t in TYPES:
    by_type[t] = data(
        "query($t: EntityType) { entities(type: $t, first: 100) { id name aliases relationCount } }", {"t": t}
    )["entities"]
everyone = [e for t in TYPES for e in by_type[t]]
if not everyone:
    sys.exit("soak_queries: the store holds no entities")
hubs = sorted(everyone, key=lambda e: -e["relationCount"])[:12]
docs = data("{ documents(first: 50) { id } }")["documents"]
metrics = data("{ metrics(first: 40) { metric units firstPeriod lastPeriod } }")["metrics"]


def spread(xs, n):
    """n items spread over xs (all of them when there are fewer)."""
    if len(xs) <= n:
        return list(xs)
    return [xs[i * len(xs) // n] for i in range(n)]


# Path pairs: a hub and the farthest entities of its depth-2 neighborhood,
# and pairs of hubs (a path may or may not exist: both are real questions).
pairs = []
for h in hubs[:6]:
    nodes = data("query($id: ID!) { neighbors(id: $id, depth: 2) { nodes { id } } }", {"id": h["id"]})["neighbors"]["nodes"]
    for n in nodes[-2:]:
        if n["id"] != h["id"]:
            pairs.append((h["id"], n["id"]))
for a, b in zip(hubs[0:6], hubs[6:12]):
    pairs.append((a["id"], b["id"]))

# --- the mix ------------------------------------------------------------------
ENTITY = """query Entity($id: ID!) { entity(id: $id) { id name type aliases relationCount statisticCount documentCount
  relations(first: 20) { predicate source { id name } target { id name type } evidence { sentence offset document { id title } } }
  statistics(first: 5) { metric value unit period } documents { id title date } } }"""
BY_NAME = """query ByName($name: String!) { entity(name: $name) { id name type aliases
  evidence(first: 3) { sentence offset document { id } } } }"""
SEARCH = """query Search($text: String!, $types: [EntityType!]) { search(text: $text, types: $types, first: 10) { id name type }
  searchCount(text: $text, types: $types) }"""
NEIGHBORS = """query Neighbors($id: ID!, $types: [EntityType!]) { neighbors(id: $id, depth: 2, types: $types) {
  nodes { id name type } relations { predicate source { id } target { id } } } }"""
PATHS = """query Paths($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxLength: 4, first: 3) {
  length nodes { id name type } relations { predicate evidence { sentence } } } }"""
STATISTICS = """query Stats($metric: String, $unit: String, $from: String, $to: String, $subject: ID, $document: ID) {
  statistics(metric: $metric, unit: $unit, from: $from, to: $to, subject: $subject, document: $document, first: 20) {
    id metric value unit period subject { id name } reportedBy { name } evidence { sentence offset document { id } } }
  statisticCount(metric: $metric, unit: $unit, from: $from, to: $to, subject: $subject, document: $document) }"""
TYPED = {
    "AGENCY": "... on Agency { parent { name } programs { name regions { name } } issued { name } successors { name } predecessors { name } officials { name } partners { name } units { name } }",
    "LAW": "... on Law { amends { name } amendedBy { name } implementedBy { name } issuedBy { name } }",
    "PROGRAM": "... on Program { runBy { name } implements { name } regions { name } }",
    "REGION": "... on Region { parent { name } programs { name runBy { name } } }",
    "PERSON": "... on Person { positions { id name } }",
    "ORGANIZATION": "... on Organization { members { name } }",
}
DOCUMENTS = """{ documentCount documents { id title date source statisticCount
  entities(type: AGENCY) { id name } } stats { documents quads entities { name count } relations { name count } } }"""
DOCUMENT = """query Doc($id: ID!) { document(id: $id) { id title date entityCount statisticCount
  entities { id name type } statistics { metric value unit period } } }"""
METRICS = """query Metrics($text: String) { metrics(text: $text, first: 10) { metric count units firstPeriod lastPeriod }
  metricCount(text: $text) }"""
SENTENCES = """query Sentences($text: String!) { sentences(text: $text, first: 5) { sentence offset document { id }
  entities { id name } } sentenceCount(text: $text) }"""
ENTITIES = """query Entities($type: EntityType) { entities(type: $type, first: 50) { id name type } entityCount(type: $type) }"""
# The introspection query of GraphiQL (graphql-js getIntrospectionQuery).
INTROSPECTION = """query IntrospectionQuery { __schema { queryType { name } mutationType { name } subscriptionType { name }
  types { ...FullType } directives { name description locations args { ...InputValue } } } }
fragment FullType on __Type { kind name description
  fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
  inputFields { ...InputValue } interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason } possibleTypes { ...TypeRef } }
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name
  ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } } }"""

mix = []  # (kind, method, query, variables)


def add(kind, query, variables=None, method="POST"):
    mix.append((kind, method, query, variables or {}))


for e in spread(everyone, 40):
    add("entity-by-id", ENTITY, {"id": e["id"]})
for e in spread(everyone, 20):
    add("entity-by-name", BY_NAME, {"name": e["name"]})
    for a in e["aliases"][:1]:
        add("entity-by-name", BY_NAME, {"name": a})
for text in ["patent", "intellectual property", "office", "court", "law", "plan", "trademark", "copyright",
             "beijing", "cnipa", "sipo", "china", "program", "administration", "xyzzy"]:
    add("search", SEARCH, {"text": text})
for text, types in [("patent", ["AGENCY"]), ("property", ["LAW", "PROGRAM"]), ("city", ["REGION"]), ("li", ["PERSON"])]:
    add("search", SEARCH, {"text": text, "types": types})
for h in hubs:
    add("neighbors", NEIGHBORS, {"id": h["id"]})
for h in hubs[:4]:
    add("neighbors", NEIGHBORS, {"id": h["id"], "types": ["AGENCY", "PROGRAM", "LAW"]})
for a, b in pairs:
    add("paths", PATHS, {"from": a, "to": b})
for m in spread(metrics, 12):
    add("statistics", STATISTICS, {"metric": m["metric"]})
add("statistics", STATISTICS, {"metric": "patents", "from": "2015", "to": "2024"})
add("statistics", STATISTICS, {"metric": "invention patents"})
add("statistics", STATISTICS, {"unit": "percent"})
add("statistics", STATISTICS, {"unit": "yuan", "from": "2018"})
add("statistics", STATISTICS, {"from": "2020", "to": "2021"})
for h in hubs[:4]:
    add("statistics", STATISTICS, {"subject": h["id"]})
for d in docs[:4]:
    add("statistics", STATISTICS, {"document": d["id"], "metric": "applications"})
for t in TYPES:
    for e in spread(by_type[t], 5):
        q = "query Typed($id: ID!) { entity(id: $id) { id name type %s } }" % TYPED[t]
        add("typed", q, {"id": e["id"]})
add("documents", DOCUMENTS)
for d in docs[:6]:
    add("documents", DOCUMENT, {"id": d["id"]})
for text in ["patent", "trademark", "growth", None]:
    add("metrics", METRICS, {"text": text} if text else {})
for text in ["patent", "Beijing", "license"]:
    add("sentences", SENTENCES, {"text": text})
for t in TYPES[:3]:
    add("entities", ENTITIES, {"type": t})
add("introspection", INTROSPECTION)
add("introspection", INTROSPECTION)  # GraphiQL asks for it on every page load
# GraphQL over HTTP GET, as a browser link or a cache in front would send it.
for e in spread(everyone, 6):
    add("get", ENTITY, {"id": e["id"]}, method="GET")
add("get", SEARCH, {"text": "patent"}, method="GET")
add("get", DOCUMENTS, method="GET")

# --- check each request once, then write the Lua script ---------------------
kinds = {}
slowest = {}  # kind -> seconds of its slowest request in the check
sizes = 0
reqs = []
for kind, method, query, variables in mix:
    if method == "POST":
        body = json.dumps({"query": query, "variables": variables}, ensure_ascii=False)
        req = urllib.request.Request(URL + "/graphql", data=body.encode(), headers={"Content-Type": "application/json"})
        reqs.append(("POST", "/graphql", body))
    else:
        qs = {"query": query}
        if variables:
            qs["variables"] = json.dumps(variables)
        path = "/graphql?" + urllib.parse.urlencode(qs)
        req = urllib.request.Request(URL + path)
        reqs.append(("GET", path, None))
    t0 = time.monotonic()
    with urllib.request.urlopen(req, timeout=60) as r:
        raw = r.read()
    slowest[kind] = max(slowest.get(kind, 0), time.monotonic() - t0)
    d = json.loads(raw)
    if d.get("errors"):
        sys.exit("soak_queries: %s %s %s: %s" % (kind, query[:60], variables, d["errors"]))
    kinds[kind] = kinds.get(kind, 0) + 1
    sizes += len(raw)


def lua_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r") + '"'


with open(OUT, "w") as f:
    f.write("-- Generated by scripts/soak_queries.py: %d requests.\nlocal reqs = {\n" % len(reqs))
    for method, path, body in reqs:
        f.write("  {%s, %s, %s},\n" % (lua_str(method), lua_str(path), lua_str(body) if body is not None else "nil"))
    f.write("}\n")
    f.write(r'''
local threads = {}
local nthreads = 0

function setup(thread)
  nthreads = nthreads + 1
  thread:set("tid", nthreads)
  table.insert(threads, thread)
end

function init(args)
  non2xx, gqlerrors, ok, sample = 0, 0, 0, ""
  pre = {}
  for i, r in ipairs(reqs) do
    if r[1] == "POST" then
      pre[i] = wrk.format("POST", r[2], {["Content-Type"] = "application/json", ["Accept"] = "application/json"}, r[3])
    else
      pre[i] = wrk.format("GET", r[2], {["Accept"] = "application/json"})
    end
  end
  -- Threads start at different places of the mix.
  n = ((tid or 1) - 1) * math.floor(#pre / 3)
end

function request()
  n = n + 1
  return pre[n % #pre + 1]
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    if sample == "" then sample = "HTTP " .. status .. ": " .. string.sub(body or "", 1, 400) end
  elseif string.find(body, '"errors":', 1, true) then
    gqlerrors = gqlerrors + 1
    if sample == "" then sample = string.sub(body, 1, 400) end
  else
    ok = ok + 1
  end
end

function done(summary, latency, requests)
  local bad, gql, good, smp = 0, 0, 0, ""
  for _, t in ipairs(threads) do
    bad = bad + t:get("non2xx")
    gql = gql + t:get("gqlerrors")
    good = good + t:get("ok")
    if smp == "" then smp = t:get("sample") end
  end
  local e = summary.errors
  io.write(string.format("soak-result requests=%d duration_us=%d ok=%d non2xx=%d graphql_errors=%d connect_errors=%d read_errors=%d write_errors=%d timeouts=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d\n",
    summary.requests, summary.duration, good, bad, gql, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
  if smp ~= "" then
    io.write("soak-sample " .. string.gsub(smp, "\n", " ") .. "\n")
  end
end
''')

print("soak_queries: %d requests (%s), %d KB of answers" % (
    len(reqs), ", ".join("%s %d" % kv for kv in sorted(kinds.items())), sizes // 1024), file=sys.stderr)
print("soak_queries: slowest request of each kind, cold, one at a time: %s" % ", ".join(
    "%s %.0f ms" % (k, v * 1000) for k, v in sorted(slowest.items(), key=lambda kv: -kv[1])), file=sys.stderr)
