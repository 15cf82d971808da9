//! TIFF files, every page: uncompressed, LZW, PackBits, Deflate, CCITT G3/G4 and JPEG strips
//! and tiles (the `tiff` crate decodes; this module bounds sizes and converts samples).

// Input reaches every line here: slicing goes through `.get()` (see docs/robustness.md).
#![cfg_attr(not(test), warn(clippy::indexing_slicing))]

use std::io::Cursor;

use tiff::decoder::{Decoder, DecodingResult};
use tiff::tags::Tag;
use tiff::ColorType;

use super::decode::{check_size, malformed, raster, Codec};
use super::pixels::{expand_palette, to_gray_or_rgb, unpack};
use super::Raster;
use crate::error::{Error, Limit, Result};
use crate::options::Limits;

fn bad(e: tiff::TiffError) -> Error {
    malformed(Codec::Tiff, e)
}

/// Every page of a TIFF, at most `limits.pages`.
pub(crate) fn decode(bytes: &[u8], limits: &Limits) -> Result<Vec<Raster>> {
    check_value_extents(bytes, limits)?;
    let mut dec = Decoder::new(Cursor::new(bytes)).map_err(bad)?;
    let mut tiff_limits = tiff::decoder::Limits::default();
    tiff_limits.decoding_buffer_size =
        usize::try_from(limits.image_pixels.saturating_mul(8)).unwrap_or(usize::MAX);
    dec = dec.with_limits(tiff_limits);
    let mut pages = Vec::new();
    let mut total = 0u64;
    loop {
        let page = page(&mut dec, limits)?;
        total += u64::from(page.width) * u64::from(page.height);
        if total > limits.image_total_pixels {
            return Err(Error::limit(
                Limit::ImageTotalPixels,
                limits.image_total_pixels,
            ));
        }
        pages.push(page);
        if !dec.more_images() || pages.len() as u64 >= limits.pages {
            break;
        }
        dec.next_image().map_err(bad)?;
    }
    Ok(pages)
}

/// The tags the `tiff` crate (or [`palette`] and [`resolution`]) reads the values of.
const READ_TAGS: &[u16] = &[
    256, 257, 258, 259, 262, 273, 277, 278, 279, 282, 283, 284, 296, 317, 320, 322, 323, 324, 325,
    338, 339, 347, 530,
];

/// Refuse a tag the decoder reads whose values run past the end of the file, before the `tiff`
/// crate sees it. That crate reserves room for a tag's declared value count before reading the
/// values (32 bytes a value, up to its buffer limit: 256 MiB for the first page, which can't be
/// set before the crate reads it). A 1.8 KB fuzzer input declaring 6.6 M values made it reserve
/// 211 MB per page: 0.4 s an input under the sanitizer, a libFuzzer timeout on a loaded machine.
/// With this check a tag's reservation is at most 32 bytes per byte of the file (which
/// `input_bytes` bounds). At most `limits.pages` directories are walked, each offset once.
fn check_value_extents(bytes: &[u8], limits: &Limits) -> Result<()> {
    let le = bytes.starts_with(b"II");
    let uint = |at: usize, n: usize| -> Option<u64> {
        let b = bytes.get(at..at.checked_add(n)?)?;
        let fold = |v: u64, &x: &u8| (v << 8) | u64::from(x);
        Some(if le {
            b.iter().rev().fold(0, fold)
        } else {
            b.iter().fold(0, fold)
        })
    };
    let big = uint(2, 2) == Some(43);
    // Offsets and counts are 4 bytes (8 in BigTIFF); an entry is 12 bytes (20).
    let (word, entry_len, count_len) = if big { (8, 20, 8) } else { (4, 12, 2) };
    let first = if big { uint(8, 8) } else { uint(4, 4) };
    let mut next = first.and_then(|o| usize::try_from(o).ok());
    let mut seen = std::collections::HashSet::new();
    while let Some(ifd) = next.filter(|&o| o != 0) {
        if !seen.insert(ifd) || seen.len() as u64 > limits.pages {
            break;
        }
        let Some(n) = uint(ifd, count_len).and_then(|n| usize::try_from(n).ok()) else {
            break; // the crate reports a directory past the end itself
        };
        for i in 0..n {
            let Some(at) = i
                .checked_mul(entry_len)
                .and_then(|o| o.checked_add(ifd + count_len))
                .filter(|&a| a < bytes.len())
            else {
                break;
            };
            let (Some(tag), Some(kind), Some(count), Some(offset)) = (
                uint(at, 2),
                uint(at + 2, 2),
                uint(at + 4, word),
                uint(at + 4 + word, word),
            ) else {
                break;
            };
            let size: u64 = match kind {
                1 | 2 | 6 | 7 => 1,
                3 | 8 => 2,
                4 | 9 | 11 | 13 => 4,
                5 | 10 | 12 | 16..=18 => 8,
                _ => continue, // a type the crate skips
            };
            let Ok(tag) = u16::try_from(tag) else {
                continue;
            };
            let total = count.saturating_mul(size);
            if READ_TAGS.contains(&tag)
                && total > word as u64
                && offset.saturating_add(total) > bytes.len() as u64
            {
                return Err(malformed(
                    Codec::Tiff,
                    format!(
                        "tag {tag} declares {count} values, which run past the end of the file"
                    ),
                ));
            }
        }
        next = ifd
            .checked_add(count_len)
            .and_then(|a| a.checked_add(n.checked_mul(entry_len)?))
            .and_then(|a| uint(a, word))
            .and_then(|o| usize::try_from(o).ok());
    }
    Ok(())
}

