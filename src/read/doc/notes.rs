//! Footnotes, endnotes and comments → [`Note`]s shaped as the DOCX reader gives them, so a
//! `.doc` and its `.docx` twin have the same notes.
//!
//! After the main text (CP `0 .. ccpText`) come the other stories, in this CP order:
//! footnotes (`ccpFtn`), headers and footers (`ccpHdd`, not read), comments (`ccpAtn`) and
//! endnotes (`ccpEdn`). For each kind, a reference PLC in the table stream lists the CPs of
//! the reference marks in the main text (`PlcffndRef`, `PlcfendRef`, `PlcfandRef`) and a
//! text PLC splits the story into one note per reference (`PlcffndTxt`, …). A note's text is
//! read like the body (fields, hidden text, tables) and its paragraphs joined by `\n`; the
//! reference mark at its start (`0x02`, `0x05`) is not text. Ids are what Word writes in a
//! DOCX: footnotes and endnotes count from 1, comments from 0. A comment's author comes
//! from `GrpXstAtnOwners`, indexed by the `ibst` of its `ATRDPre10`.
//!
//! In the main text, an auto-numbered reference is the character `0x02`; Word shows it as the
//! note's number, which [`marks`] computes (the DOP's start number and number format, Arabic
//! for footnotes and lower-case Roman for endnotes by default) so the body shows it where Word
//! does. A custom mark (`FRD.nAuto` 0) is its own character in the text.
//!
//! A story or PLC that does not fit the streams drops that kind of note with a `damaged_file`
//! warning; the body is unaffected. Note ranges that go backwards are skipped, so the text
//! read is never more than the story itself.

use super::body::{self, Blocks, Doc};
use super::bytes::{i16_at, u16_at, u32_at};
use super::fib::{Fib, Part};
use super::lists::num_fmt;
use crate::model::{Code, Diagnostic, Note, NoteKind};
use crate::read::docx::numbering::{format_number, Numbering};

/// Bytes of the data each reference PLC holds per note: `FRD` (footnotes, endnotes) and
/// `ATRDPre10` (comments).
const FRD: usize = 2;
const ATRD: usize = 30;
/// Offset of `ibst` (the author's index) in `ATRDPre10`, after the 20-byte initials.
const ATRD_IBST: usize = 20;

/// One kind of note and where its parts are.
struct Story {
    kind: NoteKind,
    refs: Part,
    texts: Part,
    data: usize,
    start: u32,
    len: u32,
    first_id: usize,
}

/// The marks Word shows for the auto-numbered footnote and endnote references of the main
/// text: `(cp, mark)` sorted by CP. Numbers run through the document from the DOP's start
/// (`nFtn`, `nEdn`), in its format (`nfcFtnRef`, `nfcEdnRef`: Dop97's words when the DOP has
/// them, else DopBase's four bits); restarts per page or section are not followed (the
/// reader has no pages).
pub(crate) fn marks(fib: &Fib, table: &[u8]) -> Vec<(usize, String)> {
    let dop = fib.slice(table, Part::Dop).unwrap_or(&[]);
    let start = |at: usize| u32::from(u16_at(dop, at).map_or(1, |v| v >> 2)).max(1);
    let nfc = |full: usize, shift: u16, default: u8| {
        u16_at(dop, full)
            .or_else(|| u16_at(dop, 54).map(|v| (v >> shift) & 0xF))
            .map_or(default, |v| u8::try_from(v).unwrap_or(0))
    };
    let kinds = [
        (Part::PlcffndRef, start(2), nfc(492, 2, 0)),
        (Part::PlcfendRef, start(52), nfc(494, 6, 2)),
    ];
    let mut out = Vec::new();
    for (part, first, nfc) in kinds {
        let Some(refs) = fib.slice(table, part) else {
            continue;
        };
        let n = refs.len().saturating_sub(4) / (4 + FRD);
        let mut number = first;
        for i in 0..n {
            let (Some(cp), Some(auto)) = (u32_at(refs, i * 4), i16_at(refs, (n + 1) * 4 + i * FRD))
            else {
                break;
            };
            if auto == 0 || cp >= fib.ccp_text {
                continue;
            }
            out.push((cp as usize, format_number(number, num_fmt(nfc))));
            number = number.saturating_add(1);
        }
    }
    out.sort_by_key(|&(cp, _)| cp);
    out
}

