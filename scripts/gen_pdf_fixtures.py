#!/usr/bin/env python3
"""Write the small hand-made PDFs of tests/fixtures/pdf/ (the PDF reader's hard cases).

Every file is written object by object with a correct xref table unless the case is about a
broken one. The encrypted ones need qpdf (`apt-get install qpdf`).

Usage: python3 scripts/gen_pdf_fixtures.py
"""
import os
import subprocess
import zlib

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "pdf")


def utf16(s):
    return "<FEFF" + s.encode("utf-16-be").hex().upper() + ">"


def stream(body, compress=True):
    data = body.encode("latin-1") if isinstance(body, str) else body
    if compress:
        data = zlib.compress(data)
        return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def pdf(objects, root=1, info=None, startxref_delta=0):
    """objects: {num: bytes or str}; returns the file bytes."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(objects):
        body = objects[num]
        if isinstance(body, str):
            body = body.encode("latin-1")
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + body + b"\nendobj\n"
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for n in range(1, size):
        if n in offsets:
            out += b"%010d 00000 n \n" % offsets[n]
        else:
            out += b"0000000000 65535 f \n"
    trailer = "<< /Size %d /Root %d 0 R" % (size, root)
    if info:
        trailer += " /Info %d 0 R" % info
    trailer += " >>"
    out += b"trailer\n" + trailer.encode() + b"\nstartxref\n%d\n%%%%EOF\n" % (xref + startxref_delta)
    return bytes(out)


TOUNICODE = """/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CMapName /Test-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
2 beginbfchar
<0001> <4E2D>
<0002> <6587>
endbfchar
1 beginbfrange
<0003> <0004> <0041>
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end
"""


def identity_h():
    """Type0 Identity-H font with a ToUnicode CMap: 中文 then AB, then a Latin line in Helvetica."""
    content = (
        "BT /F1 24 Tf 72 700 Td <00010002> Tj [<0003> -200 <0004>] TJ ET\n"
        "BT /F2 12 Tf 1 0 0 1 72 650 Tm (Hello World) Tj ET\n"
    )
    objs = {
        1: "<< /Type /Catalog /Pages 2 0 R >>",
        2: "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
           "/Resources << /Font << /F1 5 0 R /F2 9 0 R >> >> >>",
        4: stream(content),
        5: "<< /Type /Font /Subtype /Type0 /BaseFont /TestCJK /Encoding /Identity-H "
           "/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        6: "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestCJK "
           "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
           "/DW 1000 /W [3 [600 600]] >>",
        7: stream(TOUNICODE),
        8: "<< /Title %s /Author (Test Author) /Producer (gen_pdf_fixtures.py) "
           "/CreationDate (D:20240102030405+08'00') >>" % utf16("测试标题"),
        9: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    }
    return pdf(objs, info=8)


def form_loop():
    """Form XObjects that draw each other (X1 → X2 → X1) and one that draws itself."""
    objs = {
        1: "<< /Type /Catalog /Pages 2 0 R >>",
        2: "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
           "/Resources 8 0 R >>",
        4: stream("/X1 Do /X3 Do"),
        5: "<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources 8 0 R "
           "/Length 48 >>\nstream\nBT /F1 12 Tf 72 700 Td (Loop) Tj ET /X2 Do\n   \nendstream",
        6: "<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources 8 0 R "
           "/Length 6 >>\nstream\n/X1 Do\nendstream",
        7: "<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources 8 0 R "
           "/Matrix [1 0 0 1 0 -10] /Length 46 >>\nstream\nBT /F1 12 Tf 72 600 Td (Self) Tj ET /X3 Do\nendstream",
        8: "<< /Font << /F1 9 0 R >> /XObject << /X1 5 0 R /X2 6 0 R /X3 7 0 R >> >>",
        9: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    }
    return pdf(objs)


def image_only():
    """Two pages: page 1 has text, page 2 only an image (a scan)."""
    img = zlib.compress(bytes([0x80] * 16))
    objs = {
        1: "<< /Type /Catalog /Pages 2 0 R >>",
        2: "<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 /MediaBox [0 0 595 842] >>",
        3: "<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /Font << /F1 8 0 R >> >> >>",
        4: stream("BT /F1 12 Tf 72 700 Td (Text page) Tj ET"),
        5: "<< /Type /Page /Parent 2 0 R /Contents 6 0 R /Resources << /XObject << /Im1 7 0 R >> >> >>",
        6: stream("q 500 0 0 700 40 70 cm /Im1 Do Q"),
        7: b"<< /Type /XObject /Subtype /Image /Width 4 /Height 4 /ColorSpace /DeviceGray "
           b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % len(img) + img + b"\nendstream",
        8: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    }
    return pdf(objs)


def kids_cycle():
    """A page tree whose /Kids contains the tree itself."""
    objs = {
        1: "<< /Type /Catalog /Pages 2 0 R >>",
        2: "<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>",
        3: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
           "/Resources << /Font << /F1 5 0 R >> >> >>",
        4: stream("BT /F1 12 Tf 72 700 Td (Once) Tj ET"),
        5: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    }
    return pdf(objs)


def gbk_simple():
    """A non-embedded WinAnsi TrueType font named 宋体 (in GBK) drawing GBK byte pairs, the way
    old Chinese producers wrote them."""
    name = "".join("#%02X" % b for b in "宋体".encode("gbk"))
    text = "关于印发通知".encode("gbk").hex().upper()
    objs = {
        1: "<< /Type /Catalog /Pages 2 0 R >>",
        2: "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
           "/Resources << /Font << /F1 5 0 R >> >> >>",
        4: stream("BT /F1 16 Tf 72 700 Td <%s> Tj ET" % text),
        5: "<< /Type /Font /Subtype /TrueType /BaseFont /%s /Encoding /WinAnsiEncoding "
           "/FirstChar 32 /LastChar 255 /Widths [%s] /FontDescriptor 6 0 R >>" % (name, " ".join(["500"] * 224)),
        6: "<< /Type /FontDescriptor /FontName /%s /Flags 32 /FontBBox [0 0 1000 1000] "
           "/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>" % name,
    }
    return pdf(objs)


def actual_text():
    """Marked content with /ActualText: the drawn glyph X means 中; Y has no replacement."""
    content = (
        "/Span << /ActualText <FEFF4E2D> >> BDC BT /F1 12 Tf 72 700 Td (X) Tj ET EMC\n"
        "/P << /MCID 0 >> BDC BT /F1 12 Tf 100 700 Td (Y) Tj ET EMC\n"
    )
    objs = {
        1: "<< /Type /Catalog /Pages 2 0 R >>",
        2: "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
           "/Resources << /Font << /F1 5 0 R >> >> >>",
        4: stream(content),
        5: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    }
    return pdf(objs)


def form_fanout():
    """Form n draws form n+1 ten times, eight levels deep: 10^8 draws unless bounded."""
    objs = {
        1: "<< /Type /Catalog /Pages 2 0 R >>",
        2: "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources 5 0 R >>",
        4: stream("/X0 Do"),
    }
    xobjects = " ".join("/X%d %d 0 R" % (i, 10 + i) for i in range(9))
    objs[5] = "<< /Font << /F1 6 0 R >> /XObject << %s >> >>" % xobjects
    objs[6] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    for i in range(9):
        body = ("/X%d Do " % (i + 1)) * 10 if i < 8 else "BT /F1 12 Tf 72 700 Td (leaf) Tj ET"
        objs[10 + i] = ("<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources 5 0 R "
                        "/Length %d >>\nstream\n%s\nendstream" % (len(body), body))
    return pdf(objs)


def ucs2(text):
    return "<%s>" % text.encode("utf-16-be").hex().upper()


def stsong(num, style=""):
    """Objects num.. for a non-embedded STSong-Light (UniGB-UCS2-H) Type0 font, the way
    reportlab writes it; `style` (",Bold") goes into the name as Acrobat writes synthesized
    styles."""
    return {
        num: "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light%s-UniGB-UCS2-H "
             "/Encoding /UniGB-UCS2-H /DescendantFonts [%d 0 R] >>" % (style, num + 1),
        num + 1: "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light%s "
                 "/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> "
                 "/FontDescriptor %d 0 R /DW 1000 >>" % (style, num + 2),
        num + 2: "<< /Type /FontDescriptor /FontName /STSong-Light%s /Flags 6 "
                 "/FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 "
                 "/CapHeight 880 /StemV 93 >>" % style,
    }


def red_header():
    """A red-header 公文 page: the 发文机关标志 in red (`1 0 0 rg`, drawn by a form XObject that
    inherits the colour) in a `,Bold` font, a red rule, the 文号, a fake-bold title (render
    mode 2), a body paragraph with two words in CMYK red, and the signature."""
    def line(font, size, x, y, text, before=""):
        return "BT %s/%s %g Tf %g %g Td %s Tj ET\n" % (before, font, size, x, y, ucs2(text))

    def centred(font, size, y, text, before=""):
        return line(font, size, (595 - size * len(text)) / 2, y, text, before)

    body = "为进一步加强安全生产工作，切实防范各类事故发生，市政府决定在全市范围内开展安全检查。"
    content = (
        "q 1 0 0 rg /Mark Do Q\n"
        "q 0.93 0.13 0.15 rg 80 690 435 2 re f Q\n"
        + centred("F1", 16, 710, "某府发〔2024〕1号")
        + centred("F1", 22, 640, "关于开展安全检查的通知", "2 Tr ")
        + line("F1", 16, 80, 590, "各区人民政府：", "0 Tr ")
        # 28 characters a line; the second and third words of the paragraph are in CMYK red.
        + "BT /F1 16 Tf 112 560 Td %s Tj 0 1 1 0 k %s Tj 0 g %s Tj ET\n"
        % (ucs2(body[:3]), ucs2(body[3:7]), ucs2(body[7:26]))
        + line("F1", 16, 80, 532, body[26:])
        + line("F1", 16, 403, 470, "某某市人民政府")
        + line("F1", 16, 387, 442, "2024年1月2日")
    )
    mark = centred("F2", 36, 760, "某某市人民政府")
    objs = {
        1: "<< /Type /Catalog /Pages 2 0 R >>",
        2: "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
           "/Resources << /Font << /F1 10 0 R /F2 20 0 R >> /XObject << /Mark 5 0 R >> >> >>",
        4: stream(content),
        5: "<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] "
           "/Resources << /Font << /F2 20 0 R >> >> /Length %d >>\nstream\n%s\nendstream"
           % (len(mark), mark),
    }
    objs.update(stsong(10))
    objs.update(stsong(20, ",Bold"))
    return pdf(objs)


def sealed():
    """A 公文 page whose signature carries a red seal, as stamped by e-seal tools and WordArt
    seals: the organ's name set around a ring, one glyph per `Tm` turned to follow the circle
    (red, `0.9 0.1 0.1 rg`), and a red `★` in the middle, drawn over `某某市人民政府` and the
    date. The seal's text must be neither body nor signature."""
    import math

    def line(size, x, y, text):
        return "BT /F1 %g Tf %g %g Td %s Tj ET\n" % (size, x, y, ucs2(text))

    body = "为进一步加强安全生产工作，切实防范各类事故发生，市政府决定在全市范围内开展安全检查。"
    content = (
        line(22, (595 - 22 * 11) / 2, 700, "关于开展安全检查的通知")
        + line(16, 80, 640, "各区人民政府：")
        + line(16, 112, 610, body[:26])
        + line(16, 80, 582, body[26:])
        + line(16, 403, 470, "某某市人民政府")
        + line(16, 387, 442, "2024年1月2日")
    )
    ring = "某某市人民政府办公室"
    cx, cy, r, size = 459.0, 462.0, 42.0, 13.0
    seal = "q 0.9 0.1 0.1 rg\n"
    for i, ch in enumerate(ring):
        phi = math.radians(200 - i * 220 / (len(ring) - 1))
        theta = phi - math.pi / 2
        c, s_ = math.cos(theta), math.sin(theta)
        x = cx + r * math.cos(phi) - size / 2 * c
        y = cy + r * math.sin(phi) - size / 2 * s_
        seal += "BT /F1 %g Tf %.4f %.4f %.4f %.4f %.2f %.2f Tm %s Tj ET\n" % (
            size, c, s_, -s_, c, x, y, ucs2(ch))
    seal += line(20, cx - 10, cy - 8, "★") + "Q\n"
    objs = {
        1: "<< /Type /Catalog /Pages 2 0 R >>",
        2: "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
           "/Resources << /Font << /F1 10 0 R >> >> >>",
        4: stream(content + seal),
    }
    objs.update(stsong(10))
    return pdf(objs)


