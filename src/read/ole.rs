//! OLE compound files (CFB, MS-CFB): what kind of Office file one is, and its streams.
//!
//! Word 97 `.doc`, Kingsoft WPS `.wps`, Excel `.xls`, Kingsoft `.et`, Microsoft Works `.wps`
//! and password-protected OOXML all share the `D0 CF 11 E0` container; only the streams
//! inside tell them apart, never the file name. The container is opened with the `cfb` crate,
//! which checks the FAT (no sector pointed at twice, chains that do not loop back, no chain
//! past the file), so a damaged container is an error here, not a hang later. Streams are read
//! whole but never past `Limits::stream_bytes`.

use std::borrow::Cow;
use std::io::{Cursor, Read};

use crate::error::{Error, Limit, Result};
use crate::model::{Code, Diagnostic, Format};
use crate::options::Limits;

/// The OLE magic number every compound file starts with.
pub(crate) const MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// What a compound file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OleKind {
    /// A `WordDocument` stream: Word 97-2003 `.doc`, or Kingsoft WPS `.wps` when `kingsoft`.
    Word {
        /// A `WpsCustomData` stream says WPS Office wrote it.
        kingsoft: bool,
    },
    /// A `Workbook` (BIFF8) or `Book` (BIFF5) stream: `.xls`, or Kingsoft `.et` when `kingsoft`.
    Spreadsheet {
        /// An `ETExtData` stream says WPS Office wrote it.
        kingsoft: bool,
    },
    /// `CONTENTS` / `MatOST` without `WordDocument`: a Microsoft Works word-processor file.
    Works,
    /// `EncryptedPackage`: a password-protected DOCX/XLSX (MS-OFFCRYPTO).
    EncryptedOoxml,
    /// Some other compound file (PowerPoint, Visio, MSG, …).
    Other,
}

/// An opened compound file over the input (or a padded copy of it, see [`Ole::open`]).
pub(crate) struct Ole<'a> {
    file: cfb::CompoundFile<Cursor<Cow<'a, [u8]>>>,
    format: Format,
    /// Set when the container was damaged but could be read leniently.
    pub(crate) warning: Option<Diagnostic>,
}

