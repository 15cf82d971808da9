//! Readers: bytes in, raw blocks out.
//!
//! A reader knows one file format and nothing about notices. Every reader has the same
//! signature, `fn read(bytes: &[u8], opts: &ReadOptions) -> Result<Extracted>`, and returns the
//! same [`Block`](crate::model::Block) type, so every format reaches the same parser. [`read`] sniffs the format and
//! dispatches; [`sniff`] is public so callers can ask what a file is without reading it.

// Input reaches every line here: slicing goes through `.get()` (see docs/robustness.md).
#![cfg_attr(not(test), warn(clippy::indexing_slicing))]

use crate::error::{Error, Limit, Result};
use crate::model::Format;
use crate::options::ReadOptions;

pub(crate) mod charset;
pub(crate) mod doc;
pub(crate) mod docx;
pub(crate) mod geom;
mod gzip;
pub(crate) mod html;
pub mod image;
pub(crate) mod layout;
pub(crate) mod ofd;
pub(crate) mod ole;
pub(crate) mod pdf;
pub(crate) mod rtf;
pub(crate) mod sheet;
pub(crate) mod text;
pub(crate) mod text_quality;
pub(crate) mod xml;
pub(crate) mod zipped;

pub use crate::model::Extracted;

/// Read `bytes` in the format forced by `opts.format`, or in the sniffed one.
///
/// # Errors
/// [`Error::Empty`] for empty input (no bytes, or text or HTML without a visible character),
/// [`Error::LimitExceeded`] when the input is over
/// `opts.limits.input_bytes`, [`Error::UnknownFormat`] when the format cannot be told, and the
/// reader's own errors.
pub fn read(bytes: &[u8], opts: &ReadOptions) -> Result<Extracted> {
    if bytes.is_empty() {
        return Err(Error::Empty);
    }
    if bytes.len() as u64 > opts.limits.input_bytes {
        return Err(Error::limit(Limit::InputBytes, opts.limits.input_bytes));
    }
    let _budget = crate::memory::Scope::enter(opts.limits.memory)?;
    if gzip::is_gzip(bytes) {
        let (inflated, warning) = gzip::inflate(bytes, &opts.limits)?;
        if inflated.is_empty() {
            return Err(Error::Empty);
        }
        let mut extracted = read_plain(&inflated, opts, true)?;
        extracted.source.compression = Some("gzip".to_string());
        extracted.warnings.extend(warning);
        return Ok(extracted);
    }
    read_plain(bytes, opts, false)
}

/// Sniff (unless forced) and read uncompressed bytes. For inflated data the file name's
/// extension (`.html.gz` → `gz`) is of no help, so the name without `.gz` is used.
fn read_plain(bytes: &[u8], opts: &ReadOptions, inflated: bool) -> Result<Extracted> {
    let name = opts.file_name.as_deref();
    let name = if inflated {
        name.map(|n| {
            n.strip_suffix(".gz")
                .or_else(|| n.strip_suffix(".GZ"))
                .unwrap_or(n)
        })
    } else {
        name
    };
    let format = match opts.format {
        Some(f) => f,
        None => sniff(bytes, name)?,
    };
    read_as(format, bytes, opts)
}

/// Read `bytes` as `format`, without sniffing.
///
/// # Errors
/// The reader's errors, and [`Error::Empty`] for text or HTML without a visible character
/// (whitespace only, or markup around nothing). A PDF or OFD with pages but no text is not
/// empty: it reads with a `no_text_layer` warning.
pub fn read_as(format: Format, bytes: &[u8], opts: &ReadOptions) -> Result<Extracted> {
    let extracted = match format {
        Format::Html => html::read(bytes, opts),
        Format::Text => text::read(bytes, opts),
        Format::Pdf => pdf::read(bytes, opts),
        Format::Docx => docx::read(bytes, opts),
        Format::Ofd => ofd::read(bytes, opts),
        Format::Doc => doc::read(bytes, opts),
        Format::Xls => sheet::read_xls(bytes, opts),
        Format::Xlsx => sheet::read_xlsx(bytes, opts),
        Format::Rtf => rtf::read(bytes, opts),
        Format::Image => read_image(bytes, opts),
    }?;
    if matches!(format, Format::Html | Format::Text) && !has_visible_text(&extracted) {
        return Err(Error::Empty);
    }
    Ok(extracted)
}

