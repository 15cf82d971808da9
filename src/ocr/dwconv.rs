//! Depthwise 2-D convolution with the elementwise steps around it fused in, vectorised with
//! rten-simd (AVX-512, AVX2 + FMA, Arm Neon or a generic fallback, chosen at run time).
//!
//! rten 0.27 runs depthwise convolutions with a generic scalar kernel whose strided inner loop
//! the compiler cannot vectorise; on the PP-OCR networks that kernel took about half of all
//! CPU time (docs/performance.md). [`super::net`] takes those convolutions out of the graphs
//! and runs them here, together with the scalar affine steps and activations (PP-LCNetV3's
//! "learnable affine blocks" and hard-swish) before and after each, which rten would run as
//! one pass over the activations each.
//!
//! Each channel plane is copied once into a zero-padded buffer (applying the steps before the
//! convolution, so the padding stays zero as the graph says), then every output row is one
//! pass of fused multiply-adds over whole vectors, with the steps after the convolution
//! applied before the store.

use rayon::prelude::*;
use rten_simd::ops::{BitOps, FloatOps, NumOps};
use rten_simd::{Isa, SimdOp};

/// A per-tensor elementwise step fused into a depthwise convolution.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Elem {
    /// `x * scale + bias`.
    Affine(f32, f32),
    /// `x * clip(x + 3, 0, 6) / 6`.
    HardSwish,
    /// `clip(x, lo, hi)` (Relu is `Clip(0, ∞)`).
    Clip(f32, f32),
}

impl Elem {
    #[cfg(test)]
    fn scalar(self, x: f32) -> f32 {
        match self {
            Elem::Affine(s, b) => x.mul_add(s, b),
            Elem::HardSwish => x * ((x + 3.0).clamp(0.0, 6.0) * (1.0 / 6.0)),
            Elem::Clip(lo, hi) => x.min(hi).max(lo),
        }
    }
}

/// Append `e` to `chain`, merging consecutive affine steps into one.
pub(super) fn push_elem(chain: &mut Vec<Elem>, e: Elem) {
    if let (Some(Elem::Affine(s1, b1)), Elem::Affine(s2, b2)) = (chain.last().copied(), e) {
        if let Some(last) = chain.last_mut() {
            *last = Elem::Affine(s1 * s2, b1.mul_add(s2, b2));
        }
        return;
    }
    chain.push(e);
}

#[inline(always)]
fn apply<O: FloatOps<f32>>(ops: O, chain: &[Elem], mut x: O::Simd) -> O::Simd {
    for e in chain {
        x = match *e {
            Elem::Affine(s, b) => ops.mul_add(x, ops.splat(s), ops.splat(b)),
            Elem::HardSwish => {
                let gate = ops.clamp(ops.add(x, ops.splat(3.0)), ops.zero(), ops.splat(6.0));
                ops.mul(x, ops.mul(gate, ops.splat(1.0 / 6.0)))
            }
            Elem::Clip(lo, hi) => ops.max(ops.min(x, ops.splat(hi)), ops.splat(lo)),
        };
    }
    x
}

/// One depthwise convolution (`group` = input channels = output channels, dilation 1).
#[derive(Debug, Clone)]
pub(super) struct DwConv {
    pub channels: usize,
    pub kh: usize,
    pub kw: usize,
    /// Vertical and horizontal stride.
    pub stride: [usize; 2],
    /// Top, left, bottom, right.
    pub pads: [usize; 4],
    /// `channels × kh × kw`.
    pub weights: Vec<f32>,
    /// One per channel.
    pub bias: Vec<f32>,
    /// Steps applied to the input before the convolution (inside the padding).
    pub pre: Vec<Elem>,
    /// Steps applied to the convolution's output.
    pub post: Vec<Elem>,
}

impl DwConv {
    /// Output height and width for an input of `h × w`; `None` when the kernel does not fit.
    pub fn out_size(&self, h: usize, w: usize) -> Option<(usize, usize)> {
        let [pt, pl, pb, pr] = self.pads;
        let [sh, sw] = self.stride;
        let (ph, pw) = (h + pt + pb, w + pl + pr);
        if ph < self.kh || pw < self.kw || sh == 0 || sw == 0 {
            return None;
        }
        Some(((ph - self.kh) / sh + 1, (pw - self.kw) / sw + 1))
    }