# ToUnicode CMaps written wrongly, one per font, each seen in real producers' output; every one
# must still give its line (issue 16, item 10). Codes are Identity-H pairs 0x0101, 0x0102, ….
SLOPPY_CMAPS = {
    # A ToUnicode written with CID sections: the "CIDs" are code points (MuPDF reads them so).
    "cidrange": (
        "关于开展",
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        "1 begincidrange <0101> <0101> 20851 endcidrange\n"
        "3 begincidchar <0102> 20110 <0103> 24320 <0104> 23637 endcidchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end\n",
    ),
    # No endbfchar, no endcmap, tokens run together, CR-only line ends, tabs.
    "no_end": (
        "巡察整改",
        "begincmap\r1 begincodespacerange<0000><FFFF>endcodespacerange\r"
        "4 beginbfchar<0101><5DE1>\r<0102>\t<5BDF>\r<0103><6574>\r<0104><6539>\r",
    ),
    # Hex with spaces inside and odd digit counts, literal strings as source and destination.
    "odd_hex": (
        "工作方案",
        "begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        "4 beginbfchar < 01 01 > <5DE5> <102> <4F5C> (\\001\\003) (\\145\\271) <0104> < 6 848 >\n"
        "endbfchar endcmap\n",
    ),
    # bfrange with an array destination (one entry a name, which takes its slot), and a
    # surrogate pair as a range start.
    "arrays": (
        "通知\U00020000\U00020001",
        "begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        "2 beginbfrange <0101> <0102> [<901A> <77E5>] <0103> <0104> <D840DC00> endbfrange\n"
        "endcmap\n",
    ),
    # A range crossing the last byte of the code (0x01FF–0x0201), which the specification
    # forbids and readers accept; a bfchar after it overrides nothing.
    "crossing": (
        "三上下不",
        "begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        "1 beginbfrange <01FF> <0201> <4E09> endbfrange 1 beginbfchar <0202> <4E0D> endbfchar\n"
        "endcmap\n",
    ),
}


