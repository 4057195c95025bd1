#!/usr/bin/env python3
"""The drill's HTTP probes and result files (standard library only; deploy/drill calls it).

Each subcommand prints one line for people and writes a JSON result that `assemble` folds into topology.json.
"""
import argparse
import calendar
import http.client
import json
import os
import random
import re
import signal
import ssl
import subprocess
import threading
import time
import urllib.parse
import uuid
from collections import Counter


class Client:
    """One keep-alive connection per thread to one base URL (http or https with the drill's certificate)."""

    def __init__(self, base, cacert=None, timeout=10):
        u = urllib.parse.urlsplit(base)
        self.https = u.scheme == "https"
        self.host, self.port = u.hostname, u.port
        self.ctx = ssl.create_default_context(cafile=cacert) if self.https else None
        self.timeout = timeout
        self.conn = None

    def request(self, method, path, key=None, body=None, headers=None):
        h = {"Content-Type": "application/json"} if body is not None else {}
        if key:
            h["X-API-Key"] = key
        h.update(headers or {})
        data = json.dumps(body).encode() if body is not None else None
        for attempt in (0, 1):
            if self.conn is None:
                self.conn = (http.client.HTTPSConnection(self.host, self.port, context=self.ctx, timeout=self.timeout)
                             if self.https else http.client.HTTPConnection(self.host, self.port, timeout=self.timeout))
            try:
                self.conn.request(method, path, body=data, headers=h)
                r = self.conn.getresponse()
                payload = r.read()
                if r.getheader("Connection", "").lower() == "close":
                    self.close()
                return r.status, payload
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError) as e:
                # A keep-alive connection the server closed between requests: nothing was processed, reconnect once.
                self.close()
                if attempt == 1:
                    return "connection", str(e).encode()
            except (OSError, http.client.HTTPException) as e:
                self.close()
                return ("timeout" if isinstance(e, TimeoutError) else "connection"), str(e).encode()
        return "connection", b""

    def close(self):
        if self.conn is not None:
            self.conn.close()
        self.conn = None


def write_json(path, obj):
    with open(path, "w") as f:
        json.dump(obj, f, indent=2)
        f.write("\n")


def admin_tenant(api, cacert, admin_key, name):
    # A busy cluster may time out a first attempt (seen on the shared build machine): a few tries, 30 s each.
    for attempt in range(4):
        status, body = Client(api, cacert, timeout=30).request("POST", "/api/v1/admin/users", admin_key, {"name": name})
        if status == 201:
            return json.loads(body)
        time.sleep(2)
    raise SystemExit(f"probe: creating tenant {name} answered {status}: {body[:200]!r}")


def paced(rate, duration, stop, fn, threads=8):
    """Calls fn(i) at `rate` per second for `duration` seconds (open model: arrivals do not wait for answers)."""
    slots = threading.Semaphore(0)
    done = threading.Event()

    def worker():
        while True:
            slots.acquire()
            if done.is_set():
                return
            fn()

    pool = [threading.Thread(target=worker, daemon=True) for _ in range(threads)]
    for t in pool:
        t.start()
    start = time.monotonic()
    n = 0
    while not stop.is_set() and time.monotonic() - start < duration:
        due = start + n / rate
        delay = due - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        slots.release()
        n += 1
    done.set()
    for _ in pool:
        slots.release()
    for t in pool:
        t.join(timeout=15)
    return n


def cmd_writer(a):
    """Writes memories through nginx at a fixed rate until SIGTERM or --duration; records every acknowledged id."""
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    tenant = admin_tenant(a.api, a.cacert, a.admin_key, "drill-writer")
    local = threading.local()
    lock = threading.Lock()
    statuses = Counter()
    acked = []

    def one():
        c = getattr(local, "c", None) or Client(a.api, a.cacert)
        local.c = c
        marker = f"drill-ack-{uuid.uuid4()}"
        t = time.time()
        status, body = c.request("POST", "/api/v1/memories", tenant["api_key"],
                                 {"text": f"{marker} written by the drill's writer during the load", "tags": ["drill"]})
        with lock:
            statuses[str(status)] += 1
            if status == 201:
                acked.append({"id": json.loads(body)["id"], "at": t})

    sent = paced(a.rate, a.duration, stop, one, threads=4)
    write_json(a.out, {"tenant": tenant["user_id"], "sent": sent, "acknowledged": len(acked),
                       "byStatus": dict(statuses), "ids": [x["id"] for x in acked]})
    print(f"writer: {sent} writes, {len(acked)} acknowledged, by status {dict(statuses)}")


