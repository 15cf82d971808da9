//! Automatic numbering of `.doc` files (MS-DOC §2.9.147 PlfLst, §2.9.138 PlfLfo): the list
//! definitions (LSTF + LVL: start, number format, level text) and the list instances (LFO,
//! with per-level start and format overrides) a paragraph points at through `sprmPIlfo` and
//! `sprmPIlvl`.
//!
//! They are loaded into the DOCX reader's [`Numbering`], which keeps the counters and draws
//! the labels, so `一、`, `（一）` and `1.1.` come out of a `.doc` exactly as out of its DOCX twin.
//! A level text holds placeholders: the characters at the one-based offsets `rgbxchNums`
//! stand for a level's number and become the `%N` of a DOCX `lvlText`.

use std::collections::HashMap;

use super::bytes::{i32_at, u16_at, u32_at, u8_at};
use crate::read::docx::numbering::{Level, NumFmt, Numbering, Suffix};

const LSTF_SIZE: usize = 28;
const LFO_SIZE: usize = 16;
const LVLF_SIZE: usize = 28;

/// Build the numbering from the table stream and the PlfLst/PlfLfo offsets (either may be 0).
pub(crate) fn load(table: &[u8], lst_at: Option<u32>, lfo_at: Option<u32>) -> Numbering {
    let mut n = Numbering::default();
    if let Some(at) = lst_at {
        lists(table, at as usize, &mut n);
    }
    if let Some(at) = lfo_at {
        instances(table, at as usize, &mut n);
    }
    n
}

/// PlfLst: cLst, the LSTFs, then each list's 1 or 9 LVLs right after the array.
fn lists(table: &[u8], at: usize, n: &mut Numbering) {
    let count = u16_at(table, at).map_or(0, |c| usize::from(c as i16 as u16).min(0x7FFF));
    let mut lvl_at = at + 2 + count * LSTF_SIZE;
    for i in 0..count {
        let lstf = at + 2 + i * LSTF_SIZE;
        let (Some(lsid), Some(flags)) = (i32_at(table, lstf), u8_at(table, lstf + 26)) else {
            return;
        };
        let levels = if flags & 1 != 0 { 1 } else { 9 };
        let mut defs = HashMap::new();
        for ilvl in 0..levels {
            let Some((level, next)) = lvl(table, lvl_at) else {
                n.add_abstract(lsid.to_string(), defs);
                return;
            };
            defs.insert(ilvl, level);
            lvl_at = next;
        }
        n.add_abstract(lsid.to_string(), defs);
    }
}

/// PlfLfo: lfoMac, the LFOs (lsid, clfolvl), then one LFOData per LFO (cp, LFOLVLs).
fn instances(table: &[u8], at: usize, n: &mut Numbering) {
    let Some(count) = u32_at(table, at).map(|c| c as usize) else {
        return;
    };
    let count = count.min(table.len() / LFO_SIZE);
    let mut data_at = at + 4 + count * LFO_SIZE;
    for i in 0..count {
        let lfo = at + 4 + i * LFO_SIZE;
        let (Some(lsid), Some(clfolvl)) = (i32_at(table, lfo), u8_at(table, lfo + 12)) else {
            return;
        };
        data_at += 4; // LFOData.cp
        let mut overrides = HashMap::new();
        for _ in 0..clfolvl {
            let (Some(start), Some(flags)) = (i32_at(table, data_at), u32_at(table, data_at + 4))
            else {
                break;
            };
            data_at += 8;
            let ilvl = (flags & 0x0F) as u8;
            let start = (flags & 0x10 != 0).then(|| u32::try_from(start).unwrap_or(0));
            let mut level = None;
            if flags & 0x20 != 0 {
                let Some((l, next)) = lvl(table, data_at) else {
                    break;
                };
                level = Some(l);
                data_at = next;
            }
            if ilvl < 9 {
                overrides.insert(ilvl, (level, start));
            }
        }
        // Paragraphs name the LFO by its one-based index.
        n.add_num((i + 1).to_string(), lsid.to_string(), overrides);
    }
}

