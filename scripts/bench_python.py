#!/usr/bin/env python3
"""gongwen.convert vs the usual Python extractors, in one Python process, on the same files.

HTML: trafilatura.extract; PDF: PyMuPDF page.get_text() over every page; DOCX: python-docx
paragraph text. Every file is read into memory first (no disk in the timing); each tool runs
over all files of its format REPEAT times, best of ROUNDS, single-threaded. Prints CPU seconds
(process time, robust on a shared machine) and wall seconds, with the ratio peer / gongwen
(> 1: gongwen is faster). Files: samples/ and ../shared/corpus.

    pip install ./bindings/python trafilatura pymupdf python-docx
    python scripts/bench_python.py
"""

from __future__ import annotations

import io
import os
import platform
import sys
import time
from pathlib import Path
from typing import Callable, Dict, List, Tuple

import gongwen

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
REPEAT = int(os.environ.get("REPEAT", "2"))
ROUNDS = int(os.environ.get("ROUNDS", "2"))


def files(ext: str) -> List[Tuple[str, bytes]]:
    paths = sorted(ROOT.glob(f"samples/*.{ext}"))
    if CORPUS.is_dir():
        paths += sorted(CORPUS.rglob(f"*.{ext}"))
    return [(p.name, p.read_bytes()) for p in paths]


def trafilatura_html(data: bytes) -> str:
    import trafilatura

    return trafilatura.extract(data) or ""


def pymupdf_pdf(data: bytes) -> str:
    import pymupdf

    with pymupdf.open(stream=data, filetype="pdf") as doc:
        return "\n".join(page.get_text() for page in doc)


def python_docx(data: bytes) -> str:
    import docx

    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def gongwen_text(data: bytes) -> str:
    return gongwen.convert(data).text


def measure(fn: Callable[[bytes], str], inputs: List[Tuple[str, bytes]]) -> Tuple[float, float]:
    best_cpu = best_wall = float("inf")
    for _ in range(ROUNDS):
        cpu, wall = time.process_time(), time.perf_counter()
        for _ in range(REPEAT):
            for _, data in inputs:
                fn(data)
        best_cpu = min(best_cpu, time.process_time() - cpu)
        best_wall = min(best_wall, time.perf_counter() - wall)
    return best_cpu, best_wall


def main() -> int:
    peers: Dict[str, Tuple[str, Callable[[bytes], str]]] = {
        "html": ("trafilatura.extract", trafilatura_html),
        "pdf": ("PyMuPDF page.get_text()", pymupdf_pdf),
        "docx": ("python-docx paragraphs", python_docx),
    }
    print(f"Python {platform.python_version()}, {platform.machine()}, "
          f"{os.cpu_count()} cores, REPEAT={REPEAT}, best of {ROUNDS}")
    print("| format | files | MB | peer | peer CPU s | gongwen CPU s | ratio (CPU) | ratio (wall) |")
    print("|---|---|---|---|---|---|---|---|")
    for fmt, (name, peer) in peers.items():
        inputs = files(fmt)
        for _, data in inputs[:2]:  # warm up imports and caches
            peer(data)
            gongwen_text(data)
        mb = sum(len(d) for _, d in inputs) / 1e6
        p_cpu, p_wall = measure(peer, inputs)
        g_cpu, g_wall = measure(gongwen_text, inputs)
        print(f"| {fmt} | {len(inputs)} | {mb:.1f} | {name} | {p_cpu:.2f} | {g_cpu:.2f} | "
              f"{p_cpu / g_cpu:.1f}× | {p_wall / g_wall:.1f}× |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
