//! Sparse spreadsheet cells → a [`Table`]: the used area, merged regions as spans, cell values
//! as the sheet shows them (numbers without binary artefacts, dates as ISO dates).
//!
//! The table covers the bounding box of the non-empty cells. Rows in it that hold nothing and
//! take no part in a merged region are dropped (a ledger's spacer rows carry no data); empty
//! cells inside kept rows stay, so columns line up. A merged region becomes `col_span` /
//! `row_span` on its top-left cell and its other cells are left out, as in an HTML table.

use calamine::{Data, DataRef, ExcelDateTime};

use crate::error::{Error, Limit, Result};
use crate::model::{Cell, Table};

/// A merged region, inclusive: (first row, first column), (last row, last column).
pub(crate) type Merge = ((u32, u32), (u32, u32));

/// The non-empty cells of one sheet, as (row, column, text), in any order.
#[derive(Debug, Default)]
pub(crate) struct SheetCells {
    pub(crate) cells: Vec<(u32, u32, String)>,
    pub(crate) merges: Vec<Merge>,
}

impl SheetCells {
    /// Add a cell unless its text is empty.
    pub(crate) fn push(&mut self, row: u32, col: u32, text: String) {
        if !text.is_empty() {
            self.cells.push((row, col, text));
        }
    }

    /// Resolve the grid, or `None` for a sheet without text.
    ///
    /// # Errors
    /// [`Error::LimitExceeded`] when the used area is over `max_cells`.
    pub(crate) fn into_table(self, max_cells: u64) -> Result<Option<Table>> {
        let Some(bounds) = Bounds::of(&self.cells) else {
            return Ok(None);
        };
        let area = u64::from(bounds.rows()) * u64::from(bounds.cols());
        if area > max_cells {
            return Err(Error::limit(Limit::SheetCells, max_cells));
        }
        let mut grid = Grid::new(bounds);
        for (r, c, text) in self.cells {
            if let Some(slot) = grid.slot(r, c) {
                slot.text = text;
            }
        }
        grid.merge(&self.merges, area.saturating_mul(4));
        Ok(Some(grid.finish()))
    }
}

/// The bounding box of the used cells, inclusive.
#[derive(Debug, Clone, Copy)]
struct Bounds {
    top: u32,
    left: u32,
    bottom: u32,
    right: u32,
}

impl Bounds {
    fn of(cells: &[(u32, u32, String)]) -> Option<Bounds> {
        let mut it = cells.iter();
        let &(r, c, _) = it.next()?;
        let mut b = Bounds {
            top: r,
            left: c,
            bottom: r,
            right: c,
        };
        for &(r, c, _) in it {
            b.top = b.top.min(r);
            b.bottom = b.bottom.max(r);
            b.left = b.left.min(c);
            b.right = b.right.max(c);
        }
        Some(b)
    }

    fn rows(self) -> u32 {
        self.bottom - self.top + 1
    }

    fn cols(self) -> u32 {
        self.right - self.left + 1
    }
}

/// One grid position.
#[derive(Debug, Clone, Default)]
struct Slot {
    text: String,
    /// Spans when this is the top-left cell of a merged region.
    span: Option<(u32, u32)>,
    /// Inside a merged region but not its top-left cell.
    covered: bool,
}

struct Grid {
    bounds: Bounds,
    slots: Vec<Slot>,
}

impl Grid {
    fn new(bounds: Bounds) -> Self {
        let n = bounds.rows() as usize * bounds.cols() as usize;
        Grid {
            bounds,
            slots: vec![Slot::default(); n],
        }
    }

    fn index(&self, r: u32, c: u32) -> Option<usize> {
        let b = self.bounds;
        if r < b.top || r > b.bottom || c < b.left || c > b.right {
            return None;
        }
        Some((r - b.top) as usize * b.cols() as usize + (c - b.left) as usize)
    }

    fn slot(&mut self, r: u32, c: u32) -> Option<&mut Slot> {
        let i = self.index(r, c)?;
        self.slots.get_mut(i)
    }

