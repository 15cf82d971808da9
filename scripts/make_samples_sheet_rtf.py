#!/usr/bin/env python3
"""Make the RTF and spreadsheet samples with LibreOffice.

- samples/000.rtf, 003.rtf, 004.rtf: the DOCX samples converted by
  `soffice --headless --convert-to rtf` (list labels come out as `\\listtext`).
- samples/ledger-004.xls and ledger-004.xlsx: a 整改台账 of seed 004's problems, written as a
  flat ODS (merged title row, numeric 序号, ISO date cells) and converted by soffice.

Needs apt `libreoffice-writer-nogui libreoffice-calc-nogui`. Run from the repository root:
`python3 scripts/make_samples_sheet_rtf.py`. The outputs are not byte-deterministic (LibreOffice
writes creation times); tests check their content, not their bytes.
"""

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SEED = ROOT.parent / "shared" / "seeds" / "004_eed79fe4c36bf9af.txt"

COLUMNS = ["序号", "问题类别", "问题", "原因分析", "整改措施", "责任单位", "完成时限", "整改状态"]
TITLE = "中共广州花都（清新）产业转移工业园委员会巡察“回头看”反馈问题整改台账"
UNIT = "工业园党委"
DONE = "2022-06-24"  # 截至6月24日, per the seed


def problems(text):
    """Numbered problems of seed 004 with category, cause, measures and status."""
    out, category, current, field = [], "", None, None
    for line in (l.strip() for l in text.splitlines()):
        if not line:
            continue
        if re.match(r"^[一二三四五六七八九十]+、", line):
            current, field = None, None
            continue
        m = re.match(r"^（([一二三四五六七八九十]+)）(.*)", line)
        if m:
            category, current, field = m.group(2).rstrip("。"), None, None
            continue
        m = re.match(r"^(\d{1,2})[.．]\s*(.*)", line)
        if m and category:
            current = {"n": int(m.group(1)), "category": category, "problem": m.group(2),
                       "cause": "", "measures": ""}
            out.append(current)
            field = "problem"
            continue
        if current is None:
            continue
        m = re.match(r"^(原因分析|整改情况)\s*[:：]\s*(.*)", line)
        if m:
            field = "cause" if m.group(1) == "原因分析" else "measures"
            current[field] = m.group(2)
        elif field:
            current[field] += line  # a paragraph broken by a page in the seed
    return out


def cell(value, span=1):
    attrs = f' table:number-columns-spanned="{span}"' if span > 1 else ""
    if isinstance(value, int):
        return (f'<table:table-cell office:value-type="float" office:value="{value}"{attrs}>'
                f"<text:p>{value}</text:p></table:table-cell>")
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return (f'<table:table-cell table:style-name="date" office:value-type="date" '
                f'office:date-value="{value}"><text:p>{value}</text:p></table:table-cell>')
    return (f'<table:table-cell office:value-type="string"{attrs}>'
            f"<text:p>{escape(value)}</text:p></table:table-cell>")


def fods(rows):
    n = len(COLUMNS)
    body = [f"<table:table-row>{cell(TITLE, n)}"
            + "<table:covered-table-cell/>" * (n - 1) + "</table:table-row>"]
    body.append("<table:table-row>" + "".join(cell(c) for c in COLUMNS) + "</table:table-row>")
    for p in rows:
        status = "已完成" if p["measures"].startswith("整改完成") else "整改中"
        values = [p["n"], p["category"], p["problem"], p["cause"], p["measures"], UNIT, DONE,
                  status]
        body.append("<table:table-row>" + "".join(cell(v) for v in values) + "</table:table-row>")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
<number:date-style style:name="iso"><number:year number:style="long"/><number:text>-</number:text>
<number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/>
</number:date-style>
<style:style style:name="date" style:family="table-cell" style:data-style-name="iso"/>
</office:automatic-styles>
<office:body><office:spreadsheet>
<table:table table:name="整改台账">
{chr(10).join(body)}
</table:table>
<table:table table:name="说明">
<table:table-row>{cell("本表根据巡察反馈意见整改进展情况通报整理。")}</table:table-row>
</table:table>
</office:spreadsheet></office:body></office:document>
"""


def soffice(args, cwd):
    profile = Path(cwd) / "profile"
    cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless"] + args
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main():
    if not shutil.which("soffice"):
        sys.exit("soffice not found: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui")
    rows = problems(SEED.read_text(encoding="utf-8"))
    assert len(rows) == 20 and [p["n"] for p in rows] == list(range(1, 21)), rows
    with tempfile.TemporaryDirectory() as tmp:
        for n in ["000", "003", "004"]:
            shutil.copy(SAMPLES / f"{n}.docx", tmp)
            soffice(["--convert-to", "rtf", f"{n}.docx"], tmp)
            shutil.copy(Path(tmp) / f"{n}.rtf", SAMPLES / f"{n}.rtf")
        src = Path(tmp) / "ledger-004.fods"
        src.write_text(fods(rows), encoding="utf-8")
        soffice(["--convert-to", "xls:MS Excel 97", src.name], tmp)
        soffice(["--convert-to", "xlsx:Calc MS Excel 2007 XML", src.name], tmp)
        for ext in ["xls", "xlsx"]:
            shutil.copy(Path(tmp) / f"ledger-004.{ext}", SAMPLES / f"ledger-004.{ext}")
    print(f"wrote 3 RTF files and a ledger of {len(rows)} problems")


if __name__ == "__main__":
    main()
