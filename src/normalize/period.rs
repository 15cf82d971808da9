//! Rule `full_stops`: an ASCII `.` that ends a Chinese sentence becomes `。`.
//!
//! | before | after |
//! |---|---|
//! | `已完成整改.下一步` | `已完成整改。下一步` |
//! | `已整改完成15个.` | `已整改完成15个。` |
//! | `他说:"好的."` / `(见附件).` | `他说:"好的。"` / `(见附件)。` (looks through closers) |
//! | `共完成15.` `完成率100%.` `邮箱ab@x.cn.` `见http://x.cn.` `版本v1.2.3.` | the last `.` → `。` |
//! | `3.14` `1,682.15` `v1.2.3` `附件1.doc` `No.1` | unchanged (a letter or digit follows) |
//! | `1.加强学习` `2.1.` `一.总体要求` `如下:1. 加强` | unchanged (a number that starts an item) |
//! | `Fig. 3.` `U.S.` `e.g.` `etc.` `This is English.` | unchanged (Latin text and abbreviations) |
//! | `12. 5%` | unchanged here (a split decimal, see [`super::decimal`]) |
//! | `...` `..` `。.` | unchanged (dot runs are the ellipsis rule's; a stop is already there) |
//!
//! **Which `.` ends a Chinese sentence.** A single `.` (no `.` beside it), outside URLs, not
//! followed directly by a letter or digit, whose sentence is Chinese: skipping spaces and
//! closing quotes and brackets (`"'”’)）]`) to the left, the character found is
//! - Chinese (an ideograph or CJK punctuation, `》」` included), unless it is `。`/`．` or an item
//!   number in Chinese numerals (`一.` after nothing or a clause end); or
//! - the end of an ASCII *token* (a number, word, e-mail address, URL, file name, version:
//!   letters, digits and `._@%-:/,+#&=~`), and the first decisive character left of the token
//!   is Chinese (the context scan of [`super::class`], stopped by an earlier sentence end
//!   `.。!?…`) — unless the token ends in an item number
//!   (digits and dots after nothing or a clause end: `1.`, `2.1.`, `如下:1. 加强`), in an
//!   abbreviation (`U.S`, `e.g`, `etc`, `Fig` …), or a digit follows after spaces (`Fig. 3`).
//!
//! A digit directly before the `.` and an ideograph directly after is an item number run into
//! the text (`总6.单套管理`, a PDF two-column artifact), never a stop.
//!
//! **Idempotence.** The rule runs before the punctuation, quote, ellipsis and dash rules and
//! after the title-mark rule; every test treats a mark and what those rules turn it into alike
//! (`,`/`，` both end a clause; `"`/`”` and `)`/`）` are both closers; `-`/`—` and `...`/`……` are
//! neither Chinese nor a token end), so their output never changes a decision here.

use std::borrow::Cow;

use super::class::{self, Side};
use super::cursor::LineCursor;
use super::patch::Patch;
use super::protect;

/// The full stop written for an ASCII `.` ending a Chinese sentence (U+3002).
pub(crate) const FULL_STOP: &str = "。";

/// Closing quotes and brackets looked through to find the sentence a `.` ends: ASCII and the
/// full-width marks the punctuation and quote rules make of them.
const CLOSERS: &[char] = &['"', '\'', ')', ']', '”', '’', '）'];

/// Marks after which a number starts an item (`如下:1.` `；2.`), both widths, and the ellipsis
/// (what `。。。` becomes must end a clause as `。` does).
const CLAUSE_ENDS: &[char] = &[
    ':', '：', ';', '；', '。', '!', '！', '?', '？', ',', '，', '…',
];

/// Chinese numerals of item numbers (`一.` `十二.`).
const CN_NUMERALS: &str = "一二三四五六七八九十";

/// Abbreviations that end in a `.` of their own (compared in lower case).
const ABBREVIATIONS: &[&str] = &[
    "al", "approx", "co", "corp", "dept", "dr", "ed", "eds", "eq", "etc", "fig", "figs", "inc",
    "jr", "ltd", "mr", "mrs", "ms", "no", "nos", "op", "ph.d", "pp", "prof", "ref", "sr", "st",
    "vol", "vols", "vs",
];

/// The longest token looked at (bytes; tokens are ASCII). Bounds the work per `.`.
const TOKEN_LIMIT: usize = 64;

