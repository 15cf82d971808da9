//! Stated counts: `巡视反馈的40个具体问题，已经完成整改36个`, `制定的193条整改措施，已完成186条`,
//! `立案15件，党纪政务处分15人`, `召开专题会议11次`, `整改建章立制5项`.
//!
//! Every number followed by a counting unit (个 项 条 件 人 名 次 份 宗 起 场 人次) is a
//! candidate. Its *topic* (problems, measures, clues, …) comes from the noun right after it
//! (`40个具体问题`), else from the nearest keyword before it in its clause (`问题16个`,
//! `召开专题会议11次`), else from the previous figure of the same sentence with the same unit
//! (`已完成186条` after `193条整改措施`). Its *stage* (stated, completed, in progress) comes from
//! the verbs of its clause (`已办结`, `正在整改`). Numbers with no topic are not figures: notices
//! are full of counts of projects, companies and yuan that nobody compares.
//!
//! Labels (stable, snake_case; documented in docs/dataset.md):
//! `problems_found`, `problems_rectified`, `problems_in_progress`, `problems_subdivided`,
//! `problem_categories`, `measures_planned`, `measures_completed`, `measures_in_progress`,
//! `rules_built`, `clues_received`, `clues_closed`, `clues_in_progress`, `cases_filed`,
//! `people_disciplined`, `people_organizationally_handled`, `people_held_accountable`,
//! `people_handled`, `petitions_received`, `petitions_closed`, `petitions_in_progress`,
//! `meetings_held`.

use crate::parse::scan;

use super::text::{self, is_clause_end};
use crate::model::{Block, BlockKind, Figure, Span};
use crate::vocab::numeral;

/// Counting units, in the order they are tried (`人次` before `人`). The list is closed on
/// purpose: `亿元`, `家`, `栋` are never the counts this pass is for.
const UNITS: &[&str] = &[
    "人次", "个", "项", "条", "件", "人", "名", "次", "份", "宗", "起", "场",
];

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// `[〇零一二两三四五六七八九十百千万]`.
fn is_cn_numeral(c: char) -> bool {
    matches!(
        c,
        '〇' | '零'
            | '一'
            | '二'
            | '两'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
            | '万'
    )
}

/// A number and its counting unit at `at`: the regex
/// `([0-9０-９]+|[〇零一二两三四五六七八九十百千万]+)\s*(人次|个|…|场)` anchored there. Neither
/// white space nor a unit is a numeral, so each numeral run is taken whole (a hand-written
/// scanner: the pattern cost 1.3 M instructions to compile in every process).
fn count_at(t: &str, at: usize) -> Option<(usize, [(usize, usize); 2])> {
    let first = t.get(at..)?.chars().next()?;
    let num_end = if is_digit(first) {
        scan::run_end(t, at, is_digit)
    } else if is_cn_numeral(first) {
        scan::run_end(t, at, is_cn_numeral)
    } else {
        return None;
    };
    let unit_at = scan::skip_ws(t, num_end);
    let end = scan::after_word(t, unit_at, UNITS)?;
    Some((end, [(at, num_end), (unit_at, end)]))
}

/// Every count in `t`, as the regex's `captures_iter` found them: (start, end, [number, unit]).
fn counts(t: &str) -> impl Iterator<Item = (usize, usize, [(usize, usize); 2])> + '_ {
    scan::matches(t, |c| is_digit(c) || is_cn_numeral(c), count_at)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Topic {
    Problems,
    Categories,
    Measures,
    Rules,
    Clues,
    Petitions,
    Meetings,
    Cases,
    Disciplined,
    OrgHandled,
    Accountable,
    Handled,
}

