//! The OCR flags shared by `convert` and `batch`.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use gongwen::{OcrMode, ReadOptions};

/// When to read pages by OCR.
#[derive(ValueEnum, Clone, Copy, PartialEq, Eq, Debug)]
pub enum OcrArg {
    /// Image inputs and PDF pages that are images without a text layer.
    Auto,
    /// Also PDF pages with images and a text layer.
    Always,
    /// Never (scans give a `no_text_layer` warning).
    Never,
}

#[derive(Args, Debug, Clone)]
pub struct OcrFlags {
    /// When to OCR scanned pages and page images (needs the models: scripts/fetch-ocr-models.sh).
    #[arg(long, value_enum, default_value_t = OcrArg::Auto)]
    ocr: OcrArg,
    /// Directory of the OCR models (default: $GONGWEN_OCR_MODELS, then models/ocr).
    #[arg(long, value_name = "DIR")]
    ocr_models: Option<PathBuf>,
    /// Threads for OCR; 0 is one per core.
    #[arg(long, value_name = "N", default_value_t = 0)]
    ocr_threads: usize,
}

impl OcrFlags {
    /// Set the OCR options of `read`.
    pub fn apply(&self, read: &mut ReadOptions) {
        read.ocr.mode = match self.ocr {
            OcrArg::Auto => OcrMode::Auto,
            OcrArg::Always => OcrMode::Always,
            OcrArg::Never => OcrMode::Never,
        };
        read.ocr.models = self.ocr_models.clone();
        read.ocr.threads = self.ocr_threads;
    }
}
