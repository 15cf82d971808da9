//! DOCX reader (`.docx`, `.docm`, `.dotx`, `.dotm`): what Word shows, numbering included.
//!
//! The package is opened through the bounded zip container of `read::zipped` (entry count,
//! per-entry and total inflated size, compression ratio), every XML part is streamed with
//! quick-xml under `Limits::xml_depth`, and no DTD entity is ever expanded.
//!
//! Parts read: the main document (found through `_rels/.rels`, else `word/document.xml`),
//! `styles.xml`, `numbering.xml` and the theme (through the document's relationships),
//! `settings.xml` (the footnote and endnote number formats), footnotes, endnotes and
//! comments, the page headers, and `docProps/core.xml` / `app.xml`.
//! Page headers are not body text: their paragraphs come first, marked `hints.page_header`
//! (Word documents print 份号, 密级 and 紧急程度 there; the parser reads them); footers are
//! not read. Footnotes, endnotes and comments are not body text
//! either: they become [`Extracted::notes`], each anchored to the body block that references
//! it, and their text never enters a paragraph; the body shows a footnote's or endnote's
//! reference mark (`1`, `i`, or a custom mark) where Word does. Optional parts that are missing are skipped;
//! optional parts that are damaged are skipped with a `damaged_file` warning. A missing or
//! damaged main document is an error.
//!
//! Every Word paragraph becomes one `paragraph` block whose text starts with its numbering
//! label exactly as Word draws it (`一、`, `（一）`, `2.1.`), with `hints.auto_numbered` set when
//! the label came from `numbering.xml`. Heading levels (outline level or `Heading N`/`标题 N`
//! style), alignment, dominant font, size, bold and red are hints for the parser. Tables
//! become `table` blocks; a nested table becomes a table block of its own, right after the
//! table that holds it (its cell keeps only its own paragraphs).
//!
//! # Errors
//! [`Error::Malformed`] for an unreadable zip, a missing `word/document.xml` or invalid XML in
//! it; [`Error::LimitExceeded`] for zip bombs and over-deep XML.

mod body;
mod notes;
pub(crate) mod numbering;
mod props;
mod styles;
pub(crate) mod table;
pub(crate) use table::{table_block, CellBuild, TableBuild, VMerge};
mod theme;

use quick_xml::events::Event;

use crate::error::{Error, Result};
use crate::model::{Code, Diagnostic, Format, NoteKind, Origin};
use crate::options::ReadOptions;
use crate::read::xml;
use crate::read::zipped::Container;
use crate::read::Extracted;

use numbering::Numbering;
use styles::Styles;
use theme::Theme;

/// An OOXML on/off property (`<w:b/>`, `<w:b w:val="false"/>`).
fn on_off(e: &quick_xml::events::BytesStart<'_>) -> bool {
    !matches!(
        xml::attr(e, b"val").as_deref(),
        Some("0" | "false" | "off" | "none")
    )
}

