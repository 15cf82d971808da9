#!/usr/bin/env python3
"""Write tests/fixtures/docx/notes.docx: footnotes, an endnote, a comment and theme fonts.

python-docx cannot make footnotes, so the footnotes, endnotes and comments parts are written
here as raw XML and related to the main document by hand; the references in the body are raw
`w:footnoteReference` / `w:endnoteReference` / `w:commentRangeStart` elements. The text is
invented for the test (no corpus text).

Body blocks, in order (their index is the notes' expected `anchor`):
  0  关于开展专项检查的通知          default font: docDefaults' minorEastAsia → theme Hans 仿宋
  1  各有关单位：
  2  根据有关规定[fn 1]，现将有关事项通知如下。
  3  一、检查范围                    w:eastAsiaTheme="majorEastAsia" → theme Hans 黑体
  4  [comment 0 start]全市各级机关单位[comment 0 end]。
  5  二、工作要求[en 1]
  6  a table; a cell holds fn 2
  7  特此通知。
Footnotes part: separator (-1), continuationSeparator (0), 1, 2. Endnotes part: separators and
1. Comments part: 0 by 李四.

Deterministic: fixed core-property dates and zip timestamps.
Usage: python3 scripts/make_fixture_docx_notes.py [OUT_FILE]
"""
import datetime
import io
import sys
import zipfile
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests/fixtures/docx/notes.docx"
FIXED = datetime.datetime(2024, 1, 1, 9, 0, 0)
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."

SEPARATORS = """<w:{k} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{k}>
<w:{k} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{k}>"""


def note(kind, ref, nid, text):
    return (
        f'<w:{kind} w:id="{nid}"><w:p><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
        f'<w:{ref}/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:{kind}>'
    )


FOOTNOTES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {W}>'
    + SEPARATORS.format(k="footnote")
    + note("footnote", "footnoteRef", 1, "见《示例管理办法》第三条。")
    + note("footnote", "footnoteRef", 2, "含下属事业单位。")
    + "</w:footnotes>"
)
ENDNOTES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:endnotes {W}>'
    + SEPARATORS.format(k="endnote")
    + note("endnote", "endnoteRef", 1, "本通知自印发之日起施行。")
    + "</w:endnotes>"
)
COMMENTS = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments {W}>'
    '<w:comment w:id="0" w:author="李四" w:date="2024-01-01T09:00:00Z" w:initials="LS">'
    "<w:p><w:r><w:annotationRef/></w:r><w:r><w:t>范围是否包括乡镇？</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>请核实。</w:t></w:r></w:p></w:comment></w:comments>"
)


def el(tag, **attrs):
    e = OxmlElement(tag)
    for k, v in attrs.items():
        e.set(qn(k), str(v))
    return e


def ref_run(tag, nid):
    """A run holding only a note reference (`w:footnoteReference` …)."""
    r = el("w:r")
    r.append(el(tag, **{"w:id": nid}))
    return r


def build():
    d = docx.Document()
    cp = d.core_properties
    cp.created = cp.modified = cp.last_printed = FIXED
    cp.title = ""

    d.add_paragraph("关于开展专项检查的通知")
    d.add_paragraph("各有关单位：")

    p = d.add_paragraph("根据有关规定")
    p._p.append(ref_run("w:footnoteReference", 1))
    p.add_run("，现将有关事项通知如下。")

    p = d.add_paragraph()
    r = p.add_run("一、检查范围")
    r._r.get_or_add_rPr().append(el("w:rFonts", **{"w:eastAsiaTheme": "majorEastAsia"}))

    p = d.add_paragraph()
    p._p.append(el("w:commentRangeStart", **{"w:id": 0}))
    p.add_run("全市各级机关单位")
    p._p.append(el("w:commentRangeEnd", **{"w:id": 0}))
    p._p.append(ref_run("w:commentReference", 0))
    p.add_run("。")

    p = d.add_paragraph("二、工作要求")
    p._p.append(ref_run("w:endnoteReference", 1))

    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "单位"
    t.cell(0, 1).text = "时间"
    t.cell(1, 0).text = "市直部门"
    t.cell(1, 0).paragraphs[0]._p.append(ref_run("w:footnoteReference", 2))
    t.cell(1, 1).text = "6月底前"

    d.add_paragraph("特此通知。")

    pkg = d.part.package
    for name, rt, ct, xml in (
        ("footnotes", RT.FOOTNOTES, CT + "footnotes+xml", FOOTNOTES),
        ("endnotes", RT.ENDNOTES, CT + "endnotes+xml", ENDNOTES),
        ("comments", RT.COMMENTS, CT + "comments+xml", COMMENTS),
    ):
        part = Part(PackURI(f"/word/{name}.xml"), ct, xml.encode("utf-8"), pkg)
        d.part.relate_to(part, rt)
    return d


def theme_fonts(xml):
    """Give the theme distinct Simplified Chinese fonts: major 黑体, minor 仿宋."""
    major, _, rest = xml.partition("<a:minorFont>")
    hans = '<a:font script="Hans" typeface="宋体"/>'
    assert hans in major and hans in rest, "unexpected default theme"
    major = major.replace(hans, '<a:font script="Hans" typeface="黑体"/>')
    rest = rest.replace(hans, '<a:font script="Hans" typeface="仿宋"/>')
    return major + "<a:minorFont>" + rest


def save(d, path):
    buf = io.BytesIO()
    d.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/theme/theme1.xml":
                data = theme_fonts(data.decode("utf-8")).encode("utf-8")
            zi = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(out.getvalue())


if __name__ == "__main__":
    save(build(), OUT)
    print(OUT)
