//! Fuzz the page-image decoders: the first byte picks an image file (PNG, JPEG, TIFF, BMP,
//! WebP, sniffed) or a PDF whose page images are extracted (DCT, Flate, CCITT, JBIG2 filters,
//! colour spaces, placement). Limits are small so a declared size can't exhaust memory.
#![no_main]

use gongwen::read::image;

fn limits() -> gongwen::Limits {
    let mut limits = gongwen::Limits::default();
    limits.image_pixels = 4_000_000;
    limits.image_total_pixels = 16_000_000;
    limits.stream_bytes = 16 << 20;
    limits.pages = 16;
    limits
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    if mode % 2 == 0 {
        if let Ok(rasters) = image::decode(rest, &limits()) {
            for r in rasters {
                assert_eq!(
                    r.data.len(),
                    (r.width * r.height * r.channels as u32) as usize
                );
            }
        }
    } else {
        let mut options = gongwen::ReadOptions::default();
        options.limits = limits();
        if let Ok((pages, _)) = image::pdf_images(rest, &options) {
            for page in pages.iter().take(2) {
                let _ = image::compose(
                    &page.images,
                    page.width.min(2000.0),
                    page.height.min(2000.0),
                    50.0,
                    &options.limits,
                );
            }
        }
    }
});
