//! Rule `quotes`: straight quotes in Chinese text become paired curly quotes.
//!
//! | before | after |
//! |---|---|
//! | `坚决做到"两个维护"` | `坚决做到“两个维护”` |
//! | `学用'两张皮'问题` | `学用‘两张皮’问题` |
//! | `China's "GDP"` | unchanged (Latin context; `'` between letters is an apostrophe) |
//! | `他说"你好` | unchanged (an unpaired quote: its direction cannot be known) |
//!
//! Straight quotes on a line are paired in order (1st with 2nd, 3rd with 4th…); a pair is
//! converted when the text before the opening quote, after the closing quote, or between them
//! is Chinese (the same context test as [`super::punct`]). `'` between two letters or digits
//! (`don't`, `China's`) is an apostrophe and never a quote. Quotes inside URLs are left alone.

use std::borrow::Cow;

use super::class::{self, Side};
use super::cursor::LineCursor;
use super::patch::Patch;
use super::protect;

/// The conversions: straight quote → (opening, closing).
pub(crate) const QUOTE_TABLE: &[(char, char, char)] = &[
    ('"', '\u{201C}', '\u{201D}'),
    ('\'', '\u{2018}', '\u{2019}'),
];

/// Pair straight quotes in Chinese context into curly ones; borrows when nothing changes.
pub fn quotes(s: &str) -> Cow<'_, str> {
    let bytes = s.as_bytes();
    let mut patch = Patch::new(s);
    let mut lines = LineCursor::new(s);
    // Each line holding a quote once: the search resumes after the line it converted.
    let mut from = 0;
    while let Some(hit) = bytes
        .get(from..)
        .and_then(|rest| memchr::memchr2(b'"', b'\'', rest))
    {
        let (base, line) = lines.line(from + hit);
        convert_line(line, base, &mut patch);
        from = base + line.len() + 1;
    }
    patch.finish()
}

fn convert_line(line: &str, base: usize, patch: &mut Patch<'_>) {
    let urls = protect::url_spans(line);
    // (byte offset, quote char, Chinese characters before it)
    let mut double = Vec::new();
    let mut single = Vec::new();
    let mut chinese = 0u32;
    let mut prev: Option<char> = None;
    let mut iter = line.char_indices().peekable();
    while let Some((at, c)) = iter.next() {
        match c {
            '"' if !protect::inside(&urls, at) => double.push((at, chinese)),
            '\'' if !protect::inside(&urls, at) => {
                let next = iter.peek().map(|&(_, n)| n);
                if !(prev.is_some_and(word_char) && next.is_some_and(word_char)) {
                    single.push((at, chinese));
                }
            }
            _ if !c.is_ascii() && class::side(c) == Side::Chinese => chinese += 1,
            _ => {}
        }
        prev = Some(c);
    }
    // Both lists are in order; merge the replacements so the patch sees increasing offsets.
    let mut edits: Vec<(usize, char)> = Vec::new();
    for (list, quote) in [(&double, '"'), (&single, '\'')] {
        let Some(&(_, open, close)) = QUOTE_TABLE.iter().find(|(q, _, _)| *q == quote) else {
            continue;
        };
        for pair in list.chunks_exact(2) {
            if let [(a, ca), (b, cb)] = pair {
                if cb > ca
                    || class::left(line, *a) == Side::Chinese
                    || class::right(line, b + 1) == Side::Chinese
                {
                    edits.push((*a, open));
                    edits.push((*b, close));
                }
            }
        }
    }
    edits.sort_unstable_by_key(|&(at, _)| at);
    for (at, c) in edits {
        let mut buf = [0u8; 4];
        patch.replace(base + at, base + at + 1, c.encode_utf8(&mut buf));
    }
}

/// A letter of a Latin-like script or a digit: `'` between two of them is an apostrophe.
fn word_char(c: char) -> bool {
    class::side(c) == Side::Latin || class::is_digit(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for (input, want) in [
            ("做到\"两个维护\"。", "做到“两个维护”。"),
            ("学用'两张皮'问题", "学用‘两张皮’问题"),
            ("China's \"GDP\" rose", "China's \"GDP\" rose"),
            ("他说\"你好", "他说\"你好"),
            ("\"GDP\"增长", "“GDP”增长"),
            ("He said \"abc\" then \"中\"", "He said \"abc\" then “中”"),
            ("“已是弯引号”", "“已是弯引号”"),
            ("见http://a.cn/?q=\"x\"", "见http://a.cn/?q=\"x\""),
        ] {
            assert_eq!(quotes(input), want, "{input}");
        }
    }
}
