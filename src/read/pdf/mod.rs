//! PDF reader: lopdf loads and decrypts the file; our own interpreter turns each page's
//! content streams into positioned glyphs ([`layout::Page`]); the shared layout step turns
//! those into paragraphs.
//!
//! Hard cases and their outcomes: the empty user password is always tried, a real one comes
//! from [`ReadOptions::password`] and otherwise [`Error::Encrypted`]; damaged cross-reference
//! tables are rebuilt by lopdf's lenient loader; page trees, XObject nesting and operation
//! counts are bounded by [`Limits`](crate::options::Limits); pages with images and no text
//! give a `no_text_layer` warning, fonts whose text cannot be trusted and pages whose text
//! layer reads like a failed OCR `unreliable_text` (those pages are listed in
//! [`Extracted::unreliable_pages`], the OCR candidates).

use std::collections::HashSet;

use lopdf::{Dictionary, Document, LoadOptions, Object, ObjectId};

use crate::error::{Error, Limit, Result};
use crate::model::{Code, Diagnostic, Format, Meta};
use crate::options::ReadOptions;
use crate::read::geom::Matrix;
use crate::read::layout::{self, LayoutOptions, Page};
use crate::read::text_quality;
use crate::read::Extracted;

mod cmap;
mod font;
#[rustfmt::skip]
mod glyphs;
pub mod images;
pub(crate) mod interp;
mod lexer;
mod obj;
#[cfg(feature = "ocr")]
mod ocr;
mod quality;
#[cfg(feature = "ocr")]
mod render;
mod truetype;

/// Read a PDF file.
///
/// # Errors
/// [`Error::Encrypted`] when the file needs a password that was not given or did not open it,
/// [`Error::Malformed`] when lopdf cannot load it even after rebuilding the cross-reference
/// table, [`Error::LimitExceeded`] for too many objects or a stream over the size limit while
/// loading.
pub fn read(bytes: &[u8], opts: &ReadOptions) -> Result<Extracted> {
    let doc = load(bytes, opts)?;
    let mut out = Extracted::new(Format::Pdf);
    source_facts(&doc, &mut out);
    if let Some(how) = doc.xref_recovery {
        out.warnings.push(Diagnostic::new(
            Code::DamagedFile,
            format!("the cross-reference table is damaged and was repaired ({how:?}); some objects may be missing"),
        ));
    }
    let pages = page_list(&doc, opts.limits.pages, &mut out.warnings);
    out.source.pages = Some(pages.len() as u32);
    // Our interpreter avoids panicking operations, but it calls lopdf's stream filters on
    // hostile bytes; as with loading, a panic there becomes an error for this file only.
    let mut warnings = std::mem::take(&mut out.warnings);
    let extracted = crate::guard::catch(|| extract_pages(&doc, &pages, opts, &mut warnings))
        .map_err(|_| Error::malformed(Format::Pdf, "a content stream could not be decoded"))?;
    crate::memory::check()?;
    out.warnings = warnings;
    #[cfg_attr(not(feature = "ocr"), allow(unused_mut))]
    let (mut laid, fonts) = extracted;
    // Pages whose doubted text OCR replaced are not reported as unreliable.
    #[cfg(feature = "ocr")]
    let read_by_ocr = {
        let doubts = quality::judge(&fonts, &[], &mut Vec::new());
        let layer = ocr::TextLayer {
            bytes,
            fonts: &fonts,
            doubts: &doubts,
        };
        ocr::ocr_pages(&doc, &pages, &mut laid, &layer, opts, &mut out)?
    };
    #[cfg(not(feature = "ocr"))]
    let read_by_ocr: Vec<u32> = Vec::new();
    let doubted = quality::judge(&fonts, &read_by_ocr, &mut out.warnings).pages;
    let doubted: Vec<u32> = doubted
        .into_iter()
        .filter(|p| !read_by_ocr.contains(p))
        .collect();
    // Text drawn turned (upside down, up or down the page) is read in its own frame; a red
    // seal's ring text is dropped.
    let (laid, _seal_glyphs) = layout::upright(laid, fonts.styles.list());
    let layout = layout::paragraphs(&laid, fonts.styles.list(), &LayoutOptions::default());
    out.blocks = layout.blocks;
    out.warnings.extend(layout.warnings);
    let garbage = text_quality::failed_ocr_pages(&out.blocks, &doubted, &mut out.warnings);
    out.unreliable_pages = doubted.into_iter().chain(garbage).collect();
    out.unreliable_pages.sort_unstable();
    Ok(out)
}