    /// Convolve `input` (`n × channels × h × w`, contiguous); returns the output data
    /// (`n × channels × oh × ow`) and `(oh, ow)`.
    pub fn run(
        &self,
        input: &[f32],
        n: usize,
        h: usize,
        w: usize,
    ) -> Result<(Vec<f32>, (usize, usize)), String> {
        let (oh, ow) = self
            .out_size(h, w)
            .ok_or_else(|| format!("depthwise convolution: input {h}×{w} too small"))?;
        let plane = h * w;
        if input.len() != n * self.channels * plane || plane == 0 || oh * ow == 0 {
            return Err(format!(
                "depthwise convolution: {} values for {n}×{}×{h}×{w}",
                input.len(),
                self.channels
            ));
        }
        let mut out = vec![0.0f32; n * self.channels * oh * ow];
        out.par_chunks_mut(oh * ow)
            .zip(input.par_chunks(plane))
            .enumerate()
            .for_each(|(i, (dst, src))| {
                Plane {
                    conv: self,
                    c: i % self.channels,
                    src,
                    h,
                    w,
                    dst,
                    ow,
                }
                .dispatch();
            });
        Ok((out, (oh, ow)))
    }
}

/// One channel plane: the unit of work given to [`SimdOp::dispatch`].
struct Plane<'a> {
    conv: &'a DwConv,
    c: usize,
    src: &'a [f32],
    h: usize,
    w: usize,
    dst: &'a mut [f32],

    ow: usize,
}

