//! JSON Lines: one object per document and line — the `documents` columns, plus `figures`
//! and `problems` arrays holding that document's rows (without the repeated `document_id`).

use std::io::Write;

use serde_json::{Map, Value};

use std::collections::HashMap;

use super::{Dataset, ExportError, FigureRow, ProblemRow};

/// Write one line per document.
///
/// # Errors
/// I/O or JSON errors.
pub fn write(data: &Dataset, out: &mut dyn Write) -> Result<(), ExportError> {
    // Group rows by document once, so the output is linear in the dataset.
    let mut figures_of: HashMap<&str, Vec<&FigureRow>> = HashMap::new();
    for f in &data.figures {
        figures_of
            .entry(f.document_id.as_str())
            .or_default()
            .push(f);
    }
    let mut problems_of: HashMap<&str, Vec<&ProblemRow>> = HashMap::new();
    for p in &data.problems {
        problems_of
            .entry(p.document_id.as_str())
            .or_default()
            .push(p);
    }
    for doc in &data.documents {
        let mut obj = match serde_json::to_value(doc)? {
            Value::Object(m) => m,
            _ => Map::new(),
        };
        let rows = |v: Value| match v {
            Value::Object(mut m) => {
                m.remove("document_id");
                Value::Object(m)
            }
            other => other,
        };
        let figures: Vec<Value> = figures_of
            .get(doc.id.as_str())
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .map(serde_json::to_value)
            .collect::<Result<Vec<_>, _>>()?
            .into_iter()
            .map(rows)
            .collect();
        let problems: Vec<Value> = problems_of
            .get(doc.id.as_str())
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .map(serde_json::to_value)
            .collect::<Result<Vec<_>, _>>()?
            .into_iter()
            .map(rows)
            .collect();
        obj.insert("figures".into(), Value::Array(figures));
        obj.insert("problems".into(), Value::Array(problems));
        serde_json::to_writer(&mut *out, &Value::Object(obj))?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
