//! The Word 97-2003 reader (`.doc`, Kingsoft `.wps`): the seed samples converted to `.doc` by
//! LibreOffice against their DOCX twins, real files from Apache POI (tests/fixtures/legacy),
//! and what the compound-file sniffing says about other OLE files.

use gongwen::model::{Block, BlockKind, NoteKind, Section};
use gongwen::read::Extracted;
use gongwen::{Format, NormalizeOptions, Options, ReadOptions};

use crate::util::{bytes, cer, root, sample};

const SAMPLES: &[&str] = &["000", "003", "004"];

fn read(data: &[u8], name: &str) -> gongwen::Result<Extracted> {
    let mut opts = ReadOptions::default();
    opts.file_name = Some(name.to_string());
    gongwen::read::read(data, &opts)
}

fn read_file(path: &std::path::Path) -> Extracted {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("x.doc");
    read(&bytes(path), name).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn legacy(name: &str) -> Extracted {
    read_file(&root().join("tests/fixtures/legacy").join(name))
}

/// Normalized, whitespace dropped.
fn canon(s: &str) -> String {
    gongwen::normalize::text(s, &NormalizeOptions::default())
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

fn all_text(blocks: &[Block]) -> String {
    blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn samples_read_like_their_docx_twins() {
    for prefix in SAMPLES {
        let doc = read_file(&sample(&format!("{prefix}.doc")));
        let docx = read_file(&sample(&format!("{prefix}.docx")));
        assert_eq!(doc.format, Some(Format::Doc));
        let (want, got) = (
            canon(&all_text(&docx.blocks)),
            canon(&all_text(&doc.blocks)),
        );
        let rate = cer(&want, &got);
        eprintln!(
            "{prefix}.doc: CER {:.4}% over {} chars",
            rate * 100.0,
            want.chars().count()
        );
        assert!(rate <= 0.002, "{prefix}.doc: CER {rate}");
        // Tables come out as the same grid, merged cells included.
        let tables = |ex: &Extracted| -> Vec<gongwen::model::Table> {
            ex.blocks.iter().filter_map(|b| b.table.clone()).collect()
        };
        assert_eq!(tables(&doc), tables(&docx), "{prefix}: tables");
        // The summary information gives what DOCX core properties give.
        assert_eq!(doc.meta.author, docx.meta.author, "{prefix}");
        assert_eq!(doc.meta.description, docx.meta.description, "{prefix}");
        assert_eq!(doc.source.created, docx.source.created, "{prefix}");
        // The running header and footer page field of 004 stay out of the body.
        assert!(!all_text(&doc.blocks).contains("巡察整改工作专报") || *prefix != "004");
    }
}

/// Levels, numbers and titles of a section tree, depth first.
fn outline(sections: &[Section], out: &mut Vec<(u8, String, String)>) {
    for s in sections {
        out.push((
            s.level,
            s.number.clone().unwrap_or_default(),
            canon(&s.title),
        ));
        outline(&s.children, out);
    }
}

#[test]
fn heading_hierarchy_equals_the_docx_one() {
    for prefix in SAMPLES {
        let opts = Options::default();
        let from_doc = gongwen::convert(&bytes(&sample(&format!("{prefix}.doc"))), &opts).unwrap();
        let from_docx =
            gongwen::convert(&bytes(&sample(&format!("{prefix}.docx"))), &opts).unwrap();
        let (mut a, mut b) = (Vec::new(), Vec::new());
        outline(&from_doc.sections, &mut a);
        outline(&from_docx.sections, &mut b);
        assert!(!b.is_empty(), "{prefix}: no sections");
        if *prefix == "003" {
            // LibreOffice drops `lvlRestart` when it reads 003.docx (samples/README.md), so the
            // `.doc` it writes restarts `1.` under every `（一）`, as Word shows that file.
            // Levels and titles must still match; numbers of levels 1 and 2 too.
            let strip = |v: &[(u8, String, String)]| -> Vec<(u8, String, String)> {
                v.iter()
                    .map(|(l, n, t)| {
                        (
                            *l,
                            if *l >= 3 { String::new() } else { n.clone() },
                            t.clone(),
                        )
                    })
                    .collect()
            };
            pretty_assertions::assert_eq!(strip(&a), strip(&b), "{prefix}");
        } else {
            pretty_assertions::assert_eq!(a, b, "{prefix}");
        }
    }
}

#[test]
fn automatic_labels_come_from_the_list_tables() {
    let doc = read_file(&sample("000.doc"));
    let labels: Vec<&str> = doc
        .blocks
        .iter()
        .filter(|b| b.hints.auto_numbered)
        .map(|b| b.text.split_once(['、', '）']).map_or("", |(l, _)| l))
        .collect();
    assert!(
        labels.contains(&"一") && labels.contains(&"（三十二"),
        "{labels:?}"
    );
    let l1 = doc
        .blocks
        .iter()
        .find(|b| b.text.starts_with("一、"))
        .unwrap();
    assert!(l1.hints.auto_numbered);
    // Headings keep their levels from the styles (Heading 1 → 1).
    let doc = read_file(&sample("003.doc"));
    let l1 = doc
        .blocks
        .iter()
        .find(|b| b.text.starts_with("一、"))
        .unwrap();
    assert_eq!(l1.hints.heading_level, Some(1));
    let title = &doc.blocks[0];
    assert_eq!(title.hints.align, Some(gongwen::model::Align::Center));
    assert_eq!(title.hints.font_size, Some(22.0));
}

#[test]
fn layout_hints_equal_the_docx_ones() {
    // Alignment, font, size, bold, red (004's 发文机关标志), heading level and auto-numbering:
    // the parser sees the same hints whichever twin it reads.
    for prefix in SAMPLES {
        let doc = read_file(&sample(&format!("{prefix}.doc")));
        let docx = read_file(&sample(&format!("{prefix}.docx")));
        // The .doc reader reads no page headers; the DOCX reader marks its own.
        let hints = |ex: &Extracted| -> Vec<gongwen::model::Hints> {
            ex.blocks
                .iter()
                .filter(|b| !b.hints.page_header)
                .map(|b| b.hints.clone())
                .collect()
        };
        assert_eq!(hints(&doc), hints(&docx), "{prefix}");
    }
    let doc = read_file(&sample("004.doc"));
    assert!(doc.blocks.iter().any(|b| b.hints.red));
}

#[test]
fn poi_chinese_document_with_numbered_headings_and_a_table() {
    let ex = legacy("poi-61490.doc");
    let texts: Vec<&str> = ex.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(texts.first(), Some(&"居中的大标题"));
    assert!(texts.contains(&"1. 章节1"), "{texts:?}");
    assert!(texts.contains(&"1.1. 章节1.1"), "{texts:?}");
    assert!(texts.contains(&"1.2. 章节1.2"), "{texts:?}");
    let h = ex.blocks.iter().find(|b| b.text == "1.1. 章节1.1").unwrap();
    assert_eq!(h.hints.heading_level, Some(2));
    let table = ex
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Table)
        .unwrap();
    assert_eq!(table.text, "11\t12\t13\n21\t22\t23\n31\t32\t33");
}

#[test]
fn poi_tables_merged_and_nested() {
    let ex = legacy("poi-table-merges.doc");
    let t = ex.blocks[0].table.as_ref().unwrap();
    let spans: Vec<Vec<(String, u32)>> = t
        .rows
        .iter()
        .map(|r| r.iter().map(|c| (c.text.clone(), c.col_span)).collect())
        .collect();
    assert_eq!(spans[0], [("A".to_string(), 3), ("B".to_string(), 2)]);
    assert_eq!(spans[3], [("K".to_string(), 5)]);
    let ex = legacy("poi-innertable.doc");
    let t = ex.blocks[0].table.as_ref().unwrap();
    assert_eq!(t.rows.len(), 3);
    assert_eq!(t.rows[1][1].text, "E\n1\n2\n3\n4\nF");
}

#[test]
fn poi_fields_lists_and_notes() {
    let ex = legacy("poi-hyperlink.doc");
    assert_eq!(
        all_text(&ex.blocks),
        "Before text; Hyperlink text; after text"
    );
    let ex = legacy("poi-simple-list.doc");
    let numbered: Vec<&str> = ex
        .blocks
        .iter()
        .filter(|b| b.hints.auto_numbered)
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(
        numbered,
        [
            "1. First item in list",
            "2. Second item in list",
            "3. Third item in list"
        ]
    );
    // The footnote's text follows the main document and is not body text; its reference
    // mark and the endnote's are, as Word shows them (`1`, `i`).
    let ex = legacy("poi-footnote.doc");
    assert_eq!(all_text(&ex.blocks), "Test text1i");
}

/// (kind, id, text, author, anchor), for comparing notes.
type NoteRow<'a> = (NoteKind, &'a str, &'a str, Option<&'a str>, Option<u32>);

fn note_rows(ex: &Extracted) -> Vec<NoteRow<'_>> {
    ex.notes
        .iter()
        .map(|n| {
            (
                n.kind,
                n.id.as_str(),
                n.text.as_str(),
                n.author.as_deref(),
                n.anchor,
            )
        })
        .collect()
}