/// Convert every `.` that ends a Chinese sentence to `。`; borrows when there is none.
pub fn full_stops(s: &str) -> Cow<'_, str> {
    let mut patch = Patch::new(s);
    let mut lines = LineCursor::new(s);
    let mut urls: (usize, Option<Vec<(usize, usize)>>) = (usize::MAX, None);
    for dot in memchr::memchr_iter(b'.', s.as_bytes()) {
        let (base, line) = lines.line(dot);
        let at = dot - base;
        if !single_and_free(line, at) {
            continue;
        }
        // Only a `.` after an ASCII character can be in or end a URL.
        let after_ascii = line
            .get(..at)
            .and_then(|h| h.chars().next_back())
            .is_some_and(|c| c.is_ascii());
        let spans: &[(usize, usize)] = if after_ascii {
            if urls.0 != base {
                urls = (base, None);
            }
            urls.1.get_or_insert_with(|| protect::url_spans(line))
        } else {
            &[]
        };
        if !protect::inside(spans, at) && ends_chinese_sentence(line, at, spans) {
            patch.replace(dot, dot + 1, FULL_STOP);
        }
    }
    patch.finish()
}

/// The cheap tests first: no `.` on either side, no letter or digit right after.
fn single_and_free(line: &str, at: usize) -> bool {
    let before = line.get(..at).and_then(|s| s.chars().next_back());
    let after = line.get(at + 1..).and_then(|s| s.chars().next());
    before != Some('.') && !after.is_some_and(|c| c == '.' || letter_or_digit(c))
}

fn letter_or_digit(c: char) -> bool {
    class::is_digit(c) || class::side(c) == Side::Latin
}

/// Does the `.` at byte `at` end a Chinese sentence (see the module docs)?
fn ends_chinese_sentence(line: &str, at: usize, urls: &[(usize, usize)]) -> bool {
    let head = line.get(..at).unwrap_or("");
    let Some((p_at, p)) = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_whitespace() || class::is_invisible(c) || CLOSERS.contains(&c)))
    else {
        return false;
    };
    if !p.is_ascii() {
        return class::side(p) == Side::Chinese
            && !matches!(p, '。' | '．')
            && !numeral_item(head, p_at);
    }
    if !(p.is_ascii_alphanumeric() || "%/_#+&=~".contains(p)) {
        return false;
    }
    let glued_number = p_at + 1 == at
        && p.is_ascii_digit()
        && line
            .get(at + 1..)
            .and_then(|s| s.chars().next())
            .is_some_and(class::is_ideograph);
    if glued_number || digit_follows(line, at) && p.is_ascii_alphanumeric() {
        return false;
    }
    let end = p_at + 1;
    let start = match urls.iter().find(|&&(s, e)| s <= p_at && p_at < e) {
        Some(&(s, _)) => s,
        None => token_start(line, end),
    };
    if item_number(line, start, end) || abbreviation(head, start, end) {
        return false;
    }
    sentence_side(line, start) == Side::Chinese
}

/// Marks that end a sentence, as typed and as the rules write them.
const SENTENCE_ENDS: &[char] = &['.', '。', '．', '!', '！', '?', '？', '…'];

/// The first decisive [`Side`] left of byte `before` in `line`, within the sentence: like the context
/// scan of [`super::class`], but a sentence end stops it (Neutral; a decimal point is none). The sentence before a
/// `.` decides it, not the one before that; and as `.` and `。` both stop the scan, converting
/// an earlier stop never changes the decision for a later one (idempotence).
fn sentence_side(line: &str, before: usize) -> Side {
    let mut seen = 0;
    for (i, c) in line.get(..before).unwrap_or("").char_indices().rev() {
        if c.is_whitespace() || class::is_invisible(c) {
            continue;
        }
        if SENTENCE_ENDS.contains(&c) && !decimal_point(line, i) {
            break;
        }
        match class::side(c) {
            Side::Neutral => {}
            decisive => return decisive,
        }
        seen += 1;
        if seen >= class::SCAN_LIMIT {
            break;
        }
    }
    Side::Neutral
}

/// Is the `.` at byte `at` a decimal point: a digit before it, a digit after it (spaces
/// between, as in the split decimal `12. 5`, count too)?
fn decimal_point(line: &str, at: usize) -> bool {
    line.as_bytes().get(at) == Some(&b'.')
        && line
            .get(..at)
            .and_then(|s| s.chars().next_back())
            .is_some_and(class::is_digit)
        && digit_follows(line, at)
}

/// After the `.` and any spaces, a digit (`Fig. 3`, `12. 5`).
fn digit_follows(line: &str, at: usize) -> bool {
    line.get(at + 1..)
        .and_then(|s| s.chars().find(|c| *c != ' '))
        .is_some_and(class::is_digit)
}

fn token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"._@%-:/,+#&=~".contains(&b)
}

/// Where the ASCII token ending at byte `end` starts (at most [`TOKEN_LIMIT`] bytes back, spaces
/// not counted). Leading dots are no part of it: they end the sentence before (`一.12.5.`).
fn token_start(line: &str, end: usize) -> usize {
    let mut start = end;
    let mut n = 0;
    while n < TOKEN_LIMIT {
        let Some(s) = back(line, start, token_byte) else {
            break;
        };
        if line.as_bytes().get(s) != Some(&b' ') {
            n += 1;
        }
        start = s;
    }
    while start < end && line.as_bytes().get(start) == Some(&b'.') {
        start += 1;
    }
    start
}

