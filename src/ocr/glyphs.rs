//! Recognised lines → layout glyphs in page units, one per character.
//!
//! The recogniser gives each character the span of time steps it was seen in, narrower than
//! the character. A glyph's cell runs from halfway to the previous character's centre to
//! halfway to the next one, so the layout step sees CJK text set solid and finds word spaces
//! where the recogniser put a space glyph. Every glyph of a line gets the line's baseline:
//! on a skewed scan a line then stays one row however long it is. Size is the box's height
//! without the detector's margins.

use super::{Line, PageText, Point};
use crate::read::geom::Matrix;
use crate::read::layout::Glyph;

/// The font size of a line relative to its detected box's thickness (the box holds the ink
/// plus the margins unclipping adds, about a third of an em).
const SIZE_OF_THICKNESS: f32 = 0.75;
/// The baseline's depth in the box, as a fraction of its thickness.
const BASELINE_DEPTH: f32 = 0.8;

/// The glyphs of `page`; `to_page` maps raster pixels (x right, y down) to page units.
pub fn glyphs(page: &PageText, to_page: Matrix) -> Vec<Glyph> {
    let scale = to_page.scales().1.abs().max(f32::MIN_POSITIVE);
    let mut out = Vec::new();
    for line in &page.lines {
        line_glyphs(line, to_page, scale, &mut out);
    }
    out
}

/// The pixel → page matrix of a raster `width × height` drawn on the page's unit square
/// `unit_to_page` (as [`PlacedRaster::to_page`](crate::read::image::PlacedRaster)).
pub fn pixels_to_page(width: u32, height: u32, unit_to_page: Matrix) -> Matrix {
    let (w, h) = (width.max(1) as f32, height.max(1) as f32);
    Matrix::scale(1.0 / w, 1.0 / h).then(unit_to_page)
}

fn line_glyphs(line: &Line, to_page: Matrix, scale: f32, out: &mut Vec<Glyph>) {
    let f = &line.frame;
    let centres: Vec<f32> = line.chars.iter().map(|c| (c.from + c.to) / 2.0).collect();
    let size = f.thickness * SIZE_OF_THICKNESS * scale;
    let vertical = f.is_vertical();
    let (_, line_y) = apply(to_page, f.at(f.length / 2.0, f.thickness * BASELINE_DEPTH));
    for (i, c) in line.chars.iter().enumerate() {
        let (start, end) = cell(&centres, i, f.length);
        let (a, b) = (f.at(start, f.thickness / 2.0), f.at(end, f.thickness / 2.0));
        let (ax, ay) = apply(to_page, a);
        let (bx, by) = apply(to_page, b);
        let glyph = if vertical {
            let column = (ax + bx) / 2.0;
            Glyph {
                text: c.ch.to_string(),
                x: column - size / 2.0,
                y: ay.max(by),
                width: size,
                size,
                style: u32::MAX,
                vertical: true,
                turn: 0,
            }
        } else {
            Glyph {
                text: c.ch.to_string(),
                x: ax.min(bx),
                y: line_y,
                width: (bx - ax).abs(),
                size,
                style: u32::MAX,
                vertical: false,
                turn: 0,
            }
        };
        out.push(glyph);
    }
}

fn apply(m: Matrix, p: Point) -> (f32, f32) {
    m.apply(p.x, p.y)
}

