//! Character classes shared by the rules, as declared Unicode range tables.
//!
//! Every rule asks the same two questions of a character: *is it Chinese?* and *which side of
//! a punctuation mark does Chinese text sit on?* The answers live here, once, as data.

// The ideograph and punctuation ranges live in the crate-wide character classes.
pub(crate) use crate::chars::{is_cjk_punct, is_ideograph};

/// The marks the punctuation and quote rules write: `，：；？！（）“”‘’`.
///
/// They are *neutral* when the rules look for context, exactly like their ASCII originals.
/// That is what makes the rules idempotent: converting one mark never changes the context of
/// another, so a second run takes the same decisions as the first.
pub(crate) const PRODUCTS: &[char] = &[
    '，', '：', '；', '？', '！', '（', '）', '\u{201C}', '\u{201D}', '\u{2018}', '\u{2019}',
];

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
pub(crate) const SCAN_LIMIT: usize = 24;

/// The first decisive [`Side`] left of byte offset `at` in `line` (Neutral when none).
pub(crate) fn left(line: &str, at: usize) -> Side {
    scan(line.get(..at).unwrap_or("").chars().rev())
}

/// The first decisive [`Side`] right of byte offset `at` in `line` (Neutral when none).
pub(crate) fn right(line: &str, at: usize) -> Side {
    scan(line.get(at..).unwrap_or("").chars())
}

fn scan(chars: impl Iterator<Item = char>) -> Side {
    scan_skipping(chars, |_| false)
}

/// The first decisive [`Side`] among `chars`, up to a newline and [`SCAN_LIMIT`] counted
/// characters, passing over whitespace, invisible characters and those `skip` names (a rule's
/// own marks, which must not decide their own context).
pub(crate) fn scan_skipping(
    chars: impl Iterator<Item = char>,
    skip: impl Fn(char) -> bool,
) -> Side {
    let mut seen = 0;
    for c in chars {
        if c == '\n' {
            break;
        }
        if skip(c) {
            continue;
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
