//! The DOCX reader: samples rendered from the seeds, the real files in the corpus, and
//! malformed packages.
//!
//! Text comparisons run `gongwen::normalize::text` on both sides and then fold what a DOCX
//! rendering legitimately changes: whitespace (indentation becomes `w:ind`, blocks are joined
//! by newlines) and ASCII vs full-width punctuation (the seeds mix `(一)` and `（一）`; Word's
//! labels are full-width).

use std::io::Cursor;

use gongwen::model::{Block, BlockKind, Section};
use gongwen::read::Extracted;
use gongwen::{Format, NormalizeOptions, Options, ReadOptions};

use crate::util::{bytes, cer, sample, seed_path};

/// Non-empty seed lines kept as the notice (as in `scripts/make_samples_docx.py`):
/// inclusive ranges, `None` = to the end.
/// Inclusive line ranges; `None` = to the end.
type Ranges = &'static [(usize, Option<usize>)];

const SAMPLES: &[(&str, Ranges)] = &[
    ("003", &[(1, Some(2)), (4, None)]),
    ("000", &[(8, Some(8)), (10, None)]),
    ("004", &[(0, None)]),
];

/// The running header of `004.docx`, which must not reach the body.
const HEADER_004: &str = "巡察整改工作专报";

fn seed_lines(prefix: &str) -> Option<Vec<String>> {
    let text = std::fs::read_to_string(seed_path(prefix)?).ok()?;
    Some(
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect(),
    )
}

fn seed_body(prefix: &str) -> Option<Vec<String>> {
    let lines = seed_lines(prefix)?;
    let ranges = SAMPLES.iter().find(|(p, _)| *p == prefix)?.1;
    let mut out = Vec::new();
    for &(a, b) in ranges {
        let end = b.map_or(lines.len(), |b| b + 1);
        out.extend(lines[a..end].iter().cloned());
    }
    Some(out)
}

/// Normalize, then fold whitespace and punctuation width.
fn canon(s: &str) -> String {
    let n = gongwen::normalize::text(s, &NormalizeOptions::default());
    n.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            ',' => '，',
            ':' => '：',
            ';' => '；',
            '(' => '（',
            ')' => '）',
            '!' => '！',
            '?' => '？',
            c => c,
        })
        .collect()
}

fn read_docx(data: &[u8], name: &str) -> gongwen::Result<Extracted> {
    let mut opts = ReadOptions::default();
    opts.file_name = Some(name.to_string());
    gongwen::read::read(data, &opts)
}

