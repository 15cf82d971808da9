#!/usr/bin/env python3
"""Write OFD (GB/T 33190-2016) samples of seed notices: samples/NNN.ofd.

Stdlib only and deterministic (fixed zip timestamps, sorted entries), so re-running it gives the
same bytes. The OFD XML is written directly, laid out the way a GB/T 9704 official document is:

- A4 (210 x 297 mm), text area 156 x 225 mm from (28, 37) mm;
- title in 方正小标宋简体 22 pt (7.76 mm), centred, wrapped at 20 characters;
- body in 仿宋_GB2312 16 pt (5.64 mm), 28 characters per line (5.571 mm per full-width
  character, half for ASCII), 22 lines per page (10.227 mm pitch), 2-em first-line indent;
  `一、` headings in 黑体; a `（一）` heading's lead phrase (to the first `。`) in 楷体_GB2312,
  the rest of its paragraph in 仿宋_GB2312 (two TextObjects on that line);
- signature organ and date right-aligned, two characters from the right edge;
- one template page shared by every page with the running header (the title, 宋体 10.5 pt, and
  a rule), and a template per page with its `— N —` page number (宋体 14 pt, odd pages right,
  even pages left, 7 mm under the text area);
- one TextObject per line with `Boundary`, `TextCode X/Y` and `DeltaX` (with the `g N d`
  repeat syntax for runs of equal advances);
- DocInfo (title, author, dates, creator) and, for the first seed, a signature whose seal
  (Seal.esl) is a minimal GB/T 38540 SES_Seal structure naming the organ. The signature value
  is a placeholder: the file is *marked* signed, it is not cryptographically signed.

The body is the seed's notice without site chrome and metadata lines: from the title line to
the end, dropping `来源:`/`发布日期:` lines and blank lines (tests/read_ofd.rs takes the same
lines from the seed as the reference).

Usage: python3 scripts/make_samples_ofd.py [SEEDS_DIR] [OUT_DIR]
"""

import os
import re
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
SEEDS = os.path.join(HERE, "..", "..", "shared", "seeds")
OUT = os.path.join(HERE, "..", "samples")

# seed prefix -> (first title line as written in the seed, number of title lines, signed?)
SEEDS_USED = {
    "000": ("中共广州市花都区空港经济管理委员会党组关于巡察整改进展情况的通报", 1, True),
    "003": ("中共郑州航空港经济综合实验区工作委员会", 2, False),
}

MM_PER_PT = 25.4 / 72
LEFT, TOP, TEXT_W, TEXT_H = 28.0, 37.0, 156.0, 225.0
PAGE_W, PAGE_H = 210.0, 297.0
BODY_SIZE = round(16 * MM_PER_PT, 3)  # 5.644
TITLE_SIZE = round(22 * MM_PER_PT, 3)  # 7.761
HEADER_SIZE = round(10.5 * MM_PER_PT, 3)
NUMBER_SIZE = round(14 * MM_PER_PT, 3)
CHARS_PER_LINE = 28
LINES_PER_PAGE = 22
EM = round(TEXT_W / CHARS_PER_LINE, 3)  # 5.571
PITCH = round(TEXT_H / LINES_PER_PAGE, 3)  # 10.227
TITLE_CHARS = 20

FONTS = {  # ID -> name
    "3": "方正小标宋简体",
    "4": "仿宋_GB2312",
    "5": "黑体",
    "6": "楷体_GB2312",
    "7": "宋体",
}
CHROME = re.compile(r"^(来源|发布日期)[:：]")
DATE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
HEADING1 = re.compile(r"^[一二三四五六七八九十]+、")
HEADING2 = re.compile(r"^[(（][一二三四五六七八九十]+[)）]")

NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'


def seed_body(path, first_title, title_lines):
    """The notice's lines: title lines, then paragraphs, chrome and blank lines dropped."""
    with open(path, encoding="utf-8") as f:
        lines = [l.strip() for l in f.read().split("\n")]
    start = lines.index(first_title)
    body = [l for l in lines[start:] if l and not CHROME.match(l)]
    return body[:title_lines], body[title_lines:]


def advance(ch, em):
    # ASCII and Latin are half an em; CJK, full-width forms and the general punctuation CJK
    # fonts set full width (“ ” — …) take a whole em.
    return em / 2 if ord(ch) < 0x2000 else em


