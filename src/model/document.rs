//! The parsed document: [`Document`], its metadata, GB/T 9704 parts and heading tree.

use serde::{Deserialize, Serialize};

use super::{Block, Diagnostic, Note, Notice, Source, SCHEMA};

/// The structured result of converting one notice.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Document {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// Facts about the input file.
    pub source: Source,
    /// Descriptive metadata (site metadata tables, `<meta>` tags, PDF Info, DOCX core properties,
    /// and what the parser found in the text).
    pub meta: Meta,
    /// The GB/T 9704 parts other than title, body and signature.
    pub parts: Parts,
    /// The body, in reading order, after normalization and parsing.
    pub blocks: Vec<Block>,
    /// The heading hierarchy as a tree over `blocks`.
    pub sections: Vec<Section>,
    /// The closing 署名 and 成文日期.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signature: Option<Signature>,
    /// 附件说明 entries.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub attachments: Vec<Attachment>,
    /// Contact details from the feedback sentence or 附注.
    pub contacts: Contacts,
    /// Facts of an inspection (巡视/巡察) notice; `None` for other documents.
    pub notice: Option<Notice>,
    /// What a reader or the parser was unsure about.
    pub warnings: Vec<Diagnostic>,
    /// Footnotes, endnotes and comments, kept apart from the body (DOCX, `.doc`).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub notes: Vec<Note>,
}

impl Document {
    /// An empty document carrying the current schema identifier.
    pub fn new() -> Self {
        Document {
            schema: SCHEMA.to_string(),
            ..Default::default()
        }
    }
}

/// Descriptive metadata. Every field is optional.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Meta {
    /// 标题 / 名称.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// 发布机构 / 发文机关.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// 索引号.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index_number: Option<String>,
    /// 文号 / 发文字号 as written in the metadata table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_number: Option<String>,
    /// 分类 / 主题分类.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// 主题词, split on whitespace and separators.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub subject_terms: Vec<String>,
    /// 成文日期 (ISO).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub written_date: Option<String>,
    /// 发布日期 (ISO date; the time, if any, is dropped).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published_date: Option<String>,
    /// 来源 (the site or organ that published the page).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_site: Option<String>,
    /// 作者.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Canonical URL of the page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// 栏目 (ColumnName).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// Site name (SiteName).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site_name: Option<String>,
    /// Description / 摘要.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Keywords (`<meta name=Keywords>`, DOCX keywords, OFD Keywords).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub keywords: Vec<String>,
    /// 有效性 and any other labelled field that has no slot of its own, in source order.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub extra: Vec<MetaField>,
}

/// A labelled metadata value without a dedicated field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MetaField {
    /// The label, with padding removed (`索引号`, not `索 引 号`).
    pub key: String,
    /// The value as written.
    pub value: String,
}

/// GB/T 9704-2012 elements other than title, body, attachments and signature.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Parts {
    /// 份号 (copy number).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copy_number: Option<String>,
    /// 密级和保密期限 (`秘密★1年`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secrecy: Option<String>,
    /// 紧急程度 (`特急`, `加急`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub urgency: Option<String>,
    /// 发文机关标志 (the red header, e.g. `中共XX县委员会文件`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer_mark: Option<String>,
    /// 发文字号.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_number: Option<DocNumber>,
    /// 签发人.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub signers: Vec<String>,
    /// 主送机关, as written (without the final colon).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub addressee: Option<String>,
    /// 附注 (`（此件公开发布）`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// 抄送机关.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cc: Option<String>,
    /// 印发机关.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub printed_by: Option<String>,
    /// 印发日期 (ISO).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub printed_date: Option<String>,
}

/// A parsed 发文字号 such as `青委发〔2023〕12号`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DocNumber {
    /// The number as written.
    pub text: String,
    /// Organ code (`青委发`).
    pub organ: String,
    /// Year (`2023`).
    pub year: u16,
    /// Serial (`12`).
    pub serial: u32,
}

/// A node of the heading tree.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Section {
    /// Heading level: depth in the document's nesting (1 = `一、`, or `第一章`, or `1`).
    pub level: u8,
    /// The heading number as written (`（二）`, `第十二条`, `1.1`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// For statute and decimal headings: chapter, article, … (absent for `一、` `（一）` layers).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<crate::model::HeadingKind>,
    /// For an article: its number as a value (`第十二条` → 12), so it can be cited.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article: Option<u32>,
    /// The heading text without its number.
    pub title: String,
    /// Index of the heading block in `Document::blocks`.
    pub block: u32,
    /// Indices of the non-heading blocks directly under this heading.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub content: Vec<u32>,
    /// Sub-sections.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub children: Vec<Section>,
}

/// The closing 发文机关署名 and 成文日期.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Signature {
    /// The signing organ(s), one per line.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub issuers: Vec<String>,
    /// 成文日期 (ISO).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The date as written (`2022 年 6 月 30 日`, `二〇二二年六月三十日`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_text: Option<String>,
}

/// One 附件 entry.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Attachment {
    /// The number as written (`1.`), if the list is numbered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// The attachment's name.
    pub title: String,
}

/// Contact details.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Contacts {
    /// Phone numbers as written (`020-36993133`, `0371--86199800`).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub phones: Vec<String>,
    /// E-mail addresses.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub emails: Vec<String>,
    /// Postal addresses.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub addresses: Vec<String>,
    /// Six-digit postcodes.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub postcodes: Vec<String>,
}
