//! Pass: the heading hierarchy.
//!
//! Resolves which body lines are headings, their level and their number. Recognized numbering
//! styles: `一、`; `（一）`/`(一)`; `1.` `1、` `1．`; `（1）`/`(1)`; `①`; and prose headings
//! `第一方面问题，…` / `第一个方面问题，…`. A bare `8关于…` (a dropped `.`) is taken only where
//! the number is exactly the next one expected.
//!
//! **Levels come from nesting, not from a fixed table.** A stack holds the styles currently
//! open: a style already on the stack closes everything below it and takes that level; a new
//! style opens the next level down. So `一、` → `1.` nests `1.` at level 2, and a prose
//! `第一方面问题` between `二、` and `（一）` becomes level 2 with `（一）` at level 3.
//!
//! **Heading or numbered paragraph.** A numbered line is a heading when it is one short
//! phrase (≤ 120 chars, no sentence end before its last character). When it runs on
//! (`（一）提高政治站位，增强整改自觉。区委旗帜鲜明…`) the lead phrase up to the first `。`
//! (or up to a colon, in a long line: `①对“…”等问题的整改情况：一是…`) is the heading and
//! the rest becomes a paragraph with the same origin index; `origin.span` of both records the
//! split as char offsets into the original block text. A lead phrase over 100 chars, or a line
//! ending in `；`/`，`, is a numbered paragraph, not a heading.
//!
//! **Numbering check.** Within a parent numbers must run 1, 2, 3…; a style may also continue
//! its count from the previous parent (notices number `（一）…（三十二）` straight across
//! `第一个方面问题` groups). Anything else is a `numbering_gap` warning.

use std::collections::HashMap;

use super::divisions;
use super::items;
use super::scan::{self, char_len};
use crate::model::{Block, BlockKind, Code, Diagnostic, HeadingKind, Span};
use crate::vocab::numeral;

/// A numbering style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Style {
    /// `一、`
    CnComma,
    /// `（一）`
    ParenCn,
    /// `1.` `1、` `1．`
    Arabic,
    /// `（1）`
    ParenArabic,
    /// `①`
    Circled,
    /// `第一方面问题，`
    Prose,
    /// `第一编`
    Part,
    /// `第一章`
    Chapter,
    /// `第一节`
    SubChapter,
    /// `第一条`
    Article,
    /// `1` / `1.1` / `1.1.1` / `第7.9条`: the depth (number of components).
    Decimal(u8),
}

/// The number at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Numbering {
    /// Its style.
    pub style: Style,
    /// Its value.
    pub value: u64,
    /// The number as written (`（一）`, `1.`, `第一方面问题，`).
    pub marker: String,
    /// Byte offset where the heading text starts (after the marker and any spaces).
    pub text_start: usize,
    /// Only valid as the next expected number (`8关于…`, `8.2021年…`).
    pub loose: bool,
}

/// `[一二三四五六七八九十百零〇两]`: a Chinese heading numeral.
fn is_cn(c: char) -> bool {
    matches!(
        c,
        '一' | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '零'
            | '〇'
            | '两'
    )
}

/// A number matched at the start of a line: the end of the match and the range of its digits.
type Marker = (usize, (usize, usize));

// The anchored numbering patterns, scanned by hand (each regex cost 0.3–0.6 M instructions to
// compile, in every process; a differential test checks each against its pattern). Neither
// white space nor the marks that follow a number are digits, so a run of `+` digits is taken
// whole; `{1,3}` digits match only when the run has at most three.

/// `^\s*({CN}+)\s*、`.
fn cn_comma(t: &str) -> Option<Marker> {
    let at = scan::skip_ws(t, 0);
    let end = scan::run_end(t, at, is_cn);
    let after = scan::after_char(t, scan::skip_ws(t, end), '、')?;
    (end > at).then_some((after, (at, end)))
}

/// The end of `[（(]` at `at`.
fn open_paren(t: &str, at: usize) -> Option<usize> {
    scan::after_char(t, at, '（').or_else(|| scan::after_char(t, at, '('))
}

