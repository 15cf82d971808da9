//! The parser: raw blocks in, a structured [`Document`] out.
//!
//! It knows notices, not formats. It runs named passes in order, each in its own file, and is
//! total: whatever it is unsure of becomes a warning, never an error.

use crate::model::{BlockKind, Document, MetaField};
use crate::options::ParseOptions;
use crate::read::Extracted;

mod notice;

/// Parse normalized blocks into a document.
///
/// (Placeholder: the passes land with the parser issue.)
pub fn parse(extracted: Extracted, opts: &ParseOptions) -> Document {
    let mut doc = Document::new();
    doc.source = extracted.source;
    doc.meta = extracted.meta;
    doc.warnings = extracted.warnings;
    for block in extracted.blocks {
        if block.kind == BlockKind::MetaField {
            let key = block.key.clone().unwrap_or_default();
            doc.meta.extra.push(MetaField {
                key,
                value: block.text,
            });
        } else {
            doc.blocks.push(block);
        }
    }
    if opts.notice {
        doc.notice = notice::notice(&doc);
    }
    doc
}
