//! The style sheet (STSH, MS-DOC §2.9.271): each style's built-in identity (`sti`: 1–9 are
//! the built-in headings), its base style, and its paragraph and character sprms.
//!
//! A paragraph's properties start from its style's, resolved through the base-style chain
//! (at most [`MAX_CHAIN`] deep, so a cyclic chain ends), then its own sprms apply.

use super::bytes::u16_at;
use super::sprm::{Chr, Para};

const MAX_CHAIN: usize = 16;
const ISTD_NIL: u16 = 0x0FFF;

#[derive(Debug, Clone, Default)]
struct Std {
    sti: u16,
    base: u16,
    papx: Vec<u8>,
    chpx: Vec<u8>,
}

/// Resolved styles by index.
#[derive(Debug, Default)]
pub(crate) struct Styles {
    stds: Vec<Option<Std>>,
    /// The document's default fonts (`rgftcStandardChpStsh`).
    defaults: Chr,
    /// Resolved properties per istd.
    resolved: Vec<(Para, Chr)>,
}

impl Styles {
    /// Parse the STSH bytes; damaged entries are left out.
    pub(crate) fn parse(stsh: &[u8]) -> Styles {
        let Some(cb_stshi) = u16_at(stsh, 0).map(usize::from) else {
            return Styles::default();
        };
        let cstd = u16_at(stsh, 2).map_or(0, usize::from);
        let cb_base = u16_at(stsh, 4).map_or(10, usize::from);
        let mut at = 2 + cb_stshi;
        let mut stds = Vec::with_capacity(cstd.min(stsh.len() / 2));
        for _ in 0..cstd {
            let Some(cb) = u16_at(stsh, at).map(usize::from) else {
                break;
            };
            let body = stsh.get(at + 2..at + 2 + cb);
            stds.push(body.filter(|b| !b.is_empty()).and_then(|b| std(b, cb_base)));
            at += 2 + cb;
        }
        let mut s = Styles {
            stds,
            defaults: Chr {
                font_ascii: u16_at(stsh, 14).filter(|_| cb_stshi >= 14),
                font_east_asia: u16_at(stsh, 16).filter(|_| cb_stshi >= 16),
                ..Chr::default()
            },
            resolved: Vec::new(),
        };
        s.resolved = (0..s.stds.len()).map(|i| s.resolve(i)).collect();
        s
    }

    fn resolve(&self, istd: usize) -> (Para, Chr) {
        let mut chain = Vec::new();
        let mut cur = istd;
        while let Some(Some(std)) = self.stds.get(cur) {
            if chain.len() >= MAX_CHAIN || chain.contains(&cur) {
                break;
            }
            chain.push(cur);
            if std.base == ISTD_NIL {
                break;
            }
            cur = usize::from(std.base);
        }
        let mut para = Para::default();
        let mut chr = self.defaults;
        for &i in chain.iter().rev() {
            if let Some(Some(std)) = self.stds.get(i) {
                para.apply(&std.papx);
                chr.apply(&std.chpx);
            }
        }
        para.istd = u16::try_from(istd).unwrap_or(0);
        // Table and list membership are never inherited by a paragraph from its style's
        // table flags; lists are (a heading style carries its list).
        para.in_table = false;
        para.row_end = false;
        para.row = None;
        (para, chr)
    }

    /// The paragraph and character properties of style `istd` (defaults when unknown).
    pub(crate) fn props(&self, istd: u16) -> (Para, Chr) {
        let mut p = self
            .resolved
            .get(usize::from(istd))
            .cloned()
            .unwrap_or_default();
        p.0.istd = istd;
        p
    }

    /// The heading level of a built-in heading style (`heading 1` … `heading 9`).
    pub(crate) fn heading_level(&self, istd: u16) -> Option<u8> {
        let sti = self.stds.get(usize::from(istd))?.as_ref()?.sti;
        (1..=9).contains(&sti).then_some(sti as u8)
    }
}

/// One STD: StdfBase (sti, stk, istdBase, cupx), the name, then the UPXs.
fn std(b: &[u8], cb_base: usize) -> Option<Std> {
    let sti = u16_at(b, 0)? & 0x0FFF;
    let w2 = u16_at(b, 2)?;
    let stk = w2 & 0x000F;
    let base = w2 >> 4;
    let cupx = u16_at(b, 4)? & 0x000F;
    let cch = usize::from(u16_at(b, cb_base)?);
    // xstzName: cch, the characters, a terminating zero.
    let mut at = cb_base + 2 + cch * 2 + 2;
    let mut upxs = Vec::new();
    for _ in 0..cupx {
        let cb = usize::from(u16_at(b, at)?);
        upxs.push(b.get(at + 2..at + 2 + cb)?);
        at += 2 + cb + cb % 2;
    }
    let (papx, chpx) = match (stk, upxs.as_slice()) {
        // Paragraph style: UpxPapx (istd + grpprl), UpxChpx.
        (1, [p, c, ..]) => (p.get(2..).unwrap_or(&[]).to_vec(), c.to_vec()),
        (1, [p]) => (p.get(2..).unwrap_or(&[]).to_vec(), Vec::new()),
        (2, [c, ..]) => (Vec::new(), c.to_vec()),
        _ => (Vec::new(), Vec::new()),
    };
    Some(Std {
        sti,
        base,
        papx,
        chpx,
    })
}

/// The font table (SttbfFfn, MS-DOC §2.9.286): an STTB of FFNs, each a size byte, 38 bytes of
/// metrics and a zero-terminated UTF-16 name.
pub(crate) fn font_names(sttb: &[u8]) -> Vec<String> {
    let count = usize::from(u16_at(sttb, 0).unwrap_or(0));
    let mut at = 4;
    let mut out = Vec::new();
    for _ in 0..count {
        let Some(size) = sttb.get(at).map(|&b| usize::from(b) + 1) else {
            break;
        };
        let ffn = sttb.get(at + 1..at + size).unwrap_or(&[]);
        let name: Vec<u16> = ffn
            .get(39..)
            .unwrap_or(&[])
            .chunks_exact(2)
            .map_while(|c| <[u8; 2]>::try_from(c).ok().map(u16::from_le_bytes))
            .take_while(|&u| u != 0)
            .collect();
        out.push(String::from_utf16_lossy(&name));
        at += size;
    }
    out
}