/// One LVL: LVLF, grpprlPapx, grpprlChpx, then the level text (cch + UTF-16). Returns the
/// level and the offset after it.
fn lvl(table: &[u8], at: usize) -> Option<(Level, usize)> {
    let start = i32_at(table, at)?;
    let nfc = u8_at(table, at + 4)?;
    let flags = u8_at(table, at + 5)?;
    let nums: Vec<usize> = (0..9)
        .map_while(|i| u8_at(table, at + 6 + i).filter(|&o| o != 0))
        .map(usize::from)
        .collect();
    let follow = u8_at(table, at + 15)?;
    let cb_chpx = usize::from(u8_at(table, at + 24)?);
    let cb_papx = usize::from(u8_at(table, at + 25)?);
    let restart_lim = u8_at(table, at + 26)?;
    let xst = at + LVLF_SIZE + cb_papx + cb_chpx;
    let cch = usize::from(u16_at(table, xst)?);
    let chars: Vec<u16> = (0..cch)
        .map(|i| u16_at(table, xst + 2 + i * 2))
        .collect::<Option<_>>()?;
    let level = Level {
        start: u32::try_from(start).unwrap_or(0),
        fmt: num_fmt(nfc),
        text: template(&chars, &nums),
        restart: (flags & 0x08 != 0).then_some(u32::from(restart_lim)),
        legal: flags & 0x04 != 0,
        suffix: match follow {
            1 => Suffix::Space,
            2 => Suffix::Nothing,
            _ => Suffix::Tab,
        },
    };
    Some((level, xst + 2 + cch * 2))
}

/// Level text → a DOCX `lvlText`: the placeholder characters become `%1` … `%9`.
fn template(chars: &[u16], nums: &[usize]) -> String {
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if nums.contains(&(i + 1)) && c < 9 {
            out.push('%');
            out.push(char::from(b'1' + c as u8));
        } else {
            out.extend(char::decode_utf16([c]).map(|r| r.unwrap_or('\u{FFFD}')));
        }
    }
    out
}

/// The MSONFC number formats (MS-OSHARED §2.2.1.3), which follow the order of OOXML's
/// `ST_NumberFormat`; formats the DOCX reader does not draw fall back as Word's nearest.
pub(crate) fn num_fmt(nfc: u8) -> NumFmt {
    match nfc {
        1 => NumFmt::UpperRoman,
        2 => NumFmt::LowerRoman,
        3 => NumFmt::UpperLetter,
        4 => NumFmt::LowerLetter,
        5 => NumFmt::Ordinal,
        10 | 36 => NumFmt::IdeographDigital,
        11 | 33 | 37 => NumFmt::ChineseCounting,
        14 | 19 => NumFmt::DecimalFullWidth,
        17 | 35 | 39 => NumFmt::ChineseCountingThousand,
        18 | 28 => NumFmt::DecimalEnclosedCircle,
        22 => NumFmt::DecimalZero,
        23 => NumFmt::Bullet,
        30 => NumFmt::IdeographTraditional,
        31 | 32 => NumFmt::IdeographZodiac,
        34 | 38 => NumFmt::ChineseLegal,
        255 => NumFmt::None,
        _ => NumFmt::Decimal,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn level_text_placeholders_become_percent_numbers() {
        let chars: Vec<u16> = "（\u{1}）".encode_utf16().collect();
        assert_eq!(template(&chars, &[2]), "（%2）");
        let chars: Vec<u16> = "\u{0}.\u{1}.".encode_utf16().collect();
        assert_eq!(template(&chars, &[1, 3]), "%1.%2.");
    }

    #[test]
    fn chinese_formats() {
        assert_eq!(num_fmt(37), NumFmt::ChineseCounting);
        assert_eq!(num_fmt(39), NumFmt::ChineseCountingThousand);
        assert_eq!(num_fmt(38), NumFmt::ChineseLegal);
        assert_eq!(num_fmt(0), NumFmt::Decimal);
    }
}
