//! JSON and JSON Lines: the document model serialized as is.

use std::io::{self, Write};

use crate::model::Document;

/// Pretty-printed JSON followed by a newline.
pub fn json(doc: &Document, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, doc)?;
    out.write_all(b"\n")
}

/// One compact JSON document on one line.
pub fn jsonl(doc: &Document, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer(&mut *out, doc)?;
    out.write_all(b"\n")
}
