//! Page images for OCR: image files (PNG, JPEG, TIFF, BMP, WebP) and the images PDF pages draw,
//! with their placement. Fixtures: tests/fixtures/images (made by make.py there): a white
//! 200 × 100 page with a black bar at x 10–89, y 10–19 and a black square at x 150–169,
//! y 70–89; colour versions add a red spot at x 120–139, y 10–29.

use gongwen::read::image::{self, PlacedRaster, Raster};
use gongwen::{Error, Limits, ReadOptions};

use crate::util;

fn fixture(name: &str) -> Vec<u8> {
    util::bytes(&util::root().join("tests/fixtures/images").join(name))
}

/// The gray value at (x, y) (RGB averaged).
fn gray(r: &Raster, x: u32, y: u32) -> u8 {
    let at = ((y * r.width + x) * r.channels as u32) as usize;
    let px = &r.data[at..at + r.channels as usize];
    (px.iter().map(|&v| v as u32).sum::<u32>() / px.len() as u32) as u8
}

/// The bar and the square are black, the background white (JPEG: within its noise).
fn assert_marks(r: &Raster, what: &str) {
    assert_eq!((r.width, r.height), (200, 100), "{what}: size");
    assert_eq!(
        r.data.len(),
        (r.width * r.height * r.channels as u32) as usize,
        "{what}"
    );
    for (x, y) in [(12, 12), (87, 17), (155, 75), (168, 88)] {
        assert!(
            gray(r, x, y) < 60,
            "{what}: ({x},{y}) should be black, is {}",
            gray(r, x, y)
        );
    }
    for (x, y) in [(5, 5), (100, 50), (195, 95), (50, 40)] {
        assert!(
            gray(r, x, y) > 200,
            "{what}: ({x},{y}) should be white, is {}",
            gray(r, x, y)
        );
    }
}

fn pdf_pages(name: &str) -> Vec<image::PageImages> {
    let (pages, warnings) = image::pdf_images(&fixture(name), &ReadOptions::default()).expect(name);
    assert!(warnings.is_empty(), "{name}: {warnings:?}");
    pages
}

fn only_image(name: &str) -> PlacedRaster {
    let mut pages = pdf_pages(name);
    assert_eq!(pages.len(), 1, "{name}");
    assert_eq!(pages[0].images.len(), 1, "{name}");
    pages.remove(0).images.remove(0)
}

#[test]
fn image_files_decode_to_their_pixels() {
    for (name, channels) in [
        ("page.png", 3),
        ("page-gray.jpg", 1),
        ("page.bmp", 3),
        ("page.webp", 3),
    ] {
        let rasters = image::decode(&fixture(name), &Limits::default()).expect(name);
        assert_eq!(rasters.len(), 1, "{name}");
        assert_eq!(rasters[0].channels, channels, "{name}");
        assert_marks(&rasters[0], name);
    }
    // The red spot stays red: seals are told by colour.
    let png = &image::decode(&fixture("page.png"), &Limits::default()).unwrap()[0];
    assert_eq!(&png.data[((15 * 200 + 125) * 3)..][..3], &[255, 0, 0]);
    let jpg = &image::decode(&fixture("page-gray.jpg"), &Limits::default()).unwrap()[0];
    assert_eq!(jpg.dpi, Some((200.0, 200.0)));
}

#[test]
fn every_page_of_a_tiff_decodes() {
    let pages = image::decode(&fixture("pages.tif"), &Limits::default()).unwrap();
    assert_eq!(pages.len(), 3);
    // Page 1: CCITT G4, 1 bit; page 2: LZW gray, turned 180°; page 3: PackBits RGB.
    assert_eq!(pages[0].channels, 1);
    assert_marks(&pages[0], "G4 page");
    assert_eq!(pages[0].dpi, Some((200.0, 200.0)));
    assert_eq!(
        (pages[1].channels, gray(&pages[1], 199 - 12, 99 - 12)),
        (1, 0)
    );
    assert_eq!(gray(&pages[1], 12, 12), 255);
    assert_eq!(pages[2].channels, 3);
    assert_marks(&pages[2], "RGB page");
}

#[test]
fn pdf_images_decode_with_their_placement() {
    for name in [
        "jpeg.pdf",
        "flate-gray.pdf",
        "g4.pdf",
        "jbig2.pdf",
        "cmyk.pdf",
        "inline.pdf",
    ] {
        let placed = only_image(name);
        assert_marks(&placed.raster, name);
        // Drawn over the whole 400 × 200 pt page, first row at the top.
        assert_eq!(placed.page_box(), [0.0, 0.0, 400.0, 200.0], "{name}");
        assert_eq!(
            placed.to_page.0,
            [400.0, 0.0, 0.0, 200.0, 0.0, 0.0],
            "{name}"
        );
    }
    let g4 = only_image("g4.pdf").raster;
    assert!(
        g4.data.iter().all(|&v| v == 0 || v == 255),
        "bilevel stays bilevel"
    );
    let jpeg = only_image("jpeg.pdf").raster;
    assert_eq!(jpeg.channels, 3);
    let red = &jpeg.data[((15 * 200 + 125) * 3)..][..3];
    assert!(
        red[0] > 200 && red[1] < 60 && red[2] < 60,
        "red spot: {red:?}"
    );
}

