//! The block stream a reader hands to the normalizer and the parser: the one type that crosses
//! the reader/parser boundary, so it lives with the model and not in `read`.

use super::{Block, Diagnostic, EncodingInfo, Format, Meta, Note, Source};

/// What a reader hands to the normalizer and parser.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct Extracted {
    /// The format that was read.
    pub format: Option<Format>,
    /// Body blocks in reading order (plus `meta_field` blocks found around the body).
    pub blocks: Vec<Block>,
    /// Metadata the file format itself carries (HTML `<meta>`, PDF Info, DOCX core properties).
    pub meta: Meta,
    /// Facts about the file (encoding, pages, producer …). `path`, `bytes` and `sha256` are
    /// filled in by [`crate::convert`].
    pub source: Source,
    /// What the reader was unsure about.
    pub warnings: Vec<Diagnostic>,
    /// Footnotes, endnotes and comments, kept apart from the body (DOCX, `.doc`).
    pub notes: Vec<Note>,
    /// Pages (1-based, ascending) whose text the reader judged unreliable (`unreliable_text`:
    /// a font's Unicode map is missing or wrong, or the text layer reads like a failed OCR):
    /// the candidates for OCR. Filled by the PDF and OFD readers.
    pub unreliable_pages: Vec<u32>,
}

impl Extracted {
    /// An empty result for `format`.
    pub fn new(format: Format) -> Self {
        Extracted {
            format: Some(format),
            source: Source {
                format: Some(format),
                ..Default::default()
            },
            ..Default::default()
        }
    }

    /// Record the encoding decision.
    pub fn set_encoding(&mut self, info: EncodingInfo) {
        self.source.encoding = Some(info);
    }
}
