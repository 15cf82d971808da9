#!/usr/bin/env python3
"""Compare gongwen's .doc reader with antiword, catdoc and LibreOffice on a folder of .doc files.

    python3 scripts/compare_doc.py DIR [--out table.md]

For every file LibreOffice can convert (`soffice --convert-to txt`), each tool's text is scored
against LibreOffice's: the share of LibreOffice's non-space characters found, in order, in the
tool's text (matching blocks of difflib, whitespace ignored). Time is wall time per file, one
process per file (soffice with a private profile, started per file as a user would).
gongwen's text is the reader's raw blocks (`--emit blocks`), before normalization, so full-width
punctuation rules do not count as differences. Needs antiword, catdoc, LibreOffice and a release
build (`cargo build --release`).
"""
import difflib
import json
import os
import subprocess
import sys
import tempfile
import time

BIN = os.path.join(os.path.dirname(__file__), "..", "target", "release", "gongwen")


def run(cmd, timeout=120):
    t = time.perf_counter()
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=timeout)
        out = p.stdout.decode("utf-8", "replace")
        ok = p.returncode in (0, 1)
    except subprocess.TimeoutExpired:
        out, ok = "", False
    return out, ok, time.perf_counter() - t


def squeeze(s):
    return "".join(c for c in s if not c.isspace() and c not in "\ufeff\u00a0")


def score(ref, got):
    a, b = squeeze(ref)[:200_000], squeeze(got)[:200_000]
    if not a:
        return None
    m = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(bl.size for bl in m.get_matching_blocks()) / len(a)


def gongwen_text(path):
    out, ok, t = run([BIN, "convert", path, "--emit", "blocks"])
    texts = []
    for line in out.splitlines():
        try:
            rec = json.loads(line)
        except json.JSONDecodeError:
            continue
        if "text" in rec:
            texts.append(rec["text"])
    return "\n".join(texts), ok and bool(texts), t


def soffice_text(path, tmp):
    prof = f"file://{tmp}/profile"
    _, _, t = run(["soffice", f"-env:UserInstallation={prof}", "--headless", "--convert-to",
                   "txt:Text (encoded):UTF8", "--outdir", tmp, path], timeout=180)
    txt = os.path.join(tmp, os.path.splitext(os.path.basename(path))[0] + ".txt")
    if not os.path.exists(txt):
        return None, t
    with open(txt, encoding="utf-8", errors="replace") as f:
        s = f.read()
    os.remove(txt)
    return s, t


def main():
    folder = sys.argv[1]
    out_path = sys.argv[sys.argv.index("--out") + 1] if "--out" in sys.argv else None
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in sorted(os.listdir(folder)):
            path = os.path.join(folder, name)
            if not os.path.isfile(path) or os.path.getsize(path) == 0:
                continue
            lo, t_lo = soffice_text(path, tmp)
            if lo is None or not squeeze(lo):
                rows.append((name, None, None, None, None, t_lo, None, None, None))
                continue
            g, g_ok, t_g = gongwen_text(path)
            a, _, t_a = run(["antiword", "-m", "UTF-8.txt", path])
            c, _, t_c = run(["catdoc", "-d", "utf-8", path])
            rows.append((name, len(squeeze(lo)), score(lo, g) if g_ok else 0.0, score(lo, a),
                         score(lo, c), t_lo, t_g, t_a, t_c))
            print(json.dumps(rows[-1]), flush=True)
    readable = [r for r in rows if r[1]]
    lines = ["| file | LibreOffice chars | gongwen | antiword | catdoc | soffice s | gongwen ms |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for r in readable:
        lines.append(f"| {r[0]} | {r[1]} | {r[2]:.3f} | {r[3]:.3f} | {r[4]:.3f} | {r[5]:.2f} | "
                     f"{r[6] * 1000:.0f} |")
    n = len(readable)

    def share(i, th=0.99):
        return sum(1 for r in readable if r[i] is not None and r[i] >= th)

    t_lo = sum(r[5] for r in readable)
    t_g = sum(r[6] for r in readable)
    summary = [
        f"readable by LibreOffice: {n} of {len(rows)} files",
        f">= 99 % of LibreOffice's characters: gongwen {share(2)}, antiword {share(3)}, "
        f"catdoc {share(4)} (of {n})",
        f">= 95 %: gongwen {share(2, 0.95)}, antiword {share(3, 0.95)}, catdoc {share(4, 0.95)}",
        f"time, all readable files: soffice {t_lo:.1f} s, gongwen {t_g:.2f} s "
        f"({t_lo / max(t_g, 1e-9):.0f}x), antiword {sum(r[7] for r in readable):.2f} s, "
        f"catdoc {sum(r[8] for r in readable):.2f} s",
    ]
    text = "\n".join(summary) + "\n\n" + "\n".join(lines) + "\n"
    if out_path:
        with open(out_path, "w") as f:
            f.write(text)
    print(text)


if __name__ == "__main__":
    main()
