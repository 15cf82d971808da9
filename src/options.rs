//! Options for each stage, and the resource limits.
//!
//! [`Options`] bundles one struct per stage. Every struct implements `Default` with safe values;
//! fields are public and documented with their default.

use crate::model::Format;

/// All options of a conversion, one struct per stage.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Options {
    /// Reading (format detection, passwords, limits).
    pub read: ReadOptions,
    /// Character and whitespace normalization.
    pub normalize: NormalizeOptions,
    /// Parsing into a structured document.
    pub parse: ParseOptions,
}

/// Options of the reading stage.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct ReadOptions {
    /// Force a format instead of sniffing. Default: `None` (sniff).
    pub format: Option<Format>,
    /// A file name (or path) used as a hint for format detection and written to `source.path`.
    /// Default: `None`.
    pub file_name: Option<String>,
    /// Password for encrypted PDFs. Default: `None` (the empty user password is always tried).
    pub password: Option<String>,
    /// A charset from outside the file (an HTTP `Content-Type` header). Default: `None`.
    pub http_charset: Option<String>,
    /// Resource limits. Default: [`Limits::default`].
    pub limits: Limits,
}

/// Resource limits. Every breach is an [`Error::LimitExceeded`](crate::Error::LimitExceeded)
/// naming the limit, or, where reading can go on safely, a `limit_reached` warning.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Limits {
    /// Largest input accepted, in bytes. Default: 256 MiB.
    pub input_bytes: u64,
    /// Most entries in a zip container (DOCX, OFD). Default: 10 000.
    pub zip_entries: u64,
    /// Largest uncompressed zip entry, in bytes. Default: 256 MiB.
    pub zip_entry_bytes: u64,
    /// Largest total of uncompressed bytes read from one zip container. Default: 1 GiB.
    pub zip_total_bytes: u64,
    /// Largest compression ratio of a zip entry (uncompressed / compressed). Default: 200.
    pub compression_ratio: u64,
    /// Deepest XML element nesting. Default: 256.
    pub xml_depth: u64,
    /// Deepest HTML element nesting considered. Default: 512.
    pub html_depth: u64,
    /// Most PDF objects. Default: 2 000 000.
    pub pdf_objects: u64,
    /// Most pages read. Default: 10 000.
    pub pages: u64,
    /// Most content-stream operations per page. Default: 2 000 000.
    pub ops_per_page: u64,
    /// Deepest form XObject nesting. Default: 16.
    pub xobject_depth: u64,
    /// Largest decoded stream, in bytes. Default: 256 MiB.
    pub stream_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        const MIB: u64 = 1024 * 1024;
        Limits {
            input_bytes: 256 * MIB,
            zip_entries: 10_000,
            zip_entry_bytes: 256 * MIB,
            zip_total_bytes: 1024 * MIB,
            compression_ratio: 200,
            xml_depth: 256,
            html_depth: 512,
            pdf_objects: 2_000_000,
            pages: 10_000,
            ops_per_page: 2_000_000,
            xobject_depth: 16,
            stream_bytes: 256 * MIB,
        }
    }
}

/// Options of the normalization stage: each rule can be switched off.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct NormalizeOptions {
    /// ASCII punctuation inside Chinese text becomes full-width (`,` → `，`). Default: `true`.
    pub punctuation: bool,
    /// Full-width letters and digits become ASCII (`２０２０` → `2020`). Default: `true`.
    pub ascii_alnum: bool,
    /// Whitespace rules: odd spaces, runs, CJK–CJK and CJK–digit spaces, indentation. Default: `true`.
    pub whitespace: bool,
    /// Straight quotes become paired curly quotes in Chinese text. Default: `true`.
    pub quotes: bool,
    /// Line breaks inside a block are joined (no space between CJK, one space between Latin
    /// words, hyphenated Latin words rejoined). Default: `true`.
    pub join_lines: bool,
    /// An ASCII `.` ending a Chinese sentence becomes `。` (`整改.下一步` → `整改。下一步`;
    /// decimals, item numbers, versions, file names and abbreviations stay). Default: `true`.
    pub full_stops: bool,
    /// `...`, `......`, `。。。` in Chinese text become `……`. Default: `true`.
    pub ellipses: bool,
    /// `--` and `— —` between Chinese become `——` (hyphens in ranges and codes stay).
    /// Default: `true`.
    pub dashes: bool,
    /// `<<…>>` around Chinese becomes `《…》`, and `<…>` inside a title `〈…〉`. Default: `true`.
    pub title_marks: bool,
    /// A space inside a decimal in Chinese text is removed (`12. 5%` → `12.5%`). Default: `true`.
    pub split_decimals: bool,
}

impl Default for NormalizeOptions {
    fn default() -> Self {
        NormalizeOptions {
            punctuation: true,
            ascii_alnum: true,
            whitespace: true,
            quotes: true,
            join_lines: true,
            full_stops: true,
            ellipses: true,
            dashes: true,
            title_marks: true,
            split_decimals: true,
        }
    }
}

impl NormalizeOptions {
    /// All rules off: text passes through unchanged.
    pub fn none() -> Self {
        NormalizeOptions {
            punctuation: false,
            ascii_alnum: false,
            whitespace: false,
            quotes: false,
            join_lines: false,
            full_stops: false,
            ellipses: false,
            dashes: false,
            title_marks: false,
            split_decimals: false,
        }
    }
}

/// Options of the parsing stage.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ParseOptions {
    /// Extract inspection-notice facts (`notice`). Default: `true`.
    pub notice: bool,
    /// Drop footer chrome that survived the reader (主办单位, ICP …). Default: `true`.
    pub drop_footer_chrome: bool,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            notice: true,
            drop_footer_chrome: true,
        }
    }
}
