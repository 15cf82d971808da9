//! The labels of the metadata gov sites print around a notice (索引号, 发布机构, 成文日期 …), the
//! [`Meta`](crate::model::Meta) field each one names, how they are padded (`索 引 号`,
//! `标　　题`), how to split a line of `label：value` pairs, and how to split a keyword list.
//!
//! Asked by the HTML reader (which turns the 政府信息公开 table and labelled lines into
//! `meta_field` blocks) and by the parser's metadata pass (which does the same for text input and
//! maps labels to fields). It knows labels, not notices.

use std::sync::LazyLock;

use super::chrome;

/// The [`Meta`](crate::model::Meta) field a metadata label fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Field {
    /// 索引号.
    IndexNumber,
    /// 分类, 主题分类 ….
    Category,
    /// 发布机构, 发文机关.
    Issuer,
    /// 成文日期.
    WrittenDate,
    /// 发布日期, 更新时间 ….
    PublishedDate,
    /// 标题, 名称.
    Title,
    /// 文号, 发文字号.
    DocNumber,
    /// 主题词 (a term list).
    SubjectTerms,
    /// 关键词 (a term list).
    Keywords,
    /// 来源, 信息来源.
    SourceSite,
    /// 作者.
    Author,
}

/// Labels of metadata fields, de-padded, with the field each fills (`None`: a label with no
/// field of its own, kept in `meta.extra`). Longer labels that end with a shorter one
/// (`发布日期` / `日期`) need no care: the label regex tries the longest first.
pub(crate) const FIELD_LABELS: &[(&str, Option<Field>)] = &[
    ("索引号", Some(Field::IndexNumber)),
    ("主题分类", Some(Field::Category)),
    ("信息分类", Some(Field::Category)),
    ("体裁分类", Some(Field::Category)),
    ("组配分类", Some(Field::Category)),
    ("服务对象分类", Some(Field::Category)),
    ("分类", Some(Field::Category)),
    ("发布机构", Some(Field::Issuer)),
    ("发文机关", Some(Field::Issuer)),
    ("发文单位", Some(Field::Issuer)),
    ("成文日期", Some(Field::WrittenDate)),
    ("生成日期", Some(Field::WrittenDate)),
    ("发布日期", Some(Field::PublishedDate)),
    ("发布时间", Some(Field::PublishedDate)),
    ("更新时间", Some(Field::PublishedDate)),
    ("更新日期", Some(Field::PublishedDate)),
    ("日期", Some(Field::PublishedDate)),
    ("信息名称", Some(Field::Title)),
    ("名称", Some(Field::Title)),
    ("标题", Some(Field::Title)),
    ("发文字号", Some(Field::DocNumber)),
    ("文号", Some(Field::DocNumber)),
    ("主题词", Some(Field::SubjectTerms)),
    ("关键词", Some(Field::Keywords)),
    ("信息来源", Some(Field::SourceSite)),
    ("文章来源", Some(Field::SourceSite)),
    ("来源", Some(Field::SourceSite)),
    ("作者", Some(Field::Author)),
    ("有效性", None),
    ("时效性", None),
    ("公开方式", None),
    ("公开范围", None),
    ("公开时限", None),
    ("责任部门", None),
    ("内容概述", None),
    ("废止日期", None),
    ("实施日期", None),
];

/// The field a (de-padded) label fills; `None` for labels without one and unknown labels.
pub(crate) fn field_of(label: &str) -> Option<Field> {
    FIELD_LABELS
        .iter()
        .find(|(l, _)| *l == label)
        .and_then(|&(_, field)| field)
}

/// Editor credits that sit in metadata lines (`责任编辑：某某`, people.com.cn's
/// `（责编：某某、某某）`); like the counters and the font-size switch of [`chrome`], their
/// values are chrome and are dropped.
const EDITOR_LABELS: &[&str] = &["责任编辑", "编辑", "责编"];

/// Labels whose values are chrome: counters (`浏览次数：-`), the font-size switch, editors.
fn chrome_labels() -> impl Iterator<Item = &'static &'static str> {
    chrome::COUNTERS
        .iter()
        .chain(chrome::FONT_SIZE_LABELS)
        .chain(EDITOR_LABELS)
}

/// True when `label` (de-padded) is a counter or widget whose value is chrome.
pub(crate) fn is_chrome_label(label: &str) -> bool {
    chrome_labels().any(|l| *l == label)
}

/// Whitespace that pads labels: ASCII, NBSP, U+3000 and the other Unicode spaces.
fn is_pad(c: char) -> bool {
    c.is_whitespace() || c == '\u{00A0}' || c == '\u{3000}'
}

