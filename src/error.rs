//! The one error type of the library.
//!
//! Only reading can fail: normalizing and parsing are total and report doubts as
//! [`Diagnostic`](crate::model::Diagnostic)s. Every variant carries structured fields so that a
//! batch can write `{"code": …, "message": …}` records, and [`Error::code`] gives the stable code.

use crate::model::Format;
pub use crate::options::Limit;

/// Result alias used throughout the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can make a conversion fail.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Reading the input failed.
    #[error("i/o error: {0}")]
    Io(#[from] std::io::Error),
    /// The input is empty: no bytes, or text or HTML without a visible character.
    #[error("the input is empty: no bytes, or no visible text")]
    Empty,
    /// The format could not be recognised from content or name.
    #[error("unknown format{}: expected HTML, text, PDF, DOCX, OFD, XLS, XLSX or RTF", hint.as_deref().map(|h| format!(" ({h})")).unwrap_or_default())]
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
    #[error("the {format} file is encrypted{}", if *.password_given { "; the password given did not open it" } else { "" })]
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
    #[error("limit exceeded: {what} is over {limit}")]
    LimitExceeded {
        /// Which limit.
        what: Limit,
        /// Its value.
        limit: u64,
    },
    /// A bug: the conversion panicked. The input may be fine; please report it.
    #[error("internal error (panic) while converting {}; please report this file", format.map_or("the input", Format::name))]
    Internal {
        /// The input's format (forced or sniffed), when it could be told.
        format: Option<Format>,
    },
    /// Optical character recognition was needed and could not run: the models are missing
    /// (the message says how to fetch them), do not load, or gongwen was built without the
    /// `ocr` feature.
    #[error("OCR unavailable: {reason}")]
    Ocr {
        /// What is wrong and what to do.
        reason: String,
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
            Error::Internal { .. } => "internal",
            Error::Ocr { .. } => "ocr",
            Error::Timeout { .. } => "timeout",
        }
    }

    /// Shorthand for [`Error::Malformed`].
    pub(crate) fn malformed(format: Format, reason: impl Into<String>) -> Self {
        Error::Malformed {
            format,
            reason: reason.into(),
        }
    }

    /// Shorthand for [`Error::LimitExceeded`].
    pub(crate) fn limit(what: Limit, limit: u64) -> Self {
        Error::LimitExceeded { what, limit }
    }
}
