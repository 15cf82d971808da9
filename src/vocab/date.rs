//! Dates as notices write them, found in running text and turned into ISO `YYYY-MM-DD`.
//!
//! Forms: `2023年7月14日`, `2022 年 6 月 30 日`, `二〇二二年六月三十日`, `2023-07-14`,
//! `2023/7/14`, `2023.07.14`, and `7月3日` with no year (the caller supplies the year of the
//! nearest preceding full date and warns). Full-width digits are accepted. Impossible dates
//! (`2023年2月30日`, month 13) are not dates.
//!
//! The one date parser: the parser's passes find dates in prose with it, and metadata values
//! (`发布日期：2023-07-14 10:00:00`, `<meta name="PubDate">`) become ISO through [`iso_date`].

use crate::parse::scan::lazy_regex;

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

const DIGIT: &str = "[0-9０-９]";
const CN: &str = "[〇○零一二三四五六七八九十]";

lazy_regex! {
    static CHINESE_FORM = {
    let pattern = format!(
        r"(?:({DIGIT}{{4}}|[〇○零一二三四五六七八九]{{4}})\s*年\s*)?({DIGIT}{{1,2}}|{CN}{{1,2}})\s*月(?:\s*({DIGIT}{{1,2}}|{CN}{{1,3}})\s*[日号])?"
    );
    pattern
};
    static NUMERIC_FORM = {
    let pattern = format!(
        r"({DIGIT}{{4}})\s*([-/.－／．])\s*({DIGIT}{{1,2}})\s*([-/.－／．])\s*({DIGIT}{{1,2}})"
    );
    pattern
};
}

/// Every date in `text`, in order of appearance.
pub(crate) fn find_dates(text: &str) -> Vec<DateMatch> {
    let mut out: Vec<DateMatch> = Vec::new();
    // Literal prefilters (`月`; a separator and an ASCII or full-width digit) keep each
    // pattern uncompiled, and unsearched, for text that cannot hold it.
    if let Some(re) = crate::parse::scan::when(text.contains('月'), &CHINESE_FORM) {
        for caps in re.captures_iter(text) {
            let (Some(all), Some(month)) = (caps.get(0), caps.get(2)) else {
                continue;
            };
            if !digit_boundaries(text, all.start(), all.end()) {
                continue;
            }
            let year = caps.get(1).and_then(|m| numeral::number(m.as_str()));
            let month = numeral::number(month.as_str());
            let day = caps.get(3).and_then(|m| numeral::number(m.as_str()));
            // A month with neither year nor day (`3月份`, `一月`) is too weak to be a date.
            if year.is_none() && day.is_none() {
                continue;
            }
            if let Some(d) = build(year, month, day, all.start(), all.end()) {
                out.push(d);
            }
        }
    }
    let may_be_numeric = text.contains(['-', '/', '.', '－', '／', '．'])
        && text.contains(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c));
    if let Some(re) = crate::parse::scan::when(may_be_numeric, &NUMERIC_FORM) {
        for caps in re.captures_iter(text) {
            let Some(all) = caps.get(0) else { continue };
            let same_sep = caps.get(2).map(|m| m.as_str()) == caps.get(4).map(|m| m.as_str());
            if !same_sep || !digit_boundaries(text, all.start(), all.end()) {
                continue;
            }
            let num = |i| caps.get(i).and_then(|m| numeral::number(m.as_str()));
            if let Some(d) = build(num(1), num(3), num(5), all.start(), all.end()) {
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