/// The positioned glyphs of every page, before layout: what the content-stream interpreter
/// sees. Useful for debugging a wrong paragraph and for benchmarking the interpreter. The
/// glyphs' style ids index a style table this function does not return.
///
/// # Errors
/// As [`read`].
pub fn pages(bytes: &[u8], opts: &ReadOptions) -> Result<Vec<Page>> {
    let doc = load(bytes, opts)?;
    let mut warnings = Vec::new();
    let list = page_list(&doc, opts.limits.pages, &mut warnings);
    Ok(extract_pages(&doc, &list, opts, &mut warnings).0)
}

/// Load and decrypt. lopdf's loader is lenient and rebuilds broken xref tables; it is wrapped
/// in `catch_unwind` because a parser of this size can still hit an indexing bug on hostile
/// input, and one bad file must not take down a batch. Our own code below does not rely on it.
pub(crate) fn load(bytes: &[u8], opts: &ReadOptions) -> Result<Document> {
    let limit = usize::try_from(opts.limits.stream_bytes).unwrap_or(usize::MAX);
    let options = LoadOptions {
        password: opts.password.clone(),
        max_decompressed_size: Some(limit),
        ..LoadOptions::default()
    };
    let loaded = crate::guard::catch(|| Document::load_mem_with_options(bytes, options))
        .map_err(|_| Error::malformed(Format::Pdf, "the PDF parser gave up on this file"))?;
    let doc = match loaded {
        Ok(doc) => doc,
        Err(lopdf::Error::InvalidPassword) => {
            return Err(Error::Encrypted {
                format: Format::Pdf,
                password_given: opts.password.is_some(),
            })
        }
        Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. })) => {
            return Err(Error::limit(Limit::StreamBytes, opts.limits.stream_bytes))
        }
        Err(e) => return Err(Error::malformed(Format::Pdf, e.to_string())),
    };
    // lopdf leaves /Encrypt in the trailer when no password opened the file.
    if doc.is_encrypted() {
        return Err(Error::Encrypted {
            format: Format::Pdf,
            password_given: opts.password.is_some(),
        });
    }
    if doc.objects.len() as u64 > opts.limits.pdf_objects {
        return Err(Error::limit(Limit::PdfObjects, opts.limits.pdf_objects));
    }
    Ok(doc)
}

/// A page with the attributes it inherits.
#[derive(Debug, Clone)]
pub(crate) struct PageRef<'a> {
    dict: &'a Dictionary,
    resources: Option<&'a Dictionary>,
    media: [f32; 4],
    rotate: i64,
}

