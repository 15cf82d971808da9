//! Dates as notices write them, found in running text and turned into ISO `YYYY-MM-DD`.
//!
//! Forms: `2023年7月14日`, `2022 年 6 月 30 日`, `二〇二二年六月三十日`, `2023-07-14`,
//! `2023/7/14`, `2023.07.14`, and `7月3日` with no year (the caller supplies the year of the
//! nearest preceding full date and warns). Full-width digits are accepted. Impossible dates
//! (`2023年2月30日`, month 13) are not dates.
//!
//! The one date parser: the parser's passes find dates in prose with it, and metadata values
//! (`发布日期：2023-07-14 10:00:00`, `<meta name="PubDate">`) become ISO through [`iso_date`].

use crate::parse::scan;

use super::numeral;

/// A date found in text. Offsets are byte offsets into the searched string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DateMatch {
    /// The year, when written.
    pub year: Option<u32>,
    /// Month 1–12.
    pub month: u32,
    /// Day 1–31, when written.
    pub day: Option<u32>,
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
}

impl DateMatch {
    /// ISO form, using `default_year` when the date has none. `None` without any year or day.
    pub(crate) fn iso(&self, default_year: Option<u32>) -> Option<String> {
        let year = self.year.or(default_year)?;
        Some(iso(year, self.month, self.day?))
    }
}

/// `YYYY-MM-DD`.
pub(crate) fn iso(year: u32, month: u32, day: u32) -> String {
    format!("{year:04}-{month:02}-{day:02}")
}

/// `[0-9０-９]`.
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// `[〇○零一二三四五六七八九]`: the digits of a Chinese year.
fn is_cn_year(c: char) -> bool {
    matches!(
        c,
        '〇' | '○' | '零' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九'
    )
}

/// `[〇○零一二三四五六七八九十]`: the digits of a Chinese month or day.
fn is_cn(c: char) -> bool {
    c == '十' || is_cn_year(c)
}

/// A Chinese-form date matched at one offset: byte ranges of the year, month and day digits.
struct ChineseForm {
    year: Option<(usize, usize)>,
    month: (usize, usize),
    day: Option<(usize, usize)>,
}

/// The regex
/// `(?:([0-9０-９]{4}|[〇○零一二三四五六七八九]{4})\s*年\s*)?([0-9０-９]{1,2}|[〇…十]{1,2})\s*月(?:\s*([0-9０-９]{1,2}|[〇…十]{1,3})\s*[日号])?`
/// anchored at `at`, alternatives tried in the regex's order (a hand-written scanner: the
/// pattern cost ~1.5 M instructions to compile, in every process that met a `月`).
fn chinese_at(t: &str, at: usize) -> Option<(usize, ChineseForm)> {
    let year_classes: [fn(char) -> bool; 2] = [is_digit, is_cn_year];
    for class in year_classes {
        for year_end in scan::repeat_ends(t, at, class, 4, 4) {
            let Some(p) = scan::after_char(t, scan::skip_ws(t, year_end), '年') else {
                continue;
            };
            if let Some((end, month, day)) = month_day(t, scan::skip_ws(t, p)) {
                let year = Some((at, year_end));
                return Some((end, ChineseForm { year, month, day }));
            }
        }
    }
    let (end, month, day) = month_day(t, at)?;
    Some((
        end,
        ChineseForm {
            year: None,
            month,
            day,
        },
    ))
}

/// A digit class and its longest repeat.
type Class = (fn(char) -> bool, usize);

type MonthDay = (usize, (usize, usize), Option<(usize, usize)>);

/// `(month)\s*月(?:\s*(day)\s*[日号])?` at `at`: the match end, the month and day ranges.
fn month_day(t: &str, at: usize) -> Option<MonthDay> {
    let month_classes: [Class; 2] = [(is_digit, 2), (is_cn, 2)];
    for (class, max) in month_classes {
        for month_end in scan::repeat_ends(t, at, class, 1, max) {
            let Some(after_month) = scan::after_char(t, scan::skip_ws(t, month_end), '月') else {
                continue;
            };
            // The optional day: once `月` matched, the date matches with or without it.
            let day_at = scan::skip_ws(t, after_month);
            let day_classes: [Class; 2] = [(is_digit, 2), (is_cn, 3)];
            for (class, max) in day_classes {
                for day_end in scan::repeat_ends(t, day_at, class, 1, max) {
                    let r = scan::skip_ws(t, day_end);
                    if let Some(end) =
                        scan::after_char(t, r, '日').or_else(|| scan::after_char(t, r, '号'))
                    {
                        return Some((end, (at, month_end), Some((day_at, day_end))));
                    }
                }
            }
            return Some((after_month, (at, month_end), None));
        }
    }
    None
}

