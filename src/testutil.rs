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

/// Every line of the seed texts and corpus HTML pages (`../shared`), for differential tests of
/// hand-written scanners against the regex they replace; empty (and reported) when absent.
pub(crate) fn shared_lines() -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let mut lines = Vec::new();
    for dir in ["seeds", "corpus/html"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            missing(&format!("../shared/{dir}"));
            continue;
        };
        for entry in entries.flatten() {
            if let Ok(bytes) = std::fs::read(entry.path()) {
                let text = String::from_utf8_lossy(&bytes);
                lines.extend(text.lines().map(str::to_string));
            }
        }
    }
    lines
}
