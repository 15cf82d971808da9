//! Fixed-layout text reconstruction shared by the PDF and OFD readers.
//!
//! Input: positioned glyphs per page. Output: paragraph blocks in reading order, with page
//! furniture (running headers/footers, page numbers) removed and reported.
//!
//! Coordinates: `x` grows rightwards and `y` grows *downwards* from the top of the page (PDF
//! readers flip their y axis). Units are whatever the format uses (points for PDF, millimetres
//! for OFD): every tolerance here is relative to the font size, so units do not matter.
//!
//! The steps, one file each:
//! - `lines.rs`: sanitize glyphs, cluster baselines into rows (superscripts and footnote marks
//!   included), drop overprinted duplicates (fake bold), put word spaces between Latin words;
//!   between CJK characters only a hole of a full em, never the spread of justified lines;
//! - `order.rs`: rows into flows in reading order, splitting two-column regions at their gutter;
//! - `furniture.rs`: mark page numbers and running headers/footers;
//! - `paragraphs.rs`: lines into paragraphs, rejoining paragraphs split by a page or column
//!   break;
//! - `style.rs`: the style table glyphs point into, and each paragraph's majority style (font,
//!   bold, red) tallied by characters as lines and paragraphs are built.
//!
//! Within a paragraph, lines are joined with `\n`; the normalizer decides how wrapped lines join
//! (no space between CJK, a space between Latin words, de-hyphenation).
//!
//! Cost: sorting dominates, O(n log n) in the glyphs of a page.

mod furniture;
mod lines;
mod order;
mod paragraphs;
mod style;
#[cfg(test)]
mod tests;

use std::collections::HashMap;

use crate::model::{Block, Code, Diagnostic, Hints, Origin};
use order::{Flow, FlowKind};
use paragraphs::Margins;
pub use style::{bold_name, is_red, Color, Style, Styles};

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
    /// Index of the glyph's `Style` in the style table handed to `paragraphs` (font,
    /// weight, colour); an index outside the table is a glyph of unknown style.
    pub style: u32,
    /// True for glyphs drawn in vertical writing mode.
    pub vertical: bool,
    /// Quarter turns (clockwise on the page) of the baseline the glyph was drawn on: 0 for
    /// upright text, 1 for text running down the page, 2 for upside-down text, 3 for text
    /// running up. A reader that places text under a rotation (a PDF `cm`/`Tm` turning the
    /// text) says so here, and `upright` reads each turn in its own frame. `OBLIQUE` (4) marks
    /// a baseline at another angle.
    pub turn: u8,
}

/// [`Glyph::turn`] of a glyph whose baseline is at neither a right nor a straight angle.
pub const OBLIQUE: u8 = 4;

/// Fewest red glyphs at oblique angles on one page that make a seal's ring.
const SEAL_RING_GLYPHS: usize = 3;

/// The text of a red seal stamped over the signature (`某某市人民政府` set around a ring, a
/// `★` or `专用章` inside): red glyphs at oblique angles, at least [`SEAL_RING_GLYPHS`] of them,
/// and every red glyph inside the box they span (the ring's top letter and the inner text are
/// upright). It is neither body text nor signature: the glyphs are removed. Returns how many.
fn drop_seal(page: &mut Page, styles: &[Style]) -> usize {
    let red = |g: &Glyph| {
        styles
            .get(usize::try_from(g.style).unwrap_or(usize::MAX))
            .is_some_and(|s| s.red)
    };
    let ring: Vec<&Glyph> = page
        .glyphs
        .iter()
        .filter(|g| g.turn == OBLIQUE && red(g))
        .collect();
    if ring.len() < SEAL_RING_GLYPHS {
        return 0;
    }
    let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
    for g in &ring {
        let s = g.size.abs();
        x0 = x0.min(g.x - s);
        x1 = x1.max(g.x + s);
        y0 = y0.min(g.y - s);
        y1 = y1.max(g.y + s);
    }
    let before = page.glyphs.len();
    page.glyphs
        .retain(|g| !(red(g) && (x0..=x1).contains(&g.x) && (y0..=y1).contains(&g.y)));
    before - page.glyphs.len()
}

