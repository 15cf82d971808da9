//! Site chrome: the wording a CMS wraps around every article (breadcrumbs, print/close buttons,
//! font-size switches, view counters, share bars, previous/next links, footers), matched by
//! words shared across Chinese government CMSs, not by class names.
//!
//! One list per kind of word; the questions differ by where the asker looks. The HTML reader
//! asks [`is_page_chrome`] of any line of the content area, so its patterns are anchored (a
//! breadcrumb opens its line, a site role has a colon). The parser's chrome pass asks
//! [`is_head_chrome`] of lines before the title and [`is_footer_chrome`] of the trailing run of
//! the document, where looser evidence is enough (`上一篇` anywhere on a line).

use crate::parse::scan::{lazy_regex, Lazy};

/// Words that open a breadcrumb trail (`当前位置：首页 > 政务公开`).
const BREADCRUMB_OPENERS: &[&str] = &[
    "您现在的位置",
    "你现在的位置",
    "所在位置",
    "您的位置",
    "你的位置",
    "当前位置",
    "现在位置",
    "当前页面",
];

/// Toolbar buttons, written in brackets (`【打印】`) or alone on a line (`打印 关闭`).
const BUTTONS: &[&str] = &[
    "打印本页",
    "关闭窗口",
    "返回顶部",
    "打印",
    "关闭",
    "收藏",
    "顶部",
    "字体",
    "保存",
];

/// Labels of the font-size switch (`字体[ 大 中 小 ]`).
pub(crate) const FONT_SIZE_LABELS: &[&str] = &["字体", "字号"];

/// View counters (`浏览次数：1024`).
pub(crate) const COUNTERS: &[&str] = &[
    "浏览次数",
    "访问次数",
    "阅读次数",
    "点击数",
    "点击量",
    "访问量",
    "浏览量",
];

/// Share bars (`分享到：`, `扫一扫在手机打开当前页`).
const SHARE: &[&str] = &["分享到", "扫一扫", "手机打开"];

/// Share targets; two of them on one short line are a share bar.
const SHARE_TARGETS: &[&str] = &["微信", "微博", "QQ空间"];

/// Previous / next article links.
const PREV_NEXT: &[&str] = &["上一篇", "下一篇", "上一条", "下一条"];

/// Roles in a site's credits (`主办单位：…`, `技术支持：…`).
const SITE_ROLES: &[&str] = &["主办", "承办", "协办", "合作", "主管", "维护", "技术支持"];

/// Marks no notice text carries: licence numbers, copyright.
const FOOTER_MARKS: &[&str] = &[
    "ICP备",
    "ICP证",
    "公网安备",
    "网站标识码",
    "版权所有",
    "Copyright",
    "©",
];

/// Footer links (`网站地图 | 联系我们`).
const SITE_LINKS: &[&str] = &["网站地图", "联系我们", "网站声明", "关于我们", "无障碍"];

/// Headings of related-article panels, chrome when alone on their line (`相关稿件`).
const RELATED: &[&str] = &["相关稿件", "相关链接", "相关文章", "相关新闻", "相关阅读"];

/// Footer words that a body may use too (a call for papers names its 投稿邮箱): chrome only in
/// the trailing run of a document.
const FOOTER_ONLY: &[&str] = &["投稿邮箱"];

/// Section banners above a notice (`政府信息公开 规章库`).
const BANNERS: &[&str] = &["规章库", "信息公开目录"];

/// Whitespace that pads chrome words: `\s` is Unicode-aware (U+3000, NBSP included).
const PAD: &str = r"\s*";

/// Lines longer than this are never page chrome: body sentences may mention `主办单位`.
const MAX_PAGE_CHROME_CHARS: usize = 160;
/// Footer lines are short.
const MAX_FOOTER_CHARS: usize = 120;
/// Banners are short.
const MAX_BANNER_CHARS: usize = 40;

/// `words` as a regex alternation, each word allowed padding between its characters
/// (`当 前 位 置`, `ICP 备`), longest first so that `打印本页` is not read as `打印`.
fn alternation(words: &[&str]) -> String {
    let mut words: Vec<&str> = words.to_vec();
    words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    let padded: Vec<String> = words
        .iter()
        .map(|w| {
            w.chars()
                .map(|c| regex::escape(&c.to_string()))
                .collect::<Vec<_>>()
                .join(PAD)
        })
        .collect();
    format!("(?:{})", padded.join("|"))
}

fn is_match(re: &Lazy, text: &str) -> bool {
    re.as_ref().is_some_and(|r| r.is_match(text))
}

/// Breadcrumbs: an opener at the start of the line, or `首页 >` anywhere.
#[cfg(test)]
fn breadcrumb() -> String {
    format!(
        r"^{PAD}{}|首页{PAD}[>＞»›/]",
        alternation(BREADCRUMB_OPENERS)
    )
}

