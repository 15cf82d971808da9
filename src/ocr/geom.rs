//! Box geometry of text detection: convex hulls, minimum-area oriented rectangles, unclipping
//! (growing a shrunk text kernel back to the text), and the frame a text line is read in.
//!
//! Coordinates are raster pixels, x rightwards, y downwards.

/// A point in raster pixels.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Point {
    /// Rightwards.
    pub x: f32,
    /// Downwards.
    pub y: f32,
}

impl Point {
    /// A point.
    pub const fn new(x: f32, y: f32) -> Point {
        Point { x, y }
    }

    fn sub(self, o: Point) -> Point {
        Point::new(self.x - o.x, self.y - o.y)
    }

    fn add(self, o: Point) -> Point {
        Point::new(self.x + o.x, self.y + o.y)
    }

    fn scaled(self, k: f32) -> Point {
        Point::new(self.x * k, self.y * k)
    }

    fn dot(self, o: Point) -> f32 {
        self.x * o.x + self.y * o.y
    }

    fn len(self) -> f32 {
        self.dot(self).sqrt()
    }

    fn cross(self, o: Point) -> f32 {
        self.x * o.y - self.y * o.x
    }
}

/// An oriented rectangle: corners top-left, top-right, bottom-right, bottom-left as seen on the
/// raster (OpenCV's `boxPoints` order after PaddleOCR's `get_mini_boxes`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quad(pub [Point; 4]);

impl Quad {
    /// The length of the shorter side.
    pub fn short_side(&self) -> f32 {
        let [a, b, _, d] = self.0;
        b.sub(a).len().min(d.sub(a).len())
    }

    /// Width (top edge) and height (left edge).
    pub fn size(&self) -> (f32, f32) {
        let [a, b, _, d] = self.0;
        (b.sub(a).len(), d.sub(a).len())
    }

    /// Whether the pixel centre `p` lies inside (edges included).
    pub fn contains(&self, p: Point) -> bool {
        let mut sign = 0.0f32;
        for i in 0..4 {
            let a = self.0[i];
            let b = self.0[(i + 1) % 4];
            let c = b.sub(a).cross(p.sub(a));
            if c.abs() < 1e-3 {
                continue;
            }
            if sign == 0.0 {
                sign = c.signum();
            } else if c.signum() != sign {
                return false;
            }
        }
        true
    }

    /// The rectangle grown by `d` on every side (what offsetting a rectangle by `d` with round
    /// joins and taking the minimum-area rectangle again gives).
    pub fn grown(&self, d: f32) -> Quad {
        let [a, b, c, e] = self.0;
        let centre = a.add(c).scaled(0.5);
        let ux = unit(b.sub(a));
        let uy = unit(e.sub(a));
        let (w, h) = self.size();
        let (hw, hh) = (w / 2.0 + d, h / 2.0 + d);
        let at = |sx: f32, sy: f32| centre.add(ux.scaled(sx * hw)).add(uy.scaled(sy * hh));
        Quad([at(-1.0, -1.0), at(1.0, -1.0), at(1.0, 1.0), at(-1.0, 1.0)])
    }

    /// Every corner scaled by `k` (from detection-map pixels to raster pixels).
    pub fn scaled(&self, kx: f32, ky: f32) -> Quad {
        Quad(self.0.map(|p| Point::new(p.x * kx, p.y * ky)))
    }
}

fn unit(v: Point) -> Point {
    let l = v.len();
    if l > 0.0 {
        v.scaled(1.0 / l)
    } else {
        Point::new(1.0, 0.0)
    }
}

/// The distance PaddleOCR grows a detected kernel by: `area × ratio / perimeter`.
pub fn unclip_distance(q: &Quad, ratio: f32) -> f32 {
    let (w, h) = q.size();
    let perimeter = 2.0 * (w + h);
    if perimeter > 0.0 {
        w * h * ratio / perimeter
    } else {
        0.0
    }
}

/// Convex hull (Andrew's monotone chain), counter-clockwise in a y-down frame; collinear
/// points dropped.
pub fn convex_hull(mut pts: Vec<Point>) -> Vec<Point> {
    pts.sort_by(|a, b| a.x.total_cmp(&b.x).then(a.y.total_cmp(&b.y)));
    pts.dedup();
    if pts.len() < 3 {
        return pts;
    }
    let mut hull: Vec<Point> = Vec::with_capacity(pts.len() * 2);
    for pass in 0..2 {
        let start = hull.len();
        let iter: Box<dyn Iterator<Item = &Point>> = if pass == 0 {
            Box::new(pts.iter())
        } else {
            Box::new(pts.iter().rev())
        };
        for &p in iter {
            while hull.len() >= start + 2 {
                let (a, b) = (hull[hull.len() - 2], hull[hull.len() - 1]);
                if b.sub(a).cross(p.sub(a)) <= 0.0 {
                    hull.pop();
                } else {
                    break;
                }
            }
            hull.push(p);
        }
        hull.pop();
    }
    hull
}

