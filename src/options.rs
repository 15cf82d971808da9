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
    /// The URL the page was fetched from (a WARC record's `WARC-Target-URI`): a relative
    /// `meta.url` is resolved against it when the page has no `<base>` or canonical link.
    /// Default: `None`.
    pub page_url: Option<String>,
    /// Resource limits. Default: [`Limits::default`].
    pub limits: Limits,
    /// Called after each page of a paged format (PDF, OFD) is read, for a progress display.
    /// Default: `None`.
    pub progress: Option<ProgressHook>,
    /// Optical character recognition of scanned pages and page images. Default:
    /// [`OcrOptions::default`] (pages without a text layer, models found on their own).
    pub ocr: OcrOptions,
}

/// When pages are read by OCR (feature `ocr`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum OcrMode {
    /// Image inputs, PDF pages that are images without a text layer, and PDF pages whose
    /// embedded fonts have no usable Unicode map (rendered, then read). The default.
    #[default]
    Auto,
    /// Also every PDF page that has page images, even with a text layer (its text is replaced).
    Always,
    /// Never: image-only pages give a `no_text_layer` warning, image inputs an error.
    Never,
}

impl OcrMode {
    /// The name used on the command line (`auto`, `always`, `never`).
    pub fn name(self) -> &'static str {
        match self {
            OcrMode::Auto => "auto",
            OcrMode::Always => "always",
            OcrMode::Never => "never",
        }
    }
}

/// Options of OCR (feature `ocr`; without it they are accepted and OCR is unavailable).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct OcrOptions {
    /// When to OCR. Default: [`OcrMode::Auto`].
    pub mode: OcrMode,
    /// The directory with the PP-OCR models (`scripts/fetch-ocr-models.sh` fetches them).
    /// Default: `None`: `GONGWEN_OCR_MODELS`, then `models/ocr`.
    pub models: Option<std::path::PathBuf>,
    /// Threads the networks run on; 0 is one per core. Default: 0.
    pub threads: usize,
}

/// How far reading has got: `done` of `total` pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Progress {
    /// Pages read so far.
    pub done: u32,
    /// Pages to read.
    pub total: u32,
}

/// A progress callback for [`ReadOptions::progress`]: cheap to clone, callable from any thread.
///
/// ```
/// use std::sync::atomic::{AtomicU32, Ordering};
/// use std::sync::Arc;
/// let seen = Arc::new(AtomicU32::new(0));
/// let counter = Arc::clone(&seen);
/// let mut options = gongwen::Options::default();
/// options.read.progress = Some(gongwen::ProgressHook::new(move |p| counter.store(p.done, Ordering::Relaxed)));
/// ```
#[derive(Clone)]
pub struct ProgressHook(std::sync::Arc<dyn Fn(Progress) + Send + Sync>);

impl ProgressHook {
    /// Wrap a callback.
    pub fn new(callback: impl Fn(Progress) + Send + Sync + 'static) -> Self {
        ProgressHook(std::sync::Arc::new(callback))
    }

    /// Report `done` of `total` pages.
    pub(crate) fn report(&self, done: usize, total: usize) {
        let clamp = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        (self.0)(Progress {
            done: clamp(done),
            total: clamp(total),
        });
    }
}

// A progress callback only observes; a conversion caught by `catch_unwind` (as `batch` does)
// must stay possible with a hook set, as it is without one.
impl std::panic::UnwindSafe for ProgressHook {}
impl std::panic::RefUnwindSafe for ProgressHook {}

impl std::fmt::Debug for ProgressHook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ProgressHook(..)")
    }
}

impl ReadOptions {
    /// Report progress through [`ReadOptions::progress`], if set.
    pub(crate) fn report_progress(&self, done: usize, total: usize) {
        if let Some(hook) = &self.progress {
            hook.report(done, total);
        }
    }
}

