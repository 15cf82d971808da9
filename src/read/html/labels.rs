//! The labels of the metadata gov sites print around a notice (索引号, 发布机构, 成文日期 …), how
//! they are padded (`索 引 号`, `标　　题`), and how to split a line of `label：value` pairs.
//!
//! Shared by the HTML reader (which turns the 政府信息公开 table and labelled lines into
//! `meta_field` blocks) and the parser's metadata pass (which does the same for text input and
//! maps labels to [`Meta`](crate::model::Meta) fields). It lives with the reader because the
//! reader needs it first; it knows labels, not notices.

use std::sync::LazyLock;

use regex::Regex;

/// Labels of metadata fields, de-padded. Order matters only for the regex: longer labels that
/// end with a shorter one (`发布日期` / `日期`) must come first.
pub(crate) const FIELD_LABELS: &[&str] = &[
    "索引号",
    "主题分类",
    "信息分类",
    "体裁分类",
    "组配分类",
    "服务对象分类",
    "分类",
    "发布机构",
    "发文机关",
    "发文单位",
    "成文日期",
    "生成日期",
    "发布日期",
    "发布时间",
    "更新时间",
    "更新日期",
    "日期",
    "信息名称",
    "名称",
    "标题",
    "发文字号",
    "文号",
    "主题词",
    "关键词",
    "信息来源",
    "文章来源",
    "来源",
    "作者",
    "有效性",
    "时效性",
    "公开方式",
    "公开范围",
    "公开时限",
    "责任部门",
    "内容概述",
    "废止日期",
    "实施日期",
];

/// Labels of counters and widgets that sit in the same lines (`浏览次数：-`); their values are
/// chrome and are dropped.
pub(crate) const CHROME_LABELS: &[&str] = &[
    "浏览次数",
    "访问次数",
    "阅读次数",
    "点击数",
    "点击量",
    "访问量",
    "字体",
    "字号",
    "责任编辑",
    "编辑",
];

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
    FIELD_LABELS.contains(&label)
}

/// One label (padding allowed between its characters) followed by a colon.
static LABEL_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let alternatives: Vec<String> = FIELD_LABELS
        .iter()
        .chain(CHROME_LABELS)
        .map(|label| {
            label
                .chars()
                .map(|c| regex::escape(&c.to_string()))
                .collect::<Vec<_>>()
                .join(r"[\s\u{3000}\u{00A0}]*")
        })
        .collect();
    // Sorting longest-first keeps `发布日期` from being read as `日期` (leftmost-first semantics).
    let mut alternatives = alternatives;
    alternatives.sort_by_key(|a| std::cmp::Reverse(a.chars().count()));
    Regex::new(&format!(
        r"({})[\s\u{{3000}}\u{{00A0}}]*[:：]",
        alternatives.join("|")
    ))
    .ok()
});

/// Trailing widget text in a value: `字体[ 大 中 小 ]`, `【打印】`, `【关闭】`.
static TRAILING_CHROME_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"[\s\u{3000}\u{00A0}]*(字体|字号)?[\s\u{3000}\u{00A0}:：]*[\[【［(（][\s\u{3000}\u{00A0}]*大[\s\u{3000}\u{00A0}]*中[\s\u{3000}\u{00A0}]*小[\s\u{3000}\u{00A0}]*[\]】］)）]?.*$|[\s\u{3000}\u{00A0}]*【[^】]*】.*$",
    )
    .ok()
});

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
    // Every label ends in a colon: without one there is nothing to find, and the (large)
    // label regex is not even compiled — PDF and DOCX notices rarely need it at all.
    if line.contains('。') || !line.contains([':', '：']) || line.chars().count() > 300 {
        return None;
    }
    let re = LABEL_RE.as_ref()?;
    let matches: Vec<regex::Match<'_>> = re.find_iter(line).collect();
    let first = matches.first()?;
    if first.start() != 0 {
        return None;
    }
    let mut pairs = Vec::with_capacity(matches.len());
    for (i, m) in matches.iter().enumerate() {
        let end = matches.get(i + 1).map_or(line.len(), |next| next.start());
        let raw_value = line.get(m.end()..end).unwrap_or_default();
        let key = depad(m.as_str());
        let chrome = CHROME_LABELS.contains(&key.as_str());
        pairs.push(Pair {
            value: clean_value(raw_value),
            chrome,
            key,
        });
    }
    Some(pairs)
}

/// A value with padding and trailing widget text removed.
pub(crate) fn clean_value(raw: &str) -> String {
    let trimmed = raw.trim_matches(is_pad);
    let cut = TRAILING_CHROME_RE
        .as_ref()
        .and_then(|re| re.find(trimmed))
        .map_or(trimmed, |m| trimmed.get(..m.start()).unwrap_or(trimmed));
    cut.trim_matches(is_pad).to_string()
}

/// An ISO `YYYY-MM-DD` from `2023-07-14`, `2023-07-14 10:00:00`, `2023年7月14日`, `2023/07/14`,
/// `2023.7.14`; `None` when the text does not start with such a date or the date is impossible.
///
/// Deliberately small: metadata values are machine-written dates; the parser's own date module
/// handles the prose forms (Chinese numerals, missing years).
pub(crate) fn iso_date(text: &str) -> Option<String> {
    static DATE_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?").ok()
    });
    let caps = DATE_RE.as_ref()?.captures(text)?;
    let year: u32 = caps.get(1)?.as_str().parse().ok()?;
    let month: u32 = caps.get(2)?.as_str().parse().ok()?;
    let day: u32 = caps.get(3)?.as_str().parse().ok()?;
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if !(1900..=2999).contains(&year) || day == 0 || day > days {
        return None;
    }
    Some(format!("{year:04}-{month:02}-{day:02}"))
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
    fn iso_dates() {
        let cases = [
            ("2023-07-14", Some("2023-07-14")),
            ("2021-11-23 10:00:00", Some("2021-11-23")),
            ("2023年7月14日", Some("2023-07-14")),
            ("2019年01月24日", Some("2019-01-24")),
            ("2023/07/14", Some("2023-07-14")),
            ("2024.9.3", Some("2024-09-03")),
            ("2023-02-30", None),
            ("2024-02-29", Some("2024-02-29")),
            ("2023-13-01", None),
            ("-", None),
            ("七月", None),
        ];
        for (input, want) in cases {
            assert_eq!(iso_date(input).as_deref(), want, "{input:?}");
        }
    }
}
