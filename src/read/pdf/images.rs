//! The images a PDF page draws, decoded for OCR: image XObjects with the matrix that places
//! them (`PlacedRaster::to_page`, y down from the top of the page, `/Rotate` applied).
//!
//! Filters: DCTDecode (gray, RGB, CMYK incl. Adobe's inverted CMYK), FlateDecode, LZWDecode,
//! RunLength and the ASCII filters (with predictors, through lopdf), CCITTFaxDecode
//! (`hayro-ccitt`) and JBIG2Decode with `/JBIG2Globals` (`hayro-jbig2`). Samples of 1–16 bits;
//! colour spaces DeviceGray/RGB/CMYK, Cal*, ICCBased (by component count), Indexed,
//! Separation/DeviceN (tint → gray). `/Decode [1 0]` and `/ImageMask` are honoured; `/SMask`
//! is ignored (OCR reads the ink, not the transparency). Inline images are not decoded.

// Input reaches every line here: slicing goes through `.get()` (see docs/robustness.md).
#![cfg_attr(not(test), warn(clippy::indexing_slicing))]

use lopdf::{Dictionary, Document, Object, Stream};

use super::interp::{FontTable, ImageSource, ImageUse, Interp};
use super::lexer::Operand;
use super::{obj, page_content, page_matrix, PageRef};
use crate::error::{Error, Limit, Result};
use crate::model::{Code, Diagnostic, Format};
use crate::options::{Limits, ReadOptions};
use crate::read::geom::Matrix;
use crate::read::image::pixels::{cmyk_to_rgb, expand_palette, unpack};
use crate::read::image::{self, CcittParams, Codec, PlacedRaster, Raster};

/// The images `page` draws, in drawing order, each with its placement. Images that cannot be
/// decoded are skipped with a warning (one per page); an image over the pixel limits too.
pub fn page_images(
    doc: &Document,
    page: &PageRef,
    opts: &ReadOptions,
    warnings: &mut Vec<Diagnostic>,
) -> Vec<PlacedRaster> {
    let uses = image_uses(doc, page, &opts.limits);
    let mut out = Vec::new();
    let mut failed = Vec::new();
    let mut total = 0u64;
    for u in uses {
        let stream = match &u.source {
            ImageSource::Object(id) => match doc.get_object(*id) {
                Ok(Object::Stream(s)) => s,
                _ => continue,
            },
            ImageSource::Inline(s) => s,
        };
        match decode_image(doc, stream, &opts.limits) {
            Ok(raster) => {
                total += u64::from(raster.width) * u64::from(raster.height);
                if total > opts.limits.image_total_pixels {
                    failed.push(
                        Error::limit(Limit::ImageTotalPixels, opts.limits.image_total_pixels)
                            .to_string(),
                    );
                    break;
                }
                out.push(PlacedRaster {
                    raster,
                    to_page: unit_square_to_page(u.ctm),
                });
            }
            Err(e) => failed.push(e.to_string()),
        }
    }
    if let Some(first) = failed.first() {
        let code = if failed.iter().any(|f| f.contains("limit")) {
            Code::LimitReached
        } else {
            Code::DamagedFile
        };
        warnings.push(Diagnostic::new(
            code,
            format!(
                "{} page image(s) could not be decoded: {first}",
                failed.len()
            ),
        ));
    }
    out
}

/// The images of every page of the PDF in `bytes` (index = page number − 1), with the
/// page's visual size in points (`/Rotate` applied), and the warnings of reading them.
///
/// # Errors
/// The PDF reader's errors for a file that does not open (malformed, encrypted, limits).
pub fn pdf_images(bytes: &[u8], opts: &ReadOptions) -> Result<(Vec<PageImages>, Vec<Diagnostic>)> {
    let doc = super::load(bytes, opts)?;
    let mut warnings = Vec::new();
    let pages = super::page_list(&doc, opts.limits.pages, &mut warnings);
    let images = pages
        .iter()
        .map(|p| {
            let (_, width, height) = page_matrix(p);
            PageImages {
                width,
                height,
                images: page_images(&doc, p, opts, &mut warnings),
            }
        })
        .collect();
    Ok((images, warnings))
}

