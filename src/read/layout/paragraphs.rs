//! Lines → paragraphs.
//!
//! Within a flow a new paragraph starts at a change of font size, a vertical gap wider than the
//! line pitch, a centred or right-aligned line, a first-line indent, or after a line that ends
//! well short of the right margin. Between flows (page breaks, column breaks) the last paragraph
//! continues into the next flow when it does not end with terminal punctuation and the next
//! flow's first line has no indent.

use super::lines::{dominant, is_cjk, median, Line};
use super::order::{Flow, FlowKind};
use super::style::Tally;
use crate::model::Align;

/// The text margins lines are measured against.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Margins {
    pub left: f32,
    pub right: f32,
}

/// A paragraph being built.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Para {
    pub text: String,
    pub page: u32,
    pub align: Align,
    /// (size, glyph-ish weight) of every line, for the dominant size.
    sizes: Vec<(f32, usize)>,
    /// Characters by style, for the majority style.
    pub styles: Tally,
    /// Its first line starts with an indent.
    indented: bool,
    /// The first line's inset from the left margin, in ems.
    first_inset: f32,
    /// Its last line ends well short of the right margin.
    ends_short: bool,
    /// It is the first paragraph of its flow.
    flow_start: bool,
    /// It comes from vertical writing (never joined with horizontal text).
    vertical: bool,
    /// Lines so far and the last one's left edge (for block indents).
    lines: usize,
    last_x0: f32,
    last_y: f32,
    last_size: f32,
}

impl Para {
    /// The dominant font size.
    pub fn size(&self) -> f32 {
        dominant(self.sizes.iter().copied())
    }
}

/// Ems of inset that make a first-line indent (公文 indents by two).
const INDENT_EM: f32 = 1.0;

/// Margins of a set of lines: the leftmost left edge and the rightmost right edge shared by at
/// least two lines and 10 % of them, so one stray line does not move the margin.
pub(super) fn margins<'a>(lines: impl Iterator<Item = &'a Line>) -> Option<Margins> {
    let body: Vec<&Line> = lines.filter(|l| l.furniture.is_none()).collect();
    if body.is_empty() {
        return None;
    }
    let mut sizes: Vec<f32> = body.iter().map(|l| l.size).collect();
    let em = median(&mut sizes)?;
    let need = (body.len() / 10).max(2).min(body.len());
    let mut x0: Vec<f32> = body.iter().map(|l| l.x0).collect();
    let mut x1: Vec<f32> = body.iter().map(|l| -l.x1).collect();
    let left = shared_edge(&mut x0, em * 0.5, need)?;
    let right = -shared_edge(&mut x1, em * 0.5, need)?;
    Some(Margins { left, right })
}

/// The smallest value that at least `need` values lie within `tol` above (two pointers over the
/// sorted values); the smallest value when none qualifies.
fn shared_edge(values: &mut [f32], tol: f32, need: usize) -> Option<f32> {
    values.sort_by(f32::total_cmp);
    let mut j = 0;
    for (i, &low) in values.iter().enumerate() {
        j = j.max(i);
        while values.get(j + 1).is_some_and(|v| *v - low <= tol) {
            j += 1;
        }
        if j + 1 - i >= need {
            return Some(low);
        }
    }
    values.first().copied()
}

/// How a line sits between the margins, and its left inset in ems.
/// A line set larger than the body text and balanced between the margins is centred even when
/// it nearly fills the measure (the first line of a long title).
fn place(line: &Line, m: Margins, body_size: f32) -> (Align, f32, f32) {
    let em = line.size.max(f32::MIN_POSITIVE);
    let left = (line.x0 - m.left) / em;
    let right = (m.right - line.x1) / em;
    let width = ((m.right - m.left) / em).max(0.0);
    let inset = left > 1.5 || (line.size > body_size * 1.1 && left > -0.5);
    let align = if inset && (left - right).abs() <= (0.03 * width).max(1.0) {
        Align::Center
    } else if right <= 1.0 && left >= 4.0 {
        Align::Right
    } else {
        Align::Left
    };
    (align, left, right)
}

/// Characters that end a sentence (or a clause that closes a paragraph).
fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '。' | '！'
            | '？'
            | '；'
            | '：'
            | '”'
            | '’'
            | '）'
            | '」'
            | '』'
            | '》'
            | '】'
            | '…'
            | '.'
            | '!'
            | '?'
            | ';'
            | ':'
            | ')'
    )
}