fn read_sample(name: &str) -> Extracted {
    let path = sample(name);
    read_docx(&bytes(&path), name).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn body_text(blocks: &[Block]) -> String {
    blocks
        .iter()
        .filter(|b| b.kind != BlockKind::Table)
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

fn zip_entry(data: &[u8], name: &str) -> Option<String> {
    let mut z = zip::ZipArchive::new(Cursor::new(data)).ok()?;
    let mut f = z.by_name(name).ok()?;
    let mut s = String::new();
    std::io::Read::read_to_string(&mut f, &mut s).ok()?;
    Some(s)
}

#[test]
fn samples_match_their_seeds() {
    // The DOCX samples, and the `.doc` and `.rtf` LibreOffice made of them (issue 17): each
    // reader's body against the seed itself, not against the DOCX reader.
    for (prefix, _) in SAMPLES {
        let Some(seed) = seed_body(prefix) else {
            crate::util::missing(&format!("seed {prefix}"));
            return;
        };
        for (ext, format) in [
            ("docx", Format::Docx),
            ("doc", Format::Doc),
            ("rtf", Format::Rtf),
        ] {
            let name = format!("{prefix}.{ext}");
            let ex = read_sample(&name);
            assert_eq!(ex.format, Some(format), "{name}");
            let (want, got) = (canon(&seed.join("\n")), canon(&body_text(&ex.blocks)));
            let rate = cer(&want, &got);
            eprintln!(
                "{name}: CER {:.4}% over {} chars",
                rate * 100.0,
                want.chars().count()
            );
            assert!(rate <= 0.002, "{name}: CER {rate}");
        }
    }
}

#[test]
fn ledger_cells_are_seed_text() {
    // samples/ledger-004.xls(x) tabulate seed 004's problems: every 问题, 原因分析 and
    // 整改措施 cell is the seed's text, unchanged.
    let Some(seed) = seed_lines("004") else {
        crate::util::missing("seed 004");
        return;
    };
    let seed = canon(&seed.join("\n"));
    for name in ["ledger-004.xls", "ledger-004.xlsx"] {
        let ex = read_sample(name);
        let table = ex.blocks[0].table.as_ref().expect("the ledger table");
        let mut cells = 0;
        for row in &table.rows[2..] {
            for cell in [&row[2], &row[3], &row[4]] {
                let text = canon(&cell.text);
                if !text.is_empty() {
                    assert!(seed.contains(&text), "{name}: {text} is not in seed 004");
                    cells += 1;
                }
            }
        }
        assert!(cells >= 40, "{name}: {cells} text cells");
    }
}

/// The labels a seed writes in front of its numbered lines, folded, with `8关于` read as `8.`.
fn seed_labels(lines: &[String]) -> Vec<String> {
    // Decimal headings in these seeds all read `N. 关于…`; other lines start with dates.
    let re = regex::Regex::new(
        r"^([一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+\.?)\s*(关于)?",
    )
    .unwrap();
    lines
        .iter()
        .filter_map(|l| re.captures(l))
        .filter(|c| !c[1].starts_with(|ch: char| ch.is_ascii_digit()) || c.get(2).is_some())
        .map(|c| canon(&c[1]))
        .map(|l| {
            if l.chars().all(|c| c.is_ascii_digit()) {
                format!("{l}.")
            } else {
                l
            }
        })
        .collect()
}

#[test]
fn automatic_numbering_comes_out_with_words_labels() {
    // 003 numbers 一、/（一）/1. and 000 一、/（一）… up to （三十二） from numbering.xml only.
    for prefix in ["003", "000"] {
        let Some(seed) = seed_body(prefix) else {
            crate::util::missing(&format!("seed {prefix}"));
            return;
        };
        let name = format!("{prefix}.docx");
        let data = bytes(&sample(&name));
        let xml = zip_entry(&data, "word/document.xml").unwrap();
        for label in ["一、", "（一）", "(一)", ">1.", ">1. "] {
            assert!(
                !xml.contains(&format!("<w:t>{label}")),
                "{name}: {label} is in document.xml"
            );
        }
        let ex = read_sample(&name);
        let numbered: Vec<&Block> = ex.blocks.iter().filter(|b| b.hints.auto_numbered).collect();
        let want = seed_labels(&seed);
        assert_eq!(numbered.len(), want.len(), "{name}: numbered paragraphs");
        for (b, label) in numbered.iter().zip(&want) {
            assert!(
                canon(&b.text).starts_with(label.as_str()),
                "{name}: {label} vs {}",
                b.text
            );
            if label.ends_with('、') {
                assert_eq!(b.hints.heading_level, Some(1), "{}", b.text);
            }
        }
    }
}

#[test]
fn heading_styles_give_levels_and_fonts() {
    let ex = read_sample("003.docx");
    let first_l1 = ex
        .blocks
        .iter()
        .find(|b| b.text.starts_with("一、"))
        .unwrap();
    assert_eq!(first_l1.hints.heading_level, Some(1));
    assert_eq!(first_l1.hints.font.as_deref(), Some("黑体"));
    assert_eq!(first_l1.hints.font_size, Some(16.0));
    // A standalone level-2 heading takes its numbering and 楷体 from the Heading 2 style.
    let l2 = ex
        .blocks
        .iter()
        .find(|b| b.hints.heading_level == Some(2))
        .unwrap();
    assert!(
        l2.text.starts_with('（') && l2.hints.auto_numbered,
        "{}",
        l2.text
    );
    assert_eq!(l2.hints.font.as_deref(), Some("楷体_GB2312"));
    let title = &ex.blocks[0];
    assert_eq!(title.hints.font.as_deref(), Some("方正小标宋简体"));
    assert_eq!(title.hints.align, Some(gongwen::model::Align::Center));
    let body = &ex.blocks[2];
    assert_eq!(body.hints.font.as_deref(), Some("仿宋_GB2312"));
    let last = ex.blocks.last().unwrap();
    assert_eq!(last.hints.align, Some(gongwen::model::Align::Right));
    assert_eq!(ex.source.created.as_deref(), Some("2024-01-01T09:00:00Z"));
    assert_eq!(ex.meta.author.as_deref(), Some("gongwen samples"));

    let red = read_sample("004.docx");
    let body: Vec<&Block> = red.blocks.iter().filter(|b| !b.hints.page_header).collect();
    assert!(body[0].hints.red, "the 发文机关标志 is red");
    assert!(!body[1].hints.red);
}

#[test]
fn no_header_or_footer_text_in_the_body() {
    let page = regex::Regex::new(r"^\s*[—－-]*\s*\d+\s*[—－-]*\s*$").unwrap();
    for (prefix, _) in SAMPLES {
        let name = format!("{prefix}.docx");
        let data = bytes(&sample(&name));
        let footer = zip_entry(&data, "word/footer1.xml").expect("the sample has a footer");
        assert!(
            footer.contains("PAGE"),
            "{name}: the footer has a PAGE field"
        );
        let ex = read_sample(&name);
        for b in ex.blocks.iter().filter(|b| !b.hints.page_header) {
            assert!(!page.is_match(&b.text), "{name}: page number {:?}", b.text);
            assert!(
                !b.text.contains(HEADER_004),
                "{name}: header text {:?}",
                b.text
            );
        }
    }
    let data = bytes(&sample("004.docx"));
    assert!(zip_entry(&data, "word/header1.xml")
        .unwrap()
        .contains(HEADER_004));
    // The page header is read, first, marked as page furniture (never body).
    let ex = read_sample("004.docx");
    assert!(ex.blocks[0].hints.page_header && ex.blocks[0].text.contains(HEADER_004));
    assert_eq!(ex.blocks.iter().filter(|b| b.hints.page_header).count(), 1);
}

#[test]
fn table_sample_has_the_metadata_table() {
    let Some(lines) = seed_lines("000") else {
        crate::util::missing("seed 000");
        return;
    };
    let ex = read_sample("000.docx");
    let tables: Vec<&Block> = ex
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Table)
        .collect();
    assert_eq!(tables.len(), 1);
    let rows = &tables[0].table.as_ref().unwrap().rows;
    // Seed lines 2..=6 are `label: value label: value` (a label without value is possible).
    let want: Vec<Vec<String>> = lines[2..=6]
        .iter()
        .map(|l| {
            l.split_whitespace()
                .map(|t| t.trim_end_matches(':').to_string())
                .collect()
        })
        .collect();
    assert_eq!(rows.len(), want.len());
    for (row, want) in rows.iter().zip(&want) {
        let got: Vec<String> = row
            .iter()
            .filter(|c| !c.text.is_empty())
            .map(|c| c.text.clone())
            .collect();
        assert_eq!(&got, want);
        assert_eq!(row.iter().map(|c| c.col_span).sum::<u32>(), 4, "{got:?}");
    }
    // A lone pair spans the three value columns.
    assert_eq!(rows[2][1].col_span, 3);
    assert!(tables[0].text.contains('\t') && tables[0].text.contains('\n'));
}

/// Levels, numbers (folded) and titles of a section tree, depth first. A number's trailing
/// `.`/`、` is dropped: seed 003 writes `8关于…` where Word's `%3.` numbering shows `8.`.
fn outline(sections: &[Section], out: &mut Vec<(u8, String, String)>) {
    for s in sections {
        out.push((
            s.level,
            s.number
                .as_deref()
                .map(|n| canon(n).trim_end_matches(['.', '．', '、']).to_string())
                .unwrap_or_default(),
            canon(&s.title),
        ));
        outline(&s.children, out);
    }
}

#[test]
fn heading_hierarchy_matches_the_seed_read_as_text() {
    for (prefix, _) in SAMPLES {
        let Some(seed) = seed_body(prefix) else {
            return;
        };
        let opts = Options::default();
        let from_docx =
            gongwen::convert(&bytes(&sample(&format!("{prefix}.docx"))), &opts).unwrap();
        let mut text_opts = Options::default();
        text_opts.read.format = Some(Format::Text);
        let from_text = gongwen::convert(seed.join("\n\n").as_bytes(), &text_opts).unwrap();
        let (mut a, mut b) = (Vec::new(), Vec::new());
        outline(&from_docx.sections, &mut a);
        outline(&from_text.sections, &mut b);
        assert!(
            !b.is_empty(),
            "{prefix}: the parser found no sections in the seed"
        );
        pretty_assertions::assert_eq!(a, b, "{prefix}");
    }
}

#[test]
fn docm_and_dotx_read_the_same() {
    let data = bytes(&sample("004.docx"));
    let a = read_docx(&data, "004.docx").unwrap();
    for name in ["x.docm", "x.dotx", "x.dotm"] {
        assert_eq!(read_docx(&data, name).unwrap().blocks, a.blocks, "{name}");
    }
}

// ---- corpus ------------------------------------------------------------------------------

#[test]
fn corpus_requirements_spec_headings_have_words_labels_and_levels() {
    let path =
        crate::shared_or_skip!("corpus/docx/platform1_83562dae-44c6-4dcc-8894-61567d01bae3.docx");
    let ex = read_docx(&bytes(&path), "spec.docx").unwrap();
    let headings: Vec<&Block> = ex
        .blocks
        .iter()
        .filter(|b| b.hints.auto_numbered && b.hints.heading_level.is_some())
        .collect();
    let find = |label: &str| {
        headings
            .iter()
            .find(|b| b.text.starts_with(label))
            .unwrap_or_else(|| panic!("no heading {label}"))
    };
    assert_eq!(find("第一章").hints.heading_level, Some(1));
    assert_eq!(find("第三章").hints.heading_level, Some(1));
    assert_eq!(find("2.1. ").hints.heading_level, Some(2));
    assert_eq!(find("3.1.1. ").hints.heading_level, Some(3));
    assert_eq!(find("3.2.10. ").hints.heading_level, Some(3));
    // Every decimal label has as many parts as its heading level.
    let decimal = regex::Regex::new(r"^(\d+\.)+ ").unwrap();
    let mut checked = 0;
    for b in &headings {
        if let Some(m) = decimal.find(&b.text) {
            let parts = m.as_str().matches('.').count();
            assert_eq!(b.hints.heading_level, Some(parts as u8), "{}", b.text);
            checked += 1;
        }
    }
    assert!(checked > 40, "{checked} decimal headings");
    // The chapters run 第一章, 第二章 … and 2.x. sits under 第二章.
    let order: Vec<&str> = headings.iter().map(|b| b.text.as_str()).collect();
    let ch2 = order.iter().position(|t| t.starts_with("第二章")).unwrap();
    let ch3 = order.iter().position(|t| t.starts_with("第三章")).unwrap();
    assert!(order[ch2 + 1..ch3].iter().all(|t| t.starts_with("2.")));
    // The revision-history table is a table.
    assert!(ex.blocks.iter().any(|b| b.kind == BlockKind::Table));
}

#[test]
fn corpus_multilevel_list_labels_match_word() {
    let path = crate::shared_or_skip!("corpus/docx/poitl_template_iterable_numbering.docx");
    let ex = read_docx(&bytes(&path), "list.docx").unwrap();
    let labels: Vec<&str> = ex
        .blocks
        .iter()
        .filter(|b| b.hints.auto_numbered)
        .map(|b| b.text.split(' ').next().unwrap_or(""))
        .collect();
    // Worked out from numbering.xml (13 lists, each on its own abstract list, no overrides)
    // and matching LibreOffice's rendering: decimal with letter sub-levels, `%1.%2.%3.`
    // multi-level lists, a list restarted as upper letters.
    let want = [
        "1)", "1.", "a)", "b)", "1.", "1.1.", "1.2.", "1.2.1.", "1.2.2.", "1.", "1.1.", "1.",
        "1.1.", "1.1.1.", "1.", "a)", "b)", "A.", "1.", "1.", "1.", "2.", "1.", "a)", "b)", "2.",
    ];
    assert_eq!(labels, want);
}

#[test]
fn corpus_approval_form_has_two_tables() {
    let path = crate::shared_or_skip!("corpus/docx/poitl_issue_161.docx");
    let ex = read_docx(&bytes(&path), "form.docx").unwrap();
    let tables: Vec<&Block> = ex
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Table)
        .collect();
    assert_eq!(
        tables.len(),
        2,
        "the layout table and the form nested in it"
    );
    let form = tables[1].table.as_ref().unwrap();
    assert!(form.rows.len() >= 5);
    assert!(form.rows.iter().flatten().any(|c| c.col_span > 1));
    assert!(form.rows.iter().flatten().any(|c| c.text.contains("{{")));
    // The form's text is not repeated in the outer table.
    let outer = &tables[0].text;
    assert!(!outer.contains("{{"), "{outer}");
}

