//! The parser: raw blocks in, a structured [`Document`] out.
//!
//! It knows notices, not formats. It runs named passes in order, each in its own file, and is
//! total: whatever it is unsure of becomes a warning, never an error.

// Input reaches every line here: slicing goes through `.get()` (see docs/robustness.md).
#![cfg_attr(not(test), warn(clippy::indexing_slicing))]

use crate::model::Document;
use crate::model::Extracted;
use crate::options::ParseOptions;

mod chrome;
mod closing;
mod contacts;
mod contents;
pub(crate) mod dates;
mod divisions;
mod headings;
mod items;
mod lists;
mod meta;
mod notice;
mod parts;
mod rejoin;
pub(crate) mod scan;
mod sections;
#[cfg(test)]
mod tests;
mod title;

/// Parse normalized blocks into a document.
pub fn parse(extracted: Extracted, opts: &ParseOptions) -> Document {
    let mut doc = Document::new();
    doc.source = extracted.source;
    doc.meta = extracted.meta;
    doc.warnings = extracted.warnings;
    doc.notes = extracted.notes;
    let mut blocks = extracted.blocks;
    meta::apply(&mut blocks, &mut doc.meta, &mut doc.warnings);
    structure(&mut blocks, &mut doc, opts);
    doc.blocks = blocks;
    doc.sections = sections::build(&doc.blocks);
    contacts::apply(&doc.blocks, doc.parts.note.as_deref(), &mut doc.contacts);
    if opts.notice {
        doc.notice = notice::notice(&doc);
    }
    doc
}

/// The structural passes, in order: chrome, 版头 parts, title, 主送, 版记, signature,
/// attachments, table of contents, headings, enumerations.
fn structure(blocks: &mut Vec<crate::model::Block>, doc: &mut Document, opts: &ParseOptions) {
    chrome::apply(blocks, opts.drop_footer_chrome, &mut doc.warnings);
    parts::header(blocks, &mut doc.parts);
    let body = title::apply(blocks, &mut doc.meta, &mut doc.parts, &mut doc.warnings);
    if let Some(after) = body {
        parts::addressee(blocks, after, &mut doc.parts);
    }
    if doc.parts.doc_number.is_none() {
        doc.parts.doc_number = doc
            .meta
            .doc_number
            .as_deref()
            .and_then(parts::parse_doc_number);
    }
    let start = body.unwrap_or(0);
    parts::colophon(blocks, &mut doc.parts);
    // A 令 is signed above the regulation it promulgates; other documents at their end, before
    // any attachment printed after them.
    let decree = closing::decree(blocks, &mut doc.parts.issuer_mark);
    let (from, end) = decree.unwrap_or((start, closing::main_end(blocks, start)));
    let main = blocks.get_mut(..end).unwrap_or_default();
    let date = closing::signature(main, from, &mut doc.signature, &mut doc.warnings);
    closing::split_joint(&mut doc.signature, doc.meta.issuer.as_deref());
    if let Some(at) = date.filter(|_| decree.is_none()) {
        parts::note(blocks, at + 1, &mut doc.parts);
    }
    let main = blocks.get_mut(..end).unwrap_or_default();
    closing::attachments(main, start.min(end), &mut doc.attachments);
    contents::apply(blocks, start);
    headings::apply(blocks, start, &mut doc.warnings);
    rejoin::apply(blocks, start);
    lists::apply(blocks);
}