/// A date separator `[-/.－／．]`.
fn is_separator(c: char) -> bool {
    matches!(c, '-' | '/' | '.' | '－' | '／' | '．')
}

/// A numeric-form date matched at one offset: byte ranges of year, first separator, month,
/// second separator, day.
type NumericForm = [(usize, usize); 5];

/// The regex `([0-9０-９]{4})\s*([-/.－／．])\s*([0-9０-９]{1,2})\s*([-/.－／．])\s*([0-9０-９]{1,2})`
/// anchored at `at`, tried in the regex's order.
fn numeric_at(t: &str, at: usize) -> Option<(usize, NumericForm)> {
    let separator = |p: usize| {
        let c = t.get(p..)?.chars().next().filter(|&c| is_separator(c))?;
        Some((p, p + c.len_utf8()))
    };
    for year_end in scan::repeat_ends(t, at, is_digit, 4, 4) {
        let Some(sep1) = separator(scan::skip_ws(t, year_end)) else {
            continue;
        };
        let month_at = scan::skip_ws(t, sep1.1);
        for month_end in scan::repeat_ends(t, month_at, is_digit, 1, 2) {
            let Some(sep2) = separator(scan::skip_ws(t, month_end)) else {
                continue;
            };
            let day_at = scan::skip_ws(t, sep2.1);
            if let Some(day_end) = scan::repeat_ends(t, day_at, is_digit, 1, 2).next() {
                let caps = [
                    (at, year_end),
                    sep1,
                    (month_at, month_end),
                    sep2,
                    (day_at, day_end),
                ];
                return Some((day_end, caps));
            }
        }
    }
    None
}

/// Every date in `text`, in order of appearance.
pub(crate) fn find_dates(text: &str) -> Vec<DateMatch> {
    let mut out: Vec<DateMatch> = Vec::new();
    let part = |r: (usize, usize)| text.get(r.0..r.1).unwrap_or("");
    // `月` is in every Chinese-form date; digits start every date.
    if text.contains('月') {
        let may_start = |c: char| is_digit(c) || is_cn(c);
        for (start, end, m) in scan::matches(text, may_start, chinese_at) {
            if !digit_boundaries(text, start, end) {
                continue;
            }
            let year = m.year.and_then(|r| numeral::number(part(r)));
            let month = numeral::number(part(m.month));
            let day = m.day.and_then(|r| numeral::number(part(r)));
            // A month with neither year nor day (`3月份`, `一月`) is too weak to be a date.
            if year.is_none() && day.is_none() {
                continue;
            }
            if let Some(d) = build(year, month, day, start, end) {
                out.push(d);
            }
        }
    }
    if text.contains(is_separator) {
        for (start, end, caps) in scan::matches(text, is_digit, numeric_at) {
            let [year, sep1, month, sep2, day] = caps.map(part);
            let same_sep = sep1 == sep2;
            if !same_sep || !digit_boundaries(text, start, end) {
                continue;
            }
            let num = numeral::number;
            if let Some(d) = build(num(year), num(month), num(day), start, end) {
                if !out.iter().any(|o| o.start < d.end && d.start < o.end) {
                    out.push(d);
                }
            }
        }
    }
    out.sort_by_key(|d| d.start);
    out
}

/// The date that makes up all of `text` (trimmed), if it is one.
pub(crate) fn parse_date(text: &str) -> Option<DateMatch> {
    let trimmed = text.trim();
    let offset = text.len() - text.trim_start().len();
    let d = find_dates(trimmed).into_iter().next()?;
    (d.start == 0 && d.end == trimmed.len()).then_some(DateMatch {
        start: d.start + offset,
        end: d.end + offset,
        ..d
    })
}

