#!/usr/bin/env python3
"""Render seeds from ../shared/seeds as official-document DOCX samples (samples/NNN.docx).

Deterministic: fixed core-property dates and fixed zip entry timestamps, so re-running the
script gives byte-identical files. Styling follows GB/T 9704: 方正小标宋简体 title, 仿宋_GB2312
16 pt body, 黑体 level 1, 楷体_GB2312 level 2, with w:eastAsia fonts set.

  003.docx  headings use Word automatic numbering only (一、 / （一） / 1. live in
            numbering.xml, partly through heading styles); footer page number field.
  000.docx  the 政府信息公开 metadata as a table (gridSpan), then the notice with automatic
            一、/（一） numbering that runs past （三十二）; footer page number field.
  004.docx  red 发文机关标志, literal heading numbers, a running header and a footer
            `— PAGE —` field.

The seed's notice is used without the site chrome (breadcrumbs, 来源/日期 lines, print
buttons). The line ranges kept are listed in KEEP below; tests/read_docx.rs uses the same ones.

Usage: python3 scripts/make_samples_docx.py [SEEDS_DIR] [OUT_DIR]
"""
import datetime
import io
import re
import sys
import zipfile
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

ROOT = Path(__file__).resolve().parent.parent
SEEDS = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / ".." / "shared" / "seeds"
OUT = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "samples"
FIXED = datetime.datetime(2024, 1, 1, 9, 0, 0)

# Non-empty seed lines (after strip) kept as the notice: inclusive (first, last) index ranges,
# None = to the end. Mirrored in tests/read_docx.rs.
KEEP = {
    "003": [(1, 2), (4, None)],
    "000": [(8, 8), (10, None)],
    "004": [(0, None)],
}
# Lines of seed 000 that become the metadata table.
META_000 = (2, 6)

L1 = re.compile(r"^[一二三四五六七八九十]+、")
L2 = re.compile(r"^[(（][一二三四五六七八九十]+[)）]")
L3 = re.compile(r"^\d+(\.\s*)?(?=关于)")


def seed_lines(prefix):
    path = next(SEEDS.glob(prefix + "_*.txt"))
    return [l.strip() for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]


def kept(lines, ranges):
    out = []
    for a, b in ranges:
        out.extend(lines[a : (b + 1 if b is not None else len(lines))])
    return out


def set_font(target, name, size=None, bold=None, color=None):
    """Set ASCII and East Asian fonts on a style or run (rPr/rFonts w:eastAsia)."""
    font = target.font
    font.name = name
    if size:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    if color:
        font.color.rgb = RGBColor.from_string(color)
    rpr = target.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for theme in ("w:asciiTheme", "w:eastAsiaTheme", "w:hAnsiTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        fonts.set(qn(attr), name)


def base_document():
    d = docx.Document()
    normal = d.styles["Normal"]
    set_font(normal, "仿宋_GB2312", 16)
    normal.paragraph_format.first_line_indent = Pt(32)
    normal.paragraph_format.space_after = Pt(0)
    for name, font in (("Heading 1", "黑体"), ("Heading 2", "楷体_GB2312")):
        st = d.styles[name]
        set_font(st, font, 16, bold=False, color="000000")
        st.paragraph_format.first_line_indent = Pt(32)
        st.paragraph_format.space_before = Pt(0)
    cp = d.core_properties
    cp.author = "gongwen samples"
    cp.last_modified_by = "gongwen samples"
    cp.created = FIXED
    cp.modified = FIXED
    cp.last_printed = FIXED
    cp.revision = 1
    return d


def title(d, text, size=22, color=None):
    p = d.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.first_line_indent = Pt(0)
    set_font(p.add_run(text), "方正小标宋简体", size, color=color)
    return p


def closing(d, text):
    p = d.add_paragraph(text)
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return p


def num_pr(p_or_style_el, num_id, ilvl):
    ppr = p_or_style_el.get_or_add_pPr()
    np_ = OxmlElement("w:numPr")
    il = OxmlElement("w:ilvl")
    il.set(qn("w:val"), str(ilvl))
    ni = OxmlElement("w:numId")
    ni.set(qn("w:val"), str(num_id))
    np_.append(il)
    np_.append(ni)
    # numPr goes after pStyle/keepNext… but before spacing/ind/jc; first child after pStyle is fine.
    pstyle = ppr.find(qn("w:pStyle"))
    if pstyle is not None:
        pstyle.addnext(np_)
    else:
        ppr.insert(0, np_)


def add_list(d, abs_id, num_id, levels):
    """levels: (numFmt, lvlText, suff, lvlRestart or None) per ilvl."""
    numbering = d.part.numbering_part.element
    a = OxmlElement("w:abstractNum")
    a.set(qn("w:abstractNumId"), str(abs_id))
    for i, (fmt, text, suff, restart) in enumerate(levels):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(i))
        for tag, val in (("w:start", "1"), ("w:numFmt", fmt)):
            e = OxmlElement(tag)
            e.set(qn("w:val"), val)
            lvl.append(e)
        if restart is not None:
            e = OxmlElement("w:lvlRestart")
            e.set(qn("w:val"), str(restart))
            lvl.append(e)
        if suff:
            e = OxmlElement("w:suff")
            e.set(qn("w:val"), suff)
            lvl.append(e)
        e = OxmlElement("w:lvlText")
        e.set(qn("w:val"), text)
        lvl.append(e)
        e = OxmlElement("w:lvlJc")
        e.set(qn("w:val"), "left")
        lvl.append(e)
        a.append(lvl)
    # abstractNum elements must precede num elements.
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(a)
    else:
        numbering.append(a)
    n = OxmlElement("w:num")
    n.set(qn("w:numId"), str(num_id))
    an = OxmlElement("w:abstractNumId")
    an.set(qn("w:val"), str(abs_id))
    n.append(an)
    numbering.append(n)