/// The end of `[）)]` at `at`.
fn close_paren(t: &str, at: usize) -> Option<usize> {
    scan::after_char(t, at, '）').or_else(|| scan::after_char(t, at, ')'))
}

/// One to three ASCII digits at `at` followed by a non-digit: the end of the run.
fn three_digits(t: &str, at: usize) -> Option<usize> {
    let end = scan::run_end(t, at, |c| c.is_ascii_digit());
    (1..=3).contains(&(end - at)).then_some(end)
}

/// `^\s*[（(]\s*({CN}+)\s*[）)]`.
fn paren_cn(t: &str) -> Option<Marker> {
    let at = scan::skip_ws(t, open_paren(t, scan::skip_ws(t, 0))?);
    let end = scan::run_end(t, at, is_cn);
    let after = close_paren(t, scan::skip_ws(t, end))?;
    (end > at).then_some((after, (at, end)))
}

/// `^\s*[（(]\s*([0-9]{1,3})\s*[）)]`.
fn paren_ar(t: &str) -> Option<Marker> {
    let at = scan::skip_ws(t, open_paren(t, scan::skip_ws(t, 0))?);
    let end = three_digits(t, at)?;
    let after = close_paren(t, scan::skip_ws(t, end))?;
    Some((after, (at, end)))
}

/// `^\s*([0-9]{1,3})\s*[.．、]`.
fn arabic(t: &str) -> Option<Marker> {
    let at = scan::skip_ws(t, 0);
    let end = three_digits(t, at)?;
    let sep = scan::skip_ws(t, end);
    let after = ['.', '．', '、']
        .into_iter()
        .find_map(|c| scan::after_char(t, sep, c))?;
    Some((after, (at, end)))
}

/// `^\s*([0-9]{1,3})`: the first three digits of a longer run too.
fn bare(t: &str) -> Option<Marker> {
    let at = scan::skip_ws(t, 0);
    let end = scan::repeat_ends(t, at, |c| c.is_ascii_digit(), 1, 3).next()?;
    Some((end, (at, end)))
}

/// `^\s*第({CN}+)个?(?:方面|部分)(?:问题)?\s*[，,：:、]?`.
fn prose(t: &str) -> Option<Marker> {
    let at = scan::after_char(t, scan::skip_ws(t, 0), '第')?;
    let end = scan::run_end(t, at, is_cn);
    if end == at {
        return None;
    }
    let p = scan::after_char(t, end, '个').unwrap_or(end);
    let p = scan::after_word(t, p, &["方面", "部分"])?;
    let p = scan::after_word(t, p, &["问题"]).unwrap_or(p);
    let p = scan::skip_ws(t, p);
    let after = ['，', ',', '：', ':', '、']
        .into_iter()
        .find_map(|c| scan::after_char(t, p, c))
        .unwrap_or(p);
    Some((after, (at, end)))
}

/// The numbering at the start of `text`, if any.
pub(crate) fn numbering(text: &str) -> Option<Numbering> {
    if let Some(n) = divisions::numbering(text) {
        return Some(n);
    }
    let make = |style, (end, digits): Marker, loose| -> Option<Numbering> {
        let value = numeral::number(text.get(digits.0..digits.1)?)?;
        let lead = text.len() - text.trim_start().len();
        let marker = text.get(lead..end)?.trim().to_string();
        let rest = text.get(end..)?;
        let text_start = end + (rest.len() - rest.trim_start().len());
        Some(Numbering {
            style,
            value,
            marker,
            text_start,
            loose,
        })
    };
    if let Some(m) = prose(text) {
        return make(Style::Prose, m, false);
    }
    if let Some(m) = cn_comma(text) {
        return make(Style::CnComma, m, false);
    }
    if let Some(m) = paren_cn(text) {
        return make(Style::ParenCn, m, false);
    }
    if let Some(m) = paren_ar(text) {
        return make(Style::ParenArabic, m, false);
    }
    if let Some(m) = arabic(text) {
        // `8.2021年…` reads as a heading only where 8 is expected; `1.5亿元` is a number.
        let loose = text
            .get(m.0..)
            .and_then(|r| r.chars().next())
            .is_some_and(|c| c.is_ascii_digit());
        return make(Style::Arabic, m, loose);
    }
    let trimmed = text.trim_start();
    let first = trimmed.chars().next()?;
    if let Some(value) = numeral::circled(first) {
        let lead = text.len() - trimmed.len();
        let end = lead + first.len_utf8();
        let rest = text.get(end..)?;
        return Some(Numbering {
            style: Style::Circled,
            value,
            marker: first.to_string(),
            text_start: end + (rest.len() - rest.trim_start().len()),
            loose: false,
        });
    }
    if let Some(m) = bare(text) {
        let next = text.get(m.0..).and_then(|r| r.chars().next());
        if next.is_some_and(|c| scan::is_han(c) || matches!(c, '“' | '"' | '《')) {
            return make(Style::Arabic, m, true);
        }
    }
    None
}

