//! A research dataset from many converted notices: one table of documents, one of figures,
//! one of problems, keyed by document id.
//!
//! Build a [`Dataset`] with [`Dataset::add`] (one call per [`Document`]), then [`write()`] it as
//! CSV (three RFC 4180 files), SQLite (one file with an FTS5 index over the body text) or JSON
//! Lines (one JSON object per document): see [`ExportFormat`]. Column
//! meanings are documented in `docs/dataset.md` and on the row types below.
//!
//! ```
//! let text = "区委第六巡察组对区空港委党组进行巡察。\n目前，巡察反馈的12个问题已完成整改10个。\n";
//! let mut options = gongwen::Options::default();
//! options.read.format = Some(gongwen::Format::Text);
//! let doc = gongwen::convert(text.as_bytes(), &options)?;
//! let mut data = gongwen::export::Dataset::new();
//! data.add(&doc);
//! assert_eq!(data.documents[0].inspector_group.as_deref(), Some("区委第六巡察组"));
//! assert_eq!(data.figures.len(), 2);
//! # Ok::<(), gongwen::Error>(())
//! ```
//!
//! # Errors
//! Writing fails only on I/O, CSV or SQLite errors: [`ExportError`].

use serde::Serialize;

use crate::model::{Block, BlockKind, Document, ProblemStatus};

mod csv;
mod jsonl;
mod sqlite;
pub use sqlite::{cjk_match, cjk_tokens};

/// Length of a document id: the first 16 hex digits of the input's SHA-256 (64 bits: no
/// collision in any realistic collection, short enough to read in a table).
pub const ID_LEN: usize = 16;

/// What can go wrong while writing a dataset.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// Creating or writing a file failed.
    #[error("i/o error: {0}")]
    Io(#[from] std::io::Error),
    /// The CSV writer failed.
    #[error("csv error: {0}")]
    Csv(#[from] ::csv::Error),
    /// SQLite failed.
    #[error("sqlite error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// JSON serialization failed.
    #[error("json error: {0}")]
    Json(#[from] serde_json::Error),
}

/// The dataset formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ExportFormat {
    /// A directory with `documents.csv`, `figures.csv`, `problems.csv`.
    Csv,
    /// One SQLite file with tables `documents`, `figures`, `problems` and FTS5 `documents_fts`.
    Sqlite,
    /// One JSON object per document and line, figures and problems nested.
    Jsonl,
}

/// One row per document.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[non_exhaustive]
pub struct DocumentRow {
    /// Stable id: the first [`ID_LEN`] hex digits of the input's SHA-256.
    pub id: String,
    /// The input path as given.
    pub path: Option<String>,
    /// Input format (`html`, `pdf`, …).
    pub format: Option<String>,
    /// Full SHA-256 of the input bytes.
    pub sha256: String,
    /// Title (metadata title, else the title block).
    pub title: Option<String>,
    /// Issuing organ (metadata 发布机构, else the signature).
    pub issuer: Option<String>,
    /// 发文字号.
    pub doc_number: Option<String>,
    /// 成文日期 from the metadata.
    pub written_date: Option<String>,
    /// 发布日期 from the metadata.
    pub published_date: Option<String>,
    /// 成文日期 of the signature.
    pub signature_date: Option<String>,
    /// Whether the document is an inspection notice (`notice` is not null).
    pub is_notice: bool,
    /// `巡视` or `巡察`.
    pub kind: Option<String>,
    /// A 回头看 round.
    pub follow_up: Option<bool>,
    /// A 专项 round.
    pub special: Option<bool>,
    /// The inspecting group (`省委第三巡视组`).
    pub inspector_group: Option<String>,
    /// The group's committee (`省委`).
    pub inspector_parent: Option<String>,
    /// The inspected organisation as written.
    pub target: Option<String>,
    /// First day on site.
    pub period_start: Option<String>,
    /// Last day on site.
    pub period_end: Option<String>,
    /// The period as written.
    pub period_text: Option<String>,
    /// When the findings were handed over (`YYYY-MM-DD`, or `YYYY-MM` when only the month is stated).
    pub feedback_date: Option<String>,
    /// The report (signature) date.
    pub report_date: Option<String>,
    /// Problems listed in the notice (`problems` rows).
    pub problem_count: u32,
    /// Of them, stated completed (`completed` or `completed_ongoing`).
    pub problems_completed: u32,
    /// Figures stated (`figures` rows).
    pub figure_count: u32,
    /// Characters of body text.
    pub chars: u64,
    /// Warnings the conversion produced.
    pub warnings: u32,
}

/// One row per stated count.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[non_exhaustive]
pub struct FigureRow {
    /// The document's id.
    pub document_id: String,
    /// 1-based position among the document's figures.
    pub seq: u32,
    /// Stable label (`problems_found`, `cases_filed`, …).
    pub label: String,
    /// The number.
    pub value: f64,
    /// The unit as written (`个`, `件`, `人`).
    pub unit: Option<String>,
    /// Index of the block holding it.
    pub block: u32,
    /// Char offset of the number in the block text.
    pub span_start: u32,
    /// Char offset one past the unit.
    pub span_end: u32,
    /// The sentence stating it.
    pub sentence: String,
}

/// One row per problem.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[non_exhaustive]
pub struct ProblemRow {
    /// The document's id.
    pub document_id: String,
    /// 1-based position among the document's problems.
    pub seq: u32,
    /// The number as written (`（一）`, `1.`, `①`).
    pub number: Option<String>,
    /// The problem as written in its heading.
    pub title: String,
    /// The 方面 it belongs to.
    pub category: Option<String>,
    /// The enclosing problem heading, if nested.
    pub parent: Option<String>,
    /// Normalized status (`completed`, `completed_ongoing`, `mostly_completed`,
    /// `partial_progress`, `in_progress`).
    pub status: Option<String>,
    /// The status as written.
    pub status_text: Option<String>,
    /// 原因分析.
    pub cause: Option<String>,
    /// 整改情况 / 整改进展.
    pub rectification: Option<String>,
    /// Number of measures (`一是…` items).
    pub measure_count: u32,
    /// The measures, one per line.
    pub measures: String,
    /// Index of the heading block.
    pub block: u32,
}

/// Documents, figures and problems, ready to write.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Dataset {
    /// One row per document, in the order added.
    pub documents: Vec<DocumentRow>,
    /// Figures of every document.
    pub figures: Vec<FigureRow>,
    /// Problems of every document.
    pub problems: Vec<ProblemRow>,
    /// Body text per document (same order as `documents`), for the SQLite full-text index.
    pub bodies: Vec<String>,
    /// Ids already added (duplicates are skipped in constant time).
    seen: std::collections::HashSet<String>,
}

