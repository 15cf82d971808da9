//! Plane geometry shared by the layout-based readers (PDF, OFD): one affine [`Matrix`].
//!
//! Both formats place glyphs through a chain of affine transforms (PDF: text matrix × CTM ×
//! page matrix; OFD: object CTM × boundary offset × enclosing block), written `[a b c d e f]`
//! and applied to row vectors: `x' = a·x + c·y + e`, `y' = b·x + d·y + f`.

/// An affine matrix `[a b c d e f]`: `x' = a·x + c·y + e`, `y' = b·x + d·y + f`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Matrix(pub [f32; 6]);

impl Matrix {
    /// The identity.
    pub(crate) const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// A translation by `(x, y)`.
    pub(crate) fn translate(x: f32, y: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }

    // `scale` and `rotate` complete the set for callers building transforms by hand; the
    // readers today read their matrices from the file, so only the tests use them yet.
    /// A scaling by `sx` horizontally and `sy` vertically.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn scale(sx: f32, sy: f32) -> Matrix {
        Matrix([sx, 0.0, 0.0, sy, 0.0, 0.0])
    }

    /// A counter-clockwise rotation by `degrees` (y axis up); quarter turns are exact.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn rotate(degrees: f32) -> Matrix {
        let (sin, cos) = match degrees.rem_euclid(360.0) {
            0.0 => (0.0, 1.0),
            90.0 => (1.0, 0.0),
            180.0 => (0.0, -1.0),
            270.0 => (-1.0, 0.0),
            d => d.to_radians().sin_cos(),
        };
        Matrix([cos, sin, -sin, cos, 0.0, 0.0])
    }

    /// The matrix that applies `self` first and then `next` (PDF's `self × next`).
    pub(crate) fn then(self, next: Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = next.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    /// Transform the point `(x, y)`.
    pub(crate) fn apply(self, x: f32, y: f32) -> (f32, f32) {
        let [a, b, c, d, e, f] = self.0;
        (a * x + c * y + e, b * x + d * y + f)
    }

    /// Horizontal and vertical scale: the lengths of the transformed unit vectors.
    pub(crate) fn scales(self) -> (f32, f32) {
        let [a, b, c, d, _, _] = self.0;
        (a.hypot(b), c.hypot(d))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composition_order() {
        let t = Matrix::translate(10.0, 20.0);
        let s = Matrix::scale(2.0, 3.0);
        // Scale first, then translate: (1,1) → (2,3) → (12,23).
        assert_eq!(s.then(t).apply(1.0, 1.0), (12.0, 23.0));
        // Translate first, then scale: (1,1) → (11,21) → (22,63).
        assert_eq!(t.then(s).apply(1.0, 1.0), (22.0, 63.0));
        assert_eq!(Matrix::IDENTITY.then(t), t);
        assert_eq!(t.then(Matrix::IDENTITY), t);
    }

    #[test]
    fn rotation_and_scales() {
        let r = Matrix::rotate(90.0);
        assert_eq!(r.apply(1.0, 0.0), (0.0, 1.0));
        assert_eq!(Matrix::rotate(-90.0), Matrix::rotate(270.0));
        assert_eq!(Matrix::rotate(180.0).apply(2.0, 5.0), (-2.0, -5.0));
        let (sx, sy) = Matrix::scale(3.0, 4.0).then(r).scales();
        assert_eq!((sx, sy), (3.0, 4.0));
        let (x, y) = Matrix::rotate(45.0).apply(1.0, 0.0);
        assert!((x - y).abs() < 1e-6 && (x - std::f32::consts::FRAC_1_SQRT_2).abs() < 1e-6);
    }
}