/// One page's images and its visual size.
#[derive(Debug, Clone, PartialEq)]
pub struct PageImages {
    /// Page width in points, after `/Rotate`.
    pub width: f32,
    /// Page height in points, after `/Rotate`.
    pub height: f32,
    /// The images drawn, in drawing order.
    pub images: Vec<PlacedRaster>,
}

/// Compose placed images onto one gray page raster of `width × height` points at `dpi`
/// (white background, later images over earlier ones; nearest-neighbour sampling, axis-aligned
/// or rotated placements alike). For pages made of several strips. `None` when the page would
/// be over `limits.image_pixels` or empty.
pub fn compose(
    images: &[PlacedRaster],
    width: f32,
    height: f32,
    dpi: f32,
    limits: &Limits,
) -> Option<Raster> {
    let scale = dpi / 72.0;
    let (pw, ph) = ((width * scale).round(), (height * scale).round());
    if !(pw >= 1.0 && ph >= 1.0) || f64::from(pw) * f64::from(ph) > limits.image_pixels as f64 {
        return None;
    }
    let (pw, ph) = (pw as usize, ph as usize);
    let mut data = vec![255u8; pw * ph];
    for img in images {
        draw(&mut data, pw, ph, scale, img);
    }
    Some(Raster {
        width: pw as u32,
        height: ph as u32,
        channels: 1,
        data,
        dpi: Some((dpi, dpi)),
    })
}

/// Paint one placed image: every page pixel inside its box samples the image through the
/// inverse placement.
fn draw(page: &mut [u8], pw: usize, ph: usize, scale: f32, img: &PlacedRaster) {
    let Some(inv) = invert_matrix(img.to_page) else {
        return;
    };
    let [x0, y0, x1, y1] = img.page_box().map(|v| v * scale);
    let r = &img.raster;
    let (iw, ih, ch) = (r.width as f32, r.height as f32, r.channels as usize);
    let clamp = |v: f32, hi: usize| (v.max(0.0) as usize).min(hi);
    for py in clamp(y0.floor(), ph)..clamp(y1.ceil(), ph) {
        for px in clamp(x0.floor(), pw)..clamp(x1.ceil(), pw) {
            let (u, v) = inv.apply((px as f32 + 0.5) / scale, (py as f32 + 0.5) / scale);
            if !(0.0..1.0).contains(&u) || !(0.0..1.0).contains(&v) {
                continue;
            }
            let at = ((v * ih) as usize * r.width as usize + (u * iw) as usize) * ch;
            let gray = match r.data.get(at..at + ch) {
                Some([g]) => *g,
                Some([red, g, b]) => {
                    ((u32::from(*red) * 299 + u32::from(*g) * 587 + u32::from(*b) * 114) / 1000)
                        as u8
                }
                _ => continue,
            };
            if let Some(p) = page.get_mut(py * pw + px) {
                *p = gray;
            }
        }
    }
}

fn invert_matrix(m: Matrix) -> Option<Matrix> {
    let [a, b, c, d, e, f] = m.0;
    let det = a * d - b * c;
    if det.abs() < 1e-9 || !det.is_finite() {
        return None;
    }
    let (ia, ib, ic, id) = (d / det, -b / det, -c / det, a / det);
    Some(Matrix([
        ia,
        ib,
        ic,
        id,
        -(e * ia + f * ic),
        -(e * ib + f * id),
    ]))
}

/// The image XObjects drawn on `page` and their CTMs (user space → visual page space).
pub(crate) fn image_uses(doc: &Document, page: &PageRef, limits: &Limits) -> Vec<ImageUse> {
    let mut fonts = FontTable::default();
    let mut it = Interp::new(doc, &mut fonts, 1, limits);
    let limit = usize::try_from(limits.stream_bytes).unwrap_or(usize::MAX);
    let content = page_content(doc, page.dict, limit, &mut it.out.streams_skipped);
    it.run(&content, page.resources, page_matrix(page).0, 0);
    it.out.image_uses
}

