//! Spreadsheets (`.xls`, WPS `.et`, `.xlsx`) and RTF: the samples made by
//! `scripts/make_samples_sheet_rtf.py` against their DOCX twins, and the public files in
//! `tests/fixtures/legacy/`.

use gongwen::model::{Block, BlockKind, Table};
use gongwen::read::{self, Extracted};
use gongwen::{Format, Options, ReadOptions};

use crate::util::{self, cer};

fn read_named(bytes: &[u8], name: &str) -> gongwen::Result<Extracted> {
    let mut opts = ReadOptions::default();
    opts.file_name = Some(name.to_string());
    read::read(bytes, &opts)
}

fn sample(name: &str) -> Vec<u8> {
    util::bytes(&util::sample(name))
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The heading tree: one line per heading, indented by depth, with its number and title.
fn outline(sections: &[gongwen::Section], depth: usize, numbers: bool, out: &mut String) {
    for s in sections {
        let number = if numbers { s.number.as_deref() } else { None };
        out.push_str(&format!(
            "{}{} {}{}\n",
            "  ".repeat(depth),
            s.level,
            number.unwrap_or(""),
            squeeze(&s.title)
        ));
        outline(&s.children, depth + 1, numbers, out);
    }
}

#[test]
fn rtf_samples_match_their_docx() {
    for n in ["000", "003", "004"] {
        let docx = gongwen::convert(&sample(&format!("{n}.docx")), &Options::default()).unwrap();
        let rtf = gongwen::convert(&sample(&format!("{n}.rtf")), &Options::default()).unwrap();
        assert_eq!(rtf.source.format, Some(Format::Rtf));
        let text = |d| gongwen::render::to_string(d, gongwen::OutputFormat::Text);
        let rate = cer(&squeeze(&text(&docx)), &squeeze(&text(&rtf)));
        assert!(rate <= 0.002, "{n}: CER {rate:.5}");
        // LibreOffice ignores `lvlRestart` in 003.docx (samples/README.md), so the RTF it
        // writes numbers the `1.` headings 1–5, 1–4, 1–3 where Word counts 1–12; the tree
        // and titles must still be the same.
        let numbers = n != "003";
        let (mut want, mut got) = (String::new(), String::new());
        outline(&docx.sections, 0, numbers, &mut want);
        outline(&rtf.sections, 0, numbers, &mut got);
        assert!(want.lines().count() >= 5, "{n}: the DOCX has headings");
        pretty_assertions::assert_eq!(got, want, "{n}");
        assert_eq!(
            rtf.blocks
                .iter()
                .find(|b| b.kind == BlockKind::Title)
                .map(|b| &b.text),
            docx.blocks
                .iter()
                .find(|b| b.kind == BlockKind::Title)
                .map(|b| &b.text),
            "{n}: title"
        );
    }
}

#[test]
fn rtf_sample_tables_keep_their_merged_cells() {
    // 000.docx opens with the 政府信息公开 metadata as a 4-column table with gridSpan cells.
    let docx = read_named(&sample("000.docx"), "000.docx").unwrap();
    let rtf = read_named(&sample("000.rtf"), "000.rtf").unwrap();
    let table = |ex: &Extracted| {
        ex.blocks
            .iter()
            .find_map(|b| b.table.clone())
            .expect("a table")
    };
    let texts = |t: &Table| -> Vec<Vec<String>> {
        t.rows
            .iter()
            .map(|r| r.iter().map(|c| c.text.clone()).collect())
            .collect()
    };
    assert_eq!(texts(&table(&rtf)), texts(&table(&docx)));
}

fn ledger(ex: &Extracted) -> &Table {
    let b: &Block = ex.blocks.first().expect("a block");
    assert_eq!(b.kind, BlockKind::Table);
    b.table.as_ref().expect("a table")
}

#[test]
fn ledger_samples_come_out_as_structured_rows() {
    for (name, format) in [
        ("ledger-004.xls", Format::Xls),
        ("ledger-004.xlsx", Format::Xlsx),
    ] {
        let ex = read_named(&sample(name), name).unwrap();
        assert_eq!(ex.format, Some(format), "{name}");
        // Two sheets: the ledger and a one-cell note.
        assert_eq!(ex.blocks.len(), 2, "{name}");
        let t = ledger(&ex);
        assert_eq!(t.caption.as_deref(), Some("整改台账"));
        assert_eq!(t.rows.len(), 22, "{name}: title, header and 20 problems");
        // The title row is one cell merged over the 8 columns.
        assert_eq!(t.rows[0].len(), 1);
        assert_eq!(t.rows[0][0].col_span, 8);
        assert!(t.rows[0][0].text.ends_with("反馈问题整改台账"));
        let header: Vec<&str> = t.rows[1].iter().map(|c| c.text.as_str()).collect();
        assert_eq!(
            header,
            [
                "序号",
                "问题类别",
                "问题",
                "原因分析",
                "整改措施",
                "责任单位",
                "完成时限",
                "整改状态"
            ]
        );
        for (i, row) in t.rows[2..].iter().enumerate() {
            assert_eq!(row.len(), 8, "{name} row {i}");
            // A float cell shows as written, a date cell as an ISO date.
            assert_eq!(row[0].text, (i + 1).to_string());
            assert_eq!(row[6].text, "2022-06-24");
            assert_eq!(row[7].text, "已完成");
        }
        let first = &t.rows[2];
        assert_eq!(first[1].text, "针对党委和行政班子会议仍然混合召开的问题");
        assert!(first[2].text.starts_with("工业园党委领导核心弱化"));
        assert!(first[4].text.contains("议事规则"));
        assert_eq!(t.rows[21][2].text.get(..7), Some("2021年"));
        let note = ex.blocks[1].table.as_ref().unwrap();
        assert_eq!(note.caption.as_deref(), Some("说明"));
    }
}

#[test]
fn a_wps_et_file_is_read_by_content() {
    // Kingsoft WPS writes the BIFF8 workbook plus an `ETExtData` stream; build one from the
    // sample and give it a misleading name: the content decides.
    let xls = sample("ledger-004.xls");
    let mut src = cfb::CompoundFile::open(std::io::Cursor::new(&xls)).unwrap();
    let mut workbook = Vec::new();
    std::io::Read::read_to_end(&mut src.open_stream("/Workbook").unwrap(), &mut workbook).unwrap();
    let mut et = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).unwrap();
    std::io::Write::write_all(&mut et.create_stream("/Workbook").unwrap(), &workbook).unwrap();
    std::io::Write::write_all(&mut et.create_stream("/ETExtData").unwrap(), b"\x01\x02").unwrap();
    let et = et.into_inner().into_inner();
    let from_xls = read_named(&xls, "a.xls").unwrap();
    for name in ["台账.et", "台账.doc", "台账"] {
        let ex = read_named(&et, name).unwrap();
        assert_eq!(ex.format, Some(Format::Xls), "{name}");
        assert_eq!(ex.blocks, from_xls.blocks, "{name}");
    }
}