impl Dataset {
    /// An empty dataset.
    pub fn new() -> Self {
        Dataset::default()
    }

    /// Add one document; returns its id. A document whose id is already present (the same
    /// input bytes given twice) is not added again.
    pub fn add(&mut self, doc: &Document) -> String {
        let body = body_text(doc);
        let id = document_id(doc, &body);
        if !self.seen.insert(id.clone()) {
            return id;
        }
        let notice = doc.notice.as_ref();
        let mut row = DocumentRow {
            id: id.clone(),
            path: doc.source.path.clone(),
            format: doc.source.format.map(|f| f.name().to_string()),
            sha256: doc.source.sha256.clone(),
            title: title(doc),
            issuer: doc.meta.issuer.clone().or_else(|| {
                doc.signature
                    .as_ref()
                    .filter(|s| !s.issuers.is_empty())
                    .map(|s| s.issuers.join(" "))
            }),
            doc_number: doc
                .parts
                .doc_number
                .as_ref()
                .map(|d| d.text.clone())
                .or_else(|| doc.meta.doc_number.clone()),
            written_date: doc.meta.written_date.clone(),
            published_date: doc.meta.published_date.clone(),
            signature_date: doc.signature.as_ref().and_then(|s| s.date.clone()),
            is_notice: notice.is_some(),
            chars: body.chars().count() as u64,
            warnings: count(doc.warnings.len()),
            ..DocumentRow::default()
        };
        if let Some(n) = notice {
            row.kind = Some(n.kind.name.clone()).filter(|k| !k.is_empty());
            row.follow_up = Some(n.kind.follow_up);
            row.special = Some(n.kind.special);
            row.inspector_group = n.inspector.as_ref().map(|i| i.group.clone());
            row.inspector_parent = n.inspector.as_ref().and_then(|i| i.parent.clone());
            row.target = n.target.clone();
            row.period_start = n.period.as_ref().and_then(|p| p.start.clone());
            row.period_end = n.period.as_ref().and_then(|p| p.end.clone());
            row.period_text = n.period.as_ref().map(|p| p.text.clone());
            row.feedback_date = n.feedback_date.clone();
            row.report_date = n.report_date.clone();
            row.problem_count = count(n.problems.len());
            row.problems_completed = count(
                n.problems
                    .iter()
                    .filter(|p| {
                        matches!(
                            p.status,
                            Some(ProblemStatus::Completed | ProblemStatus::CompletedOngoing)
                        )
                    })
                    .count(),
            );
            row.figure_count = count(n.figures.len());
            for (k, f) in n.figures.iter().enumerate() {
                self.figures.push(FigureRow {
                    document_id: id.clone(),
                    seq: count(k + 1),
                    label: f.label.clone(),
                    value: f.value,
                    unit: f.unit.clone(),
                    block: f.block,
                    span_start: f.span.start,
                    span_end: f.span.end,
                    sentence: f.sentence.clone(),
                });
            }
            for (k, p) in n.problems.iter().enumerate() {
                self.problems.push(ProblemRow {
                    document_id: id.clone(),
                    seq: count(k + 1),
                    number: p.number.clone(),
                    title: p.title.clone(),
                    category: p.category.clone(),
                    parent: p.parent.clone(),
                    status: p.status.map(|s| status_name(s).to_string()),
                    status_text: p.status_text.clone(),
                    cause: p.cause.clone(),
                    rectification: p.rectification.clone(),
                    measure_count: count(p.measures.len()),
                    measures: p.measures.join("\n"),
                    block: p.block,
                });
            }
        }
        self.documents.push(row);
        self.bodies.push(body);
        id
    }
}