/// Whether any block or note shows a character other than whitespace (zero-width ones count
/// as whitespace: a page of `&nbsp;` and `&#8203;` shows nothing).
fn has_visible_text(extracted: &Extracted) -> bool {
    let visible = |text: &str| {
        text.chars().any(|c| {
            !(c.is_whitespace() || matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}'))
        })
    };
    let cell_text = |b: &crate::model::Block| {
        b.table
            .as_ref()
            .is_some_and(|t| t.rows.iter().flatten().any(|c| visible(&c.text)))
    };
    extracted
        .blocks
        .iter()
        .any(|b| visible(&b.text) || cell_text(b))
        || extracted.notes.iter().any(|n| visible(&n.text))
}

/// Tell the format of `bytes` from its content, with the file name as a hint.
///
/// Content wins over the extension: a PDF saved as `.html` is read as PDF. Zip containers are
/// told apart by their entries (`word/document.xml` → DOCX, `OFD.xml` → OFD,
/// `xl/workbook.xml` → XLSX), OLE compound files by their streams (`Workbook`/`Book` → XLS,
/// whatever the extension: `.xls`, WPS `.et`).
///
/// # Errors
/// [`Error::UnsupportedFormat`] for recognised formats gongwen does not read (Microsoft Works,
/// Word 6/95, images …), [`Error::UnknownFormat`] otherwise.
pub fn sniff(bytes: &[u8], file_name: Option<&str>) -> Result<Format> {
    let ext = file_name
        .and_then(|n| n.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()))
        .unwrap_or_default();
    let head = bytes.get(..1024).unwrap_or(bytes);
    if find(head, b"%PDF-").is_some() {
        return Ok(Format::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return sniff_zip(bytes, &ext);
    }
    if bytes.starts_with(ole::MAGIC) {
        return sniff_ole(bytes, &ext);
    }
    if bytes.starts_with(&[0xDB, 0xA5]) || bytes.starts_with(&[0x9B, 0xA5]) {
        return Err(Error::UnsupportedFormat {
            format: "Word for Windows 1/2 (.doc)".to_string(),
            suggestion: "open and save it as .docx in Word or LibreOffice".to_string(),
        });
    }
    if cfg!(feature = "ocr") && is_page_image(bytes) {
        return Ok(Format::Image);
    }
    if let Some(err) = other_known_format(bytes) {
        return Err(err);
    }
    if rtf::is_rtf(bytes) {
        return Ok(Format::Rtf);
    }
    if matches!(
        ext.as_str(),
        "pdf" | "docx" | "docm" | "dotx" | "dotm" | "ofd" | "xls" | "xlsx" | "xlsm" | "et" | "rtf"
    ) {
        // A binary format's name on text content is usually a saved error page or a broken
        // download: converting it as a notice would be wrong, so say so instead.
        let kind = if looks_like_html(head) {
            "HTML"
        } else {
            "text or unknown data"
        };
        return Err(Error::UnknownFormat {
            hint: Some(format!("named .{ext} but the content is {kind}")),
        });
    }
    if looks_like_html(head) {
        return Ok(Format::Html);
    }
    if looks_like_text(head) {
        return Ok(match ext.as_str() {
            "html" | "htm" | "shtml" | "xhtml" => Format::Html,
            _ => Format::Text,
        });
    }
    Err(Error::UnknownFormat {
        hint: Some(describe_magic(head, &ext)),
    })
}

/// An image file the decoders read (PNG, JPEG, TIFF, BMP, WebP); a `BM` start counts only
/// with a consistent header, as in [`other_known_format`].
fn is_page_image(bytes: &[u8]) -> bool {
    match image::sniff(bytes) {
        Some(image::Codec::Bmp) => other_known_format(bytes).is_some(),
        Some(_) => true,
        None => false,
    }
}

/// Image files: decoded and read by OCR (feature `ocr`, `--ocr` not `never`); otherwise the
/// error that says how to get text out of a picture.
fn read_image(bytes: &[u8], opts: &ReadOptions) -> Result<Extracted> {
    let refused = || {
        other_known_format(bytes).unwrap_or_else(|| Error::UnsupportedFormat {
            format: "an image".to_string(),
            suggestion: "run OCR first".to_string(),
        })
    };
    if opts.ocr.mode == crate::options::OcrMode::Never {
        return Err(refused());
    }
    #[cfg(feature = "ocr")]
    {
        crate::ocr::read_images(image::decode(bytes, &opts.limits)?, opts)
    }
    #[cfg(not(feature = "ocr"))]
    {
        Err(refused())
    }
}

