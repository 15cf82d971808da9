//! The piece table (MS-DOC §2.9.177 Pcdt): which bytes of the `WordDocument` stream hold each
//! run of character positions (CPs).
//!
//! A fast-saved document appends edits at the end of the stream, so its text is many pieces
//! in an order other than the bytes'. Bit 30 of a piece's `fc` marks 8-bit text (cp1252, at
//! `fc / 2`); otherwise the text is UTF-16LE at `fc`, as Chinese text always is. A piece may
//! carry a property modifier (`prm`) pointing at a `grpprl` of the Clx's `RgPrc`.

use super::bytes::{i16_at, u16_at, u32_at, u8_at};
use crate::error::{Error, Result};
use crate::model::Format;

/// One run of CPs and where its text lies.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Piece {
    pub(crate) cp_start: u32,
    pub(crate) cp_end: u32,
    /// Byte offset of the first character in the `WordDocument` stream.
    pub(crate) fc: u32,
    /// One byte (cp1252) per character instead of two (UTF-16LE).
    pub(crate) compressed: bool,
    /// Index into [`Clx::grpprls`] of the piece's property modifier, if any.
    pub(crate) prm_grpprl: Option<u16>,
}

impl Piece {
    fn bytes_per_char(&self) -> u32 {
        if self.compressed {
            1
        } else {
            2
        }
    }
}

/// The Clx: property modifiers and the piece table.
#[derive(Debug, Default)]
pub(crate) struct Clx {
    pub(crate) grpprls: Vec<Vec<u8>>,
    pub(crate) pieces: Vec<Piece>,
}

fn malformed(why: impl Into<String>) -> Error {
    Error::malformed(Format::Doc, why)
}

impl Clx {
    /// Parse the Clx bytes from the table stream.
    pub(crate) fn parse(clx: &[u8]) -> Result<Clx> {
        let mut out = Clx::default();
        let mut at = 0usize;
        // RgPrc: 0x01, cbGrpprl (i16), grpprl.
        while u8_at(clx, at) == Some(0x01) {
            let cb = i16_at(clx, at + 1).ok_or_else(|| malformed("Clx truncated"))?;
            let cb = usize::try_from(cb).map_err(|_| malformed("negative Prc size"))?;
            let start = at + 3;
            let grpprl = clx
                .get(start..start + cb)
                .ok_or_else(|| malformed("Prc past the end of the Clx"))?;
            out.grpprls.push(grpprl.to_vec());
            at = start + cb;
        }
        if u8_at(clx, at) != Some(0x02) {
            return Err(malformed("the Clx has no piece table (Pcdt)"));
        }
        let lcb = u32_at(clx, at + 1).ok_or_else(|| malformed("Pcdt truncated"))? as usize;
        let plc = clx
            .get(at + 5..)
            .and_then(|rest| rest.get(..lcb))
            .ok_or_else(|| malformed("piece table past the end of the table stream"))?;
        out.pieces = parse_plc(plc)?;
        Ok(out)
    }

    /// The main-document text, CP `0 .. ccp`, as UTF-16 code units (one per CP).
    pub(crate) fn text(&self, word: &[u8], ccp: u32) -> Result<Vec<u16>> {
        if ccp as usize > word.len() {
            return Err(malformed(format!(
                "ccpText {ccp} is more characters than the {}-byte WordDocument stream holds",
                word.len()
            )));
        }
        self.range(word, 0, ccp)
    }

    /// The text of CPs `from .. to` (a story after the main text: notes, comments).
    pub(crate) fn range(&self, word: &[u8], from: u32, to: u32) -> Result<Vec<u16>> {
        let want = to.saturating_sub(from) as usize;
        if want > word.len() {
            return Err(malformed(format!(
                "a story of {want} characters is longer than the {}-byte WordDocument stream",
                word.len()
            )));
        }
        let mut out = Vec::with_capacity(want);
        let first = self.pieces.partition_point(|p| p.cp_end <= from);
        for p in self.pieces.get(first..).unwrap_or(&[]) {
            if p.cp_start >= to {
                break;
            }
            let at = from.max(p.cp_start);
            if at as usize != from as usize + out.len() {
                return Err(malformed("the piece table has a gap or an overlap"));
            }
            let n = p.cp_end.min(to) - at;
            let skip = (at - p.cp_start) as usize * p.bytes_per_char() as usize;
            let len = (n as usize).saturating_mul(p.bytes_per_char() as usize);
            let start = (p.fc as usize).saturating_add(skip);
            let bytes = word.get(start..start.saturating_add(len)).ok_or_else(|| {
                malformed("a piece points past the end of the WordDocument stream")
            })?;
            if p.compressed {
                // One CP per byte: cp1252 maps every byte to one BMP character.
                let (s, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
                out.extend(s.encode_utf16());
            } else {
                out.extend(
                    bytes
                        .chunks_exact(2)
                        .filter_map(|c| <[u8; 2]>::try_from(c).ok())
                        .map(u16::from_le_bytes),
                );
            }
        }
        if out.len() < want {
            return Err(malformed("the piece table ends before the text does"));
        }
        Ok(out)
    }

    /// The piece holding `cp`.
    pub(crate) fn piece_of(&self, cp: u32) -> Option<&Piece> {
        let i = self.pieces.partition_point(|p| p.cp_end <= cp);
        self.pieces.get(i).filter(|p| p.cp_start <= cp)
    }

    /// The stream offset of the character at `cp`.
    pub(crate) fn fc_of(&self, cp: u32) -> Option<u32> {
        let p = self.piece_of(cp)?;
        (cp - p.cp_start)
            .checked_mul(p.bytes_per_char())
            .and_then(|off| p.fc.checked_add(off))
    }
}

/// PlcPcd: n+1 CPs, then n 8-byte PCDs (flags u16, fc u32, prm u16).
fn parse_plc(plc: &[u8]) -> Result<Vec<Piece>> {
    if plc.len() < 4 || !(plc.len() - 4).is_multiple_of(12) {
        return Err(malformed(format!("piece table of {} bytes", plc.len())));
    }
    let n = (plc.len() - 4) / 12;
    let cp = |i: usize| u32_at(plc, i * 4).unwrap_or(0);
    let mut pieces = Vec::with_capacity(n);
    for i in 0..n {
        let (cp_start, cp_end) = (cp(i), cp(i + 1));
        if cp_end < cp_start {
            return Err(malformed("piece table CPs are not increasing"));
        }
        let pcd = (n + 1) * 4 + i * 8;
        let raw = u32_at(plc, pcd + 2).unwrap_or(0);
        let compressed = raw & 0x4000_0000 != 0;
        let fc = raw & 0x3FFF_FFFF;
        let prm = u16_at(plc, pcd + 6).unwrap_or(0);
        pieces.push(Piece {
            cp_start,
            cp_end,
            fc: if compressed { fc / 2 } else { fc },
            compressed,
            // Prm1 (bit 0 set): igrpprl in the upper 15 bits. Prm0 (one sprm by index) is a
            // formatting detail that never changes table structure or lists; it is ignored.
            prm_grpprl: (prm & 1 == 1).then_some(prm >> 1),
        });
    }
    Ok(pieces)
}