// ---- malformed packages --------------------------------------------------------------------

const DOC_START: &str = r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#;

fn doc(inner: &str) -> Vec<u8> {
    format!("{DOC_START}{inner}</w:body></w:document>").into_bytes()
}

#[test]
fn malformed_packages_give_clear_errors() {
    let good = bytes(&sample("004.docx"));
    let truncated = &good[..good.len() / 2];
    let deep = doc(&format!(
        "{}{}",
        "<w:sdt>".repeat(400),
        "</w:sdt>".repeat(400)
    ));
    let bomb = {
        let mut v = DOC_START.as_bytes().to_vec();
        v.resize(8 << 20, b' ');
        v
    };
    let cases: Vec<(&str, Vec<u8>, &str, &str)> = vec![
        ("truncated zip", truncated.to_vec(), "malformed", "zip"),
        (
            "no document.xml",
            crate::util::zip_of(&[
                ("[Content_Types].xml", b"<Types/>"),
                ("word/styles.xml", b"<w:styles/>"),
            ]),
            "malformed",
            "main document",
        ),
        (
            "invalid XML",
            crate::util::zip_of(&[("word/document.xml", &doc("<w:p><w:r><w:t>x</w:r></w:p>"))]),
            "malformed",
            "document.xml",
        ),
        (
            "unclosed XML",
            crate::util::zip_of(&[("word/document.xml", format!("{DOC_START}<w:p>").as_bytes())]),
            "malformed",
            "document.xml",
        ),
        (
            "zip bomb",
            crate::util::zip_of(&[("word/document.xml", &bomb)]),
            "limit_exceeded",
            "compression_ratio",
        ),
        (
            "deep XML",
            crate::util::zip_of(&[("word/document.xml", &deep)]),
            "limit_exceeded",
            "xml_depth",
        ),
    ];
    for (what, data, code, needle) in cases {
        let err = match gongwen::read::read_as(Format::Docx, &data, &ReadOptions::default()) {
            Ok(_) => panic!("{what}: read without error"),
            Err(e) => e,
        };
        assert_eq!(err.code(), code, "{what}: {err}");
        assert!(err.to_string().contains(needle), "{what}: {err}");
    }
}

