//! The compound-file side of `.xls` / `.et`: telling a workbook from other OLE files, and a
//! pre-scan of the BIFF records that bounds what calamine will allocate.
//!
//! calamine builds each sheet as a dense grid over the bounding box of its cells, reserves
//! room for the area a `DIMENSIONS` record declares, and slices the stream at each sheet's
//! declared offset. On a hostile file each of those is a huge allocation or a panic, so the
//! same records are walked here first, within [`Limits::sheet_cells`](crate::Limits), and a
//! file that would trip calamine is refused with a typed error before calamine sees it.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use crate::error::{Error, Limit, Result};
use crate::model::Format;

/// Record types (MS-XLS 2.3).
const BOF: u16 = 0x0809;
const EOF: u16 = 0x000A;
const BOUND_SHEET: u16 = 0x0085;
const FILE_PASS: u16 = 0x002F;
const DIMENSIONS: u16 = 0x0200;
const MUL_RK: u16 = 0x00BD;
const FORMAT: u16 = 0x041E;
const XF: u16 = 0x00E0;
const MERGE_CELLS: u16 = 0x00E5;
/// Records that start with (row u16, column u16) and become a cell in calamine.
const CELLS: &[u16] = &[0x0203, 0x0204, 0x00D6, 0x0205, 0x027E, 0x00FD, 0x0006];

/// The `Workbook` (BIFF8) or `Book` (BIFF5) stream of an OLE compound file, if it has one.
///
/// `None` for anything else: not a compound file, a damaged one, or another application's
/// (Word's `WordDocument`, Works' `CONTENTS`).
pub(crate) fn workbook_stream(bytes: &[u8]) -> Option<Vec<u8>> {
    let cf = cfb::CompoundFile::open(Cursor::new(bytes)).ok()?;
    let path = cf
        .read_root_storage()
        .filter(|e| e.is_stream())
        .find(|e| {
            let n = e.name();
            n.eq_ignore_ascii_case("Workbook") || n.eq_ignore_ascii_case("Book")
        })?
        .path()
        .to_path_buf();
    let mut cf = cf;
    let mut stream = cf.open_stream(path).ok()?;
    let mut out = Vec::new();
    // A stream cannot be longer than the file that holds it.
    (&mut stream)
        .take(bytes.len() as u64)
        .read_to_end(&mut out)
        .ok()?;
    Some(out)
}

/// True when `bytes` is a compound file holding a workbook stream.
pub(crate) fn is_workbook(bytes: &[u8]) -> bool {
    let Ok(cf) = cfb::CompoundFile::open(Cursor::new(bytes)) else {
        return false;
    };
    cf.read_root_storage().any(|e| {
        e.is_stream()
            && (e.name().eq_ignore_ascii_case("Workbook") || e.name().eq_ignore_ascii_case("Book"))
    })
}

/// Cells shown in a percent format, as (row, column) → decimals, one map per `BoundSheet8`
/// record in workbook order (the order of calamine's sheet metadata). Run after [`precheck`].
pub(crate) fn percent_cells(stream: &[u8]) -> Vec<HashMap<(u32, u32), usize>> {
    let mut formats: HashMap<u32, usize> = HashMap::new();
    let mut xf_percent: Vec<Option<usize>> = Vec::new();
    let mut offsets = Vec::new();
    for (typ, body) in records(stream) {
        match typ {
            FORMAT => {
                if let (Some(id), Some(code)) = (u16_at(body, 0), format_code(body)) {
                    if let Some(d) = super::numfmt::percent_decimals(&code) {
                        formats.insert(id, d);
                    }
                }
            }
            XF => {
                let id = u16_at(body, 2).unwrap_or(0);
                let d = formats
                    .get(&id)
                    .copied()
                    .or_else(|| super::numfmt::builtin_percent(id));
                xf_percent.push(d);
            }
            BOUND_SHEET => offsets.push(u32_at(body, 0).unwrap_or(0) as usize),
            EOF => break,
            _ => {}
        }
    }
    let mut by_offset: HashMap<usize, HashMap<(u32, u32), usize>> = HashMap::new();
    if xf_percent.iter().any(Option::is_some) {
        for &pos in &offsets {
            by_offset.entry(pos).or_insert_with(|| {
                sheet_percent_cells(stream.get(pos..).unwrap_or_default(), &xf_percent)
            });
        }
    }
    offsets
        .iter()
        .map(|pos| by_offset.get(pos).cloned().unwrap_or_default())
        .collect()
}

