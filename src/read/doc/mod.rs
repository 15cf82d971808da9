//! Word 97-2003 binary reader (`.doc`, `.dot`, and Kingsoft WPS `.wps`, which is the same
//! format plus a `WpsCustomData` stream): what Word shows of the main document, numbering
//! included, as the same blocks the DOCX reader gives.
//!
//! The compound file is opened by [`crate::read::ole`]; the `WordDocument` stream starts with
//! the FIB ([`fib`]), which names the table stream (`0Table`/`1Table`) holding the piece table
//! ([`pieces`]), the paragraph and character property pages ([`fkp`], [`sprm`]), the style
//! sheet ([`styles`]) and the list definitions ([`lists`]). The body is CP `0 .. ccpText`;
//! footnotes, headers, footers, comments and text boxes follow it and are not body text:
//! footnotes, endnotes and comments become notes ([`notes`]), headers, footers and text
//! boxes are not read. [`body`] turns the characters into paragraphs and tables; [`summary`]
//! reads title, author, keywords and dates from the `\u{5}SummaryInformation` stream.
//!
//! Every offset and count comes from the file and is checked against the stream it points
//! into; the text can never be longer than the `WordDocument` stream, and every property page
//! is read once, so the work is linear in the input.
//!
//! # Errors
//! [`Error::Malformed`] for a damaged compound file, a missing `WordDocument` or table stream,
//! or a piece table that points past the stream; [`Error::UnsupportedFormat`] for Word 6/95
//! files and compound files that are not Word documents (Microsoft Works `.wps` is named);
//! [`Error::Encrypted`] for password-protected documents; [`Error::LimitExceeded`] for streams
//! over `Limits::stream_bytes`.

mod body;
mod bytes;
mod fib;
mod fkp;
mod lists;
mod notes;
mod pieces;
mod sprm;
mod styles;
mod summary;

use crate::error::{Error, Result};
use crate::model::{Format, Origin};
use crate::options::ReadOptions;
use crate::read::ole::{self, Ole, OleKind};
use crate::read::Extracted;

use fib::{Fib, Part};

/// Read a Word 97-2003 (or Kingsoft WPS) document.
///
/// # Errors
/// See the [module documentation](self).
pub fn read(bytes: &[u8], opts: &ReadOptions) -> Result<Extracted> {
    let limits = &opts.limits;
    let mut file = Ole::open(bytes, Format::Doc, limits)?;
    let kind = file.kind();
    let OleKind::Word { kingsoft } = kind else {
        return Err(ole::unsupported(kind));
    };
    let word = file
        .stream("WordDocument", limits)?
        .ok_or_else(|| Error::malformed(Format::Doc, "no WordDocument stream"))?;
    let fib = Fib::parse(&word, opts.password.is_some())?;
    let table_name = if fib.table_1 { "1Table" } else { "0Table" };
    let table = file.stream(table_name, limits)?.ok_or_else(|| {
        Error::malformed(Format::Doc, format!("the {table_name} stream is missing"))
    })?;
    let clx = fib.slice(&table, Part::Clx).ok_or_else(|| {
        Error::malformed(
            Format::Doc,
            "the piece table (Clx) is missing or past the table stream",
        )
    })?;
    let clx = pieces::Clx::parse(clx)?;
    let text = clx.text(&word, fib.ccp_text)?;

    let styles = fib
        .slice(&table, Part::Stshf)
        .map(styles::Styles::parse)
        .unwrap_or_default();
    let numbering = lists::load(
        &table,
        fib.part(Part::PlfLst).map(|(fc, _)| fc),
        fib.part(Part::PlfLfo).map(|(fc, _)| fc),
    );
    let papx = fib
        .slice(&table, Part::PlcfBtePapx)
        .map(|plc| fkp::runs(&word, plc, fkp::Kind::Papx))
        .unwrap_or_default();
    let chpx = fib
        .slice(&table, Part::PlcfBteChpx)
        .map(|plc| fkp::runs(&word, plc, fkp::Kind::Chpx))
        .unwrap_or_default();

    let fonts = fib
        .slice(&table, Part::SttbfFfn)
        .map(styles::font_names)
        .unwrap_or_default();

    let marks = notes::marks(&fib, &table);
    let mut out = Extracted::new(Format::Doc);
    out.warnings.extend(file.warning.take());
    let doc = body::Doc {
        text: &text,
        base: 0,
        clx: &clx,
        styles: &styles,
        papx: &papx,
        chpx: &chpx,
        fonts: &fonts,
        marks: &marks,
    };
    let body = body::blocks(&doc, numbering);
    let (notes, warnings) = notes::read(&fib, &table, &word, &doc, &body);
    out.notes = notes;
    out.warnings.extend(warnings);
    out.blocks = body.blocks;
    for (i, b) in out.blocks.iter_mut().enumerate() {
        b.origin = Origin::at(u32::try_from(i).unwrap_or(u32::MAX));
    }
    if let Some(info) = file.stream("\u{5}SummaryInformation", limits)? {
        summary::apply(&info, &mut out.meta, &mut out.source);
    }
    if kingsoft && out.source.producer.is_none() {
        out.source.producer = Some("WPS Office".to_string());
    }
    Ok(out)
}
