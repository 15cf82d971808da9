//! Bi-level codecs of scanned pages: CCITT Group 3/4 (`hayro-ccitt`) and JBIG2
//! (`hayro-jbig2`), both pure Rust. Output is gray, 0 = black, in the PDF filters' sample
//! sense (CCITT: `BlackIs1` decides which sample value black pixels get; JBIG2: black is 0).

// Input reaches every line here: slicing goes through `.get()` (see docs/robustness.md).
#![cfg_attr(not(test), warn(clippy::indexing_slicing))]

use super::decode::{malformed, raster, Codec};
use super::Raster;
use crate::error::Result;

/// CCITTFaxDecode parameters (PDF names; TIFF maps onto them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CcittParams {
    /// < 0: Group 4; 0: Group 3 1-D; > 0: Group 3 2-D.
    pub k: i64,
    pub columns: u32,
    /// Rows encoded; 0 = until the end of the data.
    pub rows: u32,
    /// The image's size, which the output has whatever the stream says.
    pub width: u32,
    pub height: u32,
    pub black_is_1: bool,
    pub byte_align: bool,
    pub end_of_block: bool,
    pub end_of_line: bool,
}

/// Collects CCITT rows as gray samples into a `width × height` buffer.
struct Rows {
    width: usize,
    height: usize,
    ink: u8,
    data: Vec<u8>,
    rows: usize,
}

impl Rows {
    fn new(width: usize, height: usize, ink: u8) -> Rows {
        Rows {
            width,
            height,
            ink,
            data: vec![255 - ink; width * height],
            rows: 0,
        }
    }
}

impl hayro_ccitt::Decoder for Rows {
    fn push_row(&mut self, changes: &[u32]) {
        if self.rows >= self.height {
            return;
        }
        let start = self.rows * self.width;
        if let Some(row) = self.data.get_mut(start..start + self.width) {
            for pair in changes.chunks(2) {
                let from = pair.first().map_or(0, |&c| c as usize).min(row.len());
                let to = pair
                    .get(1)
                    .map_or(row.len(), |&c| c as usize)
                    .min(row.len());
                row.get_mut(from..to.max(from))
                    .unwrap_or(&mut [])
                    .fill(self.ink);
            }
        }
        self.rows += 1;
    }
}

/// Decode CCITT fax data. Rows the data lacks stay white; a stream that fails before half its
/// rows is an error (random bytes decode to a few rows of noise before the codes go wrong).
pub(crate) fn ccitt(data: &[u8], p: &CcittParams) -> Result<Raster> {
    use hayro_ccitt::{DecodeSettings, DecoderContext, EncodingMode};
    let encoding = match p.k {
        k if k < 0 => EncodingMode::Group4,
        0 => EncodingMode::Group3_1D,
        _ => EncodingMode::Group3_2D,
    };
    let settings = DecodeSettings {
        columns: p.columns,
        rows: p.rows.min(p.height),
        end_of_block: p.end_of_block,
        end_of_line: p.end_of_line,
        rows_are_byte_aligned: p.byte_align,
        encoding,
        strict: false,
    };
    // Black fax pixels are sample 1 with BlackIs1, else 0; sample 1 reads as white in gray.
    let ink = if p.black_is_1 { 255 } else { 0 };
    let (w, h) = (p.width as usize, p.height as usize);
    // Decode at the stream's column count, then fit to the image's width.
    let mut rows = Rows::new(p.columns as usize, h, ink);
    let result = hayro_ccitt::decode(data, &mut rows, &mut DecoderContext::new(settings));
    if let Err(e) = result {
        if rows.rows < h.div_ceil(2) {
            return Err(malformed(
                Codec::Tiff,
                format!("CCITT fax data: {e:?} after {} of {h} rows", rows.rows),
            ));
        }
    }
    let cols = p.columns as usize;
    let data = if cols == w {
        rows.data
    } else {
        (0..h)
            .flat_map(|y| (0..w).map(move |x| (y, x)))
            .map(|(y, x)| {
                if x < cols {
                    rows.data.get(y * cols + x).copied().unwrap_or(255)
                } else {
                    255 - ink
                }
            })
            .collect()
    };
    raster(Codec::Tiff, p.width, p.height, 1, data, None)
}

/// Collects JBIG2 pixels as gray samples (black 0).
struct Pixels {
    data: Vec<u8>,
    cap: usize,
}

impl hayro_jbig2::Decoder for Pixels {
    fn push_pixel(&mut self, black: bool) {
        if self.data.len() < self.cap {
            self.data.push(if black { 0 } else { 255 });
        }
    }

    fn push_pixel_chunk(&mut self, black: bool, chunk_count: u32) {
        let n = (chunk_count as usize * 8).min(self.cap - self.data.len());
        self.data
            .resize(self.data.len() + n, if black { 0 } else { 255 });
    }

    fn next_line(&mut self) {}
}

/// Decode an embedded JBIG2 page (PDF's JBIG2Decode) with its optional global segments.
pub(crate) fn jbig2(
    data: &[u8],
    globals: Option<&[u8]>,
    width: u32,
    height: u32,
) -> Result<Raster> {
    let settings = hayro_jbig2::DecodeSettings::default();
    let bad = |e: hayro_jbig2::DecodeError| malformed(Codec::Tiff, format!("JBIG2 data: {e:?}"));
    let globals = globals
        .map(|g| hayro_jbig2::Globals::new(g, &settings))
        .transpose()
        .map_err(bad)?;
    let page = hayro_jbig2::Page::new_embedded(data, globals.as_ref(), &settings).map_err(bad)?;
    let (pw, ph) = (page.width(), page.height());
    if u64::from(pw) * u64::from(ph) > u64::from(width) * u64::from(height) * 4 + 1 {
        return Err(malformed(
            Codec::Tiff,
            format!("JBIG2 page {pw}×{ph} is far larger than the image {width}×{height}"),
        ));
    }
    let mut pixels = Pixels {
        data: Vec::new(),
        cap: pw as usize * ph as usize,
    };
    page.decode(&mut pixels).map_err(bad)?;
    pixels.data.resize(pixels.cap, 255);
    let fitted = fit(
        &pixels.data,
        pw as usize,
        ph as usize,
        width as usize,
        height as usize,
    );
    raster(Codec::Tiff, width, height, 1, fitted, None)
}

/// Crop or pad (white) a gray buffer to another size.
fn fit(data: &[u8], w: usize, h: usize, to_w: usize, to_h: usize) -> Vec<u8> {
    if (w, h) == (to_w, to_h) {
        return data.to_vec();
    }
    (0..to_h)
        .flat_map(|y| (0..to_w).map(move |x| (y, x)))
        .map(|(y, x)| {
            if x < w && y < h {
                data.get(y * w + x).copied().unwrap_or(255)
            } else {
                255
            }
        })
        .collect()
}
