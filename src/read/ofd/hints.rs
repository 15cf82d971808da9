//! Font hints for the blocks the layout step made.
//!
//! The shared layout step returns text blocks, not the glyphs behind them, so the font, size,
//! weight and colour of each block are recovered by walking the block's characters through the
//! page's glyphs in reading order (top to bottom, left to right), the order the blocks were
//! built in. A character that is not found nearby is skipped; the hint is the majority of what
//! was found, so a few mismatches (joined lines, removed page numbers) change nothing.

use std::collections::HashMap;

use crate::model::Block;
use crate::read::layout::{Glyph, Page};

use super::content::Style;

/// How far ahead of the cursor a character is searched for.
const WINDOW: usize = 256;
/// Millimetres to points.
const PT_PER_MM: f32 = 72.0 / 25.4;

/// Set `hints.font`, `font_size` (points), `bold` and `red` on `blocks` from the glyph styles.
pub(super) fn apply(blocks: &mut [Block], pages: &[Page], styles: &[Style]) {
    let mut orders: HashMap<u32, Order<'_>> = HashMap::new();
    for page in pages {
        let glyphs = reading_order(&page.glyphs);
        let used = vec![false; glyphs.len()];
        orders.insert(
            page.number,
            Order {
                glyphs,
                used,
                cursor: 0,
            },
        );
    }
    for block in blocks {
        let Some(order) = block.origin.page.and_then(|p| orders.get_mut(&p)) else {
            continue;
        };
        let mut found: Vec<&Glyph> = Vec::new();
        for c in block.text.chars().filter(|c| !c.is_whitespace()) {
            if let Some(g) = order.find(c) {
                found.push(g);
            }
        }
        if found.is_empty() {
            continue;
        }
        let hints = &mut block.hints;
        let majority = |f: &dyn Fn(&Style) -> bool| {
            let n = found
                .iter()
                .filter(|g| styles.get(g.font as usize).is_some_and(f))
                .count();
            n * 2 > found.len()
        };
        hints.bold |= majority(&|s| s.bold);
        hints.red |= majority(&|s| s.red);
        if hints.font.is_none() {
            hints.font = dominant(
                found
                    .iter()
                    .filter_map(|g| styles.get(g.font as usize).and_then(|s| s.font.clone())),
            );
        }
        // The layout works in page units (mm here); the model's font size is in points.
        let size = dominant(
            found
                .iter()
                .map(|g| (g.size * PT_PER_MM * 2.0).round() as i64),
        );
        if let Some(half_points) = size {
            hints.font_size = Some(half_points as f32 / 2.0);
        }
    }
}

/// A page's glyphs in reading order, which of them were matched, and where matching goes on.
struct Order<'a> {
    glyphs: Vec<&'a Glyph>,
    used: Vec<bool>,
    cursor: usize,
}

impl<'a> Order<'a> {
    /// The next unused glyph holding `c`: near the cursor first, then (on pages small enough
    /// for it) anywhere, which resynchronises after columns or a reordered line.
    fn find(&mut self, c: char) -> Option<&'a Glyph> {
        let n = self.glyphs.len();
        let near = self.cursor..(self.cursor + WINDOW).min(n);
        let far = if n <= MAX_FULL_SCAN { 0..n } else { 0..0 };
        let hit = near.chain(far).find(|&i| {
            !self.used.get(i).copied().unwrap_or(true)
                && self.glyphs.get(i).is_some_and(|g| g.text.contains(c))
        })?;
        if let Some(u) = self.used.get_mut(hit) {
            *u = true;
        }
        self.cursor = hit + 1;
        self.glyphs.get(hit).copied()
    }
}

/// Pages with more glyphs than this are only searched near the cursor (the full scan per
/// character would be quadratic).
const MAX_FULL_SCAN: usize = 20_000;

/// Glyphs top to bottom, then left to right within a line (baselines closer than a third of
/// the size are one line). Lines are numbered first so the final sort has a total order.
fn reading_order(glyphs: &[Glyph]) -> Vec<&Glyph> {
    let mut by_y: Vec<&Glyph> = glyphs.iter().collect();
    by_y.sort_by(|a, b| a.y.total_cmp(&b.y));
    let mut keyed: Vec<(usize, &Glyph)> = Vec::with_capacity(by_y.len());
    let mut line = 0usize;
    let mut last: Option<&Glyph> = None;
    for g in by_y {
        if let Some(p) = last {
            if (g.y - p.y).abs() >= p.size.min(g.size) / 3.0 {
                line += 1;
            }
        }
        keyed.push((line, g));
        last = Some(g);
    }
    keyed.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.x.total_cmp(&b.1.x)));
    keyed.into_iter().map(|(_, g)| g).collect()
}

/// The most frequent value (the first seen wins ties).
fn dominant<T: Eq + std::hash::Hash + Clone>(values: impl Iterator<Item = T>) -> Option<T> {
    let mut counts: Vec<(T, usize)> = Vec::new();
    let mut index: HashMap<T, usize> = HashMap::new();
    for v in values {
        match index.get(&v) {
            Some(&i) => {
                if let Some(slot) = counts.get_mut(i) {
                    slot.1 += 1;
                }
            }
            None => {
                index.insert(v.clone(), counts.len());
                counts.push((v, 1));
            }
        }
    }
    let best = counts.iter().map(|(_, n)| *n).max()?;
    counts.into_iter().find(|(_, n)| *n == best).map(|(v, _)| v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Origin;

    fn g(text: &str, x: f32, y: f32, size: f32, font: u32) -> Glyph {
        Glyph {
            text: text.into(),
            x,
            y,
            width: size,
            size,
            font,
            vertical: false,
        }
    }

    #[test]
    fn blocks_get_the_style_of_their_glyphs() {
        let styles = vec![
            Style {
                font: Some("小标宋体".into()),
                bold: true,
                red: true,
            },
            Style {
                font: Some("仿宋".into()),
                bold: false,
                red: false,
            },
        ];
        let page = Page {
            number: 1,
            width: 210.0,
            height: 297.0,
            glyphs: vec![
                g("正", 30.0, 60.0, 5.6, 1),
                g("文", 35.6, 60.0, 5.6, 1),
                g("局", 60.0, 40.0, 14.7, 0),
                g("文", 75.0, 40.0, 14.7, 0),
            ],
            furniture: Vec::new(),
        };
        let mut blocks = vec![
            Block::paragraph("局文").with_origin(Origin::on_page(1, 0)),
            Block::paragraph("正 文").with_origin(Origin::on_page(1, 1)),
            Block::paragraph("无").with_origin(Origin::on_page(2, 2)),
        ];
        apply(&mut blocks, &[page], &styles);
        let h0 = &blocks[0].hints;
        assert_eq!(h0.font.as_deref(), Some("小标宋体"));
        assert!(h0.bold && h0.red);
        // 14.7 mm ≈ 41.7 pt, rounded to half points.
        assert_eq!(h0.font_size, Some(41.5));
        let h1 = &blocks[1].hints;
        assert_eq!(h1.font.as_deref(), Some("仿宋"));
        assert!(!h1.bold && !h1.red);
        assert_eq!(h1.font_size, Some(16.0));
        assert!(blocks[2].hints.is_empty());
    }
}
