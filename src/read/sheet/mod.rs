//! Spreadsheet reader: `.xls` (BIFF8, and BIFF5 `Book` streams), Kingsoft WPS `.et` (the same
//! BIFF8 in a `Workbook` stream plus `ETExtData`) and `.xlsx`, through calamine.
//!
//! The workbook kind is told by content (a compound file with a `Workbook`/`Book` stream, or a
//! zip with `xl/workbook.xml`), never by the name, so a `.et` or a misnamed `.xls` reads the
//! same. Each visible worksheet becomes one `table` block over its used area with the sheet
//! name as [`Table::caption`](crate::model::Table::caption); merged regions become spans, dates
//! ISO dates, numbers the digits the sheet shows (see [`grid`]). Hidden sheets and chart sheets
//! are skipped: they hold lookup lists and charts, not the ledger.
//!
//! # Errors
//! [`Error::Encrypted`] for a password-protected workbook (`FILEPASS`), [`Error::Malformed`]
//! for a damaged compound file, zip or sheet, [`Error::LimitExceeded`] for a sheet over
//! `Limits::sheet_cells` and, in `.xlsx`, for any zip entry over the zip limits.
//!
//! # Panics
//! Never by design. calamine is given only input that passed [`biff::precheck`] (or the zip
//! limits), and its calls are also wrapped in `catch_unwind` so that a calamine bug on a
//! hostile file is a `malformed` error, not a crashed batch.

mod biff;
mod grid;
mod numfmt;

use std::collections::HashMap;
use std::io::Cursor;

use calamine::{Data, DataRef, Reader, SheetType, SheetVisible, Xls, XlsError, Xlsx, XlsxError};

use crate::error::{Error, Result};
use crate::model::{Format, Origin};
use crate::options::{Limits, ReadOptions};
use crate::read::docx::table_block;
use crate::read::zipped::Container;
use crate::read::Extracted;

use grid::SheetCells;

pub(crate) use biff::is_workbook;

/// Read an `.xls` / `.et` workbook.
///
/// # Errors
/// See the [module documentation](self).
pub fn read_xls(bytes: &[u8], opts: &ReadOptions) -> Result<Extracted> {
    let Some(stream) = biff::workbook_stream(bytes) else {
        return Err(Error::malformed(
            Format::Xls,
            "not a readable compound file with a Workbook stream",
        ));
    };
    biff::precheck(&stream, opts.limits.sheet_cells)?;
    let percent = biff::percent_cells(&stream);
    let sheets = guarded(Format::Xls, || read_xls_sheets(bytes, &percent))??;
    finish(Format::Xls, sheets, &opts.limits)
}

/// Read an `.xlsx` workbook.
///
/// # Errors
/// See the [module documentation](self).
pub fn read_xlsx(bytes: &[u8], opts: &ReadOptions) -> Result<Extracted> {
    let percent = check_zip(bytes, &opts.limits)?;
    let max = opts.limits.sheet_cells;
    let sheets = guarded(Format::Xlsx, || read_xlsx_sheets(bytes, max, &percent))??;
    finish(Format::Xlsx, sheets, &opts.limits)
}

/// Run a calamine call, turning a panic into a `malformed` error.
fn guarded<T>(format: Format, f: impl FnOnce() -> T) -> Result<T> {
    crate::guard::catch(f).map_err(|_| {
        Error::malformed(
            format,
            "the workbook is damaged (the spreadsheet parser gave up)",
        )
    })
}

/// Every zip entry must pass the bounded reader before calamine inflates it unbounded. Gives
/// the percent decimals per cell style, from `xl/styles.xml`.
fn check_zip(bytes: &[u8], limits: &Limits) -> Result<Vec<Option<usize>>> {
    let mut zip = Container::open(bytes, Format::Xlsx, limits)?;
    let mut percent = Vec::new();
    for name in zip.names() {
        let data = zip.read(&name)?;
        if name.eq_ignore_ascii_case("xl/styles.xml") {
            let text = String::from_utf8_lossy(data.as_deref().unwrap_or_default());
            percent = numfmt::xlsx_percent_styles(&text, limits.xml_depth);
        }
    }
    Ok(percent)
}