/// An inline image as the image XObject it abbreviates: `operands` are its dictionary's keys
/// and values, flat (`/W 8 /H 8 /CS /G /F /Fl`); a colour space named in the page's resources
/// is looked up there.
pub(crate) fn inline_stream(
    doc: &Document,
    operands: &[Operand],
    data: &[u8],
    resources: Option<&Dictionary>,
) -> Stream {
    let mut dict = Dictionary::new();
    for pair in operands.chunks_exact(2) {
        let [Operand::Name(key), value] = pair else {
            continue;
        };
        let key = match key.as_slice() {
            b"BPC" => b"BitsPerComponent".as_slice(),
            b"CS" => b"ColorSpace",
            b"D" => b"Decode",
            b"DP" => b"DecodeParms",
            b"F" => b"Filter",
            b"H" => b"Height",
            b"IM" => b"ImageMask",
            b"W" => b"Width",
            other => other,
        };
        let mut value = inline_object(value);
        if key == b"ColorSpace" {
            if let Object::Name(n) = &value {
                let named = resources
                    .and_then(|r| obj::dict(doc, r.get(b"ColorSpace").ok()))
                    .and_then(|cs| cs.get(n).ok());
                if let Some(found) = named {
                    value = found.clone();
                }
            }
        }
        dict.set(key.to_vec(), value);
    }
    let mut stream = Stream::new(dict, data.to_vec());
    stream.allows_compression = false;
    stream
}

/// An inline image's operand as a PDF object, abbreviated names spelt out.
fn inline_object(o: &Operand) -> Object {
    match o {
        Operand::Num(n) if n.fract() == 0.0 && n.abs() < 1e9 => Object::Integer(*n as i64),
        Operand::Num(n) => Object::Real(*n),
        Operand::Str(s) => Object::String(s.clone(), lopdf::StringFormat::Literal),
        Operand::Name(n) => Object::Name(full_name(n).to_vec()),
        Operand::Array(items) => Object::Array(items.iter().map(inline_object).collect()),
        Operand::Dict(items) => Object::Dictionary(
            items
                .iter()
                .map(|(k, v)| (k.clone(), inline_object(v)))
                .collect(),
        ),
        Operand::Bool(b) => Object::Boolean(*b),
        Operand::Other => Object::Null,
    }
}

/// The full name of an inline image's abbreviated colour space or filter name.
fn full_name(n: &[u8]) -> &[u8] {
    match n {
        b"G" => b"DeviceGray",
        b"RGB" => b"DeviceRGB",
        b"CMYK" => b"DeviceCMYK",
        b"I" => b"Indexed",
        b"AHx" => b"ASCIIHexDecode",
        b"A85" => b"ASCII85Decode",
        b"LZW" => b"LZWDecode",
        b"Fl" => b"FlateDecode",
        b"RL" => b"RunLengthDecode",
        b"CCF" => b"CCITTFaxDecode",
        b"DCT" => b"DCTDecode",
        other => other,
    }
}

/// PDF draws an image into the unit square with its first row at y = 1; `PlacedRaster` wants
/// the first row at v = 0.
fn unit_square_to_page(ctm: Matrix) -> Matrix {
    Matrix([1.0, 0.0, 0.0, -1.0, 0.0, 1.0]).then(ctm)
}

/// What the filters leave: samples to interpret, or a finished raster.
enum Decoded {
    Samples(Vec<u8>),
    Raster(Raster),
}