/// Formats people feed a notice converter by mistake, each with what to do instead: images
/// (scans need OCR, gongwen reads text layers) and compressed files (crawls store `.html.gz`).
fn other_known_format(bytes: &[u8]) -> Option<Error> {
    const IMAGES: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "PNG"),
        (b"\xff\xd8\xff", "JPEG"),
        (b"GIF87a", "GIF"),
        (b"GIF89a", "GIF"),
        (b"II*\0", "TIFF"),
        (b"MM\0*", "TIFF"),
        (b"BM", "BMP"),
    ];
    let image = IMAGES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, name)| *name)
        .or_else(|| {
            (bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP")).then_some("WebP")
        });
    if let Some(name) = image {
        // `BM` alone is too weak: a text file may start with it. A BMP header says its size.
        let declared_size = bytes
            .get(2..6)
            .and_then(|b| <[u8; 4]>::try_from(b).ok())
            .map(|b| u32::from_le_bytes(b) as usize);
        let weak = name == "BMP" && declared_size != Some(bytes.len());
        if !weak {
            return Some(Error::UnsupportedFormat {
                format: format!("an image ({name})"),
                suggestion: "gongwen reads text, not pictures: run OCR first, e.g. \
                             `tesseract FILE out -l chi_sim`, and convert out.txt"
                    .to_string(),
            });
        }
    }
    let compressed = if bytes.starts_with(&[0x1f, 0x8b]) {
        Some(("gzip", "gzip -dc FILE | gongwen convert -"))
    } else if bytes.starts_with(b"BZh") && bytes.get(4..10) == Some(b"\x31\x41\x59\x26\x53\x59") {
        Some(("bzip2", "bzip2 -dc FILE | gongwen convert -"))
    } else if bytes.starts_with(&[0xfd, b'7', b'z', b'X', b'Z', 0]) {
        Some(("xz", "xz -dc FILE | gongwen convert -"))
    } else if bytes.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        Some(("zstd", "zstd -dc FILE | gongwen convert -"))
    } else if bytes.starts_with(b"7z\xbc\xaf\x27\x1c") {
        Some(("7-Zip", "7z x FILE, then convert what it holds"))
    } else if bytes.starts_with(b"Rar!\x1a\x07") {
        Some(("RAR", "unrar x FILE, then convert what it holds"))
    } else {
        None
    };
    compressed.map(|(kind, how)| Error::UnsupportedFormat {
        format: format!("{kind}-compressed data"),
        suggestion: format!("decompress it first: `{how}`"),
    })
}

/// Compound (OLE) files, told apart by their streams: `WordDocument` → `.doc` (also Kingsoft
/// `.wps`), whatever the name. A container too damaged to list its streams still goes to the
/// Word reader when it names a `WordDocument` stream or is called `.doc`/`.wps`, so the error
/// says what is wrong with it.
fn sniff_ole(bytes: &[u8], ext: &str) -> Result<Format> {
    match ole::classify(bytes, Format::Doc, &crate::options::Limits::default()) {
        Ok(ole::OleKind::Word { .. }) => Ok(Format::Doc),
        Ok(ole::OleKind::Spreadsheet { .. }) => Ok(Format::Xls),
        // A compound file named as a workbook but holding none: the spreadsheet reader says so.
        Ok(ole::OleKind::Other) if matches!(ext, "xls" | "xlt" | "et" | "ett") => Ok(Format::Xls),
        Ok(kind) => Err(ole::unsupported(kind)),
        // A container too damaged to list still names its streams in its directory.
        Err(_) if find(bytes, &utf16le("EncryptedPackage")).is_some() => {
            Err(ole::unsupported(ole::OleKind::EncryptedOoxml))
        }
        // A damaged workbook goes to the spreadsheet reader for a precise error.
        Err(_) if sheet::is_workbook(bytes) || matches!(ext, "xls" | "xlt" | "et" | "ett") => {
            Ok(Format::Xls)
        }
        Err(e) => {
            let wordish = matches!(ext, "doc" | "dot" | "wps")
                || find(bytes, &utf16le("WordDocument")).is_some();
            if wordish {
                Ok(Format::Doc)
            } else {
                Err(e)
            }
        }
    }
}

