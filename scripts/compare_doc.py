#!/usr/bin/env python3
"""Compare gongwen's .doc reader with antiword, catdoc and LibreOffice on a folder of .doc files.

    python3 scripts/compare_doc.py DIR [--out table.md]

For every file LibreOffice can convert (`soffice --convert-to txt`, all files in one run), each
tool's text is scored against LibreOffice's: the share of LibreOffice's non-space characters
found, in order, in the tool's text (matching blocks of difflib, whitespace ignored). Time is
wall time per file, one process per file; soffice (private profile, started per file as a user
would) is timed on the first `--time-sample` readable files (default 15), as it takes seconds.
gongwen's text is the reader's raw blocks (`--emit blocks`), before normalization, so full-width
punctuation rules do not count as differences. Needs antiword, catdoc, LibreOffice and a release
build (`cargo build --release`).

The summary also counts the Word 97-2003 files alone (gongwen names the others — Word 6/95,
Word 2, Works, WordPerfect — as another format, and none of the tools is scored on them there)
and, among those, the files that are not fuzzer output (POI's `clusterfuzz-testcase-*` and
`Fuzzed.doc`, made by mutating bytes: no writer meant their text); each rule applies to every
tool alike. `--from-log LOG` recomputes the summary and table from the JSON rows an earlier run
printed, without running the tools again.

`--word-visible WV_DIR` adds a second reference: WV_DIR/NAME.txt made by
`scripts/word_visible_txt.py` (LibreOffice's own text with tracked changes accepted and hidden
text removed, as Word shows the document). Every tool is then also scored against it, side by
side with the plain LibreOffice score (which stays the first reference); a file with no
Word-visible text (LibreOffice could not be driven on it) keeps its plain score there.

The files of docs/performance.md come from two Apache-2.0 repositories, extracted (not committed)
from clones of apache/poi and apache/tika:

    for r in poi tika; do git -C $r ls-tree -r --name-only HEAD | grep -E '\.(doc|wps|DOC)$' |
      grep -E '^test-data/document/|test-documents/' | while read p; do
        n=${r}__$(basename "$p"); [ -e "DIR/$n" ] || git -C $r show "HEAD:$p" > "DIR/$n"; done; done
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


def chunks(s):
    """Lines (table cells count as lines: LibreOffice writes one cell per line), spaces out."""
    return [c for c in (squeeze(x) for x in s.replace("\t", "\n").splitlines()) if c]


def matched_chars(a, b):
    """Characters of `a` found in order in `b`: difflib on whole lines first, then on the
    characters of each differing stretch (multiset overlap when a stretch is huge)."""
    total = 0
    lines = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in lines.get_opcodes():
        if op == "equal":
            total += sum(len(x) for x in a[i1:i2])
        elif op == "replace":
            sa, sb = "".join(a[i1:i2]), "".join(b[j1:j2])
            if len(sa) * len(sb) > 4e8:
                from collections import Counter
                ca, cb = Counter(sa), Counter(sb)
                total += sum(min(n, cb[c]) for c, n in ca.items())
            else:
                m = difflib.SequenceMatcher(None, sa, sb, autojunk=False)
                total += sum(bl.size for bl in m.get_matching_blocks())
    return total


def score(ref, got):
    a, b = chunks(ref), chunks(got)
    n = sum(len(x) for x in a)
    if not n:
        return None
    return matched_chars(a, b) / n


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


def other_format(path):
    """True when gongwen names the file as a format other than Word 97-2003."""
    p = subprocess.run([BIN, "convert", path, "--emit", "blocks"], capture_output=True)
    err = p.stderr.decode("utf-8", "replace")
    return "unsupported format" in err or "unknown format" in err


def fuzzed(name):
    return "clusterfuzz-testcase" in name or name.endswith("Fuzzed.doc")


def soffice(paths, tmp, outdir):
    prof = f"file://{tmp}/profile"
    _, _, t = run(["soffice", f"-env:UserInstallation={prof}", "--headless", "--convert-to",
                   "txt:Text (encoded):UTF8", "--outdir", outdir] + paths, timeout=3600)
    return t


def lo_text(path, outdir):
    txt = os.path.join(outdir, os.path.splitext(os.path.basename(path))[0] + ".txt")
    if not os.path.exists(txt):
        return None
    with open(txt, encoding="utf-8", errors="replace") as f:
        return f.read()


def main():
    folder = sys.argv[1]
    out_path = sys.argv[sys.argv.index("--out") + 1] if "--out" in sys.argv else None
    wv_dir = sys.argv[sys.argv.index("--word-visible") + 1] if "--word-visible" in sys.argv else None
    sample = int(sys.argv[sys.argv.index("--time-sample") + 1]) if "--time-sample" in sys.argv else 15
    names = [n for n in sorted(os.listdir(folder))
             if not n.startswith(".") and os.path.isfile(os.path.join(folder, n)) and os.path.getsize(os.path.join(folder, n))]
    paths = [os.path.join(folder, n) for n in names]
    rows = []
    if "--from-log" in sys.argv:
        with open(sys.argv[sys.argv.index("--from-log") + 1]) as f:
            rows = [tuple(json.loads(x)) for x in f if x.startswith("[")]
        names = []
    with tempfile.TemporaryDirectory() as tmp:
        outdir = os.path.join(tmp, "lo")
        os.makedirs(outdir)
        if names:
            soffice(paths, tmp, outdir)
        timed = 0
        for name, path in zip(names, paths):
            lo = lo_text(path, outdir)
            if lo is None or not squeeze(lo):
                rows.append((name, None, None, None, None, None, None, None, None, None, None, None))
                continue
            t_lo = None
            if timed < sample:
                single = os.path.join(tmp, "one")
                os.makedirs(single, exist_ok=True)
                t_lo = soffice([path], tmp, single)
                timed += 1
            g, g_ok, t_g = gongwen_text(path)
            a, _, t_a = run(["antiword", "-m", "UTF-8.txt", path])
            c, _, t_c = run(["catdoc", "-d", "utf-8", path])
            wv = lo_text(path, wv_dir) if wv_dir else None
            wv = wv if wv is not None and squeeze(wv) else lo
            rows.append((name, len(squeeze(lo)), score(lo, g) if g_ok else 0.0, score(lo, a),
                         score(lo, c), t_lo, t_g, t_a, t_c,
                         score(wv, g) if g_ok else 0.0, score(wv, a), score(wv, c)))
            print(json.dumps(rows[-1]), flush=True)
    readable = [r for r in rows if r[1]]
    lines = ["| file | LibreOffice chars | gongwen | antiword | catdoc | gongwen, Word-visible ref. "
             "| soffice s | gongwen ms |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for r in readable:
        t = "" if r[5] is None else f"{r[5]:.2f}"
        lines.append(f"| {r[0]} | {r[1]} | {r[2]:.3f} | {r[3]:.3f} | {r[4]:.3f} | {r[9]:.3f} | "
                     f"{t} | {r[6] * 1000:.1f} |")
    n = len(readable)

    def share(i, th=0.99, among=None):
        among = readable if among is None else among
        return sum(1 for r in among if r[i] is not None and r[i] >= th)

    word97 = [r for r in readable if not other_format(os.path.join(folder, r[0]))]
    written = [r for r in word97 if not fuzzed(r[0])]

    def subset(label, among):
        m = max(len(among), 1)
        return (f"{label} ({len(among)} files): >= 99 % of LibreOffice's characters gongwen "
                f"{share(2, among=among)} ({share(2, among=among) / m:.1%}), antiword "
                f"{share(3, among=among)}, catdoc {share(4, among=among)}; of the Word-visible "
                f"reference gongwen {share(9, among=among)} ({share(9, among=among) / m:.1%}), "
                f"antiword {share(10, among=among)}, catdoc {share(11, among=among)}; >= 95 % "
                f"(LibreOffice / Word-visible) gongwen {share(2, 0.95, among)} / "
                f"{share(9, 0.95, among)}, antiword {share(3, 0.95, among)} / "
                f"{share(10, 0.95, among)}, catdoc {share(4, 0.95, among)} / "
                f"{share(11, 0.95, among)}")

    timed = [r for r in readable if r[5] is not None]
    t_lo = sum(r[5] for r in timed) / max(len(timed), 1)
    t_g_timed = sum(r[6] for r in timed) / max(len(timed), 1)
    t_g = sum(r[6] for r in readable) / max(n, 1)
    summary = [
        f"readable by LibreOffice: {n} of {len(rows)} files",
        f">= 99 % of LibreOffice's characters: gongwen {share(2)}, antiword {share(3)}, "
        f"catdoc {share(4)} (of {n})",
        f">= 99 % of the Word-visible reference: gongwen {share(9)}, antiword {share(10)}, "
        f"catdoc {share(11)} (of {n})",
        f">= 95 %: gongwen {share(2, 0.95)}, antiword {share(3, 0.95)}, catdoc {share(4, 0.95)}",
        subset("Word 97-2003 files", word97),
        subset("Word 97-2003 files not made by a fuzzer", written),
        f"mean time per file: soffice {t_lo:.2f} s on {len(timed)} files, gongwen "
        f"{t_g_timed * 1000:.1f} ms on the same files ({t_lo / max(t_g_timed, 1e-9):.0f}x), "
        f"gongwen {t_g * 1000:.1f} ms, antiword {sum(r[7] for r in readable) / max(n, 1) * 1000:.1f} ms, "
        f"catdoc {sum(r[8] for r in readable) / max(n, 1) * 1000:.1f} ms on all {n}",
    ]
    text = "\n".join(summary) + "\n\n" + "\n".join(lines) + "\n"
    if out_path:
        with open(out_path, "w") as f:
            f.write(text)
    print(text)


if __name__ == "__main__":
    main()