/// How a numbered line splits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// The whole line is the heading.
    Whole,
    /// The heading is the first `n` bytes of the text; the rest is a paragraph.
    RunIn(usize),
    /// A numbered paragraph, not a heading.
    Paragraph,
}

/// Decide the shape of the text after the number.
pub(crate) fn shape(rest: &str) -> Shape {
    let rest = rest.trim_end();
    let chars: Vec<(usize, char)> = rest.char_indices().collect();
    let n = chars.len();
    if n == 0 {
        return Shape::Paragraph;
    }
    let end = chars.iter().position(|&(_, c)| scan::is_sentence_end(c));
    let colon = chars.iter().position(|&(_, c)| scan::is_colon(c));
    let byte_after = |i: usize| chars.get(i + 1).map_or(rest.len(), |&(b, _)| b);
    if let Some(c) = colon {
        if n > 40 && (4..=60).contains(&c) && end.is_none_or(|e| c < e) && n - c > 8 {
            return Shape::RunIn(byte_after(c));
        }
    }
    let last = chars.last().map_or(' ', |&(_, c)| c);
    match end {
        Some(e) if e + 1 < n && !closes_quote(&chars, e) => {
            if e < 100 {
                Shape::RunIn(byte_after(e))
            } else {
                Shape::Paragraph
            }
        }
        _ if n > 120 || matches!(last, '；' | ';' | '，' | ',' | '、') => Shape::Paragraph,
        _ => Shape::Whole,
    }
}

/// `。”` at the end: the sentence end is inside a closing quote, still the last sentence.
fn closes_quote(chars: &[(usize, char)], e: usize) -> bool {
    chars
        .get(e + 1..)
        .is_some_and(|t| t.iter().all(|&(_, c)| matches!(c, '”' | '’' | '）' | ')')))
}

/// Per-style numbering state for the consecutive-number check.
#[derive(Default)]
struct Counter {
    last: Option<u64>,
    /// A new parent opened since the last number of this style.
    fresh: bool,
}