impl SimdOp for Plane<'_> {
    type Output = ();

    #[inline(always)]
    fn eval<I: Isa>(self, isa: I) -> Self::Output {
        let ops = isa.f32();
        let lanes = ops.len();
        let conv = self.conv;
        let (kh, kw) = (conv.kh, conv.kw);
        let [pt, pl, pb, _] = conv.pads;
        let [sh, sw] = conv.stride;
        // Output columns at stride 1, rounded up to whole vectors; the padded row is wide
        // enough for every vector load of every kernel column.
        let full_w = (self.ow - 1) * sw + 1;
        let vec_w = full_w.div_ceil(lanes) * lanes;
        let row_len = (vec_w + kw - 1).max(pl + self.w);
        let rows = self.h + pt + pb;
        let mut buf = vec![0.0f32; rows * row_len];
        // The input rows, through the pre-steps (padding stays zero).
        let in_vec_w = self.w.div_ceil(lanes) * lanes;
        let mut tmp = vec![0.0f32; in_vec_w.max(vec_w)];
        for (y, src_row) in self.src.chunks_exact(self.w).enumerate() {
            let dst_row = &mut buf[(y + pt) * row_len + pl..][..self.w];
            if conv.pre.is_empty() {
                dst_row.copy_from_slice(src_row);
                continue;
            }
            tmp[..self.w].copy_from_slice(src_row);
            for chunk in tmp[..in_vec_w].chunks_exact_mut(lanes) {
                let x = apply(ops, &conv.pre, ops.load(chunk));
                ops.store(x, chunk);
            }
            dst_row.copy_from_slice(&tmp[..self.w]);
        }
        let weights = &conv.weights[self.c * kh * kw..][..kh * kw];
        let bias = ops.splat(conv.bias[self.c]);
        for (oy, out_row) in self.dst.chunks_exact_mut(self.ow).enumerate() {
            let top = oy * sh;
            for x0 in (0..vec_w).step_by(lanes) {
                let mut acc = bias;
                for ky in 0..kh {
                    let row = &buf[(top + ky) * row_len + x0..];
                    for kx in 0..kw {
                        let k = ops.splat(weights[ky * kw + kx]);
                        acc = ops.mul_add(ops.load(&row[kx..]), k, acc);
                    }
                }
                ops.store(apply(ops, &conv.post, acc), &mut tmp[x0..]);
            }
            if sw == 1 {
                out_row.copy_from_slice(&tmp[..self.ow]);
            } else {
                for (o, v) in out_row.iter_mut().zip(tmp.iter().step_by(sw)) {
                    *o = *v;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The textbook definition, one output at a time.
    fn reference(conv: &DwConv, input: &[f32], n: usize, h: usize, w: usize) -> Vec<f32> {
        let (oh, ow) = conv.out_size(h, w).unwrap();
        let [pt, pl, _, _] = conv.pads;
        let mut out = Vec::new();
        for i in 0..n * conv.channels {
            let c = i % conv.channels;
            let x = |y: isize, xx: isize| -> f32 {
                if y < 0 || xx < 0 || y >= h as isize || xx >= w as isize {
                    return 0.0;
                }
                let v = input[i * h * w + y as usize * w + xx as usize];
                conv.pre.iter().fold(v, |v, e| e.scalar(v))
            };
            for oy in 0..oh {
                for ox in 0..ow {
                    let mut acc = conv.bias[c];
                    for ky in 0..conv.kh {
                        for kx in 0..conv.kw {
                            let y = (oy * conv.stride[0] + ky) as isize - pt as isize;
                            let xx = (ox * conv.stride[1] + kx) as isize - pl as isize;
                            acc += conv.weights[(c * conv.kh + ky) * conv.kw + kx] * x(y, xx);
                        }
                    }
                    out.push(conv.post.iter().fold(acc, |v, e| e.scalar(v)));
                }
            }
        }
        out
    }

    fn conv(k: usize, stride: [usize; 2], pads: [usize; 4], channels: usize) -> DwConv {
        DwConv {
            channels,
            kh: k,
            kw: k,
            stride,
            pads,
            weights: (0..channels * k * k)
                .map(|i| ((i * 7 % 11) as f32 - 5.0) / 7.0)
                .collect(),
            bias: (0..channels).map(|c| c as f32 * 0.25 - 0.5).collect(),
            pre: vec![Elem::HardSwish, Elem::Affine(0.7, 0.2)],
            post: vec![
                Elem::Affine(1.5, -0.1),
                Elem::HardSwish,
                Elem::Clip(-0.3, 4.0),
            ],
        }
    }

    #[test]
    fn matches_the_definition_for_every_kernel_stride_and_odd_width() {
        for (k, stride, pads, h, w) in [
            (3, [1, 1], [1, 1, 1, 1], 6, 37),
            (3, [2, 1], [1, 1, 1, 1], 7, 19),
            (3, [2, 2], [1, 1, 1, 1], 9, 33),
            (5, [1, 1], [2, 2, 2, 2], 5, 70),
            (5, [1, 2], [2, 2, 2, 2], 4, 3),
            (3, [1, 1], [0, 0, 0, 0], 3, 3),
            (3, [1, 1], [0, 1, 2, 0], 4, 17),
        ] {
            let c = conv(k, stride, pads, 3);
            let n = 2;
            let input: Vec<f32> = (0..n * 3 * h * w)
                .map(|i| ((i * 13 % 29) as f32 - 14.0) / 4.0)
                .collect();
            let (got, _) = c.run(&input, n, h, w).unwrap();
            let want = reference(&c, &input, n, h, w);
            assert_eq!(got.len(), want.len());
            for (g, e) in got.iter().zip(&want) {
                assert!((g - e).abs() < 1e-4, "k {k} stride {stride:?}: {g} vs {e}");
            }
        }
    }

    #[test]
    fn a_kernel_larger_than_the_padded_input_is_an_error() {
        let c = conv(5, [1, 1], [0, 0, 0, 0], 1);
        assert!(c.run(&[0.0; 9], 1, 3, 3).is_err());
        assert!(c.run(&[0.0; 24], 1, 5, 5).is_err(), "wrong value count");
    }

    #[test]
    fn consecutive_affine_steps_merge() {
        let mut chain = vec![Elem::HardSwish];
        push_elem(&mut chain, Elem::Affine(2.0, 1.0));
        push_elem(&mut chain, Elem::Affine(3.0, -1.0));
        assert_eq!(chain, vec![Elem::HardSwish, Elem::Affine(6.0, 2.0)]);
    }
}
