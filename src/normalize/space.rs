//! Rule `whitespace`: odd spaces, runs, spaces inside Chinese text, indentation, blank lines.
//!
//! Two steps, both under the `whitespace` flag. [`odd_spaces`] runs first (before lines are
//! joined) and maps every exotic space to a plain one; [`collapse`] runs last, when the
//! punctuation is already full-width.
//!
//! | before | after |
//! |---|---|
//! | `　　根据省委部署` (U+3000 indentation) | `根据省委部署` |
//! | `2020 年` / `第 3 页` / `4.49 %` | `2020年` / `第3页` / `4.49%` |
//! | `巡 视 整 改` | `巡视整改` |
//! | `来抓， 4月18日` | `来抓，4月18日` (no space beside full-width punctuation) |
//! | `Mini/Micro  LED 半导体` | `Mini/Micro LED 半导体` (Latin spacing kept, runs collapsed) |
//! | `委员会 日期：2024-09-10 11:05` | unchanged (space before a `标签：` field label kept) |
//! | `a\u{200B}b`, `a\u{A0}b`, `a\tb` | `ab`, `a b`, `a b` |
//! | `段一\n\n\n\n段二` | `段一\n\n段二` |

use std::borrow::Cow;

use super::class;
use super::patch::Patch;

/// What [`odd_spaces`] does with each exotic whitespace character: `Some(c)` replaces, `None`
/// deletes. Everything else is kept.
///
/// - U+0009 tab, U+00A0 no-break space, U+1680, U+2000–U+200A (en/em/thin… spaces), U+202F
///   narrow no-break space, U+205F, U+3000 ideographic space → ` `;
/// - U+000B, U+000C, U+0085, U+2028, U+2029 (vertical tab, form feed, line/paragraph
///   separators) and `\r` (alone or in `\r\n`) → `\n`;
/// - zero-width U+200B–U+200D, U+2060, U+FEFF and the soft hyphen U+00AD → deleted.
pub(crate) const ODD_SPACES: &[(char, char, Option<char>)] = &[
    ('\t', '\t', Some(' ')),
    ('\u{A0}', '\u{A0}', Some(' ')),
    ('\u{1680}', '\u{1680}', Some(' ')),
    ('\u{2000}', '\u{200A}', Some(' ')),
    ('\u{202F}', '\u{202F}', Some(' ')),
    ('\u{205F}', '\u{205F}', Some(' ')),
    ('\u{3000}', '\u{3000}', Some(' ')),
    ('\u{B}', '\u{C}', Some('\n')),
    ('\u{85}', '\u{85}', Some('\n')),
    ('\u{2028}', '\u{2029}', Some('\n')),
    ('\u{200B}', '\u{200D}', None),
    ('\u{2060}', '\u{2060}', None),
    ('\u{FEFF}', '\u{FEFF}', None),
    ('\u{AD}', '\u{AD}', None),
];

fn odd(c: char) -> Option<Option<char>> {
    if c == '\r' {
        return Some(Some('\n'));
    }
    ODD_SPACES
        .iter()
        .find(|(lo, hi, _)| (*lo..=*hi).contains(&c))
        .map(|&(_, _, to)| to)
}

/// Map exotic spaces to ` `, line separators (and `\r\n`) to `\n`, delete zero-width characters.
pub fn odd_spaces(s: &str) -> Cow<'_, str> {
    let bytes = s.as_bytes();
    let mut patch = Patch::new(s);
    let mut i = 0;
    // Only these lead bytes can start an odd space (see ODD_SPACES); every other byte, most of
    // all the E4–E9 of ideographs, is skipped by one table load, without decoding.
    while let Some(skip) = bytes
        .get(i..)
        .and_then(|t| t.iter().position(|&b| ODD_LEAD[usize::from(b)]))
    {
        i += skip;
        let Some(&b) = bytes.get(i) else { break };
        let next = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
        let candidate = match b {
            0..=0x0D => b != b'\n',
            0xC2 => matches!(next(1), 0x85 | 0xA0 | 0xAD),
            0xE1 => next(1) == 0x9A && next(2) == 0x80,
            0xE2 => matches!(next(1), 0x80 | 0x81),
            0xE3 => next(1) == 0x80 && next(2) == 0x80,
            0xEF => next(1) == 0xBB && next(2) == 0xBF,
            _ => false,
        };
        if !candidate {
            i += 1;
            continue;
        }
        // `i` is at a lead byte, hence a char boundary.
        let Some(c) = s.get(i..).and_then(|t| t.chars().next()) else {
            break;
        };
        let len = c.len_utf8();
        if let Some(to) = odd(c) {
            if c == '\r' && next(1) == b'\n' {
                // `\r\n` is one line break: drop the `\r`.
                patch.replace(i, i + 1, "");
            } else {
                let mut buf = [0u8; 4];
                patch.replace(i, i + len, to.map_or("", |t| t.encode_utf8(&mut buf)));
            }
        }
        i += len;
    }
    patch.finish()
}