/// Mark headings among the `paragraph` blocks from `start` on, splitting run-in headings.
pub(crate) fn apply(blocks: &mut Vec<Block>, start: usize, warnings: &mut Vec<Diagnostic>) {
    let mut stack: Vec<Style> = Vec::new();
    let mut counters: HashMap<Style, Counter> = HashMap::new();
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len() + 16);
    let listed = items::runs(blocks, start);
    for (i, block) in std::mem::take(blocks).into_iter().enumerate() {
        if i < start || block.kind != BlockKind::Paragraph || block.contents {
            out.push(block);
            continue;
        }
        let Some(num) = numbering(&block.text) else {
            out.push(hinted(block));
            continue;
        };
        if listed.contains(&i) {
            out.push(items::item(block, &num));
            continue;
        }
        let rest = block.text.get(num.text_start..).unwrap_or("");
        if num.style == Style::Circled {
            // `①…；②…` on one line is an enumeration, not a heading.
            let next = char::from_u32(u32::from(num.marker.chars().next().unwrap_or('①')) + 1);
            if next.is_some_and(|n| rest.contains(n)) {
                out.push(block);
                continue;
            }
        }
        let counter = counters.entry(num.style).or_default();
        let expected_next = counter.last.map(|l| l.saturating_add(1));
        if num.loose && expected_next != Some(num.value) {
            out.push(block);
            continue;
        }
        // A bare `2 组织体系` is a heading only in a run that starts at 1.
        if num.style == Style::Decimal(1) && num.value != 1 && expected_next != Some(num.value) {
            out.push(block);
            continue;
        }
        let shape = match num.style {
            Style::Article => article_shape(rest),
            Style::Decimal(depth) if depth >= 2 => clause_shape(rest),
            _ => shape(rest),
        };
        if shape == Shape::Paragraph {
            out.push(block);
            continue;
        }
        // Level by nesting.
        let level = match stack.iter().position(|s| *s == num.style) {
            Some(p) => {
                for popped in stack.drain(p + 1..) {
                    counters.entry(popped).or_default().fresh = true;
                }
                p + 1
            }
            None => {
                stack.push(num.style);
                counters.entry(num.style).or_default().fresh = true;
                stack.len()
            }
        };
        let counter = counters.entry(num.style).or_default();
        // `第一百二十条之一` is inserted after article 120 and repeats its number.
        let inserted = num.marker.ends_with("之一");
        let ok = inserted
            || match counter.last {
                None => num.value == 1,
                Some(l) => num.value == l.saturating_add(1) || (counter.fresh && num.value == 1),
            };
        if !ok {
            let expected = match counter.last {
                Some(l) if counter.fresh => format!("1 or {}", l.saturating_add(1)),
                Some(l) => l.saturating_add(1).to_string(),
                None => "1".to_string(),
            };
            warnings.push(
                Diagnostic::new(
                    Code::NumberingGap,
                    format!(
                        "heading {} is number {}, expected {expected}",
                        num.marker, num.value
                    ),
                )
                .at(block.origin.clone()),
            );
        }
        counter.last = Some(num.value);
        counter.fresh = false;
        let level = u8::try_from(level).unwrap_or(u8::MAX);
        let kind = divisions::kind(num.style);
        emit(block, &num, shape, level, kind, &mut out);
    }
    *blocks = out;
}

/// A short unnumbered line a reader marked as a heading (DOCX `标题 2`, HTML `<h3>`).
fn hinted(mut block: Block) -> Block {
    if let Some(level) = block.hints.heading_level {
        let t = block.text.trim();
        if level >= 1 && char_len(t) <= 60 && !t.chars().any(scan::is_sentence_end) {
            block.kind = BlockKind::Heading;
            block.level = Some(level);
            block.text = t.to_string();
        }
    }
    block
}

/// An article's heading is its number and caption (`第五条【适用范围】`); its text, even a
/// single sentence, is the paragraph that follows: an article is cited by number, not read
/// as a title.
fn article_shape(rest: &str) -> Shape {
    let Some(open) = rest.chars().next() else {
        return Shape::Whole;
    };
    let close = match open {
        '【' => '】',
        '〔' => '〕',
        '（' => '）',
        '(' => ')',
        _ => return Shape::RunIn(0),
    };
    match rest.find(close) {
        Some(at) if at <= 60 => Shape::RunIn(at + close.len_utf8()),
        _ => Shape::RunIn(0),
    }
}

/// A decimal number followed by a whole sentence with its clauses (`5.1.1 为应对粮食应急状态，
/// 要进一步优化…。`) is a numbered clause, as an article is: the number is the heading, cited
/// as `5.1.1`, and the sentence (with any that follow) its text. A title after the number (`1.1 编制目的及依据`,
/// `5.2.1 建立健全粮食应急加工网络。`) stays the heading's title.
fn clause_shape(rest: &str) -> Shape {
    let rest = rest.trim();
    let sentence = |s: &str| s.trim_end().ends_with('。') && s.contains(['，', ',']);
    match shape(rest) {
        Shape::Whole if sentence(rest) => Shape::RunIn(0),
        Shape::RunIn(k) if rest.get(..k).is_some_and(sentence) => Shape::RunIn(0),
        other => other,
    }
}