/// Keywords naming each topic. At equal positions the longer keyword wins (`问题线索` over `问题`).
const KEYWORDS: &[(&str, Topic)] = &[
    ("问题线索", Topic::Clues),
    ("线索", Topic::Clues),
    ("信访件", Topic::Petitions),
    ("信访举报", Topic::Petitions),
    ("信访", Topic::Petitions),
    ("整改措施", Topic::Measures),
    ("整改任务", Topic::Measures),
    ("措施", Topic::Measures),
    ("举措", Topic::Measures),
    ("建章立制", Topic::Rules),
    ("制度", Topic::Rules),
    ("规章", Topic::Rules),
    ("长效机制", Topic::Rules),
    ("专题会议", Topic::Meetings),
    ("专题会", Topic::Meetings),
    ("会议", Topic::Meetings),
    ("专题研究", Topic::Meetings),
    ("研究部署", Topic::Meetings),
    ("方面", Topic::Categories),
    ("具体问题", Topic::Problems),
    ("问题", Topic::Problems),
    ("事项", Topic::Problems),
    ("立案", Topic::Cases),
    ("党纪政务处分", Topic::Disciplined),
    ("处分", Topic::Disciplined),
    ("组织处理", Topic::OrgHandled),
    ("问责", Topic::Accountable),
    ("处理", Topic::Handled),
];

/// How far after the unit the naming noun may start, in chars.
const AFTER_WINDOW: usize = 12;

/// How far (bytes) a count's clause is read on each side: enough for the verbs and nouns that
/// label it, short enough to keep a block without punctuation linear.
const CLAUSE_WINDOW: usize = 240;

/// Most figures kept per document: real notices state a few dozen; the bound keeps output
/// small on adversarial input.
const MAX_FIGURES: usize = 10_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Stated,
    Completed,
    InProgress,
    Subdivided,
}

const IN_PROGRESS: &[&str] = &[
    "正在",
    "持续整改",
    "推进中",
    "未完成",
    "尚未",
    "办理中",
    "阶段性成效",
    "继续推进",
    "整改中",
];
const COMPLETED: &[&str] = &["完成", "完毕", "办结", "到位", "已整改", "销号", "整改了"];

/// Every figure in `blocks`, in document order.
pub(super) fn figures(blocks: &[Block]) -> Vec<Figure> {
    let mut out = Vec::new();
    for (index, block) in blocks.iter().enumerate() {
        if matches!(block.kind, BlockKind::MetaField | BlockKind::Table) {
            continue;
        }
        if out.len() >= MAX_FIGURES {
            break;
        }
        let index = u32::try_from(index).unwrap_or(u32::MAX);
        block_figures(&block.text, index, &mut out);
    }
    out
}