/// Walk the page tree iteratively, with a visited set: `/Kids` cycles and absurd depths in
/// hostile files end the walk instead of the stack.
pub(crate) fn page_list<'a>(
    doc: &'a Document,
    max_pages: u64,
    warnings: &mut Vec<Diagnostic>,
) -> Vec<PageRef<'a>> {
    let mut pages = Vec::new();
    let Some(root) = doc.catalog().ok().and_then(|c| c.get(b"Pages").ok()) else {
        warnings.push(Diagnostic::new(
            Code::DamagedFile,
            "the document has no page tree",
        ));
        return pages;
    };
    let default = PageRef {
        dict: root.as_dict().unwrap_or(&EMPTY),
        resources: None,
        media: [0.0, 0.0, 595.0, 842.0],
        rotate: 0,
    };
    let mut seen: HashSet<ObjectId> = HashSet::new();
    // Stack of (node, inherited attributes); children pushed in reverse keep page order.
    let mut stack: Vec<(&Object, PageRef)> = vec![(root, default)];
    let mut cycles = false;
    while let Some((node, inherited)) = stack.pop() {
        if let Object::Reference(id) = node {
            if !seen.insert(*id) {
                cycles = true;
                continue;
            }
        }
        let Some(dict) = obj::dict(doc, Some(node)) else {
            continue;
        };
        let mut here = inherited.clone();
        here.dict = dict;
        if let Some(r) = obj::dict(doc, dict.get(b"Resources").ok()) {
            here.resources = Some(r);
        }
        if let Some(m) = obj::rect(doc, dict.get(b"MediaBox").ok()) {
            here.media = m;
        }
        if let Some(c) = obj::rect(doc, dict.get(b"CropBox").ok()) {
            // The visible area is the crop box inside the media box.
            here.media = [
                c[0].max(here.media[0]),
                c[1].max(here.media[1]),
                c[2].min(here.media[2]),
                c[3].min(here.media[3]),
            ];
        }
        if let Some(r) = obj::number(doc, dict.get(b"Rotate").ok()) {
            here.rotate = (r as i64).rem_euclid(360);
        }
        let kids = obj::deref(doc, dict.get(b"Kids").ok()).and_then(|k| k.as_array().ok());
        let is_page = dict.get(b"Type").ok().and_then(|t| t.as_name().ok()) == Some(b"Page");
        match kids {
            Some(kids) if !is_page => {
                for k in kids.iter().rev() {
                    stack.push((k, here.clone()));
                }
            }
            _ => {
                if pages.len() as u64 >= max_pages {
                    warnings.push(Diagnostic::new(
                        Code::LimitReached,
                        format!("only the first {max_pages} pages were read (--limit-pages)"),
                    ));
                    break;
                }
                pages.push(here);
            }
        }
    }
    if cycles {
        warnings.push(Diagnostic::new(
            Code::DamagedFile,
            "the page tree refers to itself; repeated pages were skipped",
        ));
    }
    pages
}

static EMPTY: std::sync::LazyLock<Dictionary> = std::sync::LazyLock::new(Dictionary::new);

/// The matrix from user space to the page's visual space (y down, rotation applied), and the
/// visual width and height.
pub(crate) fn page_matrix(p: &PageRef) -> (Matrix, f32, f32) {
    let [llx, lly, urx, ury] = p.media;
    let (w, h) = (urx - llx, ury - lly);
    match p.rotate {
        90 => (Matrix([0.0, 1.0, 1.0, 0.0, -lly, -llx]), h, w),
        180 => (Matrix([-1.0, 0.0, 0.0, 1.0, urx, -lly]), w, h),
        270 => (Matrix([0.0, -1.0, -1.0, 0.0, ury, urx]), h, w),
        _ => (Matrix([1.0, 0.0, 0.0, -1.0, -llx, ury]), w, h),
    }
}

/// A page's content: its streams decoded and joined.
pub(crate) fn page_content(
    doc: &Document,
    page: &Dictionary,
    limit: usize,
    skipped: &mut u32,
) -> Vec<u8> {
    let mut out = Vec::new();
    let contents = obj::deref(doc, page.get(b"Contents").ok());
    let parts: Vec<&Object> = match contents {
        Some(Object::Array(a)) => a.iter().collect(),
        Some(o @ Object::Stream(_)) => vec![o],
        _ => Vec::new(),
    };
    for part in parts {
        let left = limit.saturating_sub(out.len());
        if let Some(Object::Stream(s)) = obj::deref(doc, Some(part)) {
            match s.get_plain_content_with_limit(left) {
                Ok(b) => {
                    out.extend_from_slice(&b);
                    out.push(b'\n');
                }
                Err(_) => *skipped += 1,
            }
        }
    }
    out
}

/// Most glyphs kept for one document (about 600 MB of glyph records). Every page is bounded by
/// `ops_per_page`; this bounds the document, whose pages all stay in memory until layout.
const MAX_GLYPHS: usize = 8_000_000;