fn sheet_percent_cells(sheet: &[u8], xf: &[Option<usize>]) -> HashMap<(u32, u32), usize> {
    let mut out = HashMap::new();
    let percent = |ixfe: Option<u32>| ixfe.and_then(|i| xf.get(i as usize).copied().flatten());
    let (mut seen_bof, mut depth) = (false, 0usize);
    for (typ, body) in records(sheet) {
        if depth > 0 {
            match typ {
                BOF => depth += 1,
                EOF => depth -= 1,
                _ => {}
            }
            continue;
        }
        let (Some(r), Some(c)) = (u16_at(body, 0), u16_at(body, 2)) else {
            continue;
        };
        match typ {
            BOF if seen_bof => depth += 1,
            BOF => seen_bof = true,
            EOF => break,
            0x0203 | 0x027E | 0x0006 => {
                if let Some(d) = percent(u16_at(body, 4)) {
                    out.insert((r, c), d);
                }
            }
            MUL_RK => {
                // rgrkrec: (ixfe u16, RK u32) per column from colFirst.
                for (i, rec) in body
                    .get(4..)
                    .unwrap_or_default()
                    .chunks_exact(6)
                    .enumerate()
                {
                    if let Some(d) = percent(u16_at(rec, 0)) {
                        out.insert((r, c.saturating_add(i as u32)), d);
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// The format string of a BIFF8 `FORMAT` record (XLUnicodeString after the id).
fn format_code(body: &[u8]) -> Option<String> {
    let cch = u16_at(body, 2)? as usize;
    let wide = body.get(4)? & 1 == 1;
    let chars = body.get(5..)?;
    Some(if wide {
        let units: Vec<u16> = chars
            .chunks_exact(2)
            .take(cch)
            .filter_map(|p| u16_at(p, 0).and_then(|u| u16::try_from(u).ok()))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        chars.iter().take(cch).map(|&b| char::from(b)).collect()
    })
}

/// One BIFF record: type and body.
fn records(stream: &[u8]) -> impl Iterator<Item = (u16, &[u8])> {
    let mut rest = stream;
    std::iter::from_fn(move || {
        let typ = u16::from_le_bytes([*rest.first()?, *rest.get(1)?]);
        let len = usize::from(u16::from_le_bytes([*rest.get(2)?, *rest.get(3)?]));
        let body = rest.get(4..4 + len)?;
        rest = rest.get(4 + len..)?;
        Some((typ, body))
    })
}

fn u16_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from(u16::from_le_bytes([
        *b.get(at)?,
        *b.get(at + 1)?,
    ])))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// Check the workbook stream against what calamine does with it.
///
/// # Errors
/// [`Error::Malformed`] for a sheet offset past the stream, a record too short for its type or
/// an inverted `DIMENSIONS`; [`Error::LimitExceeded`] (`sheet_cells`) for a sheet whose
/// declared or used area is over `max_cells`.
pub(crate) fn precheck(stream: &[u8], max_cells: u64) -> Result<()> {
    let bad = |why: &str| Error::malformed(Format::Xls, why.to_string());
    let mut offsets = Vec::new();
    for (typ, body) in records(stream) {
        match typ {
            BOUND_SHEET => {
                let pos = u32_at(body, 0).ok_or_else(|| bad("short BoundSheet8 record"))?;
                if body.len() < 6 || pos as usize > stream.len() {
                    return Err(bad(
                        "a sheet's offset is past the end of the workbook stream",
                    ));
                }
                offsets.push(pos as usize);
            }
            // Records after FILEPASS are encrypted: reading on would scan noise.
            FILE_PASS => {
                return Err(Error::Encrypted {
                    format: Format::Xls,
                    password_given: false,
                })
            }
            EOF => break,
            _ => {}
        }
    }
    offsets.sort_unstable();
    offsets.dedup();
    for pos in offsets {
        check_sheet(stream.get(pos..).unwrap_or_default(), max_cells)?;
    }
    Ok(())
}

/// Walk one sheet substream as calamine does (nested substreams skipped).
fn check_sheet(sheet: &[u8], max_cells: u64) -> Result<()> {
    let bad = |why: &str| Error::malformed(Format::Xls, why.to_string());
    let too_big = || Error::limit(Limit::SheetCells, max_cells);
    let mut bbox: Option<(u32, u32, u32, u32)> = None;
    let mut grow = |r: u32, c0: u32, c1: u32| {
        let b = bbox.get_or_insert((r, c0, r, c1));
        *b = (b.0.min(r), b.1.min(c0), b.2.max(r), b.3.max(c1));
        let area = u64::from(b.2 - b.0 + 1) * u64::from(b.3 - b.1 + 1);
        area <= max_cells
    };
    let (mut seen_bof, mut depth) = (false, 0usize);
    for (typ, body) in records(sheet) {
        if depth > 0 {
            match typ {
                BOF => depth += 1,
                EOF => depth -= 1,
                _ => {}
            }
            continue;
        }
        match typ {
            BOF if seen_bof => depth += 1,
            BOF => seen_bof = true,
            EOF => break,
            DIMENSIONS => check_dimensions(body, max_cells)?,
            MUL_RK => {
                let (Some(r), Some(c0)) = (u16_at(body, 0), u16_at(body, 2)) else {
                    return Err(bad("short MulRk record"));
                };
                let c1 = body
                    .len()
                    .checked_sub(2)
                    .and_then(|at| u16_at(body, at))
                    .ok_or_else(|| bad("short MulRk record"))?;
                if body.len() < 6 || !grow(r, c0.min(c1), c0.max(c1)) {
                    return Err(if body.len() < 6 {
                        bad("short MulRk record")
                    } else {
                        too_big()
                    });
                }
            }
            MERGE_CELLS => {
                let n = u16_at(body, 0).ok_or_else(|| bad("short MergeCells record"))?;
                if body.len() < 2 + 8 * n as usize {
                    return Err(bad("a MergeCells record is shorter than its count"));
                }
            }
            t if CELLS.contains(&t) => {
                let (Some(r), Some(c)) = (u16_at(body, 0), u16_at(body, 2)) else {
                    return Err(bad("short cell record"));
                };
                if t == 0x0006 && body.len() < 20 {
                    return Err(bad("short Formula record"));
                }
                if !grow(r, c, c) {
                    return Err(too_big());
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// The largest sheet BIFF8 can hold (65 536 rows × 256 columns). Excel writes that as the
/// declared area of a sheet formatted whole, so it is accepted whatever `sheet_cells` says.
const BIFF8_SHEET: u64 = 65_536 * 256;

/// calamine reserves the declared area of a `DIMENSIONS` record up front (address space that
/// stays untouched unless cells fill it; the cells themselves are bounded separately).
fn check_dimensions(body: &[u8], max_cells: u64) -> Result<()> {
    let fields = match body.len() {
        10 => (
            u16_at(body, 0),
            u16_at(body, 2),
            u16_at(body, 4),
            u16_at(body, 6),
        ),
        14 | 16 => (
            u32_at(body, 0),
            u32_at(body, 4),
            u16_at(body, 8),
            u16_at(body, 10),
        ),
        _ => return Ok(()), // calamine returns its own length error
    };
    let (Some(rf), Some(rl), Some(mut cf), Some(cl)) = fields else {
        return Ok(());
    };
    if cf > 0xFF || cl < cf {
        cf = 0;
    }
    let (end_r, end_c) = if rl >= 1 && cl >= 1 {
        (rl - 1, cl - 1)
    } else {
        (rf, cf)
    };
    if end_r < rf || end_c < cf {
        return Err(Error::malformed(
            Format::Xls,
            "a DIMENSIONS record ends before it starts",
        ));
    }
    let area = (u64::from(end_r - rf) + 1) * (u64::from(end_c - cf) + 1);
    if area > max_cells.max(BIFF8_SHEET) {
        return Err(Error::limit(Limit::SheetCells, max_cells));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(typ: u16, body: &[u8]) -> Vec<u8> {
        let mut v = typ.to_le_bytes().to_vec();
        v.extend((body.len() as u16).to_le_bytes());
        v.extend(body);
        v
    }

    fn stream(sheet_records: &[Vec<u8>]) -> Vec<u8> {
        let mut globals = rec(BOF, &[0; 16]);
        let bound_len = 4 + 8;
        let eof = rec(EOF, &[]);
        let pos = (globals.len() + bound_len + eof.len()) as u32;
        let mut bound = pos.to_le_bytes().to_vec();
        bound.extend([0, 0, 1, b'S']);
        globals.extend(rec(BOUND_SHEET, &bound));
        globals.extend(eof);
        globals.extend(rec(BOF, &[0; 16]));
        for r in sheet_records {
            globals.extend(r);
        }
        globals.extend(rec(EOF, &[]));
        globals
    }

    fn label(r: u16, c: u16) -> Vec<u8> {
        let mut b = r.to_le_bytes().to_vec();
        b.extend(c.to_le_bytes());
        b.extend([0; 6]);
        rec(0x00FD, &b)
    }

    #[test]
    fn prescan_codes() {
        let ok = stream(&[label(0, 0), label(9, 9)]);
        assert!(precheck(&ok, 100).is_ok());
        let wide = stream(&[label(0, 0), label(65535, 255)]);
        assert_eq!(precheck(&wide, 100).unwrap_err().code(), "limit_exceeded");
        let mut dims = 0u32.to_le_bytes().to_vec();
        dims.extend(70000u32.to_le_bytes());
        dims.extend([0, 0, 0, 1, 0, 0]);
        let mut whole = 0u32.to_le_bytes().to_vec();
        whole.extend(65536u32.to_le_bytes());
        whole.extend([0, 0, 0, 1, 0, 0]);
        assert!(precheck(&stream(&[rec(DIMENSIONS, &whole)]), 1000).is_ok());
        let declared = stream(&[rec(DIMENSIONS, &dims)]);
        assert_eq!(
            precheck(&declared, 1000).unwrap_err().code(),
            "limit_exceeded"
        );
        let mut inverted = 10u32.to_le_bytes().to_vec();
        inverted.extend(5u32.to_le_bytes());
        inverted.extend([0, 0, 1, 0, 0, 0]);
        let inverted = stream(&[rec(DIMENSIONS, &inverted)]);
        assert_eq!(precheck(&inverted, 1000).unwrap_err().code(), "malformed");
        let mut far = rec(BOUND_SHEET, &[0xff, 0xff, 0xff, 0x7f, 0, 0, 1, b'S']);
        far.extend(rec(EOF, &[]));
        assert_eq!(precheck(&far, 1000).unwrap_err().code(), "malformed");
        let mut pass = rec(BOF, &[0; 16]);
        pass.extend(rec(FILE_PASS, &[1, 0, 1, 0]));
        assert_eq!(precheck(&pass, 1000).unwrap_err().code(), "encrypted");
        let short_merge = stream(&[rec(MERGE_CELLS, &[5, 0, 1, 2])]);
        assert_eq!(
            precheck(&short_merge, 1000).unwrap_err().code(),
            "malformed"
        );
    }
}