#[test]
fn size_limits_are_configurable() {
    let data = crate::util::zip_of(&[(
        "word/document.xml",
        &doc("<w:p><w:r><w:t>正文</w:t></w:r></w:p>"),
    )]);
    let mut opts = ReadOptions::default();
    opts.limits.zip_entry_bytes = 16;
    let err = gongwen::read::read_as(Format::Docx, &data, &opts).unwrap_err();
    assert!(err.to_string().contains("zip_entry_bytes"), "{err}");
    let mut opts = ReadOptions::default();
    opts.limits.zip_total_bytes = 64;
    let err = gongwen::read::read_as(Format::Docx, &data, &opts).unwrap_err();
    assert!(err.to_string().contains("zip_total_bytes"), "{err}");
    let mut opts = ReadOptions::default();
    opts.limits.xml_depth = 3;
    let err = gongwen::read::read_as(Format::Docx, &data, &opts).unwrap_err();
    assert!(err.to_string().contains("xml_depth"), "{err}");
    let mut opts = ReadOptions::default();
    opts.limits.zip_entries = 0;
    let err = gongwen::read::read_as(Format::Docx, &data, &opts).unwrap_err();
    assert!(err.to_string().contains("zip_entries"), "{err}");
    let ex = gongwen::read::read_as(Format::Docx, &data, &ReadOptions::default()).unwrap();
    assert_eq!(ex.blocks[0].text, "正文");
}

