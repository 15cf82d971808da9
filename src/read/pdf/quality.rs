//! Can the text be trusted? Per-font checks that turn silent junk into `unreliable_text`.
//!
//! Two failure shapes are common in Chinese PDFs: fonts with no usable Unicode map at all
//! (embedded subsets without ToUnicode, Type3 glyphs with made-up names), and fonts whose
//! ToUnicode is wrong (typesetting systems that map glyph ids through the wrong table: Latin
//! letters come out as rare Han characters like 犐犆犛, Han characters as ASCII/Latin-1 junk).
//! Real Chinese running text is overwhelmingly GB2312 characters, and real Latin text in a
//! Chinese document is letters, digits and a little punctuation; the checks measure both.

use std::sync::LazyLock;

use super::interp::{FontStats, FontTable};
use super::list;
use crate::chars::{is_chinese_text as is_cjk_text, is_han};
use crate::model::{Code, Diagnostic};

/// Fonts drawing fewer glyphs than this are not judged: too little evidence.
const MIN_GLYPHS: u64 = 12;

/// Why a font's text is doubted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// The text looks like real text.
    Fine,
    /// Most glyphs have no Unicode mapping.
    NoMap,
    /// The mapping gives rare Han characters or Latin-1 junk.
    WrongMap,
}

/// The GB2312 Han characters (GBK lead byte B0–F7, trail A1–FE), one bit per code point of
/// U+4E00–U+9FFF, where all of them lie. Built once by decoding that GBK block: encoding
/// every sampled character through encoding_rs instead was the reader's hottest function
/// (a table search per character, ~17 % of the CPU time on the PDF samples).
static GB2312_HAN: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut bytes = Vec::with_capacity(72 * 94 * 2);
    for lead in 0xB0..=0xF7u8 {
        for trail in 0xA1..=0xFEu8 {
            bytes.extend([lead, trail]);
        }
    }
    let (text, _) = encoding_rs::GBK.decode_without_bom_handling(&bytes);
    let mut bits = vec![0u64; (HAN_BITS.end() - HAN_BITS.start() + 1).div_ceil(64)];
    for c in text.chars() {
        if let Some(i) = (c as usize).checked_sub(*HAN_BITS.start()) {
            if let Some(word) = bits.get_mut(i / 64) {
                *word |= 1 << (i % 64);
            }
        }
    }
    bits
});

/// The code points [`GB2312_HAN`] covers.
const HAN_BITS: std::ops::RangeInclusive<usize> = 0x4E00..=0x9FFF;

/// A Han character outside GB2312 (the 6,763 characters of everyday Chinese).
fn is_rare_han(c: char) -> bool {
    let Some(i) = (c as usize).checked_sub(*HAN_BITS.start()) else {
        return true;
    };
    GB2312_HAN
        .get(i / 64)
        .is_none_or(|word| word & (1 << (i % 64)) == 0)
}

fn is_junk(c: char) -> bool {
    matches!(c as u32, 0x80..=0xFF) || "%@#$^&*{}|~\\`<>=+_".contains(c)
}

/// Judge one font's tallies.
pub(crate) fn verdict(s: &FontStats, cjk_font: bool) -> Verdict {
    // Missing text is certain evidence however little there is.
    if s.unmapped * 2 > s.glyphs {
        return Verdict::NoMap;
    }
    if s.glyphs < MIN_GLYPHS {
        return Verdict::Fine;
    }
    let chars: Vec<char> = s.sample.chars().filter(|c| !c.is_whitespace()).collect();
    let han = chars.iter().filter(|c| is_han(**c)).count();
    let rare = chars
        .iter()
        .filter(|c| is_han(**c) && is_rare_han(**c))
        .count();
    if han >= 10 && rare * 10 > han * 3 {
        return Verdict::WrongMap;
    }
    // A ToUnicode that sends many codes to one character shows as runs like 佛佛佛佛佛:
    // real Chinese text does not repeat a Han character five times.
    let longest_run = chars
        .chunk_by(|a, b| a == b)
        .filter(|run| run.first().is_some_and(|c| is_han(*c)))
        .map(<[char]>::len)
        .max()
        .unwrap_or(0);
    if longest_run >= 5 {
        return Verdict::WrongMap;
    }
    let cjk = cjk_font || chars.iter().any(|c| is_cjk_text(*c));
    let junk = chars.iter().filter(|c| is_junk(**c)).count();
    if cjk && chars.len() >= 20 && junk * 100 > chars.len() * 15 {
        return Verdict::WrongMap;
    }
    Verdict::Fine
}

