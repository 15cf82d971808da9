//! OFD reader (GB/T 33190-2016, 版式文档).
//!
//! An OFD file is a zip of XML parts: `OFD.xml` names one or more documents (`DocBody`, with
//! `DocInfo` metadata and the `DocRoot` path); each `Document.xml` lists its pages and shared
//! resources (`CommonData`: page area, fonts in `PublicRes`/`DocumentRes`, template pages); each
//! page's `Content.xml` holds layers of graphic objects, of which `TextObject`s carry Unicode text
//! with explicit glyph positions (millimetres, y down).
//!
//! The reader turns text objects into [`layout::Glyph`]s per page, each pointing into one style
//! table (font name, bold from `Weight` ≥ 700 or the font's `Bold`, red from `FillColor`), and
//! hands them to the layout step shared with the PDF reader ([`layout::paragraphs`]), which
//! builds lines and paragraphs, gives each its majority style as hints and drops page furniture. Text of template pages shared by several pages (running headers), or
//! sitting only in the top and bottom margins (page numbers), is passed as known furniture; any
//! other template used by one page only (invoices and forms put their labels there) is body text.
//!
//! Signatures are reported in `source.signatures`; annotations and attachments are not read.
//! Pages whose text reads like a failed OCR get `unreliable_text` and are listed in
//! `unreliable_pages` ([`text_quality`]).
//!
//! # Errors
//! Not a zip, no `OFD.xml`, no `DocBody`/`DocRoot`, a `DocRoot` pointing nowhere, or an
//! `OFD.xml`/`Document.xml` that is not well-formed: [`Error::Malformed`]. Zip bombs and XML
//! nesting: [`Error::LimitExceeded`]. A damaged page or resource is a warning.

mod content;
mod package;
mod sign;

use std::collections::{HashMap, HashSet};

use crate::error::{Error, Result};
use crate::model::{Block, Code, Diagnostic, Format, MetaField};
use crate::options::ReadOptions;
use crate::read::layout::{self, Glyph, LayoutOptions, Page, Styles};
use crate::read::text_quality;
use crate::read::xml;
use crate::read::Extracted;

use content::Ctx;
use package::{Package, PageRef};
use xml::Node;

/// Warnings collected while reading.
type Warn = Vec<Diagnostic>;

/// Page size used when neither the page nor the document gives one (A4, mm).
const A4: [f32; 4] = [0.0, 0.0, 210.0, 297.0];
/// Most furniture glyphs kept per page.
const MAX_FURNITURE: usize = 4096;
/// Most `CustomData` entries copied into `meta.extra`.
const MAX_CUSTOM_DATA: usize = 256;

/// Read an OFD file.
///
/// # Errors
/// See the [module documentation](self).
pub fn read(bytes: &[u8], opts: &ReadOptions) -> Result<Extracted> {
    let mut pkg = Package::open(bytes, &opts.limits)?;
    let mut warn: Warn = Vec::new();
    let Some(ofd_path) = pkg.resolve_from("", "OFD.xml") else {
        return Err(Error::malformed(
            Format::Ofd,
            "no OFD.xml entry: the zip is not an OFD package",
        ));
    };
    let ofd = pkg.xml_required(&ofd_path, "the package root OFD.xml")?;
    if ofd.name != "OFD" {
        return Err(Error::malformed(
            Format::Ofd,
            format!("OFD.xml has root element <{}>, not <OFD>", ofd.name),
        ));
    }
    let bodies: Vec<&Node> = ofd.children_named("DocBody").collect();
    let Some(body) = bodies.first() else {
        return Err(Error::malformed(Format::Ofd, "OFD.xml has no DocBody"));
    };
    if bodies.len() > 1 {
        warn.push(Diagnostic::new(
            Code::MultipleDocuments,
            format!(
                "the package holds {} documents; only the first was read",
                bodies.len()
            ),
        ));
    }
    let mut ex = Extracted::new(Format::Ofd);
    ex.source.version = ofd.attr("Version").map(str::trim).map(str::to_string);
    if let Some(info) = body.child("DocInfo") {
        doc_info(info, &mut ex);
    }
    let Some(root_loc) = body.child_text("DocRoot") else {
        return Err(Error::malformed(Format::Ofd, "the DocBody has no DocRoot"));
    };
    let Some(doc_path) = pkg.resolve_from("", &root_loc) else {
        return Err(Error::malformed(
            Format::Ofd,
            format!("DocRoot {root_loc} points to no file in the package"),
        ));
    };
    let doc = pkg.xml_required(&doc_path, "the document root (DocRoot)")?;
    let mut info = package::document(&mut pkg, &doc, &doc_path, &mut warn)?;

    if let Some(loc) = body.child_text("Signatures") {
        match pkg.resolve_from("", &loc) {
            Some(path) => ex.source.signatures = sign::read(&mut pkg, &path, &mut warn)?,
            None => warn.push(Diagnostic::new(
                Code::DamagedFile,
                format!("signature list {loc} is missing; signatures not reported"),
            )),
        }
    }

    let mut styles = Styles::default();
    let report = |done, total| opts.report_progress(done, total);
    let pages = read_pages(&mut pkg, &mut info, &mut styles, &mut warn, &report)?;
    // The declared page count, even when the page limit stopped the reading early.
    ex.source.pages = Some(info.pages.len().min(u32::MAX as usize) as u32);
    if pages.is_empty() {
        warn.push(Diagnostic::new(
            Code::DamagedFile,
            format!("{doc_path} declares no pages"),
        ));
    } else if pages.iter().all(|p| p.glyphs.is_empty()) {
        warn.push(Diagnostic::new(
            Code::NoTextLayer,
            "no page has text (scanned images?)",
        ));
    }
    let mut laid = layout::paragraphs(&pages, styles.list(), &LayoutOptions::default());
    sizes_in_points(&mut laid.blocks);
    ex.blocks = laid.blocks;
    ex.warnings = warn;
    ex.warnings.extend(laid.warnings);
    ex.unreliable_pages = text_quality::failed_ocr_pages(&ex.blocks, &[], &mut ex.warnings);
    Ok(ex)
}

