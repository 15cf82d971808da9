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
fn breadcrumb() -> String {
    format!(
        r"^{PAD}{}|首页{PAD}[>＞»›/]",
        alternation(BREADCRUMB_OPENERS)
    )
}

/// Toolbars: a bracketed button, a line of bare buttons, a font-size switch.
fn toolbar() -> String {
    let buttons = alternation(BUTTONS);
    format!(
        r"[【\[［]{PAD}{buttons}{PAD}[:：】\]］]|^{PAD}{buttons}(?:{PAD}{buttons})*{PAD}$|{}",
        font_size()
    )
}

/// `字体：大 中 小`, `字号[大中小]`.
fn font_size() -> String {
    format!(
        r"{}{PAD}[:：]?{PAD}[\[【［(（]?{PAD}大{PAD}中{PAD}小",
        alternation(FONT_SIZE_LABELS)
    )
}

/// A site role with a colon (`主办单位：`, `技术支持:`).
fn site_role_with_colon() -> String {
    format!(r"{}(?:单位)?{PAD}[:：]", alternation(SITE_ROLES))
}

/// A footer link standing alone between separators (`设为首页 | 网站地图`, `联系我们：`); a
/// sentence that starts `关于我们区…` is not one.
fn site_link() -> String {
    format!(
        r"(?:^|[\s|｜丨/·]){PAD}{}{PAD}(?:$|[\s|｜丨/·:：])",
        alternation(SITE_LINKS)
    )
}

/// Marks no notice text carries (case-insensitive: `COPYRIGHT`).
fn footer_mark() -> String {
    format!("(?i:{})", alternation(FOOTER_MARKS))
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
        // An empty attachment widget (`附件:` with nothing after it on the line); a real
        // attachment list names its files on the same line or in the lines that follow.
        format!(r"^{PAD}附件{PAD}[:：]{PAD}$"),
        // Pagination of a split article.
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
    line.chars().count() <= MAX_PAGE_CHROME_CHARS && is_match(&PAGE_CHROME, line)
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
    line.trim().chars().count() <= MAX_FOOTER_CHARS && is_match(&FOOTER_CHROME, line)
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