/// The fonts whose text cannot be trusted and the pages they draw on.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Doubts {
    /// Pages (ascending) with text in a doubted font.
    pub pages: Vec<u32>,
    /// The doubted fonts, as indices into [`FontTable::fonts`].
    pub fonts: Vec<usize>,
}

/// Add `unreliable_text` warnings for the fonts whose text cannot be trusted; returns them and
/// the pages they draw on. Pages in `read_by_ocr` (their doubted text was replaced by OCR of
/// the rendered page) are left out of the warnings, not of the returned pages.
pub(crate) fn judge(
    fonts: &FontTable,
    read_by_ocr: &[u32],
    warnings: &mut Vec<Diagnostic>,
) -> Doubts {
    let mut doubted_fonts: Vec<usize> = Vec::new();
    let mut no_map: Vec<(String, Vec<u32>)> = Vec::new();
    let mut wrong: Vec<(String, Vec<u32>)> = Vec::new();
    // (glyphs without text, glyphs drawn) over the `no_map` fonts, for the message.
    let mut missing = (0u64, 0u64);
    // Subset fonts are often split into several font objects of one name; judge them together.
    let mut by_name: Vec<(String, FontStats, bool)> = Vec::new();
    for (i, (font, stats)) in fonts.fonts.iter().zip(&fonts.stats).enumerate() {
        let name = if font.name.is_empty() {
            "(unnamed)".to_string()
        } else {
            font.name.clone()
        };
        // Missing maps are judged per font object: a simple and a CID font may share a name.
        // (`verdict`'s first test, without the sampling the full verdict does.)
        if stats.unmapped * 2 > stats.glyphs {
            doubted_fonts.push(i);
            no_map.push((name, stats.pages.clone()));
            missing = (missing.0 + stats.unmapped, missing.1 + stats.glyphs);
            continue;
        }
        match by_name.iter_mut().find(|(n, _, _)| *n == name) {
            Some((_, merged, cjk)) => {
                merged.glyphs += stats.glyphs;
                merged.unmapped += stats.unmapped;
                if merged.sample.len() < 16_384 {
                    merged.sample.push_str(&stats.sample);
                }
                merged.pages.extend(&stats.pages);
                *cjk |= font.cjk_name;
            }
            None => by_name.push((name, stats.clone(), font.cjk_name)),
        }
    }
    for (name, stats, cjk) in by_name {
        let verdict = verdict(&stats, cjk);
        if verdict != Verdict::Fine {
            // Every font object of the name (duplicates go at the end).
            let same = fonts
                .fonts
                .iter()
                .enumerate()
                .filter(|(_, f)| f.name == name || (f.name.is_empty() && name == "(unnamed)"));
            doubted_fonts.extend(same.map(|(i, _)| i));
        }
        match verdict {
            Verdict::Fine => {}
            Verdict::NoMap => {
                missing = (missing.0 + stats.unmapped, missing.1 + stats.glyphs);
                no_map.push((name, stats.pages));
            }
            Verdict::WrongMap => wrong.push((name, stats.pages)),
        }
    }
    let all_pages = |items: &[(String, Vec<u32>)]| {
        let mut pages: Vec<u32> = items.iter().flat_map(|(_, p)| p.iter().copied()).collect();
        pages.sort_unstable();
        pages.dedup();
        pages
    };
    let doubted = all_pages(&[&wrong[..], &no_map[..]].concat());
    for items in [&mut wrong, &mut no_map] {
        for (_, pages) in items.iter_mut() {
            pages.retain(|p| !read_by_ocr.contains(p));
        }
        items.retain(|(_, pages)| !pages.is_empty());
    }
    let describe = |items: &[(String, Vec<u32>)]| {
        let mut pages: Vec<u32> = items.iter().flat_map(|(_, p)| p.iter().copied()).collect();
        pages.sort_unstable();
        pages.dedup();
        let mut names: Vec<&str> = items.iter().map(|(n, _)| n.as_str()).collect();
        names.dedup();
        let shown: Vec<&str> = names.iter().take(6).copied().collect();
        let more = names.len().saturating_sub(6);
        let more = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        (list(&pages), format!("{}{more}", shown.join(", ")))
    };
    if !wrong.is_empty() {
        let (pages, names) = describe(&wrong);
        warnings.push(Diagnostic::new(
            Code::UnreliableText,
            format!(
                "page(s) {pages}: the Unicode maps of font(s) {names} look wrong (rare or repeated characters, or \
                 Latin-1 junk where text should be); the extracted text is not what the page shows"
            ),
        ));
    }
    if !no_map.is_empty() {
        let (pages, names) = describe(&no_map);
        warnings.push(Diagnostic::new(
            Code::UnreliableText,
            format!(
                "page(s) {pages}: font(s) {names} have no usable Unicode map; {} of the {} glyphs \
                 drawn with them are missing from the text",
                missing.0, missing.1
            ),
        ));
    }
    doubted_fonts.sort_unstable();
    doubted_fonts.dedup();
    Doubts {
        pages: doubted,
        fonts: doubted_fonts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition the bit set replaces: GBK-encode the character and look at the bytes.
    fn is_rare_han_by_encoding(c: char) -> bool {
        let mut buf = [0u8; 4];
        let (bytes, _, bad) = encoding_rs::GBK.encode(c.encode_utf8(&mut buf));
        match (bad, bytes.first(), bytes.get(1)) {
            (false, Some(&lead), Some(&trail)) => !((0xB0..=0xF7).contains(&lead) && trail >= 0xA1),
            _ => true,
        }
    }

    #[test]
    fn gb2312_bit_set_agrees_with_gbk_encoding() {
        let han = (0x3400..=0x4DBF)
            .chain(0x4E00..=0x9FFF)
            .chain(0x20000..=0x20400);
        let mut common = 0;
        for c in han.filter_map(char::from_u32) {
            assert_eq!(
                is_rare_han(c),
                is_rare_han_by_encoding(c),
                "{c} U+{:04X}",
                c as u32
            );
            common += usize::from(!is_rare_han(c));
        }
        // GB2312 has 6,763 Han characters.
        assert_eq!(common, 6763);
        let cases = [
            ('中', false),
            ('国', false),
            ('犐', true),
            ('㐀', true),
            ('𠀀', true),
        ];
        for (c, rare) in cases {
            assert_eq!(is_rare_han(c), rare, "{c}");
        }
    }

    fn stats(sample: &str, unmapped: u64) -> FontStats {
        let n = sample.chars().count() as u64;
        FontStats {
            glyphs: n + unmapped,
            unmapped,
            sample: sample.to_string(),
            pages: vec![1],
        }
    }

    #[test]
    fn verdicts() {
        let cases: &[(&str, u64, bool, Verdict)] = &[
            (
                "根据省委统一部署，现将有关事项通知如下：一、工作目标",
                0,
                true,
                Verdict::Fine,
            ),
            (
                "The quick brown fox jumps over the lazy dog, 2024.",
                0,
                false,
                Verdict::Fine,
            ),
            ("短", 40, true, Verdict::NoMap),
            (
                "犐犆犛犌犕犜犐犆犛犌犕犜犐犆犛犌犕犜",
                0,
                false,
                Verdict::WrongMap,
            ),
            (
                "KLM%.¾23@5KLM%.¾23@5§¶KLM%.¾23@5",
                0,
                true,
                Verdict::WrongMap,
            ),
            ("few", 0, true, Verdict::Fine),
            (
                "佛佛佛佛佛佛佛佛佛佛佛 4 4 0 6 9 6 1 4 8 5",
                0,
                true,
                Verdict::WrongMap,
            ),
            ("……………………………………　　　　　　　哈哈哈", 0, true, Verdict::Fine),
        ];
        for (sample, unmapped, cjk, want) in cases {
            assert_eq!(verdict(&stats(sample, *unmapped), *cjk), *want, "{sample}");
        }
    }
}
