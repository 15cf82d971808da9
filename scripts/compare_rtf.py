#!/usr/bin/env python3
"""RTF side by side: gongwen, pandoc and `soffice --convert-to txt` on every .rtf in a folder.

Reference text is LibreOffice's. For each file: character accuracy of gongwen and pandoc
(1 - CER over the text without white space, so line-wrapping choices do not count) and the
wall time per file of each tool (one process per file, as a batch would run them).

    python3 scripts/compare_rtf.py DIR [--gongwen target/release/gongwen]

Needs apt `pandoc libreoffice-writer-nogui` and PyPI `rapidfuzz`. Prints a TSV per file and a
summary; docs/performance.md ("Spreadsheets and RTF") records a run.
"""

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rapidfuzz.distance import Levenshtein


def squeeze(s):
    return "".join(s.split())


def timed(cmd):
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True)
    return proc, time.perf_counter() - start


def gongwen_text(exe, path):
    proc, secs = timed([exe, "convert", "--emit", "blocks", str(path)])
    texts = []
    for line in proc.stdout.decode("utf-8", "replace").splitlines():
        block = json.loads(line)
        if "text" in block:
            texts.append(block["text"])
    return "\n".join(texts), secs


def pandoc_text(path):
    proc, secs = timed(["pandoc", "-f", "rtf", "-t", "plain", "--wrap=none", str(path)])
    return proc.stdout.decode("utf-8", "replace"), secs


def soffice_text(path, tmp):
    profile = Path(tmp) / "profile"
    cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
           "txt:Text (encoded):UTF8", "--outdir", tmp, str(path)]
    _, secs = timed(cmd)
    out = Path(tmp) / (path.stem + ".txt")
    text = out.read_text(encoding="utf-8-sig", errors="replace") if out.exists() else ""
    return text, secs


def accuracy(reference, text):
    ref, hyp = squeeze(reference), squeeze(text)
    if not ref:
        return None
    return max(0.0, 1.0 - Levenshtein.distance(ref, hyp) / len(ref))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--gongwen", default="target/release/gongwen")
    args = ap.parse_args()
    files = sorted(Path(args.dir).glob("*.rtf"))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        soffice_text(files[0], tmp)  # warm the profile so the first file is not charged for it
        print("file\tchars\tgongwen_acc\tpandoc_acc\tgongwen_s\tpandoc_s\tsoffice_s")
        for f in files:
            ref, t_lo = soffice_text(f, tmp)
            g, t_g = gongwen_text(args.gongwen, f)
            p, t_p = pandoc_text(f)
            a_g, a_p = accuracy(ref, g), accuracy(ref, p)
            rows.append((f.name, len(squeeze(ref)), a_g, a_p, t_g, t_p, t_lo))
            fmt = lambda a: "-" if a is None else f"{a:.4f}"
            print(f"{f.name}\t{len(squeeze(ref))}\t{fmt(a_g)}\t{fmt(a_p)}\t{t_g:.3f}\t{t_p:.3f}\t{t_lo:.3f}")
    scored = [r for r in rows if r[2] is not None]
    for name, i in [("gongwen", 2), ("pandoc", 3)]:
        acc = [r[i] for r in scored]
        print(f"# {name}: {sum(a >= 0.99 for a in acc)}/{len(acc)} files >= 0.99, "
              f"median {statistics.median(acc):.4f}, mean {statistics.mean(acc):.4f}",
              file=sys.stderr)
    for name, i in [("gongwen", 4), ("pandoc", 5), ("soffice", 6)]:
        print(f"# {name}: median {statistics.median(r[i] for r in rows) * 1000:.1f} ms/file, "
              f"total {sum(r[i] for r in rows):.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
