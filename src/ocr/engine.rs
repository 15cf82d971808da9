//! The three PP-OCR networks run by rten: text detection (DB), line orientation (0°/180°) and
//! recognition (CTC), and the steps between them.
//!
//! Settings follow RapidOCR 1.4.4, the package the models come from: the page is scaled so its
//! longer side is at most [`Limits::ocr_side`](crate::options::Limits) (2000 px by default),
//! detection input sides are multiples of 32, lines are cropped 48 px high, "180°" counts when
//! over 0.9 likely, and lines whose mean character probability is under 0.5 are dropped.
//!
//! Where gongwen departs from RapidOCR, for speed and accuracy measured on A4 scans (see
//! docs/performance.md): detection first runs at [`DET_FAST_SIDE`] and again at `ocr_side`
//! only for small text (RapidOCR: always `ocr_side`); lines are recognised one at a time
//! (RapidOCR: six at once); the classifier's votes turn the whole page or nothing (RapidOCR:
//! each line on its own).

use std::path::Path;
use std::sync::Arc;

use rten::ThreadPool;
use rten_tensor::prelude::*;
use rten_tensor::Tensor;

use super::ctc;
use super::db::{self, DbParams, ProbMap};
use super::geom::Frame;
use super::net::Net;
use super::pixels::{self, Gray};
use super::{Char, Line, PageText, CLS_MODEL, DET_MODEL, REC_MODEL};
use crate::error::{Error, Result};
use crate::read::image::Raster;

/// Recogniser input height.
const REC_HEIGHT: usize = 48;
/// Narrowest recogniser input (PaddleOCR's 320 × 48 shape).
const REC_MIN_WIDTH: usize = 320;
/// Widest line crop: 60 em of 48 px. Longer boxes are cut off rather than grow memory.
const REC_MAX_WIDTH: usize = 2880;
/// Lines per recognition batch. One: a batch of eight lines 1 400 px wide makes activations of
/// tens of MB that stream through memory at every elementwise step, while one line's fit the
/// L2 cache; measured on a 23-line page, batches of 8 took 40 % more CPU than batches of 1.
const REC_BATCH: usize = 1;
/// Classifier input width and batch.
const CLS_WIDTH: usize = 192;
const CLS_BATCH: usize = 8;
/// "180°" above this probability is a line's vote for turning the page.
const CLS_THRESH: f32 = 0.9;
/// Lines with a lower mean character probability are noise, not text.
const TEXT_SCORE: f32 = 0.5;
/// Detection scales small images up so their shorter side reaches this.
const DET_MIN_SIDE: f32 = 736.0;
/// Detection first runs with the page's longer side at most this: 16 pt body text on an A4
/// page is then ~18 px high, well inside what the detector finds, at a quarter of the work of
/// 2 000 px (the detector's cost grows with the pixel count).
const DET_FAST_SIDE: u32 = 960;
/// When the median line found in the first pass is thinner than this (detector pixels), the
/// page's text is small and detection runs again at the full `max_side`.
const DET_SMALL_TEXT: f32 = 14.0;

/// The loaded networks and the recogniser's dictionary.
pub struct Engine {
    det: Net,
    cls: Net,
    rec: Net,
    /// Class `k + 1` → character; the space is last.
    dict: Vec<char>,
    pool: Arc<ThreadPool>,
    /// Held while a page is recognised: one page at a time per engine. The networks already
    /// run on every core of `pool`, so a second page in parallel (two batch workers on two
    /// scans) gains little time but doubles the working set, about 230 MB a page for an A4
    /// scan; it made a batch's peak memory depend on how often scans coincide.
    busy: std::sync::Mutex<()>,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("dictionary", &self.dict.len())
            .finish_non_exhaustive()
    }
}

fn ocr_error(what: &str, e: impl std::fmt::Display) -> Error {
    Error::Ocr {
        reason: format!("{what}: {e}"),
    }
}