impl<'a> Ole<'a> {
    /// Open the container; errors are reported as `malformed` `format`.
    ///
    /// Some writers leave a FAT that covers more sectors than the file has, with entries past
    /// the end that are not free. `cfb` refuses those; LibreOffice and antiword read them, so the file is
    /// padded with empty sectors up to the FAT's size (at most four times the file, never past
    /// `limits.input_bytes`) and
    /// opened again, with a `damaged_file` warning.
    pub(crate) fn open(bytes: &'a [u8], format: Format, limits: &Limits) -> Result<Ole<'a>> {
        let damaged = |e: std::io::Error| {
            Error::malformed(format, format!("damaged compound (OLE) container: {e}"))
        };
        match cfb::CompoundFile::open(Cursor::new(Cow::Borrowed(bytes))) {
            Ok(file) => Ok(Ole {
                file,
                format,
                warning: None,
            }),
            Err(e) => {
                let (fixed, why) = if let Some(padded) = padded_to_fat(bytes, limits, &e) {
                    (
                        padded,
                        "the compound file's FAT is longer than the file; read as if the \
                         missing sectors were empty",
                    )
                } else if let Some(repaired) = repaired_directory(bytes, limits, &e) {
                    (
                        repaired,
                        "the compound file's directory has invalid entries (tree links past \
                         the directory, unknown colours); read with those links cut",
                    )
                } else {
                    return Err(damaged(e));
                };
                let file = cfb::CompoundFile::open(Cursor::new(Cow::Owned(fixed)))
                    .map_err(|_| damaged(e))?;
                Ok(Ole {
                    file,
                    format,
                    warning: Some(Diagnostic::new(Code::DamagedFile, why)),
                })
            }
        }
    }

    /// Whether a top-level stream or storage named `name` exists.
    pub(crate) fn has(&self, name: &str) -> bool {
        self.file.exists(format!("/{name}"))
    }

    /// Read a top-level stream whole, within `limits.stream_bytes`; `None` when absent.
    pub(crate) fn stream(&mut self, name: &str, limits: &Limits) -> Result<Option<Vec<u8>>> {
        let path = format!("/{name}");
        if !self.file.is_stream(&path) {
            return Ok(None);
        }
        let format = self.format;
        let damaged = move |e: std::io::Error| {
            let why = if e.kind() == std::io::ErrorKind::UnexpectedEof {
                "its sectors end before the size its directory entry gives (a truncated or \
                 damaged compound file)"
                    .to_string()
            } else {
                e.to_string()
            };
            Error::malformed(format, format!("stream {name}: {why}"))
        };
        let stream = self.file.open_stream(&path).map_err(damaged)?;
        let max = limits.stream_bytes;
        let mut out = Vec::new();
        stream
            .take(max.saturating_add(1))
            .read_to_end(&mut out)
            .map_err(damaged)?;
        if out.len() as u64 > max {
            return Err(Error::limit(Limit::StreamBytes, max));
        }
        Ok(Some(out))
    }

    /// What kind of Office file the streams say this is.
    pub(crate) fn kind(&self) -> OleKind {
        if self.has("WordDocument") {
            OleKind::Word {
                kingsoft: self.has("WpsCustomData"),
            }
        } else if self.has("Workbook") || self.has("Book") {
            OleKind::Spreadsheet {
                kingsoft: self.has("ETExtData"),
            }
        } else if self.has("EncryptedPackage") {
            OleKind::EncryptedOoxml
        } else if self.has("CONTENTS") || self.has("MatOST") {
            OleKind::Works
        } else {
            OleKind::Other
        }
    }
}

/// Open `bytes` as a compound file and tell what it is.
///
/// # Errors
/// [`Error::Malformed`] (as `format`, the reader the caller would use) for a container `cfb`
/// cannot open: truncated, cyclic or overlong FAT, directory past the end.
pub(crate) fn classify(bytes: &[u8], format: Format, limits: &Limits) -> Result<OleKind> {
    Ok(Ole::open(bytes, format, limits)?.kind())
}

/// The bytes padded with zero sectors up to what the FAT describes, when `error` says the FAT
/// is longer than the file, the file is whole sectors (a file cut mid-sector is truncated and
/// stays an error) and the padded size stays within the limits.
fn padded_to_fat(bytes: &[u8], limits: &Limits, error: &std::io::Error) -> Option<Vec<u8>> {
    if !error.to_string().contains("but file has only") {
        return None;
    }
    let sector = 1u64 << sector_shift(bytes)?;
    // A file cut off mid-sector is truncated, not merely described by a long FAT.
    if !(bytes.len() as u64).is_multiple_of(sector) {
        return None;
    }
    let fat_sectors = u64::from(le_u32(bytes, 0x2C)?);
    // One header sector, then as many sectors as the FAT has entries.
    let needed = fat_sectors
        .checked_mul(sector / 4)?
        .checked_add(1)?
        .checked_mul(sector)?;
    // The padding is zeros the file never had: keep it small next to the file, so a tiny
    // file cannot claim a FAT of gigabytes.
    let cap = (bytes.len() as u64).saturating_mul(4).max(1 << 20);
    if needed <= bytes.len() as u64 || needed > limits.input_bytes.min(cap) {
        return None;
    }
    let mut out = bytes.to_vec();
    out.resize(usize::try_from(needed).ok()?, 0);
    Some(out)
}

/// The little-endian `u32` at `at`, if the bytes reach that far.
fn le_u32(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes(<[u8; 4]>::try_from(b).ok()?))
}

/// The header's sector shift (512- or 4096-byte sectors); any other value is no compound file.
fn sector_shift(bytes: &[u8]) -> Option<u8> {
    bytes.get(0x1E).copied().filter(|&s| s == 9 || s == 12)
}

/// Sector numbers at and above this are markers (free, end of chain, FAT, DIFAT), not sectors.
const MAX_SECTOR: u32 = 0xFFFF_FFFA;
/// "No entry" in a directory entry's left/right/child links.
const NO_STREAM: u32 = 0xFFFF_FFFF;
/// Size of one directory entry (MS-CFB 2.6).
const DIR_ENTRY: usize = 128;

