//! The document model: what every stage hands to the next.
//!
//! Readers produce [`Block`]s (inside an [`Extracted`](crate::read::Extracted)); the parser turns
//! them into a [`Document`]; renderers read only `&Document`. Everything here is owned plain data
//! with serde derives, so the JSON output *is* this model (schema `gongwen/1`, documented in
//! `docs/schema.md` and `docs/gongwen.schema.json`).
//!
//! Conventions:
//! - every date is ISO `YYYY-MM-DD` (a `String`, so partial or unknown parts never invent values);
//! - optional facts are `Option` and are left out of the JSON when absent;
//! - every block carries its [`Origin`] so a fact can be traced back to the source.

use serde::{Deserialize, Serialize};

/// The schema identifier written into every JSON document.
pub const SCHEMA: &str = "gongwen/1";

/// The input formats gongwen reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Format {
    /// An HTML page (any encoding).
    Html,
    /// Plain text (UTF-8, GB18030 or UTF-16 with BOM).
    Text,
    /// A PDF file.
    Pdf,
    /// An Office Open XML word-processing file (`.docx`, `.docm`, `.dotx`).
    Docx,
    /// An OFD file (GB/T 33190).
    Ofd,
    /// An Excel 97-2003 workbook (BIFF in an OLE compound file: `.xls`, Kingsoft WPS `.et`).
    Xls,
    /// An Office Open XML workbook (`.xlsx`, `.xlsm`).
    Xlsx,
    /// Rich Text Format (`.rtf`).
    Rtf,
}

impl Format {
    /// The lowercase name used on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Text => "text",
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Ofd => "ofd",
            Format::Xls => "xls",
            Format::Xlsx => "xlsx",
            Format::Rtf => "rtf",
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

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
    /// Footnotes, endnotes and comments, kept apart from the body (DOCX).
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

/// Facts about the input file (not about the notice).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Source {
    /// The path the input was read from, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The detected (or forced) format.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<Format>,
    /// The text encoding and how it was found (HTML and text only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<EncodingInfo>,
    /// Size of the input in bytes.
    pub bytes: u64,
    /// Lowercase hex SHA-256 of the input bytes.
    pub sha256: String,
    /// Page count (PDF, OFD).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<u32>,
    /// Format version (`1.7` for PDF, OFD `Version`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Producing software (PDF Producer, DOCX Application, OFD Creator).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub producer: Option<String>,
    /// Authoring software (PDF Creator).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub creator: Option<String>,
    /// Creation timestamp as written in the file, ISO when it could be parsed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    /// Modification timestamp as written in the file, ISO when it could be parsed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modified: Option<String>,
    /// Digital signatures / electronic seals found in the file (OFD, PDF).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub signatures: Vec<SignatureInfo>,
    /// The compression the input was wrapped in (`gzip`), inflated before reading; `bytes` and
    /// `sha256` are those of the file as given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compression: Option<String>,
}

/// How the text encoding of an HTML or text input was determined.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EncodingInfo {
    /// WHATWG name of the encoding used to decode (`UTF-8`, `gb18030`, `UTF-16LE`, …).
    pub name: String,
    /// What decided it.
    pub evidence: EncodingEvidence,
    /// The label the document declared, if any, even when it was overruled.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub declared: Option<String>,
    /// Number of malformed byte sequences replaced by U+FFFD.
    pub replaced: u64,
}

/// The evidence behind an encoding decision, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EncodingEvidence {
    /// A byte-order mark.
    Bom,
    /// The HTTP `Content-Type` header (WARC records).
    HttpHeader,
    /// `<meta charset>` or `<meta http-equiv=Content-Type>`.
    MetaCharset,
    /// The declared label was contradicted by the bytes (e.g. meta says GB2312, bytes are UTF-8).
    DeclarationOverruled,
    /// The bytes are valid UTF-8.
    ValidUtf8,
    /// A statistical guess (chardetng).
    Guessed,
    /// Forced by the caller.
    Forced,
}

/// An electronic signature or seal found in the file.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SignatureInfo {
    /// Signer or seal name when readable.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signer: Option<String>,
    /// Signing time when readable, ISO when it could be parsed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The kind of signature (`seal`, `sign`, …) as the file names it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
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

