//! Character classes: which characters are Chinese, East Asian, CJK punctuation.
//!
//! Every layer asks some form of *is this character Chinese?*: the parser (does a line end in
//! Han text), the PDF reader (does a font's text look like Chinese, is a gap a word space), the
//! DOCX reader (does a line end in a full-width mark) and the normalizer (which side of a
//! punctuation mark is Chinese). The questions differ, so there is more than one predicate,
//! but each is defined once, here, with its Unicode ranges in its doc comment.
//!
//! Ranges, from the Unicode block charts:
//! - Han: U+3400–U+4DBF Extension A, U+4E00–U+9FFF Unified Ideographs, U+F900–U+FAFF
//!   Compatibility Ideographs, U+20000–U+2FA1F Extensions B–F and the Compatibility Supplement,
//!   U+30000–U+323AF Extensions G–H;
//! - U+3000–U+303F CJK Symbols and Punctuation (U+3005–U+3007 `々〆〇` are ideographic marks);
//! - U+FF00–U+FFEF Halfwidth and Fullwidth Forms.

/// The Han ideograph blocks, as inclusive code-point ranges (see [`is_han`]).
const HAN: &[(u32, u32)] = &[
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x2FA1F),
    (0x30000, 0x323AF),
];

/// CJK ideographs, as inclusive code-point ranges: the Han blocks of [`HAN`] plus
/// U+3005–U+3007 `々〆〇` (iteration mark, closing mark, ideographic zero: `二〇二三年`).
pub(crate) const IDEOGRAPHS: &[(u32, u32)] = &[
    (0x3005, 0x3007),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x2FA1F),
    (0x30000, 0x323AF),
];

/// CJK punctuation and other East Asian marks that make their neighbourhood Chinese.
///
/// - U+3001–U+3004, U+3008–U+303F CJK Symbols and Punctuation (`、。〈〉《》「」『』【】〔〕〖〗`);
///   U+3000 (ideographic space) is whitespace, handled by the whitespace rule;
/// - U+3040–U+30FF kana (Japanese text is East Asian context too);
/// - U+FE10–U+FE1F vertical forms, U+FE30–U+FE4F CJK compatibility forms (`﹝﹞`);
/// - U+FF01–U+FF60 and U+FFE0–U+FFEE full-width forms, *except* the letters and digits
///   U+FF10–U+FF19, U+FF21–U+FF3A, U+FF41–U+FF5A (those are classified as their ASCII twins);
/// - U+FF61–U+FF65 half-width CJK punctuation (`｡｢｣､･`).
pub(crate) const CJK_PUNCT: &[(u32, u32)] = &[
    (0x3001, 0x3004),
    (0x3008, 0x303F),
    (0x3040, 0x30FF),
    (0xFE10, 0xFE1F),
    (0xFE30, 0xFE4F),
    (0xFF01, 0xFF65),
    (0xFFE0, 0xFFEE),
];

fn in_ranges(c: char, ranges: &[(u32, u32)]) -> bool {
    let c = c as u32;
    ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi)
}

/// A Han character: U+3400–U+4DBF, U+4E00–U+9FFF, U+F900–U+FAFF, U+20000–U+2FA1F,
/// U+30000–U+323AF (see [`HAN`]). Marks such as `〇` are not Han (see [`is_ideograph`]).
pub(crate) fn is_han(c: char) -> bool {
    (c as u32) >= 0x3400 && in_ranges(c, HAN)
}

/// A CJK ideograph: Han (see [`is_han`]) or U+3005–U+3007 `々〆〇` (see [`IDEOGRAPHS`]).
pub(crate) fn is_ideograph(c: char) -> bool {
    (c as u32) >= 0x3005 && in_ranges(c, IDEOGRAPHS)
}

/// A full-width letter or digit: U+FF10–U+FF19, U+FF21–U+FF3A, U+FF41–U+FF5A.
pub(crate) fn is_fullwidth_alnum(c: char) -> bool {
    matches!(c, '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}')
}

/// CJK punctuation or a full-width mark (see [`CJK_PUNCT`]), full-width letters and digits
/// excluded.
pub(crate) fn is_cjk_punct(c: char) -> bool {
    (c as u32) >= 0x3001 && in_ranges(c, CJK_PUNCT) && !is_fullwidth_alnum(c)
}

/// A CJK Symbols and Punctuation (U+3000–U+303F) or Halfwidth and Fullwidth Forms
/// (U+FF00–U+FFEF) character, letters and digits included: the marks a DOCX line may end on.
pub(crate) fn is_cjk_symbol_or_fullwidth(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}')
}

/// Han (see [`is_han`]) or the punctuation that sits between Han characters in running text:
/// U+3001–U+303F, U+FF01–U+FF0F, U+FF1A–U+FF20, the curly quotes U+2018, U+2019, U+201C,
/// U+201D, the dash U+2014, the ellipsis U+2026 and the middle dot U+00B7.
pub(crate) fn is_han_or_punct(c: char) -> bool {
    is_han(c)
        || matches!(c as u32, 0x3001..=0x303F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20)
        || matches!(c, '“' | '”' | '‘' | '’' | '—' | '…' | '·')
}