fn page(dec: &mut Decoder<Cursor<&[u8]>>, limits: &Limits) -> Result<Raster> {
    let (width, height) = dec.dimensions().map_err(bad)?;
    check_size(Codec::Tiff, width, height, limits)?;
    let colour = dec.colortype().map_err(bad)?;
    let dpi = resolution(dec);
    let (w, h) = (width as usize, height as usize);
    let samples = match dec.read_image().map_err(bad)? {
        DecodingResult::U8(v) => v,
        // 16-bit samples: the high byte is all OCR needs.
        DecodingResult::U16(v) => v.iter().map(|s| (s >> 8) as u8).collect(),
        _ => {
            return Err(malformed(
                Codec::Tiff,
                "floating-point or 32/64-bit samples are not supported",
            ))
        }
    };
    let depth8 = |bits: u8, comps: usize| {
        if bits < 8 {
            unpack(&samples, w, h, comps, bits, true)
        } else {
            samples.clone()
        }
    };
    let (channels, data) = match colour {
        ColorType::Gray(b) => (1, depth8(b, 1)),
        ColorType::GrayA(b) => to_gray_or_rgb(depth8(b, 2), 2, true),
        ColorType::RGB(b) => (3, depth8(b, 3)),
        ColorType::RGBA(b) => to_gray_or_rgb(depth8(b, 4), 4, true),
        ColorType::CMYK(b) => to_gray_or_rgb(depth8(b, 4), 4, false),
        ColorType::Palette(b) => palette(dec, &samples, w, h, b)?,
        other => {
            return Err(malformed(
                Codec::Tiff,
                format!("colour type {other:?} is not supported"),
            ))
        }
    };
    raster(Codec::Tiff, width, height, channels, data, dpi)
}

/// Palette indices with the `ColorMap` (16-bit red entries, then green, then blue).
fn palette(
    dec: &mut Decoder<Cursor<&[u8]>>,
    samples: &[u8],
    w: usize,
    h: usize,
    bits: u8,
) -> Result<(u8, Vec<u8>)> {
    let map = dec.get_tag_u16_vec(Tag::ColorMap).map_err(bad)?;
    let n = map.len() / 3;
    let rgb: Vec<u8> = (0..n)
        .flat_map(|i| [0, n, 2 * n].map(|o| (map.get(o + i).copied().unwrap_or(0) >> 8) as u8))
        .collect();
    let indices = if bits < 8 {
        unpack(samples, w, h, 1, bits, false)
    } else {
        samples.to_vec()
    };
    Ok(expand_palette(&indices, &rgb))
}

/// `XResolution`/`YResolution` in dots per inch (unit 2, or 3 for centimetres).
fn resolution(dec: &mut Decoder<Cursor<&[u8]>>) -> Option<(f32, f32)> {
    let mut read = |tag| match dec.find_tag(tag).ok()?? {
        tiff::decoder::ifd::Value::Rational(n, d) if d > 0 && n > 0 => Some(n as f32 / d as f32),
        _ => None,
    };
    let (x, y) = (
        read(Tag::XResolution)?,
        read(Tag::YResolution).unwrap_or(0.0),
    );
    let y = if y > 0.0 { y } else { x };
    let unit = dec
        .find_tag(Tag::ResolutionUnit)
        .ok()
        .flatten()
        .and_then(|v| v.into_u16().ok())
        .unwrap_or(2);
    match unit {
        2 => Some((x, y)),
        3 => Some((x * 2.54, y * 2.54)),
        _ => None,
    }
}