    fn is_free(&self, r: u32, c: u32) -> bool {
        self.index(r, c)
            .and_then(|i| self.slots.get(i))
            .is_some_and(|s| !s.covered && s.span.is_none())
    }

    /// Apply merged regions, clipped to the grid. A region overlapping one already applied is
    /// ignored (a damaged file); checking costs at most `budget` slot visits in all, so a file
    /// of many overlapping regions stays linear.
    fn merge(&mut self, merges: &[Merge], mut budget: u64) {
        let b = self.bounds;
        for &((r0, c0), (r1, c1)) in merges {
            let (r0, c0) = (r0.max(b.top), c0.max(b.left));
            let (r1, c1) = (r1.min(b.bottom), c1.min(b.right));
            if r0 > r1 || c0 > c1 || (r0 == r1 && c0 == c1) {
                continue;
            }
            let cells = u64::from(r1 - r0 + 1) * u64::from(c1 - c0 + 1);
            if cells > budget {
                break;
            }
            budget -= cells;
            let free = (r0..=r1).all(|r| (c0..=c1).all(|c| self.is_free(r, c)));
            if !free {
                continue;
            }
            for r in r0..=r1 {
                for c in c0..=c1 {
                    if let Some(s) = self.slot(r, c) {
                        s.covered = true;
                    }
                }
            }
            if let Some(s) = self.slot(r0, c0) {
                s.covered = false;
                s.span = Some((c1 - c0 + 1, r1 - r0 + 1));
            }
        }
    }

    fn finish(self) -> Table {
        let cols = self.bounds.cols() as usize;
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        // A dropped row must not sit inside a row span; rows touched by a merge never drop.
        for row in self.slots.chunks(cols.max(1)) {
            let blank = row
                .iter()
                .all(|s| s.text.is_empty() && s.span.is_none() && !s.covered);
            if blank {
                continue;
            }
            rows.push(
                row.iter()
                    .filter(|s| !s.covered)
                    .map(|s| {
                        let (col_span, row_span) = s.span.unwrap_or((1, 1));
                        Cell {
                            text: s.text.clone(),
                            col_span,
                            row_span,
                        }
                    })
                    .collect(),
            );
        }
        Table {
            rows,
            caption: None,
        }
    }
}

/// The text of a calamine cell as the sheet shows it.
pub(crate) fn data_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number(*f),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(dt) => date_time(dt),
        Data::Error(e) => e.to_string(),
    }
}

/// [`data_text`] for the borrowed cells of the XLSX cell reader.
pub(crate) fn data_ref_text(d: &DataRef<'_>) -> String {
    match d {
        DataRef::SharedString(s) => (*s).to_string(),
        DataRef::Empty => String::new(),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => number(*f),
        DataRef::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        DataRef::DateTime(dt) => date_time(dt),
        DataRef::Error(e) => e.to_string(),
    }
}

/// A number as a spreadsheet shows it in the General format: at most 15 significant digits
/// (Excel's display precision), so `0.1 + 0.2` shows `0.3`, then the shortest form that
/// reads back to that value, without an exponent.
pub(crate) fn number(v: f64) -> String {
    if !v.is_finite() {
        return "#NUM!".to_string();
    }
    let rounded: f64 = format!("{v:.14e}").parse().unwrap_or(v);
    if rounded == 0.0 {
        return "0".to_string();
    }
    format!("{rounded}")
}

