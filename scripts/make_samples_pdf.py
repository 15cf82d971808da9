#!/usr/bin/env python3
"""Make the PDF samples from the seed notices (issue 5 acceptance).

For every seed listed in samples/pdf-seeds.tsv, the body (title, paragraphs, signature, date;
site chrome dropped) is set like a 公文 (A4, 16 pt on a 28-character measure, 2-em first-line
indents, centred 22 pt title, right-aligned signature and date) three ways:

  samples/NNN-stsong.pdf  reportlab, non-embedded STSong-Light CID font (UniGB-UCS2-H, no ToUnicode)
  samples/NNN-lo.pdf      LibreOffice from a python-docx DOCX (仿宋/黑体/楷体/方正小标宋 mapped to
                          Noto CJK through fontconfig), embedded subset fonts
  samples/NNN-header.pdf  as stsong, plus a running header and `— N —` page numbers on every page

Seeds with page-break splits (004) list the split lines in the tsv's optional 4th column
(joined into one paragraph) and, in the 5th, the continuations before which the reportlab
samples force a page break, so that the PDF carries a paragraph split over two pages.

Usage: scripts/make_samples_pdf.py [SEEDS_DIR [SEED…]]   (default ../shared/seeds, all seeds)
Needs reportlab, python-docx, LibreOffice (soffice) and fonts-noto-cjk. reportlab output is
byte-for-byte reproducible (invariant mode); LibreOffice stamps dates and ids into its files.
"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

rl_config.invariant = 1

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
FONT = "STSong-Light"
SIZE = 16.0
TITLE_SIZE = 22.0
CHARS = 28
MEASURE = CHARS * SIZE
PAGE_W, PAGE_H = A4
LEFT = (PAGE_W - MEASURE) / 2
TOP = 37 / 25.4 * 72  # 版心 top margin, 37 mm
PITCH = 225 / 25.4 * 72 / 22  # 22 lines in the 225 mm text block
LINES_PER_PAGE = 22
HEADER = "巡察整改情况公开栏"


def seed_file(seeds: Path, prefix: str) -> Path:
    for p in sorted(seeds.iterdir()):
        if p.name.startswith(prefix):
            return p
    raise SystemExit(f"no seed {prefix} in {seeds}")


def span(text: str):
    a, b = text.split("-")
    return int(a), int(b)


def line_set(text: str):
    return {int(n) for n in text.split(",") if n.strip()}


def seed_body(path: Path, title_lines: str, body_lines: str, joins="", breaks=""):
    """(title lines, paragraphs, signature, date, page breaks), as tests/read_pdf.rs reads them.

    `joins` lists seed lines (1-based) that continue on the next non-blank line: page-break and
    copy-paste splits of the seed (seed 004: `…确保整改` / `到位。`) are typeset as the one
    paragraph they are. `breaks` lists the lines of such continuations before which the page
    must break, so the PDF really splits that paragraph over two pages; the result maps a
    paragraph index to the character offset where its continuation starts.
    """
    lines = path.read_text(encoding="utf-8").split("\n")
    t0, t1 = span(title_lines)
    b0, b1 = span(body_lines)
    joins, breaks = line_set(joins), line_set(breaks)
    title = [lines[i - 1].strip() for i in range(t0, t1 + 1)]
    body, cuts, join_next = [], {}, False
    for n in range(b0, b1 + 1):
        text = lines[n - 1].strip()
        if not text:
            continue
        if join_next:
            if n in breaks:
                cuts[len(body) - 1] = len(body[-1])
            body[-1] += text
        else:
            body.append(text)
        join_next = n in joins
    return title, body[:-2], body[-2], body[-1], cuts


def specs():
    """Rows of samples/pdf-seeds.tsv: seed, title lines, body lines[, joins[, breaks]]."""
    for line in (SAMPLES / "pdf-seeds.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            yield line.split("\t")


# ---------------------------------------------------------------- reportlab typesetting


def tokens(text: str):
    """CJK characters one by one; runs of ASCII (numbers, Latin words) unbroken."""
    out, run = [], ""
    for c in text:
        if ord(c) < 0x2E80 and not c.isspace():
            run += c
            continue
        if run:
            out.append(run)
            run = ""
        out.append(c)
    if run:
        out.append(run)
    return out


def wrap(text: str, first_avail: float, size: float):
    lines, cur, width, avail = [], "", 0.0, first_avail
    for tok in tokens(text):
        w = pdfmetrics.stringWidth(tok, FONT, size)
        if cur and width + w > avail + 0.01:
            lines.append((cur.rstrip(), width))
            cur, width, avail = "", 0.0, MEASURE
            if tok.isspace():
                continue
        cur += tok
        width += w
    if cur:
        lines.append((cur, width))
    return lines


class Typesetter:
    def __init__(self, path: Path, title: str, chrome: bool):
        self.c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
        self.c.setTitle(title)
        self.c.setAuthor("gongwen sample generator")
        self.chrome = chrome
        # Not the title: the tests look for this text and must not find it in the body.
        self.header = HEADER
        self.page = 1
        self.line_no = 0

    def y(self):
        # reportlab's origin is bottom-left; the first baseline sits one em below the top margin.
        return PAGE_H - (TOP + SIZE + self.line_no * PITCH)

    def furniture(self):
        if not self.chrome:
            return
        c = self.c
        c.setFont(FONT, 10.5)
        c.drawCentredString(PAGE_W / 2, PAGE_H - 20 / 25.4 * 72, self.header)
        c.setLineWidth(0.5)
        c.line(LEFT, PAGE_H - 22 / 25.4 * 72, LEFT + MEASURE, PAGE_H - 22 / 25.4 * 72)
        c.setFont(FONT, 14)
        number = f"— {self.page} —"
        y = PAGE_H - (TOP + 225 / 25.4 * 72 + 7 / 25.4 * 72 + 14)
        # GB/T 9704: odd pages right, even pages left, one character in from the margin.
        if self.page % 2:
            c.drawRightString(LEFT + MEASURE - 14, y, number)
        else:
            c.drawString(LEFT + 14, y, number)

    def advance(self, n=1):
        self.line_no += n
        if self.line_no >= LINES_PER_PAGE:
            self.page_break()

    def text_line(self, text, x, size, char_space=0.0):
        t = self.c.beginText(x, self.y())
        t.setFont(FONT, size)
        t.setCharSpace(char_space)
        t.textOut(text)
        self.c.drawText(t)

    def title(self, lines):
        for line in lines:
            for part, w in wrap(line, MEASURE, TITLE_SIZE):
                self.text_line(part, LEFT + (MEASURE - w) / 2, TITLE_SIZE)
                self.advance()
        self.advance()

    def page_break(self):
        self.furniture()
        self.c.showPage()
        self.page += 1
        self.line_no = 0

    def paragraph(self, text, cut=None):
        indent = 2 * SIZE
        parts = wrap(text, MEASURE - indent, SIZE)
        # The wrapped line holding character `cut` starts the next page (not the first line:
        # then the whole paragraph would move and nothing would be split).
        start, break_at = 0, None
        for i, (part, _) in enumerate(parts):
            if cut is not None and i > 0 and start <= cut < start + len(part):
                break_at = i
            start += len(part)
        for i, (part, w) in enumerate(parts):
            if i == break_at and self.line_no:
                self.page_break()
            x = LEFT + (indent if i == 0 else 0)
            avail = MEASURE - (indent if i == 0 else 0)
            n = len(part)
            # Justify every line but the last, as Word and WPS do.
            cs = (avail - w) / (n - 1) if i + 1 < len(parts) and n > 1 else 0.0
            self.text_line(part, x, SIZE, cs)
            self.advance()

    def right(self, text):
        w = pdfmetrics.stringWidth(text, FONT, SIZE)
        self.text_line(text, LEFT + MEASURE - w, SIZE)
        self.advance()

    def save(self):
        self.furniture()
        self.c.showPage()
        self.c.save()


def make_reportlab(path: Path, title, paras, sig, date, chrome: bool, cuts=None):
    ts = Typesetter(path, "".join(title), chrome)
    ts.title(title)
    for i, p in enumerate(paras):
        ts.paragraph(p, (cuts or {}).get(i))
    ts.advance()
    ts.right(sig)
    ts.right(date)
    ts.save()


# ---------------------------------------------------------------- LibreOffice via DOCX

FONTCONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  {aliases}
</fontconfig>
"""
ALIASES = {
    "仿宋_GB2312": "Noto Serif CJK SC",
    "仿宋": "Noto Serif CJK SC",
    "楷体_GB2312": "Noto Serif CJK SC",
    "楷体": "Noto Serif CJK SC",
    "黑体": "Noto Sans CJK SC",
    "方正小标宋简体": "Noto Serif CJK SC",
}


