#!/usr/bin/env python3
"""Soak test of `gongwen batch`: N inputs, records in = records out, flat memory.

    scripts/soak.py N [--bin target/release/gongwen] [--keep DIR]

Builds N inputs in a temporary directory from samples/, tests/fixtures/, ../shared/corpus and
../shared/seeds, repeated and lightly mutated (byte flips, truncation, appended junk), 5 % of
them bad files (empty, random bytes, a wrong extension, a truncated zip). Then runs
`gongwen batch -o out.jsonl` over the first 100, 1 000 and N of them (separate runs) and checks
for each run: every line parses, records in = records out, no input has two records. Prints
throughput and the peak RSS of each run (getrusage of the child); fails when the peak at N is
over 1.2 x (--flat) the peak at 1 000 (the runs
that hold every seed file several times over; 100 inputs cover only part of the pool, so their
peak is printed, not compared).
"""
import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def pool():
    """Every seed file under 2 MB, sorted (the run is reproducible from the seed)."""
    dirs = ["samples", "tests/fixtures", "../shared/corpus", "../shared/seeds"]
    files = []
    for d in dirs:
        for base, _, names in os.walk(os.path.join(ROOT, d)):
            for name in names:
                path = os.path.join(base, name)
                if not name.endswith((".md", ".tsv", ".json")) and os.path.getsize(path) < 2 << 20:
                    files.append(path)
    if os.environ.get("CI") == "true" and not any("shared" in f for f in files):
        sys.exit("soak: ../shared/corpus is missing (CI=true)")
    return sorted(files)


def mutate(data, rng):
    kind = rng.randrange(4)
    if kind == 0 or not data:
        return data, "copy"
    if kind == 1:
        out = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            out[rng.randrange(len(out))] = rng.randrange(256)
        return bytes(out), "flip"
    if kind == 2:
        return data[: rng.randrange(len(data))], "cut"
    return data + rng.randbytes(rng.randint(1, 4096)), "junk"


def bad(rng, zips):
    kind = rng.randrange(4)
    if kind == 0:
        return b"", ".html"
    if kind == 1:
        return rng.randbytes(rng.randint(1, 65536)), rng.choice([".pdf", ".docx", ".bin"])
    if kind == 2:  # a PDF named .docx, a zip named .html
        return zips[0][1], ".html"
    data = rng.choice(zips)[1]
    return data[: len(data) // 3], ".docx"


def build(out_dir, n, seed):
    rng = random.Random(seed)
    files = pool()
    blobs = [(f, open(f, "rb").read()) for f in files]
    zips = [b for b in blobs if b[1][:2] == b"PK"] or [("x", b"PK\x03\x04" + b"\0" * 100)]
    for i in range(n):
        sub = os.path.join(out_dir, f"{i // 1000:02d}")
        os.makedirs(sub, exist_ok=True)
        if rng.random() < 0.05:
            data, ext = bad(rng, zips)
            name = f"{i:05d}-bad{ext}"
        else:
            src, original = blobs[i % len(blobs)]
            data, how = mutate(original, rng)
            name = f"{i:05d}-{how}-{os.path.basename(src)}"
        with open(os.path.join(sub, name), "wb") as f:
            f.write(data)
    paths = sorted(
        os.path.join(b, f) for b, _, fs in os.walk(out_dir) for f in fs
    )
    return paths


def run(binary, paths, work, label):
    listing = os.path.join(work, f"list-{label}.txt")
    with open(listing, "w") as f:
        f.write("\n".join(paths) + "\n")
    out = os.path.join(work, f"out-{label}.jsonl")
    started = time.monotonic()
    with open(os.path.join(work, f"stderr-{label}.txt"), "wb") as err:
        proc = subprocess.Popen(
            [binary, "batch", "-q", "--timeout-per-file", "60", "-o", out, "@" + listing],
            stderr=err,
        )
        # wait4 gives this child's own peak RSS (ru_maxrss, in KiB on Linux).
        _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.monotonic() - started
    peak_kb = usage.ru_maxrss
    if proc.returncode not in (0, 1, 2):
        sys.exit(f"soak: exit {proc.returncode} (see {work}/stderr-{label}.txt)")
    seen = {}
    with open(out, "rb") as f:
        for number, line in enumerate(f, 1):
            if not line.endswith(b"\n"):
                sys.exit(f"soak: {out}:{number}: a line without its newline")
            record = json.loads(line)
            path = record.get("source", {}).get("path") or record.get("path")
            seen[path] = seen.get(path, 0) + 1
    twice = [p for p, c in seen.items() if c > 1]
    missing = set(paths) - set(seen)
    errors = sum(1 for _ in open(out, "rb") if b'"error":{"code"' in _)
    result = {
        "inputs": len(paths),
        "records": sum(seen.values()),
        "errors": errors,
        "seconds": round(seconds, 1),
        "files_per_s": round(len(paths) / seconds, 1),
        "peak_rss_mb": round(peak_kb / 1024, 1),
        "exit": proc.returncode,
    }
    print(f"soak {label}: {json.dumps(result)}", flush=True)
    if twice or missing or result["records"] != len(paths):
        sys.exit(f"soak: {len(missing)} inputs without a record, {len(twice)} with two")
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int, nargs="?", default=10000)
    parser.add_argument("--bin", default=os.path.join(ROOT, "target/release/gongwen"))
    parser.add_argument("--seed", type=int, default=21)
    parser.add_argument("--flat", type=float, default=1.2,
                        help="largest peak-RSS ratio between the covering runs")
    parser.add_argument("--keep", help="build the inputs here and keep them")
    args = parser.parse_args()
    work = args.keep or tempfile.mkdtemp(prefix="gongwen-soak-")
    try:
        started = time.monotonic()
        paths = build(os.path.join(work, "in"), args.n, args.seed)
        print(f"soak: {len(paths)} inputs built in {time.monotonic() - started:.1f} s", flush=True)
        sizes = sorted({min(100, args.n), min(1000, args.n), args.n})
        results = [run(args.bin, paths[:k], work, str(k)) for k in sizes]
        # Peaks are comparable only between runs that hold every seed file several times over
        # (a run of 100 inputs misses the heavier half of the ~160 seeds).
        covering = [r for r in results if r["inputs"] >= 5 * len(pool())]
        if len(covering) >= 2:
            ratio = covering[-1]["peak_rss_mb"] / covering[0]["peak_rss_mb"]
            print(f"soak: peak RSS {covering[-1]['peak_rss_mb']} MB at {covering[-1]['inputs']} "
                  f"inputs, {ratio:.2f} x the peak at {covering[0]['inputs']}")
            if ratio > args.flat:
                sys.exit(f"soak: memory is not flat (> {args.flat} x)")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
