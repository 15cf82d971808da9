//! Small text predicates shared by the passes: CJK tests, cleaning, character offsets.
//!
//! The passes must accept text before and after normalization (`,` or `，`, `2022 年` or
//! `2022年`), so the helpers here treat ASCII and full-width punctuation alike.

use std::sync::LazyLock;

use regex::Regex;

/// A lazily compiled regex; `None` only if the (constant) pattern were invalid, which the test
/// that [`lazy_regex!`] emits next to every such static rules out.
pub(crate) type Lazy = LazyLock<Option<Regex>>;

/// Compile `pattern` (only [`lazy_regex!`] calls this, on first use of its static).
pub(crate) fn compile(pattern: &str) -> Option<Regex> {
    Regex::new(pattern).ok()
}

/// Declare lazily compiled regexes: `lazy_regex! { static NAME = pattern_expr; … }`, where the
/// expression yields a `&str` or `String`. Each static is compiled on first use only, so a
/// document compiles just the patterns its passes reach; and each gets a unit test
/// (`<module>::NAME::compiles`) forcing it to compile, so a bad pattern fails `cargo test`
/// instead of silently never matching. The only home of `Regex::new` in the crate (a test in
/// this module checks that).
macro_rules! lazy_regex {
    ($($(#[$attr:meta])* $vis:vis static $name:ident = $pattern:expr;)+) => {
        $(
            $(#[$attr])*
            $vis static $name: $crate::parse::scan::Lazy =
                ::std::sync::LazyLock::new(|| $crate::parse::scan::compile(&$pattern));

            #[cfg(test)]
            #[allow(non_snake_case)]
            mod $name {
                #[test]
                fn compiles() {
                    assert!(
                        super::$name.is_some(),
                        concat!(stringify!($name), " is not a valid regex")
                    );
                }
            }
        )+
    };
}
pub(crate) use lazy_regex;

/// Captures of `re` in `s` when `s` contains `literal`, a string every match contains (a
/// prefilter: the regex is not even compiled for a document without it).
pub(crate) fn captures_with<'a>(
    literal: &str,
    re: &Lazy,
    s: &'a str,
) -> Option<regex::Captures<'a>> {
    s.contains(literal).then(|| captures(re, s)).flatten()
}

/// `re` when `may_match` (a literal prefilter's answer), compiling it only then; `None` otherwise.
/// (`re.as_ref().filter(|_| may_match)` would compile it first: the deref forces the static.)
pub(crate) fn when(may_match: bool, re: &Lazy) -> Option<&Regex> {
    if may_match {
        re.as_ref()
    } else {
        None
    }
}

/// True when `re` matches `s`.
pub(crate) fn is_match(re: &Lazy, s: &str) -> bool {
    re.as_ref().is_some_and(|r| r.is_match(s))
}

/// Captures of `re` in `s`.
pub(crate) fn captures<'a>(re: &Lazy, s: &'a str) -> Option<regex::Captures<'a>> {
    re.as_ref().and_then(|r| r.captures(s))
}

pub(crate) use crate::chars::is_han;

/// Sentence-final punctuation, both widths.
pub(crate) fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?')
}

/// A colon of either width.
pub(crate) fn is_colon(c: char) -> bool {
    matches!(c, '：' | ':')
}