/// Millimetres to points.
const PT_PER_MM: f32 = 72.0 / 25.4;

/// The layout works in page units (mm here); the model's font size is in points, rounded to
/// half points (a 16 pt body set as 5.64 mm reads 16, not 15.99).
fn sizes_in_points(blocks: &mut [Block]) {
    for b in blocks {
        if let Some(mm) = b.hints.font_size {
            b.hints.font_size = Some((mm * PT_PER_MM * 2.0).round() / 2.0);
        }
    }
}

/// Read every declared page (up to the page limit) into layout pages.
fn read_pages(
    pkg: &mut Package<'_>,
    info: &mut package::DocumentInfo,
    styles: &mut Styles,
    warn: &mut Warn,
    report: &dyn Fn(usize, usize),
) -> Result<Vec<Page>> {
    let max_pages = pkg.limits().pages;
    let max_ops = pkg.limits().ops_per_page;
    if info.pages.len() as u64 > max_pages {
        warn.push(Diagnostic::new(
            Code::LimitReached,
            format!(
                "{} pages declared; only the first {max_pages} read",
                info.pages.len()
            ),
        ));
    }
    // Parse every page first: whether a template is furniture depends on how many pages use it.
    let mut nodes: Vec<Option<Node>> = Vec::new();
    for (i, page) in info.pages.iter().take(max_pages as usize).enumerate() {
        nodes.push(page_node(pkg, page, i + 1, warn)?);
    }
    // Page-level resources (`PageRes`): resource IDs are unique in a document, so their fonts
    // and composite units join the document's tables.
    let mut page_res: Vec<String> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for (page, node) in info.pages.iter().zip(&nodes) {
        let (Some(path), Some(node)) = (&page.path, node) else {
            continue;
        };
        let dir = package::parent_dir(path);
        for res in node.children_named("PageRes") {
            if let Some(p) = pkg.resolve_from(&dir, res.text.trim()) {
                if seen.insert(p.clone()) {
                    page_res.push(p);
                }
            }
        }
    }
    for path in page_res {
        package::read_resources(pkg, &path, info, warn)?;
    }
    let mut uses: HashMap<String, usize> = HashMap::new();
    for node in nodes.iter().flatten() {
        for id in template_ids(node).into_iter().map(|(id, _)| id) {
            *uses.entry(id).or_default() += 1;
        }
    }
    // Template glyphs by ID, with whether they are furniture (decided once per template).
    let mut cache: HashMap<String, (Vec<Glyph>, bool)> = HashMap::new();
    let mut pages = Vec::with_capacity(nodes.len());
    for (i, node) in nodes.iter().enumerate() {
        let number = i as u32 + 1;
        let area = node
            .as_ref()
            .and_then(|n| n.child("Area"))
            .and_then(|a| a.child("PhysicalBox"))
            .and_then(|b| package::parse_box(&b.text))
            .or(info.page_box)
            .unwrap_or(A4);
        let mut page = Page {
            number,
            width: area[2],
            height: area[3],
            ..Page::default()
        };
        let Some(node) = node else {
            pages.push(page);
            continue;
        };
        let mut ctx = Ctx::new(
            &info.fonts,
            &info.composites,
            styles,
            warn,
            max_ops,
            format!("page {number}"),
        );
        let own = content::glyphs(node, &mut ctx);
        let (mut before, mut after) = (Vec::new(), Vec::new());
        for (id, foreground) in template_ids(node) {
            if !cache.contains_key(&id) {
                let g = template_glyphs(pkg, info, &id, styles, warn, max_ops)?;
                let furniture =
                    uses.get(&id).copied().unwrap_or(0) > 1 || in_margins(&g, page.height);
                cache.insert(id.clone(), (g, furniture));
            }
            let Some((glyphs, furniture)) = cache.get(&id) else {
                continue;
            };
            if *furniture {
                // A shared template is copied onto every page; headers and page numbers are
                // short, and the cap keeps a huge template on many pages from multiplying.
                let room = MAX_FURNITURE.saturating_sub(page.furniture.len());
                page.furniture.extend(glyphs.iter().take(room).cloned());
            } else if foreground {
                after.extend(glyphs.iter().cloned());
            } else {
                before.extend(glyphs.iter().cloned());
            }
        }
        page.glyphs = before;
        page.glyphs.extend(own);
        page.glyphs.extend(after);
        pages.push(page);
        report(pages.len(), nodes.len());
    }
    Ok(pages)
}

