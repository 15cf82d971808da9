//! CTC greedy decoding of the recogniser's output: per time step the most likely class; runs
//! of the same class collapse to one character and the blank (class 0) separates them.
//! Each character keeps the time steps it spans (for its position on the line) and its
//! probability (for the line's confidence).

/// One decoded character.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Decoded {
    /// The character.
    pub ch: char,
    /// First time step of its run.
    pub first: usize,
    /// Last time step of its run.
    pub last: usize,
    /// Its highest probability over the run.
    pub prob: f32,
}

/// Decode `steps × classes` probabilities (row-major). `dict[k]` is the character of class
/// `k + 1`; classes beyond the dictionary decode to nothing.
pub fn greedy(probs: &[f32], classes: usize, dict: &[char]) -> Vec<Decoded> {
    let mut out: Vec<Decoded> = Vec::new();
    let mut prev = 0usize;
    for (t, row) in probs.chunks_exact(classes.max(1)).enumerate() {
        let (best, p) = row
            .iter()
            .copied()
            .enumerate()
            .fold(
                (0, f32::MIN),
                |acc, (k, v)| if v > acc.1 { (k, v) } else { acc },
            );
        if best != 0 && best == prev {
            if let Some(last) = out.last_mut() {
                last.last = t;
                last.prob = last.prob.max(p);
            }
        } else if best != 0 {
            if let Some(&ch) = dict.get(best - 1) {
                out.push(Decoded {
                    ch,
                    first: t,
                    last: t,
                    prob: p,
                });
            }
        }
        prev = best;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Probabilities from the best class per step: 0.9 for it, the rest shared.
    fn steps(best: &[usize], classes: usize) -> Vec<f32> {
        let mut out = Vec::new();
        for &b in best {
            for k in 0..classes {
                out.push(if k == b {
                    0.9
                } else {
                    0.1 / (classes - 1) as f32
                });
            }
        }
        out
    }

    #[test]
    fn repeats_collapse_and_blanks_separate() {
        let dict = ['通', '知', ' '];
        // 通 通 _ 知 _ 知 知 → 通知知 (the blank separates the two 知).
        let probs = steps(&[1, 1, 0, 2, 0, 2, 2], 4);
        let d = greedy(&probs, 4, &dict);
        let text: String = d.iter().map(|c| c.ch).collect();
        assert_eq!(text, "通知知");
        assert_eq!((d[0].first, d[0].last), (0, 1));
        assert_eq!((d[1].first, d[1].last), (3, 3));
        assert_eq!((d[2].first, d[2].last), (5, 6));
        assert!(d.iter().all(|c| (c.prob - 0.9).abs() < 1e-6));
    }

    #[test]
    fn all_blank_is_empty_and_unknown_classes_are_skipped() {
        let dict = ['a'];
        assert!(greedy(&steps(&[0, 0, 0], 3), 3, &dict).is_empty());
        let d = greedy(&steps(&[2, 1], 3), 3, &dict);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].ch, 'a');
    }

    #[test]
    fn a_ragged_buffer_decodes_its_whole_steps_only() {
        let dict = ['a', 'b'];
        let mut probs = steps(&[1, 2], 3);
        probs.push(0.5);
        let text: String = greedy(&probs, 3, &dict).iter().map(|c| c.ch).collect();
        assert_eq!(text, "ab");
    }
}
