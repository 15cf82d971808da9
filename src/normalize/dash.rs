//! Rule `dashes`: a typed or broken dash between Chinese becomes the dash `——` (GB/T 15834:
//! two U+2014 EM DASH, no spaces).
//!
//! | before | after |
//! |---|---|
//! | `主要领导--区委书记` | `主要领导——区委书记` |
//! | `主要领导 -- 区委书记` | `主要领导——区委书记` (the spaces go with it) |
//! | `主要领导— —区委书记` (two em dashes a PDF extractor split with a space) | `主要领导——区委书记` |
//! | `2020-2023年` `GM/T 0031-2014` `0371--86199800` | unchanged (digits beside it: a range, code or phone) |
//! | `a--b` `中---中` `中-- --中` `<!--注释-->` | unchanged (Latin; rule lines; an HTML comment) |
//!
//! A `--` (exactly two ASCII hyphens) or a `—`, spaces, `—` (exactly two em dashes) is converted
//! when the first decisive character on *both* sides is Chinese (the context scan of
//! [`super::class`]) and the nearest non-space characters on both sides are no letter, digit or
//! other dash.
//! A single hyphen is never touched.

use std::borrow::Cow;
use std::sync::LazyLock;

use memchr::memmem::Finder;

use super::class::{self, Side};
use super::cursor::LineCursor;
use super::patch::Patch;
use super::protect;

/// The dash written (U+2014 twice).
pub(crate) const DASH: &str = "——";

/// Replace `--` and `— —` between Chinese by `——`; borrows when there is none.
pub fn dashes(s: &str) -> Cow<'_, str> {
    static HYPHENS: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("--"));
    static SPLIT: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("— "));
    let bytes = s.as_bytes();
    let mut starts: Vec<usize> = HYPHENS.find_iter(bytes).collect();
    let hyphens = starts.len();
    starts.extend(SPLIT.find_iter(bytes));
    if starts.is_empty() {
        return Cow::Borrowed(s);
    }
    if hyphens > 0 && starts.len() > hyphens {
        starts.sort_unstable();
    }
    let mut patch = Patch::new(s);
    let mut lines = LineCursor::new(s);
    let mut urls: (usize, Option<Vec<(usize, usize)>>) = (usize::MAX, None);
    let mut done = 0;
    for first in starts {
        if first < done {
            continue;
        }
        let (base, line) = lines.line(first);
        let Some((start, end)) = dash_at(line, first - base) else {
            continue;
        };
        done = base + end;
        if !between_chinese(line, start, end) {
            continue;
        }
        if urls.0 != base {
            urls = (base, None);
        }
        if !protect::inside(
            urls.1.get_or_insert_with(|| protect::url_spans(line)),
            start,
        ) {
            let from = start - spaces_before(line, start);
            let to = end + spaces_after(line, end);
            patch.replace(base + from, base + to, DASH);
        }
    }
    patch.finish()
}

/// The span of a `--` or `— —` starting at byte `i`, if one does (runs of three are none).
fn dash_at(line: &str, i: usize) -> Option<(usize, usize)> {
    let rest = line.get(i..)?;
    let before = line.get(..i)?;
    if rest.starts_with("--") {
        let run_of_two =
            !before.ends_with('-') && rest.get(2..).is_some_and(|r| !r.starts_with('-'));
        return run_of_two.then_some((i, i + 2));
    }
    let after = rest.strip_prefix('—')?;
    let gap = after.len() - after.trim_start_matches(' ').len();
    let second = after.get(gap..)?.strip_prefix('—')?;
    // Exactly two: no third em dash before or after, spaces or not (`— — —` is no dash).
    let pair = gap > 0
        && !second.trim_start_matches(' ').starts_with('—')
        && !before.trim_end_matches(' ').ends_with('—');
    pair.then_some((i, i + '—'.len_utf8() * 2 + gap))
}

/// Chinese on both sides, no letter or digit beside it, and not an HTML comment's `<!--`/`-->`.
fn between_chinese(line: &str, start: usize, end: usize) -> bool {
    let before = line.get(..start).unwrap_or("");
    let after = line.get(end..).unwrap_or("");
    // `<!--` stays one even after the punctuation rule made it `<！--`.
    if before.ends_with("<!") || before.ends_with("<！") || after.starts_with('>') {
        return false;
    }
    // No letter or digit (a range, a code, Latin text) and no other dash (`-- --`, `——--`:
    // some longer rule whose parts must stay alike) beside it.
    let near = |c: Option<char>| {
        c.is_some_and(|c| {
            !(class::is_digit(c) || class::side(c) == Side::Latin || c == '-' || c == '—')
        })
    };
    near(before.trim_end_matches(' ').chars().next_back())
        && near(after.trim_start_matches(' ').chars().next())
        && class::left(line, start) == Side::Chinese
        && class::right(line, end) == Side::Chinese
}

fn spaces_before(line: &str, at: usize) -> usize {
    let head = line.get(..at).unwrap_or("");
    head.len() - head.trim_end_matches(' ').len()
}

fn spaces_after(line: &str, at: usize) -> usize {
    let tail = line.get(at..).unwrap_or("");
    tail.len() - tail.trim_start_matches(' ').len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        for (input, want) in [
            ("主要领导--区委书记", "主要领导——区委书记"),
            ("主要领导 -- 区委书记", "主要领导——区委书记"),
            ("主要领导— —区委书记", "主要领导——区委书记"),
            ("2020-2023年", "2020-2023年"),
            ("GM/T 0031-2014", "GM/T 0031-2014"),
            ("联系方式:0371--86199800;", "联系方式:0371--86199800;"),
            ("a--b", "a--b"),
            ("中---中", "中---中"),
            ("中<!--注释-->", "中<!--注释-->"),
            ("— 3 —", "— 3 —"),
            ("中— — —中", "中— — —中"),
            ("中-- --中", "中-- --中"),
        ] {
            assert_eq!(dashes(input), want, "{input}");
        }
    }
}