/// Read a DOCX file.
///
/// # Errors
/// See the [module documentation](self).
pub fn read(bytes: &[u8], opts: &ReadOptions) -> Result<Extracted> {
    let limits = &opts.limits;
    let depth = limits.xml_depth;
    let mut zip = Container::open(bytes, Format::Docx, limits)?;
    let mut out = Extracted::new(Format::Docx);

    let main = main_part(&mut zip, depth).unwrap_or_else(|| "word/document.xml".to_string());
    let Some(doc_bytes) = zip.read(&main)? else {
        return Err(Error::malformed(
            Format::Docx,
            format!("the package has no main document ({main})"),
        ));
    };
    let rels = relationships(&mut zip, &rels_path(&main), &main, depth)?;
    let part = |kind: &str, fallback: &str| {
        rels.iter()
            .find(|(t, _)| t == kind)
            .map(|(_, p)| p.clone())
            .unwrap_or_else(|| fallback.to_string())
    };

    let theme_part = part("theme", "word/theme/theme1.xml");
    let theme = match optional(&mut zip, &theme_part, &mut out)? {
        Some(text) => Theme::parse(&text, &theme_part, depth).unwrap_or_else(|e| {
            damaged(&mut out, &theme_part, &e);
            Theme::default()
        }),
        None => Theme::default(),
    };
    let styles = match optional(&mut zip, &part("styles", "word/styles.xml"), &mut out)? {
        Some(text) => Styles::parse(&text, depth, theme.clone()).unwrap_or_else(|e| {
            damaged(&mut out, "styles.xml", &e);
            Styles::with_theme(theme)
        }),
        None => Styles::with_theme(theme),
    };
    let mut numbering =
        match optional(&mut zip, &part("numbering", "word/numbering.xml"), &mut out)? {
            Some(text) => Numbering::parse(&text, depth).unwrap_or_else(|e| {
                damaged(&mut out, "numbering.xml", &e);
                Numbering::default()
            }),
            None => Numbering::default(),
        };

    let (text, lossy) = xml::decode(&doc_bytes);
    if lossy {
        out.warnings.push(Diagnostic::new(
            Code::UndecodableBytes,
            "document.xml is not valid UTF-8; bad bytes were replaced by U+FFFD",
        ));
    }
    let marks = match optional(&mut zip, &part("settings", "word/settings.xml"), &mut out)? {
        Some(text) => notes::Marks::parse(&text, depth).unwrap_or_else(|e| {
            damaged(&mut out, "settings.xml", &e);
            notes::Marks::default()
        }),
        None => notes::Marks::default(),
    };
    let (blocks, anchors) = body::parse_with_anchors(&text, &styles, &mut numbering, marks, depth)?;
    out.blocks = blocks;
    for (i, b) in out.blocks.iter_mut().enumerate() {
        b.origin = Origin::at(u32::try_from(i).unwrap_or(u32::MAX));
    }
    let headers = page_headers(&mut zip, &rels, (&styles, &mut numbering), depth, &mut out)?;
    let first = out.blocks.len();
    for (i, mut b) in headers.into_iter().enumerate() {
        b.origin = Origin::at(u32::try_from(first + i).unwrap_or(u32::MAX));
        out.blocks.insert(i, b);
    }

    for (kind, rel, fallback) in [
        (NoteKind::Footnote, "footnotes", "word/footnotes.xml"),
        (NoteKind::Endnote, "endnotes", "word/endnotes.xml"),
        (NoteKind::Comment, "comments", "word/comments.xml"),
    ] {
        let name = part(rel, fallback);
        if let Some(text) = optional(&mut zip, &name, &mut out)? {
            match notes::parse(&text, &name, kind, depth) {
                Ok(found) => out.notes.extend(found),
                Err(e) => damaged(&mut out, &name, &e),
            }
        }
    }
    for n in &mut out.notes {
        n.anchor = anchors.get(&(n.kind, n.id.clone())).copied();
    }

    if let Some(text) = optional(&mut zip, "docProps/core.xml", &mut out)? {
        if let Err(e) = props::core(&text, depth, &mut out.meta, &mut out.source) {
            damaged(&mut out, "docProps/core.xml", &e);
        }
    }
    if let Some(text) = optional(&mut zip, "docProps/app.xml", &mut out)? {
        if let Err(e) = props::app(&text, depth, &mut out.meta, &mut out.source) {
            damaged(&mut out, "docProps/app.xml", &e);
        }
    }
    Ok(out)
}