/// One unit of content, from a reader or after parsing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// The text (for tables, the cells joined by tabs and rows by newlines).
    pub text: String,
    /// Heading level, 1 (一、) to 5 (①); headings only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
    /// The literal heading or list number as written (`（一）`, `1.`, `一是`); may be absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// For `meta_field` blocks: the label (padding removed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Enumerations inside a paragraph (`一是…二是…`, `①…②…`).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub items: Vec<ListItem>,
    /// For `table` blocks: the rows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table: Option<Table>,
    /// Layout facts a reader saw; the parser may use them, never must.
    #[serde(skip_serializing_if = "Hints::is_empty", default)]
    pub hints: Hints,
    /// Where the block came from.
    pub origin: Origin,
}

impl Block {
    /// A block of the given kind and text with a default origin.
    pub fn new(kind: BlockKind, text: impl Into<String>) -> Self {
        Block {
            kind,
            text: text.into(),
            level: None,
            number: None,
            key: None,
            items: Vec::new(),
            table: None,
            hints: Hints::default(),
            origin: Origin::default(),
        }
    }

    /// A paragraph block.
    pub fn paragraph(text: impl Into<String>) -> Self {
        Block::new(BlockKind::Paragraph, text)
    }

    /// A labelled metadata block (from a site's 政府信息公开 table or a DOCX/PDF property).
    pub fn meta_field(key: impl Into<String>, value: impl Into<String>) -> Self {
        let mut b = Block::new(BlockKind::MetaField, value);
        b.key = Some(key.into());
        b
    }

    /// The same block with the given origin.
    pub fn with_origin(mut self, origin: Origin) -> Self {
        self.origin = origin;
        self
    }
}

/// The kinds of block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BlockKind {
    /// A run of body text.
    Paragraph,
    /// A numbered heading (`一、…`, `（一）…`); see `level` and `number`.
    Heading,
    /// The document title (a reader may hint it; the parser decides).
    Title,
    /// A list item outside any paragraph.
    ListItem,
    /// A table; see `table`.
    Table,
    /// A `key: value` metadata field found around the body (parser moves it into `meta`).
    MetaField,
    /// A line of the closing 署名/成文日期, 附件说明 or 版记 (kept for traceability).
    Closing,
}

/// An enumeration item inside a paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListItem {
    /// The marker as written (`一是`, `②`).
    pub marker: String,
    /// The item text without the marker.
    pub text: String,
    /// Character offsets of the item (marker included) in the paragraph's `text`.
    pub span: Span,
}

/// A table.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Table {
    /// Rows, top to bottom.
    pub rows: Vec<Vec<Cell>>,
    /// The table's name where the format gives one: a spreadsheet's sheet name.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub caption: Option<String>,
}

/// A table cell.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Cell {
    /// Cell text; paragraphs inside the cell are joined with `\n`.
    pub text: String,
    /// Columns spanned (1 when not merged).
    #[serde(skip_serializing_if = "is_one", default = "one")]
    pub col_span: u32,
    /// Rows spanned (1 when not merged).
    #[serde(skip_serializing_if = "is_one", default = "one")]
    pub row_span: u32,
}

fn is_one(n: &u32) -> bool {
    *n == 1
}

fn one() -> u32 {
    1
}

/// Layout facts from a reader. All optional; the parser treats them as hints.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Hints {
    /// Heading level from a style or outline level (DOCX `Heading 1` / `标题 1`, HTML `<h2>`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heading_level: Option<u8>,
    /// Horizontal alignment.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub align: Option<Align>,
    /// Dominant font size in points.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub font_size: Option<f32>,
    /// Dominant font name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub font: Option<String>,
    /// Set in bold.
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub bold: bool,
    /// The numbering label came from automatic numbering (DOCX `numbering.xml`), not the text.
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub auto_numbered: bool,
    /// Red text (the 发文机关标志 of a red-header document).
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub red: bool,
}

impl Hints {
    /// True when no hint is set (used to keep JSON small).
    pub fn is_empty(&self) -> bool {
        *self == Hints::default()
    }
}

/// Horizontal alignment of a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Align {
    /// Left or justified.
    Left,
    /// Centred.
    Center,
    /// Right-aligned.
    Right,
}

/// Where a block came from in the source.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Origin {
    /// 1-based page number (PDF, OFD).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// 0-based index of the block among the reader's output (stable across stages).
    pub index: u32,
    /// Byte span in the decoded source text (HTML, text) or `None`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

