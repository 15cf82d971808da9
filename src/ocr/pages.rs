//! OCR in the reading pipeline: page images → glyphs on their pages → the layout step, and the
//! `source.ocr` record of what was recognised how surely.
//!
//! Readers call [`OcrRun::start`] when a page needs OCR (so missing models only matter then),
//! [`OcrRun::page`] for each such page with the images drawn on it, and [`OcrRun::finish`] for
//! the record. Image files go through [`read_images`]: each raster is one page.

use std::sync::Arc;

use super::{engine, find_models, glyphs, Engine, CLS_MODEL, DET_MODEL, ENGINE_NAME, REC_MODEL};
use crate::error::Result;
use crate::model::{Format, OcrInfo, OcrPage};
use crate::options::ReadOptions;
use crate::read::geom::Matrix;
use crate::read::image::{PlacedRaster, Raster};
use crate::read::layout::{self, Glyph, LayoutOptions, Page};
use crate::read::Extracted;

/// An OCR engine ready for the pages of one document, and what it has read so far.
#[derive(Debug)]
pub struct OcrRun {
    engine: Arc<Engine>,
    max_side: u32,
    info: OcrInfo,
}

impl OcrRun {
    /// Find and load the models `opts` point to.
    ///
    /// # Errors
    /// [`Error::Ocr`](crate::Error::Ocr) when they are missing (saying how to fetch them) or
    /// do not load.
    pub fn start(opts: &ReadOptions) -> Result<OcrRun> {
        let dir = find_models(opts.ocr.models.as_deref())?;
        Ok(OcrRun {
            engine: engine(&dir, opts.ocr.threads)?,
            max_side: u32::try_from(opts.limits.ocr_side).unwrap_or(u32::MAX),
            info: OcrInfo {
                engine: ENGINE_NAME.to_string(),
                models: [DET_MODEL, CLS_MODEL, REC_MODEL].map(String::from).to_vec(),
                pages: Vec::new(),
            },
        })
    }

    /// The glyphs (page units, y down) of page `number` from the images drawn on it.
    ///
    /// # Errors
    /// [`Error::Ocr`](crate::Error::Ocr) when a network fails to run.
    pub fn page(&mut self, number: u32, images: &[PlacedRaster]) -> Result<Vec<Glyph>> {
        let mut out = Vec::new();
        let (mut lines, mut sum, mut chars) = (0u32, 0.0f64, 0u32);
        for image in images {
            let text = self.engine.recognize(&image.raster, self.max_side)?;
            let to_page = glyphs::pixels_to_page(text.width, text.height, image.to_page);
            out.extend(glyphs::glyphs(&text, to_page));
            lines += text.lines.len() as u32;
            for c in text.lines.iter().flat_map(|l| l.chars.iter()) {
                sum += f64::from(c.prob);
                chars += 1;
            }
        }
        self.info.pages.push(OcrPage {
            page: number,
            lines,
            confidence: (chars > 0).then(|| (sum / f64::from(chars)) as f32),
        });
        Ok(out)
    }

    /// What was read, for `source.ocr`.
    pub fn finish(self) -> OcrInfo {
        self.info
    }
}

/// A raster as a whole page: its size in points (72 per inch; 72 dpi when the file does not
/// say) and the matrix from the image's unit square to that page.
fn whole_page(r: &Raster) -> (f32, f32, Matrix) {
    let (dx, dy) = r
        .dpi
        .filter(|(x, y)| x.is_finite() && y.is_finite() && *x > 0.0 && *y > 0.0)
        .unwrap_or((72.0, 72.0));
    let (w, h) = (r.width as f32 * 72.0 / dx, r.height as f32 * 72.0 / dy);
    (w, h, Matrix([w, 0.0, 0.0, h, 0.0, 0.0]))
}

/// Read page images (one raster a page, as decoded from a PNG, JPEG or multi-page TIFF) by
/// OCR into paragraphs, with page numbers and running headers removed as for PDF.
///
/// # Errors
/// [`Error::Ocr`](crate::Error::Ocr) when the models are missing or fail.
pub fn read_images(rasters: Vec<Raster>, opts: &ReadOptions) -> Result<Extracted> {
    let mut run = OcrRun::start(opts)?;
    let mut out = Extracted::new(Format::Image);
    out.source.pages = Some(rasters.len() as u32);
    let mut pages = Vec::with_capacity(rasters.len());
    for (i, raster) in rasters.into_iter().enumerate() {
        let number = i as u32 + 1;
        let (width, height, to_page) = whole_page(&raster);
        let placed = [PlacedRaster { raster, to_page }];
        let glyphs = run.page(number, &placed)?;
        pages.push(Page {
            number,
            width,
            height,
            glyphs,
            furniture: Vec::new(),
        });
        opts.report_progress(pages.len(), pages.capacity());
    }
    let laid = layout::paragraphs(&pages, &[], &LayoutOptions::default());
    out.blocks = laid.blocks;
    out.warnings.extend(laid.warnings);
    out.source.ocr = Some(run.finish());
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_200_dpi_raster_is_an_a4_page_in_points() {
        let mut r = Raster::gray(1654, 2339, vec![255; 1654 * 2339]);
        r.dpi = Some((200.0, 200.0));
        let (w, h, m) = whole_page(&r);
        assert!(
            (w - 595.4).abs() < 0.1 && (h - 842.0).abs() < 0.1,
            "{w} × {h}"
        );
        assert_eq!(m.apply(1.0, 1.0), (w, h));
        r.dpi = Some((0.0, f32::NAN));
        assert_eq!(whole_page(&r).0, 1654.0);
    }
}
