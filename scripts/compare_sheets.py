#!/usr/bin/env python3
"""Spreadsheets side by side: gongwen's cell texts against LibreOffice's CSV export.

For every .xls/.xlsx/.et in a folder, LibreOffice writes one CSV per sheet
(`soffice --convert-to csv:...:-1`, cell text as displayed); gongwen's table blocks give
the cells it reads. Reported per file: the share of LibreOffice's non-empty cells that gongwen
gives with the same text (as a multiset over the workbook, so layout choices such as dropped
blank rows do not count), the same for text cells only (cells that are not numbers or dates,
where display formats cannot differ), and the wall time per file of each tool.

    python3 scripts/compare_sheets.py DIR [--gongwen target/release/gongwen]

docs/performance.md ("Spreadsheets and RTF") records a run.
"""

import argparse
import csv
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

NUMBER = re.compile(r"^[-+]?[\d,.]+%?$|^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}( \d\d?:\d\d(:\d\d)?)?$")
CSV_ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"


def timed(cmd, **kw):
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, **kw)
    return proc, time.perf_counter() - start


def gongwen_cells(exe, path):
    proc, secs = timed([exe, "convert", "--emit", "blocks", str(path)])
    cells = Counter()
    for line in proc.stdout.decode("utf-8", "replace").splitlines():
        table = json.loads(line).get("table")
        for row in (table or {}).get("rows", []):
            cells.update(c["text"].strip() for c in row if c["text"].strip())
    return cells, secs, proc.returncode


def soffice_cells(path, tmp):
    out = Path(tmp) / path.stem
    out.mkdir(exist_ok=True)
    profile = Path(tmp) / "profile"
    cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
           CSV_ALL_SHEETS, "--outdir", str(out), str(path)]
    _, secs = timed(cmd)
    cells = Counter()
    for f in out.glob("*.csv"):
        with open(f, encoding="utf-8", errors="replace", newline="") as fh:
            for row in csv.reader(fh):
                cells.update(c.strip() for c in row if c.strip())
    return cells, secs


def share(reference, got, keep=lambda c: True):
    ref = Counter({c: n for c, n in reference.items() if keep(c)})
    total = sum(ref.values())
    if not total:
        return None
    return sum((ref & got).values()) / total


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--gongwen", default="target/release/gongwen")
    args = ap.parse_args()
    files = sorted(p for p in Path(args.dir).iterdir() if p.suffix in {".xls", ".xlsx", ".et"})
    rows = []
    fmt = lambda a: "-" if a is None else f"{a:.4f}"
    with tempfile.TemporaryDirectory() as tmp:
        soffice_cells(files[0], tmp)  # warm the profile
        print("file\tlo_cells\tall_same\ttext_same\tgongwen_s\tsoffice_s")
        for f in files:
            ref, t_lo = soffice_cells(f, tmp)
            got, t_g, rc = gongwen_cells(args.gongwen, f)
            a_all = share(ref, got)
            a_text = share(ref, got, lambda c: not NUMBER.match(c))
            rows.append((f.name, a_all, a_text, t_g, t_lo))
            print(f"{f.name}\t{sum(ref.values())}\t{fmt(a_all)}\t{fmt(a_text)}\t{t_g:.3f}\t{t_lo:.3f}")
    text = [r[2] for r in rows if r[2] is not None]
    print(f"# text cells identical on {sum(a == 1.0 for a in text)}/{len(text)} files, "
          f"median {statistics.median(text):.4f}", file=sys.stderr)
    for name, i in [("gongwen", 3), ("soffice", 4)]:
        print(f"# {name}: median {statistics.median(r[i] for r in rows) * 1000:.1f} ms/file",
              file=sys.stderr)


if __name__ == "__main__":
    main()
