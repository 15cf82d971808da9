//! Pass: facts of inspection (巡视/巡察) notices.
//!
//! Resolves who inspected whom and when (from the opening sentence: `2020年10月13日至12月13日，
//! 省委第三巡视组对广州市花都区进行了巡视。2021年1月26日，省委巡视组向花都区委反馈了巡视意见`),
//! the report date (the signature), every stated count ([`figures`]) and the list of problems
//! answered ([`problems`], from the heading tree). A document that names no inspection group and
//! has no inspection title is not an inspection notice: the pass returns `None`.
//!
//! The text may or may not be normalized yet, so every pattern accepts ASCII and full-width
//! punctuation and spaced digits (`2022 年 6 月 30 日`).

use crate::parse::scan::{self, lazy_regex};

use crate::model::{Block, BlockKind, Document, InspectionKind, Inspector, Notice, Period};
use crate::vocab::date::{self, DateMatch};
use crate::vocab::numeral;

mod figures;
mod problems;
mod target;
mod text;

/// How many blocks from the start are searched for the opening sentence. Real notices state
/// it in the first paragraph after the title and the site chrome; the bound keeps the pass
/// linear on huge inputs.
const OPENING_SEARCH: usize = 40;

/// How many blocks from the end are searched for the closing date when no signature was parsed.
const CLOSING_SEARCH: usize = 12;

/// Longest block (bytes) joined to a wrapped opening sentence.
const MAX_CONTINUATION: usize = 2000;

/// Longest block (bytes) that can be a date-only closing line (`二〇二二年六月三十日` plus spaces).
const MAX_DATE_LINE: usize = 120;

/// The notice facts of `doc`, or `None` when it is not an inspection notice.
pub(crate) fn notice(doc: &Document) -> Option<Notice> {
    let title = doc_title(doc);
    let opening = opening(&doc.blocks);
    let title_says = title
        .as_deref()
        .is_some_and(|t| t.contains("巡视") || t.contains("巡察"));
    if opening.is_none() && !title_says {
        return None;
    }
    let mut notice = Notice::default();
    let sentence = opening.as_ref().map(|o| o.text.as_str()).unwrap_or("");
    notice.kind = kind(title.as_deref().unwrap_or(""), sentence);
    if let Some(o) = &opening {
        notice.inspector = inspector(&o.text);
        notice.target = target(&o.text);
        notice.period = period(&o.text);
        let year = notice
            .period
            .as_ref()
            .and_then(|p| p.end.as_deref().or(p.start.as_deref()))
            .and_then(|iso| iso.get(..4))
            .and_then(|y| y.parse::<u32>().ok());
        notice.feedback_date = feedback_date(&o.text, year);
    }
    notice.report_date = report_date(doc);
    notice.figures = figures::figures(&doc.blocks);
    notice.problems = problems::problems(doc);
    Some(notice)
}

/// The title from the metadata, else the first title block.
fn doc_title(doc: &Document) -> Option<String> {
    if let Some(t) = &doc.meta.title {
        return Some(t.clone());
    }
    doc.blocks
        .iter()
        .find(|b| b.kind == BlockKind::Title)
        .map(|b| b.text.clone())
}

/// The opening paragraph: the first block (within [`OPENING_SEARCH`]) that names an inspection
/// group, joined with the next block when the sentence was wrapped across blocks.
struct Opening {
    text: String,
}

fn opening(blocks: &[Block]) -> Option<Opening> {
    let limit = blocks.len().min(OPENING_SEARCH);
    let window = blocks.get(..limit)?;
    // A group named in passing (`省委第三巡视组指出…`) is not the opening: that sentence also
    // dates the inspection or names whom it inspected.
    let pos = window.iter().position(|b| {
        b.kind != BlockKind::Heading
            && groups(&b.text).next().is_some()
            && (!date::find_dates(&b.text).is_empty() || target::find(&b.text).is_some())
    })?;
    let mut text = window.get(pos)?.text.trim().to_string();
    // A wrapped opening sentence (text read from PDF lines) continues in the next block; the
    // feedback clause is what usually falls over the edge.
    if !text.contains("反馈") {
        if let Some(next) = blocks.get(pos + 1) {
            if next.kind == BlockKind::Paragraph && next.text.len() <= MAX_CONTINUATION {
                text.push_str(next.text.trim());
            }
        }
    }
    Some(Opening { text })
}