/// Split one flow into paragraphs. `body_size` is the document's dominant size (titles wrap
/// over several centred lines only when set larger than that).
pub(super) fn split(flow: &Flow, m: Margins, page: u32, body_size: f32) -> Vec<Para> {
    let body: Vec<&Line> = flow
        .lines
        .iter()
        .filter(|l| l.furniture.is_none())
        .collect();
    let pitch = line_pitch(&body);
    let mut out: Vec<Para> = Vec::new();
    for line in body {
        let (align, inset, right_gap) = place(line, m, body_size);
        let em = line.size.max(f32::MIN_POSITIVE);
        let last_char = line.text.chars().next_back().unwrap_or(' ');
        let short_limit = if is_cjk(last_char) {
            1.5
        } else {
            (0.2 * (m.right - m.left) / em).max(1.5)
        };
        let ends_short = align == Align::Left && right_gap > short_limit;
        let cont = out.last().is_some_and(|p| {
            let same_size = (p.last_size - line.size).abs() <= 0.15 * p.last_size.max(line.size);
            let gap = line.y - p.last_y;
            let near = gap <= pitch.max(1.2 * em) * 1.3;
            let aligned = match (p.align, align) {
                (Align::Left, Align::Left) => {
                    let block_indent = p.lines >= 2 && (line.x0 - p.last_x0).abs() < 0.5 * em;
                    // `附件：1.…` wraps under `1.`: deeper than the full first line's indent.
                    let hanging = p.lines == 1 && p.indented && inset > p.first_inset + 1.0;
                    !p.ends_short && (inset <= INDENT_EM || block_indent || hanging)
                }
                (Align::Center, Align::Center) => line.size > body_size * 1.1,
                _ => false,
            };
            same_size && near && aligned
        });
        match out.last_mut() {
            Some(p) if cont => {
                p.text.push('\n');
                p.text.push_str(&line.text);
                p.sizes.push((line.size, line.text.chars().count()));
                p.styles.merge(&line.styles);
                p.ends_short = ends_short;
                p.lines += 1;
                p.last_x0 = line.x0;
                p.last_y = line.y;
                p.last_size = line.size;
            }
            _ => out.push(Para {
                text: line.text.clone(),
                page,
                align,
                sizes: vec![(line.size, line.text.chars().count())],
                styles: line.styles.clone(),
                indented: inset > INDENT_EM,
                first_inset: inset,
                ends_short,
                flow_start: out.is_empty(),
                vertical: flow.kind == FlowKind::Vertical,
                lines: 1,
                last_x0: line.x0,
                last_y: line.y,
                last_size: line.size,
            }),
        }
    }
    out
}

/// The typical distance between consecutive baselines of equal size (ignoring bigger gaps
/// only by taking the median).
fn line_pitch(lines: &[&Line]) -> f32 {
    let mut d: Vec<f32> = lines
        .iter()
        .zip(lines.iter().skip(1))
        .filter(|(a, b)| (a.size - b.size).abs() <= 0.15 * a.size.max(b.size))
        .map(|(a, b)| b.y - a.y)
        .filter(|d| *d > 0.0)
        .collect();
    median(&mut d).unwrap_or(0.0)
}

/// Rejoin paragraphs that continue across a flow boundary (page or column break).
///
/// When the document indents the first lines of its paragraphs, an unindented first line is
/// enough; otherwise the previous paragraph must also not end with terminal punctuation.
pub(super) fn rejoin(paras: Vec<Para>) -> Vec<Para> {
    let multi = paras
        .iter()
        .filter(|p| p.align == Align::Left && p.lines >= 2);
    let (indented, total) = multi.fold((0, 0), |(i, t), p| (i + usize::from(p.indented), t + 1));
    let indent_style = total >= 2 && indented * 2 > total;
    let mut out: Vec<Para> = Vec::with_capacity(paras.len());
    for p in paras {
        if let Some(prev) = out.last_mut() {
            let last = prev.text.chars().next_back().unwrap_or('。');
            let same_size = (prev.size() - p.size()).abs() <= 0.15 * prev.size().max(p.size());
            if p.flow_start
                && p.vertical == prev.vertical
                && p.align == Align::Left
                && prev.align == Align::Left
                && !p.indented
                && !prev.ends_short
                && (indent_style || !is_terminal(last))
                && same_size
            {
                prev.text.push('\n');
                prev.text.push_str(&p.text);
                prev.sizes.extend(p.sizes);
                prev.styles.merge(&p.styles);
                prev.ends_short = p.ends_short;
                prev.lines += p.lines;
                continue;
            }
        }
        out.push(p);
    }
    out
}