/// Toolbars: a bracketed button, a line of bare buttons, a font-size switch.
#[cfg(test)]
fn toolbar() -> String {
    let buttons = alternation(BUTTONS);
    format!(
        r"[【\[［]{PAD}{buttons}{PAD}[:：】\]］]|^{PAD}{buttons}(?:{PAD}{buttons})*{PAD}$|{}",
        font_size()
    )
}

/// `字体：大 中 小`, `字号[大中小]`.
#[cfg(test)]
fn font_size() -> String {
    format!(
        r"{}{PAD}[:：]?{PAD}[\[【［(（]?{PAD}大{PAD}中{PAD}小",
        alternation(FONT_SIZE_LABELS)
    )
}

/// A site role with a colon (`主办单位：`, `技术支持:`).
#[cfg(test)]
fn site_role_with_colon() -> String {
    format!(r"{}(?:单位)?{PAD}[:：]", alternation(SITE_ROLES))
}

/// A footer link standing alone between separators (`设为首页 | 网站地图`, `联系我们：`); a
/// sentence that starts `关于我们区…` is not one.
#[cfg(test)]
fn site_link() -> String {
    format!(
        r"(?:^|[\s|｜丨/·]){PAD}{}{PAD}(?:$|[\s|｜丨/·:：])",
        alternation(SITE_LINKS)
    )
}

/// Marks no notice text carries (case-insensitive: `COPYRIGHT`).
#[cfg(test)]
fn footer_mark() -> String {
    format!("(?i:{})", alternation(FOOTER_MARKS))
}

lazy_regex! {
    static BARE_CONTACT = r"^\s*([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}|https?://\S+|www\.\S+)\s*$";
    /// Trailing widget text in a metadata value: `字体[ 大 中 小 ]`, `【打印】`, `【关闭】`.
    static WIDGET_TAIL = {
    let labels = alternation(FONT_SIZE_LABELS);
    format!(
        r"{PAD}{labels}?[\s:：]*[\[【［(（]{PAD}大{PAD}中{PAD}小{PAD}[\]】］)）]?.*$|{PAD}【[^】]*】.*$"
    )
};
}

/// True when `line`, wherever it sits on a page, is site chrome (the HTML reader's question).
pub(crate) fn is_page_chrome(line: &str) -> bool {
    line.chars().count() <= MAX_PAGE_CHROME_CHARS && page::is_page_chrome(line)
}

/// True when `line`, before a notice's title, is site chrome: a breadcrumb, a toolbar, a share
/// bar, or a short section banner.
pub(crate) fn is_head_chrome(line: &str) -> bool {
    // Every chrome word may be padded between its characters, so the words are looked for in
    // the line with its white space removed (no regex to compile: see `head::is_head_chrome`).
    let squeezed: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    head::is_head_chrome(line, &squeezed)
        || (line.trim().chars().count() <= MAX_BANNER_CHARS && head::is_banner(line, &squeezed))
}

/// Head chrome and banners matched without a regex (compiling the breadcrumb/toolbar
/// alternation cost ~4 M instructions per process, more than parsing a one-page notice).
///
/// Each word of the lists is allowed white space between its characters, and so is every other
/// gap of the patterns (after `首页`, around brackets and colons), so matching the words in the
/// line with its white space removed finds exactly the lines the padded patterns did; `^` and
/// `$` become the ends of the squeezed line. `首页` and `政府信息公开` are unpadded words and are
/// looked for in the line itself. The differential test `same_as_regex` checks this
/// against the regexes they replaced.
mod head {
    use super::{BANNERS, BREADCRUMB_OPENERS, BUTTONS, FONT_SIZE_LABELS, SHARE};

    /// A breadcrumb, a toolbar or a share bar in `line`, `squeezed` being `line` without
    /// white space.
    pub(super) fn is_head_chrome(line: &str, squeezed: &str) -> bool {
        BREADCRUMB_OPENERS.iter().any(|w| squeezed.starts_with(w))
            || home_link(line)
            || bracketed_button(squeezed)
            || only_buttons(squeezed)
            || font_size_switch(squeezed)
            || SHARE.iter().any(|w| squeezed.contains(w))
    }

    /// A section banner: a banner word anywhere, or `政府信息公开` opening or closing the line
    /// (that word unpadded, as the banner pattern had it).
    pub(super) fn is_banner(line: &str, squeezed: &str) -> bool {
        BANNERS.iter().any(|w| squeezed.contains(w))
            || line.trim_end().ends_with("政府信息公开")
            || line.trim_start().starts_with("政府信息公开")
    }

    /// `首页 >` anywhere in `line` (the word unpadded, white space before the arrow).
    fn home_link(line: &str) -> bool {
        line.match_indices("首页").any(|(at, w)| {
            line.get(at + w.len()..)
                .and_then(|rest| rest.trim_start().chars().next())
                .is_some_and(|c| matches!(c, '>' | '＞' | '»' | '›' | '/'))
        })
    }