fn extract_pages(
    doc: &Document,
    pages: &[PageRef],
    opts: &ReadOptions,
    warnings: &mut Vec<Diagnostic>,
) -> (Vec<Page>, interp::FontTable) {
    let mut fonts = interp::FontTable::default();
    let limit = usize::try_from(opts.limits.stream_bytes).unwrap_or(usize::MAX);
    let mut out = Vec::with_capacity(pages.len());
    let (mut image_only, mut ops_limited, mut forms_skipped, mut streams_skipped) =
        (Vec::new(), Vec::new(), 0u32, 0u32);
    let mut total_glyphs = 0usize;
    for (i, p) in pages.iter().enumerate() {
        let number = i as u32 + 1;
        if total_glyphs > MAX_GLYPHS {
            warnings.push(Diagnostic::new(
                Code::LimitReached,
                format!("reading stopped before page {number}: over {MAX_GLYPHS} glyphs"),
            ));
            break;
        }
        let (ctm, width, height) = page_matrix(p);
        let mut it = interp::Interp::new(doc, &mut fonts, number, &opts.limits);
        let content = page_content(doc, p.dict, limit, &mut it.out.streams_skipped);
        it.run(&content, p.resources, ctm, 0);
        let mut res = it.out;
        // Text drawn outside the visible page (crop box) is not what a person sees: producers
        // park hidden keywords and leftovers there.
        res.glyphs.retain(|g| {
            let s = g.size.abs().max(1.0);
            g.x < width + s && g.x + g.width.max(0.0) > -s && g.y > -s && g.y - s < height + s
        });
        if res.glyphs.is_empty() && res.images > 0 {
            image_only.push(number);
        }
        if res.ops_limited {
            ops_limited.push(number);
        }
        forms_skipped += res.forms_skipped;
        total_glyphs += res.glyphs.len();
        streams_skipped += res.streams_skipped;
        out.push(Page {
            number,
            width,
            height,
            glyphs: res.glyphs,
            furniture: Vec::new(),
        });
        opts.report_progress(out.len(), pages.len());
        // Over the document's memory budget: `read` turns this into the error.
        if crate::memory::check().is_err() {
            break;
        }
    }
    if !image_only.is_empty() {
        warnings.push(Diagnostic::new(
            Code::NoTextLayer,
            format!(
                "page(s) {} are images without a text layer (OCR is needed)",
                list(&image_only)
            ),
        ));
    }
    if !ops_limited.is_empty() {
        warnings.push(Diagnostic::new(
            Code::LimitReached,
            format!(
                "page(s) {} were cut short by --limit-ops-per-page",
                list(&ops_limited)
            ),
        ));
    }
    if forms_skipped > 0 {
        warnings.push(Diagnostic::new(
            Code::LimitReached,
            format!("{forms_skipped} form XObject(s) were skipped: nested too deep or drawing themselves"),
        ));
    }
    if streams_skipped > 0 {
        warnings.push(Diagnostic::new(
            Code::DamagedFile,
            format!("{streams_skipped} content stream(s) could not be decoded or were over --limit-stream-bytes"),
        ));
    }
    (out, fonts)
}

/// `1, 3-5, 9` from sorted page numbers.
pub(crate) fn list(pages: &[u32]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while let Some(&start) = pages.get(i) {
        let mut end = start;
        while pages.get(i + 1) == Some(&(end + 1)) {
            end += 1;
            i += 1;
        }
        parts.push(if end > start {
            format!("{start}-{end}")
        } else {
            start.to_string()
        });
        i += 1;
    }
    parts.join(", ")
}