/// A copy of the bytes with the directory's impossible links cut, when `error` says `cfb`
/// refused the directory.
///
/// Fuzzed and damaged files carry directory entries whose sibling or child index points past
/// the directory, a stream with a child, or a colour byte that is neither red nor black.
/// LibreOffice reads such files by ignoring what it cannot follow; this does the same in the
/// bytes: such a link becomes "none" (the entries it led to are then out of the tree, so a
/// stream only reachable through it is missing, as in LibreOffice) and an unknown colour
/// black, and `cfb` opens the copy with its usual checks. The directory's sectors are found
/// through the header's DIFAT and the FAT; every step is bounded by the file's sector count,
/// and a chain that leaves the file or loops gives `None` (the original error stands).
fn repaired_directory(bytes: &[u8], limits: &Limits, error: &std::io::Error) -> Option<Vec<u8>> {
    let msg = error.to_string();
    if !msg.contains("Malformed directory") || bytes.len() as u64 > limits.input_bytes {
        return None;
    }
    let u32_at = |at: usize| le_u32(bytes, at);
    let sector = 1usize << sector_shift(bytes)?;
    let sectors = bytes.len() / sector; // header sector included: sector n is at (n + 1) × size
    let offset = |n: u32| -> Option<usize> {
        let at = usize::try_from(n)
            .ok()?
            .checked_add(1)?
            .checked_mul(sector)?;
        (at.checked_add(sector)? <= bytes.len()).then_some(at)
    };
    // The FAT sectors: 109 in the header, the rest in the DIFAT chain (each DIFAT sector ends
    // with the next one's number).
    let mut fat_sectors = Vec::new();
    for i in 0..109 {
        match u32_at(0x4C + 4 * i)? {
            s if s < MAX_SECTOR => fat_sectors.push(s),
            _ => break,
        }
    }
    let mut difat = u32_at(0x44)?;
    let per = sector / 4;
    let mut steps = 0;
    while difat < MAX_SECTOR && fat_sectors.len() == 109 + steps * (per - 1) {
        steps += 1;
        if steps > sectors {
            return None;
        }
        let at = offset(difat)?;
        for i in 0..per - 1 {
            match u32_at(at + 4 * i)? {
                s if s < MAX_SECTOR => fat_sectors.push(s),
                _ => break,
            }
        }
        difat = u32_at(at + 4 * (per - 1))?;
    }
    let next = |s: u32| -> Option<u32> {
        let index = usize::try_from(s).ok()?;
        let fat_sector = *fat_sectors.get(index / per)?;
        u32_at(offset(fat_sector)? + 4 * (index % per))
    };
    // The directory chain, as sector offsets.
    let mut chain = Vec::new();
    let mut s = u32_at(0x30)?;
    while s < MAX_SECTOR {
        if chain.len() >= sectors {
            return None; // longer than the file: a loop
        }
        chain.push(offset(s)?);
        s = next(s)?;
    }
    let count = u32::try_from(chain.len() * (sector / DIR_ENTRY)).ok()?;
    let mut out = bytes.to_vec();
    let mut changed = false;
    for at in chain {
        for entry in (at..at + sector).step_by(DIR_ENTRY) {
            let kind = *out.get(entry + 0x42)?;
            let color = out.get_mut(entry + 0x43)?;
            if *color > 1 {
                *color = 1;
                changed = true;
            }
            for (field, allowed) in [(0x44, true), (0x48, true), (0x4C, kind != 2)] {
                let link = out.get_mut(entry + field..entry + field + 4)?;
                let value = u32::from_le_bytes(<[u8; 4]>::try_from(&*link).ok()?);
                if value != NO_STREAM && (!allowed || value >= count) {
                    link.copy_from_slice(&NO_STREAM.to_le_bytes());
                    changed = true;
                }
            }
        }
    }
    changed.then_some(out)
}

/// The error for compound files gongwen does not read, naming what they are.
pub(crate) fn unsupported(kind: OleKind) -> Error {
    let convert = "convert it to .docx first, e.g. `soffice --headless --convert-to docx FILE`";
    let (format, suggestion) = match kind {
        OleKind::Works => ("Microsoft Works word processor (.wps)", convert),
        OleKind::EncryptedOoxml => (
            "password-protected DOCX",
            "remove the password in Word or LibreOffice and save it as .docx",
        ),
        OleKind::Spreadsheet { .. } => (
            "a spreadsheet (.xls/.et)",
            "export it as .xlsx or CSV, e.g. `soffice --headless --convert-to xlsx FILE`",
        ),
        OleKind::Word { .. } | OleKind::Other => (
            "an OLE compound file that is not a Word document (PowerPoint, Visio, Outlook …)",
            "export the text as .docx or PDF",
        ),
    };
    Error::UnsupportedFormat {
        format: format.to_string(),
        suggestion: suggestion.to_string(),
    }
}
