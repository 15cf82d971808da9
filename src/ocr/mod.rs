//! OCR of page images (feature `ocr`): PP-OCRv4 text detection, line orientation and
//! recognition run by rten in pure Rust, and the recognised lines turned into the layout
//! module's glyphs so scanned pages get the reading order, paragraphs and page-number removal
//! of born-digital ones.
//!
//! The steps, one file each:
//! - `pixels.rs`: grey conversion (red seals pushed to white), bounded downscaling, crops;
//! - `db.rs`: the detector's probability map → oriented line boxes;
//! - `geom.rs`: hulls, minimum-area rectangles, unclipping, line frames;
//! - `ctc.rs`: the recogniser's output → characters with positions and probabilities;
//! - `engine.rs`: the three networks and the steps between them;
//! - `net.rs`, `dwconv.rs`: each network rewritten when loaded, its depthwise convolutions
//!   and the elementwise steps around them run by a vectorised kernel of gongwen's own;
//! - `glyphs.rs`: recognised lines → [`Glyph`](crate::read::layout::Glyph)s in page units.
//!
//! The models are not in the crate: `scripts/fetch-ocr-models.sh` fetches them (Apache-2.0,
//! PaddleOCR). [`find_models`] looks in `--ocr-models DIR`, then `GONGWEN_OCR_MODELS`, then
//! `models/ocr` in the working directory and in the source checkout gongwen was built from.

mod ctc;
mod db;
mod dwconv;
mod engine;
mod geom;
pub(crate) mod glyphs;
mod net;
mod pages;
mod pixels;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

pub use engine::Engine;
pub use geom::{Frame, Point};
pub use pages::{read_images, OcrRun};

use crate::error::{Error, Result};

/// File name of the detection model.
pub const DET_MODEL: &str = "ch_PP-OCRv4_det_infer.onnx";
/// File name of the line orientation model.
pub const CLS_MODEL: &str = "ch_ppocr_mobile_v2.0_cls_infer.onnx";
/// File name of the recognition model.
pub const REC_MODEL: &str = "ch_PP-OCRv4_rec_infer.onnx";
/// What `source.ocr.engine` says.
pub const ENGINE_NAME: &str = "PP-OCRv4 (rten)";
/// The environment variable naming the models directory.
pub const MODELS_ENV: &str = "GONGWEN_OCR_MODELS";
/// The command that fetches the models, for error messages.
pub const FETCH_COMMAND: &str = "scripts/fetch-ocr-models.sh [DIR]";

/// The text recognised on one raster.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PageText {
    /// Raster width in pixels.
    pub width: u32,
    /// Raster height in pixels.
    pub height: u32,
    /// Lines in detection order (top to bottom).
    pub lines: Vec<Line>,
    /// Degrees the scan was turned, clockwise: 0, or 180 for a page scanned upside down.
    /// Line frames are given on the page turned upright (same width and height).
    pub rotation: u16,
}

impl PageText {
    /// The mean character probability over the page; `None` without characters.
    pub fn confidence(&self) -> Option<f32> {
        let (sum, n) = self
            .lines
            .iter()
            .flat_map(|l| l.chars.iter())
            .fold((0.0f64, 0u32), |(s, n), c| (s + f64::from(c.prob), n + 1));
        (n > 0).then(|| (sum / f64::from(n)) as f32)
    }

    /// The lines' text, one line each.
    pub fn text(&self) -> String {
        let lines: Vec<String> = self.lines.iter().map(Line::text).collect();
        lines.join("\n")
    }
}

/// One recognised line.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// Where the line lies on the raster, in raster pixels.
    pub frame: Frame,
    /// Its characters in reading order (spaces included).
    pub chars: Vec<Char>,
    /// The mean probability of its characters.
    pub confidence: f32,
}

impl Line {
    /// The line's text.
    pub fn text(&self) -> String {
        self.chars.iter().map(|c| c.ch).collect()
    }
}

