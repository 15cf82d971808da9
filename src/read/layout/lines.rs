//! Glyphs → lines: sanitizing coordinates, clustering baselines into rows, removing overprinted
//! duplicates and deciding where a word space belongs.

use super::style::Tally;
use super::Glyph;

/// A glyph in layout coordinates. Vertical glyphs are transposed before they get here, so a
/// vertical column reads as a line (see `super::transpose`).
#[derive(Debug, Clone, Copy)]
pub(super) struct G<'a> {
    pub text: &'a str,
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub size: f32,
    /// `text` is all whitespace; computed once by [`G::new`] because every layout pass asks.
    pub space: bool,
    /// The glyph's style id (see `super::style`).
    pub style: u32,
}

impl<'a> G<'a> {
    pub fn new(text: &'a str, x: f32, y: f32, w: f32, size: f32) -> Self {
        G {
            text,
            x,
            y,
            w,
            size,
            space: text.chars().all(char::is_whitespace),
            style: 0,
        }
    }

    pub fn right(&self) -> f32 {
        self.x + self.w
    }

    pub fn is_space(&self) -> bool {
        self.space
    }
}

/// One line of text with its extent.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Line {
    pub text: String,
    /// Left edge of the first visible glyph.
    pub x0: f32,
    /// Right edge of the last visible glyph.
    pub x1: f32,
    /// Baseline (median of the glyphs).
    pub y: f32,
    /// Dominant font size (weighted by glyph count).
    pub size: f32,
    /// Set by the furniture pass.
    pub furniture: Option<super::furniture::Furniture>,
    /// Visible characters by style.
    pub styles: Tally,
}

/// Coordinates beyond this are clamped: they can only come from broken input, and clamping keeps
/// every later sum finite.
const MAX_COORD: f32 = 1.0e7;

/// Glyphs whose baselines differ by less than this many ems (of the larger glyph) share a row.
/// Superscripts and `Ts` rise stay under it; the next line (pitch ≥ 1 em) does not.
const ROW_TOLERANCE: f32 = 0.4;

/// Overprinted copies of a glyph (fake bold) sit within this many ems of the original.
const OVERPRINT: f32 = 0.3;

/// Sanitize one page's glyphs into layout glyphs: drop unplaceable ones (non-finite position,
/// empty text), repair sizes and widths. Returns (horizontal, vertical).
pub(super) fn sanitize(glyphs: &[Glyph], fallback_size: f32) -> (Vec<G<'_>>, Vec<G<'_>>) {
    let mut horizontal = Vec::with_capacity(glyphs.len());
    let mut vertical = Vec::new();
    for g in glyphs {
        if g.text.is_empty() || !g.x.is_finite() || !g.y.is_finite() {
            continue;
        }
        let size = if g.size.is_finite() && g.size > 0.0 {
            g.size.min(MAX_COORD)
        } else {
            fallback_size
        };
        let w = if g.width.is_finite() && g.width >= 0.0 {
            g.width.min(size * 100.0)
        } else {
            size
        };
        let sg = G {
            style: g.style,
            ..G::new(
                &g.text,
                g.x.clamp(-MAX_COORD, MAX_COORD),
                g.y.clamp(-MAX_COORD, MAX_COORD),
                w,
                size,
            )
        };
        if g.vertical {
            vertical.push(sg);
        } else {
            horizontal.push(sg);
        }
    }
    (horizontal, vertical)
}

/// The median of the valid font sizes on a page (the fallback for broken sizes).
pub(super) fn median_size(glyphs: &[Glyph]) -> Option<f32> {
    let mut sizes: Vec<f32> = glyphs
        .iter()
        .map(|g| g.size)
        .filter(|s| s.is_finite() && *s > 0.0)
        .collect();
    median(&mut sizes)
}

/// Median of a slice (reorders it). `None` when empty.
pub(super) fn median(values: &mut [f32]) -> Option<f32> {
    if values.is_empty() {
        return None;
    }
    let mid = values.len() / 2;
    let (_, m, _) = values.select_nth_unstable_by(mid, f32::total_cmp);
    Some(*m)
}

/// Cluster glyphs into rows by baseline (single linkage over sorted baselines), each row sorted
/// left to right with overprinted duplicates removed. Rows come out top to bottom.
pub(super) fn rows(mut glyphs: Vec<G<'_>>) -> Vec<Vec<G<'_>>> {
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y));
    let mut out: Vec<Vec<G<'_>>> = Vec::new();
    let mut cur: Vec<G<'_>> = Vec::new();
    for g in glyphs {
        if let Some(p) = cur.last() {
            if g.y - p.y > ROW_TOLERANCE * p.size.max(g.size) {
                out.push(std::mem::take(&mut cur));
            }
        }
        cur.push(g);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    let out: Vec<Vec<G<'_>>> = out.into_iter().flat_map(split_stacked).collect();
    let mut out = attach_scripts(out);
    for row in &mut out {
        // Stable: glyphs at the same x keep content-stream order.
        row.sort_by(|a, b| a.x.total_cmp(&b.x));
        dedup(row);
    }
    out
}

