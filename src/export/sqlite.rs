//! SQLite: tables `documents`, `figures`, `problems` (columns as in the CSV files) and an FTS5
//! table `documents_fts(id, title, body)` using the `trigram` tokenizer.
//!
//! Why trigram: FTS5's default `unicode61` tokenizer splits on spaces and punctuation, so a run
//! of Chinese text is one token and `整改` never matches inside it. `trigram` indexes every
//! three-character substring, so any query of three or more characters matches anywhere:
//!
//! ```sql
//! SELECT id, snippet(documents_fts, 2, '[', ']', '…', 12)
//! FROM documents_fts WHERE documents_fts MATCH '巡视组';
//! ```
//!
//! A query shorter than three characters matches nothing through `MATCH`. `LIKE '%整改%'` on
//! the FTS table depends on the reader's SQLite: the bundled 3.50 answers it by a scan, but
//! 3.40 (what Python 3.11's `sqlite3` ships, for one) returns no rows. So for two-character
//! words such as `整改` query the `body` column of the plain `documents` table, which works with
//! every SQLite (a full scan of the text):
//!
//! ```sql
//! SELECT id, title FROM documents WHERE body LIKE '%整改%';
//! -- how often: (length(body) - length(replace(body, '整改', ''))) / length('整改')
//! ```

use std::path::Path;

use rusqlite::{params, Connection};

use super::{Dataset, ExportError};

const SCHEMA: &str = "
CREATE TABLE documents (
  id TEXT PRIMARY KEY, path TEXT, format TEXT, sha256 TEXT NOT NULL,
  title TEXT, issuer TEXT, doc_number TEXT,
  written_date TEXT, published_date TEXT, signature_date TEXT,
  is_notice INTEGER NOT NULL, kind TEXT, follow_up INTEGER, special INTEGER,
  inspector_group TEXT, inspector_parent TEXT, target TEXT,
  period_start TEXT, period_end TEXT, period_text TEXT,
  feedback_date TEXT, report_date TEXT,
  problem_count INTEGER NOT NULL, problems_completed INTEGER NOT NULL,
  figure_count INTEGER NOT NULL, chars INTEGER NOT NULL, warnings INTEGER NOT NULL,
  body TEXT NOT NULL
);
CREATE TABLE figures (
  document_id TEXT NOT NULL REFERENCES documents(id), seq INTEGER NOT NULL,
  label TEXT NOT NULL, value REAL NOT NULL, unit TEXT,
  block INTEGER NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
  sentence TEXT NOT NULL,
  PRIMARY KEY (document_id, seq)
);
CREATE TABLE problems (
  document_id TEXT NOT NULL REFERENCES documents(id), seq INTEGER NOT NULL,
  number TEXT, title TEXT NOT NULL, category TEXT, parent TEXT,
  status TEXT, status_text TEXT, cause TEXT, rectification TEXT,
  measure_count INTEGER NOT NULL, measures TEXT NOT NULL, block INTEGER NOT NULL,
  PRIMARY KEY (document_id, seq)
);
CREATE INDEX figures_label ON figures(label);
CREATE VIRTUAL TABLE documents_fts USING fts5(id UNINDEXED, title, body, tokenize = 'trigram');
";

/// Write `data` to a new SQLite file at `path` (an existing file is replaced).
///
/// # Errors
/// I/O (removing the old file) or SQLite errors.
pub fn write(data: &Dataset, path: &Path) -> Result<(), ExportError> {
    match std::fs::remove_file(path) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e.into()),
    }
    let mut conn = Connection::open(path)?;
    fill(data, &mut conn)?;
    Ok(())
}

/// Create the schema in `conn` and insert every row in one transaction.
///
/// # Errors
/// SQLite errors.
pub fn fill(data: &Dataset, conn: &mut Connection) -> Result<(), ExportError> {
    conn.execute_batch(SCHEMA)?;
    let tx = conn.transaction()?;
    {
        let mut doc = tx.prepare(
            "INSERT INTO documents VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,
             ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28)",
        )?;
        let mut fts =
            tx.prepare("INSERT INTO documents_fts (id, title, body) VALUES (?1, ?2, ?3)")?;
        for (d, body) in data.documents.iter().zip(&data.bodies) {
            doc.execute(params![
                d.id,
                d.path,
                d.format,
                d.sha256,
                d.title,
                d.issuer,
                d.doc_number,
                d.written_date,
                d.published_date,
                d.signature_date,
                d.is_notice,
                d.kind,
                d.follow_up,
                d.special,
                d.inspector_group,
                d.inspector_parent,
                d.target,
                d.period_start,
                d.period_end,
                d.period_text,
                d.feedback_date,
                d.report_date,
                d.problem_count,
                d.problems_completed,
                d.figure_count,
                d.chars,
                d.warnings,
                body,
            ])?;
            fts.execute(params![d.id, d.title, body])?;
        }
        let mut fig =
            tx.prepare("INSERT INTO figures VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")?;
        for f in &data.figures {
            fig.execute(params![
                f.document_id,
                f.seq,
                f.label,
                f.value,
                f.unit,
                f.block,
                f.span_start,
                f.span_end,
                f.sentence,
            ])?;
        }
        let mut prob = tx.prepare(
            "INSERT INTO problems VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        )?;
        for p in &data.problems {
            prob.execute(params![
                p.document_id,
                p.seq,
                p.number,
                p.title,
                p.category,
                p.parent,
                p.status,
                p.status_text,
                p.cause,
                p.rectification,
                p.measure_count,
                p.measures,
                p.block,
            ])?;
        }
    }
    tx.commit()?;
    Ok(())
}
