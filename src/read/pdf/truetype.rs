//! Glyph id → Unicode from an embedded TrueType font's own `cmap` table.
//!
//! The last resort for CID TrueType fonts with no ToUnicode (WenQuanYi, Aspose and dvipdfmx
//! output): codes are glyph ids, and the font program still says which character each glyph
//! draws. Every read is bounds-checked; a damaged table gives fewer mappings, never a panic.

use std::collections::HashMap;

/// Most characters taken from one font (CJK fonts have ~30 000; this bounds hostile tables).
const MAX_CHARS: usize = 200_000;

fn u16_at(d: &[u8], at: usize) -> Option<u16> {
    let b = d.get(at..at.checked_add(2)?)?;
    Some(u16::from_be_bytes([*b.first()?, *b.get(1)?]))
}

fn u32_at(d: &[u8], at: usize) -> Option<u32> {
    let b = d.get(at..at.checked_add(4)?)?;
    Some(u32::from_be_bytes([
        *b.first()?,
        *b.get(1)?,
        *b.get(2)?,
        *b.get(3)?,
    ]))
}

/// The `cmap` table's glyph id → character map, lowest character first per glyph.
pub(crate) fn glyph_map(font: &[u8]) -> Option<HashMap<u16, char>> {
    let tables = usize::from(u16_at(font, 4)?);
    let cmap = (0..tables.min(64)).find_map(|i| {
        let rec = 12 + 16 * i;
        (font.get(rec..rec + 4)? == b"cmap").then(|| u32_at(font, rec + 8))?
    })? as usize;
    let subtables = usize::from(u16_at(font, cmap + 2)?);
    // Preference: Windows UCS-4, Windows BMP, any Unicode platform, then Windows symbol.
    let mut best: Option<(u8, usize)> = None;
    for i in 0..subtables.min(64) {
        let rec = cmap + 4 + 8 * i;
        let (platform, encoding) = (u16_at(font, rec)?, u16_at(font, rec + 2)?);
        let offset = cmap + u32_at(font, rec + 4)? as usize;
        let rank = match (platform, encoding) {
            (3, 10) => 4,
            (3, 1) => 3,
            (0, _) => 2,
            (3, 0) => 1,
            _ => continue,
        };
        if best.is_none_or(|(r, _)| rank > r) {
            best = Some((rank, offset));
        }
    }
    let (rank, at) = best?;
    let mut out: HashMap<u16, char> = HashMap::new();
    let mut put = |gid: u32, code: u32| {
        // Symbol cmaps put characters at F000 + code: the code itself is the best guess.
        let code = if rank == 1 && (0xF000..=0xF0FF).contains(&code) {
            code - 0xF000
        } else {
            code
        };
        if gid == 0 || out.len() >= MAX_CHARS {
            return;
        }
        if let (Ok(g), Some(c)) = (u16::try_from(gid), char::from_u32(code)) {
            if !c.is_control() {
                out.entry(g).or_insert(c);
            }
        }
    };
    match u16_at(font, at)? {
        4 => {
            let segs = usize::from(u16_at(font, at + 6)? / 2);
            let ends = at + 14;
            let starts = ends + 2 * segs + 2;
            let deltas = starts + 2 * segs;
            let ranges = deltas + 2 * segs;
            for s in 0..segs {
                let (end, start) = (u16_at(font, ends + 2 * s)?, u16_at(font, starts + 2 * s)?);
                let delta = u16_at(font, deltas + 2 * s)?;
                let range_at = ranges + 2 * s;
                let range = usize::from(u16_at(font, range_at)?);
                for c in start..=end {
                    if c == 0xFFFF {
                        break;
                    }
                    let gid = if range == 0 {
                        c.wrapping_add(delta)
                    } else {
                        let g = u16_at(font, range_at + range + 2 * usize::from(c - start))
                            .unwrap_or(0);
                        if g == 0 {
                            0
                        } else {
                            g.wrapping_add(delta)
                        }
                    };
                    put(u32::from(gid), u32::from(c));
                }
            }
        }
        12 => {
            let groups = u32_at(font, at + 12)? as usize;
            for i in 0..groups.min(MAX_CHARS) {
                let g = at + 16 + 12 * i;
                let (first, last, gid) =
                    (u32_at(font, g)?, u32_at(font, g + 4)?, u32_at(font, g + 8)?);
                for (k, c) in (first..=last.min(first.saturating_add(MAX_CHARS as u32))).enumerate()
                {
                    put(gid.saturating_add(k as u32), c);
                }
            }
        }
        _ => return None,
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A font with one format-4 cmap: 'A'..='C' → glyphs 5..=7, '中' → glyph 9.
    fn font() -> Vec<u8> {
        let mut sub = Vec::new();
        let segs: [(u16, u16, u16); 3] = [
            (0x41, 0x43, 5u16.wrapping_sub(0x41)),
            (0x4E2D, 0x4E2D, 9u16.wrapping_sub(0x4E2D)),
            (0xFFFF, 0xFFFF, 1),
        ];
        for v in [4u16, 0, 0, (segs.len() * 2) as u16, 0, 0, 0] {
            sub.extend(v.to_be_bytes());
        }
        for s in segs {
            sub.extend(s.1.to_be_bytes());
        }
        sub.extend(0u16.to_be_bytes());
        for s in segs {
            sub.extend(s.0.to_be_bytes());
        }
        for s in segs {
            sub.extend(s.2.to_be_bytes());
        }
        for _ in segs {
            sub.extend(0u16.to_be_bytes());
        }
        let mut cmap = Vec::new();
        for v in [0u16, 1, 3, 1] {
            cmap.extend(v.to_be_bytes());
        }
        cmap.extend(12u32.to_be_bytes());
        cmap.extend(sub);
        let mut f = vec![0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0];
        f.extend(b"cmap");
        f.extend(0u32.to_be_bytes());
        f.extend(28u32.to_be_bytes());
        f.extend((cmap.len() as u32).to_be_bytes());
        f.extend(cmap);
        f
    }

    #[test]
    fn format4() {
        let m = glyph_map(&font()).unwrap();
        assert_eq!(m.get(&5), Some(&'A'));
        assert_eq!(m.get(&7), Some(&'C'));
        assert_eq!(m.get(&9), Some(&'中'));
        assert_eq!(m.get(&8), None);
    }

    #[test]
    fn truncated_fonts_do_not_panic() {
        let f = font();
        for cut in 0..f.len() {
            let _ = glyph_map(&f[..cut]);
        }
        assert!(glyph_map(b"").is_none());
    }
}
