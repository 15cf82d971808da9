//! Image files to rasters: PNG, JPEG, TIFF (every page), BMP and WebP, told apart by their
//! first bytes. Sizes are checked against `image_pixels` and `image_total_pixels` from the
//! headers, before any pixel buffer is allocated, so a decompression bomb is a
//! `LimitExceeded`, not an allocation. Third-party decoders run under `catch_unwind`: one
//! hostile image must not take down a batch.

// Input reaches every line here: slicing goes through `.get()` (see docs/robustness.md).
#![cfg_attr(not(test), warn(clippy::indexing_slicing))]

use std::io::Cursor;

use super::pixels::{expand_palette, to_gray_or_rgb};
use super::{bmp, tiff, Raster};
use crate::error::{Error, Limit, Result};
use crate::model::Format;
use crate::options::Limits;

/// The image file formats [`decode`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Codec {
    /// PNG.
    Png,
    /// JPEG (JFIF, Exif, Adobe).
    Jpeg,
    /// TIFF, every page (uncompressed, LZW, PackBits, Deflate, CCITT G3/G4, JPEG).
    Tiff,
    /// Windows bitmap (uncompressed 1, 4, 8, 24, 32 bits).
    Bmp,
    /// WebP (lossy and lossless).
    Webp,
}

impl Codec {
    /// The codec's name in messages (`JPEG`).
    pub fn name(self) -> &'static str {
        match self {
            Codec::Png => "PNG",
            Codec::Jpeg => "JPEG",
            Codec::Tiff => "TIFF",
            Codec::Bmp => "BMP",
            Codec::Webp => "WebP",
        }
    }
}

/// The image format of `bytes`, from its magic number.
pub fn sniff(bytes: &[u8]) -> Option<Codec> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(Codec::Png)
    } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        Some(Codec::Jpeg)
    } else if bytes.starts_with(b"II*\0")
        || bytes.starts_with(b"MM\0*")
        || bytes.starts_with(b"II+\0")
        || bytes.starts_with(b"MM\0+")
    {
        Some(Codec::Tiff)
    } else if bytes.starts_with(b"BM") && bytes.len() >= 26 {
        Some(Codec::Bmp)
    } else if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        Some(Codec::Webp)
    } else {
        None
    }
}

/// Decode an image file: one raster per page (a TIFF may have many, the others have one).
///
/// # Errors
/// [`Error::UnknownFormat`] when the bytes are none of the formats above,
/// [`Error::Malformed`] (format `image`, the reason naming the codec) for a damaged file or an
/// unsupported variant, [`Error::LimitExceeded`] when an image is over `limits.image_pixels`
/// or all together over `limits.image_total_pixels`.
pub fn decode(bytes: &[u8], limits: &Limits) -> Result<Vec<Raster>> {
    let Some(codec) = sniff(bytes) else {
        return Err(Error::UnknownFormat {
            hint: Some("not a PNG, JPEG, TIFF, BMP or WebP image".to_string()),
        });
    };
    guarded(codec, || match codec {
        Codec::Png => png(bytes, limits).map(|r| vec![r]),
        Codec::Jpeg => jpeg(bytes, limits).map(|r| vec![r]),
        Codec::Tiff => tiff::decode(bytes, limits),
        Codec::Bmp => bmp::decode(bytes, limits).map(|r| vec![r]),
        Codec::Webp => webp(bytes, limits).map(|r| vec![r]),
    })
}

/// Run a decoder, turning a panic inside a third-party crate into a `Malformed` error.
pub(crate) fn guarded<T>(codec: Codec, f: impl FnOnce() -> Result<T>) -> Result<T> {
    crate::guard::catch(f)
        .unwrap_or_else(|_| Err(malformed(codec, "the decoder gave up on this image")))
}

/// A `Malformed` image error whose reason names the codec.
pub(crate) fn malformed(codec: Codec, reason: impl std::fmt::Display) -> Error {
    Error::malformed(Format::Image, format!("{}: {reason}", codec.name()))
}

/// Check a declared size against the per-image limit, before decoding.
pub(crate) fn check_size(codec: Codec, width: u32, height: u32, limits: &Limits) -> Result<()> {
    check_pixels(width, height, limits, |r| malformed(codec, r))
}

/// [`check_size`] with the caller's error for a zero size.
pub(crate) fn check_pixels(
    width: u32,
    height: u32,
    limits: &Limits,
    bad: impl Fn(&str) -> Error,
) -> Result<()> {
    if width == 0 || height == 0 {
        return Err(bad("the image has no pixels (width or height 0)"));
    }
    if u64::from(width) * u64::from(height) > limits.image_pixels {
        return Err(Error::limit(Limit::ImagePixels, limits.image_pixels));
    }
    Ok(())
}

/// Decode a JPEG: gray stays gray, everything else (YCbCr, CMYK, YCCK) becomes RGB.
pub(crate) fn jpeg(bytes: &[u8], limits: &Limits) -> Result<Raster> {
    use zune_core::bytestream::ZCursor;
    use zune_core::colorspace::ColorSpace;
    use zune_core::options::DecoderOptions;
    let side = usize::try_from(limits.image_pixels.min(1 << 30)).unwrap_or(usize::MAX);
    let options = DecoderOptions::new_safe()
        .set_max_width(side)
        .set_max_height(side);
    let mut dec = zune_jpeg::JpegDecoder::new_with_options(ZCursor::new(bytes), options);
    dec.decode_headers()
        .map_err(|e| malformed(Codec::Jpeg, format!("{e:?}")))?;
    let info = dec
        .info()
        .ok_or_else(|| malformed(Codec::Jpeg, "no frame header"))?;
    let (width, height) = (u32::from(info.width), u32::from(info.height));
    check_size(Codec::Jpeg, width, height, limits)?;
    let gray = dec.input_colorspace() == Some(ColorSpace::Luma);
    let (out, channels) = if gray {
        (ColorSpace::Luma, 1)
    } else {
        (ColorSpace::RGB, 3)
    };
    dec.set_options(options.jpeg_set_out_colorspace(out));
    let data = dec
        .decode()
        .map_err(|e| malformed(Codec::Jpeg, format!("{e:?}")))?;
    if !has_end_marker(bytes) {
        return Err(malformed(
            Codec::Jpeg,
            "the data is cut short (no end-of-image marker after the scan)",
        ));
    }
    let dpi = jfif_dpi(bytes);
    raster(Codec::Jpeg, width, height, channels, data, dpi)
}