/// The first full date in `text` as ISO, wherever it is.
#[cfg(test)]
fn first_iso(text: &str) -> Option<String> {
    find_dates(text).into_iter().find_map(|d| d.iso(None))
}

/// An ISO `YYYY-MM-DD` from a metadata value that starts with a full date: `2023-07-14`,
/// `2021-11-23 10:00:00`, `2023年7月14日`, `2023/07/14`, `2024.9.3`. `None` when the value does
/// not start with a date that has a year and a day (`-`, `不详`, `七月`).
pub(crate) fn iso_date(text: &str) -> Option<String> {
    let trimmed = text.trim_start();
    find_dates(trimmed)
        .into_iter()
        .next()
        .filter(|d| d.start == 0)?
        .iso(None)
}

/// True for a Gregorian leap year.
pub(crate) fn is_leap_year(year: u32) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// Days in `month` (1–12) of `year`; with no year, February has 29 (`2月29日` may be valid).
pub(crate) fn days_in_month(year: Option<u32>, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year.is_none_or(is_leap_year) => 29,
        2 => 28,
        _ => 0,
    }
}

fn build(
    year: Option<u64>,
    month: Option<u64>,
    day: Option<u64>,
    start: usize,
    end: usize,
) -> Option<DateMatch> {
    let month = u32::try_from(month?)
        .ok()
        .filter(|m| (1..=12).contains(m))?;
    let day = match day {
        Some(d) => Some(u32::try_from(d).ok().filter(|d| (1..=31).contains(d))?),
        None => None,
    };
    let year = match year {
        Some(y) => Some(
            u32::try_from(y)
                .ok()
                .filter(|y| (1900..=2199).contains(y))?,
        ),
        None => None,
    };
    if day.is_some_and(|d| d > days_in_month(year, month)) {
        return None;
    }
    Some(DateMatch {
        year,
        month,
        day,
        start,
        end,
    })
}

/// The match must not be part of a longer run of digits (phone numbers, serials).
fn digit_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).and_then(|s| s.chars().next_back());
    let after = text.get(end..).and_then(|s| s.chars().next());
    let is_digit =
        |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    !is_digit(before) && !is_digit(after)
}

#[cfg(test)]
mod tests {
    use super::*;

    mod same_as_regex {
        use super::super::*;
        use crate::parse::scan::lazy_regex;

        const DIGIT: &str = "[0-9０-９]";
        const CN: &str = "[〇○零一二三四五六七八九十]";

        lazy_regex! {
            static CHINESE_FORM = format!(
                r"(?:({DIGIT}{{4}}|[〇○零一二三四五六七八九]{{4}})\s*年\s*)?({DIGIT}{{1,2}}|{CN}{{1,2}})\s*月(?:\s*({DIGIT}{{1,2}}|{CN}{{1,3}})\s*[日号])?"
            );
            static NUMERIC_FORM = format!(
                r"({DIGIT}{{4}})\s*([-/.－／．])\s*({DIGIT}{{1,2}})\s*([-/.－／．])\s*({DIGIT}{{1,2}})"
            );
        }

        type Found = Vec<(usize, usize, Vec<Option<(usize, usize)>>)>;

        fn by_regex(re: &regex::Regex, text: &str) -> Found {
            re.captures_iter(text)
                .filter_map(|c| {
                    let all = c.get(0)?;
                    let groups = (1..c.len())
                        .map(|i| c.get(i).map(|m| (m.start(), m.end())))
                        .collect();
                    Some((all.start(), all.end(), groups))
                })
                .collect()
        }

