//! The one error type of the library.
//!
//! Only reading can fail: normalizing and parsing are total and report doubts as
//! [`Diagnostic`](crate::model::Diagnostic)s. Every variant carries structured fields so that a
//! batch can write `{"code": …, "message": …}` records, and [`Error::code`] gives the stable code.

use crate::model::Format;

/// Result alias used throughout the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can make a conversion fail.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Reading the input failed.
    #[error("i/o error: {0}")]
    Io(#[from] std::io::Error),
    /// The input is empty.
    #[error("the input is empty (0 bytes)")]
    Empty,
    /// The format could not be recognised from content or name.
    #[error("unknown format{}: expected HTML, text, PDF, DOCX, OFD, XLS, XLSX or RTF; use --from to force one", hint.as_deref().map(|h| format!(" ({h})")).unwrap_or_default())]
    UnknownFormat {
        /// What was seen (magic bytes or extension), if anything useful.
        hint: Option<String>,
    },
    /// A recognised format that gongwen does not read.
    #[error("unsupported format: {format}; {suggestion}")]
    UnsupportedFormat {
        /// The format's name (`Word 97-2003 (.doc)`).
        format: String,
        /// What the user can do (`convert it to .docx with LibreOffice: soffice --convert-to docx`).
        suggestion: String,
    },
    /// The file is encrypted and the password (if any) did not open it.
    #[error("the {format} file is encrypted{}", if *.password_given { "; the password given did not open it" } else { "; pass --password to open it" })]
    Encrypted {
        /// The format.
        format: Format,
        /// Whether a password was tried.
        password_given: bool,
    },
    /// The file is damaged beyond what the reader can recover.
    #[error("malformed {format}: {reason}")]
    Malformed {
        /// The format.
        format: Format,
        /// What is wrong.
        reason: String,
    },
    /// A resource limit was exceeded.
    #[error("limit exceeded: {what} is over {limit} (raise it with --limit-{})", what.flag())]
    LimitExceeded {
        /// Which limit.
        what: Limit,
        /// Its value.
        limit: u64,
    },
    /// A processing deadline passed (batch `--timeout-per-file`).
    #[error("timed out after {seconds} s")]
    Timeout {
        /// The deadline in seconds.
        seconds: u64,
    },
}

impl Error {
    /// A stable snake_case code for machine-readable error records.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Io(_) => "io",
            Error::Empty => "empty",
            Error::UnknownFormat { .. } => "unknown_format",
            Error::UnsupportedFormat { .. } => "unsupported_format",
            Error::Encrypted { .. } => "encrypted",
            Error::Malformed { .. } => "malformed",
            Error::LimitExceeded { .. } => "limit_exceeded",
            Error::Timeout { .. } => "timeout",
        }
    }

    /// Shorthand for [`Error::Malformed`].
    pub fn malformed(format: Format, reason: impl Into<String>) -> Self {
        Error::Malformed {
            format,
            reason: reason.into(),
        }
    }

    /// Shorthand for [`Error::LimitExceeded`].
    pub fn limit(what: Limit, limit: u64) -> Self {
        Error::LimitExceeded { what, limit }
    }
}

/// The resource limits (see [`Limits`](crate::options::Limits)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Limit {
    /// Input size in bytes.
    InputBytes,
    /// Entries in a zip container.
    ZipEntries,
    /// Uncompressed bytes of one zip entry.
    ZipEntryBytes,
    /// Uncompressed bytes of all zip entries read.
    ZipTotalBytes,
    /// Compression ratio of a zip entry.
    CompressionRatio,
    /// XML element nesting.
    XmlDepth,
    /// HTML element nesting.
    HtmlDepth,
    /// PDF objects.
    PdfObjects,
    /// Pages.
    Pages,
    /// Content-stream operations per page.
    OpsPerPage,
    /// Form XObject nesting.
    XObjectDepth,
    /// Decoded size of one stream.
    StreamBytes,
    /// Output blocks.
    Blocks,
    /// Cells in one spreadsheet sheet.
    SheetCells,
    /// RTF group nesting.
    RtfDepth,
}

impl Limit {
    /// The CLI flag suffix for this limit (`--limit-<flag>`).
    pub fn flag(self) -> &'static str {
        match self {
            Limit::InputBytes => "input-bytes",
            Limit::ZipEntries => "zip-entries",
            Limit::ZipEntryBytes => "zip-entry-bytes",
            Limit::ZipTotalBytes => "zip-total-bytes",
            Limit::CompressionRatio => "compression-ratio",
            Limit::XmlDepth => "xml-depth",
            Limit::HtmlDepth => "html-depth",
            Limit::PdfObjects => "pdf-objects",
            Limit::Pages => "pages",
            Limit::OpsPerPage => "ops-per-page",
            Limit::XObjectDepth => "xobject-depth",
            Limit::StreamBytes => "stream-bytes",
            Limit::Blocks => "blocks",
            Limit::SheetCells => "sheet-cells",
            Limit::RtfDepth => "rtf-depth",
        }
    }
}

impl std::fmt::Display for Limit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.flag())
    }
}
