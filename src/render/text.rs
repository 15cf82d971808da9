//! Plain text: one block per line, as the source shows it, headings on their own line.
//!
//! Title lines are printed as they stand (a title split over two lines stays two lines). A
//! run-in heading (`（一）提高政治站位。区委…`, split by the parser into a heading and a
//! paragraph) is printed back on one line, as in the source: this output is what character
//! error rates against the source text are measured on.

use std::io::{self, Write};

use crate::model::{Block, BlockKind, Document};

/// Render `doc` as plain text.
pub fn text(doc: &Document, out: &mut dyn Write) -> io::Result<()> {
    let mut open_line = false;
    for (i, block) in doc.blocks.iter().enumerate() {
        let line = match block.kind {
            BlockKind::Heading | BlockKind::ListItem => numbered_line(block),
            _ => block.text.clone(),
        };
        let joins_next = doc
            .blocks
            .get(i + 1)
            .is_some_and(|next| continues(block, next));
        if joins_next {
            write!(out, "{line}")?;
            open_line = true;
        } else {
            writeln!(out, "{line}")?;
            open_line = false;
        }
    }
    if open_line {
        writeln!(out)?;
    }
    Ok(())
}

/// A heading or list item with its number: `（一）…`, `第一章 总则`, `1.1 编制目的`, and an
/// article heading `第一条 ` ready for its run-in text.
pub(crate) fn numbered_line(block: &Block) -> String {
    let number = block.number.as_deref().unwrap_or("");
    let sep = match block.heading_kind {
        // `第四条【服务时间】…` is printed as written, with no space before the bracket.
        Some(kind) if !number.is_empty() && !block.text.starts_with(['【', '〔', '（', '(']) => {
            kind.separator()
        }
        _ => "",
    };
    format!("{number}{sep}{}", block.text)
}

/// `next` is the rest of the source line whose lead phrase is the heading `head`.
pub(crate) fn continues(head: &Block, next: &Block) -> bool {
    head.kind == BlockKind::Heading
        && next.kind == BlockKind::Paragraph
        && head.origin.index == next.origin.index
        && matches!((head.origin.span, next.origin.span), (Some(a), Some(b)) if a.end == b.start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    #[test]
    fn run_in_heading_stays_on_its_line() {
        let mut doc = Document::new();
        let mut h = Block::new(BlockKind::Heading, "提高政治站位。");
        h.level = Some(2);
        h.number = Some("（一）".into());
        h.origin.index = 3;
        h.origin.span = Some(Span { start: 0, end: 10 });
        let mut p = Block::paragraph("区委旗帜鲜明讲政治。");
        p.origin.index = 3;
        p.origin.span = Some(Span { start: 10, end: 20 });
        let mut h1 = Block::new(BlockKind::Heading, "总体情况");
        h1.level = Some(1);
        h1.number = Some("一、".into());
        h1.origin.index = 2;
        doc.blocks = vec![Block::new(BlockKind::Title, "关于某事的通报"), h1, h, p];
        let mut out = Vec::new();
        text(&doc, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "关于某事的通报\n一、总体情况\n（一）提高政治站位。区委旗帜鲜明讲政治。\n"
        );
    }
}