/// The organs that send inspection groups, in the order they are tried.
const ORGANS: &[&str] = &[
    "中央",
    "省委",
    "自治区党委",
    "市委",
    "州委",
    "县委",
    "区委",
    "旗委",
    "盟委",
    "工委",
    "党委",
    "党组",
];

/// `[〇一二两三四五六七八九十百0-9０-９]`: the number of a group.
fn is_group_numeral(c: char) -> bool {
    matches!(
        c,
        '〇' | '一' | '二' | '两' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百'
    ) || c.is_ascii_digit()
        || ('０'..='９').contains(&c)
}

/// An inspection group found in text: byte ranges of the organ, of the optional
/// `第N` part (with its trailing spaces) and of the kind (`巡视`, `专项巡察`).
struct Group {
    organ: (usize, usize),
    number: Option<(usize, usize)>,
    kind: (usize, usize),
}

/// The inspection group at `at` (`省委第三巡视组`, `区委第六巡察组`, `中央第十二巡视组`,
/// `市委巡察组`): the regex
/// `(中央|省委|…|党组)(第\s*[〇一二两三四五六七八九十百0-9０-９]+\s*)?((?:专项)?巡[视察])组`
/// anchored there, as a hand-written scanner (the pattern cost ~1.5 M instructions to compile
/// in every process). The organs differ in their first two chars and none of the optional
/// parts can be skipped once its first char is there, so there is one way to match.
fn group_at(t: &str, at: usize) -> Option<(usize, Group)> {
    let organ_end = scan::after_word(t, at, ORGANS)?;
    let (number, kind_at) = match scan::after_char(t, organ_end, '第') {
        Some(p) => {
            let digits = scan::skip_ws(t, p);
            let digits_end = scan::run_end(t, digits, is_group_numeral);
            if digits_end == digits {
                return None;
            }
            let kind_at = scan::skip_ws(t, digits_end);
            (Some((organ_end, kind_at)), kind_at)
        }
        None => (None, organ_end),
    };
    let kind_end = scan::after_word(t, kind_at, &["专项巡视", "专项巡察", "巡视", "巡察"])?;
    let end = scan::after_char(t, kind_end, '组')?;
    let group = Group {
        organ: (at, organ_end),
        number,
        kind: (kind_at, kind_end),
    };
    Some((end, group))
}

/// Every inspection group in `t`, as the regex's `captures_iter` found them.
fn groups(t: &str) -> impl Iterator<Item = (usize, usize, Group)> + '_ {
    let may_start = |c: char| ORGANS.iter().any(|o| o.starts_with(c));
    scan::matches(t, may_start, group_at)
}

fn inspector(text: &str) -> Option<Inspector> {
    // Prefer a numbered group (`省委第三巡视组`) over a later bare mention (`省委巡视组`).
    let (start, end, g) = groups(text)
        .find(|(_, _, g)| g.number.is_some())
        .or_else(|| groups(text).next())?;
    let group: String = text.get(start..end)?.split_whitespace().collect();
    Some(Inspector {
        group,
        parent: text.get(g.organ.0..g.organ.1).map(str::to_string),
    })
}

fn kind(title: &str, opening: &str) -> InspectionKind {
    let both = format!("{title}\n{opening}");
    let name = match (both.find("巡视"), both.find("巡察")) {
        (Some(a), Some(b)) => {
            if a <= b {
                "巡视"
            } else {
                "巡察"
            }
        }
        (Some(_), None) => "巡视",
        (None, Some(_)) => "巡察",
        (None, None) => "",
    };
    // The name comes from the group when there is one: a 巡察 notice may mention 巡视 in its
    // title's organ name, never in the group.
    let name = groups(opening)
        .next()
        .and_then(|(_, _, g)| opening.get(g.kind.0..g.kind.1))
        .map(|kind| {
            if kind.ends_with('视') {
                "巡视"
            } else {
                "巡察"
            }
        })
        .unwrap_or(name);
    InspectionKind {
        name: name.to_string(),
        follow_up: both.contains("回头看"),
        special: both.contains("专项巡视") || both.contains("专项巡察"),
    }
}

