#!/usr/bin/env python3
"""Write the three pathological inputs of the memory-cap record (docs/robustness.md) into OUTDIR:

    blank-10000.pdf   a PDF of 10 000 blank pages (one shared empty content stream)
    table-200mb.html  a 200 MB HTML page holding one table (rows of five cells)
    runs-1m.docx      a DOCX whose one paragraph per 100 runs adds up to 1 000 000 runs

    scripts/make_pathological.py OUTDIR

They are generated, never committed (200 MB).
"""
import os
import random
import sys
import zipfile


def blank_pdf(path, pages=10_000):
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", None, b"<< /Length 0 >>\nstream\n\nendstream"]
    first_page = 4
    kids = " ".join(f"{first_page + i} 0 R" for i in range(pages))
    objects[1] = f"<< /Type /Pages /Count {pages} /Kids [{kids}] >>".encode()
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>"
    objects.extend(page for _ in range(pages))
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    with open(path, "wb") as f:
        f.write(out)


def table_html(path, size=200 * 1000 * 1000):
    rng = random.Random(21)
    words = ["整改", "督查", "通报", "落实", "问题", "单位", "责任", "2023年", "第一", "完成"]
    with open(path, "w", encoding="utf-8") as f:
        f.write('<!DOCTYPE html><html><head><meta charset="utf-8"><title>表</title></head>'
                "<body><h1>关于整改情况的通报</h1><table>\n")
        written = 0
        row = 0
        while written < size:
            cells = "".join(f"<td>{rng.choice(words)}{row}</td>" for _ in range(5))
            line = f"<tr>{cells}</tr>\n"
            f.write(line)
            written += len(line.encode())
            row += 1
        f.write("</table></body></html>\n")


def runs_docx(path, runs=1_000_000, per_paragraph=100):
    rng = random.Random(21)
    chars = "关于进一步加强整改落实工作的通知各单位要按照要求认真组织实施"
    parts = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
             "<w:body>"]
    for p in range(runs // per_paragraph):
        body = "".join(
            f"<w:r><w:t>{rng.choice(chars)}{rng.choice(chars)}</w:t></w:r>" for _ in range(per_paragraph)
        )
        parts.append(f"<w:p>{body}</w:p>")
    parts.append("</w:body></w:document>")
    content_types = ('<?xml version="1.0" encoding="UTF-8"?>'
                     '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>'
                     '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                     "</Types>")
    rels = ('<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            "</Relationships>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", content_types)
        z.writestr("_rels/.rels", rels)
        z.writestr("word/document.xml", "".join(parts))


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else sys.exit(__doc__)
    os.makedirs(out, exist_ok=True)
    blank_pdf(os.path.join(out, "blank-10000.pdf"))
    runs_docx(os.path.join(out, "runs-1m.docx"))
    table_html(os.path.join(out, "table-200mb.html"))
    for name in sorted(os.listdir(out)):
        print(f"{name}: {os.path.getsize(os.path.join(out, name)):,} bytes")


if __name__ == "__main__":
    main()
