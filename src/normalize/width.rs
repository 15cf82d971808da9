//! Rule `ascii_alnum`: full-width letters and digits become ASCII.
//!
//! Chinese text sets Latin letters and Arabic digits half-width (GB/T 15834); Word and web
//! editors often leave full-width ones behind.
//!
//! | before | after |
//! |---|---|
//! | `２０２０年` | `2020年` |
//! | `ＧＢ／Ｔ` | `GB／T` (only letters and digits; `／` is punctuation) |
//! | `，` `（一）` `①` | unchanged |
//!
//! The mapping is this table, not NFKC: NFKC would also flatten `，（）①〔〕` and more.

use std::borrow::Cow;

/// Full-width ranges that map to ASCII by a fixed offset: (first, last, first ASCII).
///
/// - U+FF10–U+FF19 FULLWIDTH DIGIT ZERO..NINE → `0`–`9`;
/// - U+FF21–U+FF3A FULLWIDTH LATIN CAPITAL LETTER A..Z → `A`–`Z`;
/// - U+FF41–U+FF5A FULLWIDTH LATIN SMALL LETTER A..Z → `a`–`z`.
pub(crate) const FULLWIDTH_ALNUM: &[(char, char, char)] =
    &[('０', '９', '0'), ('Ａ', 'Ｚ', 'A'), ('ａ', 'ｚ', 'a')];

/// The ASCII twin of a full-width letter or digit (see [`FULLWIDTH_ALNUM`]).
pub(crate) fn to_ascii(c: char) -> Option<char> {
    if (c as u32) < 0xFF10 {
        return None;
    }
    FULLWIDTH_ALNUM
        .iter()
        .find(|(lo, hi, _)| (*lo..=*hi).contains(&c))
        .and_then(|&(lo, _, base)| char::from_u32(base as u32 + (c as u32 - lo as u32)))
}

/// Replace full-width letters and digits by ASCII.
///
/// `"第２页"` → `"第2页"`; borrows when there is nothing to replace.
pub fn ascii_alnum(s: &str) -> Cow<'_, str> {
    // Every full-width letter or digit is encoded EF BC 90..BC BA or EF BD 81..BD 9A: a text
    // without byte EF (most Chinese text) is skipped at memchr speed.
    // The full-width punctuation `，：（）；` shares lead byte EF, so each EF is checked with its
    // two continuation bytes instead of decoding the text character by character.
    let bytes = s.as_bytes();
    let Some(first) = memchr::memchr_iter(0xEF, bytes).find(|&i| {
        matches!(
            (bytes.get(i + 1), bytes.get(i + 2)),
            (Some(0xBC), Some(0x90..=0x99 | 0xA1..=0xBA)) | (Some(0xBD), Some(0x81..=0x9A))
        )
    }) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len());
    out.push_str(s.get(..first).unwrap_or(""));
    for c in s.get(first..).unwrap_or("").chars() {
        out.push(to_ascii(c).unwrap_or(c));
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for (input, want) in [
            ("２０２０年", "2020年"),
            ("ＡＢＣｘｙｚ０９", "ABCxyz09"),
            ("第２页，共３页", "第2页，共3页"),
            ("①（一）〔２０２３〕", "①（一）〔2023〕"),
            ("ＧＢ／Ｔ", "GB／T"),
        ] {
            assert_eq!(ascii_alnum(input), want, "{input}");
        }
    }

    #[test]
    fn borrows_when_unchanged() {
        assert!(matches!(ascii_alnum("，（一）①abc"), Cow::Borrowed(_)));
    }
}