#[test]
fn dtd_entities_are_never_expanded() {
    let lol = format!(
        r#"<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>{DOC_START}<w:p><w:r><w:t>x&c;y&amp;&#x4E00;</w:t></w:r></w:p></w:body></w:document>"#
    );
    let data = crate::util::zip_of(&[("word/document.xml", lol.as_bytes())]);
    let ex = gongwen::read::read_as(Format::Docx, &data, &ReadOptions::default()).unwrap();
    assert_eq!(ex.blocks[0].text, "xy&一");
}

#[test]
fn damaged_optional_parts_are_warnings() {
    let data = crate::util::zip_of(&[
        (
            "word/document.xml",
            &doc(
                r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>正文</w:t></w:r></w:p>"#,
            ),
        ),
        ("word/numbering.xml", b"<w:numbering><w:num></w:numbering>"),
    ]);
    let ex = gongwen::read::read_as(Format::Docx, &data, &ReadOptions::default()).unwrap();
    assert_eq!(ex.blocks[0].text, "正文");
    assert!(ex
        .warnings
        .iter()
        .any(|w| w.code == gongwen::model::Code::DamagedFile));
}

// ---- peer comparison -----------------------------------------------------------------------

/// Text accuracy of gongwen and `pandoc -t plain` on the samples, measured the same way (see
/// docs/performance.md). Run with `cargo test read_docx::peer -- --ignored --nocapture`.
#[test]
#[ignore = "peer comparison: needs pandoc"]
fn peer_pandoc_accuracy() {
    let rule = regex::Regex::new(r"^[\s\-]*$").unwrap();
    for (prefix, _) in SAMPLES {
        let Some(mut reference) = seed_body(prefix) else {
            return;
        };
        if *prefix == "000" {
            // The metadata table is part of this sample's text for both tools.
            let lines = seed_lines("000").unwrap();
            reference.splice(0..0, lines[2..=6].iter().cloned());
        }
        let path = sample(&format!("{prefix}.docx"));
        let ours: Vec<String> = read_sample(&format!("{prefix}.docx"))
            .blocks
            .into_iter()
            .map(|b| b.text)
            .collect();
        let out = std::process::Command::new("pandoc")
            .args(["-f", "docx", "-t", "plain", "--wrap=none"])
            .arg(&path)
            .output()
            .expect("pandoc runs");
        let theirs: String = String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter(|l| !rule.is_match(l)) // table rules are layout, not text
            .collect::<Vec<_>>()
            .join("\n");
        let want = canon(&reference.join("\n"));
        eprintln!(
            "{prefix}.docx: {} chars; CER gongwen {:.3}%, pandoc {:.3}%",
            want.chars().count(),
            cer(&want, &canon(&ours.join("\n"))) * 100.0,
            cer(&want, &canon(&theirs)) * 100.0
        );
    }
}

