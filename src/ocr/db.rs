//! DB (Differentiable Binarization) post-processing: the detector's text probability map
//! becomes oriented text-line boxes.
//!
//! PaddleOCR's steps, with its defaults: threshold the map at 0.3, dilate by 2 × 2, take the
//! connected regions (8-neighbour), fit each a minimum-area rectangle, drop regions whose
//! shorter side is under 3 pixels or whose mean probability inside the rectangle is under 0.5,
//! grow the rectangle by `area × 1.6 / perimeter` (the detector was trained on shrunk kernels),
//! and scale it to the raster.

use super::geom::{min_area_rect, unclip_distance, Point, Quad};

/// The settings of DB post-processing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DbParams {
    /// Probability above which a pixel is text.
    pub thresh: f32,
    /// Least mean probability inside a box.
    pub box_thresh: f32,
    /// How much a kernel is grown back.
    pub unclip_ratio: f32,
    /// Most boxes kept per page.
    pub max_candidates: usize,
}

impl Default for DbParams {
    fn default() -> Self {
        DbParams {
            thresh: 0.3,
            box_thresh: 0.5,
            unclip_ratio: 1.6,
            max_candidates: 1000,
        }
    }
}

/// A probability map, row-major.
pub struct ProbMap<'a> {
    /// Width in map pixels.
    pub width: usize,
    /// Height in map pixels.
    pub height: usize,
    /// `width × height` probabilities.
    pub data: &'a [f32],
}

const MIN_SIDE: f32 = 3.0;

/// Text boxes in raster pixels (`scale_x`, `scale_y`: raster pixels per map pixel), clipped to
/// `raster_w × raster_h`, each with its mean probability.
pub fn boxes(
    map: &ProbMap,
    p: &DbParams,
    (scale_x, scale_y): (f32, f32),
    (raster_w, raster_h): (f32, f32),
) -> Vec<(Quad, f32)> {
    if map.data.len() < map.width * map.height {
        return Vec::new();
    }
    let mask = dilate(&threshold(map, p.thresh), map.width, map.height);
    let mut out = Vec::new();
    for hull_points in regions(&mask, map.width, map.height)
        .into_iter()
        .take(p.max_candidates)
    {
        let Some(kernel) = min_area_rect(hull_points) else {
            continue;
        };
        if kernel.short_side() < MIN_SIDE {
            continue;
        }
        let score = mean_inside(map, &kernel);
        if score < p.box_thresh {
            continue;
        }
        let grown = kernel.grown(unclip_distance(&kernel, p.unclip_ratio));
        if grown.short_side() < MIN_SIDE + 2.0 {
            continue;
        }
        let clip = |q: Point| {
            Point::new(
                (q.x * scale_x).round().clamp(0.0, raster_w),
                (q.y * scale_y).round().clamp(0.0, raster_h),
            )
        };
        let quad = Quad(grown.0.map(clip));
        let (w, h) = quad.size();
        if w <= 3.0 || h <= 3.0 {
            continue;
        }
        out.push((quad, score));
    }
    out
}

fn threshold(map: &ProbMap, t: f32) -> Vec<bool> {
    map.data[..map.width * map.height]
        .iter()
        .map(|&v| v > t)
        .collect()
}

/// OpenCV's dilation by a 2 × 2 kernel anchored at its centre: a pixel is set when it or its
/// left, upper or upper-left neighbour is.
fn dilate(mask: &[bool], w: usize, h: usize) -> Vec<bool> {
    let mut out = mask.to_vec();
    for y in 0..h {
        for x in 0..w {
            let at = |dx: usize, dy: usize| mask[(y - dy) * w + (x - dx)];
            let set = (x > 0 && at(1, 0)) || (y > 0 && at(0, 1)) || (x > 0 && y > 0 && at(1, 1));
            if set {
                out[y * w + x] = true;
            }
        }
    }
    out
}

/// The 8-connected regions of `mask`, each as the leftmost and rightmost pixel of each of its
/// rows (all its convex hull needs), in order of their first pixel (top to bottom).
fn regions(mask: &[bool], w: usize, h: usize) -> Vec<Vec<Point>> {
    let mut seen = vec![false; w * h];
    let mut out = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    for start in 0..w * h {
        if !mask[start] || seen[start] {
            continue;
        }
        seen[start] = true;
        stack.push(start);
        // Per row (relative to the first row): min and max x.
        let y0 = start / w;
        let mut rows: Vec<(usize, usize)> = Vec::new();
        while let Some(i) = stack.pop() {
            let (x, y) = (i % w, i / w);
            let r = y - y0;
            if rows.len() <= r {
                rows.resize(r + 1, (usize::MAX, 0));
            }
            rows[r].0 = rows[r].0.min(x);
            rows[r].1 = rows[r].1.max(x);
            for ny in y.saturating_sub(1)..=(y + 1).min(h - 1) {
                for nx in x.saturating_sub(1)..=(x + 1).min(w - 1) {
                    let j = ny * w + nx;
                    if mask[j] && !seen[j] {
                        seen[j] = true;
                        stack.push(j);
                    }
                }
            }
        }
        let mut pts = Vec::with_capacity(rows.len() * 2);
        for (r, &(x0, x1)) in rows.iter().enumerate() {
            if x0 != usize::MAX {
                let y = (y0 + r) as f32;
                pts.push(Point::new(x0 as f32, y));
                pts.push(Point::new(x1 as f32, y));
            }
        }
        out.push(pts);
    }
    out
}

