//! CSV: `documents.csv`, `figures.csv`, `problems.csv` in one directory.
//!
//! RFC 4180: comma-separated, CRLF record ends, fields quoted only when they hold a comma,
//! quote or line break, quotes doubled. UTF-8 **without** a byte-order mark. pandas'
//! `read_csv(path)` and R's `read.csv(path)` (R 4.2 in a UTF-8 locale; R ≥ 4.2 is UTF-8 on
//! Windows too) read these files with no options; both were checked on the seeds, and both would
//! also skip a BOM. The BOM is left out because the other readers a researcher meets do not
//! skip it: Python's `csv` module, awk/cut and several database `COPY` commands make it part of
//! the first column name (`\u{feff}id`). Excel users open the files through Data › From
//! Text/CSV, which detects UTF-8. Booleans are `true`/`false`; a missing value is an empty field
//! (NaN in pandas, NA or `""` in R).

use std::path::Path;

use ::csv::{Terminator, Writer, WriterBuilder};
use serde::Serialize;

use super::{Dataset, ExportError};

/// Write the three tables into `dir` (created if missing).
///
/// # Errors
/// I/O or CSV errors.
pub fn write_dir(data: &Dataset, dir: &Path) -> Result<(), ExportError> {
    std::fs::create_dir_all(dir)?;
    write_rows(&data.documents, &dir.join("documents.csv"))?;
    write_rows(&data.figures, &dir.join("figures.csv"))?;
    write_rows(&data.problems, &dir.join("problems.csv"))?;
    Ok(())
}

/// Write rows with a header, even when there are none (so every file has its columns).
fn write_rows<T: Serialize + Default>(rows: &[T], path: &Path) -> Result<(), ExportError> {
    let mut w = writer(std::fs::File::create(path)?);
    if rows.is_empty() {
        // serde writes the header with the first record only; write it from an empty row.
        let mut header = writer(Vec::new());
        header.serialize(T::default())?;
        let bytes = header.into_inner().map_err(|e| e.into_error())?;
        let first_line = bytes
            .split(|&b| b == b'\n')
            .next()
            .unwrap_or_default()
            .to_vec();
        let mut out = w.into_inner().map_err(|e| e.into_error())?;
        std::io::Write::write_all(&mut out, &first_line)?;
        std::io::Write::write_all(&mut out, b"\n")?;
        return Ok(());
    }
    for row in rows {
        w.serialize(row)?;
    }
    w.flush()?;
    Ok(())
}

fn writer<W: std::io::Write>(out: W) -> Writer<W> {
    WriterBuilder::new()
        .terminator(Terminator::CRLF)
        .from_writer(out)
}