def fmt(v):
    s = f"{v:.3f}".rstrip("0").rstrip(".")
    return s if s else "0"


def delta_x(text, em):
    """DeltaX for a run: one advance per gap, runs of 3+ equal values as `g N v`."""
    vals = [fmt(advance(c, em)) for c in text[:-1]]
    out, i = [], 0
    while i < len(vals):
        j = i
        while j < len(vals) and vals[j] == vals[i]:
            j += 1
        n = j - i
        out.append(f"g {n} {vals[i]}" if n >= 3 else " ".join(vals[i:j]))
        i = j
    return " ".join(out)


def width(text, em):
    return sum(advance(c, em) for c in text)


def wrap(text, first_indent_chars, em):
    """Break a paragraph into lines of at most TEXT_W mm; the first line is indented."""
    lines, cur, cur_w = [], "", first_indent_chars * em
    for ch in text:
        w = advance(ch, em)
        if cur and cur_w + w > TEXT_W + 0.01:
            lines.append(cur)
            cur, cur_w = "", 0.0
        cur += ch
        cur_w += w
    if cur:
        lines.append(cur)
    return lines


class Ids:
    def __init__(self):
        self.n = 100

    def next(self):
        self.n += 1
        return self.n


def text_object(ids, font, size, x, top, height, text, em, color=None):
    baseline = round(height / 2 + size * 0.38, 3)
    w = width(text, em)
    fill = f'<ofd:FillColor Value="{color}"/>' if color else ""
    dx = delta_x(text, em)
    dx_attr = f' DeltaX="{dx}"' if dx else ""
    return (
        f'<ofd:TextObject ID="{ids.next()}" Font="{font}" Size="{fmt(size)}" '
        f'Boundary="{fmt(x)} {fmt(top)} {fmt(w)} {fmt(height)}">{fill}'
        f'<ofd:TextCode X="0" Y="{fmt(baseline)}"{dx_attr}>{esc(text)}</ofd:TextCode>'
        f"</ofd:TextObject>"
    )


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def layout(title_lines, paras):
    """Lay the notice out: a list of pages, each a list of (font, size, x, top, text, em)."""
    pages, page, line_no = [], [], 0

    def put(font, size, x, text, em, pitch=PITCH):
        nonlocal page, line_no
        if line_no >= LINES_PER_PAGE:
            pages.append(page)
            page, line_no = [], 0
        page.append((font, size, x, TOP + line_no * PITCH, pitch, text, em))
        line_no += 1

    title = "".join(title_lines)
    if len(title_lines) == 1 and len(title) > TITLE_CHARS:
        # Break a long title into balanced lines, as typesetters do.
        n = -(-len(title) // TITLE_CHARS)
        per = -(-len(title) // n)
        title_lines = [title[i : i + per] for i in range(0, len(title), per)]
    for t in title_lines:
        x = LEFT + (TEXT_W - width(t, TITLE_SIZE)) / 2
        put("3", TITLE_SIZE, x, t, TITLE_SIZE)
    line_no += 1  # one blank line under the title

    sig_start = len(paras)
    if len(paras) >= 2 and DATE.match(paras[-1]):
        sig_start = len(paras) - 2
    for p in paras[:sig_start]:
        # (font, number of leading characters in that font); the rest is body font.
        if HEADING1.match(p):
            lead = ("5", len(p))
        elif HEADING2.match(p):
            end = p.find("。")
            lead = ("6", end + 1 if end >= 0 else len(p))
        else:
            lead = ("4", 0)
        offset = 0
        for i, l in enumerate(wrap(p, 2, EM)):
            x = LEFT + (2 * EM if i == 0 else 0)
            cut = max(0, min(len(l), lead[1] - offset))
            if cut:
                put(lead[0], BODY_SIZE, x, l[:cut], EM)
            if cut < len(l):
                if cut:
                    line_no -= 1  # the rest of the same line
                put("4", BODY_SIZE, x + width(l[:cut], EM), l[cut:], EM)
            offset += len(l)
    if sig_start < len(paras):
        line_no += 2  # room for the seal
        for p in paras[sig_start:]:
            x = LEFT + TEXT_W - 2 * EM - width(p, EM)
            put("4", BODY_SIZE, x, p, EM)
    pages.append(page)
    return pages, title


def content_xml(ids, lines, templates):
    objs = "".join(
        text_object(ids, f, s, x, top, h, t, em) for (f, s, x, top, h, t, em) in lines
    )
    tpl = "".join(f'<ofd:Template TemplateID="{t}" ZOrder="Background"/>' for t in templates)
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Page {NS}>{tpl}'
        f'<ofd:Content><ofd:Layer ID="{ids.next()}" Type="Body">{objs}</ofd:Layer>'
        f"</ofd:Content></ofd:Page>"
    )


def header_template(ids, title):
    t = text_object(ids, "7", HEADER_SIZE, LEFT, 22.0, 6.0, title, HEADER_SIZE)
    rule = (
        f'<ofd:PathObject ID="{ids.next()}" Boundary="{fmt(LEFT)} 29 {fmt(TEXT_W)} 0.5" '
        f'LineWidth="0.35"><ofd:AbbreviatedData>M 0 0.25 L {fmt(TEXT_W)} 0.25'
        f"</ofd:AbbreviatedData></ofd:PathObject>"
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Page {NS}><ofd:Content>'
        f'<ofd:Layer ID="{ids.next()}">{t}{rule}</ofd:Layer></ofd:Content></ofd:Page>'
    )


def number_template(ids, n):
    text = f"— {n} —"
    w = width(text, NUMBER_SIZE)
    # GB/T 9704: odd page numbers sit right, even left, one character in from the edge.
    x = LEFT + TEXT_W - EM - w if n % 2 else LEFT + EM
    t = text_object(ids, "7", NUMBER_SIZE, x, TOP + TEXT_H + 4.0, 7.0, text, NUMBER_SIZE)
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Page {NS}><ofd:Content>'
        f'<ofd:Layer ID="{ids.next()}">{t}</ofd:Layer></ofd:Content></ofd:Page>'
    )