/// A label with its padding and trailing colon removed: `索 引 号：` → `索引号`,
/// `标　　题:` → `标题`, `【来源】` → `来源`.
pub(crate) fn depad(label: &str) -> String {
    label
        .chars()
        .filter(|&c| !is_pad(c))
        .collect::<String>()
        .trim_end_matches([':', '：'])
        .trim_matches(['【', '】', '[', ']'])
        .to_string()
}

/// True when `label` (de-padded) names a metadata field.
pub(crate) fn is_field_label(label: &str) -> bool {
    FIELD_LABELS.iter().any(|(l, _)| *l == label)
}

/// Every label, longest first (a stable sort, so equal lengths keep table order): at one
/// position the first that matches wins, which keeps `发布日期` from being read as `日期`.
static LABELS_LONGEST_FIRST: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut labels: Vec<&'static str> = FIELD_LABELS
        .iter()
        .map(|(label, _)| *label)
        .chain(chrome_labels().copied())
        .collect();
    labels.sort_by_key(|l| std::cmp::Reverse(l.chars().count()));
    labels
});

/// The first characters of the labels, sorted: a position starting with none is skipped.
static FIRST_CHARS: LazyLock<Vec<char>> = LazyLock::new(|| {
    let mut chars: Vec<char> = LABELS_LONGEST_FIRST
        .iter()
        .filter_map(|l| l.chars().next())
        .collect();
    chars.sort_unstable();
    chars.dedup();
    chars
});

/// Byte end of `label` at the start of `rest`, padding allowed between its characters and
/// before the colon that must follow it (`索 引 号：`, `标　　题:`).
fn padded_label_end(rest: &str, label: &str) -> Option<usize> {
    let mut chars = rest.char_indices().peekable();
    for (i, want) in label.chars().enumerate() {
        if i > 0 {
            while chars.next_if(|&(_, c)| is_pad(c)).is_some() {}
        }
        chars.next_if(|&(_, c)| c == want)?;
    }
    while chars.next_if(|&(_, c)| is_pad(c)).is_some() {}
    let (at, colon) = chars.next_if(|&(_, c)| c == ':' || c == '：')?;
    Some(at + colon.len_utf8())
}

/// Byte ranges of the `label：` runs of `line`, left to right, non-overlapping (what a regex
/// alternation of padded labels followed by a colon would find, without compiling one).
fn find_labels(line: &str) -> Vec<(usize, usize)> {
    let labels = &*LABELS_LONGEST_FIRST;
    let mut found = Vec::new();
    let mut at = 0;
    'scan: while let Some(rest) = line.get(at..) {
        for (offset, c) in rest.char_indices() {
            if FIRST_CHARS.binary_search(&c).is_err() {
                continue;
            }
            let start = at + offset;
            let tail = line.get(start..).unwrap_or_default();
            if let Some(len) = labels.iter().find_map(|l| padded_label_end(tail, l)) {
                found.push((start, start + len));
                at = start + len;
                continue 'scan;
            }
        }
        break;
    }
    found
}

/// A `label：value` pair found in a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Pair {
    /// The de-padded label.
    pub key: String,
    /// The value, trimmed; may be empty (`文号：`).
    pub value: String,
    /// A counter or widget label whose value is chrome (`浏览次数`).
    pub chrome: bool,
}

/// Split a line made of `label：value` pairs (`来源:南粤清风网  日期:2021-11-23 10:00:00`,
/// `更新时间:2023-03-02浏览次数:来源:…作者:… 字体[ 大 中 小 ]`) into pairs.
///
/// Returns `None` unless the line starts with a known label and a colon and holds no `。`
/// (a body sentence that happens to start with `来源：` is not metadata).
pub(crate) fn split_labelled_line(line: &str) -> Option<Vec<Pair>> {
    let line = line.trim_matches(is_pad);
    // A credit line in brackets (`（责编：某某）`) is read as the line inside them.
    let line = line
        .strip_prefix(['（', '('])
        .and_then(|l| l.strip_suffix(['）', ')']))
        .map_or(line, |l| l.trim_matches(is_pad));
    // Every label ends in a colon: without one there is nothing to find, and the (large)
    // labels are not even scanned for.
    if line.contains('。') || !line.contains([':', '：']) || line.chars().count() > 300 {
        return None;
    }
    let matches = find_labels(line);
    if matches.first()?.0 != 0 {
        return None;
    }
    let mut pairs = Vec::with_capacity(matches.len());
    for (i, &(start, label_end)) in matches.iter().enumerate() {
        let end = matches.get(i + 1).map_or(line.len(), |next| next.0);
        let raw_value = line.get(label_end..end).unwrap_or_default();
        let key = depad(line.get(start..label_end).unwrap_or_default());
        let chrome = is_chrome_label(&key);
        pairs.push(Pair {
            value: clean_value(raw_value),
            chrome,
            key,
        });
    }
    Some(pairs)
}