/// Number of chars.
pub(crate) fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// Trimmed text with whitespace runs between two CJK characters removed and other runs
/// collapsed to one space. Titles and organ names are single phrases: spaces in them are
/// layout (centring, justification), not content.
pub(crate) fn squeeze(s: &str) -> String {
    let chars: Vec<char> = s.trim().chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars.get(i).copied().unwrap_or(' ');
        if c.is_whitespace() {
            let mut j = i;
            while chars.get(j).is_some_and(|c| c.is_whitespace()) {
                j += 1;
            }
            let before = out.chars().next_back();
            let after = chars.get(j).copied();
            let cjk_side = before.is_some_and(crate::chars::is_han_or_punct)
                || after.is_some_and(crate::chars::is_han_or_punct);
            if !cjk_side {
                out.push(' ');
            }
            i = j;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

// Building blocks of the hand-written scanners that replace small regexes (a regex costs
// 0.3–2 M instructions to compile, paid by every process that reaches it; these cost nothing
// up front). Each scanner tries the alternatives in the order the regex's leftmost-first
// backtracking would, and has a differential test against the pattern it replaces.

/// Byte offset after the white space at `at` (`\s*`: the regex crate's `\s` is Unicode
/// `White_Space`, as `char::is_whitespace`).
pub(crate) fn skip_ws(s: &str, at: usize) -> usize {
    let rest = s.get(at..).unwrap_or("");
    at + (rest.len() - rest.trim_start().len())
}

/// Byte offset after `c` when `s` has `c` at `at`.
pub(crate) fn after_char(s: &str, at: usize, c: char) -> Option<usize> {
    s.get(at..)?.starts_with(c).then(|| at + c.len_utf8())
}

/// Byte offset after the first of `words` that `s` has at `at` (a literal alternation, tried
/// in order as the regex does).
pub(crate) fn after_word(s: &str, at: usize, words: &[&str]) -> Option<usize> {
    let rest = s.get(at..)?;
    words
        .iter()
        .find(|w| rest.starts_with(**w))
        .map(|w| at + w.len())
}

/// The leftmost match of the literal alternation `words` (`a|b|c`): the first offset where any
/// word starts, the first word in order there, as a regex finds it.
pub(crate) fn find_words(s: &str, words: &[&str]) -> Option<(usize, usize)> {
    s.char_indices()
        .find_map(|(i, _)| after_word(s, i, words).map(|end| (i, end)))
}

/// End of the longest run of `class` chars at `at` (`at` itself when there is none): `[…]+`
/// where what follows the repeat cannot start with a `class` char, so greedy is the only
/// choice.
pub(crate) fn run_end(s: &str, at: usize, class: impl Fn(char) -> bool) -> usize {
    let rest = s.get(at..).unwrap_or("");
    at + rest.find(|c: char| !class(c)).unwrap_or(rest.len())
}

/// The ends of `class{min,max}` at `at` (`max` ≤ 4), longest first: the order in which a
/// greedy bounded repeat tries them.
pub(crate) fn repeat_ends(
    s: &str,
    at: usize,
    class: impl Fn(char) -> bool,
    min: usize,
    max: usize,
) -> impl Iterator<Item = usize> {
    let mut ends = [0usize; 4];
    let mut n = 0;
    for (i, c) in s.get(at..).unwrap_or("").char_indices() {
        if n >= max.min(ends.len()) || !class(c) {
            break;
        }
        if let Some(slot) = ends.get_mut(n) {
            *slot = at + i + c.len_utf8();
        }
        n += 1;
    }
    let lo = min.max(1);
    (lo..=n).rev().filter_map(move |k| ends.get(k - 1).copied())
}

/// Every non-overlapping leftmost match of `at_start` (a matcher anchored at a byte offset,
/// `None` when nothing matches there), as a regex's `captures_iter` finds them: the search
/// resumes at the end of each match. `may_start` rules out, cheaply, chars no match starts
/// with. Matches must not be empty.
pub(crate) fn matches<'a, M>(
    s: &'a str,
    may_start: impl Fn(char) -> bool + 'a,
    at_start: impl Fn(&str, usize) -> Option<(usize, M)> + 'a,
) -> impl Iterator<Item = (usize, usize, M)> + 'a {
    let mut from = 0;
    std::iter::from_fn(move || {
        let rest = s.get(from..)?;
        for (i, c) in rest.char_indices() {
            if !may_start(c) {
                continue;
            }
            let start = from + i;
            if let Some((end, m)) = at_start(s, start) {
                if end > start {
                    from = end;
                    return Some((start, end, m));
                }
            }
        }
        from = s.len() + 1;
        None
    })
}

/// Char offset of byte offset `byte` in `s`.
pub(crate) fn char_offset(s: &str, byte: usize) -> usize {
    s.get(..byte).map_or(0, |p| p.chars().count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn squeezing() {
        let cases = [
            ("  委员会 巡察反馈  ", "委员会巡察反馈"),
            ("2022 年 6 月", "2022年6月"),
            ("Mini  LED", "Mini LED"),
            ("清新区 49 号", "清新区49号"),
        ];
        for (input, want) in cases {
            assert_eq!(squeeze(input), want, "{input}");
        }
    }

    /// `Regex::new` (or a `RegexSet`/`RegexBuilder`) anywhere else would escape the compile test
    /// that `lazy_regex!` emits.
    #[test]
    fn every_regex_is_declared_with_lazy_regex() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let home = std::path::Path::new("parse").join("scan.rs");
        let mut offenders = Vec::new();
        let mut stack = vec![src.clone()];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs")
                    && path.strip_prefix(&src).unwrap() != home
                {
                    let text = std::fs::read_to_string(&path).unwrap();
                    let needles = [
                        "Regex::new",
                        "RegexSet::new",
                        "RegexBuilder",
                        "LazyLock<Option<Regex",
                    ];
                    if needles.iter().any(|n| text.contains(n)) {
                        offenders.push(path.display().to_string());
                    }
                }
            }
        }
        assert!(
            offenders.is_empty(),
            "regexes outside lazy_regex!: {offenders:?}"
        );
    }

    #[test]
    fn offsets() {
        assert_eq!(char_offset("一二三", 6), 2);
    }
}
