//! The File Information Block (FIB, MS-DOC §2.5) at the start of the `WordDocument` stream:
//! which version wrote the file, whether it is encrypted, which table stream holds the
//! properties, how long the main text is, and where each table-stream structure lies.

use super::bytes::{u16_at, u32_at};
use crate::error::{Error, Result};
use crate::model::Format;

/// `wIdent` of Word 97-2003 documents (and of some Word 6/95 ones).
const W_IDENT: u16 = 0xA5EC;
/// `wIdent` of Word 6/95 documents.
const W_IDENT_WORD6: u16 = 0xA5DC;
/// Word 97 writes nFib 193 (0xC1); Word 6 and 95 wrote 101–105 with a different FIB and text.
const FIRST_WORD97_NFIB: u16 = 106;

/// Indexes into `FibRgFcLcb97` (pairs of offset and length in the table stream).
#[derive(Debug, Clone, Copy)]
pub(crate) enum Part {
    Stshf = 1,
    PlcffndRef = 2,
    PlcffndTxt = 3,
    PlcfandRef = 4,
    PlcfandTxt = 5,
    PlcfBteChpx = 12,
    PlcfBtePapx = 13,
    SttbfFfn = 15,
    Dop = 31,
    Clx = 33,
    GrpXstAtnOwners = 36,
    PlcfendRef = 46,
    PlcfendTxt = 47,
    PlfLst = 73,
    PlfLfo = 74,
}

/// What the reader needs from the FIB.
#[derive(Debug, Clone)]
pub(crate) struct Fib {
    /// Characters of the main document (CP 0 .. ccpText); notes and headers follow it.
    pub(crate) ccp_text: u32,
    /// Characters of the stories after the main text, in CP order: footnotes, headers,
    /// comments (annotations), endnotes.
    pub(crate) ccp_ftn: u32,
    pub(crate) ccp_hdd: u32,
    pub(crate) ccp_atn: u32,
    pub(crate) ccp_edn: u32,
    /// `1Table` instead of `0Table`.
    pub(crate) table_1: bool,
    /// The `fcLcb` pairs as read (missing trailing ones are zero).
    fc_lcb: Vec<(u32, u32)>,
}

impl Fib {
    /// Parse the FIB; refuse Word 6/95 and encrypted files with errors naming the cause.
    pub(crate) fn parse(word: &[u8], password_given: bool) -> Result<Fib> {
        let malformed = |why: &str| Error::malformed(Format::Doc, why.to_string());
        let ident = u16_at(word, 0).ok_or_else(|| malformed("WordDocument stream too short"))?;
        let n_fib = u16_at(word, 2).unwrap_or(0);
        // Some Word 6/95 writers put another wIdent (0xA699 in POI's Bug51944.doc); their
        // nFib still says Word 6/95, and that is the clearer thing to tell.
        let word6_nfib = (101..FIRST_WORD97_NFIB).contains(&n_fib);
        if ident != W_IDENT && ident != W_IDENT_WORD6 && !word6_nfib {
            return Err(malformed(&format!(
                "WordDocument stream does not start with a Word FIB (wIdent {ident:#06x})"
            )));
        }
        if ident == W_IDENT_WORD6 || n_fib < FIRST_WORD97_NFIB {
            return Err(Error::UnsupportedFormat {
                format: format!("Word 6/95 (.doc, nFib {n_fib})"),
                suggestion: "open and save it as .docx in Word or LibreOffice, e.g. \
                             `soffice --headless --convert-to docx FILE`"
                    .to_string(),
            });
        }
        let flags = u16_at(word, 10).unwrap_or(0);
        if flags & 0x0100 != 0 {
            return Err(Error::Encrypted {
                format: Format::Doc,
                password_given,
            });
        }
        let csw = usize::from(u16_at(word, 32).ok_or_else(|| malformed("FIB truncated"))?);
        let lw_at = 34 + csw * 2;
        let cslw = usize::from(u16_at(word, lw_at).ok_or_else(|| malformed("FIB truncated"))?);
        let ccp_text = u32_at(word, lw_at + 2 + 3 * 4).ok_or_else(|| malformed("FIB truncated"))?;
        // rgLw97 holds cbMac, two reserved words, ccpText, ccpFtn, ccpHdd, a reserved word,
        // ccpAtn, ccpEdn; a short FIB lacking the story counts has no notes.
        let lw = |i: usize| {
            if i < cslw {
                u32_at(word, lw_at + 2 + i * 4).unwrap_or(0)
            } else {
                0
            }
        };
        let blob_at = lw_at + 2 + cslw * 4;
        let cb = usize::from(u16_at(word, blob_at).ok_or_else(|| malformed("FIB truncated"))?);
        let fc_lcb = (0..cb)
            .map_while(|i| {
                let at = blob_at + 2 + i * 8;
                Some((u32_at(word, at)?, u32_at(word, at + 4)?))
            })
            .collect();
        Ok(Fib {
            ccp_text,
            ccp_ftn: lw(4),
            ccp_hdd: lw(5),
            ccp_atn: lw(7),
            ccp_edn: lw(8),
            table_1: flags & 0x0200 != 0,
            fc_lcb,
        })
    }

    /// Offset and length of `part` in the table stream; `None` when absent or empty.
    pub(crate) fn part(&self, part: Part) -> Option<(u32, u32)> {
        self.fc_lcb
            .get(part as usize)
            .copied()
            .filter(|&(_, lcb)| lcb > 0)
    }

    /// The bytes of `part` in `table`; `None` when absent or out of the stream.
    pub(crate) fn slice<'t>(&self, table: &'t [u8], part: Part) -> Option<&'t [u8]> {
        let (fc, lcb) = self.part(part)?;
        let start = fc as usize;
        table.get(start..start.checked_add(lcb as usize)?)
    }
}
