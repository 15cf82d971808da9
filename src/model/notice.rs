//! Facts of an inspection (巡视/巡察) notice: [`Notice`], its problems and figures.

use serde::{Deserialize, Serialize};

use super::Span;

/// Facts of an inspection (巡视/巡察) notice.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Notice {
    /// 巡视 or 巡察, and the round's variant.
    pub kind: InspectionKind,
    /// The inspecting group (`省委第三巡视组`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inspector: Option<Inspector>,
    /// The inspected organisation, as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// The on-site period.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// When the findings were handed over (ISO; `YYYY-MM` when the notice states only the month).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feedback_date: Option<String>,
    /// The report (signature) date (ISO).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub report_date: Option<String>,
    /// Every stated count.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub figures: Vec<Figure>,
    /// The problems the notice answers.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub problems: Vec<Problem>,
}

/// Which kind of inspection.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct InspectionKind {
    /// `巡视` or `巡察`.
    pub name: String,
    /// A follow-up round (回头看).
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub follow_up: bool,
    /// A thematic round (专项).
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub special: bool,
}

/// The inspecting group.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Inspector {
    /// The group as written (`区委第六巡察组`).
    pub group: String,
    /// The committee it belongs to (`区委`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
}

/// A date range.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Period {
    /// First day (ISO).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// Last day (ISO).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    /// The range as written.
    pub text: String,
}

/// A stated count, with the sentence it came from.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Figure {
    /// A stable label (`problems_found`, `problems_rectified`, `cases_filed`, …), see docs/schema.md.
    pub label: String,
    /// The number.
    pub value: f64,
    /// The unit as written (`个`, `项`, `人`, `件`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The sentence that states it.
    pub sentence: String,
    /// Index of the block holding the sentence.
    pub block: u32,
    /// Character span of the figure in that block's text.
    pub span: Span,
}

/// One problem the notice answers.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Problem {
    /// The number as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// The problem as written in its heading.
    pub title: String,
    /// The 方面 (category heading) it belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// The enclosing problem heading, when problems are nested (`1.关于…问题` above `①对…`)
    /// and it is not the category.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub parent: Option<String>,
    /// 原因分析, when stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cause: Option<String>,
    /// 整改情况 text, when stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rectification: Option<String>,
    /// Measures (`一是…` items).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub measures: Vec<String>,
    /// Normalized status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<ProblemStatus>,
    /// The status as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_text: Option<String>,
    /// Index of the heading block.
    pub block: u32,
}

/// Where a problem's rectification stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemStatus {
    /// 已完成整改 / 整改完成.
    Completed,
    /// 已完成整改，并长期坚持.
    CompletedOngoing,
    /// 基本完成.
    MostlyCompleted,
    /// 取得阶段性成效.
    PartialProgress,
    /// 正在整改 / 持续整改.
    InProgress,
}