lazy_regex! {
    /// `（以下简称：工业园党委）`, `(以下简称区空港委)`.
    static ALIAS = r"[（(]\s*以下简称[^）)]*[）)]";
}

fn target(text: &str) -> Option<String> {
    let raw = target::find(text)?;
    let cleaned = match crate::parse::scan::when(raw.contains("以下简称"), &ALIAS) {
        Some(re) => re.replace_all(raw, "").into_owned(),
        None => raw.to_string(),
    };
    let cleaned = cleaned
        .trim()
        .trim_end_matches(['，', ','])
        .trim()
        .to_string();
    (!cleaned.is_empty()).then_some(cleaned)
}

/// Range connectors between the two dates of a period.
fn is_range_connector(between: &str) -> bool {
    matches!(
        between.trim(),
        "至" | "到" | "—" | "–" | "-" | "－" | "~" | "～" | "——" | "至至"
    )
}

lazy_regex! {
    /// A month-only period end right after a date: `至5月`.
    static MONTH_END = r"^\s*(?:至|到|—|–|-|－|~|～)\s*(([0-9]{1,2}|[一二三四五六七八九十]{1,2})\s*月(?:份)?)(?:[^0-9０-９一二三四五六七八九十日号]|$)";
}

/// The on-site period: the first two dates joined by `至`, the end year inferred from the start
/// (and rolled over when the end falls earlier in the year, `12月1日至1月31日`). Month-only
/// ends (`2021年4月至5月`) stay `YYYY-MM`.
fn period(text: &str) -> Option<Period> {
    let dates = date::find_dates(text);
    let pair = dates.windows(2).find_map(|w| match w {
        [a, b] => {
            let between = text.get(a.end..b.start)?;
            is_range_connector(between).then_some((*a, *b))
        }
        _ => None,
    });
    // `2021年4月至5月`: a bare month is too weak for `find_dates`, but after a range connector
    // it is the end of the period.
    let (a, b) = match pair {
        Some(p) => p,
        None => dates.iter().find_map(|a| {
            let caps = MONTH_END.as_ref()?.captures(text.get(a.end..)?)?;
            let all = caps.get(1)?;
            let month = numeral::number(caps.get(2)?.as_str())
                .and_then(|m| u32::try_from(m).ok())
                .filter(|m| (1..=12).contains(m))?;
            let b = DateMatch {
                year: None,
                month,
                day: None,
                start: a.end,
                end: a.end + all.end(),
            };
            Some((*a, b))
        })?,
    };
    let start = partial_iso(&a, None);
    let end_year = b.year.or_else(|| {
        let y = a.year?;
        let rolls = (b.month, b.day.unwrap_or(1)) < (a.month, a.day.unwrap_or(1));
        Some(if rolls { y + 1 } else { y })
    });
    let end = partial_iso(&b, end_year);
    Some(Period {
        start,
        end,
        text: text.get(a.start..b.end)?.to_string(),
    })
}

