//! DOCX footnotes, endnotes and comments kept apart from the body, and fonts named through
//! the theme. The fixture is `tests/fixtures/docx/notes.docx`, written by
//! `scripts/make_fixture_docx_notes.py` (its docstring lists the blocks and notes).

use std::io::{Cursor, Read, Write};

use gongwen::model::{Code, Note, NoteKind};
use gongwen::read::Extracted;
use gongwen::{Format, OutputFormat, ReadOptions};

use crate::util::{bytes, root};

fn fixture() -> Vec<u8> {
    bytes(&root().join("tests/fixtures/docx/notes.docx"))
}

fn read(data: &[u8]) -> Extracted {
    gongwen::read::read_as(Format::Docx, data, &ReadOptions::default()).unwrap()
}

fn texts(x: &Extracted) -> Vec<&str> {
    x.blocks.iter().map(|b| b.text.as_str()).collect()
}

/// (kind, id, text, author, anchor), for comparing.
type Row<'a> = (NoteKind, &'a str, &'a str, Option<&'a str>, Option<u32>);

fn rows(notes: &[Note]) -> Vec<Row<'_>> {
    notes
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

/// The body shows each footnote's and endnote's reference mark where Word prints it (Arabic
/// footnotes, lower-case Roman endnotes), and none of the notes' text.
#[test]
fn body_shows_note_marks_not_note_text() {
    let x = read(&fixture());
    assert_eq!(
        texts(&x),
        [
            "关于开展专项检查的通知",
            "各有关单位：",
            "根据有关规定1，现将有关事项通知如下。",
            "一、检查范围",
            "全市各级机关单位。",
            "二、工作要求i",
            "单位\t时间\n市直部门2\t6月底前",
            "特此通知。",
        ]
    );
    assert!(x.warnings.is_empty(), "{:?}", x.warnings);
}

#[test]
fn notes_have_kinds_texts_authors_and_anchors() {
    let x = read(&fixture());
    // Separators (ids -1 and 0 of footnotes and endnotes) are not notes; a note's reference
    // mark and the space Word puts after it are not text.
    assert_eq!(
        rows(&x.notes),
        [
            (
                NoteKind::Footnote,
                "1",
                "见《示例管理办法》第三条。",
                None,
                Some(2)
            ),
            (NoteKind::Footnote, "2", "含下属事业单位。", None, Some(6)),
            (
                NoteKind::Endnote,
                "1",
                "本通知自印发之日起施行。",
                None,
                Some(5)
            ),
            (
                NoteKind::Comment,
                "0",
                "范围是否包括乡镇？\n请核实。",
                Some("李四"),
                Some(4)
            ),
        ]
    );
}

#[test]
fn theme_fonts_resolve() {
    let x = read(&fixture());
    let fonts: Vec<Option<&str>> = x.blocks.iter().map(|b| b.hints.font.as_deref()).collect();
    // docDefaults say minorEastAsia (theme minor Hans font 仿宋); block 3's run says
    // majorEastAsia (theme major Hans font 黑体). The fixture's a:ea typefaces are empty.
    assert_eq!(fonts.first(), Some(&Some("仿宋")));
    assert_eq!(fonts.get(3), Some(&Some("黑体")));
    assert_eq!(fonts.get(7), Some(&Some("仿宋")));
}

#[test]
fn document_json_and_renderers() {
    let doc = gongwen::convert(&fixture(), &gongwen::Options::default()).unwrap();
    assert_eq!(doc.notes.len(), 4);
    let json: serde_json::Value =
        serde_json::from_str(&gongwen::render::to_string(&doc, OutputFormat::Json)).unwrap();
    let first = &json["notes"][0];
    assert_eq!(first["kind"], "footnote");
    assert_eq!(first["anchor"], 2);
    assert!(first.get("author").is_none());
    assert_eq!(json["notes"][3]["author"], "李四");

    let md = gongwen::render::to_string(&doc, OutputFormat::Markdown);
    let tail = md.split("## 注释").nth(1).expect("a notes section");
    assert!(tail.contains("见《示例管理办法》第三条。"), "{md}");
    assert!(tail.contains("李四"), "{md}");
    let text = gongwen::render::to_string(&doc, OutputFormat::Text);
    assert!(
        !text.contains("示例管理办法") && !text.contains("李四"),
        "{text}"
    );
}

