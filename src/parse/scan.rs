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