impl Engine {
    /// Load the three models from `dir`, to run on `threads` threads (0: one per core).
    ///
    /// # Errors
    /// [`Error::Ocr`] when a model is missing, unreadable or has no dictionary.
    pub fn load(dir: &Path, threads: usize) -> Result<Engine> {
        let load = |name: &str| {
            let what = format!("loading {name}");
            let bytes = std::fs::read(dir.join(name)).map_err(|e| ocr_error(&what, e))?;
            Net::load(&bytes, true).map_err(|e| ocr_error(&what, e))
        };
        let rec = load(REC_MODEL)?;
        let dict = dictionary(&rec)?;
        let threads = if threads == 0 {
            std::thread::available_parallelism().map_or(1, usize::from)
        } else {
            threads
        };
        Ok(Engine {
            det: load(DET_MODEL)?,
            cls: load(CLS_MODEL)?,
            rec,
            dict,
            pool: Arc::new(ThreadPool::with_num_threads(threads)),
            busy: std::sync::Mutex::new(()),
        })
    }

    fn run(&self, net: &Net, input: Tensor<f32>, what: &str) -> Result<Tensor<f32>> {
        net.run(input, &self.pool).map_err(|e| ocr_error(what, e))
    }

    /// Recognise the text lines of one raster. `max_side` caps the longer side the networks
    /// see (larger rasters are scaled down first).
    ///
    /// # Errors
    /// [`Error::Ocr`] when a network fails to run (a model that does not fit).
    pub fn recognize(&self, raster: &Raster, max_side: u32) -> Result<PageText> {
        let mut page = PageText {
            width: raster.width,
            height: raster.height,
            lines: Vec::new(),
            rotation: 0,
        };
        // A page that panicked while holding the lock left nothing shared behind: go on.
        let _one_page_at_a_time = self
            .busy
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let Some((gray, scale)) = pixels::to_gray(raster, max_side) else {
            return Ok(page);
        };
        let frames = self.detect_lines(&gray, max_side)?;
        let mut crops: Vec<(Frame, Gray, f32)> = frames
            .into_iter()
            .map(|f| {
                let (c, s) = pixels::crop(&gray, &f, REC_HEIGHT, REC_MAX_WIDTH);
                (f, c, s)
            })
            .collect();
        if self.orient(&mut crops)? {
            page.rotation = 180;
            let (w, h) = (gray.width as f32, gray.height as f32);
            for (frame, _, _) in &mut crops {
                *frame = frame.reflected(w, h);
            }
        }
        let texts = self.read_lines(&crops)?;
        for ((frame, _, crop_scale), chars) in crops.iter().zip(texts) {
            let confidence = mean_prob(&chars);
            if chars.is_empty() || confidence < TEXT_SCORE {
                continue;
            }
            page.lines.push(line_in_raster(
                frame,
                *crop_scale,
                scale,
                &chars,
                confidence,
            ));
        }
        if page.rotation == 180 {
            // Detection order was top to bottom of the upside-down scan.
            page.lines.reverse();
        }
        Ok(page)
    }

    /// Text line frames in `gray`'s pixels: detection at [`DET_FAST_SIDE`], again at
    /// `max_side` when that finds nothing or mostly small text.
    fn detect_lines(&self, gray: &Gray, max_side: u32) -> Result<Vec<Frame>> {
        if max_side <= DET_FAST_SIDE {
            return Ok(self.detect(gray, max_side)?.0);
        }
        let (frames, scale) = self.detect(gray, DET_FAST_SIDE)?;
        let mut thick: Vec<f32> = frames.iter().map(|f| f.thickness * scale).collect();
        thick.sort_by(f32::total_cmp);
        match thick.get(thick.len() / 2) {
            Some(&median) if median >= DET_SMALL_TEXT => Ok(frames),
            _ => Ok(self.detect(gray, max_side)?.0),
        }
    }