/// The minimum-area rectangle around `pts` (rotating calipers over the hull's edges), ordered
/// as [`Quad`] wants. `None` for no points.
pub fn min_area_rect(pts: Vec<Point>) -> Option<Quad> {
    let hull = convex_hull(pts);
    let first = *hull.first()?;
    if hull.len() < 3 {
        let last = *hull.last()?;
        return Some(order_corners([first, last, last, first]));
    }
    let mut best: Option<(f32, [Point; 4])> = None;
    for i in 0..hull.len() {
        let a = hull[i];
        let b = hull[(i + 1) % hull.len()];
        let u = unit(b.sub(a));
        let v = Point::new(-u.y, u.x);
        let (mut u0, mut u1, mut v0, mut v1) = (f32::MAX, f32::MIN, f32::MAX, f32::MIN);
        for p in &hull {
            let d = p.sub(a);
            let (pu, pv) = (d.dot(u), d.dot(v));
            u0 = u0.min(pu);
            u1 = u1.max(pu);
            v0 = v0.min(pv);
            v1 = v1.max(pv);
        }
        let area = (u1 - u0) * (v1 - v0);
        if best.is_none_or(|(b, _)| area < b) {
            let at = |s: f32, t: f32| a.add(u.scaled(s)).add(v.scaled(t));
            best = Some((area, [at(u0, v0), at(u1, v0), at(u1, v1), at(u0, v1)]));
        }
    }
    best.map(|(_, corners)| order_corners(corners))
}

/// PaddleOCR's corner order: sort by x; of the two leftmost, the upper is top-left and the
/// lower bottom-left; of the two rightmost, the upper is top-right.
pub fn order_corners(mut c: [Point; 4]) -> Quad {
    c.sort_by(|a, b| a.x.total_cmp(&b.x));
    let (tl, bl) = if c[1].y > c[0].y {
        (c[0], c[1])
    } else {
        (c[1], c[0])
    };
    let (tr, br) = if c[3].y > c[2].y {
        (c[2], c[3])
    } else {
        (c[3], c[2])
    };
    Quad([tl, tr, br, bl])
}

/// Where a text line is read: from `origin` along the unit vector `along` (the reading
/// direction) for `length` pixels, and across it along `across` (top of the letters to their
/// bottom) for `thickness` pixels. Crops sample the raster in this frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// The corner where reading starts, on the top side of the letters.
    pub origin: Point,
    /// Unit vector in the reading direction.
    pub along: Point,
    /// Unit vector from the top of the letters to their bottom.
    pub across: Point,
    /// Extent along the reading direction, in pixels.
    pub length: f32,
    /// Extent across, in pixels.
    pub thickness: f32,
}

impl Frame {
    /// The frame of a detected box. A box at least 1.5 times taller than wide is read
    /// downwards, its letters turned a quarter left (PaddleOCR's `rot90` of tall crops).
    pub fn of(q: &Quad) -> Frame {
        let [tl, tr, br, bl] = q.0;
        let (w, h) = q.size();
        if h >= 1.5 * w && w > 0.0 {
            Frame {
                origin: tr,
                along: unit(br.sub(tr)),
                across: unit(tl.sub(tr)),
                length: h,
                thickness: w,
            }
        } else {
            Frame {
                origin: tl,
                along: unit(tr.sub(tl)),
                across: unit(bl.sub(tl)),
                length: w,
                thickness: h,
            }
        }
    }

    /// The same frame read the other way round (a line turned by 180°).
    pub fn turned(&self) -> Frame {
        Frame {
            origin: self
                .origin
                .add(self.along.scaled(self.length))
                .add(self.across.scaled(self.thickness)),
            along: self.along.scaled(-1.0),
            across: self.across.scaled(-1.0),
            ..*self
        }
    }

    /// The frame on a `width × height` image turned by 180° (a point reflection through the
    /// image's centre): where the line lies once an upside-down scan is turned upright.
    pub fn reflected(&self, width: f32, height: f32) -> Frame {
        Frame {
            origin: Point::new(width - self.origin.x, height - self.origin.y),
            along: self.along.scaled(-1.0),
            across: self.across.scaled(-1.0),
            ..*self
        }
    }

    /// The raster point `s` pixels along and `t` pixels across from the origin.
    pub fn at(&self, s: f32, t: f32) -> Point {
        self.origin
            .add(self.along.scaled(s))
            .add(self.across.scaled(t))
    }

    /// Whether the line runs more down than across the raster (vertical writing).
    pub fn is_vertical(&self) -> bool {
        self.along.y.abs() > self.along.x.abs()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: Point, b: Point) -> bool {
        (a.x - b.x).abs() < 1e-3 && (a.y - b.y).abs() < 1e-3
    }

