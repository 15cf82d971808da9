//! Rule `join_lines`: line breaks inside a block are layout, not content.
//!
//! PDF and OFD readers put a `\n` wherever the typesetter wrapped a line. This rule removes
//! those breaks:
//!
//! | before | after |
//! |---|---|
//! | `关于巡视整改\n进展情况的通报` | `关于巡视整改进展情况的通报` (Chinese: nothing between) |
//! | `Mini/Micro\nLED` | `Mini/Micro LED` (Latin: one space) |
//! | `docu-\nment` | `document` (hyphen between lowercase letters: a soft hyphen) |
//! | `GM/T 0031-\n2014` | `GM/T 0031-2014` (other hyphens are kept) |
//! | `附件：\n1.方案\n2.台账` | unchanged (list items keep their lines) |
//! | `段一\n\n段二` | unchanged (a blank line separates paragraphs) |
//!
//! **Where a break is kept.** Around blank lines (paragraph separators; the whitespace rule
//! collapses runs of them), and before a line that starts with a list or heading number
//! (`一、` `（一）` `(1)` `1.` `1、` `①`) when the line before either ends a clause (`。！？；：`
//! or ASCII `.!?;:`, possibly followed by a closing quote or bracket) or itself starts with a
//! number. A wrapped line that merely happens to start with a digit (`…于\n2023年`) does not
//! end a clause before it, so it is joined.
//!
//! Spaces at the break are dropped; one space is inserted only between Latin letters, digits
//! and Latin punctuation on both sides (`word,\nnext` → `word, next`), never next to Chinese.

use std::borrow::Cow;

use super::class::{self, Side};

/// Chinese numerals used in `一、` and `（一）` numbers.
const CN_NUMERALS: &str = "一二三四五六七八九十百零〇";

/// Marks that end a clause, before which a numbered line starts a new item. The ellipsis `…`
/// is one (`情况如下……`), and must be: the ellipsis rule turns `...` and `。。。` into it, and a
/// break kept after those must still be kept on a second run.
const CLAUSE_ENDS: &str = "。！？；：.!?;:…";

/// Closing quotes and brackets looked through when finding the clause end (`…。”`). Opening
/// curly quotes are included because a straight quote may become either (`:''` → `：‘’`): the
/// decision must not change when the quote rule has run.
const CLOSERS: &str = "”’“‘」』）)\"'";

/// Join wrapped lines; borrows when there is no line break to remove.
pub fn join_lines(s: &str) -> Cow<'_, str> {
    if !s.contains('\n') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut line_start = 0; // where the current output line begins in `out`
    let mut numbered = false; // does the current output line start with a number?
    let mut prev_blank = true;
    for (i, line) in s.split('\n').enumerate() {
        let blank = line.trim().is_empty();
        let next = line.trim_start();
        let keep = i == 0
            || blank
            || prev_blank
            || (starts_with_number(next)
                && (numbered || ends_clause(out.get(line_start..).unwrap_or(""))));
        if keep {
            if i > 0 {
                out.push('\n');
            }
            line_start = out.len();
            numbered = starts_with_number(next);
            out.push_str(line);
        } else {
            let kept = out.trim_end().len();
            out.truncate(kept.max(line_start));
            join(&mut out, line.trim_start());
        }
        prev_blank = blank;
    }
    if out == s {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(out)
    }
}

fn join(out: &mut String, next: &str) {
    let mut tail = out.chars().rev();
    let a = tail.next();
    let before = tail.next();
    let b = next.chars().next();
    if a == Some('-')
        && before.is_some_and(|c| c.is_ascii_lowercase())
        && b.is_some_and(|c| c.is_ascii_lowercase())
    {
        out.pop();
    } else if let (Some(a), Some(b)) = (a, b) {
        if latin_end(a) && latin_start(b) {
            out.push(' ');
        }
    }
    out.push_str(next);
}

