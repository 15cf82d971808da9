//! SQLite: tables `documents`, `figures`, `problems` (columns as in the CSV files) and two FTS5
//! indexes over title and body text:
//!
//! - `documents_fts(id, title, body)` with the `trigram` tokenizer: any query of three or more
//!   characters matches anywhere, and `snippet()` shows the text;
//! - `documents_cjk(title, body)`, contentless, rowid = `documents.rowid`: the text indexed the
//!   way Lucene's CJK analyzer indexes Chinese, so one- and two-character words match through
//!   `MATCH` with the stock `unicode61` tokenizer (any SQLite with FTS5, Python's included).
//!
//! Why two: FTS5's default `unicode61` tokenizer splits on spaces and punctuation, so a run of
//! Chinese text is one token and `整改` never matches inside it; `trigram` cannot match queries
//! shorter than three characters (SQLite documents this). [`cjk_tokens`] writes each run of
//! ideographs as overlapping bigrams, one per character, the last character of the run alone
//! (`巡视整改` → `巡视 视整 整改 改`); [`cjk_match`] turns a user's query into the phrase over the
//! same tokens (`整改` → `"整改"`, `巡视整改` → `"巡视 视整 整改"`, `整` → `"整"*`):
//!
//! ```sql
//! SELECT d.id, d.title FROM documents_cjk JOIN documents d ON d.rowid = documents_cjk.rowid
//! WHERE documents_cjk MATCH '"整改"' ORDER BY rank;
//! ```
//!
//! Without the helper, a query of Chinese characters only is the phrase of its bigrams, which
//! SQL itself can build (`docs/dataset.md` has the recursive query).

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
CREATE VIRTUAL TABLE documents_cjk USING fts5(title, body, content = '', tokenize = 'unicode61');
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
        let mut cjk =
            tx.prepare("INSERT INTO documents_cjk (rowid, title, body) VALUES (?1, ?2, ?3)")?;
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
            let title = d.title.as_deref().map(cjk_tokens);
            cjk.execute(params![tx.last_insert_rowid(), title, cjk_tokens(body)])?;
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

/// The text as `documents_cjk` indexes it: each run of ideographs becomes one token per
/// character, that character and the next (`巡视整改` → `巡视 视整 整改 改`); everything else is
/// kept, set apart by spaces, for `unicode61` to split.
pub fn cjk_tokens(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for (is_cjk, run) in runs(text) {
        if is_cjk {
            push_run(&mut out, &run, true);
        } else {
            out.push_str(&run.iter().collect::<String>());
        }
        out.push(' ');
    }
    out.truncate(out.trim_end().len());
    out
}

/// The FTS5 `MATCH` expression for a user's query against `documents_cjk`: every
/// whitespace-separated term becomes a phrase over [`cjk_tokens`]' tokens, terms joined by
/// `AND`. A term ending in one ideograph ends in a prefix token (`"整"*`), as that ideograph
/// may begin a bigram in the text. An empty query gives `""`, which matches nothing.
///
/// ```
/// use gongwen::export::cjk_match;
/// assert_eq!(cjk_match("整改"), r#""整改""#);
/// assert_eq!(cjk_match("巡视整改"), r#""巡视 视整 整改""#);
/// assert_eq!(cjk_match("整"), r#""整"*"#);
/// assert_eq!(cjk_match("12个问题 线索"), r#""12 个问 问题" AND "线索""#);
/// ```
pub fn cjk_match(query: &str) -> String {
    let phrases: Vec<String> = query.split_whitespace().filter_map(term_phrase).collect();
    if phrases.is_empty() {
        return "\"\"".to_string();
    }
    phrases.join(" AND ")
}

fn term_phrase(term: &str) -> Option<String> {
    let runs = runs(term);
    let mut tokens = String::new();
    let mut prefix = false;
    for (k, (is_cjk, run)) in runs.iter().enumerate() {
        let last = k + 1 == runs.len();
        if *is_cjk {
            // The text's run may go on past the query's: its last token is then a bigram that
            // only starts with the query's last character.
            push_run(&mut tokens, run, !last);
            prefix = last && run.len() == 1;
        } else {
            let kept: String = run.iter().filter(|c| **c != '"').collect();
            tokens.push_str(&kept);
        }
        tokens.push(' ');
    }
    let tokens = tokens.trim_end();
    if tokens.chars().all(|c| !c.is_alphanumeric()) {
        return None;
    }
    Some(format!("\"{tokens}\"{}", if prefix { "*" } else { "" }))
}

/// Maximal runs of ideographs and of everything else.
fn runs(text: &str) -> Vec<(bool, Vec<char>)> {
    let mut out: Vec<(bool, Vec<char>)> = Vec::new();
    for c in text.chars() {
        let cjk = crate::chars::is_ideograph(c);
        match out.last_mut() {
            Some((kind, run)) if *kind == cjk => run.push(c),
            _ => out.push((cjk, vec![c])),
        }
    }
    out
}

/// Bigrams of a run, and its last character alone when `last_alone` (or when the run is one
/// character long).
fn push_run(out: &mut String, run: &[char], last_alone: bool) {
    for pair in run.windows(2) {
        out.extend(pair);
        out.push(' ');
    }
    if last_alone || run.len() == 1 {
        if let Some(&c) = run.last() {
            out.push(c);
        }
    }
    out.truncate(out.trim_end().len());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bigrams_and_the_last_character() {
        assert_eq!(cjk_tokens("巡视整改"), "巡视 视整 整改 改");
        assert_eq!(
            cjk_tokens("已完成整改36个，正在整改4个"),
            "已完 完成 成整 整改 改 36 个 ， 正在 在整 整改 改 4 个"
        );
        assert_eq!(cjk_tokens(""), "");
    }

    #[test]
    fn queries() {
        assert_eq!(cjk_match("整改36"), r#""整改 改 36""#);
        assert_eq!(cjk_match("  "), r#""""#);
        assert_eq!(cjk_match("，"), r#""""#);
        assert_eq!(cjk_match(r#"a"b"#), r#""ab""#);
    }

    #[test]
    fn two_character_words_match() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE VIRTUAL TABLE t USING fts5(body, content = '', tokenize = 'unicode61');",
        )
        .unwrap();
        let texts = ["巡视整改进展情况", "问题线索162件", "整顿作风", "已改正"];
        for (i, text) in texts.iter().enumerate() {
            conn.execute(
                "INSERT INTO t (rowid, body) VALUES (?1, ?2)",
                params![i as i64 + 1, cjk_tokens(text)],
            )
            .unwrap();
        }
        let hits = |q: &str| -> Vec<i64> {
            let mut stmt = conn
                .prepare("SELECT rowid FROM t WHERE t MATCH ?1 ORDER BY rowid")
                .unwrap();
            stmt.query_map([cjk_match(q)], |r| r.get(0))
                .unwrap()
                .map(Result::unwrap)
                .collect()
        };
        assert_eq!(hits("整改"), [1]);
        assert_eq!(hits("线索"), [2]);
        assert_eq!(hits("整"), [1, 3]);
        assert_eq!(hits("改"), [1, 4]);
        assert_eq!(hits("情况"), [1]);
        assert_eq!(hits("视整改进"), [1]);
        assert_eq!(hits("线索162"), [2]);
        assert_eq!(hits("整改 线索"), Vec::<i64>::new());
        assert_eq!(hits("改进"), [1]);
        assert_eq!(hits("整风"), Vec::<i64>::new());
    }
}
