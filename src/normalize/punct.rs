//! Rule `punctuation`: ASCII punctuation inside Chinese text becomes full-width.
//!
//! | before | after |
//! |---|---|
//! | `根据省委统一部署,2020年` | `根据省委统一部署，2020年` |
//! | `电话:020-36993133` | `电话：020-36993133` (the phone number is untouched) |
//! | `增长3.5%;2021年` | `增长3.5%；2021年` |
//! | `(一)加强领导` | `（一）加强领导` |
//! | `(1)加强领导` (GB/T 9704 numbering) | `（1）加强领导` |
//! | `1,682.15` `10:00:00` `1:2` | unchanged (digit on both sides) |
//! | `http://x.gov.cn/a,b?c=1` | unchanged (URL) |
//! | `see item (1), then go!` | unchanged (Latin context) |
//!
//! **Context.** A mark is in Chinese text when the first *decisive* character on its left or
//! on its right is Chinese (an ideograph or CJK punctuation, see [`super::class`]). Digits,
//! spaces, symbols and other punctuation are not decisive and are skipped (at most 24 of them),
//! so `3.5%;2021年` looks through the number to `长` and `年`. Latin letters are decisive the
//! other way: `Mini/Micro LED, R&D` stays ASCII. The scan never crosses a line break.
//!
//! **Parentheses** are decided as a pair: `(`…`)` become `（`…`）` together when the text left of
//! `(`, the text right of `)`, or the text between them is Chinese. So `(1)` at the start of a
//! Chinese line becomes `（1）`, while `(1)` between Latin words stays ASCII: a Latin sentence
//! keeps Latin punctuation. An unmatched parenthesis is decided alone.
//!
//! **Exceptions.** `,` and `:` with an ASCII or full-width digit on both sides are number
//! punctuation (`1,682.15`, `10:00:00`, `1:2`); URLs are skipped ([`super::protect`]). E-mail
//! addresses, ISO dates and phone numbers contain no convertible mark. `.` is not in this table:
//! it is a decimal point or a `1.` list number far more often than a misplaced `。`, and has a
//! rule of its own ([`super::period`]).

use std::borrow::Cow;

use super::class::{self, Side};
use super::cursor::LineCursor;
use super::patch::Patch;
use super::protect;

/// The conversions, ASCII → full-width (GB/T 15834 marks).
pub(crate) const PUNCT_TABLE: &[(char, char)] = &[
    (',', '，'),
    (':', '：'),
    (';', '；'),
    ('?', '？'),
    ('!', '！'),
    ('(', '（'),
    (')', '）'),
];

fn full_width(c: char) -> Option<char> {
    PUNCT_TABLE.iter().find(|(a, _)| *a == c).map(|&(_, f)| f)
}

fn is_mark_byte(b: u8) -> bool {
    MARK_BYTES.get(usize::from(b)).copied().unwrap_or(false)
}

/// [`PUNCT_TABLE`]'s ASCII marks as a byte table: one load per byte when searching for them.
static MARK_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 0;
    while k < PUNCT_TABLE.len() {
        t[PUNCT_TABLE[k].0 as usize] = true;
        k += 1;
    }
    t
};

/// Convert ASCII punctuation in Chinese context to full-width; borrows when nothing changes.
pub fn punctuation(s: &str) -> Cow<'_, str> {
    let bytes = s.as_bytes();
    let mut patch = Patch::new(s);
    let mut scratch = Scratch::default();
    let mut lines = LineCursor::new(s);
    // Each line holding a mark once: the search resumes after the line it converted.
    let mut from = 0;
    while let Some(hit) = bytes
        .get(from..)
        .and_then(|rest| rest.iter().position(|&b| is_mark_byte(b)))
    {
        let (base, line) = lines.line(from + hit);
        convert_line(line, base, &mut patch, &mut scratch);
        from = base + line.len() + 1;
    }
    patch.finish()
}

/// One ASCII mark of a line, with the number of Chinese characters before it (so "is there
/// Chinese between these two marks" is one subtraction, whatever the nesting).
struct Mark {
    at: usize,
    c: char,
    chinese_before: u32,
}

/// Buffers reused from line to line (no allocation per line).
#[derive(Default)]
struct Scratch {
    marks: Vec<Mark>,
    partner: Vec<Option<usize>>,
    stack: Vec<usize>,
    convert: Vec<bool>,
}

