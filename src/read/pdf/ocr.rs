//! OCR of PDF pages (feature `ocr`): pages that are images without a text layer (`--ocr auto`)
//! or every page with images (`--ocr always`) get their glyphs from the images drawn on them.
//!
//! Models are looked for only when such a page exists. Under `auto`, missing models leave the
//! page as it was, with the `no_text_layer` warning saying how to fetch them; under `always`
//! they are an error.

use lopdf::Document;

use super::images::{compose, page_images};
use super::{page_matrix, PageRef};
use crate::error::Result;
use crate::model::{Code, Diagnostic};
use crate::ocr::OcrRun;
use crate::options::{OcrMode, ReadOptions};
use crate::read::geom::Matrix;
use crate::read::image::PlacedRaster;
use crate::read::layout::Page;
use crate::read::Extracted;

/// Resolution pages made of several images are composed at.
const COMPOSE_DPI: f32 = 200.0;

/// Replace the glyphs of the pages that need OCR with recognised ones; record `source.ocr`.
///
/// # Errors
/// [`Error::Ocr`](crate::Error::Ocr) under `--ocr always` when the models are missing, and
/// whenever a network fails.
pub(super) fn ocr_pages(
    doc: &Document,
    pages: &[PageRef],
    laid: &mut [Page],
    opts: &ReadOptions,
    out: &mut Extracted,
) -> Result<()> {
    let mode = opts.ocr.mode;
    if mode == OcrMode::Never {
        return Ok(());
    }
    let mut run: Option<OcrRun> = None;
    let (mut done, mut unread) = (Vec::new(), Vec::new());
    for (page, p) in laid.iter_mut().zip(pages) {
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
        let engine = match &mut run {
            Some(r) => r,
            None => match OcrRun::start(opts) {
                Ok(r) => run.insert(r),
                Err(e) if mode == OcrMode::Auto => {
                    out.warnings
                        .push(Diagnostic::new(Code::NoTextLayer, e.to_string()));
                    return Ok(());
                }
                Err(e) => return Err(e),
            },
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
    Ok(())
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