/// Decode one image XObject's stream.
pub(crate) fn decode_image(doc: &Document, stream: &Stream, limits: &Limits) -> Result<Raster> {
    let d = &stream.dict;
    let int = |k: &[u8]| obj::number(doc, d.get(k).ok()).map(|v| v as i64);
    let width = u32::try_from(int(b"Width").unwrap_or(0)).unwrap_or(0);
    let height = u32::try_from(int(b"Height").unwrap_or(0)).unwrap_or(0);
    image::check_pixels(width, height, limits, pdf_error)?;
    let mask = matches!(
        obj::deref(doc, d.get(b"ImageMask").ok()),
        Some(Object::Boolean(true))
    );
    let bits = if mask {
        1
    } else {
        int(b"BitsPerComponent").unwrap_or(8) as u8
    };
    let space = if mask {
        Space::Gray
    } else {
        Space::of(doc, d.get(b"ColorSpace").ok())
    };
    // A CMYK JPEG's /Decode [1 0 …] is Adobe's inverted CMYK, which zune-jpeg undoes itself.
    let adobe_cmyk = space == Space::Cmyk
        && stream
            .filters()
            .is_ok_and(|f| f.last() == Some(&&b"DCTDecode"[..]));
    let inverted = decode_inverted(doc, d) && !adobe_cmyk;
    let decoded = match filtered(doc, stream, width, height, limits)? {
        Decoded::Raster(r) => r,
        Decoded::Samples(s) => samples_to_raster(&s, width, height, bits, &space)?,
    };
    Ok(if inverted { invert(decoded) } else { decoded })
}

fn pdf_error(reason: &str) -> Error {
    Error::malformed(Format::Pdf, format!("image: {reason}"))
}

/// `/Decode [1 0]` (first pair descending): the samples mean the opposite.
fn decode_inverted(doc: &Document, d: &Dictionary) -> bool {
    let Some(a) = obj::deref(doc, d.get(b"Decode").ok()).and_then(|o| o.as_array().ok()) else {
        return false;
    };
    let n = |i: usize| a.get(i).and_then(|v| obj::number(doc, Some(v)));
    matches!((n(0), n(1)), (Some(lo), Some(hi)) if lo > hi)
}

fn invert(mut r: Raster) -> Raster {
    r.data.iter_mut().for_each(|v| *v = 255 - *v);
    r
}

/// Run the stream's filters: the byte filters through lopdf, the image filters here.
fn filtered(
    doc: &Document,
    stream: &Stream,
    width: u32,
    height: u32,
    limits: &Limits,
) -> Result<Decoded> {
    let filters: Vec<Vec<u8>> = stream
        .filters()
        .map(|f| f.iter().map(|n| n.to_vec()).collect())
        .unwrap_or_default();
    let stream_limit = usize::try_from(limits.stream_bytes).unwrap_or(usize::MAX);
    // Samples never need more than 16 bits × 4 components per pixel (+ a predictor byte a row).
    let sample_limit = (width as usize)
        .saturating_mul(8)
        .saturating_add(1)
        .saturating_mul(height as usize)
        .min(stream_limit);
    let (last, before) = match filters.split_last() {
        Some((last, before)) if is_image_filter(last) => (Some(last.as_slice()), before),
        _ => (None, &filters[..]),
    };
    let bytes = if before.is_empty() && last.is_some() {
        stream.content.clone()
    } else {
        byte_filters(
            stream,
            before,
            if last.is_some() {
                stream_limit
            } else {
                sample_limit
            },
        )?
    };
    let params = last.and_then(|_| last_params(doc, stream, filters.len()));
    match last {
        None => Ok(Decoded::Samples(bytes)),
        // zune-jpeg converts CMYK and YCCK (Adobe's inverted CMYK) to RGB itself.
        Some(b"DCTDecode") => {
            image::guarded(Codec::Jpeg, || image::jpeg(&bytes, limits)).map(Decoded::Raster)
        }
        Some(b"CCITTFaxDecode") => {
            let p = ccitt_params(doc, params, width, height);
            image::guarded(Codec::Tiff, || image::ccitt(&bytes, &p))
                .map_err(|e| pdf_error(&e.to_string()))
                .map(Decoded::Raster)
        }
        Some(b"JBIG2Decode") => {
            let globals = params
                .and_then(|p| obj::stream_bytes(doc, p.get(b"JBIG2Globals").ok(), stream_limit));
            image::guarded(Codec::Tiff, || {
                image::jbig2(&bytes, globals.as_deref(), width, height)
            })
            .map_err(|e| pdf_error(&e.to_string()))
            .map(Decoded::Raster)
        }
        Some(other) => Err(Error::malformed(
            Format::Pdf,
            format!(
                "image filter {} is not supported",
                String::from_utf8_lossy(other)
            ),
        )),
    }
}

