//! Machine-readable warnings: [`Diagnostic`] and its stable [`Code`]s.

use serde::{Deserialize, Serialize};

use super::Origin;

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
    /// Part of the file is damaged; what could be read was read.
    DamagedFile,
    /// A resource limit stopped part of the reading.
    LimitReached,
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
}
