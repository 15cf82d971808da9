//! JSON Lines: one object per document and line — the `documents` columns, plus `figures`
//! and `problems` arrays holding that document's rows (without the repeated `document_id`).

use std::io::Write;

use serde_json::{Map, Value};

use super::{Dataset, ExportError};

/// Write one line per document.
///
/// # Errors
/// I/O or JSON errors.
pub fn write(data: &Dataset, out: &mut dyn Write) -> Result<(), ExportError> {
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
        let figures: Vec<Value> = data
            .figures
            .iter()
            .filter(|f| f.document_id == doc.id)
            .map(serde_json::to_value)
            .collect::<Result<Vec<_>, _>>()?
            .into_iter()
            .map(rows)
            .collect();
        let problems: Vec<Value> = data
            .problems
            .iter()
            .filter(|p| p.document_id == doc.id)
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