    /// Text line frames in `gray`'s pixels, with the detector's input scaled so its longer
    /// side is at most `side`, and that scale (detector pixels per grey pixel).
    fn detect(&self, gray: &Gray, side: u32) -> Result<(Vec<Frame>, f32)> {
        let (w, h) = (gray.width as f32, gray.height as f32);
        let up = (DET_MIN_SIDE / w.min(h)).max(1.0);
        let up = up.min(side.max(32) as f32 / w.max(h));
        let round32 = |v: f32| (((v * up) / 32.0).round() as usize).max(1) * 32;
        let (dw, dh) = (round32(w), round32(h));
        let resized = pixels::resize(gray, dw, dh);
        let mut input = vec![0.0f32; 3 * dw * dh];
        pixels::write_normalised(&resized, &mut input, 0, dw);
        drop(resized);
        let tensor = Tensor::from_data(&[1, 3, dh, dw], input);
        let out = self.run(&self.det, tensor, "text detection")?;
        let shape = out.shape().to_vec();
        let (mh, mw) = match shape.as_slice() {
            [_, _, mh, mw] => (*mh, *mw),
            _ => {
                return Err(ocr_error(
                    "text detection",
                    format!("output shape {shape:?}"),
                ))
            }
        };
        let data = out.to_vec();
        let map = ProbMap {
            width: mw,
            height: mh,
            data: &data,
        };
        let boxes = db::boxes(
            &map,
            &DbParams::default(),
            (w / mw as f32, h / mh as f32),
            (w - 1.0, h - 1.0),
        );
        Ok((boxes.iter().map(|(q, _)| Frame::of(q)).collect(), up))
    }

    /// Turn the crops upside down when the classifier finds most of the page's lines so (and
    /// their frames). The page decides, not each line: a scan is turned as a whole, and the
    /// classifier, alone on one line, now and then calls an upright line of small print
    /// "180°" with high confidence, which made the recogniser read it upside down as nothing.
    /// Returns whether it turned them.
    fn orient(&self, crops: &mut [(Frame, Gray, f32)]) -> Result<bool> {
        let mut votes = 0usize;
        for start in (0..crops.len()).step_by(CLS_BATCH) {
            let end = (start + CLS_BATCH).min(crops.len());
            let batch = crops.get(start..end).unwrap_or(&[]);
            let plane = 3 * REC_HEIGHT * CLS_WIDTH;
            let mut input = vec![0.0f32; batch.len() * plane];
            for (i, (_, crop, _)) in batch.iter().enumerate() {
                let ratio = crop.width as f32 / crop.height.max(1) as f32;
                let rw = ((REC_HEIGHT as f32 * ratio).ceil() as usize).clamp(1, CLS_WIDTH);
                let small = pixels::resize(crop, rw, REC_HEIGHT);
                pixels::write_normalised(&small, &mut input, i * plane, CLS_WIDTH);
            }
            let tensor = Tensor::from_data(&[batch.len(), 3, REC_HEIGHT, CLS_WIDTH], input);
            let out = self.run(&self.cls, tensor, "line orientation")?.to_vec();
            votes += (0..batch.len())
                .filter(|i| out.get(i * 2 + 1).copied().unwrap_or(0.0) > CLS_THRESH)
                .count();
        }
        let turned = page_is_turned(votes, crops.len());
        if turned {
            for (frame, crop, _) in crops.iter_mut() {
                *crop = pixels::turned(crop);
                *frame = frame.turned();
            }
        }
        Ok(turned)
    }