/// Generates [`Limits`], [`Limit`] and their names from one table, so that the struct, the
/// error's limit names and the binary's `--limit-*` flags cannot drift apart.
macro_rules! limits {
    ($(
        $(#[doc = $doc:literal])+
        $variant:ident $field:ident: $default:expr, shown $shown:literal, unit $unit:literal, flag $flag:literal;
    )+) => {
        /// Resource limits. Every breach is an [`Error::LimitExceeded`](crate::Error::LimitExceeded)
        /// naming the limit, or, where reading can go on safely, a `limit_reached` warning.
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub struct Limits {
            $(
                $(#[doc = $doc])+
                #[doc = concat!("Default: ", $shown, ".")]
                pub $field: u64,
            )+
        }

        impl Default for Limits {
            fn default() -> Self {
                Limits { $($field: $default,)+ }
            }
        }

        /// The resource limits, one per field of [`Limits`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
        #[serde(rename_all = "snake_case")]
        #[non_exhaustive]
        pub enum Limit {
            $(
                $(#[doc = $doc])+
                $variant,
            )+
        }

        impl Limit {
            /// Every limit, in the order of the fields of [`Limits`].
            pub const ALL: &'static [Limit] = &[$(Limit::$variant,)+];

            /// The name of the [`Limits`] field (`input_bytes`).
            pub fn name(self) -> &'static str {
                match self { $(Limit::$variant => stringify!($field),)+ }
            }

            /// What the limit counts, for a command line's value name: `BYTES` or `N`.
            pub fn unit(self) -> &'static str {
                match self { $(Limit::$variant => $unit,)+ }
            }

            /// The limit's description, without its default.
            pub fn description(self) -> &'static str {
                match self { $(Limit::$variant => concat!($($doc),+).trim_ascii(),)+ }
            }

            /// The default value, as written for people (`256 MiB`, `10 000`).
            pub fn default_shown(self) -> &'static str {
                match self { $(Limit::$variant => $shown,)+ }
            }

            /// The long flag of the `gongwen` binary that sets this limit (`limit-input-bytes`).
            pub fn flag(self) -> &'static str {
                match self { $(Limit::$variant => concat!("limit-", $flag),)+ }
            }

            /// This limit's value in `limits`.
            pub fn get(self, limits: &Limits) -> u64 {
                match self { $(Limit::$variant => limits.$field,)+ }
            }

            /// Set this limit in `limits`.
            pub fn set(self, limits: &mut Limits, value: u64) {
                match self { $(Limit::$variant => limits.$field = value,)+ }
            }
        }
    };
}

const MIB: u64 = 1024 * 1024;