fn block_figures(t: &str, index: u32, out: &mut Vec<Figure>) {
    // Problems counted outside any inspection (an audit's, a campaign's) are not this notice's
    // problems; a block must speak of the inspection or its feedback to count problems.
    let inspection_context =
        t.contains("巡视") || t.contains("巡察") || (t.contains("反馈") && !t.contains("审计"));
    // The topic and unit of the previous figure in the current sentence.
    let mut carried: Option<(usize, Topic, String)> = None;
    let mut cursor = text::CharCursor::new(t);
    let mut quotes = Quotes::default();
    for (all_start, all_end, [num, unit]) in counts(t) {
        if out.len() >= MAX_FIGURES {
            return;
        }
        let num = t.get(num.0..num.1).unwrap_or("");
        let unit = t.get(unit.0..unit.1).unwrap_or("");
        quotes.advance(t, all_start);
        let sentence_start = quotes.sentence_start;
        if carried.as_ref().is_some_and(|c| c.0 != sentence_start) {
            carried = None;
        }
        if quotes.inside()
            || skipped(t, all_start, all_end, num)
            || compound(unit, t.get(all_end..).unwrap_or(""))
        {
            continue;
        }
        let Some(value) = numeral::number(&num.split_whitespace().collect::<String>()) else {
            continue;
        };
        let (clause_start, clause_end) =
            text::bounds_within(t, all_start, all_end, is_clause_end, CLAUSE_WINDOW);
        let before = t.get(clause_start..all_start).unwrap_or("");
        let after_full = t.get(all_end..clause_end).unwrap_or("");
        let after: String = after_full
            .chars()
            .take_while(|c| !c.is_ascii_digit() && !('０'..='９').contains(c) && *c != '、')
            .take(AFTER_WINDOW)
            .collect();
        let topic = first_keyword(&after)
            .or_else(|| last_keyword(before))
            .or_else(|| carried.as_ref().filter(|c| c.2 == unit).map(|c| c.1))
            // `巡察反馈的问题中，已完成整改20个`: the noun sits in an earlier clause.
            .or_else(|| {
                let mut lo = clause_start
                    .saturating_sub(CLAUSE_WINDOW)
                    .max(sentence_start);
                while lo < clause_start && !t.is_char_boundary(lo) {
                    lo += 1;
                }
                t.get(lo..clause_start).and_then(last_keyword)
            });
        let Some(topic) = topic else { continue };
        if topic == Topic::Problems && !inspection_context {
            continue;
        }
        carried = Some((sentence_start, topic, unit.to_string()));
        // `查出仍沿用…的规章制度2个` counts rules found outdated, not rules built.
        if topic == Topic::Rules && ["沿用", "查出", "发现"].iter().any(|w| before.contains(w))
        {
            continue;
        }
        // The stage reads the clause up to the next number, not the next number's verbs.
        // When another count follows in the clause (`12个问题已完成整改10个`), the verbs after
        // this one are that count's.
        let next_count = after_full
            .chars()
            .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
        let stage = stage(before, if next_count { "" } else { after.as_str() });
        let Some(label) = label(topic, stage, unit) else {
            continue;
        };
        out.push(Figure {
            label: label.to_string(),
            value: value as f64,
            unit: Some(unit.to_string()),
            sentence: text::sentence(t, all_start, all_end),
            block: index,
            span: Span {
                start: cursor.at(all_start),
                end: cursor.at(all_end),
            },
        });
    }
}

/// Numbers that are not counts: ordinals (`第三`), frequencies (`每月一次`), the rhetorical
/// `一个`/`一项`, slogans in quotes (`“两个维护”`), book titles, `八项规定`, durations
/// (`三个月`), parts of decimals or longer digit runs.
fn skipped(t: &str, start: usize, end: usize, num: &str) -> bool {
    let before: Vec<char> = t.get(..start).unwrap_or("").chars().rev().take(4).collect();
    if before
        .first()
        .is_some_and(|&c| c == '第' || c == '.' || c == '．' || c.is_ascii_digit())
    {
        return true;
    }
    if before.contains(&'每') {
        return true;
    }
    if num == "一" {
        return true;
    }
    let after = t.get(end..).unwrap_or("");
    if ["月", "年", "小时", "天", "多月", "百分点", "规定", "方针"]
        .iter()
        .any(|w| after.starts_with(w))
    {
        return true;
    }
    false
}

/// A unit that is really the first character of a noun: `两项目` (two projects), `条例`, `条件`,
/// `名单`, `人员`.
fn compound(unit: &str, after: &str) -> bool {
    let Some(next) = after.chars().next() else {
        return false;
    };
    let word: String = unit.chars().chain(std::iter::once(next)).collect();
    [
        "项目", "条例", "条款", "条件", "名单", "名额", "个人", "人员", "次数", "份额", "件事",
    ]
    .contains(&word.as_str())
}

/// Open quotes and book-title marks before a position, and where the current sentence
/// started, tracked incrementally (one pass over the block however many counts it holds).
#[derive(Default)]
struct Quotes {
    scanned: usize,
    depth: [i64; 3],
    sentence_start: usize,
}

impl Quotes {
    const PAIRS: [(char, char); 3] = [('“', '”'), ('《', '》'), ('「', '」')];

