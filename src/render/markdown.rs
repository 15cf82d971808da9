//! Markdown: the title as `#`, headings as `##`… by level with their number, enumerations as
//! lists, tables as pipe tables, closing lines (署名, 成文日期, 附件, 版记) where they stand.

use std::io::{self, Write};

use crate::model::{Block, BlockKind, Document, NoteKind, Table};

/// Render `doc` as Markdown.
pub fn markdown(doc: &Document, out: &mut dyn Write) -> io::Result<()> {
    // The title, joined, where its first line stands (a 红头 or 发文字号 may come first);
    // at the top when only the metadata named it.
    let has_title_lines = doc.blocks.iter().any(|b| b.kind == BlockKind::Title);
    let mut title = doc.meta.title.as_deref();
    if !has_title_lines {
        if let Some(t) = title.take() {
            writeln!(out, "# {t}\n")?;
        }
    }
    for block in &doc.blocks {
        match block.kind {
            BlockKind::Title => {
                if let Some(t) = title.take() {
                    writeln!(out, "# {t}\n")?;
                }
            }
            BlockKind::Heading => {
                let level = usize::from(block.level.unwrap_or(1)).clamp(1, 5) + 1;
                let line = super::text::numbered_line(block);
                writeln!(out, "{} {}\n", "#".repeat(level), line.trim_end())?;
            }
            BlockKind::Table => match &block.table {
                Some(table) => write_table(table, out)?,
                None => writeln!(out, "{}\n", block.text)?,
            },
            BlockKind::Paragraph if !block.items.is_empty() => write_items(block, out)?,
            BlockKind::ListItem => {
                writeln!(out, "{}\n", escape(&super::text::numbered_line(block)))?
            }
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

/// A paragraph with enumeration items: its lead-in, then one list item per marker.
fn write_items(block: &Block, out: &mut dyn Write) -> io::Result<()> {
    let first = block.items.first().map_or(0, |i| i.span.start as usize);
    let lead: String = block.text.chars().take(first).collect();
    if !lead.trim().is_empty() {
        writeln!(out, "{}\n", escape(lead.trim()))?;
    }
    for item in &block.items {
        writeln!(out, "- {}{}", item.marker, item.text)?;
    }
    writeln!(out)
}

fn write_table(table: &Table, out: &mut dyn Write) -> io::Result<()> {
    // A spreadsheet's sheet name, as a line of its own above the table.
    if let Some(caption) = table.caption.as_deref().filter(|c| !c.trim().is_empty()) {
        writeln!(out, "{}\n", escape(caption.trim()))?;
    }
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

/// Escape characters that would start Markdown syntax at the beginning of a line: `#`, `>`,
/// bullets, and `1.`/`1)` (an ordered list in Markdown; a numbered paragraph here).
fn escape(text: &str) -> String {
    if let Some('#' | '>' | '-' | '+' | '*' | '|') = text.chars().next() {
        return format!("\\{text}");
    }
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 {
        if let Some(rest) = text.get(digits..) {
            if rest.starts_with(['.', ')']) {
                return format!("{}\\{rest}", text.get(..digits).unwrap_or(""));
            }
        }
    }
    text.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ListItem, Span};

    #[test]
    fn hierarchy_and_items() {
        let mut doc = Document::new();
        doc.meta.title = Some("关于某事的通报".into());
        let mut t = Block::new(BlockKind::Title, "关于某事的通报");
        t.origin.index = 0;
        let mut h1 = Block::new(BlockKind::Heading, "总体情况");
        h1.level = Some(1);
        h1.number = Some("一、".into());
        let mut h2 = Block::new(BlockKind::Heading, "加强领导。");
        h2.level = Some(2);
        h2.number = Some("（一）".into());
        let mut p = Block::paragraph("要求：一是甲；二是乙。");
        p.items = vec![
            ListItem {
                marker: "一是".into(),
                text: "甲；".into(),
                span: Span { start: 3, end: 7 },
            },
            ListItem {
                marker: "二是".into(),
                text: "乙。".into(),
                span: Span { start: 7, end: 11 },
            },
        ];
        doc.blocks = vec![
            t,
            h1,
            h2,
            p,
            Block::paragraph("1.5亿元"),
            Block::new(BlockKind::Closing, "某某委员会"),
        ];
        let mut out = Vec::new();
        markdown(&doc, &mut out).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert_eq!(
            s,
            "# 关于某事的通报\n\n## 一、总体情况\n\n### （一）加强领导。\n\n要求：\n\n- 一是甲；\n- 二是乙。\n\n1\\.5亿元\n\n某某委员会\n\n"
        );
    }
}