/// Baselines further apart than this many ems (of the smaller glyph) are different lines when
/// the glyphs also overlap horizontally.
const STACKED: f32 = 0.6;
/// How many glyphs to the left (in x order) a glyph is compared with when looking for overlap.
const STACK_LOOKBACK: usize = 8;

/// Re-split a row that single linkage chained across lines: a large glyph (a title, a form
/// label drawn by a scaling CTM) whose baseline falls between two lines of small text joins both
/// lines, and sorting the row by x then interleaves them character by character. Such a row has
/// glyphs on different baselines at the same x, which a real line never has; it is split again
/// with the tolerance of the smaller glyph.
fn split_stacked(row: Vec<G<'_>>) -> Vec<Vec<G<'_>>> {
    if !is_stacked(&row) {
        return vec![row];
    }
    let mut out: Vec<Vec<G<'_>>> = Vec::new();
    let mut cur: Vec<G<'_>> = Vec::new();
    for g in row {
        if let Some(p) = cur.last() {
            if g.y - p.y > ROW_TOLERANCE * p.size.min(g.size) {
                out.push(std::mem::take(&mut cur));
            }
        }
        cur.push(g);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// True when two visible glyphs of the row (sorted by baseline) cover the same x range more than
/// half the narrower one's width while their baselines are clearly apart.
fn is_stacked(row: &[G<'_>]) -> bool {
    let mut by_x: Vec<&G<'_>> = row.iter().filter(|g| !g.is_space() && g.w > 0.0).collect();
    if by_x.len() < 2 {
        return false;
    }
    by_x.sort_by(|a, b| a.x.total_cmp(&b.x));
    by_x.iter().enumerate().any(|(i, g)| {
        let before = by_x
            .get(i.saturating_sub(STACK_LOOKBACK)..i)
            .unwrap_or_default();
        before.iter().any(|p| {
            let overlap = p.right().min(g.right()) - g.x.max(p.x);
            overlap > 0.5 * p.w.min(g.w) && (g.y - p.y).abs() > STACKED * p.size.min(g.size)
        })
    })
}

/// Fold rows of a few small glyphs (footnote marks, raised or lowered further than the row
/// tolerance) into the line they belong to: a superscript sits just above the next row's
/// baseline, a subscript just below the previous one.
fn attach_scripts(rows: Vec<Vec<G<'_>>>) -> Vec<Vec<G<'_>>> {
    let stats = |row: &[G<'_>]| {
        let visible = row.iter().filter(|g| !g.is_space());
        let size = visible.clone().map(|g| g.size).fold(0.0, f32::max);
        let x0 = visible.clone().map(|g| g.x).fold(f32::MAX, f32::min);
        let x1 = visible.clone().map(|g| g.right()).fold(f32::MIN, f32::max);
        let y = row.first().map_or(0.0, |g| g.y);
        (visible.count(), size, x0, x1, y)
    };
    let mut slots: Vec<Option<Vec<G<'_>>>> = rows.into_iter().map(Some).collect();
    for i in 0..slots.len() {
        let Some(row) = slots.get(i).and_then(Option::as_ref) else {
            continue;
        };
        let (n, size, x0, x1, y) = stats(row);
        if n == 0 || n > 4 {
            continue;
        }
        let fits = |other: &Option<Vec<G<'_>>>, below: bool| {
            other.as_ref().is_some_and(|o| {
                let (on, osize, ox0, ox1, oy) = stats(o);
                let dy = if below { oy - y } else { y - oy };
                let reach = if below { 0.6 } else { 0.45 };
                on > n
                    && size <= 0.8 * osize
                    && dy > 0.0
                    && dy <= reach * osize
                    && x0 >= ox0 - osize
                    && x1 <= ox1 + 2.0 * osize
            })
        };
        let target = if slots.get(i + 1).is_some_and(|o| fits(o, true)) {
            Some(i + 1)
        } else if i > 0 && slots.get(i - 1).is_some_and(|o| fits(o, false)) {
            Some(i - 1)
        } else {
            None
        };
        if let Some(t) = target {
            if let Some(moved) = slots.get_mut(i).and_then(Option::take) {
                if let Some(Some(dest)) = slots.get_mut(t) {
                    dest.extend(moved);
                }
            }
        }
    }
    slots.into_iter().flatten().collect()
}

/// Drop glyphs that repeat a recently kept glyph at (almost) the same place: fake bold drawn by
/// printing the same text two or three times with a tiny offset. The offset is also under half
/// the glyph's own advance: a narrow letter set twice in a word (`ll` in `critically`, whose
/// `l` is under 0.3 em wide) is two letters side by side, not one drawn twice.
fn dedup(row: &mut Vec<G<'_>>) {
    let mut kept: Vec<G<'_>> = Vec::with_capacity(row.len());
    for g in row.drain(..) {
        let dup = !g.is_space()
            && kept.iter().rev().take(6).any(|k| {
                let near = if k.w > 0.0 {
                    (OVERPRINT * g.size).min(k.w / 2.0)
                } else {
                    OVERPRINT * g.size
                };
                k.text == g.text
                    && (k.x - g.x).abs() < near
                    && (k.y - g.y).abs() < OVERPRINT * g.size
            });
        if !dup {
            kept.push(g);
        }
    }
    *row = kept;
}

/// Build a line from glyphs sorted by x. `None` when it holds only spaces.
pub(super) fn build(glyphs: &[G<'_>]) -> Option<Line> {
    let visible: Vec<&G<'_>> = glyphs.iter().filter(|g| !g.is_space()).collect();
    let first = visible.first()?;
    let x0 = first.x;
    let x1 = visible.iter().map(|g| g.right()).fold(f32::MIN, f32::max);
    let mut ys: Vec<f32> = visible.iter().map(|g| g.y).collect();
    let y = median(&mut ys).unwrap_or(first.y);
    let size = dominant(visible.iter().map(|g| (g.size, 1)));
    let mut styles = Tally::default();
    for g in &visible {
        styles.add(
            g.style,
            g.text.chars().filter(|c| !c.is_whitespace()).count(),
        );
    }

    // Justified lines spread every gap evenly; a word space is a gap clearly wider than that.
    // The lower quartile, so word spaces (a minority of gaps) do not raise it; too few gaps say
    // nothing about justification.
    let mut gaps: Vec<f32> = (visible.iter().zip(visible.iter().skip(1)))
        .map(|(a, b)| b.x - a.right())
        .collect();
    // A short all-CJK line (`通　知`, `决 定 书`) is letter-spaced, not several words.
    let cjk_only = visible.iter().all(|g| g.text.chars().all(no_gap_space));
    let typical = if gaps.len() >= 3 {
        let q = gaps.len() / 4;
        gaps.select_nth_unstable_by(q, f32::total_cmp).1.max(0.0)
    } else if cjk_only {
        gaps.iter().copied().fold(f32::MAX, f32::min).max(0.0)
    } else {
        0.0
    };

    let mut text = String::new();
    let mut pending_space = false;
    let mut prev: Option<&G<'_>> = None;
    for g in glyphs {
        if g.is_space() {
            pending_space = prev.is_some();
            continue;
        }
        if let Some(p) = prev {
            let gap = g.x - p.right() - typical;
            let em = p.size.max(g.size);
            let (a, b) = (last_char(p.text), first_char(g.text));
            let latin_pair = !no_gap_space(a) && !no_gap_space(b);
            // Between CJK characters only a hole of a full em (beyond the justification) is a
            // separator: keywords, author names, table cells.
            let space = pending_space || (latin_pair && gap > 0.25 * em) || gap > 0.95 * em;
            if space && !text.ends_with(' ') {
                text.push(' ');
            }
        }
        text.push_str(g.text);
        pending_space = false;
        prev = Some(g);
    }
    Some(Line {
        text,
        x0,
        x1,
        y,
        size,
        furniture: None,
        styles,
    })
}

/// The value with the largest total weight; values within 1 % of a group's smallest count as
/// equal. Sorting keeps it O(n log n) however many distinct values there are.
pub(super) fn dominant(items: impl Iterator<Item = (f32, usize)>) -> f32 {
    let mut v: Vec<(f32, usize)> = items.collect();
    v.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut best = (v.first().map_or(0.0, |x| x.0), 0usize);
    let mut i = 0;
    while let Some(&(start, _)) = v.get(i) {
        let mut weight = 0;
        while let Some(&(value, w)) = v.get(i) {
            if value - start > 0.01 * start.abs() {
                break;
            }
            weight += w;
            i += 1;
        }
        if weight > best.1 {
            best = (start, weight);
        }
    }
    best.0
}

fn first_char(s: &str) -> char {
    s.chars().next().unwrap_or(' ')
}

fn last_char(s: &str) -> char {
    s.chars().next_back().unwrap_or(' ')
}

pub(crate) use crate::chars::is_east_asian_wide as is_cjk;

/// Characters next to which a gap never means a word space: CJK and the general punctuation
/// block U+2010–U+206F (dashes, curly quotes, ellipsis), which CJK fonts set on a full-width cell
/// whose ink may be narrow.
fn no_gap_space(c: char) -> bool {
    is_cjk(c) || matches!(c as u32, 0x2010..=0x206F)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(text: &str, x: f32, y: f32, size: f32) -> G<'_> {
        G::new(text, x, y, size, size)
    }

    #[test]
    fn spaces_between_latin_words_only() {
        // (glyphs as (text, x, width), expected)
        type Run<'a> = &'a [(&'a str, f32, f32)];
        let cases: &[(Run<'_>, &str)] = &[
            (&[("a", 0.0, 5.0), ("b", 5.0, 5.0)], "ab"),
            (&[("a", 0.0, 5.0), ("b", 8.0, 5.0)], "a b"),
            (&[("中", 0.0, 10.0), ("文", 14.0, 10.0)], "中文"),
            (
                &[("中", 0.0, 10.0), (" ", 10.0, 3.0), ("文", 13.0, 10.0)],
                "中 文",
            ),
            (&[(" ", 0.0, 3.0), ("a", 3.0, 5.0), (" ", 8.0, 3.0)], "a"),
            (&[("通", 0.0, 10.0), ("知", 30.0, 10.0)], "通知"),
            (
                &[("决", 0.0, 10.0), ("定", 25.0, 10.0), ("书", 50.0, 10.0)],
                "决定书",
            ),
            (
                &[("中", 0.0, 10.0), ("文", 22.0, 10.0), ("a", 32.0, 5.0)],
                "中 文a",
            ),
            (
                &[("中", 0.0, 10.0), ("文", 17.0, 10.0), ("a", 27.0, 5.0)],
                "中文a",
            ),
            (
                &[
                    ("甲", 0.0, 10.0),
                    ("乙", 10.0, 10.0),
                    ("丙", 30.0, 10.0),
                    ("丁", 40.0, 10.0),
                    ("戊", 50.0, 10.0),
                ],
                "甲乙 丙丁戊",
            ),
        ];
        for (glyphs, want) in cases {
            let gs: Vec<G<'_>> = glyphs
                .iter()
                .map(|(t, x, w)| G::new(t, *x, 0.0, *w, 10.0))
                .collect();
            assert_eq!(build(&gs).map(|l| l.text).as_deref(), Some(*want));
        }
    }

    #[test]
    fn justified_cjk_gaps_are_not_spaces() {
        let gs: Vec<G<'_>> = ["一", "二", "三", "四"]
            .iter()
            .enumerate()
            .map(|(i, t)| g(t, i as f32 * 14.0, 0.0, 10.0))
            .collect();
        assert_eq!(build(&gs).map(|l| l.text).as_deref(), Some("一二三四"));
    }

    #[test]
    fn superscript_stays_on_its_row_and_overprint_is_removed() {
        let gs = vec![
            g("佛", 0.0, 100.0, 10.0),
            g("佛", 0.3, 100.2, 10.0),
            g("佛", 0.6, 100.0, 10.0),
            g("1", 10.0, 97.0, 6.0),
            g("下", 0.0, 118.0, 10.0),
        ];
        let rows = rows(gs);
        let texts: Vec<String> = rows
            .iter()
            .filter_map(|r| build(r))
            .map(|l| l.text)
            .collect();
        assert_eq!(texts, ["佛1", "下"]);
    }

    #[test]
    fn a_large_glyph_between_two_lines_does_not_interleave_them() {
        // Two body lines (size 5, pitch 7.8) and, in another column, a title glyph (size 15)
        // whose baseline lies between them: single linkage chains all three.
        let mut gs = Vec::new();
        for (i, t) in ["应", "遵", "守"].iter().enumerate() {
            gs.push(g(t, 15.0 + 5.0 * i as f32, 75.2, 5.0));
        }
        for (i, t) in ["一", "、", "探"].iter().enumerate() {
            gs.push(g(t, 20.0 + 5.0 * i as f32, 83.0, 5.0));
        }
        gs.push(g("证", 200.0, 80.2, 15.0));
        let texts: Vec<String> = rows(gs)
            .iter()
            .filter_map(|r| build(r))
            .map(|l| l.text)
            .collect();
        assert_eq!(texts, ["应遵守", "证", "一、探"]);
    }

    #[test]
    fn far_raised_footnote_marks_join_their_line() {
        let gs = vec![
            g("题", 0.0, 100.0, 32.0),
            g("目", 32.0, 100.0, 32.0),
            g("*", 64.0, 86.0, 16.0),
            g("正", 0.0, 150.0, 10.0),
            g("文", 10.0, 150.0, 10.0),
            g("②", 20.0, 145.0, 5.0),
            g("完", 25.0, 150.0, 10.0),
        ];
        let texts: Vec<String> = rows(gs)
            .iter()
            .filter_map(|r| build(r))
            .map(|l| l.text)
            .collect();
        assert_eq!(texts, ["题目*", "正文②完"]);
    }
}