/// The stable id of `doc`: the first [`ID_LEN`] hex digits of its input's SHA-256, or of its
/// body text when the document was not read from bytes.
pub(crate) fn document_id(doc: &Document, body: &str) -> String {
    let sha = if doc.source.sha256.len() >= ID_LEN {
        doc.source.sha256.clone()
    } else {
        crate::sha256_hex(body.as_bytes())
    };
    sha.chars().take(ID_LEN).collect()
}

/// The body as plain text: one block per line, metadata fields left out.
pub(crate) fn body_text(doc: &Document) -> String {
    let texts: Vec<&str> = doc
        .blocks
        .iter()
        .filter(|b: &&Block| b.kind != BlockKind::MetaField)
        .map(|b| b.text.trim())
        .filter(|t| !t.is_empty())
        .collect();
    texts.join("\n")
}

/// The serialized name of a status (`completed_ongoing`).
pub(crate) fn status_name(s: ProblemStatus) -> &'static str {
    match s {
        ProblemStatus::Completed => "completed",
        ProblemStatus::CompletedOngoing => "completed_ongoing",
        ProblemStatus::MostlyCompleted => "mostly_completed",
        ProblemStatus::PartialProgress => "partial_progress",
        ProblemStatus::InProgress => "in_progress",
    }
}

fn title(doc: &Document) -> Option<String> {
    doc.meta.title.clone().or_else(|| {
        doc.blocks
            .iter()
            .find(|b| b.kind == BlockKind::Title)
            .map(|b| b.text.trim().to_string())
    })
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Write `data` in `format` to `out` (a directory for CSV, a file otherwise; missing parent
/// directories are created).
///
/// # Errors
/// See [`ExportError`].
pub fn write(
    data: &Dataset,
    format: ExportFormat,
    out: &std::path::Path,
) -> Result<(), ExportError> {
    if format != ExportFormat::Csv {
        if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)?;
        }
    }
    match format {
        ExportFormat::Csv => csv::write_dir(data, out),
        ExportFormat::Sqlite => sqlite::write(data, out),
        ExportFormat::Jsonl => {
            let file = std::fs::File::create(out)?;
            let mut w = std::io::BufWriter::new(file);
            jsonl::write(data, &mut w)?;
            std::io::Write::flush(&mut w)?;
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Format, Options};

    fn convert(text: &str) -> Document {
        let mut options = Options::default();
        options.read.format = Some(Format::Text);
        crate::convert(text.as_bytes(), &options).unwrap()
    }

    #[test]
    fn rows_and_duplicates() {
        let notice =
            convert("区委第六巡察组对区空港委党组进行巡察。\n巡察反馈的12个问题已完成整改10个。\n");
        let other = convert("关于做好春节期间安全生产工作的通知\n各单位：\n");
        let mut data = Dataset::new();
        let id = data.add(&notice);
        assert_eq!(data.add(&notice), id, "same bytes, same id");
        data.add(&other);
        assert_eq!(data.documents.len(), 2);
        assert_eq!(id.len(), ID_LEN);
        let d = &data.documents[0];
        assert!(d.is_notice);
        assert_eq!(d.kind.as_deref(), Some("巡察"));
        assert_eq!(d.figure_count, 2);
        assert!(!data.documents[1].is_notice);
        assert_eq!(data.documents[1].kind, None);
        let labels: Vec<(&str, u32, f64)> = data
            .figures
            .iter()
            .map(|f| (f.label.as_str(), f.seq, f.value))
            .collect();
        assert_eq!(
            labels,
            [("problems_found", 1, 12.0), ("problems_rectified", 2, 10.0)]
        );
        assert!(data.figures.iter().all(|f| f.document_id == id));
    }
}
