#!/usr/bin/env python3
"""Seed corpus for the structure-aware targets docx_parts and ofd_parts.

Their input is a package's XML parts joined by NUL bytes, in the order the target names them
(fuzz/fuzz_targets/{docx,ofd}_parts.rs). Usage: fuzz_part_seeds.py TARGET OUT_DIR
"""

import glob
import os
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PARTS = {
    "docx_parts": ("docx", ["word/document.xml", "word/styles.xml", "word/numbering.xml", "word/footnotes.xml",
                            "word/_rels/document.xml.rels", "docProps/core.xml"]),
    "ofd_parts": ("ofd", ["OFD.xml", "Doc_0/Document.xml", "Doc_0/PublicRes.xml", "Doc_0/Pages/Page_0/Content.xml",
                          "Doc_0/DocumentRes.xml"]),
}


def main():
    target, out = sys.argv[1], sys.argv[2]
    ext, names = PARTS[target]
    os.makedirs(out, exist_ok=True)
    files = glob.glob(os.path.join(ROOT, "samples", f"*.{ext}")) + \
        glob.glob(os.path.join(ROOT, "tests", "fixtures", "**", f"*.{ext}"), recursive=True)
    for path in sorted(files):
        if os.path.getsize(path) > 1_000_000:
            continue
        try:
            with zipfile.ZipFile(path) as z:
                listed = set(z.namelist())
                # Seeds stay small (libFuzzer mutates faster); a 350 KB styles.xml is cut.
                parts = [z.read(n)[:200_000].replace(b"\0", b"") if n in listed else b"" for n in names]
        except Exception:
            continue  # truncated or bomb fixtures: not a source of XML
        if sum(map(len, parts)) > 1_000_000:
            continue
        with open(os.path.join(out, os.path.basename(path) + ".seed"), "wb") as fh:
            fh.write(b"\0".join(parts))


if __name__ == "__main__":
    main()
