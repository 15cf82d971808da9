//! Rule `split_decimals`: a space a PDF extractor put inside a decimal number is removed.
//!
//! | before | after |
//! |---|---|
//! | `比去年增长12. 5%` | `比去年增长12.5%` |
//! | `合计3. 2亿元` | `合计3.2亿元` |
//! | `占全省的51.  1%。` | `占全省的51.1%。` |
//! | `1. 2023年以来` (an item number at the start of a line) | unchanged |
//! | `如下：1. 2023年以来` (a number, then a year) | unchanged |
//! | `version 1. 2 of` | unchanged (Latin context) |
//! | `http://x.cn/a?v=12. 5` | unchanged (the number ends a URL: joining would lengthen it) |
//!
//! The pattern is a digit, `.`, one or more spaces, a digit, in Chinese context (the context
//! scan of [`super::punct`] around the `.`). PDF layout places each glyph by itself, and a text
//! extractor that sees a wider gap after the point writes a space. Two cases are item numbers,
//! not decimals, and keep their space: the number before the `.` starts the line, or what
//! follows is a year (four digits and `年`).

use std::borrow::Cow;

use super::class;
use super::cursor::LineCursor;
use super::patch::Patch;
use super::protect;
use super::punct;

/// Remove the spaces inside split decimals; borrows when there is none.
pub fn split_decimals(s: &str) -> Cow<'_, str> {
    let bytes = s.as_bytes();
    let mut patch = Patch::new(s);
    let mut lines = LineCursor::new(s);
    let mut urls: (usize, Option<Vec<(usize, usize)>>) = (usize::MAX, None);
    for dot in memchr::memchr_iter(b'.', bytes).filter(|&i| bytes.get(i + 1) == Some(&b' ')) {
        let (base, line) = lines.line(dot);
        let at = dot - base;
        let head = line.get(..at).unwrap_or("");
        let tail = line.get(at + 1..).unwrap_or("");
        let digits = tail.trim_start_matches(' ');
        let gap = tail.len() - digits.len();
        if !(head.chars().next_back().is_some_and(class::is_digit)
            && digits.chars().next().is_some_and(class::is_digit)
            && !starts_line(head)
            && !year_follows(digits)
            && punct::chinese_around(line, at, at + 1))
        {
            continue;
        }
        if urls.0 != base {
            urls = (base, None);
        }
        let spans = urls.1.get_or_insert_with(|| protect::url_spans(line));
        if !protect::inside(spans, at - 1) {
            patch.replace(dot + 1, dot + 1 + gap, "");
        }
    }
    patch.finish()
}

/// Is the number that ends `head` all there is on its line (spaces aside)? `2.1` and
/// `1,682` count as one number; a `,` with no digit before it is punctuation (`,12`), and the
/// punctuation rule may make it `，`: it must not count as part of the number.
fn starts_line(head: &str) -> bool {
    let mut rest = head;
    while let Some(c) = rest.chars().next_back() {
        let before = rest.get(..rest.len() - c.len_utf8()).unwrap_or("");
        let thousands = c == ',' && before.chars().next_back().is_some_and(class::is_digit);
        if !(class::is_digit(c) || c == '.' || thousands) {
            break;
        }
        rest = before;
    }
    rest.trim().is_empty()
}

/// Four digits and `年`: `1. 2023年` is an item starting with a year.
fn year_follows(digits: &str) -> bool {
    let n = digits.chars().take_while(|&c| class::is_digit(c)).count();
    n == 4 && digits.chars().nth(4) == Some('年')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for (input, want) in [
            ("比去年增长12. 5%", "比去年增长12.5%"),
            ("合计3. 2亿元", "合计3.2亿元"),
            ("占全省的51.  1%。", "占全省的51.1%。"),
            ("1. 2023年以来", "1. 2023年以来"),
            ("如下：1. 2023年以来", "如下：1. 2023年以来"),
            ("version 1. 2 of", "version 1. 2 of"),
            ("完成。 2023年", "完成。 2023年"),
            ("见http://x.cn/a?v=12. 5中", "见http://x.cn/a?v=12. 5中"),
        ] {
            assert_eq!(split_decimals(input), want, "{input}");
        }
    }
}