/// The paragraphs of the page headers (`w:hdr` parts named by the document's relationships),
/// each distinct text once, marked `hints.page_header`: page furniture, not body. They come
/// first in the block list (a header is printed above the body) but are numbered after the
/// body's blocks, so the body keeps the indices it has without them.
fn page_headers(
    zip: &mut Container<'_>,
    rels: &[(String, String)],
    (styles, numbering): (&Styles, &mut Numbering),
    depth: u64,
    out: &mut Extracted,
) -> Result<Vec<crate::model::Block>> {
    let mut blocks: Vec<crate::model::Block> = Vec::new();
    for (_, name) in rels.iter().filter(|(t, _)| t == "header") {
        let Some(text) = optional(zip, name, out)? else {
            continue;
        };
        let found = match body::parse_with_anchors(
            &text,
            styles,
            numbering,
            notes::Marks::default(),
            depth,
        ) {
            Ok((found, _)) => found,
            Err(e) => {
                damaged(out, name, &e);
                continue;
            }
        };
        for mut b in found {
            if b.text.trim().is_empty() || blocks.iter().any(|k| k.text == b.text) {
                continue;
            }
            b.hints.page_header = true;
            blocks.push(b);
        }
    }
    Ok(blocks)
}

/// Read an optional part as text. Limits still apply (a bomb in any part is an error).
fn optional(zip: &mut Container<'_>, name: &str, out: &mut Extracted) -> Result<Option<String>> {
    let Some(bytes) = zip.read(name)? else {
        return Ok(None);
    };
    let (text, lossy) = xml::decode(&bytes);
    if lossy {
        out.warnings.push(Diagnostic::new(
            Code::UndecodableBytes,
            format!("{name} is not valid UTF-8; bad bytes were replaced by U+FFFD"),
        ));
    }
    Ok(Some(text.into_owned()))
}

fn damaged(out: &mut Extracted, part: &str, e: &Error) {
    out.warnings.push(Diagnostic::new(
        Code::DamagedFile,
        format!("{part} could not be read and was skipped: {e}"),
    ));
}

/// The main document part named by `_rels/.rels`.
fn main_part(zip: &mut Container<'_>, depth: u64) -> Option<String> {
    let rels = relationships(zip, "_rels/.rels", "", depth).ok()?;
    rels.into_iter()
        .find(|(t, _)| t == "officeDocument")
        .map(|(_, p)| p)
}

/// `word/document.xml` → `word/_rels/document.xml.rels`.
fn rels_path(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

/// Relationships of `source` as (last segment of the type, resolved target path).
fn relationships(
    zip: &mut Container<'_>,
    rels: &str,
    source: &str,
    depth: u64,
) -> Result<Vec<(String, String)>> {
    let Some(bytes) = zip.read(rels)? else {
        return Ok(Vec::new());
    };
    let (text, _) = xml::decode(&bytes);
    let mut x = xml::Xml::new(Format::Docx, &text, rels, depth);
    let base = source.rsplit_once('/').map_or("", |(d, _)| d);
    let mut out = Vec::new();
    while let Some(ev) = x.next()? {
        if let Event::Empty(e) | Event::Start(e) = ev {
            if xml::local(&e) != b"Relationship"
                || xml::attr(&e, b"TargetMode").as_deref() == Some("External")
            {
                continue;
            }
            let (Some(t), Some(target)) = (xml::attr(&e, b"Type"), xml::attr(&e, b"Target")) else {
                continue;
            };
            let kind = t.rsplit('/').next().unwrap_or("").to_string();
            let path = if let Some(abs) = target.strip_prefix('/') {
                abs.to_string()
            } else if base.is_empty() {
                target
            } else {
                format!("{base}/{target}")
            };
            out.push((kind, path));
        }
    }
    Ok(out)
}

/// Whether a Word field code (`PAGE`, `NUMPAGES \* MERGEFORMAT` …) numbers pages: such a field
/// shows a different number on every page, so none of its result is body text. Shared by the
/// DOCX and the Word 97 `.doc` readers.
pub(crate) fn is_page_number_field(code: &str) -> bool {
    let word = code.split_whitespace().next().unwrap_or("");
    ["PAGE", "NUMPAGES", "SECTIONPAGES", "SECTION"]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rels_paths() {
        assert_eq!(
            rels_path("word/document.xml"),
            "word/_rels/document.xml.rels"
        );
        assert_eq!(rels_path("document.xml"), "_rels/document.xml.rels");
    }
}