/// Most rows a 政府信息公开 table has; a longer table is data.
const MAX_META_ROWS: usize = 12;

/// Label/value pairs of a metadata table (`索引号 | … | 分类 | …`), rows of cell texts, when
/// most label cells (even columns) are metadata labels. When a value cell is a label word too,
/// the label cells must carry colons: a data table's header row `序号 | 名称 | 文号 | 日期` is
/// not metadata, `分　　类： | 主题分类` is. Asked by the HTML reader and by the parser (a
/// DOCX or PDF table above the title).
pub(crate) fn label_value_pairs(rows: &[Vec<&str>]) -> Option<Vec<(String, String)>> {
    if rows.len() > MAX_META_ROWS {
        return None;
    }
    let mut pairs = Vec::new();
    let (mut known, mut colons, mut value_is_label) = (0usize, 0usize, false);
    for row in rows {
        for pair in row.chunks(2) {
            let raw_label = pair.first().copied().unwrap_or_default();
            let label = depad(raw_label);
            let raw_value = pair.get(1).copied().unwrap_or_default();
            value_is_label |= is_field_label(&depad(raw_value));
            if label.is_empty() {
                continue;
            }
            known += usize::from(is_field_label(&label));
            colons += usize::from(raw_label.trim_end().ends_with([':', '：']));
            pairs.push((label, clean_value(raw_value)));
        }
    }
    let labelled = known >= 1 && known * 2 >= pairs.len();
    (labelled && (!value_is_label || colons * 2 >= pairs.len())).then_some(pairs)
}

/// A value with padding and trailing widget text removed.
pub(crate) fn clean_value(raw: &str) -> String {
    let trimmed = raw.trim_matches(is_pad);
    let cut = chrome::widget_tail_start(trimmed)
        .and_then(|at| trimmed.get(..at))
        .unwrap_or(trimmed);
    cut.trim_matches(is_pad).to_string()
}

