//! The document model: what every stage hands to the next.
//!
//! Readers produce [`Block`]s (inside an [`Extracted`]); the parser turns
//! them into a [`Document`]; renderers read only `&Document`. Everything here is owned plain data
//! with serde derives, so the JSON output *is* this model (schema `gongwen/1`, documented in
//! `docs/schema.md` and `docs/gongwen.schema.json`).
//!
//! Conventions:
//! - every date is ISO `YYYY-MM-DD` (a `String`, so partial or unknown parts never invent values);
//! - optional facts are `Option` and are left out of the JSON when absent;
//! - every block carries its [`Origin`] so a fact can be traced back to the source.

mod block;
mod diagnostic;
mod document;
mod extracted;
mod note;
mod notice;
mod source;
mod summary;

pub use block::*;
pub use diagnostic::*;
pub use document::*;
pub use extracted::Extracted;
pub use note::*;
pub use notice::*;
pub use source::*;
pub(crate) use summary::evidence_words;
pub use summary::plain_summary;

use serde::{Deserialize, Serialize};

/// The schema identifier written into every JSON document.
pub const SCHEMA: &str = "gongwen/1";

/// The input formats gongwen reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Format {
    /// An HTML page (any encoding).
    Html,
    /// Plain text (UTF-8, GB18030 or UTF-16 with BOM).
    Text,
    /// A PDF file.
    Pdf,
    /// An Office Open XML word-processing file (`.docx`, `.docm`, `.dotx`).
    Docx,
    /// An OFD file (GB/T 33190).
    Ofd,
    /// A Word 97-2003 binary document (`.doc`), or a Kingsoft WPS `.wps` in the same format.
    Doc,
    /// An Excel 97-2003 workbook (BIFF in an OLE compound file: `.xls`, Kingsoft WPS `.et`).
    Xls,
    /// An Office Open XML workbook (`.xlsx`, `.xlsm`).
    Xlsx,
    /// Rich Text Format (`.rtf`).
    Rtf,
    /// A page image (PNG, JPEG, TIFF, BMP, WebP), read by OCR.
    Image,
}

impl Format {
    /// The lowercase name used on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Text => "text",
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Ofd => "ofd",
            Format::Doc => "doc",
            Format::Xls => "xls",
            Format::Xlsx => "xlsx",
            Format::Rtf => "rtf",
            Format::Image => "image",
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}