/// A JPEG whose last scan is followed by an end-of-image marker was not cut short. (Inside
/// entropy-coded data 0xFF is always stuffed, so `FF D9` after the last `FF DA` is the marker.)
fn has_end_marker(bytes: &[u8]) -> bool {
    let scan = memchr::memmem::rfind(bytes, &[0xff, 0xda]).unwrap_or(0);
    memchr::memmem::rfind(bytes, &[0xff, 0xd9]).is_some_and(|end| end > scan)
}

/// The resolution in a JFIF `APP0` segment right after the start-of-image marker.
fn jfif_dpi(bytes: &[u8]) -> Option<(f32, f32)> {
    let app0 = bytes.get(2..18)?;
    if app0.get(..2)? != [0xff, 0xe0] || app0.get(4..9)? != b"JFIF\0" {
        return None;
    }
    let unit = *app0.get(11)?;
    let x = f32::from(u16::from_be_bytes([*app0.get(12)?, *app0.get(13)?]));
    let y = f32::from(u16::from_be_bytes([*app0.get(14)?, *app0.get(15)?]));
    match unit {
        1 if x > 0.0 && y > 0.0 => Some((x, y)),
        2 if x > 0.0 && y > 0.0 => Some((x * 2.54, y * 2.54)),
        _ => None,
    }
}

/// Build a raster, checking that the decoder gave as many samples as the size says.
pub(crate) fn raster(
    codec: Codec,
    width: u32,
    height: u32,
    channels: u8,
    data: Vec<u8>,
    dpi: Option<(f32, f32)>,
) -> Result<Raster> {
    raster_or(width, height, channels, data, dpi, |r| malformed(codec, r))
}

/// [`raster`] with the caller's error for too few samples.
pub(crate) fn raster_or(
    width: u32,
    height: u32,
    channels: u8,
    mut data: Vec<u8>,
    dpi: Option<(f32, f32)>,
    bad: impl Fn(&str) -> Error,
) -> Result<Raster> {
    let want = width as usize * height as usize * channels as usize;
    if data.len() < want {
        return Err(bad(&format!(
            "{} samples decoded, {want} expected",
            data.len()
        )));
    }
    data.truncate(want);
    Ok(Raster {
        width,
        height,
        channels,
        data,
        dpi,
    })
}

fn png(bytes: &[u8], limits: &Limits) -> Result<Raster> {
    let bad = |e: png::DecodingError| malformed(Codec::Png, e);
    let budget = usize::try_from(limits.image_pixels.saturating_mul(8)).unwrap_or(usize::MAX);
    let mut dec = png::Decoder::new_with_limits(Cursor::new(bytes), png::Limits { bytes: budget });
    dec.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = dec.read_info().map_err(bad)?;
    let (width, height) = (reader.info().width, reader.info().height);
    check_size(Codec::Png, width, height, limits)?;
    let dpi = reader
        .info()
        .pixel_dims
        .filter(|d| d.unit == png::Unit::Meter && d.xppu > 0)
        .map(|d| (d.xppu as f32 * 0.0254, d.yppu as f32 * 0.0254));
    let size = reader
        .output_buffer_size()
        .ok_or_else(|| malformed(Codec::Png, "the image is too large"))?;
    let mut buf = vec![0; size];
    let frame = reader.next_frame(&mut buf).map_err(bad)?;
    buf.truncate(frame.buffer_size());
    let (comps, alpha) = match frame.color_type {
        png::ColorType::Grayscale => (1, false),
        png::ColorType::GrayscaleAlpha => (2, true),
        png::ColorType::Rgb => (3, false),
        png::ColorType::Rgba => (4, true),
        png::ColorType::Indexed => {
            // EXPAND turns palettes into RGB; an indexed frame here means no PLTE chunk.
            let palette = reader.info().palette.as_deref().unwrap_or(&[]).to_vec();
            let (channels, data) = expand_palette(&buf, &palette);
            return raster(Codec::Png, width, height, channels, data, dpi);
        }
    };
    let (channels, data) = to_gray_or_rgb(buf, comps, alpha);
    raster(Codec::Png, width, height, channels, data, dpi)
}

fn webp(bytes: &[u8], limits: &Limits) -> Result<Raster> {
    let bad = |e: image_webp::DecodingError| malformed(Codec::Webp, e);
    let mut dec = image_webp::WebPDecoder::new(Cursor::new(bytes)).map_err(bad)?;
    let (width, height) = dec.dimensions();
    check_size(Codec::Webp, width, height, limits)?;
    let size = dec
        .output_buffer_size()
        .ok_or_else(|| malformed(Codec::Webp, "the image is too large"))?;
    let alpha = dec.has_alpha();
    let mut buf = vec![0; size];
    dec.read_image(&mut buf).map_err(bad)?;
    let (channels, data) = to_gray_or_rgb(buf, if alpha { 4 } else { 3 }, alpha);
    raster(Codec::Webp, width, height, channels, data, None)
}