fn sniff_zip(bytes: &[u8], ext: &str) -> Result<Format> {
    // Entry names sit in the central directory; scanning for them is cheaper than opening the
    // archive and works on truncated files, where the reader will then give a precise error.
    if find(bytes, b"word/document.xml").is_some() {
        return Ok(Format::Docx);
    }
    if find(bytes, b"OFD.xml").is_some() {
        return Ok(Format::Ofd);
    }
    if find(bytes, b"xl/workbook.xml").is_some() {
        return Ok(Format::Xlsx);
    }
    match ext {
        "docx" | "docm" | "dotx" | "dotm" => Ok(Format::Docx),
        "ofd" => Ok(Format::Ofd),
        "xlsx" | "xlsm" => Ok(Format::Xlsx),
        _ => Err(zip_kind(bytes).map_or_else(
            || Error::UnknownFormat {
                hint: Some("a zip archive that is neither DOCX nor OFD".to_string()),
            },
            |(format, suggestion)| Error::UnsupportedFormat {
                format: format.to_string(),
                suggestion: suggestion.to_string(),
            },
        )),
    }
}

/// Other office packages, told by an entry name, with what to do instead.
fn zip_kind(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    let office = "export the text as .docx (or PDF), or convert with \
                  `soffice --headless --convert-to docx FILE` if it is a document";
    if find(bytes, b"ppt/presentation.xml").is_some() {
        Some(("a PowerPoint deck (.pptx)", office))
    } else if find(bytes, b"content.xml").is_some()
        && find(bytes, b"mimetypeapplication/vnd.oasis").is_some()
    {
        Some((
            "an OpenDocument file (.odt/.ods)",
            "save it as .docx, e.g. `soffice --headless --convert-to docx FILE`",
        ))
    } else {
        None
    }
}

fn looks_like_html(head: &[u8]) -> bool {
    let lower: Vec<u8> = head.iter().take(512).map(u8::to_ascii_lowercase).collect();
    [
        &b"<!doctype html"[..],
        b"<html",
        b"<head",
        b"<body",
        b"<meta",
        b"<div",
        b"<table",
        b"<p>",
        b"<p ",
    ]
    .iter()
    .any(|tag| find(&lower, tag).is_some())
}

/// True when the head has no NUL bytes outside a UTF-16 BOM'd text and few control bytes.
fn looks_like_text(head: &[u8]) -> bool {
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C | 0x1B))
        .count();
    !head.contains(&0) && controls * 100 <= head.len()
}

fn describe_magic(head: &[u8], ext: &str) -> String {
    let hex: Vec<String> = head.iter().take(8).map(|b| format!("{b:02x}")).collect();
    if ext.is_empty() {
        format!("starts with {}", hex.join(" "))
    } else {
        format!("starts with {}, extension .{ext}", hex.join(" "))
    }
}