/// Step back from byte `i` over one piece of a token: a byte `keep` accepts, or spaces that a
/// later rule removes — inside a split decimal (`12. 5`, the decimal rule) or between a digit
/// and `%` (`5 %`, the whitespace rule). The token must be the same before and after those
/// rules have run (idempotence).
fn back(line: &str, i: usize, keep: impl Fn(u8) -> bool) -> Option<usize> {
    let bytes = line.as_bytes();
    let b = *bytes.get(i.checked_sub(1)?)?;
    if keep(b) {
        return Some(i - 1);
    }
    if b != b' ' {
        return None;
    }
    let k = line.get(..i)?.trim_end_matches(' ').len();
    let percent =
        bytes.get(i) == Some(&b'%') && bytes.get(k.checked_sub(1)?).is_some_and(u8::is_ascii_digit);
    (k > 0 && (decimal_point(line, k - 1) || percent)).then_some(k)
}

/// Does the token `line[start..end]` end in an item number: digits and dots after nothing or a
/// clause end (`1`, `2.1`, `如下:1`)? A `,` or `:` right after a digit is number punctuation
/// (`1,682.15`, `10:00`), not a clause end.
fn item_number(line: &str, start: usize, end: usize) -> bool {
    let bytes = line.as_bytes();
    if !bytes
        .get(end.wrapping_sub(1))
        .is_some_and(u8::is_ascii_digit)
    {
        return false;
    }
    let mut s = end;
    while let Some(n) = back(line, s, |b| b.is_ascii_digit() || b == b'.') {
        if n < start {
            break;
        }
        s = n;
    }
    while bytes.get(s) == Some(&b'.') && s < end {
        s += 1;
    }
    clause_start(line, s)
}

/// Does an item start at byte `s`: nothing but spaces before it, or a clause end?
fn clause_start(line: &str, s: usize) -> bool {
    let mut before = line.get(..s).unwrap_or("").chars().rev();
    let Some(c) = before.find(|c| !c.is_whitespace()) else {
        return true;
    };
    if matches!(c, ',' | ':') && before.next().is_some_and(|d| d.is_ascii_digit()) {
        return false;
    }
    CLAUSE_ENDS.contains(&c)
}

/// Is the Chinese character at `p_at` the last of an item number in Chinese numerals (`一`,
/// `十二`) at the start of a clause?
fn numeral_item(head: &str, p_at: usize) -> bool {
    let mut s = p_at + '一'.len_utf8();
    for (i, c) in head.get(..s).unwrap_or("").char_indices().rev() {
        if !CN_NUMERALS.contains(c) {
            break;
        }
        s = i;
    }
    s <= p_at && clause_start(head, s)
}

/// Does the token `head[start..end]` end in an abbreviation: single letters joined by dots
/// (`U.S`, `e.g`, `i.e`) or one of [`ABBREVIATIONS`]?
fn abbreviation(head: &str, start: usize, end: usize) -> bool {
    let bytes = head.as_bytes();
    let mut s = end;
    while s > start
        && bytes
            .get(s - 1)
            .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'.')
    {
        s -= 1;
    }
    let word = head.get(s..end).unwrap_or("").trim_start_matches('.');
    if word.is_empty() {
        return false;
    }
    let lower = word.to_ascii_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
        || (word.contains('.') && word.split('.').all(|seg| seg.len() == 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for (input, want) in [
            ("已完成整改.下一步", "已完成整改。下一步"),
            ("已整改完成15个.", "已整改完成15个。"),
            ("他说:\"好的.\"", "他说:\"好的。\""),
            ("(见附件).", "(见附件)。"),
            ("共完成15.", "共完成15。"),
            ("邮箱ab@x.cn.", "邮箱ab@x.cn。"),
            ("见http://x.gov.cn/a.", "见http://x.gov.cn/a。"),
            ("版本v1.2.3.", "版本v1.2.3。"),
            ("圆周率3.14", "圆周率3.14"),
            ("附件1.doc", "附件1.doc"),
            ("1.加强学习", "1.加强学习"),
            ("2.1.", "2.1."),
            ("一.总体要求", "一.总体要求"),
            ("排名第一.", "排名第一。"),
            ("如下:1. 加强", "如下:1. 加强"),
            ("见Fig. 3.", "见Fig. 3."),
            ("美国U.S.", "美国U.S."),
            ("This is English.", "This is English."),
            ("增长12. 5%", "增长12. 5%"),
            ("总6.单套管理", "总6.单套管理"),
            ("完成。.", "完成。."),
            ("时间为10:00.", "时间为10:00。"),
            ("金额1,682.15.", "金额1,682.15。"),
        ] {
            assert_eq!(full_stops(input), want, "{input}");
        }
    }

    #[test]
    fn borrows_when_nothing_converts() {
        assert!(matches!(full_stops("3.14 和 v1.2"), Cow::Borrowed(_)));
    }
}
