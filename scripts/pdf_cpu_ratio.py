#!/usr/bin/env python3
"""CPU time of gongwen vs pdftotext on the PDF samples (issue 8's PDF target, docs/performance.md).

gongwen: `target/release/gongwen batch -q -j 1 -o /dev/null FILES` (one process, one core) and,
for comparison, `gongwen convert --to text FILE` once per file; pdftotext: `pdftotext -enc UTF-8
FILE -` once per file. CPU time is user+sys of the child processes (getrusage), which a shared,
loaded machine disturbs far less than wall time. Each measurement is repeated; the median is
reported per sample class and overall.

Usage: scripts/pdf_cpu_ratio.py [REPS]   (after `cargo build --release`; default 7 repetitions)
"""

import glob
import os
import resource
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "gongwen")


def cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def pages(path):
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    return int(next(l for l in out.splitlines() if l.startswith("Pages:")).split()[1])


def timed(run, reps):
    times = []
    for _ in range(reps):
        start = cpu()
        run()
        times.append(cpu() - start)
    return sorted(times)[len(times) // 2]


def batch(files):
    # Exit code 1 = converted with warnings (documented in `gongwen --help`).
    r = subprocess.run([BIN, "batch", "-q", "-j", "1", "-o", os.devnull, *files])
    if r.returncode not in (0, 1):
        sys.exit(f"gongwen batch failed ({r.returncode})")


def per_file(files):
    for f in files:
        subprocess.run([BIN, "convert", "--to", "text", f], stdout=subprocess.DEVNULL, check=False)


def pdftotext(files):
    for f in files:
        subprocess.run(["pdftotext", "-enc", "UTF-8", f, "-"], stdout=subprocess.DEVNULL, check=True)


def main():
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    os.chdir(ROOT)
    groups = [(v, sorted(glob.glob(f"samples/*-{v}.pdf"))) for v in ("stsong", "lo", "header")]
    groups.append(("all", sorted(glob.glob("samples/*.pdf"))))
    print("| samples | files | pages | pdftotext pages/s | gongwen batch -j 1 pages/s | ratio "
          "| gongwen convert per file pages/s | ratio |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, files in groups:
        n = sum(map(pages, files))
        p = timed(lambda: pdftotext(files), reps)
        g = timed(lambda: batch(files), reps)
        f = timed(lambda: per_file(files), reps)
        print(f"| {name} | {len(files)} | {n} | {n / p:.0f} | {n / g:.0f} | {p / g:.1f}× "
              f"| {n / f:.0f} | {p / f:.1f}× |")


if __name__ == "__main__":
    main()