def field(paragraph, instr):
    """A complex field: begin, instrText, separate, a placeholder result, end."""
    def fld(kind):
        r = paragraph.add_run()
        c = OxmlElement("w:fldChar")
        c.set(qn("w:fldCharType"), kind)
        r._r.append(c)

    fld("begin")
    r = paragraph.add_run()
    t = OxmlElement("w:instrText")
    t.set(qn("xml:space"), "preserve")
    t.text = f" {instr} "
    r._r.append(t)
    fld("separate")
    paragraph.add_run("1")
    fld("end")


def page_footer(d):
    p = d.sections[0].footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.first_line_indent = Pt(0)
    p.add_run("— ")
    field(p, "PAGE")
    p.add_run(" —")


def lead_run_in(d, text, lead_font):
    """A paragraph whose lead phrase (up to the first 。) is set in another font."""
    p = d.add_paragraph()
    cut = text.find("。")
    if 0 < cut < len(text) - 1:
        set_font(p.add_run(text[: cut + 1]), lead_font)
        p.add_run(text[cut + 1 :])
    else:
        p.add_run(text)
    return p


def sample_003():
    lines = kept(seed_lines("003"), KEEP["003"])
    d = base_document()
    # 一、 / （一） / 1. — level 3 (decimal) only restarts after level 1, as in the seed.
    add_list(d, 90, 90, [
        ("chineseCounting", "%1、", "nothing", None),
        ("chineseCounting", "（%2）", "nothing", None),
        ("decimal", "%3.", None, 1),
    ])
    # Level 1 and standalone level 2 get their numbering from the heading styles.
    num_pr(d.styles["Heading 1"].element, 90, 0)
    num_pr(d.styles["Heading 2"].element, 90, 1)
    d.core_properties.title = lines[0] + lines[1]
    title(d, lines[0])
    title(d, lines[1])
    body = lines[2:-2]
    for line in body:
        if L1.match(line):
            d.add_paragraph(L1.sub("", line), style="Heading 1")
        elif L2.match(line):
            text = L2.sub("", line)
            if "。" in text:
                p = lead_run_in(d, text, "楷体_GB2312")
                num_pr(p._p, 90, 1)
            else:
                d.add_paragraph(text, style="Heading 2")
        elif L3.match(line):
            p = d.add_paragraph(L3.sub("", line))
            num_pr(p._p, 90, 2)
        else:
            d.add_paragraph(line)
    for line in lines[-2:]:
        closing(d, line)
    page_footer(d)
    return d


def label_pairs(line):
    """`索引号: X 分类: Y` → [(索引号, X), (分类, Y)]; a label is a token ending in `:`."""
    pairs = []
    for tok in line.split():
        if tok.endswith(":"):
            pairs.append((tok[:-1], ""))
        elif pairs:
            k, v = pairs[-1]
            pairs[-1] = (k, (v + " " + tok).strip())
    return pairs


def sample_000():
    all_lines = seed_lines("000")
    lines = kept(all_lines, KEEP["000"])
    d = base_document()
    add_list(d, 91, 91, [
        ("chineseCounting", "%1、", "nothing", None),
        ("chineseCounting", "（%2）", "nothing", None),
    ])
    d.core_properties.title = lines[0]
    d.core_properties.keywords = "巡察, 整改"
    # The 政府信息公开 table: label/value pairs; a lone pair spans the remaining columns.
    meta = all_lines[META_000[0] : META_000[1] + 1]
    table = d.add_table(rows=0, cols=4)
    table.style = "Table Grid"
    for line in meta:
        pairs = label_pairs(line)
        cells = table.add_row().cells
        if len(pairs) == 1:
            cells[0].text = pairs[0][0]
            cells[1].merge(cells[3]).text = pairs[0][1]
        else:
            for i, (k, v) in enumerate(pairs[:2]):
                cells[2 * i].text = k
                cells[2 * i + 1].text = v
    title(d, lines[0])
    for line in lines[1:-2]:
        if L1.match(line):
            p = d.add_paragraph(L1.sub("", line), style="Heading 1")
            num_pr(p._p, 91, 0)
        elif L2.match(line):
            p = lead_run_in(d, L2.sub("", line), "楷体_GB2312")
            num_pr(p._p, 91, 1)
        else:
            d.add_paragraph(line)
    for line in lines[-2:]:
        closing(d, line)
    page_footer(d)
    return d


def sample_004():
    lines = kept(seed_lines("004"), KEEP["004"])
    d = base_document()
    d.core_properties.title = lines[1]
    title(d, lines[0], size=26, color="FF0000")
    title(d, lines[1])
    for line in lines[2:-2]:
        if L1.match(line):
            d.add_paragraph(line, style="Heading 1")
        else:
            d.add_paragraph(line)
    for line in lines[-2:]:
        closing(d, line)
    header = d.sections[0].header.paragraphs[0]
    header.text = "巡察整改工作专报"
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    page_footer(d)
    return d


def save_deterministic(d, path):
    """Save, then rewrite the zip with fixed entry timestamps and order."""
    buf = io.BytesIO()
    d.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, src.read(info.filename))
    path.write_bytes(out.getvalue())


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for name, make in (("003", sample_003), ("000", sample_000), ("004", sample_004)):
        path = OUT / f"{name}.docx"
        save_deterministic(make(), path)
        print(path)


if __name__ == "__main__":
    main()
