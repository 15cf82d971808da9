//! Rows → flows in reading order: a page is read top to bottom, except where a vertical gutter
//! splits it into two columns; there the left column is read before the right one.

use super::lines::{build, median, Line, G};

/// What a flow is, which decides whose margins its lines are measured against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FlowKind {
    /// Lines spanning the page's text block (the usual single column).
    Full,
    /// One column of a two-column region.
    Column,
    /// Vertical writing (transposed; columns read right to left).
    Vertical,
}

/// A run of lines read in order, with one set of margins.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Flow {
    pub kind: FlowKind,
    pub lines: Vec<Line>,
}

/// A gutter must be at least this many ems wide.
const GUTTER_MIN_EM: f32 = 1.0;

/// Order the rows of one page into flows.
pub(super) fn flows(rows: Vec<Vec<G<'_>>>, kind: FlowKind) -> Vec<Flow> {
    let gutter = if kind == FlowKind::Full {
        find_gutter(&rows)
    } else {
        None
    };
    let Some((a, b)) = gutter else {
        let lines: Vec<Line> = rows.iter().filter_map(|r| build(r)).collect();
        return vec![Flow { kind, lines }];
    };
    let mid = (a + b) / 2.0;
    let spans = |row: &[G<'_>]| {
        row.iter()
            .any(|g| !g.is_space() && g.x < b - 0.01 && g.right() > a + 0.01)
    };
    let both = |row: &[G<'_>]| {
        row.iter().any(|g| !g.is_space() && g.x + g.w / 2.0 < mid)
            && row.iter().any(|g| !g.is_space() && g.x + g.w / 2.0 >= mid)
    };
    let first = rows.iter().position(|r| !spans(r) && both(r));
    let last = rows.iter().rposition(|r| !spans(r) && both(r));
    let (Some(first), Some(last)) = (first, last) else {
        let lines: Vec<Line> = rows.iter().filter_map(|r| build(r)).collect();
        return vec![Flow { kind, lines }];
    };

    let mut out: Vec<Flow> = Vec::new();
    let mut left: Vec<Line> = Vec::new();
    let mut right: Vec<Line> = Vec::new();
    let flush = |out: &mut Vec<Flow>, left: &mut Vec<Line>, right: &mut Vec<Line>| {
        for col in [left, right] {
            if !col.is_empty() {
                out.push(Flow {
                    kind: FlowKind::Column,
                    lines: std::mem::take(col),
                });
            }
        }
    };
    for (i, row) in rows.iter().enumerate() {
        if i < first || i > last || spans(row) {
            flush(&mut out, &mut left, &mut right);
            if let Some(line) = build(row) {
                match out.last_mut() {
                    Some(f) if f.kind == FlowKind::Full => f.lines.push(line),
                    _ => out.push(Flow {
                        kind: FlowKind::Full,
                        lines: vec![line],
                    }),
                }
            }
            continue;
        }
        let (l, r): (Vec<G<'_>>, Vec<G<'_>>) = row.iter().partition(|g| g.x + g.w / 2.0 < mid);
        left.extend(build(&l));
        right.extend(build(&r));
    }
    flush(&mut out, &mut left, &mut right);
    out
}

/// Find a vertical gutter `(left, right)` in x that separates two justified columns: an x range
/// near the middle of the text block that few rows cross, with text on both sides of it in many
/// rows, and the left column's lines ending at one right edge. `None` for single-column pages
/// and for tables (whose left cells end raggedly).
fn find_gutter(rows: &[Vec<G<'_>>]) -> Option<(f32, f32)> {
    if rows.len() < 6 {
        return None;
    }
    let visible = || rows.iter().flatten().filter(|g| !g.is_space());
    let xmin = visible().map(|g| g.x).fold(f32::MAX, f32::min);
    let xmax = visible().map(|g| g.right()).fold(f32::MIN, f32::max);
    let mut sizes: Vec<f32> = visible().map(|g| g.size).collect();
    let em = median(&mut sizes)?;
    let span = xmax - xmin;
    // Written so that NaN fails the test too.
    let usable = span > 4.0 * em && em > 0.0;
    if !usable {
        return None;
    }
    // Coverage histogram: how many rows put ink in each bin (a difference array keeps it linear).
    let nbins = ((span / (0.25 * em)).ceil() as usize).clamp(8, 2000);
    let bin = span / nbins as f32;
    let mut diff = vec![0i32; nbins + 1];
    for row in rows {
        let mut cur: Option<(usize, usize)> = None;
        for g in row.iter().filter(|g| !g.is_space()) {
            let s = (((g.x - xmin) / bin).floor().max(0.0) as usize).min(nbins);
            let e = (((g.right() - xmin) / bin).ceil().max(0.0) as usize).min(nbins);
            cur = match cur {
                Some((cs, ce)) if s <= ce => Some((cs, ce.max(e))),
                Some((cs, ce)) => {
                    add(&mut diff, cs, ce);
                    Some((s, e))
                }
                None => Some((s, e)),
            };
        }
        if let Some((cs, ce)) = cur {
            add(&mut diff, cs, ce);
        }
    }
    let allowed = (rows.len() as f32 * 0.4) as i32;
    let lo = (nbins as f32 * 0.25) as usize;
    let hi = (nbins as f32 * 0.75) as usize;
    let mut best: Option<(usize, usize)> = None;
    let mut run_start: Option<usize> = None;
    let mut count = 0i32;
    for (i, d) in diff.iter().enumerate().take(nbins) {
        count += d;
        let open = (lo..hi).contains(&i) && count <= allowed;
        match (open, run_start) {
            (true, None) => run_start = Some(i),
            (false, Some(s)) => {
                if best.is_none_or(|(bs, be)| i - s > be - bs) {
                    best = Some((s, i));
                }
                run_start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = run_start {
        if best.is_none_or(|(bs, be)| hi - s > be - bs) {
            best = Some((s, hi));
        }
    }
    let (s, e) = best?;
    let (a, b) = (xmin + s as f32 * bin, xmin + e as f32 * bin);
    if b - a < GUTTER_MIN_EM * em {
        return None;
    }
    // Rows with text on both sides, and how their left parts end.
    let mid = (a + b) / 2.0;
    let mut left_ends = Vec::new();
    for row in rows {
        let crosses = row
            .iter()
            .any(|g| !g.is_space() && g.x < b - 0.01 && g.right() > a + 0.01);
        if crosses {
            continue;
        }
        let left_end = row
            .iter()
            .filter(|g| !g.is_space() && g.x + g.w / 2.0 < mid)
            .map(|g| g.right())
            .fold(f32::MIN, f32::max);
        let has_right = row.iter().any(|g| !g.is_space() && g.x + g.w / 2.0 >= mid);
        if left_end > f32::MIN && has_right {
            left_ends.push(left_end);
        }
    }
    if left_ends.len() < 4 {
        return None;
    }
    let edge = left_ends.iter().copied().fold(f32::MIN, f32::max);
    let flush = left_ends.iter().filter(|e| edge - **e < em).count();
    (flush * 2 >= left_ends.len()).then_some((a, b))
}

fn add(diff: &mut [i32], s: usize, e: usize) {
    if let Some(d) = diff.get_mut(s) {
        *d += 1;
    }
    if let Some(d) = diff.get_mut(e) {
        *d -= 1;
    }
}