/// Mean probability over the pixels whose centres are inside `q` (PaddleOCR's fast score).
fn mean_inside(map: &ProbMap, q: &Quad) -> f32 {
    let xs = q.0.map(|p| p.x);
    let ys = q.0.map(|p| p.y);
    let lo = |v: [f32; 4], max: usize| {
        (v.iter().copied().fold(f32::MAX, f32::min).floor().max(0.0) as usize).min(max - 1)
    };
    let hi = |v: [f32; 4], max: usize| {
        (v.iter().copied().fold(f32::MIN, f32::max).ceil().max(0.0) as usize).min(max - 1)
    };
    let (x0, x1, y0, y1) = (
        lo(xs, map.width),
        hi(xs, map.width),
        lo(ys, map.height),
        hi(ys, map.height),
    );
    let (mut sum, mut n) = (0.0f64, 0u32);
    for y in y0..=y1 {
        for x in x0..=x1 {
            if q.contains(Point::new(x as f32, y as f32)) {
                sum += f64::from(map.data[y * map.width + x]);
                n += 1;
            }
        }
    }
    if n == 0 {
        0.0
    } else {
        (sum / f64::from(n)) as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A map with rectangles of probability `p` (x0, y0, x1, y1 inclusive).
    fn map_with(w: usize, h: usize, rects: &[(usize, usize, usize, usize, f32)]) -> Vec<f32> {
        let mut m = vec![0.0; w * h];
        for &(x0, y0, x1, y1, p) in rects {
            for y in y0..=y1 {
                for x in x0..=x1 {
                    m[y * w + x] = p;
                }
            }
        }
        m
    }

    #[test]
    fn two_lines_give_two_grown_boxes_top_to_bottom() {
        let (w, h) = (100, 40);
        let data = map_with(w, h, &[(10, 5, 89, 10, 0.9), (10, 25, 59, 30, 0.8)]);
        let map = ProbMap {
            width: w,
            height: h,
            data: &data,
        };
        let boxes = boxes(&map, &DbParams::default(), (2.0, 2.0), (200.0, 80.0));
        assert_eq!(boxes.len(), 2, "{boxes:?}");
        let (first, score) = boxes[0];
        // The mean includes the dilated edge: 0.9 × (80 × 6) / (81 × 7).
        assert!((score - 0.9 * 480.0 / 567.0).abs() < 1e-3, "{score}");
        // The dilated kernel spans x 10..=90, y 5..=11 (80 × 6 px); grown by
        // 480·1.6/172 ≈ 4.47 px on each side, then doubled to raster pixels.
        let [tl, tr, br, bl] = first.0;
        assert_eq!((tl.x, tl.y), (11.0, 1.0));
        assert_eq!((tr.x, br.y), (189.0, 31.0));
        assert_eq!(bl.x, tl.x);
        assert!(boxes[1].0 .0[0].y > first.0[3].y);
    }

    #[test]
    fn faint_and_thin_regions_are_dropped() {
        let (w, h) = (60, 30);
        // Above the pixel threshold but below the box threshold; and a 1-pixel line.
        let data = map_with(w, h, &[(5, 5, 50, 12, 0.4), (5, 20, 50, 20, 0.9)]);
        let map = ProbMap {
            width: w,
            height: h,
            data: &data,
        };
        assert!(boxes(&map, &DbParams::default(), (1.0, 1.0), (60.0, 30.0)).is_empty());
    }

    #[test]
    fn a_skewed_line_gives_a_skewed_box() {
        let (w, h) = (200, 80);
        let mut data = vec![0.0f32; w * h];
        // A band 8 px thick rising 1 px every 10 px (about 5.7°).
        for x in 20..180 {
            let top = 50 - (x - 20) / 10;
            for y in top..top + 8 {
                data[y * w + x] = 0.95;
            }
        }
        let map = ProbMap {
            width: w,
            height: h,
            data: &data,
        };
        let boxes = boxes(&map, &DbParams::default(), (1.0, 1.0), (200.0, 80.0));
        assert_eq!(boxes.len(), 1);
        let [tl, tr, ..] = boxes[0].0 .0;
        let angle = (tl.y - tr.y).atan2(tr.x - tl.x).to_degrees();
        assert!((angle - 5.7).abs() < 1.5, "{angle}");
    }

    #[test]
    fn boxes_are_clipped_to_the_raster() {
        let (w, h) = (50, 20);
        let data = map_with(w, h, &[(0, 0, 49, 8, 0.9)]);
        let map = ProbMap {
            width: w,
            height: h,
            data: &data,
        };
        let boxes = boxes(&map, &DbParams::default(), (1.0, 1.0), (50.0, 20.0));
        assert_eq!(boxes.len(), 1);
        for p in boxes[0].0 .0 {
            assert!(
                (0.0..=50.0).contains(&p.x) && (0.0..=20.0).contains(&p.y),
                "{p:?}"
            );
        }
    }

    #[test]
    fn a_short_map_gives_nothing_instead_of_panicking() {
        let data = [0.9f32; 10];
        let map = ProbMap {
            width: 10,
            height: 10,
            data: &data,
        };
        assert!(boxes(&map, &DbParams::default(), (1.0, 1.0), (10.0, 10.0)).is_empty());
    }
}
