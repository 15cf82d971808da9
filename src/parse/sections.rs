//! Pass: the section tree.
//!
//! Resolves the nested `sections` over block indices from the flat heading levels: a heading
//! closes every open section at its level or deeper and opens a child of what remains. Body
//! blocks (paragraphs, tables, list items) become `content` of the innermost open section;
//! blocks before the first heading, title lines and closing lines belong to no section.

use crate::model::{Block, BlockKind, HeadingKind, Section};
use crate::vocab::numeral;

/// Build the tree.
pub(crate) fn build(blocks: &[Block]) -> Vec<Section> {
    let mut roots: Vec<Section> = Vec::new();
    // Open sections, outermost first; each is moved into its parent when closed.
    let mut open: Vec<Section> = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        let index = u32::try_from(i).unwrap_or(u32::MAX);
        match block.kind {
            BlockKind::Heading => {
                let level = block.level.unwrap_or(1);
                while open.last().is_some_and(|s| s.level >= level) {
                    close(&mut open, &mut roots);
                }
                open.push(Section {
                    level,
                    number: block.number.clone(),
                    kind: block.heading_kind,
                    article: article_number(block),
                    title: title(block),
                    block: index,
                    content: Vec::new(),
                    children: Vec::new(),
                });
            }
            BlockKind::Paragraph | BlockKind::Table | BlockKind::ListItem if !block.contents => {
                if let Some(s) = open.last_mut() {
                    s.content.push(index);
                }
            }
            _ => {}
        }
    }
    while !open.is_empty() {
        close(&mut open, &mut roots);
    }
    roots
}

/// The heading text without a final `。`/`：`, an article caption without its brackets
/// (`【适用范围】` → `适用范围`).
fn title(block: &Block) -> String {
    let t = block.text.trim_end_matches(['。', '：', ':']);
    if block.heading_kind == Some(HeadingKind::Article) {
        return t
            .trim_start_matches(['【', '〔', '（', '('])
            .trim_end_matches(['】', '〕', '）', ')'])
            .to_string();
    }
    t.to_string()
}

/// `第十二条` → 12 (`第一百二十条之一` → 120), for articles only.
fn article_number(block: &Block) -> Option<u32> {
    if block.heading_kind != Some(HeadingKind::Article) {
        return None;
    }
    let n = block.number.as_deref()?.strip_prefix('第')?;
    let n = n.strip_suffix("之一").unwrap_or(n).strip_suffix('条')?;
    u32::try_from(numeral::number(n)?).ok()
}

fn close(open: &mut Vec<Section>, roots: &mut Vec<Section>) {
    if let Some(s) = open.pop() {
        match open.last_mut() {
            Some(parent) => parent.children.push(s),
            None => roots.push(s),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(level: u8, text: &str) -> Block {
        let mut b = Block::new(BlockKind::Heading, text);
        b.level = Some(level);
        b
    }

    #[test]
    fn tree() {
        let blocks = vec![
            Block::paragraph("导语"),
            h(1, "一、"),
            Block::paragraph("p"),
            h(2, "（一）"),
            h(3, "1."),
            Block::paragraph("q"),
            h(2, "（二）"),
            h(1, "二、"),
            Block::new(BlockKind::Closing, "署名"),
        ];
        let s = build(&blocks);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].content, [2]);
        assert_eq!(s[0].children.len(), 2);
        assert_eq!(s[0].children[0].children[0].content, [5]);
        assert_eq!(s[0].children[1].block, 6);
        assert!(s[1].content.is_empty());
    }
}