#[test]
fn footnotes_endnotes_and_comments_are_notes_like_the_docx_twins() {
    let doc = legacy("poi-footnote.doc");
    // Word's ids (notes from 1, comments from 0); the reference marks are in the body text.
    assert_eq!(
        note_rows(&doc),
        [
            (NoteKind::Footnote, "1", "TestFootnote", None, Some(0)),
            (NoteKind::Endnote, "1", "TestEndnote", None, Some(0)),
            (
                NoteKind::Comment,
                "0",
                "TestComment",
                Some("Maxim Valyanskiy"),
                Some(0)
            ),
        ]
    );
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    // The twin LibreOffice wrote numbers its footnotes and endnotes from 2 (its two
    // separator notes take 0 and 1); everything else is the same.
    let docx = legacy("poi-footnote.docx");
    assert_eq!(all_text(&docx.blocks), all_text(&doc.blocks));
    let without_ids = |ex: &Extracted| {
        note_rows(ex)
            .into_iter()
            .map(|(k, _, t, a, anchor)| (k, t.to_string(), a.map(str::to_string), anchor))
            .collect::<Vec<_>>()
    };
    assert_eq!(without_ids(&doc), without_ids(&docx));
    let ids: Vec<&str> = docx.notes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["2", "2", "0"]);
}