/// The span of character `i` along a line of `length`: halfway to its neighbours' centres; the
/// first and last extend as far outwards as to their one neighbour, within the line.
fn cell(centres: &[f32], i: usize, length: f32) -> (f32, f32) {
    let c = centres[i];
    let prev = i.checked_sub(1).map(|j| centres[j]);
    let next = centres.get(i + 1).copied();
    let half = match (prev, next) {
        (Some(p), _) => (c - p) / 2.0,
        (None, Some(nx)) => (nx - c) / 2.0,
        (None, None) => return (0.0, length.max(0.0)),
    };
    let start = prev.map_or((c - half).max(0.0), |p| (p + c) / 2.0);
    let end = next.map_or((c + half).min(length), |nx| (c + nx) / 2.0);
    (start, end.max(start))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ocr::geom::{Frame, Point, Quad};
    use crate::ocr::Char;

    fn line(text: &str, quad: Quad, pitch: f32) -> Line {
        let chars = text
            .chars()
            .enumerate()
            .map(|(i, ch)| Char {
                ch,
                from: i as f32 * pitch + pitch * 0.4,
                to: i as f32 * pitch + pitch * 0.6,
                prob: 0.99,
            })
            .collect();
        Line {
            frame: Frame::of(&quad),
            chars,
            confidence: 0.99,
        }
    }

    fn rect(x0: f32, y0: f32, x1: f32, y1: f32) -> Quad {
        Quad([
            Point::new(x0, y0),
            Point::new(x1, y0),
            Point::new(x1, y1),
            Point::new(x0, y1),
        ])
    }

    #[test]
    fn characters_get_solid_cells_on_one_baseline_in_page_units() {
        // Three characters 40 px apart on a 120 × 40 px box at (100, 200); 2 px per point.
        let page = PageText {
            width: 1000,
            height: 1000,
            rotation: 0,
            lines: vec![line("通知书", rect(100.0, 200.0, 220.0, 240.0), 40.0)],
        };
        let g = glyphs(&page, Matrix::scale(0.5, 0.5));
        assert_eq!(g.len(), 3);
        assert_eq!(g[0].text, "通");
        assert!((g[0].x - 50.0).abs() < 1e-3, "{:?}", g[0]);
        assert!((g[0].width - 20.0).abs() < 1e-3);
        assert!((g[1].x - 70.0).abs() < 1e-3);
        assert!((g[2].x + g[2].width - 110.0).abs() < 1e-3);
        assert!(g
            .iter()
            .all(|x| (x.y - 116.0).abs() < 1e-3 && (x.size - 15.0).abs() < 1e-3));
        assert!(g.iter().all(|x| !x.vertical));
    }

    #[test]
    fn a_skewed_line_keeps_one_baseline() {
        let (s, c) = 2f32.to_radians().sin_cos();
        let rot = |x: f32, y: f32| Point::new(x * c - y * s, x * s + y * c);
        let q = Quad([
            rot(0.0, 100.0),
            rot(800.0, 100.0),
            rot(800.0, 140.0),
            rot(0.0, 140.0),
        ]);
        let page = PageText {
            width: 1000,
            height: 1000,
            rotation: 0,
            lines: vec![line("一二三四五六七八九十", q, 80.0)],
        };
        let g = glyphs(&page, Matrix::IDENTITY);
        assert!(g.windows(2).all(|w| w[0].y == w[1].y && w[0].x < w[1].x));
    }

    #[test]
    fn tall_boxes_give_vertical_glyphs_down_the_column() {
        let page = PageText {
            width: 1000,
            height: 1000,
            rotation: 0,
            lines: vec![line("竖排", rect(500.0, 100.0, 540.0, 180.0), 40.0)],
        };
        let g = glyphs(&page, Matrix::IDENTITY);
        assert!(g.iter().all(|x| x.vertical));
        assert!(g[0].y < g[1].y);
        assert!((g[0].x + g[0].size / 2.0 - 520.0).abs() < 1e-3);
    }

    #[test]
    fn placed_rasters_map_pixels_through_the_unit_square() {
        // A 2000 × 1000 px image drawn over a 500 × 250 pt area at (50, 100).
        let unit = Matrix([500.0, 0.0, 0.0, 250.0, 50.0, 100.0]);
        let m = pixels_to_page(2000, 1000, unit);
        let (x, y) = m.apply(1000.0, 500.0);
        assert!((x - 300.0).abs() < 1e-3 && (y - 225.0).abs() < 1e-3);
    }

    #[test]
    fn a_lone_character_fills_its_line() {
        assert_eq!(cell(&[30.0], 0, 60.0), (0.0, 60.0));
        assert_eq!(cell(&[10.0, 30.0], 0, 60.0), (0.0, 20.0));
        assert_eq!(cell(&[10.0, 30.0], 1, 60.0), (20.0, 40.0));
    }
}