def sloppy_tounicode():
    """One Type0 Identity-H font per entry of SLOPPY_CMAPS, each drawing its line."""
    fonts, objs, lines = [], {}, []
    num = 10
    for i, (name, (text, cmap)) in enumerate(SLOPPY_CMAPS.items()):
        first = 0x01FF if name == "crossing" else 0x0101
        codes = "".join("%04X" % (first + k) for k in range(len(text)))
        lines.append("BT /F%d 20 Tf 72 %d Td <%s> Tj ET" % (i + 1, 760 - 40 * i, codes))
        fonts.append("/F%d %d 0 R" % (i + 1, num))
        objs[num] = ("<< /Type /Font /Subtype /Type0 /BaseFont /Sloppy%s /Encoding /Identity-H "
                     "/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (name, num + 1, num + 2))
        objs[num + 1] = ("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Sloppy%s "
                         "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                         "/DW 1000 >>" % name)
        objs[num + 2] = stream(cmap.encode("latin-1"))
        num += 3
    objs[1] = "<< /Type /Catalog /Pages 2 0 R >>"
    objs[2] = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
    objs[3] = ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
               "/Resources << /Font << %s >> >> >>" % " ".join(fonts))
    objs[4] = stream("\n".join(lines) + "\n")
    return pdf(objs)


# ---- scanned pages with an invisible OCR text layer (issue 16, item 11) ----

SEEDS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "seeds")
# Confusions of a bad OCR on a poor scan: similar shapes and dropped strokes (己→已, 察→蔡,
# 整→螫, 组→纽, 进→迸), characters split into their parts (明→日月), strokes read as Latin or
# marks (一→-, 口→O), stray marks and letters, spaces inside words.
SIMILAR = dict(zip("己已未末土士人入日曰天大太王贝问准察整改巡会部工党委区员领导组织关干千于午牛田自目言情况进展通报设施办理",
                   "已巳末未士土入八曰日夭太犬玉见间淮蔡螫攻迎合郜丁觉季匹贝顿异纽识荚千干干牛午由白日吉清兄迸屐诵拫没旅办里"))