fn finish(format: Format, sheets: Vec<(String, SheetCells)>, limits: &Limits) -> Result<Extracted> {
    let mut out = Extracted::new(format);
    for (name, cells) in sheets {
        let Some(mut table) = cells.into_table(limits.sheet_cells)? else {
            continue;
        };
        table.caption = Some(name);
        let index = u32::try_from(out.blocks.len()).unwrap_or(u32::MAX);
        out.blocks
            .push(table_block(table).with_origin(Origin::at(index)));
    }
    Ok(out)
}

type PercentCells = HashMap<(u32, u32), usize>;

fn read_xls_sheets(bytes: &[u8], percent: &[PercentCells]) -> Result<Vec<(String, SheetCells)>> {
    let mut book = Xls::new(Cursor::new(bytes)).map_err(xls_error)?;
    let mut out = Vec::new();
    let none = PercentCells::new();
    for (i, name) in worksheet_names(book.sheets_metadata()) {
        let range = book.worksheet_range(&name).map_err(xls_error)?;
        let percent = percent.get(i).unwrap_or(&none);
        let mut cells = SheetCells::default();
        let (top, left) = range.start().unwrap_or((0, 0));
        for (r, c, d) in range.used_cells() {
            let (r, c) = (top.saturating_add(r as u32), left.saturating_add(c as u32));
            let text = match (percent.get(&(r, c)), d) {
                (Some(&dec), Data::Float(v)) => numfmt::percent(*v, dec),
                (Some(&dec), Data::Int(v)) => numfmt::percent(*v as f64, dec),
                _ => grid::data_text(d),
            };
            cells.push(r, c, text);
        }
        cells.merges = book
            .merge_cells_by_sheet_name(&name)
            .unwrap_or_default()
            .into_iter()
            .map(|d| (d.start, d.end))
            .collect();
        out.push((name, cells));
    }
    Ok(out)
}

fn read_xlsx_sheets(
    bytes: &[u8],
    max_cells: u64,
    percent: &[Option<usize>],
) -> Result<Vec<(String, SheetCells)>> {
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(xlsx_error)?;
    let mut out = Vec::new();
    for (_, name) in worksheet_names(book.sheets_metadata()) {
        let mut cells = SheetCells::default();
        {
            let mut reader = book.worksheet_cells_reader(&name).map_err(xlsx_error)?;
            while let Some((cell, style)) = reader.next_cell_with_style_id().map_err(xlsx_error)? {
                let (r, c) = cell.get_position();
                let text = match (percent.get(style).copied().flatten(), cell.get_value()) {
                    (Some(dec), DataRef::Float(v)) => numfmt::percent(*v, dec),
                    (Some(dec), DataRef::Int(v)) => numfmt::percent(*v as f64, dec),
                    (_, v) => grid::data_ref_text(v),
                };
                cells.push(r, c, text);
                // Streamed, so the count is checked as cells arrive, not after the sheet.
                if cells.cells.len() as u64 > max_cells {
                    return Err(Error::limit(crate::error::Limit::SheetCells, max_cells));
                }
            }
        }
        cells.merges = book
            .merge_cells_by_sheet_name(&name)
            .unwrap_or_default()
            .into_iter()
            .map(|d| (d.start, d.end))
            .collect();
        out.push((name, cells));
    }
    Ok(out)
}

/// Visible worksheets in workbook order, with their index among all sheets.
fn worksheet_names(sheets: &[calamine::Sheet]) -> Vec<(usize, String)> {
    sheets
        .iter()
        .enumerate()
        .filter(|(_, s)| s.typ == SheetType::WorkSheet && s.visible == SheetVisible::Visible)
        .map(|(i, s)| (i, s.name.clone()))
        .collect()
}

fn xls_error(e: XlsError) -> Error {
    match e {
        XlsError::Password => Error::Encrypted {
            format: Format::Xls,
            password_given: false,
        },
        e => Error::malformed(Format::Xls, e.to_string()),
    }
}

fn xlsx_error(e: XlsxError) -> Error {
    match e {
        XlsxError::Password => Error::Encrypted {
            format: Format::Xlsx,
            password_given: false,
        },
        e => Error::malformed(Format::Xlsx, e.to_string()),
    }
}