#[test]
fn notes_reach_the_document_and_its_renderings() {
    let data = bytes(&root().join("tests/fixtures/legacy/poi-footnote.doc"));
    let doc = gongwen::convert(&data, &Options::default()).unwrap();
    assert_eq!(doc.notes.len(), 3);
    let md = gongwen::render::to_string(&doc, gongwen::OutputFormat::Markdown);
    let tail = md.split("## 注释").nth(1).expect("a notes section");
    assert!(
        tail.contains("TestFootnote") && tail.contains("Maxim Valyanskiy"),
        "{md}"
    );
}

#[test]
fn a_phonetic_guide_shows_its_base_text() {
    let ex = legacy("tika-testWORD_phonetic.doc");
    assert_eq!(all_text(&ex.blocks), "東京");
}

#[test]
fn ordinal_and_overridden_list_numbers() {
    let ex = legacy("tika-testWORD_override_list_numbering.doc");
    // Each paragraph's text repeats the label Word shows, so label and text must agree.
    let labelled: Vec<&str> = ex
        .blocks
        .iter()
        .filter(|b| b.hints.auto_numbered)
        .map(|b| b.text.as_str())
        .collect();
    for want in [
        "0th 0th",
        "1st 1st",
        "1st.2.1someText 1st.2.1someText",
        "5th 5th",
    ] {
        assert!(labelled.contains(&want), "{want} not in {labelled:?}");
    }
}