    /// `【打印】`, `[关闭]`, `【字体:`: an opening bracket, a button, a closing bracket or colon.
    fn bracketed_button(s: &str) -> bool {
        s.char_indices()
            .filter(|&(_, c)| matches!(c, '【' | '[' | '［'))
            .any(|(at, c)| {
                let rest = s.get(at + c.len_utf8()..).unwrap_or("");
                BUTTONS.iter().any(|b| {
                    rest.strip_prefix(b)
                        .and_then(|after| after.chars().next())
                        .is_some_and(|c| matches!(c, ':' | '：' | '】' | ']' | '］'))
                })
            })
    }

    /// A line made only of buttons (`打印关闭`, from `打印 关闭`): some split of the whole line
    /// into button words (every prefix length reachable by buttons is tried).
    fn only_buttons(s: &str) -> bool {
        if s.is_empty() {
            return false;
        }
        let mut reachable = vec![false; s.len() + 1];
        if let Some(r) = reachable.first_mut() {
            *r = true;
        }
        for at in 0..s.len() {
            if !reachable.get(at).copied().unwrap_or(false) {
                continue;
            }
            let rest = s.get(at..).unwrap_or("");
            for b in BUTTONS.iter().filter(|b| rest.starts_with(**b)) {
                if let Some(r) = reachable.get_mut(at + b.len()) {
                    *r = true;
                }
            }
        }
        reachable.last().copied().unwrap_or(false)
    }

    /// `字体：[大中小`, `字号大中小`: a font-size label, an optional colon, an optional opening
    /// bracket, then `大中小`.
    fn font_size_switch(s: &str) -> bool {
        FONT_SIZE_LABELS.iter().any(|label| {
            s.match_indices(label).any(|(at, l)| {
                let mut rest = s.get(at + l.len()..).unwrap_or("");
                rest = rest.strip_prefix([':', '：']).unwrap_or(rest);
                rest = rest
                    .strip_prefix(['[', '【', '［', '(', '（'])
                    .unwrap_or(rest);
                rest.starts_with("大中小")
            })
        })
    }
}

/// True when `line`, at the end of a document, is a site footer line (a strong marker).
pub(crate) fn is_footer_chrome(line: &str) -> bool {
    line.trim().chars().count() <= MAX_FOOTER_CHARS && page::is_footer_chrome(line)
}

/// Page and footer chrome matched without a regex: the two alternations (every word padded
/// with `\s*` between its characters, `(?i)` for the footer marks) cost ~18 M instructions to
/// compile, two fifths of a whole HTML `convert`. Each alternative of the old patterns is a
/// test below, on the line itself (`\s*` between two chars that are not white space can only
/// take the whole run, so every padded word has one way to match at a given offset). The
/// differential test `same_as_regex` checks both against the regexes they replaced.
mod page {
    use super::{
        lazy_regex, BREADCRUMB_OPENERS, BUTTONS, COUNTERS, FONT_SIZE_LABELS, FOOTER_MARKS,
        FOOTER_ONLY, PREV_NEXT, RELATED, SHARE, SHARE_TARGETS, SITE_LINKS, SITE_ROLES,
    };
    use crate::parse::scan::{self, skip_ws};
    use std::sync::LazyLock;

    lazy_regex! {
        /// Pagination of a split article (`【1】【2】`): `\d` is Unicode's decimal digits, kept as
        /// a regex; compiled only for a line that opens with a bracket and a digit.
        static PAGINATION = r"^\s*(?:[【\[]\s*\d+\s*[】\]]\s*)+$";
    }

    // One bit per word list whose words may sit anywhere on the line: a char that opens a word
    // of the list (either case for the footer marks) carries the list's bit.
    const B_BUTTON: u32 = 1;
    const B_FONT: u32 = 1 << 1;
    const B_COUNTER: u32 = 1 << 2;
    const B_SHARE: u32 = 1 << 3;
    const B_TARGET: u32 = 1 << 4;
    const B_PREV: u32 = 1 << 5;
    const B_MARK: u32 = 1 << 6;
    const B_ROLE: u32 = 1 << 7;
    const B_LINK: u32 = 1 << 8;
    const B_ONLY: u32 = 1 << 9;
    const B_HOME: u32 = 1 << 10;
    const B_BRACKET: u32 = 1 << 11;
    const B_OPENER: u32 = 1 << 12;
    const B_RELATED: u32 = 1 << 13;

    const LISTS: &[(&[&str], u32, bool)] = &[
        (BUTTONS, B_BUTTON, false),
        (FONT_SIZE_LABELS, B_FONT, false),
        (COUNTERS, B_COUNTER, false),
        (SHARE, B_SHARE, false),
        (SHARE_TARGETS, B_TARGET, false),
        (PREV_NEXT, B_PREV, false),
        (FOOTER_MARKS, B_MARK, true),
        (SITE_ROLES, B_ROLE, false),
        (SITE_LINKS, B_LINK, false),
        (FOOTER_ONLY, B_ONLY, false),
        (&["首页"], B_HOME, false),
        (&["【", "[", "［"], B_BRACKET, false),
        (BREADCRUMB_OPENERS, B_OPENER, false),
        (RELATED, B_RELATED, false),
    ];

