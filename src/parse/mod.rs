//! The parser: raw blocks in, a structured [`Document`] out.
//!
//! It knows notices, not formats. It runs named passes in order, each in its own file, and is
//! total: whatever it is unsure of becomes a warning, never an error.

use crate::model::Document;
use crate::options::ParseOptions;
use crate::read::Extracted;

#[allow(dead_code)] // used by the passes as they land
pub(crate) mod date;
mod meta;
mod notice;
#[allow(dead_code)]
pub(crate) mod numeral;

/// Parse normalized blocks into a document.
pub fn parse(extracted: Extracted, opts: &ParseOptions) -> Document {
    let mut doc = Document::new();
    doc.source = extracted.source;
    doc.meta = extracted.meta;
    doc.warnings = extracted.warnings;
    doc.notes = extracted.notes;
    let mut blocks = extracted.blocks;
    meta::apply(&mut blocks, &mut doc.meta, &mut doc.warnings);
    doc.blocks = blocks;
    if opts.notice {
        doc.notice = notice::notice(&doc);
    }
    doc
}