/// Lead bytes of the characters in [`ODD_SPACES`] and of `\r`: C0 controls but `\n`, and
/// C2, E1, E2, E3, EF (each then checked with its continuation bytes).
static ODD_LEAD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b <= 0x0D {
        t[b] = b != 0x0A;
        b += 1;
    }
    t[0xC2] = true;
    t[0xE1] = true;
    t[0xE2] = true;
    t[0xE3] = true;
    t[0xEF] = true;
    t
};

/// Lead bytes of every character [`is_space`] accepts: the ASCII ones, and C2 (U+0085,
/// U+00A0), E1 (U+1680), E2 (U+2000–U+200A, U+2028, U+2029, U+202F, U+205F), E3 (U+3000).
static SPACE_LEAD: [bool; 256] = {
    let mut t = [false; 256];
    t[b' ' as usize] = true;
    t[b'\t' as usize] = true;
    t[b'\r' as usize] = true;
    t[0x0B] = true;
    t[0x0C] = true;
    t[0xC2] = true;
    t[0xE1] = true;
    t[0xE2] = true;
    t[0xE3] = true;
    t
};

/// The length of the [`is_space`] character at byte `i` of `s`, if there is one.
fn space_at(s: &str, i: usize) -> Option<usize> {
    let b = *s.as_bytes().get(i)?;
    if !SPACE_LEAD[usize::from(b)] {
        return None;
    }
    let c = s.get(i..)?.chars().next()?;
    is_space(c).then(|| c.len_utf8())
}

/// The byte offset of the first [`is_space`] character at or after byte `from` of `s`: a table
/// search for the lead bytes, decoding only at those.
fn next_space(s: &str, from: usize) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut i = from;
    loop {
        i += bytes
            .get(i..)?
            .iter()
            .position(|&b| SPACE_LEAD[usize::from(b)])?;
        if space_at(s, i).is_some() {
            return Some(i);
        }
        i += 1;
    }
}

fn is_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, ' ' | '\t' | '\r' | '\u{B}' | '\u{C}')
    } else {
        c.is_whitespace()
    }
}

/// Trim every line, collapse space runs to one space or none (see the module docs), collapse
/// runs of blank lines into one and drop blank lines at both ends (a final `\n` is kept).
pub fn collapse(s: &str) -> Cow<'_, str> {
    if !needs_collapse(s) {
        return Cow::Borrowed(s);
    }
    let (body, final_newline) = match s.strip_suffix('\n') {
        Some(b) => (b, true),
        None => (s, false),
    };
    // The output is the trimmed, collapsed lines joined by `\n` (`\n\n` over blank lines):
    // every change replaces a run of white space, so it is written as edits of the input,
    // and text that is already collapsed stays borrowed without being copied or compared.
    let mut patch = Patch::new(s);
    let mut any = false;
    let mut blank_pending = false;
    let mut kept_end = 0; // where the last kept line's text ends in `s`
    let mut base = 0;
    for line in body.split('\n') {
        let start = base + (line.len() - line.trim_start_matches(is_space).len());
        base += line.len() + 1;
        let text = line.trim_matches(is_space);
        if text.is_empty() {
            blank_pending |= any;
            continue;
        }
        let gap = match (any, blank_pending) {
            (false, _) => "",
            (true, false) => "\n",
            (true, true) => "\n\n",
        };
        patch.replace(kept_end, start, gap);
        blank_pending = false;
        any = true;
        collapse_line(text, start, &mut patch);
        kept_end = start + text.len();
    }
    let tail = if any && final_newline { "\n" } else { "" };
    patch.replace(kept_end, s.len(), tail);
    patch.finish()
}

