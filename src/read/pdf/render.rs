//! Pages drawn to pixels for OCR (feature `ocr`): a page whose fonts have no usable Unicode map
//! (an embedded subset without ToUnicode, a ToUnicode that sends glyphs to the wrong
//! characters) still shows the right glyphs, so it is rendered by hayro (pure Rust, renders
//! embedded TrueType, CFF and Type 1 fonts and CID fonts through the Adobe CMaps) and read by
//! the OCR engine like a scan.
//!
//! hayro parses the file again on its own (lopdf's objects cannot be handed to it); that costs
//! a parse only for files with such pages. Fonts that are not embedded are drawn with hayro's
//! built-in standard fonts, which have no Chinese glyphs: such pages cannot be recovered by
//! rendering, and [`Renderer::page`] is not asked for them (see `ocr.rs`).

use hayro::hayro_interpret::InterpreterSettings;
use hayro::hayro_syntax::Pdf;
use hayro::vello_cpu::color::palette::css::WHITE;
use hayro::{render, PixmapSettings, RenderCache, RenderSettings};

use crate::read::image::Raster;

/// Resolution pages are rendered at, at most (dots per inch): text of 7 pt is then about 30 px
/// high, well inside what the detector reads; a page is drawn smaller when its longer side
/// would pass the OCR side limit.
pub(super) const RENDER_DPI: f32 = 300.0;

/// The file, parsed by hayro.
pub(super) struct Renderer {
    pdf: Pdf,
}

impl std::fmt::Debug for Renderer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Renderer").finish_non_exhaustive()
    }
}

impl Renderer {
    /// Parse `bytes` (`None` when hayro cannot: an encrypted or broken file).
    pub(super) fn new(bytes: &[u8], password: Option<&str>) -> Option<Renderer> {
        let data = std::sync::Arc::new(bytes.to_vec());
        let pdf = guarded(|| Pdf::new_with_password(data, password.unwrap_or("")).ok())??;
        Some(Renderer { pdf })
    }

    /// The number of pages hayro finds.
    pub(super) fn pages(&self) -> usize {
        self.pdf.pages().len()
    }

    /// Page `index` (from 0) as an RGB raster whose longer side is at most `max_side` pixels
    /// and whose resolution is at most [`RENDER_DPI`]; the raster covers the visible page (crop
    /// box, `/Rotate` applied) as `page_matrix` gives it. `None` for a missing page or one hayro
    /// gave up on.
    pub(super) fn page(&self, index: usize, max_side: u32) -> Option<Raster> {
        let page = self.pdf.pages().get(index)?;
        let (w, h) = page.render_dimensions();
        if !(w.is_finite() && h.is_finite() && w >= 1.0 && h >= 1.0) {
            return None;
        }
        // RenderContext sizes are u16; the side limit keeps well inside that.
        let max_side = max_side.clamp(32, u32::from(u16::MAX)) as f32;
        let scale = (RENDER_DPI / 72.0).min(max_side / w.max(h));
        let settings = PixmapSettings {
            x_scale: scale,
            y_scale: scale,
            bg_color: WHITE,
        };
        let pixmap = guarded(|| {
            let cache = RenderCache::new();
            render(
                page,
                &cache,
                &InterpreterSettings::default(),
                &RenderSettings::default(),
                &settings,
            )
        })?;
        let (width, height) = (u32::from(pixmap.width()), u32::from(pixmap.height()));
        // Drawn over an opaque white background: every pixel is opaque, so the premultiplied
        // samples are the colour.
        let data: Vec<u8> = pixmap.data().iter().flat_map(|p| [p.r, p.g, p.b]).collect();
        let dpi = scale * 72.0;
        Some(Raster {
            width,
            height,
            channels: 3,
            data,
            dpi: Some((dpi, dpi)),
        })
    }
}

/// hayro is a young parser run on hostile files: a panic in it loses the rendering of one
/// page, not the file.
fn guarded<T>(f: impl FnOnce() -> T) -> Option<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).ok()
}
