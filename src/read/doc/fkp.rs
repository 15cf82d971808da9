//! Formatted disk pages (FKPs, MS-DOC §2.9.73 and §2.9.171): the direct paragraph and
//! character properties of byte ranges of the `WordDocument` stream.
//!
//! `PlcfBtePapx` / `PlcfBteChpx` in the table stream list the 512-byte pages; each page maps
//! runs of stream offsets (FCs) to a `grpprl`. Every distinct page is read once, so the work
//! is bounded by the stream's size whatever the bin tables repeat.

use std::collections::HashSet;

use super::bytes::{u16_at, u32_at, u8_at};

const PAGE: usize = 512;

/// A run of stream offsets `[start, end)` and its property bytes.
#[derive(Debug, Clone)]
pub(crate) struct Run<'a> {
    pub(crate) start: u32,
    pub(crate) end: u32,
    /// For paragraphs: the style index; for characters: unused (0).
    pub(crate) istd: u16,
    pub(crate) grpprl: &'a [u8],
}

/// Whether a page holds paragraph or character runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Papx,
    Chpx,
}

/// All runs of the pages listed by the bin table `plc`, sorted by start.
pub(crate) fn runs<'a>(word: &'a [u8], plc: &[u8], kind: Kind) -> Vec<Run<'a>> {
    let n = plc.len().saturating_sub(4) / 8;
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for i in 0..n {
        let Some(pn) = u32_at(plc, (n + 1) * 4 + i * 4).map(|v| (v & 0x003F_FFFF) as usize) else {
            break;
        };
        if !seen.insert(pn) {
            continue;
        }
        let Some(page) = pn
            .checked_mul(PAGE)
            .and_then(|at| word.get(at..at.checked_add(PAGE)?))
        else {
            continue;
        };
        page_runs(page, kind, &mut out);
    }
    out.sort_by_key(|r| r.start);
    out
}

fn page_runs<'a>(page: &'a [u8], kind: Kind, out: &mut Vec<Run<'a>>) {
    let crun = usize::from(u8_at(page, PAGE - 1).unwrap_or(0));
    let offsets_at = (crun + 1) * 4;
    let entry = match kind {
        Kind::Papx => 13,
        Kind::Chpx => 1,
    };
    for i in 0..crun {
        let (Some(start), Some(end)) = (u32_at(page, i * 4), u32_at(page, i * 4 + 4)) else {
            return;
        };
        let Some(word_offset) = u8_at(page, offsets_at + i * entry) else {
            return;
        };
        let at = usize::from(word_offset) * 2;
        let (istd, grpprl) = if word_offset == 0 {
            (0, &[][..])
        } else {
            match kind {
                Kind::Papx => papx(page, at),
                Kind::Chpx => (0, chpx(page, at)),
            }
        };
        if end > start {
            out.push(Run {
                start,
                end,
                istd,
                grpprl,
            });
        }
    }
}

/// PapxInFkp: `cb` (0 → the next byte counts words), then istd and the grpprl.
fn papx(page: &[u8], at: usize) -> (u16, &[u8]) {
    let cb = usize::from(u8_at(page, at).unwrap_or(0));
    let (start, len) = if cb == 0 {
        (at + 2, usize::from(u8_at(page, at + 1).unwrap_or(0)) * 2)
    } else {
        (at + 1, (cb * 2).saturating_sub(1))
    };
    let body = page.get(start..start + len).unwrap_or(&[]);
    let istd = u16_at(body, 0).unwrap_or(0);
    (istd, body.get(2..).unwrap_or(&[]))
}

/// Chpx: `cb`, then the grpprl.
fn chpx(page: &[u8], at: usize) -> &[u8] {
    let cb = usize::from(u8_at(page, at).unwrap_or(0));
    page.get(at + 1..at + 1 + cb).unwrap_or(&[])
}

/// The run holding stream offset `fc`.
pub(crate) fn find<'r, 'a>(runs: &'r [Run<'a>], fc: u32) -> Option<&'r Run<'a>> {
    let i = runs.partition_point(|r| r.end <= fc);
    runs.get(i).filter(|r| r.start <= fc)
}
