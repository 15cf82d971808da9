//! Dataset export round trips over the five seeds: SQLite (counts, full-text search), CSV read
//! back with a CSV parser, JSON Lines parsed line by line, and the `export` command.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Command;

use gongwen::export::{self, Dataset, ExportFormat};
use gongwen::{Format, Options};

use crate::util;

const SEEDS: [&str; 5] = ["000", "001", "002", "003", "004"];

fn seed_paths() -> Option<Vec<PathBuf>> {
    SEEDS.iter().map(|s| util::seed_path(s)).collect()
}

fn dataset(paths: &[PathBuf]) -> Dataset {
    let mut data = Dataset::new();
    for path in paths {
        let mut options = Options::default();
        options.read.format = Some(Format::Text);
        options.read.file_name = Some(path.display().to_string());
        let doc = gongwen::convert(&util::bytes(path), &options).expect("seed converts");
        data.add(&doc);
    }
    data
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gongwen-export-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

macro_rules! seeds_or_skip {
    () => {
        match seed_paths() {
            Some(p) => p,
            None => {
                crate::util::missing("the seeds");
                return;
            }
        }
    };
}

#[test]
fn sqlite_counts_and_full_text_search() {
    let paths = seeds_or_skip!();
    let data = dataset(&paths);
    assert_eq!(data.documents.len(), 5);
    assert!(data.documents.iter().all(|d| d.is_notice));
    let db = scratch("sqlite").join("seeds.sqlite");
    export::write(&data, ExportFormat::Sqlite, &db).unwrap();
    let conn = rusqlite::Connection::open(&db).unwrap();
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(count("SELECT count(*) FROM documents"), 5);
    assert_eq!(
        count("SELECT count(*) FROM documents WHERE kind = '巡视'"),
        2
    );
    assert_eq!(count("SELECT count(*) FROM documents WHERE follow_up"), 1);
    assert_eq!(
        count("SELECT count(*) FROM figures"),
        count("SELECT sum(figure_count) FROM documents")
    );
    assert_eq!(
        count("SELECT count(*) FROM problems"),
        count("SELECT sum(problem_count) FROM documents")
    );
    // Seed 003's `巡视反馈的40个具体问题` through a join.
    let found: f64 = conn
        .query_row(
            "SELECT f.value FROM figures f JOIN documents d ON d.id = f.document_id
             WHERE d.inspector_group = '省委第四巡视组' AND f.label = 'problems_found'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(found, 40.0);

    let ids = |sql: &str| -> BTreeSet<String> {
        let mut stmt = conn.prepare(sql).unwrap();
        stmt.query_map([], |r| r.get::<_, String>(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let all: BTreeSet<String> = data.documents.iter().map(|d| d.id.clone()).collect();
    // Three characters or more: the trigram index answers MATCH. Only 001 and 003 (巡视) name
    // a 巡视组; the others are 巡察 notices.
    let inspected_by_xunshi =
        ids("SELECT id FROM documents_fts WHERE documents_fts MATCH '巡视组'");
    let want: BTreeSet<String> = data
        .documents
        .iter()
        .filter(|d| d.kind.as_deref() == Some("巡视"))
        .map(|d| d.id.clone())
        .collect();
    assert_eq!(inspected_by_xunshi, want);
    // Two characters: MATCH finds nothing with trigram (SQLite's documented limit) …
    assert!(ids("SELECT id FROM documents_fts WHERE documents_fts MATCH '整改'").is_empty());
    // … LIKE on the FTS table works with the bundled SQLite (3.50) but not with older ones
    // (3.40 returns nothing), so the documented two-character query is LIKE on the plain
    // `documents.body` column, which works everywhere: every seed says 整改.
    assert_eq!(
        ids("SELECT id FROM documents_fts WHERE body LIKE '%整改%'"),
        all
    );
    assert_eq!(
        ids("SELECT id FROM documents WHERE body LIKE '%整改%'"),
        all
    );
    // … and the CJK bigram index answers one- and two-character queries through MATCH.
    let cjk = |query: &str| {
        ids(&format!(
            "SELECT d.id FROM documents_cjk JOIN documents d ON d.rowid = documents_cjk.rowid
             WHERE documents_cjk MATCH '{}'",
            gongwen::export::cjk_match(query).replace('\'', "''")
        ))
    };
    assert_eq!(cjk("整改"), all);
    assert_eq!(cjk("巡视组"), want);
    // Three characters and more: the same rows as the trigram index.
    assert_eq!(
        cjk("回头看"),
        ids("SELECT id FROM documents_fts WHERE documents_fts MATCH '回头看'")
    );
    // A long phrase: the documents whose title or body holds it.
    let phrase = "巡视整改进展情况的通报";
    assert_eq!(
        cjk(phrase),
        ids(&format!(
            "SELECT id FROM documents WHERE coalesce(title, '') || body LIKE '%{phrase}%'"
        ))
    );
    assert!(!cjk(phrase).is_empty());
    assert!(cjk("鸡蛋").is_empty());
    // The plain-SQL recipe of docs/dataset.md: the phrase of the query's bigrams.
    let recipe = "WITH RECURSIVE q(s) AS (SELECT '整改'),
          g(i, tok) AS (SELECT 1, substr(s, 1, 2) FROM q
                        UNION ALL SELECT i + 1, substr(s, i + 1, 2) FROM g, q WHERE i + 1 < length(s))
        SELECT d.id FROM documents_cjk JOIN documents d ON d.rowid = documents_cjk.rowid
        WHERE documents_cjk MATCH (SELECT '\"' || group_concat(tok, ' ') || '\"' FROM g)";
    assert_eq!(ids(recipe), all);
    // A snippet for a reader.
    let snippet: String = conn
        .query_row(
            "SELECT snippet(documents_fts, 2, '[', ']', '…', 6) FROM documents_fts
             WHERE documents_fts MATCH '回头看' AND id = ?1",
            [&data.documents[4].id],
            |r| r.get(0),
        )
        .unwrap();
    assert!(snippet.contains("[回头看]"), "{snippet}");
}

#[test]
fn csv_reads_back_with_a_csv_parser() {
    let paths = seeds_or_skip!();
    let data = dataset(&paths);
    let dir = scratch("csv");
    export::write(&data, ExportFormat::Csv, &dir).unwrap();

    let raw = std::fs::read(dir.join("documents.csv")).unwrap();
    assert!(
        raw.starts_with(b"id,path,"),
        "no byte-order mark, header first"
    );
    assert!(raw.windows(2).any(|w| w == b"\r\n"), "RFC 4180 record ends");

    let mut docs = csv::Reader::from_path(dir.join("documents.csv")).unwrap();
    let header = docs.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = docs.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 5);
    let ids: Vec<&str> = rows.iter().map(|r| &r[col("id")]).collect();
    let want: Vec<&str> = data.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, want);
    assert!(ids.iter().all(|id| id.len() == export::ID_LEN));
    let row003 = rows
        .iter()
        .find(|r| r[col("path")].contains("003_"))
        .unwrap();
    assert_eq!(&row003[col("inspector_group")], "省委第四巡视组");
    assert_eq!(&row003[col("period_start")], "2023-07-07");
    assert_eq!(&row003[col("feedback_date")], "2023-10-28");

    let mut figs = csv::Reader::from_path(dir.join("figures.csv")).unwrap();
    let fh = figs.headers().unwrap().clone();
    let fcol = |name: &str| fh.iter().position(|h| h == name).unwrap();
    let frows: Vec<csv::StringRecord> = figs.records().map(Result::unwrap).collect();
    assert_eq!(frows.len(), data.figures.len());
    assert!(frows.iter().all(|r| ids.contains(&&r[fcol("document_id")])));
    // Sentences with commas and quotes survive the round trip.
    let sentence = frows
        .iter()
        .find(|r| &r[fcol("label")] == "problems_in_progress" && &r[fcol("value")] == "4.0")
        .map(|r| r[fcol("sentence")].to_string())
        .unwrap();
    assert!(
        sentence.contains("“推行重塑重构改革动力不足”"),
        "{sentence}"
    );

    let mut probs = csv::Reader::from_path(dir.join("problems.csv")).unwrap();
    assert!(probs.headers().unwrap().iter().any(|h| h == "status"));
    assert_eq!(probs.records().count(), data.problems.len());
}

#[test]
fn jsonl_lines_parse() {
    let paths = seeds_or_skip!();
    let data = dataset(&paths);
    let path = scratch("jsonl").join("seeds.jsonl");
    export::write(&data, ExportFormat::Jsonl, &path).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5);
    let v003 = lines
        .iter()
        .find(|v| v["target"] == "郑州航空港经济综合实验区")
        .unwrap();
    assert_eq!(v003["figures"].as_array().unwrap().len(), 11);
    assert_eq!(v003["figures"][0]["label"], "problems_found");
    assert_eq!(v003["figures"][0]["value"], 40.0);
    assert!(lines.iter().all(|v| v["problems"].is_array()));
}

#[test]
fn cli_skips_a_bad_input_and_exits_2() {
    let paths = seeds_or_skip!();
    let dir = scratch("cli");
    let bad = dir.join("empty.txt");
    std::fs::write(&bad, b"").unwrap();
    let out_dir = dir.join("csv");
    let out = Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .args(["export", "--format", "csv", "-o"])
        .arg(&out_dir)
        .args(&paths)
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("empty.txt"), "{err}");
    let mut docs = csv::Reader::from_path(out_dir.join("documents.csv")).unwrap();
    assert_eq!(docs.records().count(), 5);

    let db = dir.join("seeds.sqlite");
    let out = Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .args(["export", "--format", "sqlite", "-o"])
        .arg(&db)
        .args(&paths)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        // Every seed converts, but they carry warnings (site chrome removed), hence 1, not 0.
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let conn = rusqlite::Connection::open(&db).unwrap();
    let n: i64 = conn
        .query_row("SELECT count(*) FROM documents", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 5);
}
