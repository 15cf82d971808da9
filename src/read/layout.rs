//! Fixed-layout text reconstruction shared by the PDF and OFD readers.
//!
//! Input: positioned glyphs per page. Output: paragraph blocks in reading order, with page
//! furniture (running headers/footers, page numbers) removed and reported.
//!
//! Coordinates: `x` grows rightwards and `y` grows *downwards* from the top of the page (PDF
//! readers flip their y axis). Units are whatever the format uses (points for PDF, millimetres
//! for OFD): every tolerance here is relative to the font size, so units do not matter.

use crate::model::{Block, Diagnostic};

/// One positioned glyph (or a short run of text drawn as a unit).
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// The Unicode text of the glyph (usually one character; ligatures give several).
    pub text: String,
    /// Left edge.
    pub x: f32,
    /// Baseline, measured downwards from the top of the page.
    pub y: f32,
    /// Advance width.
    pub width: f32,
    /// Font size (em height) in page units.
    pub size: f32,
    /// Reader-specific font identifier (index into the reader's font table).
    pub font: u32,
    /// True for glyphs drawn in vertical writing mode.
    pub vertical: bool,
}

/// The glyphs of one page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    /// 1-based page number.
    pub number: u32,
    /// Page width in page units.
    pub width: f32,
    /// Page height in page units.
    pub height: f32,
    /// Body glyphs, in content-stream order.
    pub glyphs: Vec<Glyph>,
    /// Glyphs the reader already knows are furniture (OFD template pages); never body text.
    pub furniture: Vec<Glyph>,
}

/// Options of the layout step.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct LayoutOptions {
    /// Remove running headers/footers and page numbers. Default: `true`.
    pub remove_furniture: bool,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            remove_furniture: true,
        }
    }
}

/// The result of laying out pages.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Layout {
    /// Paragraph blocks in reading order, each with its page in `origin.page`.
    pub blocks: Vec<Block>,
    /// Furniture removed, and other doubts.
    pub warnings: Vec<Diagnostic>,
}

/// Turn pages of glyphs into paragraphs.
///
/// This first version groups glyphs into lines by baseline and makes every line a paragraph;
/// the PDF reader's work replaces it with the full algorithm (see docs/architecture.md).
pub fn paragraphs(pages: &[Page], _opts: &LayoutOptions) -> Layout {
    let mut out = Layout::default();
    for page in pages {
        let mut glyphs: Vec<&Glyph> = page.glyphs.iter().collect();
        glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
        let mut line = String::new();
        let mut last_y: Option<f32> = None;
        for g in glyphs {
            if let Some(y) = last_y {
                if (g.y - y).abs() > g.size * 0.5 && !line.is_empty() {
                    push_line(&mut out, page.number, std::mem::take(&mut line));
                }
            }
            line.push_str(&g.text);
            last_y = Some(g.y);
        }
        if !line.is_empty() {
            push_line(&mut out, page.number, line);
        }
    }
    out
}

fn push_line(out: &mut Layout, page: u32, text: String) {
    let index = out.blocks.len() as u32;
    out.blocks
        .push(Block::paragraph(text).with_origin(crate::model::Origin::on_page(page, index)));
}
