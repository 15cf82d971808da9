#!/usr/bin/env python3
"""Write the hand-made malformed inputs of tests/fixtures/malformed/ and their manifest.

Each case is built from first principles (no real document inside), so the files are small and
their expected outcome is decided by design, not observed: `expected.tsv` lists
`file<TAB>outcome<TAB>why`, where outcome is an error code (see docs/schema.md) or `ok`
(converted, possibly with warnings); `a|b` allows either where both are right (stated why).
Re-run after changing a case: python3 scripts/make_malformed.py
"""

import io
import os
import shutil
import struct
import subprocess
import zipfile
import zlib

OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tests", "fixtures", "malformed")
cases = []


def write(name, data, outcome, why):
    with open(os.path.join(OUT, name), "wb") as fh:
        fh.write(data)
    cases.append((name, outcome, why))


def pdf(objects, root=1, trailer_extra=""):
    """A classic PDF with a correct xref table over the given object bodies (1-based)."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root {root} 0 R {trailer_extra}>>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def stream(content, extra=b""):
    return b"<< /Length %d %s>>\nstream\n" % (len(content), extra) + content + b"\nendstream"


def hello_pdf():
    content = b"BT /F1 12 Tf 72 720 Td (Hello gongwen) Tj ET"
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        stream(content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ])


def zipped(entries):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            z.writestr(name, data)
    return buf.getvalue()


DOCX_TYPES = b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
DOCX_DOC = '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>关于巡察整改进展情况的通报</w:t></w:r></w:p></w:body></w:document>'.encode()


# ---- Word 97 (.doc): a minimal compound file written from the specs (MS-CFB, MS-DOC) ----
END, FREE, FATSECT, NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF


def cfb(streams, fat_patch=None, header_patch=None):
    """A version-3 compound file holding `streams` [(name, bytes)], each padded to 4096 bytes so
    it lives in regular sectors. Sector 0 is the FAT, sector 1 the directory."""
    sectors, fat, entries = [], [FATSECT, END], []
    for name, data in streams:
        data = data + b"\0" * (max(4096, -(-len(data) // 512) * 512) - len(data))
        start = 2 + len(sectors)
        n = len(data) // 512
        sectors += [data[i * 512:(i + 1) * 512] for i in range(n)]
        fat += [start + i + 1 for i in range(n - 1)] + [END]
        entries.append((name, start, len(data)))
    if fat_patch:
        fat_patch(fat, entries)
    fat += [FREE] * (128 - len(fat))
    # Siblings sorted as CFB compares names (length, then upper case); a right-leaning chain.
    order = sorted(range(len(entries)), key=lambda i: (len(entries[i][0]), entries[i][0].upper()))

    def entry(name, kind, left, right, child, start, size):
        n = name.encode("utf-16-le") + b"\0\0"
        return (n + b"\0" * (64 - len(n)) + struct.pack("<HBB3I", len(n), kind, 1, left, right, child)
                + b"\0" * 36 + struct.pack("<IQ", start, size))

    dir_ = entry("Root Entry", 5, NOSTREAM, NOSTREAM, 1 + order[0], END, 0)
    for i, (name, start, size) in enumerate(entries):
        pos = order.index(i)
        right = 1 + order[pos + 1] if pos + 1 < len(order) else NOSTREAM
        dir_ += entry(name, 2, NOSTREAM, right, NOSTREAM, start, size)
    dir_ += b"\0" * (512 - len(dir_))
    header = bytearray(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16 + struct.pack(
        "<HHHHH6xIIIIIIIII", 0x3E, 3, 0xFFFE, 9, 6, 0, 1, 1, 0, 4096, END, 0, END, 0))
    header += struct.pack("<I", 0) + struct.pack("<I", FREE) * 108
    if header_patch:
        header_patch(header)
    return bytes(header) + struct.pack("<128I", *fat) + dir_ + b"".join(sectors)


def word_document(text, n_fib=0xC1, flags=0x0200, ccp=None, piece_fc=1024, notes="", parts=None,
                  piece_cp=0):
    """WordDocument and 1Table streams: a FIB, the text as UTF-16LE at 1024, one piece.
    `notes` is a footnote story after the main text (ccpFtn); `parts` {index: (fc, lcb)} sets
    more FibRgFcLcb97 pairs; `piece_cp` moves the piece's first CP (a gap before it)."""
    fib = bytearray(1024)
    struct.pack_into("<HH", fib, 0, 0xA5EC, n_fib)
    struct.pack_into("<H", fib, 10, flags)
    struct.pack_into("<H", fib, 32, 14)
    struct.pack_into("<H", fib, 62, 22)
    units = len(text.encode("utf-16-le")) // 2
    struct.pack_into("<I", fib, 76, units if ccp is None else ccp)
    note_units = len(notes.encode("utf-16-le")) // 2
    struct.pack_into("<I", fib, 80, note_units)
    struct.pack_into("<H", fib, 152, 93)
    clx = b"\x02" + struct.pack("<I", 16) + struct.pack("<IIHIH", piece_cp, units + note_units, 0, piece_fc, 0)
    struct.pack_into("<II", fib, 154 + 33 * 8, 0, len(clx))
    for index, (fc, lcb) in (parts or {}).items():
        struct.pack_into("<II", fib, 154 + index * 8, fc, lcb)
    return bytes(fib) + (text + notes).encode("utf-16-le"), clx