    /// The anchor chars with their list bits (sorted by char), and a 4096-bit filter on the
    /// low 12 bits of every anchor char that rejects most chars of a line in a few instructions.
    struct Anchors {
        chars: Vec<(char, u32)>,
        filter: [u64; FILTER_WORDS],
    }

    const FILTER_WORDS: usize = 64;

    /// The filter's word and bit for `c`.
    fn filter_slot(c: char) -> (usize, u64) {
        let low = (c as u32 & 0xfff) as usize;
        (low / 64, 1 << (low % 64))
    }

    static ANCHORS: LazyLock<Anchors> = LazyLock::new(|| {
        let mut chars: Vec<(char, u32)> = Vec::new();
        for &(words, bit, fold_case) in LISTS {
            for first in words.iter().filter_map(|w| w.chars().next()) {
                let cases = if fold_case {
                    [first.to_ascii_lowercase(), first.to_ascii_uppercase()]
                } else {
                    [first, first]
                };
                for c in cases {
                    match chars.iter_mut().find(|e| e.0 == c) {
                        Some(e) => e.1 |= bit,
                        None => chars.push((c, bit)),
                    }
                }
            }
        }
        chars.sort_unstable();
        let mut filter = [0u64; FILTER_WORDS];
        for &(c, _) in &chars {
            let (word, bit) = filter_slot(c);
            if let Some(w) = filter.get_mut(word) {
                *w |= bit;
            }
        }
        Anchors { chars, filter }
    });

    /// Where words of the lists may start in a line: the offset and list bits of every anchor
    /// char (one pass over the line), and the union of those bits.
    struct Hits {
        at: Vec<(usize, u32)>,
        has: u32,
    }

    impl Hits {
        fn new(s: &str) -> Hits {
            let a = &*ANCHORS;
            let mut at = Vec::new();
            let mut has = 0;
            for (i, c) in s.char_indices() {
                let (word, bit) = filter_slot(c);
                if a.filter.get(word).is_none_or(|w| w & bit == 0) {
                    continue;
                }
                let bits = a
                    .chars
                    .binary_search_by_key(&c, |e| e.0)
                    .ok()
                    .and_then(|k| a.chars.get(k))
                    .map_or(0, |e| e.1);
                if bits != 0 {
                    at.push((i, bits));
                    has |= bits;
                }
            }
            Hits { at, has }
        }

        /// True when the line's first char after white space (at `first`) opens a word of
        /// the list `bit`.
        fn opens(&self, first: usize, bit: u32) -> bool {
            self.at
                .iter()
                .find(|e| e.0 >= first)
                .is_some_and(|e| e.0 == first && e.1 & bit != 0)
        }