SPLIT = {"明": "日月", "好": "女子", "林": "木木", "加": "力口", "和": "禾口", "时": "日寸",
         "地": "土也", "理": "王里", "村": "木寸", "到": "至刂"}
LATIN = {"一": "-", "二": "=", "十": "+", "口": "O", "川": "lll", "卜": "F", "人": "A",
         "八": "/\\", "了": "J", "工": "I"}
JUNK = list("l1I|.,'`~:;i_")


def garble(text, rate, seed):
    """`text` with about `rate` of its characters misread; deterministic for a seed."""
    import random
    r = random.Random(seed)
    out = []
    for c in text:
        if c.isspace() or r.random() >= rate:
            out.append(c)
            continue
        y = r.random()
        if c in LATIN and y < 0.3:
            out.append(LATIN[c])
        elif c in SPLIT and y < 0.5:
            out.append(SPLIT[c])
        elif c in SIMILAR and y < 0.8:
            out.append(SIMILAR[c])
        elif y < 0.55:
            out.append(c + r.choice(JUNK))
        elif y < 0.7:
            out.append(r.choice(JUNK))
        elif y < 0.85:
            out.append(c + " ")
        else:
            out.append(c)
    return "".join(out)


def seed_paragraphs(prefix, count):
    """The first `count` long lines (paragraphs) of the seed named `prefix`_*.txt."""
    name = next(f for f in sorted(os.listdir(SEEDS)) if f.startswith(prefix))
    with open(os.path.join(SEEDS, name), encoding="utf-8") as f:
        lines = [l.strip() for l in f.read().split("\n")]
    return [l for l in lines if len(l) >= 40][:count]