def fontconf(dirpath: Path) -> Path:
    rules = "\n  ".join(
        f'<match target="pattern"><test name="family"><string>{k}</string></test>'
        f'<edit name="family" mode="assign" binding="strong"><string>{v}</string></edit></match>'
        for k, v in ALIASES.items()
    )
    p = dirpath / "fonts.conf"
    p.write_text(FONTCONF.format(aliases=rules), encoding="utf-8")
    return p


def make_docx(path: Path, title, paras, sig, date):
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    d = docx.Document()
    d.core_properties.title = "".join(title)
    d.core_properties.author = "gongwen sample generator"
    sec = d.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin = Mm(37), Mm(35)
    # 28 characters of 16 pt need a 159 mm measure (Word/LO do not set a character grid here).
    sec.left_margin = sec.right_margin = Mm(25.5)

    def fmt(p, font, size, align, indent):
        pf = p.paragraph_format
        pf.alignment = align
        pf.first_line_indent = Pt(indent) if indent else None
        pf.space_before = pf.space_after = Pt(0)
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(PITCH if size <= SIZE else 36)
        for r in p.runs:
            r.font.size = Pt(size)
            r.font.name = font
            r._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)

    for line in title:
        fmt(d.add_paragraph(line), "方正小标宋简体", TITLE_SIZE, WD_ALIGN_PARAGRAPH.CENTER, 0)
    fmt(d.add_paragraph(""), "仿宋_GB2312", SIZE, WD_ALIGN_PARAGRAPH.LEFT, 0)
    for text in paras:
        font = "仿宋_GB2312"
        if text[:2] in ("一、", "二、", "三、", "四、", "五、", "六、"):
            font = "黑体"
        elif text[:1] in "(（" and len(text) < 40:
            font = "楷体_GB2312"
        fmt(d.add_paragraph(text), font, SIZE, WD_ALIGN_PARAGRAPH.JUSTIFY, 2 * SIZE)
    fmt(d.add_paragraph(""), "仿宋_GB2312", SIZE, WD_ALIGN_PARAGRAPH.LEFT, 0)
    for text in (sig, date):
        fmt(d.add_paragraph(text), "仿宋_GB2312", SIZE, WD_ALIGN_PARAGRAPH.RIGHT, 0)
    d.save(str(path))


def make_lo(path: Path, title, paras, sig, date):
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        src = tmp / (path.stem + ".docx")
        make_docx(src, title, paras, sig, date)
        env = dict(os.environ, FONTCONFIG_FILE=str(fontconf(tmp)))
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{tmp}/profile",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(tmp),
                str(src),
            ],
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
        )
        shutil.copyfile(tmp / (path.stem + ".pdf"), path)


def main():
    seeds = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / ".." / "shared" / "seeds"
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    only = set(sys.argv[2:])  # optional seed ids: regenerate just those
    for seed, title_lines, body_lines, *extra in specs():
        if only and seed not in only:
            continue
        title, paras, sig, date, cuts = seed_body(
            seed_file(seeds, seed), title_lines, body_lines, *extra
        )
        for variant, chrome in (("stsong", False), ("header", True)):
            out = SAMPLES / f"{seed}-{variant}.pdf"
            make_reportlab(out, title, paras, sig, date, chrome, cuts)
        make_lo(SAMPLES / f"{seed}-lo.pdf", title, paras, sig, date)
        print(f"{seed}: {len(paras)} paragraphs")


if __name__ == "__main__":
    main()
