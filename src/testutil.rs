//! Helpers shared by the in-module unit tests.

use crate::model::Table;

/// A table's cells as `(text, col_span, row_span)`, row by row: the shape tests compare.
pub(crate) fn table_shape(table: &Table) -> Vec<Vec<(&str, u32, u32)>> {
    table
        .rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| (c.text.as_str(), c.col_span, c.row_span))
                .collect()
        })
        .collect()
}

/// Report material a test needs that is not there (`../shared/seeds`, a tool): a failure under CI
/// (`CI` set to anything but empty, `0` or `false`), a note elsewhere.
pub(crate) fn missing(what: &str) {
    let in_ci = std::env::var("CI").is_ok_and(|v| !matches!(v.trim(), "" | "0" | "false"));
    assert!(
        !in_ci,
        "CI is set but {what} is missing: a test may not skip there"
    );
    eprintln!("skipped: {what} is absent");
}
