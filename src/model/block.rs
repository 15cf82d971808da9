//! Units of content: [`Block`], tables, list items, layout hints and where each came from.

use serde::{Deserialize, Serialize};

/// One unit of content, from a reader or after parsing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// The text (for tables, the cells joined by tabs and rows by newlines).
    pub text: String,
    /// Heading level: the depth of the heading in the document's own nesting, 1 outermost
    /// (`一、`, `第一章`, `1`); headings only. See docs/structure.md, "One level model".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
    /// The literal heading or list number as written (`（一）`, `1.`, `第十二条`, `1.1`); may be absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// For headings numbered as a statute or a technical document (`第一章`, `第一条`,
    /// `1.1`): which division it is. Absent for the GB/T 9704 layers (`一、` `（一）` …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heading_kind: Option<HeadingKind>,
    /// The block is an entry of a table of contents (`目录` and the lines under it).
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub contents: bool,
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
            heading_kind: None,
            contents: false,
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

/// What a statute-style or decimal heading divides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum HeadingKind {
    /// `第一编` (a part of a code).
    Part,
    /// `第一章`.
    Chapter,
    /// `第一节` (a section of a chapter).
    Section,
    /// `第一条`: an article; its text is in the paragraphs that follow the heading.
    Article,
    /// `1` / `1.1` / `1.1.1` / `第7.9条`: decimal numbering, the level is the depth.
    Decimal,
}

impl HeadingKind {
    /// The separator printed between the number and the text (`第一条 为了…`, `1.1 编制目的`):
    /// these numbers end in a character or digit, so the text must not be glued to them.
    pub fn separator(self) -> &'static str {
        " "
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
    /// A line of the 版头 (份号, 密级, 紧急程度, 发文机关标志, 发文字号, 签发人) or of a page
    /// header: not body text; what it holds is in `parts` (kept for traceability).
    Header,
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
    /// The block was read from a page header (DOCX `w:hdr`), not from the body: page
    /// furniture, where Word documents put 份号, 密级 and 紧急程度.
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub page_header: bool,
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
