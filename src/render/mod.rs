//! Renderers: `&Document` in, bytes out. They never reparse or infer structure.

use std::io::{self, Write};

use crate::model::Document;

mod explain;
mod json;
mod markdown;
mod text;

pub use explain::explain;
pub use json::{json, jsonl};
pub use markdown::markdown;
pub use text::text;

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum OutputFormat {
    /// Pretty-printed JSON (schema `gongwen/1`).
    Json,
    /// One compact JSON document per line.
    Jsonl,
    /// Markdown with `#` heading levels and pipe tables.
    Markdown,
    /// Plain text: one paragraph per line, headings on their own line.
    Text,
    /// A short summary of what was found, for a person checking one file (not for parsing).
    Explain,
}

impl OutputFormat {
    /// Parse a CLI name (`json`, `jsonl`, `md`/`markdown`, `text`/`txt`, `explain`).
    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name.to_ascii_lowercase().as_str() {
            "json" => OutputFormat::Json,
            "jsonl" | "ndjson" => OutputFormat::Jsonl,
            "md" | "markdown" => OutputFormat::Markdown,
            "text" | "txt" | "plain" => OutputFormat::Text,
            "explain" => OutputFormat::Explain,
            _ => return None,
        })
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            OutputFormat::Json => "json",
            OutputFormat::Jsonl => "jsonl",
            OutputFormat::Markdown => "md",
            OutputFormat::Text | OutputFormat::Explain => "txt",
        }
    }
}

/// Render `doc` in `format` to `out`.
pub fn render(doc: &Document, format: OutputFormat, out: &mut dyn Write) -> io::Result<()> {
    match format {
        OutputFormat::Json => json(doc, out),
        OutputFormat::Jsonl => jsonl(doc, out),
        OutputFormat::Markdown => markdown(doc, out),
        OutputFormat::Text => text(doc, out),
        OutputFormat::Explain => explain(doc, out),
    }
}

/// Render to a `String` (convenience for tests and small documents).
pub fn to_string(doc: &Document, format: OutputFormat) -> String {
    let mut buf = Vec::new();
    // Writing to a Vec cannot fail, and every renderer writes UTF-8.
    let _ = render(doc, format, &mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}