def hello_doc(table_extra=b"", **kw):
    word, table = word_document("关于巡察整改进展情况的通报\r根据省委统一部署，现将整改情况予以公布。\r", **kw)
    return [("WordDocument", word), ("1Table", table + table_extra)]


def with_size(name, size):
    """A directory patch giving stream `name` a size its sector chain does not hold."""
    def patch(fat, entries):
        for i, (n, start, _) in enumerate(entries):
            if n == name:
                entries[i] = (n, start, size)
    return patch


def doc_cases():
    good = cfb(hello_doc())
    write("hello.doc", good, "ok", "control: the well-formed base of the .doc cases (FIB, one piece, UTF-16 text)")
    write("truncated.doc", good[: len(good) * 6 // 10], "malformed", "compound file cut at 60 %: streams end past the file")

    def cycle(fat, entries):
        _, start, size = entries[0]
        fat[start + size // 512 - 1] = start

    write("fat-longer-than-file.doc", cfb(hello_doc(), fat_patch=lambda fat, _: fat.extend([END] * 40)), "ok",
          "the FAT lists sectors past the end of the file (as some writers leave it): read leniently with a damaged_file warning")
    write("cyclic-fat.doc", cfb(hello_doc(), fat_patch=cycle), "malformed", "the WordDocument chain's last sector points back to its first")
    write("huge-sector-count.doc", cfb(hello_doc(), header_patch=lambda h: struct.pack_into("<I", h, 0x2C, 0x7FFFFFFF)),
          "ok", "the header claims 2^31 FAT sectors: never allocated; the FAT sectors the header lists are read")
    write("pieces-past-stream.doc", cfb(hello_doc(piece_fc=0x3FFFFF00)), "malformed", "the piece table points past the WordDocument stream")
    write("ccp-huge.doc", cfb(hello_doc(ccp=0x7FFFFFFF)), "malformed", "ccpText claims 2^31 characters")
    write("encrypted.doc", cfb(hello_doc(flags=0x0300)), "encrypted", "fEncrypted set in the FIB")
    write("word95.doc", cfb(hello_doc(n_fib=104)), "unsupported_format", "nFib 104: Word 95, named with a conversion hint")
    write("works.wps", cfb([("MatOST", b"\0" * 64), ("CONTENTS", b"\0" * 64)]), "unsupported_format",
          "Microsoft Works word processor: named as such, not read as Kingsoft WPS")
    write("kingsoft.wps", cfb(hello_doc() + [("WpsCustomData", b"\0" * 64)]), "ok", "Kingsoft WPS: the Word 97 format plus WpsCustomData")
    write("huge-stream-size.doc", cfb(hello_doc(), fat_patch=with_size("WordDocument", 0xFFFFFE00)), "malformed",
          "the directory gives WordDocument 4 GiB (8 M sectors) that its 8-sector chain does not hold: refused, never allocated")
    write("piece-gap.doc", cfb(hello_doc(piece_cp=5)), "malformed", "the only piece starts at CP 5: the text before it is nowhere")
    write("clx-past-table.doc", cfb(hello_doc(parts={33: (0x7FFFFF00, 21)})), "malformed",
          "fcClx points past the end of the table stream")
    write("fkp-past-stream.doc", cfb(hello_doc(parts={12: (21, 12), 13: (21, 12)},
                                               table_extra=struct.pack("<III", 0, 200, 0x3FFFFF))), "ok",
          "the property bin tables name a page far past the WordDocument stream: no properties, the text is read")
    write("notes-past-table.doc", cfb(hello_doc(notes="\x02 注释。\r", parts={2: (0x7FFFFFF0, 10), 3: (0x7FFFFFF0, 12)})), "ok",
          "a footnote story whose reference and text tables point past the table stream: the body is read, the notes dropped with a damaged_file warning")
def cfb_simple(streams, fat_patch=None):
    """A minimal OLE compound file (v3, 512-byte sectors): one FAT sector, one directory sector,
    each stream in regular sectors (padded to 4096 bytes, the mini-stream cutoff)."""
    import struct
    END, FREE, FATSECT, NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    data, fat, start = b"", [FATSECT, END], []
    for _, body in streams:
        body = body + b"\0" * (max(4096, -(-len(body) // 512) * 512) - len(body))
        first = 2 + len(data) // 512
        n = len(body) // 512
        start.append((first, len(body)))
        fat += [first + i + 1 for i in range(n - 1)] + [END]
        data += body
    for at, value in (fat_patch or {}).items():
        fat[at] = value
    fat_sector = b"".join(struct.pack("<I", v) for v in fat + [FREE] * (128 - len(fat)))

    def entry(name, typ, first, size, child=NOSTREAM, right=NOSTREAM):
        raw = name.encode("utf-16-le") + b"\0\0" if name else b""
        return (raw.ljust(64, b"\0") + struct.pack("<HBB", len(raw), typ, 1)
                + struct.pack("<III", NOSTREAM, right, child) + b"\0" * 36
                + struct.pack("<III", first, size, 0))

    entries = [entry("Root Entry", 5, END, 0, child=1)]
    for i, ((name, _), (first, size)) in enumerate(zip(streams, start)):
        right = i + 2 if i + 1 < len(streams) else NOSTREAM
        entries.append(entry(name, 2, first, size, right=right))
    while len(entries) % 4:
        entries.append(entry("", 0, 0, 0))
    directory = b"".join(entries)
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
              + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, END, 0, END, 0)
              + struct.pack("<I", 0) + b"\xff" * 4 * 108)
    return header + fat_sector + directory + data


def biff(sheet_records, globals_extra=b"", sheet_pos=None):
    """A BIFF8 workbook stream with one sheet named 台账 holding `sheet_records`."""
    import struct
    rec = lambda typ, body: struct.pack("<HH", typ, len(body)) + body
    name = "台账".encode("utf-16-le")
    bof = lambda dt: rec(0x0809, struct.pack("<HHHHII", 0x0600, dt, 0, 1997, 0, 6))
    head = bof(5) + globals_extra + rec(0x0042, struct.pack("<H", 1200))
    bound_len = 4 + 8 + len(name)
    pos = len(head) + bound_len + 4 if sheet_pos is None else sheet_pos
    bound = rec(0x0085, struct.pack("<IHBB", pos, 0, 2, 1) + name)
    return head + bound + rec(0x000A, b"") + bof(0x10) + b"".join(sheet_records) + rec(0x000A, b"")


def xls_rec(typ, body):
    import struct
    return struct.pack("<HH", typ, len(body)) + body


def label(row, col, text):
    import struct
    raw = text.encode("utf-16-le")
    return xls_rec(0x0204, struct.pack("<HHHHB", row, col, 15, len(text), 1) + raw)


def number(row, col, value):
    import struct
    return xls_rec(0x0203, struct.pack("<HHHd", row, col, 15, value))


def dimensions(rf, rl, cf, cl):
    import struct
    return xls_rec(0x0200, struct.pack("<IIHHH", rf, rl, cf, cl, 0))


def main():
    # Remove only what this script writes: tests/fixtures/malformed/fuzz/ holds the fuzzers'
    # regression inputs, which cannot be regenerated.
    os.makedirs(OUT, exist_ok=True)
    for name in os.listdir(OUT):
        path = os.path.join(OUT, name)
        if os.path.isfile(path):
            os.remove(path)
    # Any format.
    write("empty.bin", b"", "empty", "zero bytes")
    write("one-byte.bin", b"\x00", "unknown_format", "a single NUL byte is no format")
    write("garbage.bin", bytes((i * 73 + 11) % 256 for i in range(4096)), "unknown_format", "binary noise with NULs")
    write("ole.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504, "malformed", "an OLE header and nothing else: the compound file is damaged")
    doc_cases()
    # PDF.
    good = hello_pdf()
    write("hello.pdf", good, "ok", "control: the well-formed base of the PDF cases")
    write("wrong-magic.pdf", b"%PDX" + good[4:].replace(b"%PDF", b"%PDX"), "unknown_format", "no %PDF- header anywhere")
    for pct in (10, 50, 90):
        cut = good[: len(good) * pct // 100]
        write(f"truncated-{pct}.pdf", cut, "malformed|ok",
              "truncated: no xref/trailer; a repairing reader may still find the page (ok) or give up (malformed), never hang")
    write("xref-past-eof.pdf", good.replace(b"startxref\n", b"startxref\n9").rsplit(b"%%EOF", 1)[0] + b"%%EOF\n", "ok|malformed",
          "startxref points past the end; objects are still scannable")
    cyclic = pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Pages /Parent 3 0 R /Kids [2 0 R] /Count 1 >>",
    ])
    write("cyclic-pages.pdf", cyclic, "malformed|ok", "the page tree contains itself; must terminate (no pages to read)")
    loop = pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 6 0 R >> /XObject << /X1 5 0 R >> >> /Contents 4 0 R >>",
        stream(b"BT /F1 12 Tf 72 720 Td (outside the loop) Tj ET /X1 Do"),
        stream(b"/X1 Do", b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /X1 5 0 R >> >> "),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])
    write("xobject-loop.pdf", loop, "ok", "a form XObject that draws itself; the text outside the loop is read")
    deep = b"[" * 10000 + b"]" * 10000
    write("deep-array.pdf", pdf([b"<< /Type /Catalog /Pages 2 0 R /Deep " + deep + b" >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]),
          "malformed|ok", "10 000 nested arrays: must not overflow the stack")
    big = zlib.compress(b"\x00" * (64 << 20), 9)
    write("stream-bomb.pdf", pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        stream(big, b"/Filter /FlateDecode "),
    ]), "ok|limit_exceeded", "64 MiB of zeros in a 64 KB stream: bounded by the stream limit or read as an empty page")
    if shutil.which("qpdf"):
        src = os.path.join(OUT, "hello.pdf")
        dst = os.path.join(OUT, "encrypted-password.pdf")
        subprocess.run(["qpdf", "--encrypt", "secret-user", "secret-owner", "256", "--", src, dst], check=True)
        cases.append(("encrypted-password.pdf", "encrypted", "AES-256 with a user password (made by qpdf)"))
        dst = os.path.join(OUT, "encrypted-empty-password.pdf")
        subprocess.run(["qpdf", "--encrypt", "", "owner-only", "128", "--use-aes=y", "--", src, dst], check=True)
        cases.append(("encrypted-empty-password.pdf", "ok", "AES-128 with an empty user password: opened without asking"))
    # DOCX.
    good_docx = zipped([("[Content_Types].xml", DOCX_TYPES), ("word/document.xml", DOCX_DOC)])
    write("hello.docx", good_docx, "ok", "control: the well-formed base of the DOCX cases")
    write("truncated.docx", good_docx[: len(good_docx) // 2], "malformed", "zip cut in half: no central directory")
    write("not-xml.docx", zipped([("[Content_Types].xml", DOCX_TYPES), ("word/document.xml", b"this is <not> xml <<< &&")]), "malformed",
          "document.xml is not XML")
    write("missing-document.docx", zipped([("[Content_Types].xml", DOCX_TYPES), ("word/styles.xml", b"<w:styles/>")]), "malformed",
          "a .docx without word/document.xml")
    write("bomb.docx", zipped([("[Content_Types].xml", DOCX_TYPES), ("word/document.xml", b"<" + b"a" * (100 << 20))]), "limit_exceeded",
          "100 MB inflated from ~100 KB: compression-ratio limit")
    nested = b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' + \
        b"<w:sdt><w:sdtContent>" * 10000 + b"</w:sdtContent></w:sdt>" * 10000 + b"</w:body></w:document>"
    write("deep-nesting.docx", zipped([("[Content_Types].xml", DOCX_TYPES), ("word/document.xml", nested)]), "limit_exceeded",
          "10 000 nested elements: XML depth limit")
    billion = b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>' + \
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>'
    write("entities.docx", zipped([("[Content_Types].xml", DOCX_TYPES), ("word/document.xml", billion)]), "ok|malformed",
          "internal entity definitions are never expanded (no billion laughs); the text is dropped or the part rejected")
    # OFD.
    ofd_xml = b'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>x</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>'
    write("missing-ofd-xml.ofd", zipped([("Doc_0/Document.xml", b"<ofd:Document/>")]), "malformed", "an .ofd zip without OFD.xml")
    write("docbody-nowhere.ofd", zipped([("OFD.xml", ofd_xml)]), "malformed", "DocRoot points to a part that does not exist")
    write("not-xml.ofd", zipped([("OFD.xml", b"<ofd:OFD <<< not xml")]), "malformed", "OFD.xml is not XML")
    write("bomb.ofd", zipped([("OFD.xml", ofd_xml), ("Doc_0/Document.xml", b" " * (100 << 20))]), "limit_exceeded",
          "100 MB Document.xml from ~100 KB")
    write("truncated.ofd", zipped([("OFD.xml", ofd_xml)])[:60], "malformed", "zip cut short")
    # Spreadsheets (.xls via a minimal compound file, .xlsx) and RTF.
    cells = [dimensions(0, 2, 0, 2), label(0, 0, "整改台账"), number(1, 0, 1.0), label(1, 1, "已完成")]
    hello_xls = cfb_simple([("Workbook", biff(cells))])
    write("hello.xls", hello_xls, "ok", "control: the well-formed base of the .xls cases (BIFF8 in a hand-made compound file)")
    write("far-cell.xls", cfb_simple([("Workbook", biff([number(0, 0, 1.0), number(65535, 255, 2.0)]))]), "limit_exceeded",
          "two cells at A1 and IV65536: a 16.7 M-cell grid is over sheet_cells")
    write("huge-dimensions.xls", cfb_simple([("Workbook", biff([dimensions(0, 0xFFFFFFF0, 0, 255)] + cells[1:]))]), "limit_exceeded",
          "a DIMENSIONS record declaring 4 G rows (calamine would reserve them)")
    write("inverted-dimensions.xls", cfb_simple([("Workbook", biff([dimensions(10, 5, 0, 1)] + cells[1:]))]), "malformed",
          "a DIMENSIONS record that ends before it starts")
    write("sheet-offset-past-end.xls", cfb_simple([("Workbook", biff(cells, sheet_pos=0x7FFFFFF0))]), "malformed",
          "a BoundSheet8 offset past the end of the stream (calamine would slice out of range)")
    write("short-merge.xls", cfb_simple([("Workbook", biff(cells + [xls_rec(0x00E5, b"\x05\x00\x01\x02")]))]), "malformed",
          "a MergeCells record shorter than its count")
    write("filepass.xls", cfb_simple([("Workbook", biff(cells, globals_extra=xls_rec(0x002F, b"\x01\x00\x01\x00")))]), "encrypted",
          "a FILEPASS record: the workbook is password-protected")
    write("truncated.xls", hello_xls[:1100], "malformed", "compound file cut inside the Workbook stream, named .xls")
    write("cyclic-fat.xls", cfb_simple([("Workbook", biff(cells))], fat_patch={2: 2}), "malformed",
          "the Workbook stream's FAT chain points to itself")
    write("huge-sector-count.xls", bytes(hello_xls[:0x2C]) + struct.pack("<I", 0x7FFFFFFF) + bytes(hello_xls[0x30:]), "ok",
          "the header claims 2^31 FAT sectors: never allocated; the FAT sectors the header lists are read")
    write("huge-stream-size.xls", cfb([("Workbook", biff(cells))], fat_patch=with_size("Workbook", 0xFFFFFE00)), "malformed",
          "the directory gives Workbook 4 GiB that its 8-sector chain does not hold: refused, never allocated")
    write("no-workbook.et", cfb_simple([("ETExtData", b"\x01" * 16)]), "malformed",
          "a WPS .et compound file without a Workbook stream")
    xlsx_types = b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
    write("bomb.xlsx", zipped([("[Content_Types].xml", xlsx_types), ("xl/workbook.xml", b"<workbook/>"),
                               ("xl/worksheets/sheet1.xml", b" " * (100 << 20))]), "limit_exceeded",
          "100 MB worksheet from ~100 KB: the bounded zip reader refuses it before calamine inflates it")
    write("truncated.xlsx", zipped([("[Content_Types].xml", xlsx_types), ("xl/workbook.xml", b"<workbook/>")])[:70],
          "malformed", "an .xlsx zip cut short")
    write("deep-groups.rtf", b"{\\rtf1 " + b"{" * 100000 + b"x" + b"}" * 100000 + b"}", "limit_exceeded",
          "100 000 nested RTF groups: over rtf_depth")
    write("bin-past-end.rtf", b"{\\rtf1\\ansi a\\bin999999999 b}", "ok",
          "\\bin claiming 1 GB: skipped to the end of the input")
    write("uc-huge.rtf", b"{\\rtf1\\ansi\\ansicpg936\\uc2147483647 a\\u20013?b\\par c}", "ok",
          "\\uc claiming 2^31 fallback bytes: the skip ends at the group's end, never loops")
    write("negative-bin.rtf", b"{\\rtf1\\ansi a\\bin-5 b\\par}", "ok", "\\bin with a negative count: nothing skipped")
    write("truncated.rtf", b"{\\rtf1\\ansi\\ansicpg936{\\fonttbl{\\f0\\fcharset134 \\'cb\\'ce;}}\\trowd\\cellx2000 \\'d5\\'fb\\'b8\\'c4\\cell", "ok",
          "RTF cut inside a table row and three open groups: the text before is read")
    write("cut-escape.rtf", b"{\\rtf1\\ansi\\ansicpg936 \\'d5\\'fb\\'b8\\'c4\\par \\'d5", "ok",
          "RTF cut inside a GBK pair and without closing braces: the text before is read")
    # HTML and text.
    gbk = "<html><head><meta charset=\"utf-8\"><title>通报</title></head><body><p>根据省委统一部署，省委第三巡视组对广州市花都区进行了巡视。</p></body></html>".encode("gbk")
    write("utf8-declared-gbk.html", gbk, "ok", "declared UTF-8, bytes GBK: decoded as GB18030 with a warning, never a panic")
    write("deep-nesting.html", b"<html><body>" + b"<div>" * 10000 + "正文".encode() + b"</div>" * 10000 + b"</body></html>", "ok",
          "10 000 nested divs: bounded walk, the text survives")
    write("invalid-utf8.html", b'<html><head><meta charset="utf-8"></head><body><p>\xff\xfe\xfd ok</p></body></html>', "ok",
          "invalid UTF-8 declared UTF-8: U+FFFD and an undecodable_bytes warning")
    write("nul-in-text.txt", "通报\x00正文".encode(), "ok|unknown_format", "a NUL inside text: either read as text or refused as binary")
    with open(os.path.join(OUT, "expected.tsv"), "w", encoding="utf-8") as fh:
        fh.write("# file\toutcome\twhy  (generated by scripts/make_malformed.py)\n")
        for name, outcome, why in cases:
            fh.write(f"{name}\t{outcome}\t{why}\n")
    print(f"{len(cases)} cases in {OUT}")


if __name__ == "__main__":
    main()
