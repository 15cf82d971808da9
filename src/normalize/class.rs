//! Character classes shared by the rules, as declared Unicode range tables.
//!
//! Every rule asks the same two questions of a character: *is it Chinese?* and *which side of
//! a punctuation mark does Chinese text sit on?* The answers live here, once, as data.

/// CJK ideographs, as inclusive code-point ranges.
///
/// - U+3005–U+3007 `々〆〇` (iteration mark, closing mark, ideographic zero: `二〇二三年`);
/// - U+3400–U+4DBF CJK Unified Ideographs Extension A;
/// - U+4E00–U+9FFF CJK Unified Ideographs;
/// - U+F900–U+FAFF CJK Compatibility Ideographs;
/// - U+20000–U+2FA1F Extensions B–F and the Compatibility Ideographs Supplement;
/// - U+30000–U+323AF Extensions G–H.
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
/// - U+FF01–U+FF60 and U+FFE0–U+FFEE full-width forms, *except* the letters and digits (those
///   are classified as their ASCII twins) and except the marks this normalizer itself produces
///   (see [`PRODUCTS`]);
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

/// The marks the punctuation and quote rules write: `，：；？！（）“”‘’`.
///
/// They are *neutral* when the rules look for context, exactly like their ASCII originals.
/// That is what makes the rules idempotent: converting one mark never changes the context of
/// another, so a second run takes the same decisions as the first.
pub(crate) const PRODUCTS: &[char] = &[
    '，', '：', '；', '？', '！', '（', '）', '\u{201C}', '\u{201D}', '\u{2018}', '\u{2019}',
];

fn in_ranges(c: char, ranges: &[(u32, u32)]) -> bool {
    let c = c as u32;
    ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi)
}

/// Is `c` a CJK ideograph (see [`IDEOGRAPHS`])?
pub(crate) fn is_ideograph(c: char) -> bool {
    (c as u32) >= 0x3005 && in_ranges(c, IDEOGRAPHS)
}

/// Is `c` CJK punctuation or a full-width mark (see [`CJK_PUNCT`]), letters and digits excluded?
pub(crate) fn is_cjk_punct(c: char) -> bool {
    (c as u32) >= 0x3001
        && in_ranges(c, CJK_PUNCT)
        && crate::normalize::width::to_ascii(c).is_none()
}

/// How a character colours the text around an ASCII punctuation mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    /// An ideograph or CJK punctuation (other than [`PRODUCTS`]): the mark is in Chinese text.
    Chinese,
    /// A letter of an alphabetic script (ASCII, full-width or other): Latin text.
    Latin,
    /// Nothing decisive: digits, spaces, ASCII and general punctuation, curly quotes, symbols.
    Neutral,
}

/// Classify one character for context decisions.
pub(crate) fn side(c: char) -> Side {
    if c.is_ascii() {
        return if c.is_ascii_alphabetic() {
            Side::Latin
        } else {
            Side::Neutral
        };
    }
    // The common case first: the main CJK Unified Ideographs block.
    if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        return Side::Chinese;
    }
    if let Some(a) = crate::normalize::width::to_ascii(c) {
        return side(a);
    }
    if is_ideograph(c) {
        return Side::Chinese;
    }
    if PRODUCTS.contains(&c) {
        return Side::Neutral;
    }
    if is_cjk_punct(c) {
        return Side::Chinese;
    }
    if c.is_alphabetic() {
        Side::Latin
    } else {
        Side::Neutral
    }
}

/// How far (in non-space characters) a context scan looks before giving up. Bounds the work
/// per mark, so a line of ten thousand commas stays linear.
const SCAN_LIMIT: usize = 24;

/// The first decisive [`Side`] left of byte offset `at` in `line` (Neutral when none).
pub(crate) fn left(line: &str, at: usize) -> Side {
    scan(line.get(..at).unwrap_or("").chars().rev())
}

/// The first decisive [`Side`] right of byte offset `at` in `line` (Neutral when none).
pub(crate) fn right(line: &str, at: usize) -> Side {
    scan(line.get(at..).unwrap_or("").chars())
}

fn scan(chars: impl Iterator<Item = char>) -> Side {
    let mut seen = 0;
    for c in chars {
        if c == '\n' {
            break;
        }
        // Spaces do not count against the limit: the whitespace rule removes some of them,
        // and the decision must not change when it has (idempotence).
        if c.is_whitespace() || is_invisible(c) {
            continue;
        }
        match side(c) {
            Side::Neutral => {}
            decisive => return decisive,
        }
        seen += 1;
        if seen >= SCAN_LIMIT {
            break;
        }
    }
    Side::Neutral
}

/// Zero-width characters the whitespace rule deletes: U+200B–U+200D (zero-width space,
/// non-joiner, joiner), U+2060 (word joiner), U+FEFF (BOM / zero-width no-break space), U+00AD
/// (soft hyphen).
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}'
    )
}

/// Is `c` an ASCII digit or a full-width digit (U+FF10–U+FF19)?
pub(crate) fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        for (c, want) in [
            ('中', Side::Chinese),
            ('〇', Side::Chinese),
            ('㐀', Side::Chinese),
            ('𠀀', Side::Chinese),
            ('。', Side::Chinese),
            ('《', Side::Chinese),
            ('〔', Side::Chinese),
            ('，', Side::Neutral),
            ('（', Side::Neutral),
            ('“', Side::Neutral),
            ('a', Side::Latin),
            ('Ａ', Side::Latin),
            ('é', Side::Latin),
            ('1', Side::Neutral),
            ('１', Side::Neutral),
            ('%', Side::Neutral),
            ('①', Side::Neutral),
        ] {
            assert_eq!(side(c), want, "{c}");
        }
    }

    #[test]
    fn scans_skip_neutral_and_stop_at_newline() {
        assert_eq!(left("增长3.5%;", "增长3.5%".len()), Side::Chinese);
        assert_eq!(right(";2021年", 1), Side::Chinese);
        assert_eq!(right(";\n年", 1), Side::Neutral);
        assert_eq!(left("LED ,", 4), Side::Latin);
    }
}
