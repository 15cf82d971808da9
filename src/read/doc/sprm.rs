//! Property modifiers (sprms, MS-DOC §2.6): the paragraph and character properties the reader
//! keeps, applied in file order over the style's.
//!
//! A sprm is a 16-bit code whose top three bits (`spra`) give the operand size; variable-size
//! operands start with their length (two bytes for `sprmTDefTable`). Unknown sprms are skipped
//! by size, so a new Word version's properties cannot derail the walk.

use super::bytes::{i16_at, u16_at, u8_at};

/// One sprm and its operand.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Sprm<'a> {
    pub(crate) code: u16,
    pub(crate) arg: &'a [u8],
}

const SPRM_T_DEF_TABLE: u16 = 0xD608;
const SPRM_P_CHG_TABS: u16 = 0xC615;

/// The sprms of a `grpprl`, stopping at the first one that runs past the end.
pub(crate) fn sprms(grpprl: &[u8]) -> impl Iterator<Item = Sprm<'_>> {
    let mut at = 0usize;
    std::iter::from_fn(move || {
        let code = u16_at(grpprl, at)?;
        let (skip, len) = match code >> 13 {
            0 | 1 => (0, 1),
            2 | 4 | 5 => (0, 2),
            3 => (0, 4),
            7 => (0, 3),
            _ if code == SPRM_T_DEF_TABLE => {
                // cb counts the rest of the operand plus one.
                (2, usize::from(u16_at(grpprl, at + 2)?).saturating_sub(1))
            }
            // cb 255 means a long tab list whose size is computed from its content: rare,
            // only tabs, and nothing after it is needed badly enough to parse it.
            _ if code == SPRM_P_CHG_TABS && u8_at(grpprl, at + 2)? == 255 => return None,
            _ => (1, usize::from(u8_at(grpprl, at + 2)?)),
        };
        let start = at + 2 + skip;
        let arg = grpprl.get(start..start.checked_add(len)?)?;
        at = start + len;
        Some(Sprm { code, arg })
    })
}

/// Horizontal merge and vertical merge flags of one cell (TC80 and `sprmTVertMerge`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct CellDef {
    pub(crate) merged: bool,
    pub(crate) vert_merge: bool,
    pub(crate) vert_restart: bool,
}

/// A row's cell boundaries (twips) and cell flags, from `sprmTDefTable`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct RowDef {
    pub(crate) edges: Vec<i16>,
    pub(crate) cells: Vec<CellDef>,
}

/// Paragraph properties the reader uses.
#[derive(Debug, Clone, Default)]
pub(crate) struct Para {
    pub(crate) istd: u16,
    pub(crate) in_table: bool,
    /// The paragraph is a table row's end mark.
    pub(crate) row_end: bool,
    /// Table nesting depth (`sprmPItap`); 1 in an outer table.
    pub(crate) depth: u32,
    pub(crate) inner_cell: bool,
    pub(crate) inner_row_end: bool,
    pub(crate) ilfo: Option<i16>,
    pub(crate) ilvl: Option<u8>,
    pub(crate) outline: Option<u8>,
    pub(crate) jc: Option<u8>,
    pub(crate) row: Option<RowDef>,
}

impl Para {
    /// Apply the paragraph and table sprms of `grpprl`.
    pub(crate) fn apply(&mut self, grpprl: &[u8]) {
        for s in sprms(grpprl) {
            let b = s.arg.first().copied().unwrap_or(0);
            match s.code {
                0x4600 => self.istd = u16_at(s.arg, 0).unwrap_or(0),
                0x2403 | 0x2461 => self.jc = Some(b),
                0x2416 => self.in_table = b != 0,
                0x2417 => self.row_end = b != 0,
                0x6649 => self.depth = super::bytes::u32_at(s.arg, 0).unwrap_or(0),
                0x244B => self.inner_cell = b != 0,
                0x244C => self.inner_row_end = b != 0,
                0x260A => self.ilvl = Some(b),
                0x460B => self.ilfo = i16_at(s.arg, 0),
                0x2640 => self.outline = Some(b),
                SPRM_T_DEF_TABLE => self.row = Some(row_def(s.arg)),
                0xD62B => self.vert_merge(s.arg),
                _ => {}
            }
        }
    }

