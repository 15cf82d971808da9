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