    /// The characters of every crop, in the crops' order; positions are in crop pixels.
    fn read_lines(&self, crops: &[(Frame, Gray, f32)]) -> Result<Vec<Vec<Char>>> {
        let mut order: Vec<usize> = (0..crops.len()).collect();
        order.sort_by_key(|&i| crops[i].1.width);
        let mut out = vec![Vec::new(); crops.len()];
        for batch in order.chunks(REC_BATCH) {
            let cols = batch
                .iter()
                .map(|&i| crops[i].1.width)
                .max()
                .unwrap_or(0)
                .max(REC_MIN_WIDTH);
            let plane = 3 * REC_HEIGHT * cols;
            let mut input = vec![0.0f32; batch.len() * plane];
            for (slot, &i) in batch.iter().enumerate() {
                pixels::write_normalised(&crops[i].1, &mut input, slot * plane, cols);
            }
            let tensor = Tensor::from_data(&[batch.len(), 3, REC_HEIGHT, cols], input);
            let probs = self.run(&self.rec, tensor, "text recognition")?;
            let shape = probs.shape().to_vec();
            let [_, steps, classes] = shape.as_slice() else {
                return Err(ocr_error(
                    "text recognition",
                    format!("output shape {shape:?}"),
                ));
            };
            let (steps, classes) = (*steps, *classes);
            let data = probs.to_vec();
            // Time step → crop pixels: the network downsamples the width by cols / steps.
            let px_per_step = cols as f32 / steps.max(1) as f32;
            for (slot, &i) in batch.iter().enumerate() {
                let rows = data
                    .get(slot * steps * classes..(slot + 1) * steps * classes)
                    .unwrap_or(&[]);
                out[i] = ctc::greedy(rows, classes, &self.dict)
                    .into_iter()
                    .map(|c| Char {
                        ch: c.ch,
                        from: c.first as f32 * px_per_step,
                        to: (c.last + 1) as f32 * px_per_step,
                        prob: c.prob,
                    })
                    .collect();
            }
        }
        Ok(out)
    }
}

/// A recognised line in raster pixels: `crop_scale` crop pixels per grey pixel, `gray_scale`
/// grey pixels per raster pixel.
fn line_in_raster(
    frame: &Frame,
    crop_scale: f32,
    gray_scale: f32,
    chars: &[Char],
    confidence: f32,
) -> Line {
    let to_raster = 1.0 / gray_scale.max(f32::MIN_POSITIVE);
    let frame = Frame {
        origin: super::geom::Point::new(frame.origin.x * to_raster, frame.origin.y * to_raster),
        length: frame.length * to_raster,
        thickness: frame.thickness * to_raster,
        ..*frame
    };
    let k = to_raster / crop_scale.max(f32::MIN_POSITIVE);
    Line {
        frame,
        confidence,
        chars: chars
            .iter()
            .map(|c| Char {
                from: c.from * k,
                to: c.to * k,
                ..*c
            })
            .collect(),
    }
}

/// Whether a page is upside down: more than half of its `lines` voted "180°".
fn page_is_turned(votes: usize, lines: usize) -> bool {
    votes * 2 > lines
}

/// The mean probability of the characters (PaddleOCR's line score); 0 for none.
fn mean_prob(chars: &[Char]) -> f32 {
    if chars.is_empty() {
        0.0
    } else {
        chars.iter().map(|c| c.prob).sum::<f32>() / chars.len() as f32
    }
}

/// The recogniser's classes from the model's `character` metadata, one per line, and the space
/// PaddleOCR appends as the last class.
fn dictionary(rec: &Net) -> Result<Vec<char>> {
    let text = rec.metadata("character").ok_or_else(|| Error::Ocr {
        reason: format!("{REC_MODEL} has no `character` dictionary in its metadata"),
    })?;
    let mut dict: Vec<char> = text
        .lines()
        .map(|l| l.chars().next().unwrap_or(' '))
        .collect();
    dict.push(' ');
    Ok(dict)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_turns_only_on_a_majority_of_votes() {
        assert!(!page_is_turned(0, 0));
        assert!(!page_is_turned(1, 30));
        assert!(!page_is_turned(2, 4));
        assert!(page_is_turned(3, 4));
        assert!(page_is_turned(1, 1));
    }
}