/// The fixture with `name` replaced by `data` (or removed when `None`).
fn with_part(name: &str, data: Option<&[u8]>) -> Vec<u8> {
    let src = fixture();
    let mut z = zip::ZipArchive::new(Cursor::new(&src)).unwrap();
    let mut buf = Cursor::new(Vec::new());
    let mut w = zip::ZipWriter::new(&mut buf);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let entry = f.name().unwrap().to_string();
        let mut content = Vec::new();
        f.read_to_end(&mut content).unwrap();
        let content = if entry == name {
            match data {
                Some(d) => d.to_vec(),
                None => continue,
            }
        } else {
            content
        };
        w.start_file(entry, opts).unwrap();
        w.write_all(&content).unwrap();
    }
    w.finish().unwrap();
    buf.into_inner()
}

#[test]
fn missing_and_damaged_note_parts() {
    // Missing: no notes of that kind, no warning.
    let x = read(&with_part("word/comments.xml", None));
    assert!(x.warnings.is_empty(), "{:?}", x.warnings);
    assert!(x.notes.iter().all(|n| n.kind != NoteKind::Comment));
    assert_eq!(x.notes.len(), 3);

    // Damaged: a damaged_file warning naming the part; the body and other notes survive.
    let x = read(&with_part(
        "word/footnotes.xml",
        Some(b"<w:footnotes><w:footnote w:id=\"1\"><w:p>"),
    ));
    assert_eq!(x.warnings.len(), 1, "{:?}", x.warnings);
    assert_eq!(x.warnings[0].code, Code::DamagedFile);
    assert!(x.warnings[0].message.contains("word/footnotes.xml"));
    assert_eq!(x.blocks.len(), 8);
    assert!(x.notes.iter().all(|n| n.kind != NoteKind::Footnote));
    assert_eq!(x.notes.len(), 2);

    // A damaged theme: fonts fall back to what the styles name (nothing here), with a warning.
    let x = read(&with_part("word/theme/theme1.xml", Some(b"<a:theme><a:x>")));
    assert_eq!(x.warnings.len(), 1, "{:?}", x.warnings);
    assert_eq!(x.warnings[0].code, Code::DamagedFile);
    assert_eq!(x.blocks[0].hints.font, None);
}

/// The fixture's part `name`, as text.
fn part(name: &str) -> String {
    let src = fixture();
    let mut z = zip::ZipArchive::new(Cursor::new(&src)).unwrap();
    let mut text = String::new();
    z.by_name(name).unwrap().read_to_string(&mut text).unwrap();
    text
}

#[test]
fn convert_normalizes_note_text_but_keeps_its_paragraphs() {
    // The comment as a careless typist would write it: half-width `?`, full-width digits.
    let comments = part("word/comments.xml").replace("乡镇？", "乡镇?（含２个街道）");
    assert!(comments.contains("乡镇?"), "fixture changed: {comments}");
    let data = with_part("word/comments.xml", Some(comments.as_bytes()));
    assert!(
        read(&data).notes[3].text.contains("乡镇?"),
        "the reader keeps the raw text"
    );
    let doc = gongwen::convert(&data, &gongwen::Options::default()).unwrap();
    assert_eq!(
        doc.notes[3].text,
        "范围是否包括乡镇？（含2个街道）\n请核实。"
    );
}

#[test]
fn json_with_notes_validates_against_the_schema() {
    let text = std::fs::read_to_string(root().join("docs/gongwen.schema.json")).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    crate::schema::assert_valid(&validator, &root().join("tests/fixtures/docx/notes.docx"));
}