#[test]
fn a_fat_longer_than_the_file_is_read_with_a_warning() {
    let ex = legacy("poi-47950_normal.doc");
    assert_eq!(all_text(&ex.blocks), "This is a sample Word document");
    assert!(ex
        .warnings
        .iter()
        .any(|w| w.code == gongwen::model::Code::DamagedFile));
}

#[test]
fn content_decides_not_the_name() {
    let data = bytes(&sample("004.doc"));
    let a = read(&data, "004.doc").unwrap();
    for name in ["x.wps", "x.bin", "x.docx", "x"] {
        let b = read(&data, name).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(b.blocks, a.blocks, "{name}");
    }
}

#[test]
fn kingsoft_wps_is_read_and_works_wps_is_named() {
    let dir = root().join("tests/fixtures/malformed");
    let ex = read_file(&dir.join("kingsoft.wps"));
    assert_eq!(ex.format, Some(Format::Doc));
    assert_eq!(ex.source.producer.as_deref(), Some("WPS Office"));
    assert_eq!(ex.blocks[0].text, "关于巡察整改进展情况的通报");
    let err = read(&bytes(&dir.join("works.wps")), "works.wps").unwrap_err();
    assert_eq!(err.code(), "unsupported_format");
    assert!(err.to_string().contains("Microsoft Works"), "{err}");
}

#[test]
fn old_and_encrypted_documents_get_clear_errors() {
    let dir = root().join("tests/fixtures/malformed");
    let err = read(&bytes(&dir.join("word95.doc")), "a.doc").unwrap_err();
    assert_eq!(err.code(), "unsupported_format");
    assert!(err.to_string().contains("Word 6/95"), "{err}");
    let err = read(&bytes(&dir.join("encrypted.doc")), "a.doc").unwrap_err();
    assert_eq!(err.code(), "encrypted");
    let err = read(&bytes(&dir.join("pieces-past-stream.doc")), "a.doc").unwrap_err();
    assert!(err.to_string().contains("piece"), "{err}");
    let err = read(&bytes(&dir.join("huge-stream-size.doc")), "a.doc").unwrap_err();
    assert!(err.to_string().contains("directory entry"), "{err}");
    let err = read(&bytes(&dir.join("piece-gap.doc")), "a.doc").unwrap_err();
    assert!(err.to_string().contains("gap"), "{err}");
}

#[test]
fn damaged_note_tables_lose_the_notes_not_the_body() {
    let dir = root().join("tests/fixtures/malformed");
    let ex = read(&bytes(&dir.join("notes-past-table.doc")), "a.doc").unwrap();
    assert_eq!(ex.blocks.len(), 2);
    assert!(ex.notes.is_empty());
    assert_eq!(ex.warnings.len(), 1, "{:?}", ex.warnings);
    assert_eq!(ex.warnings[0].code, gongwen::model::Code::DamagedFile);
    assert!(
        ex.warnings[0].message.contains("footnotes"),
        "{:?}",
        ex.warnings
    );
}

/// `poi-simple-list.doc` with its directory damaged the way POI's fuzzed files are: the root
/// entry's colour byte neither red nor black, and a stream entry given a child past the
/// directory. `cfb` refuses both; the reader cuts those links and reads the same text, with a
/// `damaged_file` warning.
#[test]
fn a_directory_with_impossible_links_is_read_with_a_warning() {
    let data = bytes(&root().join("tests/fixtures/legacy/poi-simple-list.doc"));
    let clean = read(&data, "x.doc").unwrap();
    let u32_at = |b: &[u8], at: usize| u32::from_le_bytes(b[at..at + 4].try_into().unwrap());
    assert_eq!(data[0x1E], 9, "512-byte sectors");
    let dir = (u32_at(&data, 0x30) as usize + 1) * 512;
    // Entry 0 is the root; the first stream entry (object type 2) among the next three.
    let stream = (1..4)
        .map(|i| dir + 128 * i)
        .find(|&e| data[e + 0x42] == 2)
        .expect("a stream entry in the first directory sector");
    let damage = |colour: bool, child: bool| {
        let mut d = data.clone();
        if colour {
            d[dir + 0x43] = 246;
        }
        if child {
            d[stream + 0x4C..stream + 0x50].copy_from_slice(&0x00F0_0007u32.to_le_bytes());
        }
        d
    };
    for (colour, child) in [(true, false), (false, true), (true, true)] {
        let ex = read(&damage(colour, child), "x.doc")
            .unwrap_or_else(|e| panic!("colour {colour}, child {child}: {e}"));
        assert_eq!(ex.blocks, clean.blocks, "colour {colour}, child {child}");
        assert!(
            ex.warnings
                .iter()
                .any(|w| w.code == gongwen::model::Code::DamagedFile
                    && w.message.contains("directory")),
            "{:?}",
            ex.warnings
        );
    }
    assert!(clean.warnings.is_empty(), "{:?}", clean.warnings);
}