    fn advance(&mut self, t: &str, to: usize) {
        let base = self.scanned;
        for (i, c) in t.get(base..to).unwrap_or("").char_indices() {
            if text::is_sentence_end(c) {
                self.sentence_start = base + i + c.len_utf8();
            }
            for (k, (open, close)) in Self::PAIRS.iter().enumerate() {
                if let Some(d) = self.depth.get_mut(k) {
                    if c == *open {
                        *d += 1;
                    } else if c == *close {
                        *d -= 1;
                    }
                }
            }
        }
        self.scanned = self.scanned.max(to);
    }

    fn inside(&self) -> bool {
        self.depth.iter().any(|&d| d > 0)
    }
}

/// True for a char that opens some keyword of [`KEYWORDS`] (the test
/// `keyword_ends_are_listed` keeps this in step with the list).
fn opens_keyword(c: char) -> bool {
    matches!(
        c,
        '问' | '线'
            | '信'
            | '整'
            | '措'
            | '举'
            | '建'
            | '制'
            | '规'
            | '长'
            | '专'
            | '会'
            | '研'
            | '方'
            | '具'
            | '事'
            | '立'
            | '党'
            | '处'
            | '组'
    )
}

/// True for a char that closes some keyword of [`KEYWORDS`].
fn closes_keyword(c: char) -> bool {
    matches!(
        c,
        '索' | '件'
            | '报'
            | '访'
            | '施'
            | '措'
            | '务'
            | '制'
            | '度'
            | '章'
            | '会'
            | '议'
            | '究'
            | '署'
            | '面'
            | '题'
            | '项'
            | '案'
            | '分'
            | '理'
            | '责'
    )
}

/// The topic whose keyword starts earliest in `s` (longest keyword at a tie).
fn first_keyword(s: &str) -> Option<Topic> {
    // One pass from the front: the first offset where a keyword starts, the longest there
    // (the same answer as the earliest `find` of every keyword, without 28 searchers); only
    // offsets whose char opens a keyword are tried.
    s.char_indices().find_map(|(i, c)| {
        if !opens_keyword(c) {
            return None;
        }
        let rest = s.get(i..)?;
        KEYWORDS
            .iter()
            .filter(|(k, _)| rest.starts_with(k))
            .max_by_key(|(k, _)| k.len())
            .map(|&(_, t)| t)
    })
}

/// The topic whose keyword ends latest in `s` (longest keyword at a tie).
fn last_keyword(s: &str) -> Option<Topic> {
    // One pass from the back: the last offset where a keyword ends, the longest there; only
    // ends after a char that closes a keyword are tried.
    std::iter::once(s.len())
        .chain(s.char_indices().rev().map(|(i, _)| i))
        .find_map(|end| {
            let head = s.get(..end)?;
            if !head.chars().next_back().is_some_and(closes_keyword) {
                return None;
            }
            KEYWORDS
                .iter()
                .filter(|(k, _)| head.ends_with(k))
                .max_by_key(|(k, _)| k.len())
                .map(|&(_, t)| t)
        })
}

fn stage(before: &str, after: &str) -> Stage {
    if before.contains("细化") || before.contains("分解") {
        return Stage::Subdivided;
    }
    let any = |words: &[&str]| {
        words
            .iter()
            .any(|w| before.contains(w) || after.contains(w))
    };
    if any(IN_PROGRESS) {
        Stage::InProgress
    } else if any(COMPLETED) {
        Stage::Completed
    } else {
        Stage::Stated
    }
}