        /// The date scanners find what the two date regexes found, group for group.
        #[test]
        fn agrees_with_the_regexes() {
            let mut lines = crate::testutil::shared_lines();
            for extra in [
                "2023年7月14日",
                "2022 年 6 月 30 日至 7 月 3 号",
                "二〇二二年六月三十日",
                "二〇二二年十二月三十一日",
                "12345年6月7日",
                "2023年13月",
                "2023年 月",
                "年7月",
                "三月份",
                "十二月三十一",
                "7月 123日",
                "7月十一十日",
                "○○○○年一月一日",
                "２０２３年７月１４日",
                "2023-07-14",
                "2023 / 7 / 14",
                "2023.07.14.5",
                "12023-1-123",
                "2023-1-2-3",
                "2023－07／14",
                "2023-123-4",
                "2023-1 2-3",
                "电话 2023-12-1234",
                "",
                "月",
            ] {
                lines.push(extra.to_string());
            }
            let (Some(cn), Some(num)) = (CHINESE_FORM.as_ref(), NUMERIC_FORM.as_ref()) else {
                panic!("date regexes");
            };
            let mut found = 0;
            for line in &lines {
                let want = by_regex(cn, line);
                let got: Found = scan::matches(line, |_| true, chinese_at)
                    .map(|(s, e, m)| (s, e, vec![m.year, Some(m.month), m.day]))
                    .collect();
                assert_eq!(got, want, "chinese {line:?}");
                let want = by_regex(num, line);
                let got: Found = scan::matches(line, |_| true, numeric_at)
                    .map(|(s, e, caps)| (s, e, caps.iter().map(|&r| Some(r)).collect()))
                    .collect();
                assert_eq!(got, want, "numeric {line:?}");
                found += want.len();
            }
            assert!(found > 0);
        }
    }

    fn isos(text: &str) -> Vec<Option<String>> {
        find_dates(text).iter().map(|d| d.iso(None)).collect()
    }

    #[test]
    fn forms() {
        let cases: [(&str, &str); 9] = [
            ("2023年7月14日", "2023-07-14"),
            ("2022 年 6 月 30 日", "2022-06-30"),
            ("二〇二二年六月三十日", "2022-06-30"),
            ("二○○八年十月一日", "2008-10-01"),
            ("2023-07-14", "2023-07-14"),
            ("2023/7/4", "2023-07-04"),
            ("2021-11-23 10:00:00", "2021-11-23"),
            ("２０２４年９月３日", "2024-09-03"),
            ("2024.09.10", "2024-09-10"),
        ];
        for (text, want) in cases {
            assert_eq!(first_iso(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn ranges_and_missing_years() {
        let text = "2020年10月13日至12月13日，省委第三巡视组…2021年1月26日";
        let found = find_dates(text);
        assert_eq!(found.len(), 3);
        assert_eq!(found[1].year, None);
        assert_eq!(found[1].iso(Some(2020)).as_deref(), Some("2020-12-13"));
        assert_eq!(&text[found[0].start..found[0].end], "2020年10月13日");
        assert_eq!(isos("6月7日，巡察组")[0], None, "no year, no default");
    }

    #[test]
    fn not_dates() {
        assert!(find_dates("电话0371-86199800").is_empty());
        assert!(find_dates("2023年13月1日").is_empty());
        assert!(find_dates("3月份").is_empty());
        assert!(find_dates("版本1.2.3").is_empty());
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
            (" 2023-07-14T10:00:00+08:00", Some("2023-07-14")),
            ("2023-02-30", None),
            ("2024-02-29", Some("2024-02-29")),
            ("2023-13-01", None),
            ("2023年7月", None),
            ("发布于2023-07-14", None),
            ("-", None),
            ("七月", None),
        ];
        for (input, want) in cases {
            assert_eq!(iso_date(input).as_deref(), want, "{input:?}");
        }
    }

    #[test]
    fn leap_years_and_month_lengths() {
        assert!(is_leap_year(2024) && is_leap_year(2000));
        assert!(!is_leap_year(2023) && !is_leap_year(1900));
        assert_eq!(days_in_month(Some(2023), 2), 28);
        assert_eq!(days_in_month(Some(2024), 2), 29);
        assert_eq!(days_in_month(None, 2), 29);
        assert_eq!(days_in_month(Some(2023), 4), 30);
        assert_eq!(days_in_month(Some(2023), 13), 0);
        assert!(find_dates("2023年2月29日").is_empty());
        assert!(find_dates("二〇二三年四月三十一日").is_empty());
        assert_eq!(first_iso("2024年2月29日").as_deref(), Some("2024-02-29"));
    }

    #[test]
    fn whole_string() {
        assert!(parse_date(" 2023年7月14日 ").is_some());
        assert!(parse_date("2023年7月14日印发").is_none());
        let d = parse_date("2022年4月").unwrap();
        assert_eq!((d.year, d.month, d.day), (Some(2022), 4, None));
    }
}
