//! Pixel work before the networks: grey conversion with red-seal suppression, bounded
//! downscaling, bilinear resampling, and sampling a text line's frame into a crop.
//!
//! The networks take three channels; every page is fed as grey (the three channels equal),
//! which is what scans of black text are, and keeps one byte per pixel in memory.

use super::geom::Frame;
use crate::read::image::Raster;

/// An 8-bit grey image (0 = black), row-major.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gray {
    /// Width in pixels.
    pub width: usize,
    /// Height in pixels.
    pub height: usize,
    /// `width × height` samples.
    pub data: Vec<u8>,
}

impl Gray {
    /// The sample at (x, y), white outside.
    fn get(&self, x: isize, y: isize) -> f32 {
        if x < 0 || y < 0 || x as usize >= self.width || y as usize >= self.height {
            return 255.0;
        }
        f32::from(self.data[y as usize * self.width + x as usize])
    }

    /// Bilinear sample at a continuous position (pixel centres at integer + 0.5 … here at
    /// integers, OpenCV's convention for `warpAffine`), edge pixels repeated.
    pub fn sample(&self, x: f32, y: f32) -> f32 {
        let cx = x.clamp(0.0, (self.width.max(1) - 1) as f32);
        let cy = y.clamp(0.0, (self.height.max(1) - 1) as f32);
        let (x0, y0) = (cx.floor(), cy.floor());
        let (fx, fy) = (cx - x0, cy - y0);
        let (xi, yi) = (x0 as isize, y0 as isize);
        let top = self.get(xi, yi) * (1.0 - fx) + self.get(xi + 1, yi) * fx;
        let bottom = self.get(xi, yi + 1) * (1.0 - fx) + self.get(xi + 1, yi + 1) * fx;
        // Past the last row or column `get` gives white, but the weight there is zero.
        if fy == 0.0 {
            top
        } else {
            top * (1.0 - fy) + bottom * fy
        }
    }
}

/// Whether an RGB pixel is seal red: red clearly above green and blue. Red ink of a 公章 over
/// the signature would otherwise be read as text or hide it.
pub fn is_seal_red(r: u8, g: u8, b: u8) -> bool {
    let (r, g, b) = (i32::from(r), i32::from(g), i32::from(b));
    r > 120 && r - g > 60 && r - b > 50
}

/// Grey version of a raster scaled so that its longer side is at most `max_side` (area
/// averaging, so thin strokes survive), with seal-red pixels pushed to white. Returns the image
/// and the scale (grey pixels per raster pixel, ≤ 1). `None` for an empty or inconsistent
/// raster.
pub fn to_gray(r: &Raster, max_side: u32) -> Option<(Gray, f32)> {
    let (w, h) = (r.width as usize, r.height as usize);
    let ch = usize::from(r.channels);
    if w == 0 || h == 0 || !(ch == 1 || ch == 3) || r.data.len() < w * h * ch {
        return None;
    }
    let longest = w.max(h) as f32;
    let scale = (max_side.max(1) as f32 / longest).min(1.0);
    let (ow, oh) = (
        ((w as f32 * scale).round() as usize).max(1),
        ((h as f32 * scale).round() as usize).max(1),
    );
    let luma = |i: usize| -> u32 {
        if ch == 1 {
            return u32::from(r.data[i]);
        }
        let (rr, gg, bb) = (r.data[i * 3], r.data[i * 3 + 1], r.data[i * 3 + 2]);
        if is_seal_red(rr, gg, bb) {
            255
        } else {
            (299 * u32::from(rr) + 587 * u32::from(gg) + 114 * u32::from(bb)) / 1000
        }
    };
    let mut data = Vec::with_capacity(ow * oh);
    for oy in 0..oh {
        let (y0, y1) = span(oy, oh, h);
        for ox in 0..ow {
            let (x0, x1) = span(ox, ow, w);
            let mut sum = 0u32;
            for y in y0..y1 {
                for x in x0..x1 {
                    sum += luma(y * w + x);
                }
            }
            let n = ((y1 - y0) * (x1 - x0)).max(1) as u32;
            data.push((sum / n) as u8);
        }
    }
    Some((
        Gray {
            width: ow,
            height: oh,
            data,
        },
        ow as f32 / w as f32,
    ))
}

/// The source pixels `[start, end)` that output pixel `i` of `out` covers in `len`.
fn span(i: usize, out: usize, len: usize) -> (usize, usize) {
    let start = i * len / out;
    let end = ((i + 1) * len / out).max(start + 1).min(len);
    (start.min(len - 1), end)
}

/// Bilinear resize to `ow × oh` (OpenCV's `INTER_LINEAR` pixel-centre alignment).
pub fn resize(img: &Gray, ow: usize, oh: usize) -> Gray {
    let sx = img.width as f32 / ow.max(1) as f32;
    let sy = img.height as f32 / oh.max(1) as f32;
    let mut data = Vec::with_capacity(ow * oh);
    for y in 0..oh {
        let fy = (y as f32 + 0.5) * sy - 0.5;
        for x in 0..ow {
            let fx = (x as f32 + 0.5) * sx - 0.5;
            data.push(img.sample(fx, fy).round().clamp(0.0, 255.0) as u8);
        }
    }
    Gray {
        width: ow,
        height: oh,
        data,
    }
}

