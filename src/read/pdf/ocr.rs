//! OCR of PDF pages (feature `ocr`): pages that are images without a text layer (`--ocr auto`)
//! or every page with images (`--ocr always`) get their glyphs from the images drawn on them;
//! pages with text in fonts that have no usable Unicode map (`unreliable_text`) are rendered
//! (`render.rs`) and get that text from the rendering.
//!
//! On a rendered page the text of the fonts that can be trusted stays: only the doubted fonts'
//! glyphs are dropped, and recognised characters are added where no kept glyph already is (the
//! rendering shows the good text too). A page is rendered only when every doubted font on it
//! is drawn from the file (embedded, or Type3): a font that is not embedded would be drawn
//! with a stand-in font that has no Chinese glyphs.
//!
//! Models are looked for only when such a page exists. Under `auto`, missing models leave the
//! page as it was, with the `no_text_layer` or `unreliable_text` warning saying how to fetch
//! them; under `always` they are an error.

use lopdf::Document;

use super::images::{compose, page_images};
use super::interp::FontTable;
use super::quality::Doubts;
use super::render::Renderer;
use super::{page_matrix, PageRef};
use crate::error::Result;
use crate::model::{Code, Diagnostic};
use crate::ocr::OcrRun;
use crate::options::{OcrMode, ReadOptions};
use crate::read::geom::Matrix;
use crate::read::image::PlacedRaster;
use crate::read::layout::{Glyph, Page};
use crate::read::Extracted;

/// What the text layer says, for deciding which pages to OCR and how.
pub(super) struct TextLayer<'a> {
    /// The file's bytes (hayro renders from them).
    pub bytes: &'a [u8],
    /// The fonts and their tallies.
    pub fonts: &'a FontTable,
    /// The fonts whose text cannot be trusted.
    pub doubts: &'a Doubts,
}

impl TextLayer<'_> {
    /// The doubted fonts drawing on page `number`, when every one of them can be rendered;
    /// `None` when the page has no doubted text or some of it cannot be rendered.
    fn renderable_doubts(&self, number: u32) -> Option<Vec<usize>> {
        let on_page: Vec<usize> = (self.doubts.fonts.iter().copied())
            .filter(|&i| {
                self.fonts
                    .stats
                    .get(i)
                    .is_some_and(|s| s.pages.contains(&number))
            })
            .collect();
        let drawable = on_page.iter().all(|&i| {
            self.fonts
                .fonts
                .get(i)
                .is_some_and(|f| f.embedded || f.type3)
        });
        (!on_page.is_empty() && drawable).then_some(on_page)
    }
}

/// The OCR engine, started when a page first needs it. Under `auto`, an engine that cannot start
/// (no models) is a `code` warning saying how to get them, and `None`; under `always`, the error.
fn started<'r>(
    run: &'r mut Option<OcrRun>,
    opts: &ReadOptions,
    code: Code,
    warnings: &mut Vec<Diagnostic>,
) -> Result<Option<&'r mut OcrRun>> {
    if run.is_none() {
        match OcrRun::start(opts) {
            Ok(r) => *run = Some(r),
            Err(e) if opts.ocr.mode == OcrMode::Auto => {
                warnings.push(Diagnostic::new(code, e.to_string()));
                return Ok(None);
            }
            Err(e) => return Err(e),
        }
    }
    Ok(run.as_mut())
}

/// Resolution pages made of several images are composed at.
const COMPOSE_DPI: f32 = 200.0;

/// Replace the glyphs of the pages that need OCR with recognised ones; record `source.ocr`.
/// Returns the pages whose doubted text was replaced by OCR of the rendered page.
///
/// # Errors
/// [`Error::Ocr`](crate::Error::Ocr) under `--ocr always` when the models are missing, and
/// whenever a network fails.
pub(super) fn ocr_pages(
    doc: &Document,
    pages: &[PageRef],
    laid: &mut [Page],
    layer: &TextLayer,
    opts: &ReadOptions,
    out: &mut Extracted,
) -> Result<Vec<u32>> {
    let mode = opts.ocr.mode;
    let mut rendered = Vec::new();
    if mode == OcrMode::Never {
        return Ok(rendered);
    }
    let mut run: Option<OcrRun> = None;
    // Parsed by hayro when the first page needs rendering; `Some(None)`: it could not be.
    let mut renderer: Option<Option<Renderer>> = None;
    let (mut done, mut unread) = (Vec::new(), Vec::new());
    for (index, (page, p)) in laid.iter_mut().zip(pages).enumerate() {
        if let Some(doubted) = layer.renderable_doubts(page.number) {
            let renderer = renderer.get_or_insert_with(|| {
                Renderer::new(layer.bytes, opts.password.as_deref())
                    .filter(|r| r.pages() >= pages.len())
            });
            let max_side = u32::try_from(opts.limits.ocr_side).unwrap_or(u32::MAX);
            if let Some(raster) = renderer.as_ref().and_then(|r| r.page(index, max_side)) {
                let Some(engine) =
                    started(&mut run, opts, Code::UnreliableText, &mut out.warnings)?
                else {
                    return Ok(rendered);
                };
                let (_, width, height) = page_matrix(p);
                let placed = [PlacedRaster {
                    raster,
                    to_page: Matrix([width, 0.0, 0.0, height, 0.0, 0.0]),
                }];
                let recognised = engine.page(page.number, &placed)?;
                let bad = layer.fonts.styles_of(&doubted);
                let kept: Vec<Glyph> = std::mem::take(&mut page.glyphs)
                    .into_iter()
                    .filter(|g| !bad.contains(&g.style))
                    .collect();
                page.glyphs = merge(kept, recognised);
                rendered.push(page.number);
                continue;
            }
        }
        if mode == OcrMode::Auto && !page.glyphs.is_empty() {
            continue;
        }
        let images = page_images(doc, p, opts, &mut out.warnings);
        if images.is_empty() {
            if page.glyphs.is_empty() {
                unread.push(page.number);
            }
            continue;
        }
        let Some(engine) = started(&mut run, opts, Code::NoTextLayer, &mut out.warnings)? else {
            return Ok(rendered);
        };
        let images = one_layer(images, p, opts);
        page.glyphs = engine.page(page.number, &images)?;
        if page.glyphs.is_empty() {
            unread.push(page.number);
        } else {
            done.push(page.number);
        }
    }
    if let Some(r) = run {
        out.source.ocr = Some(r.finish());
    }
    // Pages read by OCR no longer lack a text layer; the warning stays for any others.
    if !done.is_empty() {
        out.warnings.retain(|w| w.code != Code::NoTextLayer);
        // Pages whose images could not be decoded (a warning says why) still lack text.
        if !unread.is_empty() {
            out.warnings.push(Diagnostic::new(
                Code::NoTextLayer,
                format!(
                    "page(s) {} are images without a text layer that could not be read by OCR",
                    super::list(&unread)
                ),
            ));
        }
    }
    Ok(rendered)
}