#[test]
fn password_protected_docx_is_named_as_such() {
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(512, 0);
    ole.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    ole.resize(4096, 0);
    let err = read_docx(&ole, "secret.docx").unwrap_err();
    assert_eq!(err.code(), "unsupported_format", "{err}");
    assert!(err.to_string().contains("password-protected DOCX"), "{err}");
}

/// Damaged copies of a sample (truncated archives, flipped bytes, XML cut anywhere) read to a
/// result or a typed error, never a panic.
#[test]
fn damaged_samples_never_panic() {
    let good = bytes(&sample("003.docx"));
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let opts = ReadOptions::default();
    for _ in 0..60 {
        let cut = next(good.len());
        let _ = gongwen::read::read_as(Format::Docx, &good[..cut], &opts);
        let mut flipped = good.clone();
        for _ in 0..8 {
            let i = next(flipped.len());
            flipped[i] ^= 1 << next(8);
        }
        let _ = gongwen::read::read_as(Format::Docx, &flipped, &opts);
    }
    let parts = ["word/document.xml", "word/numbering.xml", "word/styles.xml"];
    let texts: Vec<String> = parts.iter().map(|p| zip_entry(&good, p).unwrap()).collect();
    for _ in 0..40 {
        let which = next(parts.len());
        let mut entries: Vec<(&str, Vec<u8>)> = parts
            .iter()
            .zip(&texts)
            .map(|(p, t)| (*p, t.clone().into_bytes()))
            .collect();
        let cut = next(entries[which].1.len());
        entries[which].1.truncate(cut);
        let refs: Vec<(&str, &[u8])> = entries.iter().map(|(p, d)| (*p, d.as_slice())).collect();
        let _ = gongwen::read::read_as(Format::Docx, &crate::util::zip_of(&refs), &opts);
    }
}