fn source_facts(doc: &Document, out: &mut Extracted) {
    out.source.version = Some(doc.version.clone());
    let Some(info) = obj::dict(doc, doc.trailer.get(b"Info").ok()) else {
        return;
    };
    let text = |key: &[u8]| {
        obj::string(doc, info.get(key).ok())
            .map(|b| obj::text_string(&b).trim().trim_matches('\0').to_string())
            .filter(|s| !s.is_empty())
    };
    out.source.producer = text(b"Producer");
    out.source.creator = text(b"Creator");
    out.source.created = text(b"CreationDate").map(|d| iso_date(&d));
    out.source.modified = text(b"ModDate").map(|d| iso_date(&d));
    out.meta = Meta {
        title: text(b"Title").and_then(|t| real_title(&t)),
        author: text(b"Author").filter(|a| looks_real(a)),
        description: text(b"Subject").filter(|a| looks_real(a)),
        keywords: text(b"Keywords")
            .filter(|a| looks_real(a))
            .map(|k| {
                k.split([',', ';', '，', '；', '、', ' ', '\u{3000}'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default(),
        ..Meta::default()
    };
}

/// Placeholder metadata that tools write on their own.
fn looks_real(s: &str) -> bool {
    let lower = s.to_lowercase();
    !(lower.is_empty()
        || [
            "untitled",
            "无标题",
            "title",
            "author",
            "administrator",
            "user",
            "unknown",
            "pdf",
        ]
        .contains(&lower.as_str())
        || s.chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_punctuation() || c.is_whitespace())
        || s.contains('\u{FFFD}'))
}

/// A usable title: `Microsoft Word - 关于….doc` becomes `关于…`.
fn real_title(t: &str) -> Option<String> {
    let t = t.strip_prefix("Microsoft Word - ").unwrap_or(t);
    let lower = t.to_lowercase();
    let t = [".docx", ".doc", ".wps", ".pdf", ".txt", ".rtf"]
        .iter()
        .find(|e| lower.ends_with(*e))
        .map_or(t, |e| t.get(..t.len() - e.len()).unwrap_or(t))
        .trim();
    looks_real(t).then(|| t.to_string())
}

/// `D:20190213093000+08'00'` → `2019-02-13T09:30:00+08:00`; unparsable dates are kept as written.
fn iso_date(d: &str) -> String {
    let s = d.strip_prefix("D:").unwrap_or(d);
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() < 4 {
        return d.to_string();
    }
    let part = |a: usize, b: usize, def: &str| digits.get(a..b).unwrap_or(def).to_string();
    let (y, mo, da) = (part(0, 4, "0000"), part(4, 6, "01"), part(6, 8, "01"));
    if digits.len() <= 8 {
        return format!("{y}-{mo}-{da}");
    }
    let (h, mi, se) = (part(8, 10, "00"), part(10, 12, "00"), part(12, 14, "00"));
    let rest = s.get(digits.len()..).unwrap_or("");
    let tz = match rest.chars().next() {
        Some('Z') => "Z".to_string(),
        Some(sign @ ('+' | '-')) => {
            let tzd: String = rest.chars().filter(char::is_ascii_digit).collect();
            let th = tzd.get(0..2).unwrap_or("00");
            let tm = tzd.get(2..4).unwrap_or("00");
            format!("{sign}{th}:{tm}")
        }
        _ => String::new(),
    };
    format!("{y}-{mo}-{da}T{h}:{mi}:{se}{tz}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let cases = [
            ("D:20190213093000+08'00'", "2019-02-13T09:30:00+08:00"),
            ("D:20240101", "2024-01-01"),
            ("D:20240101120000Z", "2024-01-01T12:00:00Z"),
            ("D:2024", "2024-01-01"),
            ("yesterday", "yesterday"),
        ];
        for (input, want) in cases {
            assert_eq!(iso_date(input), want, "{input}");
        }
    }

    #[test]
    fn titles() {
        assert_eq!(
            real_title("Microsoft Word - 关于开展检查的通知.doc").as_deref(),
            Some("关于开展检查的通知")
        );
        assert_eq!(real_title("untitled"), None);
        assert_eq!(real_title("12345"), None);
        assert_eq!(
            real_title("关于印发方案的通知").as_deref(),
            Some("关于印发方案的通知")
        );
    }

    #[test]
    fn page_lists() {
        assert_eq!(list(&[1, 2, 3, 5, 7, 8]), "1-3, 5, 7-8");
        assert_eq!(list(&[]), "");
    }
}