/// A page drawn as several images (strips, tiles) is composed into one raster so that text
/// lines are not cut at the seams; a single image is read as it is.
fn one_layer(images: Vec<PlacedRaster>, p: &PageRef, opts: &ReadOptions) -> Vec<PlacedRaster> {
    if images.len() < 2 {
        return images;
    }
    let (_, width, height) = page_matrix(p);
    match compose(&images, width, height, COMPOSE_DPI, &opts.limits) {
        Some(raster) => vec![PlacedRaster {
            raster,
            to_page: Matrix([width, 0.0, 0.0, height, 0.0, 0.0]),
        }],
        None => images,
    }
}

/// The kept glyphs of a rendered page and the recognised ones that do not repeat them. The
/// rendering shows the kept text too, so most of it is recognised again: a recognised
/// character is that kept glyph read again when it is the same character (width folded:
/// fonts with broken maps give fullwidth digits for the page's halfwidth ones) on the same
/// baseline over the glyph's advance. Sizes and advances of the kept glyphs are not trusted
/// beyond that (their fonts sit beside broken ones, often with odd metrics); a recognised
/// character that differs from the kept glyph under it is kept as well.
fn merge(mut kept: Vec<Glyph>, recognised: Vec<Glyph>) -> Vec<Glyph> {
    let mut used = vec![false; kept.len()];
    let mut fresh = Vec::new();
    for g in recognised {
        let centre = g.x + g.width / 2.0;
        let tolerance = g.size.abs() * 0.6;
        let text = fold(&g.text);
        let twin = kept.iter().enumerate().position(|(i, k)| {
            !used.get(i).copied().unwrap_or(true)
                && k.vertical == g.vertical
                && (k.y - g.y).abs() <= tolerance
                && k.x - tolerance / 2.0 <= centre
                && centre <= k.x + k.width.abs() + tolerance / 2.0
                && fold(&k.text) == text
        });
        match twin.and_then(|i| used.get_mut(i)) {
            Some(u) => *u = true,
            None => fresh.push(g),
        }
    }
    kept.extend(fresh);
    kept
}

/// Fullwidth ASCII forms and the ideographic space as their ASCII counterparts.
fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyph(text: &str, x: f32, y: f32, width: f32, size: f32) -> Glyph {
        Glyph {
            text: text.to_string(),
            x,
            y,
            width,
            size,
            style: 0,
            vertical: false,
            turn: 0,
        }
    }

    fn texts(glyphs: &[Glyph]) -> Vec<&str> {
        glyphs.iter().map(|g| g.text.as_str()).collect()
    }

    #[test]
    fn recognised_twins_of_kept_glyphs_are_dropped_the_rest_added() {
        // Kept: fullwidth "６" (a broken font's neighbour, advance and size too large) at the
        // start of a line; recognised: "6" over it, then the characters the doubted font drew.
        let kept = vec![glyph("６", 100.0, 200.0, 20.0, 24.0)];
        let recognised = vec![
            glyph("6", 101.0, 200.5, 5.0, 10.0),
            glyph("电", 112.0, 200.5, 10.0, 10.0),
            glyph("子", 122.0, 200.5, 10.0, 10.0),
            // Same character on the next line: not a twin.
            glyph("6", 101.0, 215.0, 5.0, 10.0),
        ];
        assert_eq!(texts(&merge(kept, recognised)), ["６", "电", "子", "6"]);
    }

    #[test]
    fn a_differing_character_under_a_kept_glyph_is_kept_too() {
        let kept = vec![glyph("：", 100.0, 200.0, 10.0, 10.0)];
        let recognised = vec![glyph("号", 101.0, 200.0, 10.0, 10.0)];
        assert_eq!(texts(&merge(kept, recognised)), ["：", "号"]);
    }

    #[test]
    fn each_kept_glyph_absorbs_one_recognised_character() {
        let kept = vec![glyph("０", 100.0, 200.0, 20.0, 10.0)];
        let recognised = vec![
            glyph("0", 101.0, 200.0, 5.0, 10.0),
            glyph("0", 106.0, 200.0, 5.0, 10.0),
        ];
        assert_eq!(texts(&merge(kept, recognised)), ["０", "0"]);
    }
}