#[test]
fn spreadsheet_limits_hold() {
    let mut opts = ReadOptions::default();
    opts.limits.sheet_cells = 100;
    for name in ["ledger-004.xls", "ledger-004.xlsx"] {
        let err = read::read(&sample(name), &opts).unwrap_err();
        assert_eq!(err.code(), "limit_exceeded", "{name}");
        assert!(err.to_string().contains("sheet_cells is over 100"), "{err}");
    }
}

#[test]
fn markdown_shows_the_sheet_name() {
    let doc = gongwen::convert(&sample("ledger-004.xlsx"), &Options::default()).unwrap();
    let md = gongwen::render::to_string(&doc, gongwen::OutputFormat::Markdown);
    assert!(
        md.contains("整改台账\n\n| 中共广州花都"),
        "{}",
        &md[..300.min(md.len())]
    );
}

fn legacy(name: &str) -> Extracted {
    let path = util::root().join("tests/fixtures/legacy").join(name);
    read_named(&util::bytes(&path), name).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn texts(ex: &Extracted) -> Vec<&str> {
    ex.blocks.iter().map(|b| b.text.as_str()).collect()
}

#[test]
fn public_spreadsheets_read_chinese_cells_and_dates() {
    let ex = legacy("chinese-provinces.xls");
    let t = ledger(&ex);
    assert_eq!(t.caption.as_deref(), Some("provinces"));
    let rows: Vec<Vec<&str>> = t
        .rows
        .iter()
        .map(|r| r.iter().map(|c| c.text.as_str()).collect())
        .collect();
    assert_eq!(
        rows,
        [
            ["Provinces in China", "Chinese Name"],
            ["Anhui", "安徽省"],
            ["Beijing", "北京市"],
            ["Chongqing", "重庆市"]
        ]
    );
    let dates = legacy("testEXCEL_dateFormats.xls");
    assert_eq!(dates.blocks[0].text, "date\n2018-09-20\n1996-08-10");
}

#[test]
fn public_rtf_double_byte_text_and_unicode_escapes() {
    let ms932 = legacy("testRTF-ms932.rtf");
    assert_eq!(texts(&ms932), ["Hello", "こんにちは", "Test", "テスト"]);
    let news = legacy("testRTFJapanese.rtf");
    assert_eq!(
        texts(&news)[..2],
        ["ゾルゲと尾崎、淡々と最期　", "古書店で処刑記録見つかる"]
    );
    assert!(news.blocks[2].text.starts_with("1. ゾルゲの処刑記録"));
    assert!(news.blocks[2].hints.auto_numbered);
    let uc = legacy("testRTFUnicodeUCNControlWordCharacterDoubling.rtf");
    assert_eq!(texts(&uc), ["0 年 abc 念"]);
    let bad = legacy("testRTFInvalidUnicode.rtf");
    assert_eq!(
        texts(&bad),
        ["Unpaired hi \u{FFFD} here Unpaired lo \u{FFFD} here Mismatched pair \u{FFFD}\u{FFFD} here "]
    );
}