fn convert_line(line: &str, base: usize, patch: &mut Patch<'_>, scratch: &mut Scratch) {
    let urls = protect::url_spans(line);
    let marks = &mut scratch.marks;
    marks.clear();
    if line.bytes().any(|b| b == b'(' || b == b')') {
        // Parentheses need the Chinese count between them: one pass over the characters.
        let mut chinese = 0u32;
        for (at, c) in line.char_indices() {
            if c.is_ascii() {
                if is_mark_byte(c as u8) && !protect::inside(&urls, at) {
                    marks.push(Mark {
                        at,
                        c,
                        chinese_before: chinese,
                    });
                }
            } else if ('\u{4E00}'..='\u{9FFF}').contains(&c) || class::side(c) == Side::Chinese {
                chinese += 1;
            }
        }
    } else {
        // No parentheses: find the marks by byte (they are ASCII), without decoding.
        for (at, b) in line.bytes().enumerate() {
            if is_mark_byte(b) && !protect::inside(&urls, at) {
                marks.push(Mark {
                    at,
                    c: b as char,
                    chinese_before: 0,
                });
            }
        }
    }
    decide(line, scratch);
    for (m, &convert) in scratch.marks.iter().zip(&scratch.convert) {
        if let (true, Some(f)) = (convert, full_width(m.c)) {
            let mut buf = [0u8; 4];
            patch.replace(base + m.at, base + m.at + 1, f.encode_utf8(&mut buf));
        }
    }
}

/// Fill `scratch.convert` with the decision for each of `scratch.marks`.
fn decide(line: &str, scratch: &mut Scratch) {
    let Scratch {
        marks,
        partner,
        stack,
        convert: out,
    } = scratch;
    // Match parentheses with a stack.
    partner.clear();
    partner.resize(marks.len(), None);
    stack.clear();
    for (k, m) in marks.iter().enumerate() {
        match m.c {
            '(' => stack.push(k),
            ')' => {
                if let Some(open) = stack.pop() {
                    if let Some(p) = partner.get_mut(open) {
                        *p = Some(k);
                    }
                    if let Some(p) = partner.get_mut(k) {
                        *p = Some(open);
                    }
                }
            }
            _ => {}
        }
    }
    out.clear();
    out.resize(marks.len(), false);
    for (k, m) in marks.iter().enumerate() {
        let convert = match (m.c, partner.get(k).copied().flatten()) {
            ('(', Some(close)) => marks
                .get(close)
                .is_some_and(|c| pair_is_chinese(line, m, c)),
            (')', Some(open)) => out.get(open).copied().unwrap_or(false),
            (',' | ':', _) if digits_around(line, m.at) => false,
            _ => chinese_around(line, m.at, m.at + 1),
        };
        if let Some(o) = out.get_mut(k) {
            *o = convert;
        }
    }
}

/// Is the mark spanning `at..after` in Chinese context (see the module docs)?
pub(crate) fn chinese_around(line: &str, at: usize, after: usize) -> bool {
    class::left(line, at) == Side::Chinese || class::right(line, after) == Side::Chinese
}

fn pair_is_chinese(line: &str, open: &Mark, close: &Mark) -> bool {
    close.chinese_before > open.chinese_before
        || class::left(line, open.at) == Side::Chinese
        || class::right(line, close.at + 1) == Side::Chinese
}

/// A digit immediately on both sides of the one-byte mark at `at`: number punctuation.
fn digits_around(line: &str, at: usize) -> bool {
    let before = line.get(..at).and_then(|s| s.chars().next_back());
    let after = line.get(at + 1..).and_then(|s| s.chars().next());
    before.is_some_and(class::is_digit) && after.is_some_and(class::is_digit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for (input, want) in [
            ("部署,2020年", "部署，2020年"),
            ("电话:020-36993133", "电话：020-36993133"),
            ("增长3.5%;2021年前", "增长3.5%；2021年前"),
            ("是吗?是的!", "是吗？是的！"),
            ("(一)加强", "（一）加强"),
            ("(1)加强", "（1）加强"),
            ("see (1) and (2).", "see (1) and (2)."),
            ("1,682.15元", "1,682.15元"),
            ("10:00:00开始", "10:00:00开始"),
            ("按1:2比例", "按1:2比例"),
            (
                "见http://x.gov.cn/a,b?c=1,欢迎",
                "见http://x.gov.cn/a,b?c=1，欢迎",
            ),
            ("Mini/Micro LED, R&D", "Mini/Micro LED, R&D"),
            ("LED,并且", "LED，并且"),
            ("》(董管发〔2020〕1号)", "》（董管发〔2020〕1号）"),
            ("中国(China)", "中国（China）"),
            ("(a(中)b)", "（a（中）b）"),
            ("未配对(的", "未配对（的"),
            ("比92.5%,“头雁”", "比92.5%，“头雁”"),
            ("邮箱:ab@x.cn;电话", "邮箱：ab@x.cn；电话"),
            ("，(", "，("),
        ] {
            assert_eq!(punctuation(input), want, "{input}");
        }
    }

    #[test]
    fn borrows_when_nothing_converts() {
        assert!(matches!(punctuation("1,682.15"), Cow::Borrowed(_)));
        assert!(matches!(punctuation("中文，没有半角"), Cow::Borrowed(_)));
    }
}
