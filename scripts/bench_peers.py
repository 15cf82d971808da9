#!/usr/bin/env python3
"""Side-by-side benchmark of gongwen against the peer tools on the same files.

gongwen vs pdftotext (PDF, pages/s), vs `pandoc -t plain` (DOCX), vs trafilatura (HTML): wall
time, CPU time and peak RSS of each tool over one corpus, printed as a table with ratios and
written into docs/performance.md between the bench-peers markers. Also: -j 2 vs -j 1 scaling and
peak RSS with 10 000 inputs vs 100. Run it through scripts/bench-peers.sh, which installs the peers.
"""

import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GONGWEN = os.path.join(ROOT, "target", "release", "gongwen")
CORPUS = os.path.join(ROOT, "..", "shared", "corpus")
MIN_FILES = 200
EXT = {"pdf": (".pdf",), "docx": (".docx",), "html": (".html", ".htm")}


# Runs a command and prints the peak RSS (KiB) of its whole process tree: RUSAGE_CHILDREN of a
# fresh process covers exactly that command and its descendants (a shell loop's children too).
RSS_WRAPPER = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)\n"
)


def run(cmd):
    """Run cmd; return (wall s, CPU s, peak RSS MiB of its process tree, exit code)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", RSS_WRAPPER, *cmd], stdout=subprocess.PIPE, text=True)
    out, _ = proc.communicate()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # Children's CPU consumed during this call only (the wrapper and the command's whole tree).
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    rss_kib, code = out.split()
    return wall, cpu, int(rss_kib) / 1024, int(code)


def build_corpus(fmt, workdir):
    """samples/ of this format replicated to >= MIN_FILES, plus the shared corpus files."""
    d = os.path.join(workdir, fmt)
    os.makedirs(d)
    samples = sorted(
        os.path.join(ROOT, "samples", f)
        for f in os.listdir(os.path.join(ROOT, "samples"))
        if f.lower().endswith(EXT[fmt])
    )
    corpus_dir = os.path.join(CORPUS, fmt)
    real = sorted(os.path.join(corpus_dir, f) for f in os.listdir(corpus_dir)) if os.path.isdir(corpus_dir) else []
    files = []
    if samples:
        i = 0
        while len(files) < MIN_FILES:
            for s in samples:
                dst = os.path.join(d, f"copy{i:04d}_{os.path.basename(s)}")
                shutil.copyfile(s, dst)
                files.append(dst)
                i += 1
    for r in real:
        dst = os.path.join(d, "corpus_" + os.path.basename(r))
        shutil.copyfile(r, dst)
        files.append(dst)
    return d, files


def pdf_pages(files):
    total = 0
    for f in files:
        out = subprocess.run(["pdfinfo", f], capture_output=True, text=True).stdout
        for line in out.splitlines():
            if line.startswith("Pages:"):
                total += int(line.split()[1])
    return total


def peer_command(fmt, files, listfile):
    with open(listfile, "w") as fh:
        fh.write("\n".join(files) + "\n")
    if fmt == "pdf":
        return ["sh", "-c", f'while IFS= read -r f; do pdftotext -enc UTF-8 "$f" - ; done < {listfile}'], "pdftotext"
    if fmt == "docx":
        return ["sh", "-c", f'while IFS= read -r f; do pandoc -t plain "$f" ; done < {listfile}'], "pandoc -t plain"
    code = (
        "import sys, trafilatura\n"
        f"for f in open({listfile!r}).read().split():\n"
        "    trafilatura.extract(open(f, 'rb').read())\n"
    )
    return [sys.executable, "-c", code], "trafilatura"


def fmt_row(cells):
    return "| " + " | ".join(str(c) for c in cells) + " |"


def main():
    if not os.path.exists(GONGWEN):
        sys.exit("build first: cargo build --release")
    rows, notes = [], []
    work = tempfile.mkdtemp(prefix="gongwen-bench-")
    try:
        for fmt in ("pdf", "docx", "html"):
            d, files = build_corpus(fmt, work)
            if not files:
                notes.append(f"{fmt}: no files")
                continue
            mb = sum(os.path.getsize(f) for f in files) / 1e6
            pages = pdf_pages(files) if fmt == "pdf" else None
            listfile = os.path.join(work, f"{fmt}.list")
            cmd, peer = peer_command(fmt, files, listfile)
            g = run([GONGWEN, "batch", "-q", "-j", "1", "-o", os.devnull, d])
            g2 = run([GONGWEN, "batch", "-q", "-j", "2", "-o", os.devnull, d])
            # One process per file, as a user's shell loop runs it (start-up paid per file).
            gp = run(["sh", "-c", f'while IFS= read -r f; do {GONGWEN} convert --to json "$f" ; done < {listfile}'])
            p = run(cmd)
            for name, (wall, cpu, rss, code) in (
                ("gongwen -j 1", g),
                ("gongwen -j 2", g2),
                ("gongwen convert per file", gp),
                (peer, p),
            ):
                rate = f"{pages / wall:.1f} pages/s" if pages else f"{len(files) / wall:.1f} files/s"
                rows.append([fmt, len(files), f"{mb:.1f}", name, f"{wall:.2f}", f"{cpu:.2f}", f"{rss:.0f}", rate, f"{mb / wall:.1f}", code])
            notes.append(
                f"{fmt}: gongwen -j 1 is {p[0] / g[0]:.1f}x {peer} in wall time and {p[1] / max(g[1], 1e-9):.1f}x in CPU time; "
                f"-j 2 vs -j 1: {g[0] / g2[0]:.2f}x; one process per file: {p[0] / gp[0]:.1f}x {peer} in wall time, "
                f"{p[1] / max(gp[1], 1e-9):.1f}x in CPU time"
            )
        # Memory flat in the number of inputs.
        small = os.path.join(work, "rss")
        os.makedirs(small)
        sample = next((os.path.join(ROOT, "samples", f) for f in sorted(os.listdir(os.path.join(ROOT, "samples"))) if f.endswith(".html")), None)
        if sample:
            for n in (100, 10000):
                sub = os.path.join(small, str(n))
                os.makedirs(sub)
                for i in range(n):
                    os.link(sample, os.path.join(sub, f"{i:05d}.html"))
            r100 = run([GONGWEN, "batch", "-q", "-o", os.devnull, os.path.join(small, "100")])
            r10k = run([GONGWEN, "batch", "-q", "-o", os.devnull, os.path.join(small, "10000")])
            notes.append(f"peak RSS: {r100[2]:.0f} MiB with 100 inputs, {r10k[2]:.0f} MiB with 10 000 ({r10k[2] / r100[2]:.2f}x); 10 000 inputs in {r10k[0]:.1f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)

    header = ["format", "files", "MB", "tool", "wall s", "CPU s", "peak RSS MiB", "rate", "MB/s", "exit"]
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
    mem = next((l.split(":", 1)[1].strip() for l in open("/proc/meminfo") if l.startswith("MemTotal")), "?")
    table = [
        f"Machine: {cpu}, {os.cpu_count()} cores, {mem} RAM, {platform.platform()}; run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.",
        "",
        fmt_row(header),
        fmt_row(["---"] * len(header)),
        *[fmt_row(r) for r in rows],
        "",
        *[f"- {n}" for n in notes],
    ]
    text = "\n".join(table)
    print(text)
    perf = os.path.join(ROOT, "docs", "performance.md")
    begin, end = "<!-- bench-peers:begin -->", "<!-- bench-peers:end -->"
    doc = open(perf, encoding="utf-8").read() if os.path.exists(perf) else "# Performance\n\n"
    if begin in doc and end in doc:
        doc = doc[: doc.index(begin) + len(begin)] + "\n" + text + "\n" + doc[doc.index(end):]
    else:
        doc += f"\n## Peer comparison (scripts/bench-peers.sh)\n\n{begin}\n{text}\n{end}\n"
    open(perf, "w", encoding="utf-8").write(doc)


if __name__ == "__main__":
    main()