fn emit(
    block: Block,
    num: &Numbering,
    shape: Shape,
    level: u8,
    kind: Option<HeadingKind>,
    out: &mut Vec<Block>,
) {
    let mut heading = block.clone();
    heading.kind = BlockKind::Heading;
    heading.level = Some(level);
    heading.number = Some(num.marker.clone());
    heading.heading_kind = kind;
    let rest = block.text.get(num.text_start..).unwrap_or("").to_string();
    match shape {
        Shape::RunIn(split) => {
            let lead = rest.get(..split).unwrap_or(&rest);
            let tail = rest.get(split..).unwrap_or("");
            heading.text = caption(lead.trim(), kind);
            let split_byte = num.text_start + split;
            let at = scan::char_offset(&block.text, split_byte) as u32;
            let total = char_len(&block.text) as u32;
            heading.origin.span = Some(Span { start: 0, end: at });
            let mut para = block;
            para.text = tail.trim().to_string();
            para.origin.span = Some(Span {
                start: at,
                end: total,
            });
            para.hints.heading_level = None;
            out.push(heading);
            if !para.text.is_empty() {
                out.push(para);
            }
        }
        _ => {
            heading.text = caption(rest.trim(), kind);
            out.push(heading);
        }
    }
}

/// The heading text as a reader cites it: a chapter title without its justification spaces
/// (`总　　则` → `总则`); an article caption keeps its brackets (`【适用范围】`), the section
/// title drops them.
fn caption(text: &str, kind: Option<HeadingKind>) -> String {
    match kind {
        Some(HeadingKind::Article) => text.trim().to_string(),
        Some(HeadingKind::Part | HeadingKind::Chapter | HeadingKind::Section) => {
            scan::squeeze(text)
        }
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    mod same_as_regex {
        use super::super::*;
        use crate::parse::scan::{lazy_regex, Lazy};

        const CN: &str = "[一二三四五六七八九十百零〇两]+";

        lazy_regex! {
            static CN_COMMA = format!(r"^\s*({CN})\s*、");
            static PAREN_CN = format!(r"^\s*[（(]\s*({CN})\s*[）)]");
            static PAREN_AR = r"^\s*[（(]\s*([0-9]{1,3})\s*[）)]";
            static ARABIC = r"^\s*([0-9]{1,3})\s*[.．、]";
            static BARE = r"^\s*([0-9]{1,3})";
            static PROSE = format!(
                r"^\s*第({CN})个?(?:方面|部分)(?:问题)?\s*[，,：:、]?"
            );
        }

        /// Each numbering scanner matches what its regex matched, on every shared line.
        #[test]
        fn agrees_with_the_regexes() {
            let mut lines = crate::testutil::shared_lines();
            for extra in [
                "一、总体情况",
                " 十二 、 标题",
                "一二三",
                "（一）标题",
                "( 十 ) 标题",
                "（1）标题",
                "(1234)",
                "（12 ）",
                "1.标题",
                "12 ．标题",
                "123、",
                "1234.",
                "1.5亿元",
                "8关于",
                "12345",
                "第一方面问题，",
                "第二个方面问题",
                "第三部分：",
                "第四个部分 、",
                "第方面",
                "第一个",
                "第十 方面",
                "  第一方面问题  ：x",
                "",
            ] {
                lines.push(extra.to_string());
            }
            type Scanner = fn(&str) -> Option<Marker>;
            let scanners: [(&str, &Lazy, Scanner); 6] = [
                ("cn_comma", &CN_COMMA, cn_comma),
                ("paren_cn", &PAREN_CN, paren_cn),
                ("paren_ar", &PAREN_AR, paren_ar),
                ("arabic", &ARABIC, arabic),
                ("bare", &BARE, bare),
                ("prose", &PROSE, prose),
            ];
            let mut found = 0;
            for (name, re, scanner) in scanners {
                let Some(re) = re.as_ref() else {
                    panic!("{name} regex")
                };
                for line in &lines {
                    let want = re.captures(line).and_then(|c| {
                        let (all, digits) = (c.get(0)?, c.get(1)?);
                        Some((all.end(), (digits.start(), digits.end())))
                    });
                    assert_eq!(scanner(line), want, "{name} {line:?}");
                    found += usize::from(want.is_some());
                }
            }
            assert!(found > 30, "only {found} numbers");
        }
    }

    #[test]
    fn recognizer() {
        type Want = Option<(Style, u64, &'static str, bool)>;
        let cases: [(&str, Want); 18] = [
            ("一、深入学习理论", Some((Style::CnComma, 1, "一、", false))),
            ("十二、下一步", Some((Style::CnComma, 12, "十二、", false))),
            (
                "（一）关于临空产业",
                Some((Style::ParenCn, 1, "（一）", false)),
            ),
            (
                "(三十二)关于区空港委",
                Some((Style::ParenCn, 32, "(三十二)", false)),
            ),
            (
                "(八) 针对固定资产",
                Some((Style::ParenCn, 8, "(八)", false)),
            ),
            ("1.针对没有", Some((Style::Arabic, 1, "1.", false))),
            (
                "10. 关于“领导班子”",
                Some((Style::Arabic, 10, "10.", false)),
            ),
            ("2、加强", Some((Style::Arabic, 2, "2、", false))),
            ("3．推进", Some((Style::Arabic, 3, "3．", false))),
            ("8.2021年工业园", Some((Style::Arabic, 8, "8.", true))),
            ("8关于“重点领域”问题", Some((Style::Arabic, 8, "8", true))),
            ("（1）第一项", Some((Style::ParenArabic, 1, "（1）", false))),
            ("(2)第二项", Some((Style::ParenArabic, 2, "(2)", false))),
            ("①对“理论学习不深入”", Some((Style::Circled, 1, "①", false))),
            (
                "第一方面问题,贯彻落实",
                Some((Style::Prose, 1, "第一方面问题,", false)),
            ),
            (
                "第三个方面问题，基层",
                Some((Style::Prose, 3, "第三个方面问题，", false)),
            ),
            ("一是加强组织领导", None),
            ("2023年7月14日", None),
        ];
        for (text, want) in cases {
            let got = numbering(text).map(|n| (n.style, n.value, n.marker, n.loose));
            let want = want.map(|(s, v, m, l)| (s, v, m.to_string(), l));
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn shapes() {
        let cases = [
            ("关于临空产业较弱的问题", Shape::Whole),
            ("组织整改落实情况。", Shape::Whole),
            ("反馈问题:聚焦党中央、省委各项决策部署在基层的落实情况方面的问题", Shape::Whole),
            ("提高政治站位，增强整改自觉。区委旗帜鲜明讲政治。", Shape::RunIn("提高政治站位，增强整改自觉。".len())),
            (
                "对“履行监督职责缺位”等问题的整改情况:片区党工委召开专题会议讨论研究相关纪检工作的具体安排和要求",
                Shape::RunIn("对“履行监督职责缺位”等问题的整改情况:".len()),
            ),
            ("加强临聘人员管理；", Shape::Paragraph),
            ("坚持以人民为中心；", Shape::Paragraph),
            ("", Shape::Paragraph),
        ];
        for (text, want) in cases {
            assert_eq!(shape(text), want, "{text}");
        }
    }

    #[test]
    fn decimal_clauses() {
        let cases = [
            ("编制目的及依据", Shape::Whole),
            ("建立健全粮食应急加工网络。", Shape::Whole),
            ("本预案由国务院办公厅负责解释。", Shape::Whole),
            (
                "为应对粮食应急状态，要进一步优化储备粮的布局。",
                Shape::RunIn(0),
            ),
            (
                "省级人民政府必须按照要求，加强地方粮食储备。要根据市场需求优化结构。",
                Shape::RunIn(0),
            ),
            (
                "建立网络。各地要抓紧落实。",
                Shape::RunIn("建立网络。".len()),
            ),
            ("加强临聘人员管理；", Shape::Paragraph),
        ];
        for (text, want) in cases {
            assert_eq!(clause_shape(text), want, "{text}");
        }
    }

    fn levels(lines: &[&str]) -> (Vec<(String, Option<u8>, String)>, usize) {
        let mut blocks: Vec<Block> = lines.iter().map(|l| Block::paragraph(*l)).collect();
        let mut warnings = Vec::new();
        apply(&mut blocks, 0, &mut warnings);
        let out = blocks
            .into_iter()
            .map(|b| (b.number.unwrap_or_default(), b.level, b.text))
            .collect();
        (out, warnings.len())
    }

    #[test]
    fn nesting_by_first_seen_style() {
        let (out, gaps) = levels(&["一、总体", "1.第一项", "2.第二项", "二、下步", "1.再一项"]);
        let lv: Vec<Option<u8>> = out.iter().map(|o| o.1).collect();
        assert_eq!(lv, [Some(1), Some(2), Some(2), Some(1), Some(2)]);
        assert_eq!(gaps, 0);
    }

    #[test]
    fn prose_level_and_continued_numbers() {
        let (out, gaps) = levels(&[
            "一、总体情况",
            "二、坚持问题导向",
            "第一个方面问题,贯彻落实方面。",
            "(一)关于甲的问题",
            "(二)关于乙的问题",
            "第二个方面问题,惩治腐败方面。",
            "(三)关于丙的问题",
            "三、巩固深化",
            "(一)落实主体责任。坚持以习近平新时代中国特色社会主义思想为指导。",
        ]);
        let lv: Vec<Option<u8>> = out.iter().map(|o| o.1).collect();
        assert_eq!(
            lv,
            [
                Some(1),
                Some(1),
                Some(2),
                Some(3),
                Some(3),
                Some(2),
                Some(3),
                Some(1),
                Some(2),
                None
            ]
        );
        assert_eq!(gaps, 0);
        assert_eq!(out[8].2, "落实主体责任。");
        assert_eq!(out[9].2, "坚持以习近平新时代中国特色社会主义思想为指导。");
    }

    #[test]
    fn run_in_split_spans() {
        let mut blocks = vec![Block::paragraph(
            "（一）提高政治站位，增强整改自觉。区委旗帜鲜明讲政治。",
        )];
        apply(&mut blocks, 0, &mut Vec::new());
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[0].kind, BlockKind::Heading);
        assert_eq!(blocks[0].text, "提高政治站位，增强整改自觉。");
        assert_eq!(blocks[0].origin.span, Some(Span { start: 0, end: 17 }));
        assert_eq!(blocks[1].kind, BlockKind::Paragraph);
        assert_eq!(blocks[1].text, "区委旗帜鲜明讲政治。");
        assert_eq!(blocks[1].origin.span, Some(Span { start: 17, end: 27 }));
        assert_eq!(blocks[0].origin.index, blocks[1].origin.index);
    }

    #[test]
    fn gaps_and_loose_numbers() {
        let (_, gaps) = levels(&["一、甲", "二、乙", "四、丁"]);
        assert_eq!(gaps, 1);
        let (out, gaps) = levels(&[
            "一、甲",
            "7.关于七",
            "8关于“八”问题",
            "8.2021年以来",
            "1.5亿元用于建设。",
        ]);
        assert_eq!(out[2].1, Some(2), "8关于 follows 7.");
        assert_eq!(out[3].1, None, "8.2021 is not the next number");
        assert_eq!(out[4].1, None);
        assert_eq!(gaps, 1, "7. opening a level is a gap");
    }

    #[test]
    fn circled_enumeration_line_is_not_a_heading() {
        let (out, _) = levels(&["①加强学习；②完善制度；③强化监督。"]);
        assert_eq!(out[0].1, None);
    }
}
