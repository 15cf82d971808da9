//! JSON Lines: one object per document and line — the `documents` columns in table order, plus
//! `figures` and `problems` arrays holding that document's rows (without the repeated
//! `document_id`).

use std::collections::HashMap;
use std::io::Write;

use serde::Serialize;

use super::{Dataset, DocumentRow, ExportError, FigureRow, ProblemRow};

/// One output line. Plain structs (not a `serde_json::Map`) keep the keys in column order.
#[derive(Serialize)]
struct Line<'a> {
    #[serde(flatten)]
    document: &'a DocumentRow,
    figures: Vec<Figure<'a>>,
    problems: Vec<Problem<'a>>,
}

#[derive(Serialize)]
struct Figure<'a> {
    seq: u32,
    label: &'a str,
    value: f64,
    unit: Option<&'a str>,
    block: u32,
    span_start: u32,
    span_end: u32,
    sentence: &'a str,
}

#[derive(Serialize)]
struct Problem<'a> {
    seq: u32,
    number: Option<&'a str>,
    title: &'a str,
    category: Option<&'a str>,
    parent: Option<&'a str>,
    status: Option<&'a str>,
    status_text: Option<&'a str>,
    cause: Option<&'a str>,
    rectification: Option<&'a str>,
    measure_count: u32,
    measures: &'a str,
    block: u32,
}

impl<'a> From<&'a FigureRow> for Figure<'a> {
    fn from(f: &'a FigureRow) -> Self {
        Figure {
            seq: f.seq,
            label: &f.label,
            value: f.value,
            unit: f.unit.as_deref(),
            block: f.block,
            span_start: f.span_start,
            span_end: f.span_end,
            sentence: &f.sentence,
        }
    }
}

impl<'a> From<&'a ProblemRow> for Problem<'a> {
    fn from(p: &'a ProblemRow) -> Self {
        Problem {
            seq: p.seq,
            number: p.number.as_deref(),
            title: &p.title,
            category: p.category.as_deref(),
            parent: p.parent.as_deref(),
            status: p.status.as_deref(),
            status_text: p.status_text.as_deref(),
            cause: p.cause.as_deref(),
            rectification: p.rectification.as_deref(),
            measure_count: p.measure_count,
            measures: &p.measures,
            block: p.block,
        }
    }
}

/// Write one line per document.
///
/// # Errors
/// I/O or JSON errors.
pub fn write(data: &Dataset, out: &mut dyn Write) -> Result<(), ExportError> {
    // Group rows by document once, so the output is linear in the dataset.
    let mut figures_of: HashMap<&str, Vec<Figure<'_>>> = HashMap::new();
    for f in &data.figures {
        figures_of
            .entry(f.document_id.as_str())
            .or_default()
            .push(f.into());
    }
    let mut problems_of: HashMap<&str, Vec<Problem<'_>>> = HashMap::new();
    for p in &data.problems {
        problems_of
            .entry(p.document_id.as_str())
            .or_default()
            .push(p.into());
    }
    for doc in &data.documents {
        let line = Line {
            document: doc,
            figures: figures_of.remove(doc.id.as_str()).unwrap_or_default(),
            problems: problems_of.remove(doc.id.as_str()).unwrap_or_default(),
        };
        serde_json::to_writer(&mut *out, &line)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