    /// `sprmTVertMerge`: cell index, then 0 (none), 1 (continues) or 3 (starts a merge).
    fn vert_merge(&mut self, arg: &[u8]) {
        let (Some(itc), Some(how)) = (u8_at(arg, 0), u8_at(arg, 1)) else {
            return;
        };
        let row = self.row.get_or_insert_with(RowDef::default);
        if let Some(c) = row.cells.get_mut(usize::from(itc)) {
            c.vert_merge = how != 0;
            c.vert_restart = how == 3;
        }
    }
}

/// `TDefTableOperand` after its size: itcMac, itcMac+1 boundaries, then up to itcMac TC80s.
fn row_def(arg: &[u8]) -> RowDef {
    let n = usize::from(u8_at(arg, 0).unwrap_or(0));
    let edges: Vec<i16> = (0..=n).map_while(|i| i16_at(arg, 1 + i * 2)).collect();
    let tc_at = 1 + (n + 1) * 2;
    let cells = (0..n)
        .map(|i| {
            let grf = u16_at(arg, tc_at + i * 20).unwrap_or(0);
            CellDef {
                merged: grf & 0x0002 != 0,
                vert_merge: grf & 0x0020 != 0,
                vert_restart: grf & 0x0040 != 0,
            }
        })
        .collect();
    RowDef { edges, cells }
}

/// Character properties the reader uses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Chr {
    pub(crate) bold: bool,
    /// Half-points.
    pub(crate) size: Option<u16>,
    pub(crate) red: bool,
    /// Hidden text (`sprmCFVanish`).
    pub(crate) vanish: bool,
    /// A tracked deletion (`sprmCFRMarkDel`).
    pub(crate) deleted: bool,
    /// The character of a symbol font (`sprmCSymbol`) that replaces the stored `(`.
    pub(crate) symbol: Option<u16>,
    /// Font indexes (into the font table) for ASCII and East Asian text.
    pub(crate) font_ascii: Option<u16>,
    pub(crate) font_east_asia: Option<u16>,
}

impl Chr {
    /// Apply the character sprms of `grpprl`. Toggle operands 0x80/0x81 mean "as the style"
    /// and "the opposite of the style".
    pub(crate) fn apply(&mut self, grpprl: &[u8]) {
        for s in sprms(grpprl) {
            let b = s.arg.first().copied().unwrap_or(0);
            match s.code {
                0x0835 => self.bold = toggle(self.bold, b),
                0x083C => self.vanish = toggle(self.vanish, b),
                0x0800 => self.deleted = b != 0,
                0x4A43 => self.size = u16_at(s.arg, 0),
                // ico 6 is red, 13 dark red.
                0x2A42 => self.red = matches!(b, 6 | 13),
                0x6870 => self.red = is_red(s.arg),
                0x6A09 => self.symbol = u16_at(s.arg, 2),
                0x4A4F => self.font_ascii = u16_at(s.arg, 0),
                0x4A50 => self.font_east_asia = u16_at(s.arg, 0),
                _ => {}
            }
        }
    }
}

impl Chr {
    /// The font that names the run, as the DOCX reader picks it: East Asian first.
    pub(crate) fn font(&self) -> Option<u16> {
        self.font_east_asia.or(self.font_ascii)
    }

    /// Word does not show the character.
    pub(crate) fn hidden(&self) -> bool {
        self.vanish || self.deleted
    }
}

fn toggle(current: bool, b: u8) -> bool {
    match b {
        0 => false,
        0x80 => current,
        0x81 => !current,
        _ => true,
    }
}

/// A COLORREF (red, green, blue, fAuto) that reads as red (`FF0000`, `C00000`, `E60012`).
fn is_red(arg: &[u8]) -> bool {
    let (Some(r), Some(g), Some(b), auto) = (
        u8_at(arg, 0),
        u8_at(arg, 1),
        u8_at(arg, 2),
        u8_at(arg, 3).unwrap_or(0),
    ) else {
        return false;
    };
    auto == 0 && r >= 0xB0 && g <= 0x60 && b <= 0x60
}