fn page_node(
    pkg: &mut Package<'_>,
    page: &PageRef,
    number: usize,
    warn: &mut Warn,
) -> Result<Option<Node>> {
    match &page.path {
        Some(path) => pkg.xml_part(path, warn),
        None => {
            warn.push(Diagnostic::new(
                Code::DamagedFile,
                format!(
                    "page {number}: content {:?} is not in the package; page left empty",
                    page.loc
                ),
            ));
            Ok(None)
        }
    }
}

/// Share of the page height at the top and at the bottom that is margin, not text area (GB/T
/// 9704 puts the text area 37 mm below the top of a 297 mm page and page numbers below it).
const MARGIN_BAND: f32 = 0.12;

/// True when every glyph sits in the top or bottom margin band: a template used by one page
/// that only holds a header or a page number is furniture, while one holding a form's labels is
/// not.
fn in_margins(glyphs: &[Glyph], height: f32) -> bool {
    let (top, bottom) = (height * MARGIN_BAND, height * (1.0 - MARGIN_BAND));
    !glyphs.is_empty() && glyphs.iter().all(|g| g.y < top || g.y - g.size > bottom)
}

/// The templates a page uses, in order, with whether each is drawn in front of the page.
fn template_ids(page: &Node) -> Vec<(String, bool)> {
    page.children_named("Template")
        .filter_map(|t| {
            let id = t.attr("TemplateID")?.trim().to_string();
            let front = t.attr("ZOrder").is_some_and(|z| z.trim() == "Foreground");
            Some((id, front))
        })
        .collect()
}

fn template_glyphs(
    pkg: &mut Package<'_>,
    info: &package::DocumentInfo,
    id: &str,
    styles: &mut Styles,
    warn: &mut Warn,
    max_ops: u64,
) -> Result<Vec<Glyph>> {
    let Some(path) = info.templates.get(id) else {
        warn.push(Diagnostic::new(
            Code::DamagedFile,
            format!("template page {id} is referenced but not declared; skipped"),
        ));
        return Ok(Vec::new());
    };
    let Some(node) = pkg.xml_part(path, warn)? else {
        return Ok(Vec::new());
    };
    let mut ctx = Ctx::new(
        &info.fonts,
        &info.composites,
        styles,
        warn,
        max_ops,
        format!("template page {id}"),
    );
    Ok(content::glyphs(&node, &mut ctx))
}