/// Bullets in a symbol font are stored as private-use codes (`sprmCSymbol`, or the LVL's
/// template in a Wingdings/Symbol font); Word draws the font's glyph, so the label is that
/// glyph's Unicode character, and Word's Courier-New `o` bullet is a white bullet.
#[test]
fn symbol_font_bullets_are_drawn_as_word_shows_them() {
    let ex = legacy("poi-Lists.doc");
    let texts: Vec<&str> = ex.blocks.iter().map(|b| b.text.as_str()).collect();
    for want in [
        "• Unordered list 1",
        "✓ Tick 1",
        "❖ ML 1:1",
        "➢ ML 2:1",
        "▪ ML 3:1",
        "□ ML 5:1",
        "2.2.1. OL 2.2.1",
    ] {
        assert!(texts.contains(&want), "{want} not in {texts:?}");
    }
    // No private-use code is left in any label.
    assert!(
        !texts
            .iter()
            .any(|t| t.chars().any(|c| ('\u{E000}'..='\u{F8FF}').contains(&c))),
        "{texts:?}"
    );
}

/// The optional hyphen (0x1F in the text stream) is kept by the reader as U+00AD, the
/// character it is; the normalizer removes it, as Word shows it only at a line break.
#[test]
fn the_optional_hyphen_is_kept_then_normalized_away() {
    let ex = legacy("tika-testOptionalHyphen.doc");
    assert_eq!(all_text(&ex.blocks), "optional\u{AD}hyphen");
    let data = bytes(&root().join("tests/fixtures/legacy/tika-testOptionalHyphen.doc"));
    let doc = gongwen::convert(&data, &Options::default()).unwrap();
    let text = gongwen::render::to_string(&doc, gongwen::OutputFormat::Text);
    assert!(text.contains("optionalhyphen"), "{text}");
    assert!(!text.contains('\u{AD}'), "{text}");
}

/// Hidden text (`sprmCFVanish`) and tracked deletions (`sprmCFRMarkDel`) are not shown by
/// Word and not read; tracked insertions are (Word shows the document with its changes
/// accepted). LibreOffice's plain text export shows all of them.
#[test]
fn hidden_text_and_tracked_deletions_are_dropped_insertions_kept() {
    let text = all_text(&legacy("tika-testWORD_features.doc").blocks);
    for gone in ["This is hidden text", "bibendum", "Donec", "inceptos"] {
        assert!(!text.contains(gone), "{gone:?} in {text}");
    }
    for kept in [
        "elit insert this fringilla, est eu",
        "While euismod posuere",
    ] {
        assert!(text.contains(kept), "{kept:?} not in {text}");
    }
}

/// Every byte of the first directory sector overwritten, one at a time, with values that hit
/// the repaired fields' edge cases: an error or a read, never a panic.
#[test]
fn damaged_directory_bytes_never_panic() {
    let data = bytes(&root().join("tests/fixtures/legacy/poi-simple-list.doc"));
    let dir = (u32::from_le_bytes(data[0x30..0x34].try_into().unwrap()) as usize + 1) * 512;
    for at in dir..dir + 512 {
        for v in [0x00, 0x02, 0x7F, 0xFE, 0xFF] {
            let mut d = data.clone();
            d[at] = v;
            let _ = read(&d, "x.doc");
        }
    }
}