fn label(topic: Topic, stage: Stage, unit: &str) -> Option<&'static str> {
    let people = matches!(unit, "人" | "名" | "人次");
    // Problems are counted in 个/项/条/件/宗/起, never in people or times.
    if topic == Topic::Problems && !matches!(unit, "个" | "项" | "条" | "件" | "宗" | "起") {
        return None;
    }
    Some(match (topic, stage) {
        (Topic::Problems, Stage::Stated) => "problems_found",
        (Topic::Problems, Stage::Completed) => "problems_rectified",
        (Topic::Problems, Stage::InProgress) => "problems_in_progress",
        (Topic::Problems, Stage::Subdivided) => "problems_subdivided",
        (Topic::Categories, _) if unit == "个" => "problem_categories",
        (Topic::Measures, Stage::Completed) => "measures_completed",
        (Topic::Measures, Stage::InProgress) => "measures_in_progress",
        (Topic::Measures, _) => "measures_planned",
        (Topic::Rules, _) if !people && unit != "次" => "rules_built",
        (Topic::Clues, Stage::Completed) => "clues_closed",
        (Topic::Clues, Stage::InProgress) => "clues_in_progress",
        (Topic::Clues, _) if !people => "clues_received",
        (Topic::Petitions, Stage::Completed) => "petitions_closed",
        (Topic::Petitions, Stage::InProgress) => "petitions_in_progress",
        (Topic::Petitions, _) if !people => "petitions_received",
        (Topic::Meetings, _) if matches!(unit, "次" | "场") => "meetings_held",
        (Topic::Cases, _) if matches!(unit, "件" | "起" | "宗" | "个" | "人" | "名") => {
            "cases_filed"
        }
        (Topic::Disciplined, _) if people => "people_disciplined",
        (Topic::OrgHandled, _) if people => "people_organizationally_handled",
        (Topic::Accountable, _) if people => "people_held_accountable",
        (Topic::Handled, _) if people => "people_handled",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    mod same_as_regex {
        use super::super::*;
        use crate::parse::scan::lazy_regex;

        lazy_regex! {
            static COUNT = r"([0-9０-９]+|[〇零一二两三四五六七八九十百千万]+)\s*(人次|个|项|条|件|人|名|次|份|宗|起|场)";
        }

        fn first_by_find(s: &str) -> Option<Topic> {
            KEYWORDS
                .iter()
                .filter_map(|(k, t)| s.find(k).map(|p| (p, std::cmp::Reverse(k.len()), *t)))
                .min_by_key(|&(p, len, _)| (p, len))
                .map(|(_, _, t)| t)
        }

        fn last_by_rfind(s: &str) -> Option<Topic> {
            KEYWORDS
                .iter()
                .filter_map(|(k, t)| s.rfind(k).map(|p| (p + k.len(), k.len(), *t)))
                .max_by_key(|&(end, len, _)| (end, len))
                .map(|(_, _, t)| t)
        }

        /// The count scanner finds what the count regex found; the one-pass keyword scans
        /// answer as the per-keyword `find`/`rfind` did.
        #[test]
        fn keyword_ends_are_listed() {
            for (k, _) in KEYWORDS {
                let (Some(first), Some(last)) = (k.chars().next(), k.chars().next_back()) else {
                    panic!("empty keyword");
                };
                assert!(opens_keyword(first), "{k}: {first}");
                assert!(closes_keyword(last), "{k}: {last}");
            }
        }

        #[test]
        fn agrees_with_the_regex_and_the_searches() {
            let mut lines = crate::testutil::shared_lines();
            for extra in [
                "12个问题已完成整改10个",
                "40 个具体问题",
                "１２３人次",
                "三十五 项",
                "一千两百万元，3十个",
                "2023年 5人",
                "问题线索12件",
                "线索问题",
                "处理处分",
                "",
            ] {
                lines.push(extra.to_string());
            }
            let Some(re) = COUNT.as_ref() else {
                panic!("count regex")
            };
            let mut found = 0;
            for line in &lines {
                type Count = (usize, usize, [(usize, usize); 2]);
                let want: Vec<Count> = re
                    .captures_iter(line)
                    .filter_map(|c| {
                        let (a, n, u) = (c.get(0)?, c.get(1)?, c.get(2)?);
                        Some((
                            a.start(),
                            a.end(),
                            [(n.start(), n.end()), (u.start(), u.end())],
                        ))
                    })
                    .collect();
                assert_eq!(counts(line).collect::<Vec<_>>(), want, "{line:?}");
                found += want.len();
                assert_eq!(first_keyword(line), first_by_find(line), "{line:?}");
                assert_eq!(last_keyword(line), last_by_rfind(line), "{line:?}");
            }
            assert!(found > 20, "only {found} counts");
        }
    }

    fn labels(text: &str) -> Vec<(String, f64)> {
        let mut out = Vec::new();
        block_figures(text, 0, &mut out);
        out.into_iter().map(|f| (f.label, f.value)).collect()
    }

    fn l(items: &[(&str, f64)]) -> Vec<(String, f64)> {
        items.iter().map(|(a, b)| (a.to_string(), *b)).collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[(&str, f64)])] = &[
            (
                "巡察组反馈，指出我单位存在的问题16个。截至6月24日，已整改完毕事项16个，整改建章立制5项。",
                &[("problems_found", 16.0), ("problems_rectified", 16.0), ("rules_built", 5.0)],
            ),
            (
                "针对巡察反馈的三个方面12个问题，党工委细化分解成41项具体问题，先后11次专题研究部署巡察整改工作。",
                &[
                    ("problem_categories", 3.0),
                    ("problems_found", 12.0),
                    ("problems_subdivided", 41.0),
                    ("meetings_held", 11.0),
                ],
            ),
            ("截至目前，单位针对巡察反馈问题已制定、完善制度16份。", &[("rules_built", 16.0)]),
            (
                "各派驻组主动发现问题线索21件、立案11件，同比分别增加61.5%。",
                &[("clues_received", 21.0), ("cases_filed", 11.0)],
            ),
            ("共查处违反中央八项规定精神问题71个、处理128人。", &[("people_handled", 128.0)]),
            ("坚决做到“两个维护”，增强“四个意识”，做到整改一个问题。", &[]),
            ("每月开展一次通报，三个月来新签约项目79个。", &[]),
            ("问责区管干部11人次。", &[("people_held_accountable", 11.0)]),
            ("查出仍沿用旧名称的规章制度2个。", &[]),
            ("②对“假协议”等问题的整改情况：巡察报告指出的两项目分别为考核项目。", &[]),
            (
                "巡察反馈的问题中，已完成整改20个，正在整改3个。",
                &[("problems_rectified", 20.0), ("problems_in_progress", 3.0)],
            ),
            (
                "细化整改任务86项；给予党纪政务处分3人，组织处理5人，立案审查调查4人。",
                &[
                    ("measures_planned", 86.0),
                    ("people_disciplined", 3.0),
                    ("people_organizationally_handled", 5.0),
                    ("cases_filed", 4.0),
                ],
            ),
            (
                "巡察反馈的12个问题已完成整改10个。",
                &[("problems_found", 12.0), ("problems_rectified", 10.0)],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(labels(text), l(want), "{text}");
        }
    }

    #[test]
    fn hostile_blocks_are_capped() {
        let block = "巡察反馈问题1个，".repeat(30_000);
        let blocks = vec![Block::paragraph(block)];
        assert_eq!(figures(&blocks).len(), MAX_FIGURES);
        let no_punctuation = vec![Block::paragraph(format!("{}问题3个", "字".repeat(200_000)))];
        assert_eq!(figures(&no_punctuation).len(), 0, "no inspection context");
    }

    #[test]
    fn spans_are_char_offsets() {
        let t = "  目前，巡视反馈的40个具体问题";
        let mut out = Vec::new();
        block_figures(t, 7, &mut out);
        let f = &out[0];
        let got: String = t
            .chars()
            .skip(f.span.start as usize)
            .take((f.span.end - f.span.start) as usize)
            .collect();
        assert_eq!(got, "40个");
        assert_eq!(f.block, 7);
        assert_eq!(f.sentence, "目前，巡视反馈的40个具体问题");
    }
}