impl Origin {
    /// An origin with only a block index.
    pub fn at(index: u32) -> Self {
        Origin {
            page: None,
            index,
            span: None,
        }
    }

    /// An origin on a page.
    pub fn on_page(page: u32, index: u32) -> Self {
        Origin {
            page: Some(page),
            index,
            span: None,
        }
    }
}

/// A half-open range `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Span {
    /// First position.
    pub start: u32,
    /// One past the last position.
    pub end: u32,
}

/// A node of the heading tree.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Section {
    /// Heading level (1 = 一、).
    pub level: u8,
    /// The heading number as written (`（二）`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
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

/// A footnote, endnote or comment: text that belongs to the file but not to the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Note {
    /// Footnote, endnote or comment.
    pub kind: NoteKind,
    /// The note's id as the file gives it (DOCX `w:id`).
    pub id: String,
    /// The note's text; its paragraphs are joined with `\n`.
    pub text: String,
    /// Who wrote it (comments).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// `origin.index` of the body block that references it; `None` when no block does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anchor: Option<u32>,
}

impl Note {
    /// A note with no author and no anchor.
    pub fn new(kind: NoteKind, id: impl Into<String>, text: impl Into<String>) -> Self {
        Note {
            kind,
            id: id.into(),
            text: text.into(),
            author: None,
            anchor: None,
        }
    }
}

/// The kinds of [`Note`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NoteKind {
    /// A footnote (脚注).
    Footnote,
    /// An endnote (尾注).
    Endnote,
    /// A reviewer's comment (批注).
    Comment,
}

/// A machine-readable warning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Diagnostic {
    /// Stable code, snake_case (`undecodable_bytes`, `page_numbers_removed`, …); see docs/schema.md.
    pub code: Code,
    /// Human-readable explanation.
    pub message: String,
    /// The block or place it refers to, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
}

impl Diagnostic {
    /// A diagnostic with no origin.
    pub fn new(code: Code, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            message: message.into(),
            origin: None,
        }
    }

    /// The same diagnostic pointing at `origin`.
    pub fn at(mut self, origin: Origin) -> Self {
        self.origin = Some(origin);
        self
    }
}

impl Code {
    /// True for codes that report a cleanup gongwen did as intended (site chrome, page numbers
    /// and running headers removed) rather than a doubt about the result. They stay in
    /// `warnings` for traceability but do not make the CLI exit with 1.
    pub fn is_informational(self) -> bool {
        matches!(
            self,
            Code::ChromeRemoved
                | Code::PageNumbersRemoved
                | Code::RunningHeadersRemoved
                | Code::FooterChromeDropped
        )
    }
}

/// True when any diagnostic is a doubt, not just a report of an intended cleanup.
pub fn has_doubts(warnings: &[Diagnostic]) -> bool {
    warnings.iter().any(|w| !w.code.is_informational())
}

/// Warning codes. New codes may be added in minor versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Code {
    /// Bytes that could not be decoded were replaced by U+FFFD.
    UndecodableBytes,
    /// The declared charset was wrong and was overruled.
    CharsetOverruled,
    /// No charset was declared; the encoding was guessed.
    CharsetGuessed,
    /// No main content container was found; the whole page body was used.
    NoMainContent,
    /// Site chrome was removed from the body.
    ChromeRemoved,
    /// Page numbers were removed.
    PageNumbersRemoved,
    /// Running headers or footers were removed.
    RunningHeadersRemoved,
    /// Pages without a text layer (scanned images).
    NoTextLayer,
    /// Text whose font mapping is unreliable (wrong or missing ToUnicode).
    UnreliableText,
    /// A font could not be read; its text may be missing.
    FontProblem,
    /// Part of the file is damaged; what could be read was read.
    DamagedFile,
    /// A resource limit stopped part of the reading.
    LimitReached,
    /// Something in the file is not supported and was skipped.
    Unsupported,
    /// Heading numbers are not consecutive.
    NumberingGap,
    /// A date had no year; the year was inferred.
    YearInferred,
    /// A date could not be parsed.
    BadDate,
    /// No title was found.
    NoTitle,
    /// No signature (署名/成文日期) was found.
    NoSignature,
    /// Footer chrome (主办单位, ICP …) survived the reader and was dropped by the parser.
    FooterChromeDropped,
    /// The document holds more than one document; only the first was read.
    MultipleDocuments,
    /// Anything else.
    Other,
}