/// The date of the clause that says the findings were handed over (`反馈`). A date without a
/// year takes the year of the period; a date without a day is kept as `YYYY-MM`.
fn feedback_date(text: &str, period_year: Option<u32>) -> Option<String> {
    let dates = date::find_dates(text);
    let mut last_year = period_year;
    let mut clause_start = 0usize;
    for (i, d) in dates.iter().enumerate() {
        if let Some(y) = d.year {
            last_year = Some(y);
        }
        // Skip both ends of the period range.
        let in_range = dates
            .get(i + 1)
            .and_then(|n| text.get(d.end..n.start))
            .is_some_and(is_range_connector)
            || i.checked_sub(1)
                .and_then(|p| dates.get(p))
                .and_then(|p| text.get(p.end..d.start))
                .is_some_and(is_range_connector);
        if in_range {
            continue;
        }
        // The clause holding the date runs to the next 。；; after it.
        let tail = text.get(d.end..).unwrap_or("");
        let clause_end = tail
            .find(['。', '；', ';'])
            .map_or(text.len(), |p| d.end + p);
        let clause = text
            .get(d.start.max(clause_start)..clause_end)
            .unwrap_or("");
        clause_start = clause_end;
        if clause.contains("反馈") {
            return partial_iso(d, last_year);
        }
    }
    None
}

/// ISO form of a date, keeping a month-only date as `YYYY-MM` rather than inventing a day.
fn partial_iso(d: &DateMatch, default_year: Option<u32>) -> Option<String> {
    let year = d.year.or(default_year)?;
    Some(match d.day {
        Some(day) => date::iso(year, d.month, day),
        None => format!("{year:04}-{:02}", d.month),
    })
}

/// The signature date, else the last block near the end that is nothing but a full date.
fn report_date(doc: &Document) -> Option<String> {
    if let Some(d) = doc.signature.as_ref().and_then(|s| s.date.clone()) {
        return Some(d);
    }
    doc.blocks
        .iter()
        .rev()
        .take(CLOSING_SEARCH)
        .filter(|b| b.text.trim().len() <= MAX_DATE_LINE)
        .find_map(|b| date::parse_date(&b.text).and_then(|d| d.iso(None)))
}

#[cfg(test)]
mod tests {
    use super::*;

    mod same_as_regex {
        use super::super::*;

        lazy_regex! {
            static GROUP = r"(中央|省委|自治区党委|市委|州委|县委|区委|旗委|盟委|工委|党委|党组)(第\s*[〇一二两三四五六七八九十百0-9０-９]+\s*)?((?:专项)?巡[视察])组";
        }

        /// The group scanner finds what the group regex found, group for group.
        #[test]
        fn agrees_with_the_regex() {
            let mut lines = crate::testutil::shared_lines();
            for extra in [
                "省委第三巡视组",
                "区委第 六 巡察组",
                "中央第十二巡视组和市委巡察组",
                "市委专项巡察组",
                "市委专项巡视",
                "县委第巡察组",
                "县委第三组",
                "自治区党委第１巡视组",
                "党组巡视组党委巡察组",
                "省委省委第二巡视组",
                "",
            ] {
                lines.push(extra.to_string());
            }
            let Some(re) = GROUP.as_ref() else {
                panic!("group regex")
            };
            type Found = Vec<(usize, usize, usize, Option<(usize, usize)>, (usize, usize))>;
            let mut found = 0;
            for line in &lines {
                let want: Found = re
                    .captures_iter(line)
                    .filter_map(|c| {
                        let (a, o, k) = (c.get(0)?, c.get(1)?, c.get(3)?);
                        assert_eq!(o.start(), a.start());
                        let n = c.get(2).map(|m| (m.start(), m.end()));
                        Some((a.start(), a.end(), o.end(), n, (k.start(), k.end())))
                    })
                    .collect();
                let got: Found = groups(line)
                    .map(|(s, e, g)| {
                        assert_eq!(g.organ.0, s);
                        (s, e, g.organ.1, g.number, g.kind)
                    })
                    .collect();
                assert_eq!(got, want, "{line:?}");
                found += want.len();
            }
            assert!(found > 5, "only {found} groups");
        }
    }

    fn doc(lines: &[&str]) -> Document {
        let mut d = Document::new();
        d.blocks = lines.iter().map(|l| Block::paragraph(*l)).collect();
        d
    }