/// `DocInfo` → `meta` and `source`.
fn doc_info(info: &Node, ex: &mut Extracted) {
    let meta = &mut ex.meta;
    meta.title = info.child_text("Title");
    meta.author = info.child_text("Author");
    meta.description = info.child_text("Abstract");
    if let Some(subject) = info.child_text("Subject") {
        meta.extra.push(MetaField {
            key: "Subject".to_string(),
            value: subject,
        });
    }
    if let Some(k) = info.child("Keywords") {
        let mut words: Vec<String> = k
            .children_named("Keyword")
            .map(|w| w.text.trim().to_string())
            .collect();
        // Some producers write the keywords as one string instead of <Keyword> children.
        words.extend(
            k.text
                .split(|c: char| c.is_whitespace() || ",，;；、".contains(c))
                .map(str::to_string),
        );
        meta.keywords = words.into_iter().filter(|w| !w.is_empty()).collect();
    }
    if let Some(custom) = info.child("CustomDatas") {
        for d in custom.children_named("CustomData").take(MAX_CUSTOM_DATA) {
            let (Some(key), value) = (d.attr("Name"), d.text.trim()) else {
                continue;
            };
            if !key.trim().is_empty() && !value.is_empty() {
                meta.extra.push(MetaField {
                    key: key.trim().to_string(),
                    value: value.to_string(),
                });
            }
        }
    }
    let src = &mut ex.source;
    let date = |name: &str| info.child_text(name).map(|d| iso_datetime(&d).unwrap_or(d));
    src.created = date("CreationDate");
    src.modified = date("ModDate");
    src.producer =
        info.child_text("Creator")
            .map(|creator| match info.child_text("CreatorVersion") {
                Some(v) if !creator.contains(&v) => format!("{creator} {v}"),
                _ => creator,
            });
}

/// An OFD date or timestamp as ISO 8601: `2020-01-25`, `2020-01-25 15:31:56`,
/// `2020-01-25T15:31:56`, `2020/1/5`, and ASN.1 GeneralizedTime `20220903054127Z` or
/// `20200723130907.763Z` (what seal software writes; fractions are dropped). `None` when it is none of these.
pub(super) fn iso_datetime(s: &str) -> Option<String> {
    let s = s.trim();
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    let after_digits = s.get(digits.len()..).unwrap_or_default();
    let generalized = digits.len() >= 8
        && (after_digits.is_empty() || after_digits.starts_with(['Z', '.', '+', '-']));
    let (y, mo, d, rest) = if generalized {
        // GeneralizedTime: YYYYMMDD[HHMMSS]Z.
        let n = |a: usize, b: usize| digits.get(a..b).and_then(|v| v.parse::<u32>().ok());
        let time = match (n(8, 10), n(10, 12), n(12, 14)) {
            (Some(h), Some(mi), Some(se)) => format!("{h:02}:{mi:02}:{se:02}"),
            _ => String::new(),
        };
        (n(0, 4)?, n(4, 6)?, n(6, 8)?, time)
    } else {
        let mut parts = s.splitn(3, ['-', '/', '.']);
        let y = parts.next()?.trim().parse::<u32>().ok()?;
        let mo = parts.next()?.trim().parse::<u32>().ok()?;
        let tail = parts.next()?;
        let day: String = tail.chars().take_while(char::is_ascii_digit).collect();
        let d = day.parse::<u32>().ok()?;
        let after = tail.get(day.len()..).unwrap_or_default();
        let time: String = after
            .trim_start_matches(['T', ' '])
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == ':')
            .collect();
        let time = if time.len() >= 5 && time.contains(':') {
            time
        } else {
            String::new()
        };
        (y, mo, d, time)
    };
    if !(1900..=2200).contains(&y) || !(1..=12).contains(&mo) || !(1..=31).contains(&d) {
        return None;
    }
    let date = format!("{y:04}-{mo:02}-{d:02}");
    Some(if rest.is_empty() {
        date
    } else {
        format!("{date}T{rest}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let cases: &[(&str, Option<&str>)] = &[
            ("2020-01-25", Some("2020-01-25")),
            ("2020-1-5", Some("2020-01-05")),
            ("2020/01/25", Some("2020-01-25")),
            ("2020-01-25 15:31:56", Some("2020-01-25T15:31:56")),
            ("2020-01-25T15:31:56", Some("2020-01-25T15:31:56")),
            ("20220903054127Z", Some("2022-09-03T05:41:27")),
            ("20220903", Some("2022-09-03")),
            ("20200723130907.763Z", Some("2020-07-23T13:09:07")),
            ("2020-13-01", None),
            ("yesterday", None),
            ("", None),
        ];
        for (input, want) in cases {
            assert_eq!(iso_datetime(input).as_deref(), *want, "{input:?}");
        }
    }
}