/// A character of Chinese running text as PDF fonts map it: U+3000–U+303F, U+3400–U+4DBF,
/// U+4E00–U+9FFF, U+FF00–U+FFEF, the general punctuation U+2010–U+2027, enclosed alphanumerics
/// U+2460–U+24FF, geometric shapes U+25A0–U+25FF and enclosed CJK U+3200–U+32FF. It leaves out
/// the rare blocks (compatibility ideographs, extension planes) on purpose: a font whose text
/// is mostly those is mis-mapped, not Chinese.
pub(crate) fn is_chinese_text(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xFF00..=0xFFEF
        | 0x2010..=0x2027 | 0x2460..=0x24FF | 0x25A0..=0x25FF | 0x3200..=0x32FF)
}

/// An East Asian wide character, set on a full-width cell (a gap next to it is never a word
/// space): U+2E80–U+2FDF (radicals), U+3000–U+303F (CJK symbols and punctuation),
/// U+3040–U+31FF (kana, bopomofo), U+3200–U+9FFF (enclosed, unified ideographs),
/// U+AC00–U+D7AF (Hangul), U+F900–U+FAFF (compatibility ideographs), U+FE10–U+FE1F and
/// U+FE30–U+FE4F (vertical and compatibility forms), U+FF00–U+FFEF (half/full-width forms),
/// U+20000–U+3FFFF (extension planes).
pub(crate) fn is_east_asian_wide(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF
            | 0x3000..=0x303F
            | 0x3040..=0x31FF
            | 0x3200..=0x9FFF
            | 0xAC00..=0xD7AF
            | 0xF900..=0xFAFF
            | 0xFE10..=0xFE1F
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFFEF
            | 0x20000..=0x3FFFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(u: u32) -> char {
        char::from_u32(u).unwrap()
    }

    #[test]
    fn han_range_edges() {
        for u in [
            0x3400, 0x4DBF, 0x4E00, 0x9FFF, 0xF900, 0xFAFF, 0x20000, 0x2FA1F, 0x30000, 0x323AF,
        ] {
            assert!(is_han(at(u)), "U+{u:X}");
            assert!(is_ideograph(at(u)), "U+{u:X}");
        }
        for u in [
            0x33FF, 0x4DC0, 0x4DFF, 0xA000, 0xF8FF, 0xFB00, 0x1FFFF, 0x2FA20, 0x323B0,
        ] {
            assert!(!is_han(at(u)), "U+{u:X}");
            assert!(!is_ideograph(at(u)), "U+{u:X}");
        }
        // 〇 is an ideograph but not Han; 〄 and 〈 are neither.
        assert!(is_ideograph('〇') && !is_han('〇'));
        assert!(is_ideograph('々') && is_ideograph('〆'));
        assert!(!is_ideograph('\u{3004}') && !is_ideograph('\u{3008}'));
    }

    #[test]
    fn punct_range_edges() {
        assert!(!is_cjk_punct('\u{3000}'));
        assert!(is_cjk_punct('\u{3001}') && is_cjk_punct('\u{3004}'));
        assert!(!is_cjk_punct('\u{3005}') && !is_cjk_punct('\u{3007}'));
        assert!(is_cjk_punct('\u{3008}') && is_cjk_punct('\u{30FF}'));
        assert!(!is_cjk_punct('\u{3100}'));
        assert!(is_cjk_punct('\u{FF01}') && is_cjk_punct('\u{FF0F}'));
        assert!(!is_cjk_punct('\u{FF10}') && !is_cjk_punct('\u{FF19}'));
        assert!(is_cjk_punct('\u{FF1A}') && is_cjk_punct('\u{FF20}'));
        assert!(!is_cjk_punct('\u{FF21}') && !is_cjk_punct('\u{FF5A}'));
        assert!(is_cjk_punct('\u{FF5B}') && is_cjk_punct('\u{FF65}'));
        assert!(!is_cjk_punct('\u{FF66}') && !is_cjk_punct('\u{FFEF}'));
        assert!(is_cjk_punct('\u{FFE0}') && is_cjk_punct('\u{FFEE}'));
        assert!(is_fullwidth_alnum('０') && is_fullwidth_alnum('ｚ') && !is_fullwidth_alnum('＠'));
        assert!(is_cjk_symbol_or_fullwidth('\u{3000}') && is_cjk_symbol_or_fullwidth('１'));
        assert!(!is_cjk_symbol_or_fullwidth('\u{3040}') && !is_cjk_symbol_or_fullwidth('\u{FFF0}'));
    }

    #[test]
    fn running_text_classes() {
        assert!(is_han_or_punct('文') && is_han_or_punct('。') && is_han_or_punct('“'));
        assert!(!is_han_or_punct('\u{3000}') && !is_han_or_punct('１') && !is_han_or_punct('a'));
        assert!(is_chinese_text('\u{2010}') && is_chinese_text('\u{2027}'));
        assert!(!is_chinese_text('\u{2028}') && !is_chinese_text('\u{F900}'));
        assert!(is_chinese_text('①') && is_chinese_text('■') && !is_chinese_text('\u{20000}'));
        assert!(
            is_east_asian_wide('한') && is_east_asian_wide('あ') && is_east_asian_wide('\u{3FFFF}')
        );
        assert!(!is_east_asian_wide('\u{2FE0}') && !is_east_asian_wide('\u{D7B0}'));
        assert!(!is_east_asian_wide('\u{2014}'));
    }
}