        /// Offsets whose char opens a word of the list `bit`.
        fn of(&self, bit: u32) -> impl Iterator<Item = usize> + '_ {
            self.at.iter().filter(move |e| e.1 & bit != 0).map(|e| e.0)
        }
    }

    /// `word` with white space allowed between its chars, matched at `at`: its end.
    fn padded_at(s: &str, at: usize, word: &str, fold_case: bool) -> Option<usize> {
        let mut p = at;
        for (k, w) in word.chars().enumerate() {
            if k > 0 {
                p = skip_ws(s, p);
            }
            let c = s.get(p..)?.chars().next()?;
            let same = c == w || (fold_case && c.eq_ignore_ascii_case(&w));
            if !same {
                return None;
            }
            p += c.len_utf8();
        }
        Some(p)
    }

    /// The ends of every padded word of `words` matched at `at`.
    fn words_at<'a>(
        s: &'a str,
        at: usize,
        words: &'a [&'a str],
    ) -> impl Iterator<Item = usize> + 'a {
        words.iter().filter_map(move |w| padded_at(s, at, w, false))
    }

    /// A padded word of `words` (the list `bit`) anywhere in `s`.
    fn contains_any(s: &str, hits: &Hits, words: &[&str], bit: u32) -> bool {
        hits.has & bit != 0
            && hits
                .of(bit)
                .any(|at| words_at(s, at, words).next().is_some())
    }

    /// A padded word of `words` (the list `bit`) after the leading white space:
    /// `^\s*(?:words)`.
    fn starts_with_any(s: &str, hits: &Hits, words: &[&str], bit: u32) -> bool {
        let first = skip_ws(s, 0);
        hits.opens(first, bit) && words_at(s, first, words).next().is_some()
    }

    fn char_at(s: &str, at: usize) -> Option<char> {
        s.get(at..)?.chars().next()
    }

    fn char_in(s: &str, at: usize, set: &[char]) -> bool {
        char_at(s, at).is_some_and(|c| set.contains(&c))
    }

    /// The end of the char at `at` when it is one of `set`.
    fn after_any(s: &str, at: usize, set: &[char]) -> Option<usize> {
        char_at(s, at)
            .filter(|c| set.contains(c))
            .map(|c| at + c.len_utf8())
    }

    /// `首页\s*[>＞»›/]`.
    fn home_link(s: &str, hits: &Hits) -> bool {
        hits.has & B_HOME != 0
            && s.match_indices("首页")
                .any(|(at, w)| char_in(s, skip_ws(s, at + w.len()), &['>', '＞', '»', '›', '/']))
    }

    /// `[【\[［]\s*(buttons)\s*[:：】\]］]`.
    fn bracketed_button(s: &str, hits: &Hits) -> bool {
        hits.has & B_BRACKET != 0
            && hits.has & B_BUTTON != 0
            && s.char_indices()
                .filter(|&(_, c)| matches!(c, '【' | '[' | '［'))
                .any(|(at, c)| {
                    words_at(s, skip_ws(s, at + c.len_utf8()), BUTTONS)
                        .any(|e| char_in(s, skip_ws(s, e), &[':', '：', '】', ']', '］']))
                })
    }

    /// `^\s*(buttons)(?:\s*(buttons))*\s*$`: the line is a sequence of buttons.
    fn only_buttons(s: &str, hits: &Hits) -> bool {
        let first = skip_ws(s, 0);
        // A line of buttons opens with one (no table to fill for the others).
        if !hits.opens(first, B_BUTTON) || words_at(s, first, BUTTONS).next().is_none() {
            return false;
        }
        let mut reachable = vec![false; s.len() + 1];
        if let Some(r) = reachable.get_mut(first) {
            *r = true;
        }
        for at in first..s.len() {
            if !reachable.get(at).copied().unwrap_or(false) {
                continue;
            }
            for e in words_at(s, at, BUTTONS) {
                if skip_ws(s, e) == s.len() {
                    return true;
                }
                if let Some(r) = reachable.get_mut(skip_ws(s, e)) {
                    *r = true;
                }
            }
        }
        false
    }

    /// `(字体|字号)\s*[:：]?\s*[\[【［(（]?\s*大\s*中\s*小` (labels padded).
    fn font_size_switch(s: &str, hits: &Hits) -> bool {
        hits.has & B_FONT != 0
            && hits.of(B_FONT).any(|at| {
                words_at(s, at, FONT_SIZE_LABELS).any(|e| {
                    let p = skip_ws(s, e);
                    let p = skip_ws(s, after_any(s, p, &[':', '：']).unwrap_or(p));
                    let p = skip_ws(
                        s,
                        after_any(s, p, &['[', '【', '［', '(', '（']).unwrap_or(p),
                    );
                    padded_at(s, p, "大中小", false).is_some()
                })
            })
    }

    /// The toolbar alternatives: a bracketed button, a line of buttons, a font-size switch.
    fn toolbar(s: &str, hits: &Hits) -> bool {
        bracketed_button(s, hits) || only_buttons(s, hits) || font_size_switch(s, hits)
    }

    /// Footer marks, case-insensitive (`COPYRIGHT`, `icp备`).
    fn footer_mark(s: &str, hits: &Hits) -> bool {
        hits.has & B_MARK != 0
            && hits.of(B_MARK).any(|at| {
                FOOTER_MARKS
                    .iter()
                    .any(|w| padded_at(s, at, w, true).is_some())
            })
    }

    /// `(?:^|[\s|｜丨/·])\s*(links)\s*(?:$|[\s|｜丨/·:：])`. A link word at `at` has the
    /// opening context when it starts the line or follows a separator (white space is one, so
    /// `\s*` after a separator adds nothing), and only at such a word's anchor char.
    fn site_link(s: &str, hits: &Hits) -> bool {
        let is_sep = |c: char| c.is_whitespace() || matches!(c, '|' | '｜' | '丨' | '/' | '·');
        hits.has & B_LINK != 0
            && hits.of(B_LINK).any(|at| {
                let opens = s
                    .get(..at)
                    .is_some_and(|before| before.chars().next_back().is_none_or(is_sep));
                opens
                    && words_at(s, at, SITE_LINKS).any(|e| {
                        let q = skip_ws(s, e);
                        // White space after the word can itself be the closing separator.
                        q > e
                            || q == s.len()
                            || char_at(s, q).is_some_and(|c| is_sep(c) || matches!(c, ':' | '：'))
                    })
            })
    }

    /// `(roles)(?:单位)?\s*[:：]` (page chrome) or `(roles)(?:单位|\s*[:：])` (footer).
    fn site_role(s: &str, hits: &Hits, footer: bool) -> bool {
        hits.has & B_ROLE != 0
            && hits.of(B_ROLE).any(|at| {
                words_at(s, at, SITE_ROLES).any(|e| {
                    let colon_at = |p: usize| char_in(s, skip_ws(s, p), &[':', '：']);
                    match scan::after_word(s, e, &["单位"]) {
                        Some(_) if footer => true,
                        Some(u) => colon_at(u) || colon_at(e),
                        None => colon_at(e),
                    }
                })
            })
    }

    /// `(targets).{0,8}(targets)`: two share targets at most eight chars apart on the line.
    fn two_share_targets(s: &str, hits: &Hits) -> bool {
        hits.has & B_TARGET != 0
            && hits.of(B_TARGET).any(|at| {
                words_at(s, at, SHARE_TARGETS).any(|e| {
                    let gaps = std::iter::once(e).chain(
                        s.get(e..)
                            .unwrap_or("")
                            .char_indices()
                            .take_while(|&(_, c)| c != '\n')
                            .take(8)
                            .map(move |(i, c)| e + i + c.len_utf8()),
                    );
                    gaps.into_iter()
                        .any(|p| words_at(s, p, SHARE_TARGETS).next().is_some())
                })
            })
    }

    /// `^\s*(related)\s*[:：]?\s*$`.
    fn related_heading(s: &str, hits: &Hits) -> bool {
        let first = skip_ws(s, 0);
        hits.opens(first, B_RELATED)
            && words_at(s, first, RELATED).any(|e| {
                let p = skip_ws(s, e);
                skip_ws(s, after_any(s, p, &[':', '：']).unwrap_or(p)) == s.len()
            })
    }

    /// `^\s*附件\s*[:：]\s*$`: an empty attachment widget.
    fn empty_attachment(s: &str) -> bool {
        let t = s.trim();
        t.strip_prefix("附件")
            .map(str::trim_start)
            .and_then(|r| r.strip_prefix([':', '：']))
            .is_some_and(|r| r.trim().is_empty())
    }

    /// Pagination (`【1】【2】`); the regex is asked only when the line could be one.
    fn pagination(s: &str) -> bool {
        let t = s.trim();
        let may = t
            .strip_prefix(['【', '['])
            .and_then(|r| r.trim_start().chars().next())
            .is_some_and(char::is_numeric)
            && t.ends_with(['】', ']']);
        may && scan::is_match(&PAGINATION, s)
    }

    /// The page-chrome pattern's alternatives, in its order. One pass over the line first
    /// notes which word lists have an opening char in it (`present`); an alternative whose
    /// words cannot start anywhere on the line is not tried, and the others are tried only at
    /// those chars (trying every word at every offset made an HTML batch 1.8× slower than the
    /// regex did).
    pub(super) fn is_page_chrome(s: &str) -> bool {
        let hits = Hits::new(s);
        starts_with_any(s, &hits, BREADCRUMB_OPENERS, B_OPENER)
            || home_link(s, &hits)
            || toolbar(s, &hits)
            || contains_any(s, &hits, COUNTERS, B_COUNTER)
            || s.trim_start().starts_with("分享")
            || starts_with_any(s, &hits, SHARE, B_SHARE)
            || two_share_targets(s, &hits)
            || starts_with_any(s, &hits, PREV_NEXT, B_PREV)
            || footer_mark(s, &hits)
            || site_role(s, &hits, false)
            || site_link(s, &hits)
            || related_heading(s, &hits)
            || empty_attachment(s)
            || pagination(s)
    }

    /// The footer pattern's alternatives, in its order (gated as in [`is_page_chrome`]).
    pub(super) fn is_footer_chrome(s: &str) -> bool {
        let hits = Hits::new(s);
        footer_mark(s, &hits)
            || site_role(s, &hits, true)
            || site_link(s, &hits)
            || contains_any(s, &hits, PREV_NEXT, B_PREV)
            || toolbar(s, &hits)
            || contains_any(s, &hits, SHARE, B_SHARE)
            || contains_any(s, &hits, FOOTER_ONLY, B_ONLY)
    }
}

