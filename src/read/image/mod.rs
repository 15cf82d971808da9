//! Page images: decoded rasters from image files (PNG, JPEG, TIFF, BMP, WebP) and from the
//! image XObjects of scanned PDF pages, for the OCR step.
//!
//! This module only decodes pixels; it knows nothing of text. `Raster` is the one pixel type
//! every decoder returns and the OCR engine (`crate::ocr`) reads.

pub use crate::read::geom::Matrix;

mod bmp;
mod decode;
pub(crate) mod pixels;
mod tiff;

pub use crate::read::pdf::images::{compose, pdf_images, PageImages};
pub(crate) use decode::{check_pixels, guarded, jpeg, raster_or};
pub use decode::{decode, sniff, Codec};

mod bilevel;
pub(crate) use bilevel::{ccitt, jbig2, CcittParams};

/// Decoded pixels, 8 bits per sample, rows top to bottom, no padding.
#[derive(Debug, Clone, PartialEq)]
pub struct Raster {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Samples per pixel: 1 (gray, 0 = black) or 3 (RGB). Colour is kept so that a red seal
    /// can be suppressed before text detection.
    pub channels: u8,
    /// `width * height * channels` samples.
    pub data: Vec<u8>,
    /// Resolution when the file states one (dots per inch, horizontal and vertical).
    pub dpi: Option<(f32, f32)>,
}

/// An image drawn on a PDF page: its pixels and where they land. `to_page` maps the image's
/// unit square (0,0)–(1,1), with y growing downwards from the image's top row, to page units
/// with y growing downwards from the top of the page (the layout module's convention).
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedRaster {
    /// The decoded image.
    pub raster: Raster,
    /// Unit square of the image → page coordinates.
    pub to_page: Matrix,
}

impl Raster {
    /// A grey raster (one sample per pixel, 0 = black), no resolution stated.
    pub fn gray(width: u32, height: u32, data: Vec<u8>) -> Raster {
        Raster {
            width,
            height,
            channels: 1,
            data,
            dpi: None,
        }
    }
}

impl PlacedRaster {
    /// The box the image covers on the page, `[x0, y0, x1, y1]` in page units (y down).
    pub fn page_box(&self) -> [f32; 4] {
        let corners =
            [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0)].map(|(u, v)| self.to_page.apply(u, v));
        let xs = corners.map(|c| c.0);
        let ys = corners.map(|c| c.1);
        let min = |v: [f32; 4]| v.into_iter().fold(f32::INFINITY, f32::min);
        let max = |v: [f32; 4]| v.into_iter().fold(f32::NEG_INFINITY, f32::max);
        [min(xs), min(ys), max(xs), max(ys)]
    }
}