/// A date as `YYYY-MM-DD`, a date-time as `YYYY-MM-DD HH:MM[:SS]`, a time of day as
/// `HH:MM[:SS]`, a duration (`[h]:mm:ss`) as hours:minutes:seconds.
fn date_time(dt: &ExcelDateTime) -> String {
    let serial = dt.as_f64();
    if !serial.is_finite() {
        return "#NUM!".to_string();
    }
    if dt.is_duration() {
        let secs = (serial * 86_400.0).round() as i64;
        let sign = if secs < 0 { "-" } else { "" };
        let secs = secs.unsigned_abs();
        return format!(
            "{sign}{}:{:02}:{:02}",
            secs / 3600,
            secs / 60 % 60,
            secs % 60
        );
    }
    let (y, mo, d, h, mi, s, ms) = dt.to_ymd_hms_milli();
    let s = if ms >= 500 {
        s.saturating_add(1).min(59)
    } else {
        s
    };
    let time = match (h, mi, s) {
        (0, 0, 0) => None,
        (h, mi, 0) => Some(format!("{h:02}:{mi:02}")),
        (h, mi, s) => Some(format!("{h:02}:{mi:02}:{s:02}")),
    };
    let date = format!("{y:04}-{mo:02}-{d:02}");
    match time {
        None => date,
        Some(t) if serial.trunc() == 0.0 => t,
        Some(t) => format!("{date} {t}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::ExcelDateTimeType;

    #[test]
    fn numbers_show_as_written() {
        for (v, want) in [
            (15.000000000000002, "15"),
            (0.1 + 0.2, "0.3"),
            (3.0, "3"),
            (-2.5, "-2.5"),
            (1234567.891, "1234567.891"),
            (0.0000001, "0.0000001"),
            (1e20, "100000000000000000000"),
            (-0.0, "0"),
            (f64::NAN, "#NUM!"),
        ] {
            assert_eq!(number(v), want, "{v}");
        }
    }

    #[test]
    fn dates_are_iso() {
        let dt = |v, t| date_time(&ExcelDateTime::new(v, t, false));
        assert_eq!(dt(44736.0, ExcelDateTimeType::DateTime), "2022-06-24");
        assert_eq!(dt(44736.5, ExcelDateTimeType::DateTime), "2022-06-24 12:00");
        assert_eq!(dt(0.75, ExcelDateTimeType::DateTime), "18:00");
        assert_eq!(dt(1.5, ExcelDateTimeType::TimeDelta), "36:00:00");
        let d1904 = ExcelDateTime::new(43274.0, ExcelDateTimeType::DateTime, true);
        assert_eq!(date_time(&d1904), "2022-06-24");
    }

    fn shape(t: &Table) -> Vec<Vec<(String, u32, u32)>> {
        t.rows
            .iter()
            .map(|r| {
                r.iter()
                    .map(|c| (c.text.clone(), c.col_span, c.row_span))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn grid_with_merges_and_blank_rows() {
        let mut s = SheetCells::default();
        s.push(1, 1, "台账".into());
        s.push(2, 1, "序号".into());
        s.push(2, 2, "问题".into());
        s.push(2, 3, "状态".into());
        s.push(4, 1, "1".into());
        s.push(4, 2, "甲".into());
        s.push(5, 1, "2".into());
        s.push(5, 3, "".into());
        s.merges.push(((1, 1), (1, 3)));
        s.merges.push(((4, 3), (5, 3)));
        s.merges.push(((4, 3), (4, 3))); // one cell: no merge
        s.merges.push(((1, 2), (2, 2))); // overlaps the first: ignored
        let t = s.into_table(100).unwrap().unwrap();
        let x = |t: &str, c, r| (t.to_string(), c, r);
        assert_eq!(
            shape(&t),
            vec![
                vec![x("台账", 3, 1)],
                vec![x("序号", 1, 1), x("问题", 1, 1), x("状态", 1, 1)],
                vec![x("1", 1, 1), x("甲", 1, 1), x("", 1, 2)],
                vec![x("2", 1, 1), x("", 1, 1)],
            ]
        );
    }

    #[test]
    fn the_used_area_is_bounded() {
        let mut s = SheetCells::default();
        s.push(0, 0, "a".into());
        s.push(999, 999, "b".into());
        let err = s.into_table(10_000).unwrap_err();
        assert_eq!(err.code(), "limit_exceeded");
        assert!(SheetCells::default().into_table(1).unwrap().is_none());
    }
}
