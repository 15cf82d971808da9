//! Markdown: the title as `#`, headings as `##`… by level, tables as pipe tables.

use std::io::{self, Write};

use crate::model::{BlockKind, Document, NoteKind, Table};

/// Render `doc` as Markdown.
pub fn markdown(doc: &Document, out: &mut dyn Write) -> io::Result<()> {
    if let Some(title) = &doc.meta.title {
        writeln!(out, "# {title}\n")?;
    }
    for block in &doc.blocks {
        match block.kind {
            BlockKind::Heading => {
                let level = usize::from(block.level.unwrap_or(1)).clamp(1, 5) + 1;
                let number = block.number.as_deref().unwrap_or("");
                writeln!(out, "{} {number}{}\n", "#".repeat(level), block.text)?;
            }
            BlockKind::Table => match &block.table {
                Some(table) => write_table(table, out)?,
                None => writeln!(out, "{}\n", block.text)?,
            },
            _ => writeln!(out, "{}\n", escape(&block.text))?,
        }
    }
    write_notes(doc, out)
}

/// Footnotes, endnotes and comments as a list after the body.
fn write_notes(doc: &Document, out: &mut dyn Write) -> io::Result<()> {
    if doc.notes.is_empty() {
        return Ok(());
    }
    writeln!(out, "## 注释\n")?;
    for n in &doc.notes {
        let kind = match n.kind {
            NoteKind::Footnote => "脚注",
            NoteKind::Endnote => "尾注",
            _ => "批注",
        };
        let author = n
            .author
            .as_ref()
            .map(|a| format!("（{a}）"))
            .unwrap_or_default();
        let text = n.text.replace('\n', " ");
        writeln!(out, "- {kind} {}{author}：{text}", n.id)?;
    }
    writeln!(out)
}

fn write_table(table: &Table, out: &mut dyn Write) -> io::Result<()> {
    let width = table.rows.iter().map(Vec::len).max().unwrap_or(0);
    for (i, row) in table.rows.iter().enumerate() {
        let mut cells: Vec<String> = row.iter().map(|c| cell(&c.text)).collect();
        cells.resize(width, String::new());
        writeln!(out, "| {} |", cells.join(" | "))?;
        if i == 0 {
            writeln!(out, "|{}", " --- |".repeat(width))?;
        }
    }
    writeln!(out)
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', "<br>")
}

/// Escape characters that would start Markdown syntax at the beginning of a line.
fn escape(text: &str) -> String {
    match text.chars().next() {
        Some('#' | '>' | '-' | '+' | '*' | '|') => format!("\\{text}"),
        _ => text.to_string(),
    }
}