def der(tag, body):
    n = len(body)
    if n < 0x80:
        head = bytes([tag, n])
    elif n < 0x100:
        head = bytes([tag, 0x81, n])
    else:
        head = bytes([tag, 0x82]) + n.to_bytes(2, "big")
    return head + body


def seal(name):
    """A minimal SES_Seal: SES_SealInfo{SES_Header{ID "ES", version 4, Vid}, esID, property{type, name}}."""
    header = der(0x30, der(0x16, b"ES") + der(0x02, b"\x04") + der(0x16, b"gongwen-sample"))
    prop = der(0x30, der(0x02, b"\x01") + der(0x0C, name.encode("utf-8")))
    info = der(0x30, header + der(0x16, b"sample-0001") + prop)
    return der(0x30, info)


def iso(date_text):
    m = re.match(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日", date_text)
    return f"{int(m.group(1)):04}-{int(m.group(2)):02}-{int(m.group(3)):02}" if m else None


def build(prefix, seed_path, out_path):
    first_title, title_lines_n, signed = SEEDS_USED[prefix]
    title_lines, paras = seed_body(seed_path, first_title, title_lines_n)
    pages, title = layout(title_lines, paras)
    organ = paras[-2] if len(paras) >= 2 and DATE.match(paras[-1]) else None
    date = iso(paras[-1]) if organ else None
    ids = Ids()
    parts = {}
    header_id = ids.next()
    tpl_decl = [f'<ofd:TemplatePage ID="{header_id}" BaseLoc="Tpls/Tpl_0/Content.xml"/>']
    parts["Doc_0/Tpls/Tpl_0/Content.xml"] = header_template(ids, title)
    page_decl, page_ids = [], []
    for i, lines in enumerate(pages):
        n = i + 1
        num_id = ids.next()
        tpl_decl.append(f'<ofd:TemplatePage ID="{num_id}" BaseLoc="Tpls/Tpl_{n}/Content.xml"/>')
        parts[f"Doc_0/Tpls/Tpl_{n}/Content.xml"] = number_template(ids, n)
        page_id = ids.next()
        page_ids.append(page_id)
        page_decl.append(f'<ofd:Page ID="{page_id}" BaseLoc="Pages/Page_{i}/Content.xml"/>')
        parts[f"Doc_0/Pages/Page_{i}/Content.xml"] = content_xml(ids, lines, [header_id, num_id])
    fonts = "".join(
        f'<ofd:Font ID="{i}" FontName="{name}" FamilyName="{name}"/>' for i, name in FONTS.items()
    )
    parts["Doc_0/PublicRes.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Res {NS} BaseLoc="Res">'
        f"<ofd:Fonts>{fonts}</ofd:Fonts></ofd:Res>"
    )
    parts["Doc_0/Document.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Document {NS}><ofd:CommonData>'
        f"<ofd:MaxUnitID>{ids.n + 1}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>"
        f"0 0 {fmt(PAGE_W)} {fmt(PAGE_H)}</ofd:PhysicalBox></ofd:PageArea>"
        f"<ofd:PublicRes>PublicRes.xml</ofd:PublicRes>{''.join(tpl_decl)}</ofd:CommonData>"
        f"<ofd:Pages>{''.join(page_decl)}</ofd:Pages></ofd:Document>"
    )
    sig_ref = ""
    if signed and organ:
        sig_ref = "<ofd:Signatures>/Doc_0/Signs/Signatures.xml</ofd:Signatures>"
        parts["Doc_0/Signs/Signatures.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Signatures {NS}>'
            f'<ofd:MaxSignId>1</ofd:MaxSignId><ofd:Signature ID="1" Type="Seal" '
            f'BaseLoc="Sign_0/Signature.xml"/></ofd:Signatures>'
        )
        last = page_ids[-1]
        parts["Doc_0/Signs/Sign_0/Signature.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Signature {NS}><ofd:SignedInfo>'
            f'<ofd:Provider ProviderName="gongwen sample generator" Version="1" Company="gongwen"/>'
            f"<ofd:SignatureMethod>1.2.156.10197.1.501</ofd:SignatureMethod>"
            f"<ofd:SignatureDateTime>{date.replace('-', '')}090000Z</ofd:SignatureDateTime>"
            f'<ofd:StampAnnot ID="1" PageRef="{last}" Boundary="130 200 42 42"/>'
            f"<ofd:Seal><ofd:BaseLoc>Seal.esl</ofd:BaseLoc></ofd:Seal></ofd:SignedInfo>"
            f"<ofd:SignedValue>SignedValue.dat</ofd:SignedValue></ofd:Signature>"
        )
        parts["Doc_0/Signs/Sign_0/Seal.esl"] = seal(organ)
        parts["Doc_0/Signs/Sign_0/SignedValue.dat"] = b"placeholder: not a real signature\n"
    info = (
        f"<ofd:DocID>gongwen-sample-{prefix}</ofd:DocID><ofd:Title>{esc(title)}</ofd:Title>"
        + (f"<ofd:Author>{esc(organ)}</ofd:Author>" if organ else "")
        + (f"<ofd:CreationDate>{date}</ofd:CreationDate>" if date else "")
        + "<ofd:Creator>gongwen make_samples_ofd.py</ofd:Creator>"
        + "<ofd:CreatorVersion>1.0</ofd:CreatorVersion>"
    )
    parts["OFD.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:OFD {NS} Version="1.0" DocType="OFD">'
        f"<ofd:DocBody><ofd:DocInfo>{info}</ofd:DocInfo>"
        f"<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>{sig_ref}</ofd:DocBody></ofd:OFD>"
    )
    with zipfile.ZipFile(out_path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name in ["OFD.xml"] + sorted(k for k in parts if k != "OFD.xml"):
            data = parts[name]
            if isinstance(data, str):
                data = data.encode("utf-8")
            zi = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return len(pages)


def main():
    seeds = sys.argv[1] if len(sys.argv) > 1 else SEEDS
    out = sys.argv[2] if len(sys.argv) > 2 else OUT
    os.makedirs(out, exist_ok=True)
    for prefix in sorted(SEEDS_USED):
        seed = next(
            os.path.join(seeds, f) for f in sorted(os.listdir(seeds)) if f.startswith(prefix)
        )
        path = os.path.join(out, f"{prefix}.ofd")
        n = build(prefix, seed, path)
        print(f"{path}: {n} pages")


if __name__ == "__main__":
    main()