fn utf16le(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

/// Position of `needle` in `haystack`.
pub(crate) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sniffed(bytes: &[u8], name: Option<&str>) -> Option<Format> {
        sniff(bytes, name).ok()
    }

    #[test]
    fn sniffs_by_content_before_extension() {
        assert_eq!(sniffed(b"%PDF-1.7\n", Some("a.html")), Some(Format::Pdf));
        assert_eq!(
            sniffed(b"<!DOCTYPE html><html>", Some("a.txt")),
            Some(Format::Html)
        );
        assert_eq!(
            sniffed("根据省委统一部署".as_bytes(), None),
            Some(Format::Text)
        );
        assert_eq!(
            sniffed("根据".as_bytes(), Some("x.htm")),
            Some(Format::Html)
        );
    }

    #[test]
    fn a_damaged_ole_named_doc_goes_to_the_word_reader() {
        assert_eq!(sniffed(ole::MAGIC, Some("a.doc")), Some(Format::Doc));
        let err = sniff(ole::MAGIC, Some("a.bin")).unwrap_err();
        assert_eq!(err.code(), "malformed");
    }

    #[test]
    fn a_binary_name_on_text_content_is_refused() {
        let err = sniff(
            b"<html><body>404 Not Found</body></html>",
            Some("notice.pdf"),
        )
        .unwrap_err();
        assert_eq!(err.code(), "unknown_format");
        assert!(
            err.to_string()
                .contains("named .pdf but the content is HTML"),
            "{err}"
        );
    }

    #[test]
    fn page_images_sniff_as_images_for_ocr_and_say_what_to_do_without_it() {
        let png: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        if cfg!(feature = "ocr") {
            assert_eq!(sniff(png, None).unwrap(), Format::Image);
            assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 ", None).unwrap(), Format::Image);
        }
        let mut opts = ReadOptions::default();
        opts.ocr.mode = crate::options::OcrMode::Never;
        let err = read_as(Format::Image, png, &opts).unwrap_err();
        assert_eq!(err.code(), "unsupported_format");
        assert!(err.to_string().contains("tesseract"), "{err}");
        // GIF has no decoder: still refused at sniffing.
        assert_eq!(
            sniff(b"GIF89a\x01\0", None).unwrap_err().code(),
            "unsupported_format"
        );
    }

    #[test]
    fn images_and_compressed_files_say_what_to_do() {
        let cases: &[(&[u8], &str, &str)] = &[
            (
                b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
                "an image (PNG)",
                "tesseract",
            ),
            (
                b"\xff\xd8\xff\xe0\0\x10JFIF",
                "an image (JPEG)",
                "tesseract",
            ),
            (b"GIF89a\x01\0", "an image (GIF)", "OCR"),
            (b"II*\0\x08\0\0\0", "an image (TIFF)", "OCR"),
            (b"BM\x0a\0\0\0\0\0\0\0", "an image (BMP)", "OCR"),
            (b"RIFF\0\0\0\0WEBPVP8 ", "an image (WebP)", "OCR"),
            (
                &[0x1f, 0x8b, 8, 0, 0, 0],
                "gzip-compressed data",
                "gzip -dc",
            ),
            (b"BZh91AY&SY\0", "bzip2-compressed data", "bzip2 -dc"),
            (
                &[0xfd, b'7', b'z', b'X', b'Z', 0, 0],
                "xz-compressed data",
                "xz -dc",
            ),
            (
                &[0x28, 0xb5, 0x2f, 0xfd, 0],
                "zstd-compressed data",
                "zstd -dc",
            ),
            (b"7z\xbc\xaf\x27\x1c\0\x04", "7-Zip-compressed data", "7z x"),
            (b"Rar!\x1a\x07\x01\0", "RAR-compressed data", "unrar"),
            (
                b"PK\x03\x04....ppt/presentation.xml",
                "a PowerPoint deck (.pptx)",
                "soffice",
            ),
        ];
        for (bytes, format, hint) in cases {
            // With OCR, page images sniff as images; the refusal is what `--ocr never` says.
            let err = if cfg!(feature = "ocr") && is_page_image(bytes) {
                other_known_format(bytes).unwrap()
            } else {
                sniff(bytes, None).unwrap_err()
            };
            assert_eq!(err.code(), "unsupported_format", "{format}");
            let msg = err.to_string();
            assert!(msg.contains(format) && msg.contains(hint), "{msg}");
        }
        // `BM` as the start of text is text, not a bitmap: its size field does not match.
        assert_eq!(
            sniff("BM公司关于巡察整改情况的通报".as_bytes(), None).ok(),
            Some(Format::Text)
        );
    }

    #[test]
    fn text_or_html_without_visible_text_is_empty() {
        let opts = ReadOptions::default();
        for blank in [
            &b" \n\t\r\n"[..],
            "\u{3000}\u{3000}\n\u{200B}".as_bytes(),
            b"<html><body><p>&nbsp;</p><img src=a.png></body></html>",
            b"<!DOCTYPE html><html><head><title>x</title></head><body></body></html>",
        ] {
            let err = read(blank, &opts).unwrap_err();
            assert_eq!(err.code(), "empty", "{}", String::from_utf8_lossy(blank));
        }
        assert!(read(
            b"<html><body><p>\xe9\x80\x9a\xe6\x8a\xa5</p></body></html>",
            &opts
        )
        .is_ok());
        assert!(read("  通报  ".as_bytes(), &opts).is_ok());
    }

    #[test]
    fn binary_garbage_is_unknown() {
        let err = sniff(&[0u8, 1, 2, 3, 0, 0, 0xff], None).unwrap_err();
        assert_eq!(err.code(), "unknown_format");
    }
}