/// `/DecodeParms` of CCITTFaxDecode, with the PDF defaults.
fn ccitt_params(
    doc: &Document,
    params: Option<&Dictionary>,
    width: u32,
    height: u32,
) -> CcittParams {
    let get = |k: &[u8]| params.and_then(|p| obj::deref(doc, p.get(k).ok()));
    let num = |k: &[u8]| get(k).and_then(|o| o.as_float().ok());
    let flag = |k: &[u8], default: bool| get(k).and_then(|o| o.as_bool().ok()).unwrap_or(default);
    CcittParams {
        k: num(b"K").unwrap_or(0.0) as i64,
        columns: num(b"Columns").map_or(1728, |c| c as u32).max(1),
        rows: num(b"Rows").map_or(height, |r| r as u32),
        width,
        height,
        black_is_1: flag(b"BlackIs1", false),
        byte_align: flag(b"EncodedByteAlign", false),
        end_of_block: flag(b"EndOfBlock", true),
        end_of_line: flag(b"EndOfLine", false),
    }
}

fn is_image_filter(name: &[u8]) -> bool {
    matches!(
        name,
        b"DCTDecode" | b"CCITTFaxDecode" | b"JBIG2Decode" | b"JPXDecode"
    )
}

/// The byte filters before an image filter (or all of them), decoded by lopdf.
fn byte_filters(stream: &Stream, filters: &[Vec<u8>], limit: usize) -> Result<Vec<u8>> {
    let mut s = stream.clone();
    let names = filters
        .iter()
        .map(|f| Object::Name(f.clone()))
        .collect::<Vec<_>>();
    if names.is_empty() {
        s.dict.remove(b"Filter");
    } else {
        s.dict.set("Filter", Object::Array(names));
    }
    s.get_plain_content_with_limit(limit).map_err(|e| match e {
        lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. }) => {
            Error::limit(Limit::StreamBytes, limit as u64)
        }
        e => Error::malformed(Format::Pdf, format!("image data: {e}")),
    })
}

/// The `/DecodeParms` of the last filter.
fn last_params<'a>(doc: &'a Document, stream: &'a Stream, count: usize) -> Option<&'a Dictionary> {
    match obj::deref(doc, stream.dict.get(b"DecodeParms").ok())? {
        Object::Array(a) => obj::dict(doc, a.get(count.checked_sub(1)?)),
        Object::Dictionary(d) => Some(d),
        _ => None,
    }
}

/// A colour space, reduced to what OCR needs.
#[derive(Debug, Clone, PartialEq)]
enum Space {
    Gray,
    Rgb,
    Cmyk,
    /// Separation or DeviceN with this many components: tints, 1 = full ink.
    Tint(usize),
    /// A palette of `base` colours, as RGB or gray bytes after `base`'s conversion.
    Indexed(Box<Space>, Vec<u8>),
}

impl Space {
    fn of(doc: &Document, o: Option<&Object>) -> Space {
        Space::resolve(doc, o, 0)
    }