/// True for a line that is only an e-mail address or a URL (part of a footer when a strong
/// marker is near; a notice may also end with one).
pub(crate) fn is_bare_contact(line: &str) -> bool {
    // Literal prefilter: each alternative needs one of these, and the regex is then compiled
    // only for documents that have such a line.
    (line.contains('@') || line.contains("http") || line.contains("www."))
        && is_match(&BARE_CONTACT, line)
}

/// Byte offset where trailing widget text starts in a metadata value, if it has any.
pub(crate) fn widget_tail_start(value: &str) -> Option<usize> {
    // Literal prefilter: a widget is a `大 中 小` switch or a `【…】` button.
    let may_hold_widget = value.contains('【') || (value.contains('大') && value.contains('中'));
    if !may_hold_widget {
        return None;
    }
    WIDGET_TAIL
        .as_ref()
        .and_then(|re| re.find(value))
        .map(|m| m.start())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_chrome_lines() {
        let chrome = [
            "所在位置:首页 > 信息公开 > 巡视巡察 > 省委巡视 >正文",
            "您的位置: 首页 > 政务公开 > 通知公示",
            "当前位置：首页 > 政策",
            "【打印】 【关闭】",
            "【打印】 【字体:",
            "打印 关闭",
            "字体[ 大 中 小 ]",
            "字体：大 中 小",
            "浏览次数：1024",
            "分享到：",
            "微信 微博 QQ空间",
            "上一篇：关于开展…的通知",
            "粤ICP备10233762号",
            "京公网安备 11010202000001号",
            "主办单位：中共广东省纪律检查委员会 广东省监察委员会",
            "网站标识码：4400000126",
            "版权所有 广州市花都区人民政府",
            "Copyright © 2023",
            "网站地图",
            "中国政府网 | 关于本网 | 网站声明 | 联系我们 | 网站纠错",
            "扫一扫在手机打开当前页",
            "首页\u{a0}>\u{a0}国务院公报\u{a0}>\u{a0}2007年第23号",
            "相关稿件",
            "【1】【2】【3】【4】",
            "附件:",
        ];
        for line in chrome {
            assert!(is_page_chrome(line), "{line:?} should be chrome");
        }
        let body = [
            "中共广州市花都区委关于巡视整改进展情况的通报",
            "根据省委统一部署，省委第三巡视组对广州市花都区进行了巡视。",
            "一、深入学习贯彻习近平总书记关于巡视工作的重要讲话精神",
            "2021年11月22日",
            "会议由主办单位负责组织，承办单位提供场地保障。",
            "（一）打印机等办公设备采购不规范。",
            "附件：1.整改台账",
            "请将材料发送至投稿邮箱。",
            "如有疑问请联系我们。",
            "相关稿件的审核工作由办公室负责。",
        ];
        for line in body {
            assert!(!is_page_chrome(line), "{line:?} should not be chrome");
        }
    }

    #[test]
    fn head_chrome_lines() {
        let cases = [
            ("所在位置:首页 > 信息公开 > 巡视巡察", true),
            ("您的位置: 首页 > 政务公开 > 通知公示", true),
            ("当前位置：首页＞要闻", true),
            ("政府信息公开 规章库", true),
            ("广州市花都区空港经济管理委员会政府信息公开", true),
            ("【打印】 【字体:", true),
            ("【打印】【关闭】", true),
            ("字体[ 大 中 小 ]", true),
            (
                "更新时间:2023-03-02浏览次数:来源:某片区 字体[ 大 中 小 ]",
                true,
            ),
            ("中共郑州航空港经济综合实验区工作委员会", false),
            ("关于巡视整改情况的通报", false),
            ("一、深入学习理论", false),
        ];
        for (text, want) in cases {
            assert_eq!(is_head_chrome(text), want, "{text}");
        }
    }

    #[test]
    fn footer_chrome_lines() {
        let footer = [
            "主办单位:中共广东省纪律检查委员会 广东省监察委员会",
            "合作单位:南方新闻网",
            "粤ICP备10233762号",
            "投稿邮箱",
            "设为首页 | 网站地图 | 联系我们",
            "上一篇：关于开展…的通知",
            "【打印】【关闭】",
        ];
        for line in footer {
            assert!(is_footer_chrome(line), "{line:?} should be footer");
        }
        let body = [
            "中共广州市花都区委",
            "2021年11月22日",
            "附件:",
            "关于我们区整改情况的说明",
        ];
        for line in body {
            assert!(!is_footer_chrome(line), "{line:?} should not be footer");
        }
        let long = "由主办单位负责落实整改。".repeat(11);
        assert!(!is_footer_chrome(&long), "a long body line is not a footer");
    }

    mod same_as_regex {
        use super::super::*;

        lazy_regex! {
            static HEAD_CHROME = [breadcrumb(), toolbar(), alternation(SHARE)].join("|");
            static BANNER = [
                alternation(BANNERS),
                format!(r"政府信息公开{PAD}$|^{PAD}政府信息公开"),
            ].join("|");
        }

        lazy_regex! {
            static PAGE_CHROME = [
                breadcrumb(),
                toolbar(),
                alternation(COUNTERS),
                format!(r"^{PAD}(?:分享|{})", alternation(SHARE)),
                format!(
                    "{}.{{0,8}}{}",
                    alternation(SHARE_TARGETS),
                    alternation(SHARE_TARGETS)
                ),
                format!(r"^{PAD}{}", alternation(PREV_NEXT)),
                footer_mark(),
                site_role_with_colon(),
                site_link(),
                format!(r"^{PAD}{}{PAD}[:：]?{PAD}$", alternation(RELATED)),
                format!(r"^{PAD}附件{PAD}[:：]{PAD}$"),
                format!(r"^{PAD}(?:[【\[]{PAD}\d+{PAD}[】\]]{PAD})+$"),
            ].join("|");
            static FOOTER_CHROME = [
                footer_mark(),
                format!(r"{}(?:单位|{PAD}[:：])", alternation(SITE_ROLES)),
                site_link(),
                alternation(PREV_NEXT),
                toolbar(),
                alternation(SHARE),
                alternation(FOOTER_ONLY),
            ].join("|");
        }

        /// The page and footer matchers answer as the page and footer regexes did.
        #[test]
        fn page_and_footer_agree_with_the_regexes() {
            let mut lines = crate::testutil::shared_lines();
            for extra in [
                "当 前 位 置：首页 > 政策",
                "首页 》",
                "【 打 印 本 页 】",
                "打印 关闭",
                " 打 印  关 闭 ",
                "打印x",
                "字 号 ： （ 大 中 小",
                "字体：：大中小",
                "浏 览 次 数：12",
                "分享",
                " 分享到微信",
                "微信 微博",
                "微信一二三四五六七八微博",
                "微信一二三四五六七八九微博",
                "微信\n微博",
                "Q Q 空 间 微 信",
                "上一篇：x",
                "x 上一篇",
                "copyright 2023",
                "COPY RIGHT",
                "Icp 备 123",
                "© 2023",
                "主办单位：某局",
                "主 办 单 位：",
                "主办单 位：",
                "主办 ：",
                "主办单位承办",
                "技术支持",
                "网站地图 | 联系我们",
                "关于我们区",
                "关于我们",
                "|关于我们 x",
                "·无 障 碍：",
                "相关链接：",
                "相关 链接 ",
                "附件：",
                "附 件：",
                "附件: x",
                "【1】【2】 【3】",
                "[１]",
                "【1】x",
                "投稿邮箱",
                // The anchor pass: words at the line's start, after separators, in either
                // case, next to other anchor chars, and lines with anchors but no word.
                "x网站地图",
                "x 网站地图",
                "｜网站地图：",
                "·关于我们·",
                "　无 障 碍",
                "iCp备",
                "ｉｃｐ备",
                "copy right",
                "主主办：",
                "上上一篇",
                " 相关阅读 ： ",
                "x相关阅读",
                "\u{a0}当前位置",
                "当 前 页 面 首 页",
                "打印关闭收藏",
                "打印关闭收藏x",
                "【 字 体 】",
                "字号：（大中小",
                "微信QQ空间",
                "微 博 一 二 三 四 五 六 七 八 微 信",
                "浏览量",
                "点击",
                "上海市主管部门合作协议",
                "维护网站安全，技术支持单位",
            ] {
                lines.push(extra.to_string());
            }
            let (Some(page_re), Some(footer_re)) = (PAGE_CHROME.as_ref(), FOOTER_CHROME.as_ref())
            else {
                panic!("page chrome regexes");
            };
            let mut found = 0;
            for line in &lines {
                let want_page = page_re.is_match(line);
                let want_footer = footer_re.is_match(line);
                assert_eq!(page::is_page_chrome(line), want_page, "page {line:?}");
                assert_eq!(page::is_footer_chrome(line), want_footer, "footer {line:?}");
                found += usize::from(want_page) + usize::from(want_footer);
            }
            assert!(found > 40, "only {found} chrome lines");
        }

        /// The squeezed-line matcher answers as the head chrome and banner regexes did.
        #[test]
        fn agrees_with_the_regexes() {
            let mut lines = crate::testutil::shared_lines();
            for extra in [
                "当 前 位 置：首页 > 政策",
                "  所在位置 首页",
                "首 页 ＞要闻",
                "首页 要闻 >",
                "【 打 印 本 页 】",
                "【打印本 页 ：",
                "[收藏]",
                "［保存 ］",
                "【打印",
                "打 印 关闭 收藏",
                "打印关 闭 顶部 ",
                "打印本页关闭窗口",
                "打印x关闭",
                "字 号 ： （ 大 中 小",
                "字体::大中小",
                "字体[大 中小]",
                "字体【[大中小",
                "分 享 到",
                "扫一扫",
                "手机 打开",
                "政府 信息公开",
                "规 章 库",
                "信息公开目录",
                "政府信息公开　",
                "\u{3000}政府信息公开 规章",
                "政府信息公开 政府信息 公开",
                "",
                " ",
            ] {
                lines.push(extra.to_string());
            }
            let (Some(head), Some(banner)) = (HEAD_CHROME.as_ref(), BANNER.as_ref()) else {
                panic!("head chrome regexes");
            };
            let mut found = 0;
            for line in &lines {
                let squeezed: String = line.chars().filter(|c| !c.is_whitespace()).collect();
                let want_head = head.is_match(line);
                let want_banner = banner.is_match(line);
                assert_eq!(
                    head::is_head_chrome(line, &squeezed),
                    want_head,
                    "head {line:?}"
                );
                assert_eq!(
                    head::is_banner(line, &squeezed),
                    want_banner,
                    "banner {line:?}"
                );
                found += usize::from(want_head) + usize::from(want_banner);
            }
            assert!(found > 20, "only {found} chrome lines");
        }
    }

    #[test]
    fn bare_contacts() {
        assert!(is_bare_contact("nyqfw@gd.gov.cn"));
        assert!(is_bare_contact(" https://www.gd.gov.cn "));
        assert!(!is_bare_contact("邮箱：nyqfw@gd.gov.cn"));
    }

    #[test]
    fn widget_tails() {
        let cases = [
            ("株洲高新区 字体[ 大 中 小 ]", Some("株洲高新区")),
            ("2023-07-14【打印】【关闭】", Some("2023-07-14")),
            ("南粤清风网", None),
        ];
        for (value, want) in cases {
            let got = widget_tail_start(value).and_then(|at| value.get(..at));
            assert_eq!(got, want, "{value:?}");
        }
    }
}