    #[test]
    fn a_turned_frame_reflected_reads_the_same_way_on_the_upright_page() {
        // A line read leftwards along the bottom of a 100 × 50 image, upside down…
        let f = Frame {
            origin: Point::new(90.0, 40.0),
            along: Point::new(-1.0, 0.0),
            across: Point::new(0.0, -1.0),
            length: 80.0,
            thickness: 10.0,
        };
        // …is read rightwards from (10, 10) once the page is turned upright.
        let r = f.reflected(100.0, 50.0);
        assert!(close(r.origin, Point::new(10.0, 10.0)));
        assert!(close(r.along, Point::new(1.0, 0.0)));
        assert!(close(r.across, Point::new(0.0, 1.0)));
        assert!(close(r.reflected(100.0, 50.0).origin, f.origin));
    }

    #[test]
    fn hull_drops_inner_and_collinear_points() {
        let pts = vec![
            Point::new(0.0, 0.0),
            Point::new(2.0, 0.0),
            Point::new(4.0, 0.0),
            Point::new(4.0, 4.0),
            Point::new(0.0, 4.0),
            Point::new(2.0, 2.0),
        ];
        assert_eq!(convex_hull(pts).len(), 4);
    }

    #[test]
    fn axis_aligned_rectangle_comes_back_in_order() {
        let pts = vec![
            Point::new(10.0, 5.0),
            Point::new(30.0, 5.0),
            Point::new(30.0, 9.0),
            Point::new(10.0, 9.0),
            Point::new(20.0, 7.0),
        ];
        let q = min_area_rect(pts).unwrap();
        assert!(close(q.0[0], Point::new(10.0, 5.0)), "{q:?}");
        assert!(close(q.0[1], Point::new(30.0, 5.0)), "{q:?}");
        assert!(close(q.0[2], Point::new(30.0, 9.0)), "{q:?}");
        assert!(close(q.0[3], Point::new(10.0, 9.0)), "{q:?}");
        assert!((q.short_side() - 4.0).abs() < 1e-3);
    }

    #[test]
    fn rotated_rectangle_is_found_with_its_angle() {
        // A 40 × 6 rectangle turned by 10°: the minimum-area box has the same sides.
        let (s, c) = 10f32.to_radians().sin_cos();
        let rot = |x: f32, y: f32| Point::new(50.0 + x * c - y * s, 50.0 + x * s + y * c);
        let mut pts = Vec::new();
        for i in 0..=40 {
            for j in 0..=6 {
                pts.push(rot(i as f32, j as f32));
            }
        }
        let q = min_area_rect(pts).unwrap();
        let (w, h) = q.size();
        assert!(
            (w - 40.0).abs() < 0.01 && (h - 6.0).abs() < 0.01,
            "{w} × {h}"
        );
        // Top-left is the rotated origin; the top edge rises to the right by 10°.
        assert!(close(q.0[0], rot(0.0, 0.0)), "{q:?}");
        let [tl, tr, ..] = q.0;
        let angle = (tr.y - tl.y).atan2(tr.x - tl.x).to_degrees();
        assert!((angle - 10.0).abs() < 0.01, "{angle}");
    }

    #[test]
    fn unclip_grows_every_side_by_area_times_ratio_over_perimeter() {
        let q = Quad([
            Point::new(0.0, 0.0),
            Point::new(100.0, 0.0),
            Point::new(100.0, 10.0),
            Point::new(0.0, 10.0),
        ]);
        let d = unclip_distance(&q, 1.6);
        assert!((d - 1000.0 * 1.6 / 220.0).abs() < 1e-4);
        let g = q.grown(d);
        assert!(close(g.0[0], Point::new(-d, -d)));
        assert!(close(g.0[2], Point::new(100.0 + d, 10.0 + d)));
    }

    #[test]
    fn point_in_quad() {
        let q = Quad([
            Point::new(0.0, 0.0),
            Point::new(10.0, 0.0),
            Point::new(10.0, 4.0),
            Point::new(0.0, 4.0),
        ]);
        assert!(q.contains(Point::new(5.0, 2.0)));
        assert!(q.contains(Point::new(0.0, 0.0)));
        assert!(!q.contains(Point::new(11.0, 2.0)));
    }

    #[test]
    fn tall_boxes_are_read_downwards_and_turned_frames_start_at_the_far_corner() {
        let wide = Quad([
            Point::new(0.0, 0.0),
            Point::new(100.0, 0.0),
            Point::new(100.0, 20.0),
            Point::new(0.0, 20.0),
        ]);
        let f = Frame::of(&wide);
        assert!(!f.is_vertical());
        assert!(close(f.at(100.0, 20.0), Point::new(100.0, 20.0)));
        let t = f.turned();
        assert!(close(t.origin, Point::new(100.0, 20.0)));
        assert!(close(t.at(100.0, 20.0), Point::new(0.0, 0.0)));
        let tall = Quad([
            Point::new(0.0, 0.0),
            Point::new(20.0, 0.0),
            Point::new(20.0, 100.0),
            Point::new(0.0, 100.0),
        ]);
        let f = Frame::of(&tall);
        assert!(f.is_vertical());
        assert!(close(f.origin, Point::new(20.0, 0.0)));
        assert!(close(f.at(100.0, 0.0), Point::new(20.0, 100.0)));
        assert!(close(f.at(0.0, 20.0), Point::new(0.0, 0.0)));
    }
}
