//! Plain text: the title, then one block per line, headings on their own line.

use std::io::{self, Write};

use crate::model::{BlockKind, Document};

/// Render `doc` as plain text.
pub fn text(doc: &Document, out: &mut dyn Write) -> io::Result<()> {
    if let Some(title) = &doc.meta.title {
        writeln!(out, "{title}")?;
    }
    for block in &doc.blocks {
        match block.kind {
            BlockKind::Heading => {
                let number = block.number.as_deref().unwrap_or("");
                writeln!(out, "{number}{}", block.text)?;
            }
            _ => writeln!(out, "{}", block.text)?,
        }
    }
    Ok(())
}