    fn resolve(doc: &Document, o: Option<&Object>, depth: u8) -> Space {
        let Some(o) = obj::deref(doc, o) else {
            return Space::Gray;
        };
        if let Ok(name) = o.as_name() {
            return Space::named(name);
        }
        let Ok(a) = o.as_array() else {
            return Space::Gray;
        };
        let family = a
            .first()
            .and_then(|f| obj::name(doc, Some(f)))
            .unwrap_or_default();
        match family.as_slice() {
            b"ICCBased" => {
                let n = obj::dict(doc, a.get(1))
                    .and_then(|d| obj::number(doc, d.get(b"N").ok()))
                    .unwrap_or(1.0);
                Space::components(n as usize)
            }
            b"Indexed" if depth < 2 => {
                let base = Space::resolve(doc, a.get(1), depth + 1);
                let table = match obj::deref(doc, a.get(3)) {
                    Some(Object::String(s, _)) => s.clone(),
                    Some(Object::Stream(s)) => s
                        .get_plain_content_with_limit(4 * 256 * 2)
                        .unwrap_or_default(),
                    _ => Vec::new(),
                };
                Space::Indexed(Box::new(base), table)
            }
            b"Separation" => Space::Tint(1),
            b"DeviceN" => Space::Tint(
                obj::deref(doc, a.get(1))
                    .and_then(|n| n.as_array().ok())
                    .map_or(1, |n| n.len().max(1)),
            ),
            other => Space::named(other),
        }
    }

    fn named(name: &[u8]) -> Space {
        match name {
            b"DeviceRGB" | b"RGB" | b"CalRGB" | b"Lab" => Space::Rgb,
            b"DeviceCMYK" | b"CMYK" => Space::Cmyk,
            _ => Space::Gray,
        }
    }

    fn components(n: usize) -> Space {
        match n {
            3 => Space::Rgb,
            4 => Space::Cmyk,
            _ => Space::Gray,
        }
    }

    fn count(&self) -> usize {
        match self {
            Space::Gray | Space::Indexed(..) => 1,
            Space::Rgb => 3,
            Space::Cmyk => 4,
            Space::Tint(n) => *n,
        }
    }
}

/// Packed samples in `space` to a gray or RGB raster.
fn samples_to_raster(
    samples: &[u8],
    width: u32,
    height: u32,
    bits: u8,
    space: &Space,
) -> Result<Raster> {
    if !matches!(bits, 1 | 2 | 4 | 8 | 16) {
        return Err(Error::malformed(
            Format::Pdf,
            format!("an image has {bits} bits per component"),
        ));
    }
    let (w, h) = (width as usize, height as usize);
    let n = space.count();
    let stride = (w * n * bits as usize).div_ceil(8);
    if samples.len() < stride.saturating_mul(h) / 2 {
        // Short streams are common (a truncated last strip) and are padded; half missing is damage.
        return Err(Error::malformed(
            Format::Pdf,
            "an image's data is less than half its size",
        ));
    }
    let indexed = matches!(space, Space::Indexed(..));
    let values = unpack(samples, w, h, n, bits, !indexed);
    let (channels, data) = match space {
        Space::Gray => (1, values),
        Space::Rgb => (3, values),
        Space::Cmyk => (3, cmyk_to_rgb(&values, false)),
        Space::Tint(k) => (
            1,
            values
                .chunks_exact(*k)
                .map(|t| 255 - t.iter().copied().max().unwrap_or(0))
                .collect(),
        ),
        Space::Indexed(base, table) => {
            let rgb = palette_rgb(base, table);
            expand_palette(&values, &rgb)
        }
    };
    image::raster_or(width, height, channels, data, None, pdf_error)
}

/// A palette's entries as RGB triples.
fn palette_rgb(base: &Space, table: &[u8]) -> Vec<u8> {
    match base {
        Space::Rgb => table.to_vec(),
        Space::Cmyk => cmyk_to_rgb(table, false),
        Space::Tint(k) => table
            .chunks_exact(*k)
            .flat_map(|t| [255 - t.iter().copied().max().unwrap_or(0); 3])
            .collect(),
        _ => table.iter().flat_map(|&g| [g; 3]).collect(),
    }
}
