//! gongwen (公文) turns Chinese government notices into clean, structured data.
//!
//! The pipeline runs one way:
//!
//! ```text
//! &[u8] ─read::read─▶ Extracted (raw Blocks) ─normalize::blocks─▶ Blocks ─parse::parse─▶ Document ─render::*─▶ bytes
//! ```
//!
//! - [`read`] knows file formats (HTML, text, PDF, DOCX, OFD, XLS/XLSX, RTF) and nothing about notices; it is
//!   the only stage that can fail.
//! - [`normalize`] knows characters: punctuation width, full-width digits, whitespace, line wraps.
//! - [`parse`] knows notices (GB/T 9704 parts, the 一、→（一）→1.→（1）→① hierarchy, signature,
//!   contacts, inspection facts), not formats.
//! - [`render`] writes a [`Document`] as JSON, JSON Lines, Markdown or plain text, or explains
//!   to a person what was found; [`model::plain_summary`] words its warnings for people.
//! - [`chunk`] cuts a document's body into section-aware pieces for retrieval.
//! - `export` (feature `export`, on by default) turns many documents into a research dataset:
//!   CSV, SQLite with a full-text index, or JSON Lines (see `docs/dataset.md`).
//!
//! [`convert`] runs the whole pipeline:
//!
//! ```
//! let notice = "关于巡察整改进展情况的通报\n\n一、提高政治站位\n\n全面落实整改。\n";
//! let doc = gongwen::convert(notice.as_bytes(), &gongwen::Options::default())?;
//! assert_eq!(doc.schema, "gongwen/1");
//! assert!(!doc.blocks.is_empty());
//! # Ok::<(), gongwen::Error>(())
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod batch;
pub(crate) mod chars;
pub mod chunk;
mod error;
#[cfg(feature = "export")]
pub mod export;
mod guard;
mod memory;
pub mod model;
pub mod normalize;
#[cfg(feature = "ocr")]
pub mod ocr;
mod options;
pub mod parse;
pub mod read;
pub mod render;
#[cfg(test)]
mod testutil;
pub(crate) mod vocab;

/// Not part of the API: internals that `benches/` and `tests/` exercise in isolation (the PDF
/// interpreter without layout, the layout step without a PDF, each normalizer rule alone). They
/// change without notice.
#[doc(hidden)]
pub mod internals {
    /// The layout step: glyphs to paragraphs.
    pub mod layout {
        pub use crate::read::layout::{paragraphs, Glyph, LayoutOptions, Page};
    }
    /// The PDF reader, and its content-stream interpreter alone.
    pub mod pdf {
        pub use crate::read::pdf::{pages, read};
    }
    /// The normalizer's rules, each alone.
    pub mod normalize {
        pub use crate::normalize::dash::dashes;
        pub use crate::normalize::decimal::split_decimals;
        pub use crate::normalize::ellipsis::ellipses;
        pub use crate::normalize::lines::join_lines;
        pub use crate::normalize::period::full_stops;
        pub use crate::normalize::punct::punctuation;
        pub use crate::normalize::quotes::quotes;
        pub use crate::normalize::space::{collapse, odd_spaces};
        pub use crate::normalize::titles::title_marks;
        pub use crate::normalize::width::ascii_alnum;
    }
}

pub use error::{Error, Result};
pub use guard::{in_guard, quiet_guarded_panics};
pub use memory::{memory_gauge_registered, set_memory_gauge};
pub use model::{Block, BlockKind, Document, Format, HeadingKind, Meta, Section};
pub use options::{
    Limit, Limits, NormalizeOptions, OcrMode, OcrOptions, Options, ParseOptions, Progress,
    ProgressHook, ReadOptions,
};
pub use render::OutputFormat;

use sha2::{Digest, Sha256};

/// Convert one input to a structured document: read, normalize, parse.
///
/// # Errors
/// Only reading fails: see [`read::read`].
pub fn convert(bytes: &[u8], options: &Options) -> Result<Document> {
    let _budget = memory::Scope::enter(options.read.limits.memory)?;
    let extracted = extract(bytes, options)?;
    Ok(parse::parse(extracted, &options.parse))
}

/// Read and normalize, stopping before the parser (the `--emit normalized` stage).
///
/// # Errors
/// As [`read::read`].
pub fn extract(bytes: &[u8], options: &Options) -> Result<read::Extracted> {
    let _budget = memory::Scope::enter(options.read.limits.memory)?;
    let mut extracted = read::read(bytes, &options.read)?;
    memory::check()?;
    extracted.blocks = normalize::blocks(std::mem::take(&mut extracted.blocks), &options.normalize);
    normalize::notes(&mut extracted.notes, &options.normalize);
    memory::check()?;
    fill_source(&mut extracted.source, bytes, &options.read);
    Ok(extracted)
}

/// Fill the facts every format shares: path, size, hash.
fn fill_source(source: &mut model::Source, bytes: &[u8], opts: &ReadOptions) {
    source.path = opts.file_name.clone();
    source.bytes = bytes.len() as u64;
    source.sha256 = sha256_hex(bytes);
}

/// Lowercase hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push_str(&format!("{b:02x}"));
    }
    out
}