/// The line in `frame` sampled at `height` rows (the recogniser's input height): `scale` crop
/// pixels per image pixel, and the crop, at most `max_width` wide. Downscaling averages
/// `k × k` bilinear samples per pixel so that strokes do not alias away.
pub fn crop(img: &Gray, frame: &Frame, height: usize, max_width: usize) -> (Gray, f32) {
    let scale = height as f32 / frame.thickness.max(1.0);
    let width = ((frame.length * scale).ceil() as usize).clamp(1, max_width.max(1));
    let k = (1.0 / scale).ceil().clamp(1.0, 4.0) as usize;
    let step = 1.0 / (scale * k as f32);
    let mut data = Vec::with_capacity(width * height);
    for row in 0..height {
        for col in 0..width {
            let mut sum = 0.0;
            for j in 0..k {
                for i in 0..k {
                    let s = col as f32 / scale + (i as f32 + 0.5) * step - 0.5 * step;
                    let t = row as f32 / scale + (j as f32 + 0.5) * step - 0.5 * step;
                    let p = frame.at(s, t);
                    sum += img.sample(p.x, p.y);
                }
            }
            data.push((sum / (k * k) as f32).round().clamp(0.0, 255.0) as u8);
        }
    }
    (
        Gray {
            width,
            height,
            data,
        },
        scale,
    )
}

/// The image turned by 180°.
pub fn turned(img: &Gray) -> Gray {
    let mut data = img.data.clone();
    data.reverse();
    Gray { data, ..*img }
}

/// Write `img` into a `[3, rows, cols]` float plane set at `offset` of `out` (left-aligned,
/// the rest of each row left as it is), normalised to [-1, 1] as PaddleOCR does.
pub fn write_normalised(img: &Gray, out: &mut [f32], offset: usize, cols: usize) {
    let plane = img.height * cols;
    for c in 0..3 {
        for y in 0..img.height {
            for x in 0..img.width.min(cols) {
                let v = f32::from(img.data[y * img.width + x]) / 127.5 - 1.0;
                if let Some(slot) = out.get_mut(offset + c * plane + y * cols + x) {
                    *slot = v;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ocr::geom::{Point, Quad};

    fn raster(w: u32, h: u32, channels: u8, data: Vec<u8>) -> Raster {
        Raster {
            width: w,
            height: h,
            channels,
            data,
            dpi: None,
        }
    }

    #[test]
    fn seal_red_turns_white_and_black_stays_black() {
        let data = vec![200, 30, 40, 10, 10, 10, 90, 90, 90];
        let (g, scale) = to_gray(&raster(3, 1, 3, data), 100).unwrap();
        assert_eq!(scale, 1.0);
        assert_eq!(g.data, vec![255, 10, 90]);
        // Dark red-brown text is not seal red.
        assert!(!is_seal_red(110, 20, 20));
    }

    #[test]
    fn huge_rasters_are_averaged_down_to_the_cap() {
        let (g, scale) = to_gray(&raster(400, 100, 1, vec![0; 40_000]), 100).unwrap();
        assert_eq!((g.width, g.height), (100, 25));
        assert_eq!(scale, 0.25);
        assert!(g.data.iter().all(|&v| v == 0));
        assert!(to_gray(&raster(4, 4, 1, vec![0; 3]), 100).is_none());
        assert!(to_gray(&raster(0, 4, 1, vec![]), 100).is_none());
    }

    #[test]
    fn a_rotated_crop_reads_the_line_in_its_own_frame() {
        // A 40 × 40 white image with a black pixel block at x 20..24, y 10..12.
        let mut img = Gray {
            width: 40,
            height: 40,
            data: vec![255; 1600],
        };
        for y in 10..12 {
            for x in 20..24 {
                img.data[y * 40 + x] = 0;
            }
        }
        // A tall box x 18..26, y 0..40 is read downwards: the block lies ~10 px along it
        // and ~3..6 px in from the right edge (the frame's origin side).
        let q = Quad([
            Point::new(18.0, 0.0),
            Point::new(26.0, 0.0),
            Point::new(26.0, 40.0),
            Point::new(18.0, 40.0),
        ]);
        let f = Frame::of(&q);
        let (c, scale) = crop(&img, &f, 8, 100);
        assert_eq!(scale, 1.0);
        assert_eq!((c.width, c.height), (40, 8));
        let dark: Vec<(usize, usize)> = (0..8)
            .flat_map(|r| (0..40).map(move |s| (s, r)))
            .filter(|&(s, r)| c.data[r * 40 + s] < 128)
            .collect();
        assert!(
            dark.contains(&(10, 3)) && dark.contains(&(11, 4)),
            "{dark:?}"
        );
        assert!(dark
            .iter()
            .all(|&(s, r)| (10..12).contains(&s) && (3..7).contains(&r)));
    }

    #[test]
    fn turning_twice_is_identity_and_normalising_maps_to_unit_range() {
        let img = Gray {
            width: 2,
            height: 1,
            data: vec![0, 255],
        };
        assert_eq!(turned(&turned(&img)), img);
        assert_eq!(turned(&img).data, vec![255, 0]);
        let mut out = vec![9.0; 3 * 3];
        write_normalised(&img, &mut out, 0, 3);
        assert_eq!(&out[..3], &[-1.0, 1.0, 9.0]);
    }

    #[test]
    fn resize_keeps_flat_images_flat() {
        let img = Gray {
            width: 10,
            height: 10,
            data: vec![77; 100],
        };
        let r = resize(&img, 32, 7);
        assert_eq!((r.width, r.height), (32, 7));
        assert!(r.data.iter().all(|&v| v == 77));
    }
}
