#!/usr/bin/env python3
"""Measure `gongwen serve` under load, on 127.0.0.1 only, and `gongwen batch` on the same files.

    cargo build --release && python3 scripts/serve_load.py [--bin target/release/gongwen]

1. load: 500 requests from 32 concurrent clients, good and bad files mixed; every answer is
   checked (a good file must come back with its own SHA-256 in `source`, a bad one with its
   error code); prints p50/p99 latency, requests/s and the server's peak RSS.
2. batch: the same 500 inputs through `gongwen batch` (wall time, files/s, peak RSS).
3. stalls: 64 clients that send half a body and stop, plus 10 000 tiny requests from 16
   keep-alive clients, while a probe converts samples/001.html again and again; prints the
   probe's latency idle and under each stall.

Bounded: fixed request counts, every socket has a timeout, the server is stopped at the end.
Numbers go to docs/server.md by hand; nothing here asserts a timing.
"""

import argparse
import hashlib
import http.client
import json
import os
import pathlib
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
GOOD = ["samples/000.html", "samples/001.html", "samples/002.html", "samples/003.html",
        "samples/003.docx", "samples/000.ofd", "samples/003-stsong.pdf"]
BAD = [("tests/fixtures/malformed/empty.bin", "empty"),
       ("tests/fixtures/malformed/bomb.docx", "limit_exceeded"),
       ("tests/fixtures/malformed/encrypted-password.pdf", "encrypted"),
       ("tests/fixtures/malformed/garbage.bin", "unknown_format")]


def start(binary, *extra):
    proc = subprocess.Popen([binary, "serve", "--listen", "127.0.0.1:0", *extra],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    line = proc.stderr.readline()
    port = int(line.rsplit(":", 1)[1])
    threading.Thread(target=lambda: proc.stderr.read(), daemon=True).start()
    return proc, port


def peak_rss_mib(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def post(conn, path, body):
    conn.request("POST", path, body=body, headers={"Content-Type": "application/octet-stream"})
    res = conn.getresponse()
    return res.status, res.read()


def inputs():
    out = [(p, (ROOT / p).read_bytes(), None) for p in GOOD]
    out += [(p, (ROOT / p).read_bytes(), code) for p, code in BAD]
    return out


def load(port, total=500, clients=32):
    files = inputs()
    lock = threading.Lock()
    latencies, problems, counter = [], [], iter(range(total))

    def client():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        while True:
            with lock:
                i = next(counter, None)
            if i is None:
                return
            path, body, code = files[i % len(files)]
            name = os.path.basename(path)
            started = time.perf_counter()
            status, answer = post(conn, f"/v1/convert?name={name}", body)
            took = time.perf_counter() - started
            value = json.loads(answer)
            ok = (value.get("source", {}).get("sha256") == hashlib.sha256(body).hexdigest()
                  if code is None else value.get("error", {}).get("code") == code)
            with lock:
                latencies.append(took)
                if not ok:
                    problems.append((name, status, answer[:200]))

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    return {"answered": len(latencies), "wrong": len(problems), "problems": problems[:3],
            "p50_ms": 1000 * pct(latencies, 50), "p99_ms": 1000 * pct(latencies, 99),
            "req_per_s": len(latencies) / wall, "wall_s": wall}


def batch(binary, total=500):
    files = inputs()
    with tempfile.TemporaryDirectory() as tmp:
        listing = pathlib.Path(tmp) / "list.txt"
        # Each input under its own name so batch reads the file 500 times, as the server did.
        lines = []
        for i in range(total):
            path, body, _ = files[i % len(files)]
            copy = pathlib.Path(tmp) / f"{i:03d}-{os.path.basename(path)}"
            copy.write_bytes(body)
            lines.append(str(copy))
        listing.write_text("\n".join(lines) + "\n")
        started = time.perf_counter()
        proc = subprocess.Popen([binary, "batch", "-q", f"@{listing}", "-o", os.devnull],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # wait4 gives this child's own peak RSS (RUSAGE_CHILDREN would include the server).
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
    return {"exit": os.waitstatus_to_exitcode(status), "wall_s": wall,
            "files_per_s": total / wall, "peak_rss_mib": usage.ru_maxrss / 1024}


def probe(port, stop, out):
    body = (ROOT / "samples/001.html").read_bytes()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    while not stop.is_set():
        started = time.perf_counter()
        status, _ = post(conn, "/v1/convert", body)
        out.append((time.perf_counter() - started, status))


def probe_for(port, seconds):
    stop, out = threading.Event(), []
    t = threading.Thread(target=probe, args=(port, stop, out))
    t.start()
    time.sleep(seconds)
    stop.set()
    t.join()
    return out


def summary(samples):
    lat = [s[0] for s in samples]
    return {"probes": len(samples), "ok": sum(1 for s in samples if s[1] == 200),
            "p50_ms": 1000 * pct(lat, 50), "p99_ms": 1000 * pct(lat, 99)}


def half_bodies(port, count=64):
    socks = []
    for _ in range(count):
        s = socket.create_connection(("127.0.0.1", port), timeout=60)
        s.sendall(b"POST /v1/convert HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n" + b"x" * 1000)
        socks.append(s)
    return socks


def tiny_flood(port, total=10_000, clients=16):
    lock, counter, statuses = threading.Lock(), iter(range(total)), {}

    def client():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while True:
            with lock:
                if next(counter, None) is None:
                    return
            status, _ = post(conn, "/v1/convert?to=text", "通报\n\n正文".encode())
            with lock:
                statuses[status] = statuses.get(status, 0) + 1

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return statuses, time.perf_counter() - started


def stalls(binary):
    proc, port = start(binary, "--read-timeout", "10")
    try:
        idle = summary(probe_for(port, 5))
        socks = half_bodies(port)
        stalled = summary(probe_for(port, 5))
        answers = []
        for s in socks:
            try:
                answers.append(s.recv(200).split(b" ", 2)[1].decode())
            except (OSError, IndexError):
                answers.append("closed")
            s.close()
        stop, out = threading.Event(), []
        t = threading.Thread(target=probe, args=(port, stop, out))
        t.start()
        statuses, flood_s = tiny_flood(port)
        stop.set()
        t.join()
        return {"idle": idle, "64 half bodies": stalled,
                "half-body answers": {a: answers.count(a) for a in set(answers)},
                "10k tiny requests": summary(out),
                "tiny statuses": statuses, "tiny req/s": 10_000 / flood_s,
                "peak_rss_mib": peak_rss_mib(proc.pid)}
    finally:
        proc.terminate()
        proc.wait(timeout=60)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=str(ROOT / "target/release/gongwen"))
    args = ap.parse_args()
    proc, port = start(args.bin, "--queue", "512")
    try:
        result = load(port)
        result["peak_rss_mib"] = peak_rss_mib(proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=60)
    print("load average:", os.getloadavg(), "cores:", os.cpu_count())
    print("serve load:", json.dumps(result, ensure_ascii=False))
    print("batch same files:", json.dumps(batch(args.bin)))
    print("stalls:", json.dumps(stalls(args.bin)))
    return 1 if result["wrong"] or result["answered"] != 500 else 0


if __name__ == "__main__":
    sys.exit(main())