/// Split a keyword list on the separators Chinese sites use: `职业教育 改革；方案`.
pub(crate) fn split_terms(s: &str) -> Vec<String> {
    s.split(|c: char| {
        c.is_whitespace() || matches!(c, ',' | '，' | ';' | '；' | '、' | '|' | '\u{3000}')
    })
    .map(str::trim)
    .filter(|t| !t.is_empty())
    .map(str::to_string)
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depads_labels() {
        let cases = [
            ("索 引 号：", "索引号"),
            ("标　　题:", "标题"),
            ("主 题 词：", "主题词"),
            ("发\u{00A0}布\u{00A0}机\u{00A0}构", "发布机构"),
            ("【来源】", "来源"),
            ("文号", "文号"),
        ];
        for (input, want) in cases {
            assert_eq!(depad(input), want, "{input:?}");
        }
    }

    fn pairs(line: &str) -> Option<Vec<(String, String, bool)>> {
        split_labelled_line(line)
            .map(|ps| ps.into_iter().map(|p| (p.key, p.value, p.chrome)).collect())
    }

    fn p(k: &str, v: &str, chrome: bool) -> (String, String, bool) {
        (k.to_string(), v.to_string(), chrome)
    }

    #[test]
    fn splits_labelled_lines() {
        assert_eq!(
            pairs("索引号: 12440114766117763P/2023-00029 分类: 主题分类"),
            Some(vec![
                p("索引号", "12440114766117763P/2023-00029", false),
                p("分类", "主题分类", false)
            ])
        );
        assert_eq!(
            pairs("来源:南粤清风网     日期:2021-11-23 10:00:00    "),
            Some(vec![
                p("来源", "南粤清风网", false),
                p("日期", "2021-11-23 10:00:00", false)
            ])
        );
        assert_eq!(
            pairs("更新时间:2023-03-02浏览次数:来源:株洲高新区董家塅片区作者:株洲高新区董家塅片区 字体[ 大 中 小 ]"),
            Some(vec![
                p("更新时间", "2023-03-02", false),
                p("浏览次数", "", true),
                p("来源", "株洲高新区董家塅片区", false),
                p("作者", "株洲高新区董家塅片区", false)
            ])
        );
        assert_eq!(
            pairs("发布日期：2023-07-14　浏览次数：-"),
            Some(vec![
                p("发布日期", "2023-07-14", false),
                p("浏览次数", "-", true)
            ])
        );
        assert_eq!(
            pairs("文号: 发布日期: 2023-07-14"),
            Some(vec![
                p("文号", "", false),
                p("发布日期", "2023-07-14", false)
            ])
        );
        assert_eq!(pairs("主题词:"), Some(vec![p("主题词", "", false)]));
        assert_eq!(
            pairs("索 引 号：000014349/2019-00005"),
            Some(vec![p("索引号", "000014349/2019-00005", false)])
        );
        // Not metadata lines.
        assert_eq!(pairs("根据省委统一部署，来源：省委。"), None);
        assert_eq!(pairs("来源：省委巡视组反馈的问题已整改。"), None);
        assert_eq!(pairs("所在位置:首页 > 信息公开"), None);
        assert_eq!(pairs("【打印】 【字体:    "), None);
        assert_eq!(pairs("中共广州市花都区委关于巡视整改进展情况的通报"), None);
    }

    #[test]
    fn field_labels() {
        assert_eq!(field_of("索引号"), Some(Field::IndexNumber));
        assert_eq!(field_of("主题分类"), Some(Field::Category));
        assert_eq!(field_of("发文字号"), Some(Field::DocNumber));
        assert_eq!(field_of("更新时间"), Some(Field::PublishedDate));
        assert_eq!(field_of("有效性"), None);
        assert_eq!(field_of("不是标签"), None);
        assert!(is_field_label("有效性") && is_field_label("日期"));
        assert!(!is_field_label("浏览次数") && !is_field_label("首页"));
    }

    #[test]
    fn chrome_labels_are_known() {
        for label in [
            "浏览次数",
            "浏览量",
            "点击数",
            "字体",
            "字号",
            "责任编辑",
            "编辑",
            "责编",
        ] {
            assert!(is_chrome_label(label), "{label}");
        }
        let credit = split_labelled_line("（责编：汤某、丁某）").expect("a credit line");
        assert!(credit.iter().all(|p| p.chrome && p.key == "责编"));
        assert!(split_labelled_line("（2020年1月2日通过）").is_none());
        assert!(!is_chrome_label("来源"));
    }

    #[test]
    fn cleans_values() {
        let cases = [
            ("　南粤清风网  ", "南粤清风网"),
            ("株洲高新区 字体[ 大 中 小 ]", "株洲高新区"),
            ("2023-07-14 【打印】【关闭】", "2023-07-14"),
            ("国务院", "国务院"),
        ];
        for (input, want) in cases {
            assert_eq!(clean_value(input), want, "{input:?}");
        }
    }

    #[test]
    fn splits_terms() {
        assert_eq!(
            split_terms("职业教育 改革；方案"),
            ["职业教育", "改革", "方案"]
        );
        assert_eq!(
            split_terms("巡察,整改、通报|纪检"),
            ["巡察", "整改", "通报", "纪检"]
        );
        assert!(split_terms(" ，；").is_empty());
    }

    mod same_as_regex {
        use super::super::{chrome_labels, find_labels, FIELD_LABELS};
        use crate::parse::scan::lazy_regex;

        lazy_regex! {
            static LABEL_RE = {
                let mut alternatives: Vec<String> = FIELD_LABELS
                    .iter()
                    .map(|(label, _)| label)
                    .chain(chrome_labels())
                    .map(|label| {
                        label
                            .chars()
                            .map(|c| regex::escape(&c.to_string()))
                            .collect::<Vec<_>>()
                            .join(r"[\s\u{3000}\u{00A0}]*")
                    })
                    .collect();
                alternatives.sort_by_key(|a| std::cmp::Reverse(a.chars().count()));
                format!(r"({})[\s\u{{3000}}\u{{00A0}}]*[:：]", alternatives.join("|"))
            };
        }

        /// The scanner finds the ranges the label regex it replaced found.
        #[test]
        fn agrees_with_the_regex() {
            let mut lines = crate::testutil::shared_lines();
            for extra in [
                "发布日期:2023-07-14  浏览次数:-",
                "索 引 号： 123 发\u{00A0}布\u{00A0}机\u{00A0}构 ：某局",
                "日期：发布日期：成文日期 :",
                "来源 来源:标　　题：",
            ] {
                lines.push(extra.to_string());
            }
            let Some(re) = LABEL_RE.as_ref() else {
                panic!("label regex");
            };
            let mut found = 0;
            for line in &lines {
                let want: Vec<(usize, usize)> =
                    re.find_iter(line).map(|m| (m.start(), m.end())).collect();
                let got = find_labels(line);
                found += got.len();
                assert_eq!(got, want, "{line}");
            }
            assert!(found > 20, "only {found} labels found");
        }
    }
}