def scanned_with_text_layer(pages_lines):
    """One page per entry: a page-size image (the scan) and, over it, each line of text drawn
    invisibly (`3 Tr`) in a Type0 font whose ToUnicode maps code N to the N-th character
    used, as OCR tools write their text layer."""
    chars = sorted({c for lines in pages_lines for l in lines for c in l})
    code = {c: i + 1 for i, c in enumerate(chars)}
    bf = "".join("<%04X> <%s>\n" % (code[c], c.encode("utf-16-be").hex().upper()) for c in chars)
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            "%d beginbfchar\n%sendbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end\n"
            % (len(chars), bf))
    img = zlib.compress(bytes([0xE0] * 16))
    n = len(pages_lines)
    objs = {
        1: "<< /Type /Catalog /Pages 2 0 R >>",
        2: "<< /Type /Pages /Kids [%s] /Count %d /MediaBox [0 0 595 842] >>"
           % (" ".join("%d 0 R" % (10 + 2 * i) for i in range(n)), n),
        3: "<< /Type /Font /Subtype /Type0 /BaseFont /GlyphLessFont /Encoding /Identity-H "
           "/DescendantFonts [4 0 R] /ToUnicode 5 0 R >>",
        4: "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /GlyphLessFont "
           "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 >>",
        5: stream(cmap.encode("latin-1")),
        6: b"<< /Type /XObject /Subtype /Image /Width 4 /Height 4 /ColorSpace /DeviceGray "
           b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % len(img) + img + b"\nendstream",
    }
    for i, lines in enumerate(pages_lines):
        ops = ["q 595 0 0 842 0 0 cm /Im1 Do Q", "BT 3 Tr /F1 10.5 Tf"]
        y = 780
        for line in lines:
            # One line of 36 characters per 16 pt, as the scan's text lines run.
            for k in range(0, len(line), 36):
                part = line[k:k + 36]
                hexcodes = "".join("%04X" % code[c] for c in part)
                ops.append("1 0 0 1 60 %d Tm <%s> Tj" % (y, hexcodes))
                y -= 16
        ops.append("ET")
        objs[10 + 2 * i] = ("<< /Type /Page /Parent 2 0 R /Contents %d 0 R /Resources << "
                            "/Font << /F1 3 0 R >> /XObject << /Im1 6 0 R >> >> >>" % (11 + 2 * i))
        objs[11 + 2 * i] = stream("\n".join(ops) + "\n")
    return pdf(objs)


