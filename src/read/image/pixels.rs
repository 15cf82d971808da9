//! Sample conversions shared by the file decoders and the PDF image filters: packed samples of
//! 1, 2, 4, 8 or 16 bits to 8-bit samples, palettes, CMYK and alpha to gray or RGB.

// Input reaches every line here: slicing goes through `.get()` (see docs/robustness.md).
#![cfg_attr(not(test), warn(clippy::indexing_slicing))]

/// Unpack rows of `width * comps` samples of `bits` bits (rows padded to whole bytes) to one
/// byte per sample, scaled to 0–255 (`scale = false` keeps the raw value, for palette indices).
/// Missing bytes read as 0.
pub(crate) fn unpack(
    data: &[u8],
    width: usize,
    height: usize,
    comps: usize,
    bits: u8,
    scale: bool,
) -> Vec<u8> {
    let per_row = width.saturating_mul(comps);
    let stride = (per_row.saturating_mul(bits as usize)).div_ceil(8);
    let mut out = Vec::with_capacity(per_row.saturating_mul(height));
    for y in 0..height {
        let row = data.get(y.saturating_mul(stride)..).unwrap_or(&[]);
        match bits {
            8 => {
                let have = row.get(..per_row).unwrap_or(row);
                out.extend_from_slice(have);
                out.resize(out.len() + per_row - have.len(), 0);
            }
            16 => out.extend((0..per_row).map(|i| row.get(2 * i).copied().unwrap_or(0))),
            1 | 2 | 4 => {
                let max = (1u16 << bits) - 1;
                out.extend((0..per_row).map(|i| {
                    let bit = i * bits as usize;
                    let byte = row.get(bit / 8).copied().unwrap_or(0);
                    let v = (byte >> (8 - bits as usize - bit % 8)) as u16 & max;
                    if scale {
                        (v * 255 / max) as u8
                    } else {
                        v as u8
                    }
                }));
            }
            _ => out.resize(out.len() + per_row, 0),
        }
    }
    out
}

/// Samples of `comps` components to gray (1) or RGB (3): CMYK is converted naively (no colour
/// management: OCR needs contrast, not colour fidelity), an alpha component is composed over
/// white, other counts keep the first component as gray.
pub(crate) fn to_gray_or_rgb(samples: Vec<u8>, comps: usize, alpha: bool) -> (u8, Vec<u8>) {
    match (comps, alpha) {
        (1, _) => (1, samples),
        (3, false) => (3, samples),
        (2, true) => (1, arrays(&samples).map(|[v, a]| over_white(v, a)).collect()),
        (4, true) => {
            let rgb = arrays(&samples)
                .flat_map(|[r, g, b, a]| [over_white(r, a), over_white(g, a), over_white(b, a)]);
            (3, rgb.collect())
        }
        (4, false) => (3, cmyk_to_rgb(&samples, false)),
        _ => (1, samples.iter().step_by(comps.max(1)).copied().collect()),
    }
}

/// The whole `N`-sample pixels of `samples` (a partial last one is dropped).
pub(crate) fn arrays<const N: usize>(samples: &[u8]) -> impl Iterator<Item = [u8; N]> + '_ {
    samples
        .chunks_exact(N)
        .filter_map(|c| <[u8; N]>::try_from(c).ok())
}

fn over_white(v: u8, a: u8) -> u8 {
    let (v, a) = (v as u32, a as u32);
    ((v * a + 255 * (255 - a)) / 255) as u8
}

/// CMYK (or, `inverted`, Adobe's inverted CMYK in JPEGs) to RGB.
pub(crate) fn cmyk_to_rgb(samples: &[u8], inverted: bool) -> Vec<u8> {
    arrays(samples)
        .flat_map(|p: [u8; 4]| {
            let [c, m, y, k] = p.map(|v| if inverted { 255 - v } else { v } as u32);
            [c, m, y].map(|v| ((255 - v) * (255 - k) / 255) as u8)
        })
        .collect()
}

/// Palette indices to RGB (or gray when every entry is gray): `palette` holds `entries * 3`
/// bytes; an index past the end is white.
pub(crate) fn expand_palette(indices: &[u8], palette: &[u8]) -> (u8, Vec<u8>) {
    let gray = arrays(palette).all(|[r, g, b]| r == g && g == b);
    let entry = |i: u8| -> [u8; 3] {
        let at = i as usize * 3;
        match palette.get(at..at + 3) {
            Some(&[r, g, b]) => [r, g, b],
            _ => [255, 255, 255],
        }
    };
    if gray {
        (1, indices.iter().map(|&i| entry(i)[0]).collect())
    } else {
        (3, indices.iter().flat_map(|&i| entry(i)).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unpacks_bits_and_words() {
        assert_eq!(
            unpack(&[0b1010_0000, 0xff], 3, 2, 1, 1, true),
            [255, 0, 255, 255, 255, 255]
        );
        assert_eq!(unpack(&[0b0111_0000], 2, 1, 1, 2, false), [1, 3]);
        assert_eq!(
            unpack(&[0x12, 0x34, 0xab, 0xcd], 2, 1, 1, 16, true),
            [0x12, 0xab]
        );
        // A short stream reads as zeros, not a panic.
        assert_eq!(unpack(&[7], 2, 2, 1, 8, true), [7, 0, 0, 0]);
    }

    #[test]
    fn converts_colour() {
        assert_eq!(
            to_gray_or_rgb(vec![0, 0, 0, 255], 4, false),
            (3, vec![0, 0, 0])
        );
        assert_eq!(to_gray_or_rgb(vec![10, 0], 2, true), (1, vec![255]));
        assert_eq!(cmyk_to_rgb(&[255, 255, 255, 255], true), [255, 255, 255]);
        assert_eq!(
            expand_palette(&[1, 5], &[0, 0, 0, 9, 9, 9]),
            (1, vec![9, 255])
        );
    }
}
