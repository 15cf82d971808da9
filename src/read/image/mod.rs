//! Page images: decoded rasters from image files (PNG, JPEG, TIFF, BMP, WebP) and from the
//! image XObjects of scanned PDF pages, for the OCR step.
//!
//! This module only decodes pixels; it knows nothing of text. `Raster` is the one pixel type
//! every decoder returns and the OCR engine (`crate::ocr`) reads.

use crate::read::geom::Matrix;

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