def ocr_layers():
    """ocr_garbage.pdf: two scanned pages whose text layers are seed paragraphs with 30 % and
    35 % of the characters misread; ocr_clean.pdf: the same pages with the text read right."""
    if not os.path.isdir(SEEDS):
        print("no seeds at", SEEDS, "- ocr_*.pdf not written")
        return {}
    pages = [seed_paragraphs("000", 6), seed_paragraphs("003", 6)]
    garbled = [[garble(l, rate, seed=7 + i) for l in lines]
               for i, (lines, rate) in enumerate(zip(pages, (0.30, 0.35)))]
    return {"ocr_garbage.pdf": scanned_with_text_layer(garbled),
            "ocr_clean.pdf": scanned_with_text_layer(pages)}


def main():
    os.makedirs(OUT, exist_ok=True)
    files = {
        "identity_h_tounicode.pdf": identity_h(),
        "form_loop.pdf": form_loop(),
        "image_only.pdf": image_only(),
        "kids_cycle.pdf": kids_cycle(),
        "gbk_simple.pdf": gbk_simple(),
        "actual_text.pdf": actual_text(),
        "form_fanout.pdf": form_fanout(),
        "red_header.pdf": red_header(),
        "sealed.pdf": sealed(),
        "sloppy_tounicode.pdf": sloppy_tounicode(),
    }
    files.update(ocr_layers())
    good = files["identity_h_tounicode.pdf"]
    files["truncated.pdf"] = good[: len(good) * 6 // 10]
    files["xref_past_eof.pdf"] = identity_h_with_bad_startxref()
    for name, data in files.items():
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(data)
    src = os.path.join(OUT, "identity_h_tounicode.pdf")
    if os.environ.get("SKIP_ENCRYPTED"):
        return
    subprocess.run(["qpdf", "--encrypt", "secret", "owner", "256", "--", src,
                    os.path.join(OUT, "encrypted_password.pdf")], check=True)
    subprocess.run(["qpdf", "--encrypt", "", "owner", "128", "--use-aes=y", "--", src,
                    os.path.join(OUT, "encrypted_empty.pdf")], check=True)
    print("wrote", len(files) + 2, "files to", OUT)


def identity_h_with_bad_startxref():
    data = identity_h()
    head, _, _ = data.rpartition(b"startxref\n")
    return head + b"startxref\n%d\n%%%%EOF\n" % (len(data) + 5000)


if __name__ == "__main__":
    main()