/// Cheap test: could [`collapse`] change anything? (No whitespace but single `\n`s, no blank
/// line, nothing at the ends: Chinese text without spaces returns here.)
fn needs_collapse(s: &str) -> bool {
    s.starts_with('\n')
        || s.ends_with("\n\n")
        || next_space(s, 0).is_some()
        || memchr::memmem::find(s.as_bytes(), b"\n\n\n").is_some()
}

/// Collapse the space runs of one trimmed line, which starts at byte `base` of the text.
fn collapse_line(line: &str, base: usize, patch: &mut Patch<'_>) {
    let mut from = 0;
    while let Some(at) = next_space(line, from) {
        // A run of spaces: skip to its end. The line is trimmed, so there is text both sides.
        let mut end = at;
        while let Some(n) = space_at(line, end) {
            end += n;
        }
        let head = line.get(..at).unwrap_or("");
        let rest = line.get(end..).unwrap_or("");
        let mut with = "";
        if let (Some(x), Some(y)) = (head.chars().next_back(), rest.chars().next()) {
            let lead_number = from == 0 && numbered_lead(head, y);
            if !tight(x, y) || label_follows(x, rest) || lead_number {
                with = " ";
            }
        }
        patch.replace(base + at, base + end, with);
        from = end;
    }
}

/// Spacing classes (full-width digits count as digits).
#[derive(PartialEq, Eq, Clone, Copy)]
enum K {
    /// CJK or full-width punctuation (`，。：（）《》【】…`, U+3001–U+303F, U+FF01–U+FF65…).
    Punct,
    /// A CJK ideograph.
    Ideo,
    /// Curly quotes `“”‘’`.
    Quote,
    /// A digit.
    Digit,
    /// `%`, `‰`, `％`.
    Percent,
    Other,
}

fn kind(c: char) -> K {
    if class::is_digit(c) {
        K::Digit
    } else if matches!(c, '%' | '‰' | '％') {
        K::Percent
    } else if matches!(c, '\u{201C}' | '\u{201D}' | '\u{2018}' | '\u{2019}') {
        K::Quote
    } else if class::is_ideograph(c) {
        K::Ideo
    } else if class::is_cjk_punct(c) {
        K::Punct
    } else {
        K::Other
    }
}

/// Is a space between `x` and `y` wrong in Chinese typesetting?
///
/// Next to full-width punctuation (which carries its own space); between an ideograph and an
/// ideograph, curly quote, digit or percent sign (either order); between a digit and `%`.
/// A space between Chinese and Latin letters is a house-style choice and is kept.
fn tight(x: char, y: char) -> bool {
    let (a, b) = (kind(x), kind(y));
    let near_ideo = |k| matches!(k, K::Ideo | K::Quote | K::Digit | K::Percent);
    a == K::Punct
        || b == K::Punct
        || (a == K::Ideo && near_ideo(b))
        || (b == K::Ideo && near_ideo(a))
        || (a == K::Digit && b == K::Percent)
}