def cmd_acked_check(a):
    """Every acknowledged id of the writer must be in the primary (read with psql through the drill's socket)."""
    w = json.load(open(a.writer))
    ids = w["ids"]
    found = 0
    if ids:
        sql = "SELECT count(*) FROM memories WHERE id IN (" + ",".join(f"'{i}'" for i in ids) + ")"
        found = int(subprocess.check_output(a.psql + ["-c", sql], text=True).strip())
    lost = len(ids) - found
    res = {"acknowledged": len(ids), "found": found, "lost": lost, "byStatus": w["byStatus"], "sent": w["sent"],
           "figure": f"{len(ids)} writes acknowledged through nginx during the run, {lost} missing from the primary"}
    write_json(a.out, res)
    print(f"acknowledged writes: {len(ids)}, in the database: {found}, lost: {lost}")
    return 0 if lost == 0 else 1


def cmd_nginx_window(a):
    """What nginx did around the kill: requests to the dead instance, answers to clients, from its access log."""
    rows = []
    for line in open(a.log):
        m = re.match(r'(\S+) (\d{3}) (\S+) (\S+) "([^"]*)" "([^"]*)" (\S+)', line)
        if m:
            # $msec is when the request ended: its start is $msec - $request_time.
            end = float(m.group(1)) * 1000
            rows.append((end - float(m.group(7)) * 1000, m.group(2), m.group(3), m.group(4), m.group(5), m.group(6), end))
    kill, back = a.kill_ms, a.ready_ms
    run = json.load(open(os.path.join(a.run_dir, "run.json")))
    ph = next(p for p in run["phases"] if p["name"] == a.phase)
    ms = lambda iso: calendar.timegm(time.strptime(iso[:19], "%Y-%m-%dT%H:%M:%S")) * 1000
    phase_from, phase_to = ms(ph["startedAt"]), ms(ph["finishedAt"]) + 1000
    # The client's view (the suite's outcomes of the phase): every request, KO = not the promised status.
    outcomes = {}
    for f in os.listdir(os.path.join(a.run_dir, "phases", a.phase)):
        if f.startswith("outcomes-"):
            for ep, o in json.load(open(os.path.join(a.run_dir, "phases", a.phase, f))).items():
                for st, n in o["byStatus"].items():
                    outcomes[st] = outcomes.get(st, 0) + n
    total = sum(outcomes.values())
    ko = sum(n for st, n in outcomes.items() if st not in ("200", "201"))
    phase = [r for r in rows if phase_from <= r[0] <= phase_to]
    during = [r for r in rows if kill <= r[0] <= back]
    # Sent to the instance before the kill and still in flight: these die with it (nginx passes on only what it
    # may repeat: idempotent requests, and none whose request was already sent).
    in_flight = [r for r in rows if r[0] < kill <= r[6] and a.dead in r[4]]
    in_flight_failed = [r for r in in_flight if r[4].split(",")[-1].strip() == a.dead]
    # Sent after its port stopped accepting connections: what nginx still chose to send to the dead instance.
    tried_dead = [r for r in rows if a.gone_ms <= r[0] <= back and a.dead in r[4]]
    failed_on_dead = [r for r in tried_dead if r[4].split(",")[-1].strip() == a.dead]
    after_first_s = [r for r in tried_dead if r[0] > a.gone_ms + 1000]
    client_errors = Counter(r[1] for r in phase if r[1].startswith("5"))
    to_dead_after_restart = [r for r in rows if r[0] > back and a.dead in r[4]]
    res = {
        "phase": a.phase, "clientRequests": total, "clientKo": ko, "clientByStatus": outcomes,
        "clientErrorRatePercent": round(100.0 * ko / max(1, total), 3),
        "killedAtMs": kill, "portClosedAfterMs": round(a.gone_ms - kill), "restartedReadyAtMs": back, "downSeconds": round((back - kill) / 1000, 1),
        "phaseRequests": len(phase), "phase5xx": sum(client_errors.values()), "phase5xxByStatus": dict(client_errors),
        "phaseErrorRatePercent": round(100.0 * sum(client_errors.values()) / max(1, len(phase)), 3),
        "inFlightOnItAtKill": len(in_flight), "inFlightFailedToClient": len(in_flight_failed),
        "requestsWhileDown": len(during), "triedDeadInstance": len(tried_dead),
        "triedDeadAfterFirstSecond": len(after_first_s), "answeredByDeadInstanceFailure": len(failed_on_dead),
        "sentToRestartedInstance": len(to_dead_after_restart),
    }
    # nginx (no shared upstream zone) counts failures per worker: each marks the server down after max_fails=3
    # failed tries and tries it again once per fail_timeout=30 s while it stays down.
    windows = 1 + int(res["downSeconds"] // 30)
    res["triesAllowed"] = a.workers * 3 * windows
    res["nginxStoppedSending"] = len(tried_dead) <= res["triesAllowed"]
    res["figure"] = (f"{res['clientErrorRatePercent']} % errors over the peak phase ({ko} of {total}); instance down "
                     f"{res['downSeconds']} s (port closed {res['portClosedAfterMs']} ms after SIGKILL); nginx then tried it {len(tried_dead)} times (at most {res['triesAllowed']}: "
                     f"max_fails 3 per worker per fail_timeout 30 s), {len(failed_on_dead)} of them not passed on; "
                     f"{len(in_flight)} requests were in flight on it at the kill, {len(in_flight_failed)} of them failed")
    write_json(a.out, res)
    print(f"instance loss in phase {a.phase}: {ko} KO of {total} client requests ({res['clientErrorRatePercent']} %), "
          f"by status {outcomes}")
    print(f"nginx around the kill: {len(during)} requests in {res['downSeconds']} s down, {len(tried_dead)} tried the dead "
          f"instance ({len(after_first_s)} after its first second), {res['phase5xx']} 5xx of {len(phase)} in the phase "
          f"({res['phaseErrorRatePercent']} %), {len(to_dead_after_restart)} sent to it after its restart")


def cmd_burst(a):
    """One fresh tenant sends --count requests as fast as it can, round-robin over the instances, as one client
    fleet behind several entry points would: with shared buckets the cluster admits one bucket's worth. The default
    route is in the expensive tier (EXPENSIVE_RATE_LIMIT, the smallest bucket) and reads one row, so the client
    outruns the bucket's refill even on a busy machine."""
    tenant = admin_tenant(a.urls.split(",")[0], None, a.admin_key, "drill-burst")
    urls = a.urls.split(",")
    counter = iter(range(a.count))
    lock = threading.Lock()
    statuses = Counter()
    per_instance = {u: Counter() for u in urls}

    def worker(k):
        clients = [Client(u) for u in urls]
        while True:
            with lock:
                i = next(counter, None)
            if i is None:
                return
            u = i % len(urls)
            status, _ = clients[u].request("GET", a.path, tenant["api_key"])
            with lock:
                statuses[str(status)] += 1
                per_instance[urls[u]][str(status)] += 1

    t0 = time.monotonic()
    ts = [threading.Thread(target=worker, args=(k,)) for k in range(a.threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    seconds = time.monotonic() - t0
    accepted = statuses.get("200", 0)
    # A token bucket of LIMIT tokens refilled LIMIT per window admits at most LIMIT + LIMIT * seconds / window.
    shared_bound = a.limit + a.limit * seconds * 1000 / a.window_ms
    res = {"sent": a.count, "seconds": round(seconds, 2), "accepted": accepted, "rejected429": statuses.get("429", 0),
           "byStatus": dict(statuses), "perInstance": {u: dict(c) for u, c in per_instance.items()},
           "userLimit": a.limit, "windowMs": a.window_ms, "oneBucketAdmitsAtMost": round(shared_bound),
           "threeLocalBucketsWouldAdmit": round(min(a.count, 3 * shared_bound)),
           "enforcedClusterWide": accepted <= shared_bound * 1.05 + 2 and statuses.get("429", 0) > 0}
    res["figure"] = (f"{accepted} of {a.count} requests of one tenant admitted in {seconds:.2f} s over {len(urls)} "
                     f"instances (GET {a.path.split('?')[0]}: {a.limit} per {a.window_ms} ms); one shared bucket admits at most "
                     f"{shared_bound:.0f}, three local ones {res['threeLocalBucketsWouldAdmit']}")
    write_json(a.out, res)
    print(f"rate limit: {accepted} of {a.count} admitted in {seconds:.2f} s over {len(urls)} instances; one shared bucket "
          f"admits at most {shared_bound:.0f}, three local ones would admit {res['threeLocalBucketsWouldAdmit']}; "
          f"429s {statuses.get('429', 0)}; by instance {res['perInstance']}")
    return 0 if res["enforcedClusterWide"] else 1


def cmd_rotation(a):
    """A tenant's client under load while its key is rotated with a grace period: not one request may fail."""
    tenant = admin_tenant(a.api, a.cacert, a.admin_key, "drill-rotation")
    key = {"current": tenant["api_key"]}
    old_key, key_id = tenant["api_key"], tenant["api_key_id"]
    local = threading.local()
    lock = threading.Lock()
    statuses = Counter()
    failures = []
    stop = threading.Event()

    def one():
        c = getattr(local, "c", None) or Client(a.api, a.cacert)
        local.c = c
        k = key["current"]
        status, body = c.request("POST", "/api/v1/memories/search", k, {"query": "deploy schedule", "limit": 5})
        with lock:
            statuses[str(status)] += 1
            if status != 200:
                failures.append({"status": status, "oldKey": k == old_key, "body": body[:160].decode(errors="replace")})

    load = threading.Thread(target=lambda: paced(a.rate, a.before + a.grace + a.after, stop, one, threads=4))
    load.start()
    time.sleep(a.before)
    t_rot = time.time()
    status, body = Client(a.api, a.cacert).request("POST", f"/api/v1/admin/keys/{key_id}/rotate", a.admin_key,
                                                   {"grace_seconds": a.grace})
    if status != 201 and status != 200:
        stop.set()
        load.join()
        raise SystemExit(f"probe: rotate answered {status}: {body[:200]!r}")
    new = json.loads(body)["api_key"]
    # The client rolls its deployment over to the new key half-way through the grace period.
    time.sleep(a.grace / 2)
    key["current"] = new
    t_switch = time.time()
    load.join()
    # After the grace period (and the instances' key cache) the old key is refused everywhere, the new one works.
    after = {}
    for u in a.instances.split(","):
        s_old, _ = Client(u).request("GET", "/api/v1/memories?limit=1", old_key)
        s_new, _ = Client(u).request("GET", "/api/v1/memories?limit=1", new)
        after[u] = {"oldKey": s_old, "newKey": s_new}
    revoked_everywhere = all(v["oldKey"] == 401 and v["newKey"] == 200 for v in after.values())
    total = sum(statuses.values())
    res = {"requests": total, "failed": len(failures), "byStatus": dict(statuses), "graceSeconds": a.grace,
           "switchedToNewKeyAfterSeconds": round(t_switch - t_rot, 1), "failures": failures[:10],
           "afterGrace": after, "oldKeyRefusedEverywhereAfterGrace": revoked_everywhere}
    res["figure"] = (f"{len(failures)} of {total} requests of the tenant failed (grace {a.grace} s, client switched "
                     f"keys after {res['switchedToNewKeyAfterSeconds']} s); after the grace the old key is refused on "
                     f"{sum(v['oldKey'] == 401 for v in after.values())} of {len(after)} instances, the new one accepted "
                     f"on {sum(v['newKey'] == 200 for v in after.values())}")
    write_json(a.out, res)
    print(f"key rotation: {total} requests of the tenant, {len(failures)} failed (grace {a.grace} s, client switched "
          f"after {res['switchedToNewKeyAfterSeconds']} s); after the grace: {after}")
    return 0 if not failures and revoked_everywhere else 1


def cmd_traffic(a):
    """Steady traffic to every instance (the breaker drill needs calls to count failures)."""
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    urls = a.urls.split(",")
    local = threading.local()
    lock = threading.Lock()
    statuses = Counter()

    def one():
        cs = getattr(local, "cs", None) or [Client(u, timeout=12) for u in urls]
        local.cs = cs
        c = random.choice(cs)
        status, _ = c.request("GET", "/api/v1/memories?limit=1", a.key)
        with lock:
            statuses[str(status)] += 1

    n = paced(a.rate, a.duration, stop, one, threads=8)
    if a.out:
        write_json(a.out, {"sent": n, "byStatus": dict(statuses)})
    print(f"traffic: {n} requests, by status {dict(statuses)}")


def prom(base, path, **params):
    q = urllib.parse.urlencode(params)
    status, body = Client(base).request("GET", f"{path}?{q}" if q else path)
    if status != 200:
        raise RuntimeError(f"prometheus {path} answered {status}: {body[:200]!r}")
    return json.loads(body)["data"]


def cmd_prom_rules(a):
    """Prometheus's own evaluation of the shipped rules: every rule evaluated without error, its expression (without
    the threshold) returning data, and every instance scraped."""
    groups = prom(a.prom, "/api/v1/rules")["groups"]
    rules = []
    for g in groups:
        for r in g["rules"]:
            left = re.sub(r"\s*(>|<|==|!=|>=|<=)\s*[0-9.]+\s*$", "", r["query"].strip())
            series = prom(a.prom, "/api/v1/query", query=left)["result"]
            rules.append({"alert": r["name"], "health": r["health"], "lastEvaluation": r.get("lastEvaluation"),
                          "state": r.get("state"), "seriesWithoutThreshold": len(series),
                          "values": [s["value"][1] for s in series[:4]]})
    up = prom(a.prom, "/api/v1/query", query='up{job="recallbricks-api"}')["result"]
    scraped = {s["metric"]["instance"]: s["value"][1] for s in up}
    ok = (len(rules) >= 6 and all(r["health"] == "ok" and r["seriesWithoutThreshold"] > 0 for r in rules)
          and len(scraped) == 3 and all(v == "1" for v in scraped.values()))
    res = {"rules": rules, "instancesUp": scraped, "evaluatingWithData": ok,
           "figure": f"{sum(r['health'] == 'ok' for r in rules)} of {len(rules)} rules evaluated by Prometheus without "
                     f"error, {sum(r['seriesWithoutThreshold'] > 0 for r in rules)} with data; "
                     f"{sum(v == '1' for v in scraped.values())} of 3 instances up"}
    write_json(a.out, res)
    for r in rules:
        print(f"  rule {r['alert']:28s} health {r['health']:3s} state {r['state']:8s} series {r['seriesWithoutThreshold']} {r['values']}")
    print(f"prometheus: {len(rules)} rules, {sum(r['seriesWithoutThreshold'] > 0 for r in rules)} with data; up {scraped}")
    return 0 if ok else 1


def cmd_prom_wait(a):
    """Waits until Prometheus has the alert in the wanted state (its ALERTS series, i.e. its own rule evaluation)."""
    t0 = time.time()
    seen = {}
    while time.time() - t0 < a.timeout:
        for al in prom(a.prom, "/api/v1/alerts")["alerts"]:
            if al["labels"].get("alertname") == a.alert and all(
                    al["labels"].get(k) == v for k, v in (m.split("=", 1) for m in a.match)):
                seen.setdefault(al["state"], round(time.time() - a.since, 1))
                seen["instances"] = sorted(set(seen.get("instances", [])) | {al["labels"].get("instance", "")})
        if a.state in seen:
            break
        time.sleep(2)
    res = {"alert": a.alert, "match": a.match, "secondsToState": {k: v for k, v in seen.items() if k != "instances"},
           "instances": seen.get("instances", []), "reached": a.state in seen, "wanted": a.state}
    if a.alertmanager:
        status, body = Client(a.alertmanager).request("GET", "/api/v2/alerts")
        res["inAlertmanager"] = status == 200 and any(
            x["labels"].get("alertname") == a.alert for x in json.loads(body))
    st = res["secondsToState"]
    res["figure"] = (f"{a.alert}{{{','.join(a.match)}}} pending {st.get('pending')} s and firing {st.get('firing')} s after "
                     f"the fault (rule for: 1m, group evaluated every 30 s) on {len(res['instances'])} instances; "
                     f"in Alertmanager: {res.get('inAlertmanager')}")
    write_json(a.out, res)
    print(f"alert {a.alert} {a.match}: {res['secondsToState']} s after the fault; instances {res['instances']}; "
          f"in Alertmanager: {res.get('inAlertmanager')}")
    return 0 if res["reached"] else 1


def cmd_sla(a):
    """The suite's own verdict per judged phase (its report's JSON), as figures for the topology section."""
    rep = json.load(open(os.path.join(a.run_dir, "report", "sla-report.json")))
    phases = {}
    for c in rep["criteria"]:
        for p in c.get("perPhase", []):
            phases.setdefault(p["phase"], {})[c["id"]] = p["value"]
    failed = [c["title"] for c in rep["criteria"] if c["status"] == "FAIL"]
    parts = []
    for ph in ("baseline", "sustained", "peak"):
        v = phases.get(ph, {})
        if v:
            parts.append(f"{ph}: errors {v.get('error-rate', float('nan')):.2f} %, p95 predict/suggest/search "
                         f"{v.get('p95-predict', 0):.0f}/{v.get('p95-suggest', 0):.0f}/{v.get('p95-search', 0):.0f} ms, "
                         f"p99 {v.get('p99-all', 0):.0f} ms")
    figure = "; ".join(parts) + (f"; failed: {', '.join(failed)}" if failed else "")
    write_json(a.out, {"passed": rep["passed"], "perPhase": phases, "failed": failed, "figure": figure})
    print(f"SLA through nginx: {'PASS' if rep['passed'] else 'FAIL'}; {figure}")


def cmd_replica(a):
    """Lag of the streaming replica under the load, and reads of just-written memories from it."""
    lag = []
    for line in open(a.lag):
        f = line.split()
        if len(f) == 3:
            lag.append((int(f[0]), float(f[1] or 0), float(f[2] or 0)))
    reads = [list(map(int, l.split())) for l in open(a.reads)] if os.path.exists(a.reads) else []

    def pct(xs, q):
        xs = sorted(xs)
        return xs[min(len(xs) - 1, int(q * len(xs)))] if xs else None

    by, ms = [x[1] for x in lag], [x[2] for x in lag]
    first_hit = sum(r[1] == 1 for r in reads)
    res = {"samples": len(lag), "lagBytesMax": max(by, default=None), "lagBytesP95": pct(by, 0.95),
           "replayLagMsMax": max(ms, default=None), "replayLagMsP95": pct(ms, 0.95),
           "reads": len(reads), "readsFoundAtFirstRead": first_hit,
           "readsFoundEventually": sum(r[2] == 1 for r in reads),
           "millisUntilVisibleMax": max((r[3] for r in reads), default=None)}
    res["figure"] = (f"replay lag under load p95 {res['replayLagMsP95']:.1f} ms, max {res['replayLagMsMax']:.1f} ms "
                     f"({res['lagBytesMax']:.0f} bytes max) over {len(lag)} samples; a memory read from the replica "
                     f"right after its 201: found at the first read {first_hit} of {len(reads)} times, all visible "
                     f"within {res['millisUntilVisibleMax']} ms") if lag and reads else "no samples"
    write_json(a.out, res)
    print("replica: " + res["figure"])


def cmd_compare_restore(a):
    """The restored copy (restore.sh: <db>_restored) against the live database: every table's row count, and a
    sample of memories compared column by column (md5 of the row)."""
    psql = a.psql

    def q(db, sql):
        return subprocess.check_output(psql + ["-d", db, "-c", sql], text=True).strip()

    tables = q("recallbricks", "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1").split()
    counts = {}
    for t in tables:
        counts[t] = {"live": int(q("recallbricks", f'SELECT count(*) FROM "{t}"')),
                     "restored": int(q("recallbricks_restored", f'SELECT count(*) FROM "{t}"'))}
    ids = q("recallbricks", "SELECT id FROM memories ORDER BY random() LIMIT 100").split()
    sample_sql = ("SELECT md5(string_agg(md5(m::text), ',' ORDER BY m.id)) FROM memories m WHERE id IN ("
                  + ",".join(f"'{i}'" for i in ids) + ")") if ids else "SELECT ''"
    live_md5, restored_md5 = q("recallbricks", sample_sql), q("recallbricks_restored", sample_sql)
    mismatched = [t for t, c in counts.items() if c["live"] != c["restored"]]
    ok = not mismatched and live_md5 == restored_md5 and counts.get("memories", {}).get("live", 0) > 0
    size = os.path.getsize(a.dump)
    res = {"backupMs": a.backup_ms, "restoreMs": a.restore_ms, "dumpBytes": size, "tables": counts,
           "mismatchedTables": mismatched, "sampledMemories": len(ids), "sampleMatches": live_md5 == restored_md5,
           "passed": ok}
    res["figure"] = (f"backup {a.backup_ms / 1000:.1f} s ({size / 1e6:.1f} MB dump), restore into a new database "
                     f"{a.restore_ms / 1000:.1f} s; {len(tables) - len(mismatched)} of {len(tables)} tables with equal "
                     f"row counts ({counts.get('memories', {}).get('live')} memories); {len(ids)} sampled memories "
                     f"{'identical' if live_md5 == restored_md5 else 'DIFFERENT'}")
    write_json(a.out, res)
    print("backup/restore: " + res["figure"] + (f"; mismatched: {mismatched}" if mismatched else ""))
    return 0 if ok else 1


def cmd_assemble(a):
    """topology.json: the drill's results in one file (shape in deploy/README.md)."""
    parts = {}
    for name in sorted(os.listdir(a.results)):
        if name.endswith(".json"):
            parts[name[:-5]] = json.load(open(os.path.join(a.results, name)))
    checks = json.load(open(a.checks)) if os.path.exists(a.checks) else []
    doc = {"version": 1, "variant": a.variant, "startedAt": a.started, "finishedAt": time.strftime(
        "%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "passed": all(c["passed"] or not c.get("gating", True) for c in checks) and bool(checks),
           "checks": checks, "details": parts}
    write_json(a.out, doc)
    print(f"topology.json: {sum(c['passed'] for c in checks)} of {len(checks)} drills passed -> {a.out}")


def main():
    p = argparse.ArgumentParser(prog="probe.py")
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("writer"); s.add_argument("--api"); s.add_argument("--cacert"); s.add_argument("--admin-key")
    s.add_argument("--rate", type=float, default=5); s.add_argument("--duration", type=float, default=3600)
    s.add_argument("--out")
    s = sub.add_parser("acked-check"); s.add_argument("--writer"); s.add_argument("--out")
    s.add_argument("psql", nargs="+")
    s = sub.add_parser("nginx-window"); s.add_argument("--log"); s.add_argument("--dead")
    for n in ("kill-ms", "gone-ms", "ready-ms"):
        s.add_argument("--" + n, type=float)
    s.add_argument("--run-dir"); s.add_argument("--phase", default="peak"); s.add_argument("--workers", type=int, default=2)
    s.add_argument("--out")
    s = sub.add_parser("burst"); s.add_argument("--urls"); s.add_argument("--admin-key")
    s.add_argument("--count", type=int); s.add_argument("--threads", type=int, default=12)
    s.add_argument("--limit", type=int); s.add_argument("--window-ms", type=int); s.add_argument("--out")
    s.add_argument("--path", default="/api/v1/learning/maintenance-suggestions")
    s = sub.add_parser("rotation"); s.add_argument("--api"); s.add_argument("--cacert"); s.add_argument("--admin-key")
    s.add_argument("--instances"); s.add_argument("--rate", type=float, default=20)
    s.add_argument("--grace", type=int, default=20); s.add_argument("--before", type=float, default=5)
    s.add_argument("--after", type=float, default=7); s.add_argument("--out")
    s = sub.add_parser("traffic"); s.add_argument("--urls"); s.add_argument("--key")
    s.add_argument("--rate", type=float, default=10); s.add_argument("--duration", type=float, default=3600)
    s.add_argument("--out")
    s = sub.add_parser("prom-rules"); s.add_argument("--prom"); s.add_argument("--out")
    s = sub.add_parser("prom-wait"); s.add_argument("--prom"); s.add_argument("--alert")
    s.add_argument("--match", action="append", default=[]); s.add_argument("--state", default="firing")
    s.add_argument("--since", type=float); s.add_argument("--timeout", type=float, default=180)
    s.add_argument("--alertmanager"); s.add_argument("--out")
    s = sub.add_parser("sla"); s.add_argument("--run-dir"); s.add_argument("--out")
    s = sub.add_parser("replica"); s.add_argument("--lag"); s.add_argument("--reads"); s.add_argument("--out")
    s = sub.add_parser("compare-restore"); s.add_argument("--backup-ms", type=int); s.add_argument("--restore-ms", type=int)
    s.add_argument("--dump"); s.add_argument("--out"); s.add_argument("psql", nargs="+")
    s = sub.add_parser("assemble"); s.add_argument("--results"); s.add_argument("--checks")
    s.add_argument("--variant"); s.add_argument("--started"); s.add_argument("--out")
    a = p.parse_args()
    fn = globals()["cmd_" + a.cmd.replace("-", "_")]
    raise SystemExit(fn(a) or 0)


if __name__ == "__main__":
    main()