/// The notes of the document, anchored to `body`'s blocks, and warnings for damaged stories.
pub(crate) fn read(
    fib: &Fib,
    table: &[u8],
    word: &[u8],
    doc: &Doc<'_>,
    body: &Blocks,
) -> (Vec<Note>, Vec<Diagnostic>) {
    let ftn = fib.ccp_text;
    let hdd = ftn.saturating_add(fib.ccp_ftn);
    let atn = hdd.saturating_add(fib.ccp_hdd);
    let edn = atn.saturating_add(fib.ccp_atn);
    let stories = [
        Story {
            kind: NoteKind::Footnote,
            refs: Part::PlcffndRef,
            texts: Part::PlcffndTxt,
            data: FRD,
            start: ftn,
            len: fib.ccp_ftn,
            first_id: 1,
        },
        Story {
            kind: NoteKind::Endnote,
            refs: Part::PlcfendRef,
            texts: Part::PlcfendTxt,
            data: FRD,
            start: edn,
            len: fib.ccp_edn,
            first_id: 1,
        },
        Story {
            kind: NoteKind::Comment,
            refs: Part::PlcfandRef,
            texts: Part::PlcfandTxt,
            data: ATRD,
            start: atn,
            len: fib.ccp_atn,
            first_id: 0,
        },
    ];
    let owners = fib
        .slice(table, Part::GrpXstAtnOwners)
        .map(authors)
        .unwrap_or_default();
    let mut notes = Vec::new();
    let mut warnings = Vec::new();
    for s in &stories {
        if s.len == 0 {
            continue;
        }
        match story_notes(s, fib, table, word, doc, body, &owners) {
            Ok(found) => notes.extend(found),
            Err(why) => warnings.push(Diagnostic::new(
                Code::DamagedFile,
                format!("{} of the .doc not read: {why}", kind_name(s.kind)),
            )),
        }
    }
    (notes, warnings)
}

fn kind_name(kind: NoteKind) -> &'static str {
    match kind {
        NoteKind::Footnote => "footnotes",
        NoteKind::Endnote => "endnotes",
        _ => "comments",
    }
}

fn story_notes(
    s: &Story,
    fib: &Fib,
    table: &[u8],
    word: &[u8],
    doc: &Doc<'_>,
    body: &Blocks,
    owners: &[String],
) -> Result<Vec<Note>, String> {
    let refs = fib.slice(table, s.refs).ok_or("no reference table")?;
    let texts = fib.slice(table, s.texts).ok_or("no text table")?;
    let n = refs.len().saturating_sub(4) / (4 + s.data);
    let ref_cp = |i: usize| u32_at(refs, i * 4);
    let data = |i: usize| refs.get((n + 1) * 4 + i * s.data..);
    let text_cp = |i: usize| u32_at(texts, i * 4).map(|c| c.min(s.len));
    let end = s.start.checked_add(s.len).ok_or("story past 2^32")?;
    let chars = doc
        .clx
        .range(word, s.start, end)
        .map_err(|e| e.to_string())?;
    let story = Doc {
        text: &chars,
        base: s.start as usize,
        marks: &[],
        ..*doc
    };
    let mut out = Vec::new();
    let mut last_end = 0;
    for i in 0..n {
        let (Some(from), Some(to)) = (text_cp(i), text_cp(i + 1)) else {
            break;
        };
        if from < last_end || to < from {
            continue;
        }
        last_end = to;
        let part = Doc {
            text: chars.get(from as usize..to as usize).unwrap_or(&[]),
            base: story.base + from as usize,
            ..story
        };
        let blocks = body::blocks(&part, Numbering::default()).blocks;
        let text = blocks
            .iter()
            .map(|b| b.text.trim())
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        let mut note = Note::new(s.kind, (s.first_id + i).to_string(), text);
        note.anchor = ref_cp(i)
            .and_then(|cp| body.at(cp as usize))
            .and_then(|b| u32::try_from(b).ok());
        if s.kind == NoteKind::Comment {
            note.author = data(i)
                .and_then(|d| i16_at(d, ATRD_IBST))
                .and_then(|ibst| usize::try_from(ibst).ok())
                .and_then(|ibst| owners.get(ibst))
                .filter(|a| !a.trim().is_empty())
                .cloned();
        }
        out.push(note);
    }
    Ok(out)
}

/// `GrpXstAtnOwners`: the comment authors, each an `Xst` (a u16 count, then UTF-16 units).
fn authors(grp: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    let mut at = 0usize;
    while let Some(cch) = u16_at(grp, at) {
        let units: Vec<u16> = (0..usize::from(cch))
            .map_while(|i| u16_at(grp, at + 2 + i * 2))
            .collect();
        if units.len() < usize::from(cch) {
            break;
        }
        out.push(String::from_utf16_lossy(&units));
        at += 2 + usize::from(cch) * 2;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Block;

    #[test]
    fn authors_are_counted_utf16_strings_and_a_short_one_ends_the_list() {
        let mut grp = Vec::new();
        for name in ["李四", "Ryan"] {
            let units: Vec<u16> = name.encode_utf16().collect();
            grp.extend((units.len() as u16).to_le_bytes());
            grp.extend(units.iter().flat_map(|u| u.to_le_bytes()));
        }
        grp.extend(9u16.to_le_bytes());
        grp.extend([0x41, 0]);
        assert_eq!(authors(&grp), ["李四", "Ryan"]);
    }

    #[test]
    fn a_reference_anchors_to_its_block_or_the_next() {
        let body = Blocks {
            blocks: vec![Block::paragraph("a"), Block::paragraph("b")],
            ends: vec![5, 12],
        };
        assert_eq!(body.at(0), Some(0));
        assert_eq!(body.at(4), Some(0));
        assert_eq!(body.at(5), Some(1));
        assert_eq!(body.at(11), Some(1));
        assert_eq!(body.at(12), None);
    }
}