/// One recognised character.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Char {
    /// The character.
    pub ch: char,
    /// Where it starts along its line's frame, in raster pixels from the frame's origin.
    pub from: f32,
    /// Where it ends along the frame.
    pub to: f32,
    /// The recogniser's probability for it.
    pub prob: f32,
}

/// The models directory: `explicit` (`--ocr-models`), else `GONGWEN_OCR_MODELS`, else
/// `models/ocr` in the working directory or in the source checkout gongwen was built from.
///
/// # Errors
/// [`Error::Ocr`] naming the places searched and the command that fetches the models.
pub fn find_models(explicit: Option<&Path>) -> Result<PathBuf> {
    let complete = |d: &Path| {
        [DET_MODEL, CLS_MODEL, REC_MODEL]
            .iter()
            .all(|m| d.join(m).is_file())
    };
    let mut tried: Vec<PathBuf> = Vec::new();
    if let Some(d) = explicit {
        if complete(d) {
            return Ok(d.to_path_buf());
        }
        tried.push(d.to_path_buf());
    } else {
        let env = std::env::var_os(MODELS_ENV).map(PathBuf::from);
        let candidates = env.into_iter().chain([
            PathBuf::from("models/ocr"),
            Path::new(env!("CARGO_MANIFEST_DIR")).join("models/ocr"),
        ]);
        for d in candidates {
            if complete(&d) {
                return Ok(d);
            }
            tried.push(d);
        }
    }
    let tried: Vec<String> = tried.iter().map(|d| d.display().to_string()).collect();
    Err(Error::Ocr {
        reason: format!(
            "the OCR models ({DET_MODEL}, {CLS_MODEL}, {REC_MODEL}) were not found in {}; \
             fetch them with `{FETCH_COMMAND}` (from a gongwen source checkout; default DIR \
             models/ocr) and pass --ocr-models DIR or set {MODELS_ENV}=DIR",
            tried.join(", ")
        ),
    })
}

/// Engines already loaded, by models directory and thread count: loading takes a fraction of
/// a second and a batch OCRs many files.
type Loaded = Vec<(PathBuf, usize, Arc<Engine>)>;
static ENGINES: Mutex<Loaded> = Mutex::new(Vec::new());

/// The engine for `dir` on `threads` threads, loaded once per process.
///
/// # Errors
/// As [`Engine::load`].
pub fn engine(dir: &Path, threads: usize) -> Result<Arc<Engine>> {
    let mut loaded = ENGINES
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some((_, _, e)) = loaded.iter().find(|(d, t, _)| d == dir && *t == threads) {
        return Ok(Arc::clone(e));
    }
    let e = Arc::new(Engine::load(dir, threads)?);
    loaded.push((dir.to_path_buf(), threads, Arc::clone(&e)));
    Ok(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_models_name_the_fetch_command_and_the_place_searched() {
        let err = find_models(Some(Path::new("/nonexistent/models"))).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("scripts/fetch-ocr-models.sh"), "{msg}");
        assert!(msg.contains("/nonexistent/models"), "{msg}");
        assert!(msg.contains("--ocr-models"), "{msg}");
        assert_eq!(err.code(), "ocr");
    }

    #[test]
    fn page_confidence_is_the_mean_over_characters() {
        let frame = Frame::of(&geom::Quad([Point::default(); 4]));
        let ch = |prob| Char {
            ch: '字',
            from: 0.0,
            to: 1.0,
            prob,
        };
        let page = PageText {
            width: 1,
            height: 1,
            rotation: 0,
            lines: vec![
                Line {
                    frame,
                    chars: vec![ch(1.0), ch(0.5)],
                    confidence: 0.75,
                },
                Line {
                    frame,
                    chars: vec![ch(0.6)],
                    confidence: 0.6,
                },
            ],
        };
        assert!((page.confidence().unwrap() - 0.7).abs() < 1e-6);
        assert_eq!(page.text(), "字字\n字");
        assert_eq!(PageText::default().confidence(), None);
    }
}