    #[test]
    #[allow(clippy::type_complexity)]
    fn opening_sentence_facts() {
        // (text, group, parent, target, start, end, feedback)
        let cases: [(&str, &str, &str, &str, &str, &str, Option<&str>); 6] = [
            (
                "根据省委统一部署,2020年10月13日至12月13日,省委第三巡视组对广州市花都区进行了巡视。2021年1月26日,省委巡视组向花都区委反馈了巡视意见。",
                "省委第三巡视组", "省委", "广州市花都区", "2020-10-13", "2020-12-13", Some("2021-01-26"),
            ),
            (
                "按照区委的统一部署，2022年3月1日至4月30日，区委第四巡察组对株洲高新区董家塅片区党工委开展了巡察。6月7日，巡察组向株洲高新区董家塅片区党工委反馈了巡察意见",
                "区委第四巡察组", "区委", "株洲高新区董家塅片区党工委", "2022-03-01", "2022-04-30", Some("2022-06-07"),
            ),
            (
                "2021年12月6日至2021年12月31日，区委第三巡察组对中共某某委员会（以下简称：工业园党委）开展了巡察“回头看”。2022年4月，区委第三巡察组向工业园党委反馈了情况。",
                "区委第三巡察组", "区委", "中共某某委员会", "2021-12-06", "2021-12-31", Some("2022-04"),
            ),
            (
                "2020年12月1日至1月31日，市委第二巡察组对某局党组进行巡察。",
                "市委第二巡察组", "市委", "某局党组", "2020-12-01", "2021-01-31", None,
            ),
            (
                "2021年4月至5月，县委第一巡察组对某镇党委开展了为期两个月的巡察。7月3日，县委第一巡察组反馈了意见。",
                "县委第一巡察组", "县委", "某镇党委", "2021-04", "2021-05", Some("2021-07-03"),
            ),
            (
                "2023 年 7 月 7 日至 9 月 7 日，中央第十二巡视组对某省进行了常规巡视；10月28日，中央巡视组向某省委反馈了巡视意见。",
                "中央第十二巡视组", "中央", "某省", "2023-07-07", "2023-09-07", Some("2023-10-28"),
            ),
        ];
        for (text, group, parent, tgt, start, end, fb) in cases {
            let n = notice(&doc(&["通报", text])).unwrap();
            let insp = n.inspector.unwrap();
            assert_eq!(insp.group, group, "{text}");
            assert_eq!(insp.parent.as_deref(), Some(parent), "{text}");
            assert_eq!(n.target.as_deref(), Some(tgt), "{text}");
            let p = n.period.unwrap();
            assert!(text.contains(&p.text), "{text}");
            assert!(p.text.ends_with(['日', '月']), "{}", p.text);
            assert_eq!(p.start.as_deref(), Some(start), "{text}");
            assert_eq!(p.end.as_deref(), Some(end), "{text}");
            assert_eq!(n.feedback_date.as_deref(), fb, "{text}");
        }
    }

    #[test]
    fn kinds() {
        let k = kind(
            "关于巡察“回头看”整改情况的通报",
            "区委第三巡察组对某单位开展了巡察“回头看”",
        );
        assert_eq!(
            (k.name.as_str(), k.follow_up, k.special),
            ("巡察", true, false)
        );
        let k = kind("", "省委第一专项巡视组对某集团进行了专项巡视");
        assert_eq!(
            (k.name.as_str(), k.follow_up, k.special),
            ("巡视", false, true)
        );
        let k = kind("", "区委第六巡察组对区空港委党组进行巡察，成立专项检查小组");
        assert_eq!(
            (k.name.as_str(), k.follow_up, k.special),
            ("巡察", false, false)
        );
    }

    #[test]
    fn not_an_inspection_notice() {
        assert!(notice(&doc(&["关于做好春节期间安全生产工作的通知", "各单位："])).is_none());
        assert!(notice(&Document::new()).is_none());
    }

    #[test]
    fn report_date_from_closing_lines() {
        let d = doc(&[
            "区委第一巡察组对某单位进行了巡察。",
            "中共某某委员会",
            "2022 年 6 月 30 日",
            "附件：",
        ]);
        assert_eq!(
            notice(&d).unwrap().report_date.as_deref(),
            Some("2022-06-30")
        );
    }
}