limits! {
    /// Largest input accepted, in bytes.
    InputBytes input_bytes: 256 * MIB, shown "256 MiB", unit "BYTES", flag "input-bytes";
    /// Most entries in a zip container (DOCX, OFD).
    ZipEntries zip_entries: 10_000, shown "10 000", unit "N", flag "zip-entries";
    /// Largest uncompressed zip entry, in bytes.
    ZipEntryBytes zip_entry_bytes: 256 * MIB, shown "256 MiB", unit "BYTES", flag "zip-entry-bytes";
    /// Largest total of uncompressed bytes read from one zip container.
    ZipTotalBytes zip_total_bytes: 1024 * MIB, shown "1 GiB", unit "BYTES", flag "zip-total-bytes";
    /// Largest compression ratio of a zip entry (uncompressed / compressed).
    CompressionRatio compression_ratio: 200, shown "200", unit "N", flag "compression-ratio";
    /// Deepest XML element nesting.
    XmlDepth xml_depth: 256, shown "256", unit "N", flag "xml-depth";
    /// Largest HTML page parsed into a DOM, in bytes (the DOM takes about 35 times the page).
    HtmlBytes html_bytes: 64 * MIB, shown "64 MiB", unit "BYTES", flag "html-bytes";
    /// Deepest HTML element nesting considered.
    HtmlDepth html_depth: 512, shown "512", unit "N", flag "html-depth";
    /// Most PDF objects.
    PdfObjects pdf_objects: 2_000_000, shown "2 000 000", unit "N", flag "pdf-objects";
    /// Most pages read.
    Pages pages: 10_000, shown "10 000", unit "N", flag "pages";
    /// Most content-stream operations per page.
    OpsPerPage ops_per_page: 2_000_000, shown "2 000 000", unit "N", flag "ops-per-page";
    /// Deepest form XObject nesting.
    XObjectDepth xobject_depth: 16, shown "16", unit "N", flag "xobject-depth";
    /// Largest decoded stream, in bytes.
    StreamBytes stream_bytes: 256 * MIB, shown "256 MiB", unit "BYTES", flag "stream-bytes";
    /// Most pixels in one decoded image (a page image or a PDF image), before it is decoded.
    ImagePixels image_pixels: 100_000_000, shown "100 000 000", unit "N", flag "image-pixels";
    /// Most pixels decoded from one input's images together (all pages of a TIFF).
    ImageTotalPixels image_total_pixels: 1_000_000_000, shown "1 000 000 000", unit "N", flag "image-total-pixels";
    /// Most cells in the used area of one spreadsheet sheet (`.xls`, `.et`, `.xlsx`), counting
    /// the empty cells inside it.
    SheetCells sheet_cells: 4_000_000, shown "4 000 000", unit "N", flag "sheet-cells";
    /// Deepest RTF group (`{…}`) nesting.
    RtfDepth rtf_depth: 256, shown "256", unit "N", flag "rtf-depth";
    /// Longest side, in pixels, of a page image as OCR sees it; larger images are scaled down
    /// (memory and time grow with its square; 2000 is RapidOCR's and fits A4 at 170 dpi).
    OcrSide ocr_side: 2000, shown "2 000", unit "N", flag "ocr-side";
    /// Most heap bytes one document may hold while it is converted, checked as it is read (see
    /// `gongwen::set_memory_gauge`: only programs whose allocator counts memory, such as the
    /// `gongwen` binary, can enforce it).
    Memory memory: u64::MAX, shown "none", unit "BYTES", flag "memory";
}

impl std::fmt::Display for Limit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The default as people read it: `256 MiB`, `1 GiB`, `2 000 000`.
    fn shown(value: u64) -> String {
        const GIB: u64 = 1024 * MIB;
        if value == u64::MAX {
            return "none".into(); // no limit unless one is set (`memory`)
        }
        if value >= GIB && value.is_multiple_of(GIB) {
            return format!("{} GiB", value / GIB);
        }
        if value >= MIB && value.is_multiple_of(MIB) {
            return format!("{} MiB", value / MIB);
        }
        let digits = value.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(' ');
            }
            out.push(c);
        }
        out
    }

    #[test]
    fn every_shown_default_is_the_value() {
        let limits = Limits::default();
        for &limit in Limit::ALL {
            assert_eq!(shown(limit.get(&limits)), limit.default_shown(), "{limit}");
        }
    }

    #[test]
    fn names_flags_and_fields_agree() {
        let mut limits = Limits::default();
        for (i, &limit) in Limit::ALL.iter().enumerate() {
            limit.set(&mut limits, i as u64);
            assert_eq!(limit.get(&limits), i as u64);
            assert_eq!(
                limit.flag(),
                format!("limit-{}", limit.name().replace('_', "-"))
            );
            assert!(!limit.description().is_empty() && !limit.description().ends_with(' '));
        }
        assert_eq!(Limit::ALL.len(), 19);
    }

    #[test]
    fn robustness_doc_lists_every_limit_with_its_default_and_flag() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/robustness.md");
        let doc = std::fs::read_to_string(path).unwrap();
        for &limit in Limit::ALL {
            let row = format!(
                "| `{}` | {} | `--{}` |",
                limit.name(),
                limit.default_shown(),
                limit.flag()
            );
            assert!(doc.contains(&row), "docs/robustness.md lacks {row}");
        }
    }
}