#[test]
fn rotated_pages_place_images_as_seen() {
    let pages = pdf_pages("rotated.pdf");
    assert_eq!((pages[0].width, pages[0].height), (200.0, 400.0));
    let placed = &pages[0].images[0];
    assert_eq!(placed.page_box(), [0.0, 0.0, 200.0, 400.0]);
    // The image's top-left corner lands at the top-right of the page turned clockwise.
    let (x, y) = apply(placed, 0.0, 0.0);
    assert_eq!((x, y), (200.0, 0.0));
    let page = image::compose(
        &pages[0].images,
        pages[0].width,
        pages[0].height,
        72.0,
        &Limits::default(),
    )
    .unwrap();
    assert_eq!((page.width, page.height), (200, 400));
    // The bar (image x 10–89, y 10–19 of 200 × 100, drawn ×2) runs down the right edge.
    assert_eq!(gray(&page, 200 - 30, 100), 0);
    assert_eq!(gray(&page, 30, 100), 255);
}

fn apply(p: &PlacedRaster, u: f32, v: f32) -> (f32, f32) {
    let [a, b, c, d, e, f] = p.to_page.0;
    (a * u + c * v + e, b * u + d * v + f)
}

#[test]
fn strips_keep_their_own_placement_and_compose() {
    let pages = pdf_pages("strips.pdf");
    let strips = &pages[0].images;
    assert_eq!(strips.len(), 2);
    assert_eq!(strips[0].page_box(), [0.0, 0.0, 400.0, 100.0]);
    assert_eq!(strips[1].page_box(), [0.0, 100.0, 400.0, 200.0]);
    // /Decode [1 0] and /ImageMask both come out black-on-white.
    assert_eq!(gray(&strips[0].raster, 12, 12), 0);
    assert_eq!(gray(&strips[0].raster, 5, 5), 255);
    assert_eq!(gray(&strips[1].raster, 155, 25), 0);
    assert_eq!(gray(&strips[1].raster, 5, 5), 255);
    let page = image::compose(strips, 400.0, 200.0, 36.0, &Limits::default()).unwrap();
    assert_eq!(
        (page.width, page.height, page.dpi),
        (200, 100, Some((36.0, 36.0)))
    );
    assert_marks(&page, "composed strips");
}

#[test]
fn malformed_images_give_clear_errors() {
    let err = image::decode(&fixture("truncated.jpg"), &Limits::default())
        .map(|r| r.len())
        .unwrap_err();
    assert!(
        matches!(&err, Error::Malformed { .. }) && err.to_string().contains("JPEG"),
        "{err}"
    );
    let err = image::decode(&fixture("huge.png"), &Limits::default())
        .map(|r| r.len())
        .unwrap_err();
    assert!(matches!(err, Error::LimitExceeded { .. }), "{err}");
    let err = image::decode(b"GIF89a....", &Limits::default())
        .map(|r| r.len())
        .unwrap_err();
    assert!(matches!(err, Error::UnknownFormat { .. }), "{err}");
    for name in ["bad-ccitt.pdf", "huge.pdf"] {
        let (pages, warnings) = image::pdf_images(&fixture(name), &ReadOptions::default()).unwrap();
        assert!(pages[0].images.is_empty(), "{name}");
        assert_eq!(warnings.len(), 1, "{name}");
    }
}

#[test]
fn a_small_pixel_limit_stops_decoding() {
    let mut limits = Limits::default();
    limits.image_pixels = 10_000;
    let err = image::decode(&fixture("page.png"), &limits)
        .map(|r| r.len())
        .unwrap_err();
    assert!(matches!(err, Error::LimitExceeded { .. }), "{err}");
    limits.image_pixels = 100_000;
    limits.image_total_pixels = 30_000;
    let err = image::decode(&fixture("pages.tif"), &limits)
        .map(|r| r.len())
        .unwrap_err();
    assert!(matches!(err, Error::LimitExceeded { .. }), "{err}");
}

/// A tag the decoder reads whose values would run past the end of the file is refused before the
/// `tiff` crate reserves room for them (a fuzzer timeout: 6.6 M values declared in 1.8 KB).
#[test]
fn a_tiff_tag_declaring_values_past_the_end_is_refused() {
    let mut bytes = fixture("pages.tif");
    assert!(bytes.starts_with(b"II*\0"));
    let u16_at = |b: &[u8], at: usize| u16::from_le_bytes([b[at], b[at + 1]]) as usize;
    let ifd = u32::from_le_bytes(bytes[4..8].try_into().unwrap()) as usize;
    let entries = u16_at(&bytes, ifd);
    let strip_offsets = (0..entries)
        .map(|i| ifd + 2 + 12 * i)
        .find(|&at| u16_at(&bytes, at) == 273)
        .expect("pages.tif has StripOffsets");
    bytes[strip_offsets + 4..strip_offsets + 8].copy_from_slice(&6_619_137u32.to_le_bytes());
    let err = image::decode(&bytes, &Limits::default())
        .map(|r| r.len())
        .unwrap_err();
    assert_eq!(err.code(), "malformed", "{err}");
    assert!(
        err.to_string().contains("tag 273 declares 6619137 values"),
        "{err}"
    );
}
