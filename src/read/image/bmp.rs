//! Windows bitmaps: uncompressed 1, 4, 8 (palette), 24 and 32-bit (BGR, BGRA) images, bottom-up
//! or top-down. RLE-compressed bitmaps are refused with a clear error (scanners do not write
//! them).

// Input reaches every line here: slicing goes through `.get()` (see docs/robustness.md).
#![cfg_attr(not(test), warn(clippy::indexing_slicing))]

use super::decode::{check_size, malformed, raster, Codec};
use super::pixels::{arrays, expand_palette, unpack};
use super::Raster;
use crate::error::Result;
use crate::options::Limits;

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// Decode a BMP with a `BITMAPINFOHEADER` (or later) header.
pub(crate) fn decode(bytes: &[u8], limits: &Limits) -> Result<Raster> {
    let short = || malformed(Codec::Bmp, "the header is cut short");
    let offset = u32_at(bytes, 10).ok_or_else(short)? as usize;
    let header = u32_at(bytes, 14).ok_or_else(short)? as usize;
    if header < 40 {
        return Err(malformed(
            Codec::Bmp,
            "OS/2 bitmap headers are not supported",
        ));
    }
    let width = u32_at(bytes, 18).ok_or_else(short)? as i32;
    let raw_height = u32_at(bytes, 22).ok_or_else(short)? as i32;
    let bits = u16_at(bytes, 28).ok_or_else(short)?;
    let compression = u32_at(bytes, 30).ok_or_else(short)?;
    if width <= 0 || raw_height == 0 || raw_height == i32::MIN {
        return Err(malformed(Codec::Bmp, "the width or height is not positive"));
    }
    let (width, height) = (width as u32, raw_height.unsigned_abs());
    check_size(Codec::Bmp, width, height, limits)?;
    // 0 is BI_RGB; 3 (BI_BITFIELDS) with 32 bits is taken as the usual BGRA masks.
    if !(compression == 0 || (compression == 3 && bits == 32)) {
        return Err(malformed(
            Codec::Bmp,
            format!("compression {compression} is not supported"),
        ));
    }
    let (w, h) = (width as usize, height as usize);
    let stride = (w * bits as usize).div_ceil(32) * 4;
    let pixels = bytes.get(offset..).unwrap_or(&[]);
    if pixels.len() < stride.saturating_mul(h) {
        return Err(malformed(Codec::Bmp, "the pixel data is cut short"));
    }
    // Rows are stored bottom-up unless the height is negative.
    let rows: Vec<&[u8]> = (0..h)
        .map(|y| if raw_height > 0 { h - 1 - y } else { y })
        .map(|r| pixels.get(r * stride..(r + 1) * stride).unwrap_or(&[]))
        .collect();
    let dpi = u32_at(bytes, 38).filter(|&p| p > 0).map(|x| {
        let y = u32_at(bytes, 42).filter(|&p| p > 0).unwrap_or(x);
        (x as f32 * 0.0254, y as f32 * 0.0254)
    });
    let (channels, data) = match bits {
        24 => (
            3,
            bgr(&rows, |row| {
                arrays(row).take(w).map(|[b, g, r]| [r, g, b]).collect()
            }),
        ),
        32 => (
            3,
            bgr(&rows, |row| {
                arrays(row).take(w).map(|[b, g, r, _]| [r, g, b]).collect()
            }),
        ),
        1 | 4 | 8 => {
            let packed: Vec<u8> = rows.concat();
            let indices = unpack(&packed, w, h, 1, bits as u8, false);
            let colours = u32_at(bytes, 46)
                .filter(|&c| c > 0 && c <= 256)
                .unwrap_or(1 << bits) as usize;
            let table = bytes.get(14 + header..).unwrap_or(&[]);
            let palette: Vec<u8> = table
                .chunks_exact(4)
                .take(colours)
                .filter_map(|c| <[u8; 4]>::try_from(c).ok())
                .flat_map(|[b, g, r, _]| [r, g, b])
                .collect();
            expand_palette(&indices, &palette)
        }
        _ => {
            return Err(malformed(
                Codec::Bmp,
                format!("{bits} bits per pixel is not supported"),
            ))
        }
    };
    raster(Codec::Bmp, width, height, channels, data, dpi)
}

/// Rows of BGR(A) pixels to RGB bytes, `pixels` turning one row into its RGB triples.
fn bgr(rows: &[&[u8]], pixels: impl Fn(&[u8]) -> Vec<[u8; 3]>) -> Vec<u8> {
    rows.iter().flat_map(|row| pixels(row)).flatten().collect()
}