fn latin_end(c: char) -> bool {
    class::side(c) == Side::Latin || class::is_digit(c) || ",.;:!?)]}%".contains(c)
}

fn latin_start(c: char) -> bool {
    class::side(c) == Side::Latin || class::is_digit(c) || "([{".contains(c)
}

fn ends_clause(line: &str) -> bool {
    let mut rev = line.trim_end().chars().rev();
    let mut last = rev.next();
    while last.is_some_and(|c| CLOSERS.contains(c)) {
        last = rev.next();
    }
    last.is_some_and(|c| CLAUSE_ENDS.contains(c))
}

/// Does `line` start with a list or heading number: `一、`, `（一）`/`(一)`, `（1）`/`(1)`,
/// `1.`/`1．`/`1、`/`1…` (not `1.5`), or a circled / parenthesized / full-stop number
/// U+2460–U+249B (`①` `⑴` `⒈`)?
pub(crate) fn starts_with_number(line: &str) -> bool {
    let mut chars = line.chars().peekable();
    let Some(first) = chars.next() else {
        return false;
    };
    if ('\u{2460}'..='\u{249B}').contains(&first) {
        return true;
    }
    let numeral = |c: char| CN_NUMERALS.contains(c) || class::is_digit(c);
    if first == '(' || first == '（' {
        let mut n = 0;
        while chars.next_if(|&c| numeral(c)).is_some() {
            n += 1;
        }
        return (1..=3).contains(&n) && chars.next().is_some_and(|c| c == ')' || c == '）');
    }
    if CN_NUMERALS.contains(first) {
        let mut n = 1;
        while chars.next_if(|&c| CN_NUMERALS.contains(c)).is_some() {
            n += 1;
        }
        return n <= 3 && chars.next() == Some('、');
    }
    if class::is_digit(first) {
        let mut n = 1;
        while chars.next_if(|&c| class::is_digit(c)).is_some() {
            n += 1;
        }
        // `1.5` is a decimal, no number. `1…` counts as `1.` does: the ellipsis rule makes
        // `1……` of `1...` (a number by this test), and a line kept as numbered must stay so.
        return n <= 3
            && chars
                .next()
                .is_some_and(|c| matches!(c, '.' | '．' | '、' | '…'))
            && !chars.next().is_some_and(class::is_digit);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for (input, want) in [
            ("关于巡视整改\n进展情况的通报", "关于巡视整改进展情况的通报"),
            ("Mini/Micro\nLED", "Mini/Micro LED"),
            ("docu-\nment", "document"),
            ("GM/T 0031-\n2014", "GM/T 0031-2014"),
            ("Mini-\nLED", "Mini-LED"),
            ("附件：\n1.方案\n2.台账", "附件：\n1.方案\n2.台账"),
            ("段一\n\n段二", "段一\n\n段二"),
            ("整改于  \n  2023年完成", "整改于2023年完成"),
            ("完成。\n（一）加强", "完成。\n（一）加强"),
            ("完成\n（一）加强", "完成（一）加强"),
            ("增长\n1.5倍。", "增长1.5倍。"),
            ("word,\nnext", "word, next"),
            ("使用\nLED", "使用LED"),
            ("说明：”\n①第一", "说明：”\n①第一"),
            ("说明：‘’\n一、是", "说明：‘’\n一、是"),
        ] {
            assert_eq!(join_lines(input), want, "{input:?}");
        }
    }

    #[test]
    fn numbers() {
        for (line, want) in [
            ("一、总体要求", true),
            ("十二、其他", true),
            ("（一）加强", true),
            ("(1)加强", true),
            ("1.方案", true),
            ("12、方案", true),
            ("1.5倍", false),
            ("0...一", true),
            ("0……一", true),
            ("2023年", false),
            ("①对", true),
            ("一是", false),
            ("", false),
        ] {
            assert_eq!(starts_with_number(line), want, "{line}");
        }
    }
}