/// Pages whose glyphs were drawn turned ([`Glyph::turn`]) read in the frame of each turn: the
/// glyphs of one turn are moved into upright coordinates on a page of their own (the same page
/// number, width and height swapped for a quarter turn), after the page's upright text. Text
/// upside down or running up or down the page then forms lines in reading order instead of
/// one line per character. A red seal's ring text is removed first (`styles` tells which
/// glyphs are red); other text at oblique angles is read in the page's frame, as before.
/// Pages with only upright text are returned untouched. Returns the pages and how many seal
/// glyphs were removed.
pub fn upright(pages: Vec<Page>, styles: &[Style]) -> (Vec<Page>, usize) {
    if pages.iter().all(|p| p.glyphs.iter().all(|g| g.turn == 0)) {
        return (pages, 0);
    }
    let mut out = Vec::with_capacity(pages.len());
    let mut sealed = 0;
    for mut page in pages {
        sealed += drop_seal(&mut page, styles);
        for g in page.glyphs.iter_mut().filter(|g| g.turn == OBLIQUE) {
            g.turn = 0;
        }
        if page.glyphs.iter().all(|g| g.turn == 0) {
            out.push(page);
            continue;
        }
        let (w, h) = (page.width, page.height);
        let mut turned: [Vec<Glyph>; 3] = Default::default();
        let mut upright = Vec::with_capacity(page.glyphs.len());
        for mut g in std::mem::take(&mut page.glyphs) {
            let (x, y) = (g.x, g.y);
            let (nx, ny) = match g.turn {
                1 => (y, w - x),
                2 => (w - x, h - y),
                3 => (h - y, x),
                _ => {
                    upright.push(g);
                    continue;
                }
            };
            let slot = usize::from(g.turn - 1);
            (g.x, g.y, g.turn) = (nx, ny, 0);
            if let Some(v) = turned.get_mut(slot) {
                v.push(g);
            }
        }
        let number = page.number;
        if !upright.is_empty() || !page.furniture.is_empty() {
            page.glyphs = upright;
            out.push(page);
        }
        for (slot, glyphs) in turned.into_iter().enumerate() {
            if glyphs.is_empty() {
                continue;
            }
            let (width, height) = if slot == 1 { (w, h) } else { (h, w) };
            out.push(Page {
                number,
                width,
                height,
                glyphs,
                furniture: Vec::new(),
            });
        }
    }
    (out, sealed)
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

/// Turn pages of glyphs into paragraphs in reading order.
///
/// Every block is a [`BlockKind::Paragraph`](crate::model::BlockKind::Paragraph) whose lines are
/// joined with `\n`, with `origin.page` set, `origin.index` its position in the output, and the
/// hints `align` (relative to the text margins), `font_size` (dominant, in page units) and, from
/// `styles` (indexed by [`Glyph::style`]), `font`, `bold` and `red` of the paragraph's majority
/// style by characters. `Page::furniture` glyphs are never body text. Removed page numbers and running headers are counted in
/// [`Code::PageNumbersRemoved`] and [`Code::RunningHeadersRemoved`] warnings.
///
/// Total: broken coordinates (NaN, infinities, zero or negative sizes) are repaired or the glyph
/// is dropped; nothing panics.
pub fn paragraphs(pages: &[Page], styles: &[Style], opts: &LayoutOptions) -> Layout {
    let mut laid: Vec<PageLines> = pages.iter().map(lay_page).collect();
    let mut out = Layout::default();
    if opts.remove_furniture {
        let (numbers, headers) = furniture::mark(&mut laid);
        if numbers > 0 {
            out.warnings.push(Diagnostic::new(
                Code::PageNumbersRemoved,
                format!("removed {numbers} page number lines"),
            ));
        }
        if headers > 0 {
            out.warnings.push(Diagnostic::new(
                Code::RunningHeadersRemoved,
                format!("removed {headers} running header or footer lines"),
            ));
        }
    }

    // Single-column text is measured against the margins of all pages of the same width, so a
    // last page holding only the signature still sees it as right-aligned.
    let mut full_margins: HashMap<i64, Option<Margins>> = HashMap::new();
    for page in &laid {
        full_margins
            .entry(width_key(page.width))
            .or_insert_with(|| {
                paragraphs::margins(
                    laid.iter()
                        .filter(|p| width_key(p.width) == width_key(page.width))
                        .flat_map(|p| p.flows.iter())
                        .filter(|f| f.kind == FlowKind::Full)
                        .flat_map(|f| f.lines.iter()),
                )
            });
    }
    let body_size = lines::dominant(
        laid.iter()
            .flat_map(|p| p.flows.iter())
            .flat_map(|f| f.lines.iter())
            .filter(|l| l.furniture.is_none())
            .map(|l| (l.size, l.text.chars().count())),
    );

    let mut paras = Vec::new();
    for page in &laid {
        for flow in &page.flows {
            let own = || paragraphs::margins(flow.lines.iter());
            let shared = full_margins.get(&width_key(page.width)).copied().flatten();
            let m = match flow.kind {
                FlowKind::Full => shared.or_else(own),
                FlowKind::Column | FlowKind::Vertical => own(),
            };
            if let Some(m) = m {
                paras.extend(paragraphs::split(flow, m, page.number, body_size));
            }
        }
    }
    for (i, p) in paragraphs::rejoin(paras).into_iter().enumerate() {
        let index = u32::try_from(i).unwrap_or(u32::MAX);
        let mut block =
            Block::paragraph(p.text.clone()).with_origin(Origin::on_page(p.page, index));
        let style = p.styles.majority(styles);
        block.hints = Hints {
            align: Some(p.align),
            font_size: Some(p.size()),
            font: style.font,
            bold: style.bold,
            red: style.red,
            ..Hints::default()
        };
        out.blocks.push(block);
    }
    out
}

/// One page after the line and order steps.
#[derive(Debug, Clone, PartialEq)]
struct PageLines {
    number: u32,
    width: f32,
    height: f32,
    flows: Vec<Flow>,
}

fn width_key(width: f32) -> i64 {
    // Pages whose widths agree to a few units share margins.
    (width / 4.0).round() as i64
}

/// Lines of one page in reading order: horizontal flows, then vertical ones.
fn lay_page(page: &Page) -> PageLines {
    let fallback = lines::median_size(&page.glyphs).unwrap_or_else(|| {
        if page.height.is_finite() && page.height > 0.0 {
            page.height / 50.0
        } else {
            1.0
        }
    });
    let (horizontal, vertical) = lines::sanitize(&page.glyphs, fallback);
    let all = || horizontal.iter().chain(vertical.iter());
    let width = if page.width.is_finite() && page.width > 0.0 {
        page.width
    } else {
        all().map(|g| g.right()).fold(0.0, f32::max)
    };
    let height = if page.height.is_finite() && page.height > 0.0 {
        page.height
    } else {
        all().map(|g| g.y + g.size).fold(0.0, f32::max)
    };
    let mut flows = order::flows(lines::rows(horizontal), FlowKind::Full);
    if !vertical.is_empty() {
        // Transpose so a column reads as a line: down the column becomes rightwards, and columns
        // (read right to left) become rows read top to bottom.
        let transposed = vertical
            .into_iter()
            .map(|g| lines::G {
                x: g.y,
                y: width - g.x,
                ..g
            })
            .collect();
        flows.extend(order::flows(lines::rows(transposed), FlowKind::Vertical));
    }
    flows.retain(|f| !f.lines.is_empty());
    PageLines {
        number: page.number,
        width,
        height,
        flows,
    }
}