/// The numbered-line exception: the space after a line-leading `第一条` / `第三章` / `第二节` /
/// `第一编` or a decimal number `1.1` / `1` before its title separates the number from the text
/// (`第一条　为了…`, `1.1 编制目的`); gluing them would change what a reader cites. Only the first
/// space run of the line, and for a bare integer only one or two digits not followed by a unit
/// (`2020 年`, `3 个` lose their space as before).
fn numbered_lead(prefix: &str, next: char) -> bool {
    if !class::is_ideograph(next) {
        return false;
    }
    if let Some(num) = prefix.strip_prefix('第') {
        let num = num.strip_suffix("之一").unwrap_or(num);
        let Some(body) = num.strip_suffix(['编', '章', '节', '条']) else {
            return false;
        };
        return !body.is_empty()
            && body.chars().all(|c| {
                c.is_ascii_digit() || c == '.' || crate::vocab::numeral::is_cn_numeral_char(c)
            });
    }
    let digits_and_dots = !prefix.is_empty()
        && prefix.chars().all(|c| c.is_ascii_digit() || c == '.')
        && prefix.starts_with(|c: char| c.is_ascii_digit())
        && !prefix.ends_with('.');
    if !digits_and_dots {
        return false;
    }
    if prefix.contains('.') {
        return !prefix.contains("..");
    }
    prefix.len() <= 2 && !UNIT_AFTER_NUMBER.contains(next)
}

/// Characters that make `N X` a quantity (`3 个`, `5 年`), not a numbered title.
const UNIT_AFTER_NUMBER: &str =
    "年月日时分秒个项次名人件条元万亿千百十号位家户台辆座所处批天周岁度米倍层级类";

/// The field-separator exception: in `委员会 日期：2024-09-10` the space separates two
/// `key：value` fields of a metadata line; removing it would glue the value to the next label
/// (`委员会日期：`). A space is kept when what follows is 2–6 ideographs and a colon, and what
/// precedes is not punctuation other than a colon (`文号： 发布日期：` is an empty field; in
/// `（一） 加强领导：` the space is just a stray one after a number).
fn label_follows(prev: char, rest: &str) -> bool {
    if kind(prev) == K::Punct && prev != '：' {
        return false;
    }
    let mut n = 0;
    for c in rest.chars() {
        if class::is_ideograph(c) {
            n += 1;
            if n > 6 {
                return false;
            }
        } else {
            return (2..=6).contains(&n) && (c == ':' || c == '：');
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ws(s: &str) -> String {
        collapse(&odd_spaces(s)).into_owned()
    }

    #[test]
    fn table() {
        for (input, want) in [
            ("\u{3000}\u{3000}根据部署", "根据部署"),
            ("2020 年", "2020年"),
            ("第 3 页", "第3页"),
            ("4.49 %", "4.49%"),
            ("巡 视  整 改", "巡视整改"),
            ("来抓， 4月18日", "来抓，4月18日"),
            ("Mini/Micro  LED 半导体", "Mini/Micro LED 半导体"),
            (
                "委员会 日期：2024-09-10 11:05",
                "委员会 日期：2024-09-10 11:05",
            ),
            ("00029 分类: 主题", "00029 分类: 主题"),
            ("a\u{200B}b\u{FEFF}c", "abc"),
            ("a\u{A0}\tb", "a b"),
            ("段一\n\n\n \n段二\n", "段一\n\n段二\n"),
            ("\n\n段\n\n", "段\n"),
            ("a\r\nb\rc", "a\nb\nc"),
            ("说 “你好” 了", "说“你好”了"),
            ("— 3 —", "— 3 —"),
            ("2023-07-14 10:00:00", "2023-07-14 10:00:00"),
            ("（一） 加强组织领导：", "（一）加强组织领导："),
            ("第一条\u{3000}为了保护", "第一条 为了保护"),
            ("第十二条 县级以上", "第十二条 县级以上"),
            ("第三条之一\u{3000}公共", "第三条之一 公共"),
            ("第一章\u{3000}总\u{3000}\u{3000}则", "第一章 总则"),
            ("1.1 编制目的", "1.1 编制目的"),
            ("2 组织体系", "2 组织体系"),
            ("3 个问题", "3个问题"),
            ("按照第十二条 规定", "按照第十二条规定"),
            ("第一条 为了 保护", "第一条 为了保护"),
            ("文号： 发布日期：2023", "文号： 发布日期：2023"),
        ] {
            assert_eq!(ws(input), want, "{input:?}");
        }
    }

    #[test]
    fn borrows_when_unchanged() {
        assert!(matches!(collapse("中文\n\n英文 text\n"), Cow::Borrowed(_)));
        assert!(matches!(odd_spaces("中文 text\n"), Cow::Borrowed(_)));
    }
}
