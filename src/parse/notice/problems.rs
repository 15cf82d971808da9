//! The problems a notice answers, from the heading tree.
//!
//! A heading is *problem-like* when its title names a problem (`关于…的问题`, `针对…问题`,
//! `对“…”等问题的整改情况`, `…的问题`) or when its content carries a `原因分析：`/`整改情况：`
//! line. The problems are the problem-like headings with no problem-like heading below them;
//! the others group them. A problem's category is its 方面: an ancestor heading naming one
//! (`（一）“…”方面`), else the latest `第一方面问题，…` paragraph of its part, else its
//! outermost grouping heading (`（一）针对…的问题` over `1.…`). Level-1 headings (`二、坚持问题
//! 导向`) are the notice's parts, never problems or categories unless they name a 方面.

use crate::parse::scan::{self, lazy_regex};

use crate::model::{Block, BlockKind, Document, Problem, ProblemStatus, Section};

/// Labels of a problem's parts, in the order they are tried.
const LABELS: &[&str] = &[
    "原因分析",
    "问题原因",
    "整改落实情况",
    "整改进展情况",
    "整改情况",
    "整改进展",
    "整改结果",
];

/// `原因分析：`, `整改情况：`, `整改进展：`, `整改落实情况：`, `整改结果：` at the start of a block:
/// the end of the label with its colon and spaces, and the label's range. The regex
/// `^\s*(原因分析|…|整改结果)\s*[：:]\s*`, scanned by hand.
fn label(t: &str) -> Option<(usize, (usize, usize))> {
    let at = scan::skip_ws(t, 0);
    LABELS.iter().find_map(|w| {
        let end = scan::after_word(t, at, &[w])?;
        let colon = scan::skip_ws(t, end);
        let after = scan::after_char(t, colon, '：').or_else(|| scan::after_char(t, colon, ':'))?;
        Some((scan::skip_ws(t, after), (at, end)))
    })
}

/// A 方面 line: `第一方面问题，…`, `第二个方面问题`, `（一）“…”方面`, `…方面的问题`. The regex
/// `^\s*第[一二三四五六七八九十]+个?方面|方面(?:的问题)?\s*[。.]?\s*$`, scanned by hand.
fn aspect_line(t: &str) -> bool {
    let numbered = scan::after_char(t, scan::skip_ws(t, 0), '第').is_some_and(|at| {
        let end = scan::run_end(t, at, |c| "一二三四五六七八九十".contains(c));
        let p = scan::after_char(t, end, '个').unwrap_or(end);
        end > at && scan::after_word(t, p, &["方面"]).is_some()
    });
    let tail = t.trim_end();
    let tail = tail.strip_suffix(['。', '.']).unwrap_or(tail).trim_end();
    numbered || tail.ends_with("方面") || tail.ends_with("方面的问题")
}

lazy_regex! {
    /// In-paragraph enumeration markers `一是`, `二是` (start of text or after punctuation).
    static ENUM = r"(?:^|[。；;，,：:\s])([一二三四五六七八九十]+是)";
}

lazy_regex! {
    static COMPLETED_ONGOING = r"(?:已完成整改|已整改完成|整改已完成|整改完成|完成整改|已整改到位|已完成)\s*[，,、]?\s*(?:并|且)?\s*(?:长期坚持|持续巩固|持续坚持)";
}

/// The words that end every [`COMPLETED_ONGOING`] phrase (its prefilter).
const ONGOING: &[&str] = &["长期坚持", "持续巩固", "持续坚持"];
const IN_PROGRESS: &[&str] = &["正在整改", "持续整改", "整改中", "正在推进", "持续推进"];
const COMPLETED: &[&str] = &[
    "已完成整改",
    "已整改完成",
    "整改已完成",
    "整改完成",
    "已整改到位",
    "已整改完毕",
    "整改完毕",
    "已完成",
];

/// `基本完成(?:整改)?`.
fn mostly_completed(t: &str) -> Option<(usize, usize)> {
    let start = t.find("基本完成")?;
    let end = start + "基本完成".len();
    Some((start, scan::after_word(t, end, &["整改"]).unwrap_or(end)))
}

/// `(?:已)?取得阶段性(?:成效|进展)`: the first `取得阶段性成效|进展`, with the `已` before it.
fn partial_progress(t: &str) -> Option<(usize, usize)> {
    t.match_indices("取得阶段性").find_map(|(i, w)| {
        let end = scan::after_word(t, i + w.len(), &["成效", "进展"])?;
        let start = t
            .get(..i)
            .and_then(|b| b.strip_suffix('已'))
            .map_or(i, str::len);
        Some((start, end))
    })
}

/// The first status phrase of a problem, most specific first (the regex phrases, found by
/// hand but for the compound `COMPLETED_ONGOING`, which is compiled only for text that holds
/// one of its final words).
fn status_span(t: &str) -> Option<(ProblemStatus, (usize, usize))> {
    let ongoing = scan::when(ONGOING.iter().any(|w| t.contains(w)), &COMPLETED_ONGOING)
        .and_then(|re| re.find(t))
        .map(|m| (ProblemStatus::CompletedOngoing, (m.start(), m.end())));
    ongoing
        .or_else(|| mostly_completed(t).map(|r| (ProblemStatus::MostlyCompleted, r)))
        .or_else(|| partial_progress(t).map(|r| (ProblemStatus::PartialProgress, r)))
        .or_else(|| scan::find_words(t, IN_PROGRESS).map(|r| (ProblemStatus::InProgress, r)))
        .or_else(|| scan::find_words(t, COMPLETED).map(|r| (ProblemStatus::Completed, r)))
}

/// Every problem, in document order.
pub(super) fn problems(doc: &Document) -> Vec<Problem> {
    let aspects = aspect_paragraphs(&doc.blocks);
    let mut out = Vec::new();
    let mut ancestors: Vec<&Section> = Vec::new();
    for section in &doc.sections {
        walk(section, &doc.blocks, &aspects, &mut ancestors, &mut out);
    }
    out
}

/// For each block, the index of the latest 方面 paragraph before it within its level-1 part.
fn aspect_paragraphs(blocks: &[Block]) -> Vec<Option<usize>> {
    let mut current: Option<usize> = None;
    let mut out = Vec::with_capacity(blocks.len());
    for (i, b) in blocks.iter().enumerate() {
        if b.kind == BlockKind::Heading && b.level == Some(1) {
            current = None;
        }
        out.push(current);
        if b.kind == BlockKind::Paragraph && is_aspect(&b.text) {
            current = Some(i);
        }
    }
    out
}

fn is_aspect(text: &str) -> bool {
    text.contains("方面") && aspect_line(text.trim())
}

fn walk<'a>(
    node: &'a Section,
    blocks: &[Block],
    aspects: &[Option<usize>],
    ancestors: &mut Vec<&'a Section>,
    out: &mut Vec<Problem>,
) {
    if node.level > 1 && problem_like(node, blocks) && !has_problem_below(node, blocks) {
        out.push(problem(node, blocks, aspects, ancestors));
    }
    ancestors.push(node);
    for child in &node.children {
        walk(child, blocks, aspects, ancestors, out);
    }
    ancestors.pop();
}

fn problem_like(node: &Section, blocks: &[Block]) -> bool {
    title_names_problem(&node.title)
        || node
            .content
            .iter()
            .any(|&i| block(blocks, i).is_some_and(|b| label(&b.text).is_some()))
}

fn title_names_problem(title: &str) -> bool {
    let t = title.trim().trim_end_matches(['。', '.', '；', ';']);
    (t.contains("问题") && (t.starts_with("关于") || t.starts_with("针对") || t.starts_with('对')))
        || t.contains("问题的整改情况")
        || t.contains("问题整改情况")
        || (t.ends_with("问题") && !ends_with_an_action_on_problems(t))
}

/// `…深入查摆问题`, `…发现问题` end in 问题 but name work on problems, not a problem
/// (seed 004's `（三）召开专题民主生活会，深入查摆问题` under 一、抓好整改部署).
fn ends_with_an_action_on_problems(title: &str) -> bool {
    const ACTIONS: [&str; 8] = [
        "发现", "查摆", "查找", "梳理", "解决", "整改", "聚焦", "反馈",
    ];
    let before = title.trim_end_matches("问题");
    ACTIONS.iter().any(|a| before.ends_with(a))
}

fn has_problem_below(node: &Section, blocks: &[Block]) -> bool {
    node.children
        .iter()
        .any(|c| problem_like(c, blocks) || has_problem_below(c, blocks))
}

fn block(blocks: &[Block], index: u32) -> Option<&Block> {
    blocks.get(usize::try_from(index).ok()?)
}

fn problem(
    node: &Section,
    blocks: &[Block],
    aspects: &[Option<usize>],
    ancestors: &[&Section],
) -> Problem {
    // Ancestors below the level-1 part, outermost first.
    let inner: Vec<&Section> = ancestors.iter().copied().filter(|a| a.level > 1).collect();
    let aspect_heading = ancestors
        .iter()
        .find(|a| is_aspect(&a.title))
        .map(|a| clean_title(&a.title));
    let aspect_of = |i: u32| -> Option<usize> {
        usize::try_from(i)
            .ok()
            .and_then(|i| aspects.get(i))
            .copied()
            .flatten()
    };
    let aspect_paragraph = aspect_of(node.block)
        .and_then(|i| blocks.get(i))
        .map(|b| clean_title(&b.text));
    let grouping = inner.first().map(|a| clean_title(&a.title));
    let category = aspect_heading.or(aspect_paragraph).or(grouping.clone());
    let parent = inner
        .last()
        .map(|a| clean_title(&a.title))
        .filter(|p| Some(p) != category.as_ref());

    let (title, run_in) = split_run_in(&node.title);
    let mut p = Problem {
        number: node.number.clone(),
        title,
        category,
        parent,
        block: node.block,
        ..Problem::default()
    };

    // The heading block's own enumerations (a run-in heading keeps its paragraph).
    let heading = block(blocks, node.block);
    let mut measures: Vec<String> = heading.map(items).unwrap_or_default();
    if measures.is_empty() && !run_in.is_empty() {
        measures = enumerate(&run_in);
    }
    // Labelled runs: a label line and the unlabelled paragraphs that continue it.
    let mut current: Option<(String, String)> = None;
    let flush = |cur: &mut Option<(String, String)>, p: &mut Problem| {
        if let Some((label, text)) = cur.take() {
            let text = text.trim().to_string();
            if label.contains("原因") {
                p.cause.get_or_insert(text);
            } else {
                p.rectification.get_or_insert(text);
            }
        }
    };
    // A `第二方面问题，…` line ends the problem: what follows belongs to the next 方面 (it sits
    // under this heading only because a paragraph cannot close a section).
    let cutoff = node
        .content
        .iter()
        .copied()
        .find(|&i| block(blocks, i).is_some_and(|b| is_aspect(&b.text)))
        .unwrap_or(u32::MAX);
    for &i in node.content.iter().filter(|&&i| i < cutoff) {
        let Some(b) = block(blocks, i) else { continue };
        if b.kind == BlockKind::Heading {
            continue;
        }
        if let Some((end, (label_start, label_end))) = label(&b.text) {
            flush(&mut current, &mut p);
            let label = b.text.get(label_start..label_end).unwrap_or("").to_string();
            let rest = b.text.get(end..).unwrap_or("");
            if !label.contains("原因") {
                let found = if b.items.is_empty() {
                    enumerate(rest)
                } else {
                    items(b)
                };
                measures.extend(found);
            }
            current = Some((label, rest.to_string()));
        } else if let Some((label, text)) = current.as_mut() {
            join_wrapped(text, b.text.trim());
            if !label.contains("原因") {
                measures.extend(if b.items.is_empty() {
                    enumerate(&b.text)
                } else {
                    items(b)
                });
            }
        } else {
            measures.extend(if b.items.is_empty() {
                enumerate(&b.text)
            } else {
                items(b)
            });
        }
    }
    flush(&mut current, &mut p);
    // Numbered actions under a problem (`（二）关于民生…问题` → `1.加大基础教育投入。`) are
    // its measures.
    let own_aspect = aspect_of(node.block);
    let same_aspect = |c: &&Section| c.block < cutoff && aspect_of(c.block) == own_aspect;
    for child in node.children.iter().filter(same_aspect) {
        let (title, _) = split_run_in(&child.title);
        let title = title.split('。').next().unwrap_or("").trim().to_string();
        if !title.is_empty() {
            measures.push(title);
        }
    }
    p.measures = measures;
    let (status, status_text) = p
        .rectification
        .as_deref()
        .map(first_sentence)
        .and_then(status)
        .or_else(|| status(&p.title))
        .unzip();
    p.status = status;
    p.status_text = status_text;
    p
}

/// Append a continuation paragraph: with no separator when the previous text stops mid-sentence
/// (a line wrapped by the source), with a newline otherwise.
fn join_wrapped(text: &mut String, next: &str) {
    let ends_sentence = text
        .trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c, '。' | '；' | ';' | '！' | '？' | '：' | ':'));
    if ends_sentence {
        text.push('\n');
    }
    text.push_str(next);
}

fn items(b: &Block) -> Vec<String> {
    b.items
        .iter()
        .map(|i| i.text.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect()
}

/// `一是…二是…` items of a paragraph, markers dropped (used when the parser gave no items).
fn enumerate(text: &str) -> Vec<String> {
    let Some(re) = crate::parse::scan::when(text.contains('是'), &ENUM) else {
        return Vec::new();
    };
    let starts: Vec<(usize, usize)> = re
        .captures_iter(text)
        .filter_map(|c| c.get(1).map(|m| (m.start(), m.end())))
        .collect();
    // A paragraph that opens with a lone `一是` (one measure per paragraph, as seed 003 writes
    // them) is one item; a lone `一是` inside a paragraph is not an enumeration.
    let leading = text.len() - text.trim_start().len();
    let opens = starts.first().is_some_and(|s| s.0 == leading);
    if starts.len() < 2 && !opens {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (k, &(_, body_start)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(text.len(), |n| n.0);
        let item = text
            .get(body_start..end)
            .unwrap_or("")
            .trim()
            .trim_end_matches(['；', ';', '，', ','])
            .trim();
        if !item.is_empty() {
            out.push(item.to_string());
        }
    }
    out
}

/// A run-in heading title `对“…”等问题的整改情况：一是…` splits at the colon into the title and
/// the text that follows it.
fn split_run_in(title: &str) -> (String, String) {
    let t = title.trim();
    for stop in [['：', ':'], ['。', '。']] {
        if let Some(pos) = t.find(stop) {
            let (head, rest) = t.split_at(pos);
            let rest = rest.chars().skip(1).collect::<String>();
            let names_problem = head.ends_with("整改情况") || head.ends_with("问题");
            if names_problem && !rest.trim().is_empty() {
                return (clean_title(head), rest.trim().to_string());
            }
        }
    }
    (clean_title(t), String::new())
}

fn clean_title(t: &str) -> String {
    t.trim()
        .trim_end_matches(['。', '.', '；', ';', '，', ','])
        .trim()
        .to_string()
}

fn first_sentence(text: &str) -> &str {
    text.split(['。', '\n']).next().unwrap_or(text)
}

fn status(text: &str) -> Option<(ProblemStatus, String)> {
    let (s, (start, end)) = status_span(text)?;
    // Status phrases are pure Chinese: spaces in them are extraction noise.
    let phrase = text.get(start..end)?.split_whitespace().collect::<String>();
    Some((s, phrase))
}

#[cfg(test)]
mod tests {
    use super::*;

    mod same_as_regex {
        use super::super::*;

        lazy_regex! {
            static LABEL = r"^\s*(原因分析|问题原因|整改落实情况|整改进展情况|整改情况|整改进展|整改结果)\s*[：:]\s*";
            static ASPECT = r"^\s*第[一二三四五六七八九十]+个?方面|方面(?:的问题)?\s*[。.]?\s*$";
            static MOSTLY_COMPLETED = r"基本完成(?:整改)?";
            static PARTIAL_PROGRESS = r"(?:已)?取得阶段性(?:成效|进展)";
            static IN_PROGRESS_RE = r"正在整改|持续整改|整改中|正在推进|持续推进";
            static COMPLETED_RE = r"已完成整改|已整改完成|整改已完成|整改完成|已整改到位|已整改完毕|整改完毕|已完成";
        }

        fn old_status(text: &str) -> Option<(ProblemStatus, (usize, usize))> {
            let table: [(&crate::parse::scan::Lazy, ProblemStatus); 5] = [
                (&COMPLETED_ONGOING, ProblemStatus::CompletedOngoing),
                (&MOSTLY_COMPLETED, ProblemStatus::MostlyCompleted),
                (&PARTIAL_PROGRESS, ProblemStatus::PartialProgress),
                (&IN_PROGRESS_RE, ProblemStatus::InProgress),
                (&COMPLETED_RE, ProblemStatus::Completed),
            ];
            table
                .iter()
                .find_map(|(re, s)| re.as_ref()?.find(text).map(|m| (*s, (m.start(), m.end()))))
        }

        /// The label, 方面 and status scanners answer as their regexes did.
        #[test]
        fn agrees_with_the_regexes() {
            let mut lines = crate::testutil::shared_lines();
            for extra in [
                "原因分析：x",
                " 整改进展 : 已完成",
                "整改进展情况x：",
                "整改进展情况：",
                "整改结果",
                "第一方面问题，",
                "第二个方面问题",
                "第方面",
                "（一）“四风”方面",
                "…方面的问题 。 ",
                "方面。。",
                "方面.",
                "已完成整改并长期坚持",
                "已完成 ，且 持续巩固",
                "基本完成整改",
                "已取得阶段性进展",
                "已取得阶段性x，取得阶段性成效",
                "整改中，已完成",
                "",
            ] {
                lines.push(extra.to_string());
            }
            let (Some(label_re), Some(aspect_re)) = (LABEL.as_ref(), ASPECT.as_ref()) else {
                panic!("problem regexes")
            };
            let mut found = 0;
            for line in &lines {
                let want = label_re.captures(line).and_then(|c| {
                    let (all, l) = (c.get(0)?, c.get(1)?);
                    Some((all.end(), (l.start(), l.end())))
                });
                assert_eq!(label(line), want, "label {line:?}");
                let want_aspect = aspect_re.is_match(line.trim());
                assert_eq!(aspect_line(line.trim()), want_aspect, "aspect {line:?}");
                let want_status = old_status(line);
                assert_eq!(status_span(line), want_status, "status {line:?}");
                found += usize::from(want.is_some())
                    + usize::from(want_aspect)
                    + usize::from(want_status.is_some());
            }
            assert!(found > 10, "only {found} matches");
        }
    }

    /// Build a document from `(level, number, text)`; level 0 is a paragraph. Sections are
    /// built the way the heading pass builds them.
    fn doc(lines: &[(u8, &str, &str)]) -> Document {
        let mut d = Document::new();
        for (level, number, text) in lines {
            let mut b = if *level == 0 {
                Block::paragraph(*text)
            } else {
                let mut b = Block::new(BlockKind::Heading, *text);
                b.level = Some(*level);
                b.number = Some(number.to_string());
                b
            };
            b.origin.index = d.blocks.len() as u32;
            d.blocks.push(b);
        }
        d.sections = sections(&d.blocks);
        d
    }

    fn sections(blocks: &[Block]) -> Vec<Section> {
        let mut roots: Vec<Section> = Vec::new();
        let mut stack: Vec<Section> = Vec::new();
        fn close(stack: &mut Vec<Section>, roots: &mut Vec<Section>, level: u8) {
            while stack.last().is_some_and(|s| s.level >= level) {
                let s = stack.pop().unwrap();
                match stack.last_mut() {
                    Some(parent) => parent.children.push(s),
                    None => roots.push(s),
                }
            }
        }
        for (i, b) in blocks.iter().enumerate() {
            if b.kind == BlockKind::Heading {
                let level = b.level.unwrap();
                close(&mut stack, &mut roots, level);
                stack.push(Section {
                    level,
                    number: b.number.clone(),
                    title: b.text.clone(),
                    block: i as u32,
                    ..Section::default()
                });
            } else if let Some(top) = stack.last_mut() {
                top.content.push(i as u32);
            }
        }
        close(&mut stack, &mut roots, 0);
        roots
    }

    #[test]
    fn numbered_problems_with_cause_and_rectification() {
        // The shape of seed 004.
        let d = doc(&[
            (1, "二、", "强化政治担当，狠抓整改落实"),
            (2, "（一）", "针对党委和行政班子会议仍然混合召开的问题。"),
            (3, "1.", "工业园党委领导核心弱化。"),
            (0, "", "原因分析：一是议事规则不够完善。二是交叉任职。"),
            (0, "", "整改情况：整改完成，并长期坚持。修订完善议事规则。"),
            (3, "2.", "党组织生活会的流程仍不够规范。"),
            (0, "", "原因分析：新补充的支委委员对党务工作不够熟悉，对组"),
            (0, "", "织生活会会前谈话的要求不够明晰。"),
            (
                0,
                "",
                "整改情况：整改完成，并长期坚持。一是约谈书记；二是加强培训。",
            ),
            (1, "三、", "转作风抓落实"),
        ]);
        let ps = problems(&d);
        assert_eq!(ps.len(), 2);
        let p = &ps[0];
        assert_eq!(p.number.as_deref(), Some("1."));
        assert_eq!(p.title, "工业园党委领导核心弱化");
        assert_eq!(
            p.category.as_deref(),
            Some("针对党委和行政班子会议仍然混合召开的问题")
        );
        assert_eq!(p.parent, None);
        assert_eq!(
            p.cause.as_deref(),
            Some("一是议事规则不够完善。二是交叉任职。")
        );
        assert_eq!(
            p.rectification.as_deref(),
            Some("整改完成，并长期坚持。修订完善议事规则。")
        );
        assert_eq!(p.status, Some(ProblemStatus::CompletedOngoing));
        assert_eq!(p.status_text.as_deref(), Some("整改完成，并长期坚持"));
        assert!(p.measures.is_empty(), "cause items are not measures");
        let p = &ps[1];
        assert_eq!(
            p.cause.as_deref(),
            Some("新补充的支委委员对党务工作不够熟悉，对组织生活会会前谈话的要求不够明晰。")
        );
        assert_eq!(p.measures, ["约谈书记", "加强培训。"]);
        assert_eq!(p.block, 5);
    }

    #[test]
    #[allow(clippy::type_complexity)]
    fn aspects_groups_and_status_lines() {
        // The shape of seed 002: 方面 → 关于…问题 → ①对“…”等问题的整改情况：一是… → status line.
        let d = doc(&[
            (1, "二、", "巡察反馈问题整改进展情况。"),
            (2, "（一）", "反馈问题：聚焦决策部署落实情况方面的问题"),
            (3, "1.", "关于“学习不深不透”问题的整改情况。"),
            (
                5,
                "①",
                "对“理论学习不深入”等问题的整改情况：一是制定安排。二是组织测试。",
            ),
            (0, "", "整改落实情况：已完成整改，并长期坚持。"),
            (5, "②", "对“党史学习不走心”等问题的整改情况：召开会议。"),
            (0, "", "整改落实情况：基本完成。"),
            (2, "（三）", "聚焦基层党组织建设"),
            (3, "1.", "关于“三重一大”问题的整改情况。"),
            (5, "①", "对“未经研究”等问题的整改情况：制定会签表。"),
            (0, "", "整改落实情况：正在整改。"),
        ]);
        let ps = problems(&d);
        let got: Vec<(&str, Option<&str>, Option<&str>, Option<ProblemStatus>)> = ps
            .iter()
            .map(|p| {
                (
                    p.title.as_str(),
                    p.category.as_deref(),
                    p.parent.as_deref(),
                    p.status,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "对“理论学习不深入”等问题的整改情况",
                    Some("反馈问题：聚焦决策部署落实情况方面的问题"),
                    Some("关于“学习不深不透”问题的整改情况"),
                    Some(ProblemStatus::CompletedOngoing)
                ),
                (
                    "对“党史学习不走心”等问题的整改情况",
                    Some("反馈问题：聚焦决策部署落实情况方面的问题"),
                    Some("关于“学习不深不透”问题的整改情况"),
                    Some(ProblemStatus::MostlyCompleted)
                ),
                (
                    "对“未经研究”等问题的整改情况",
                    Some("聚焦基层党组织建设"),
                    Some("关于“三重一大”问题的整改情况"),
                    Some(ProblemStatus::InProgress)
                ),
            ]
        );
        assert_eq!(ps[0].measures, ["制定安排。", "组织测试。"]);
        assert_eq!(ps[0].status_text.as_deref(), Some("已完成整改，并长期坚持"));
    }

    #[test]
    fn aspect_paragraphs_and_leaf_groups() {
        // The shape of seeds 000 and 001: `第一个方面问题，…` paragraphs between problems.
        let d = doc(&[
            (1, "二、", "坚持问题导向、逐项抓好落实"),
            (0, "", "第一个方面问题，贯彻落实党的理论方面。"),
            (2, "（一）", "关于临空产业较弱的问题"),
            (0, "", "一是找准定位。二是重点扶持。三是做好园区挖潜工作。"),
            (0, "", "第二个方面问题，惩治群众身边腐败问题方面。"),
            (2, "（二）", "关于民生事业发展不快问题"),
            (3, "1.", "加大基础教育投入。"),
            (2, "（三）", "关于“两违”整治不力等问题"),
            (3, "1.", "针对违法建设问题。一是加强整治。二是加大力度。"),
            (1, "三、", "巩固深化整改"),
            (2, "（一）", "落实主体责任。"),
        ]);
        let ps = problems(&d);
        let got: Vec<(&str, Option<&str>, Option<&str>)> = ps
            .iter()
            .map(|p| (p.title.as_str(), p.category.as_deref(), p.parent.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "关于临空产业较弱的问题",
                    Some("第一个方面问题，贯彻落实党的理论方面"),
                    None
                ),
                (
                    "关于民生事业发展不快问题",
                    Some("第二个方面问题，惩治群众身边腐败问题方面"),
                    None
                ),
                (
                    "针对违法建设问题",
                    Some("第二个方面问题，惩治群众身边腐败问题方面"),
                    Some("关于“两违”整治不力等问题")
                ),
            ]
        );
        assert_eq!(
            ps[0].measures,
            ["找准定位。", "重点扶持。", "做好园区挖潜工作。"]
        );
        assert_eq!(ps[2].measures, ["加强整治。", "加大力度。"]);
    }

    #[test]
    fn measures_from_paragraphs_and_child_headings() {
        // Seed 003: one `一是…` paragraph per measure. Seed 001: numbered actions under a
        // problem, and a `第四方面问题` line that starts the next 方面 inside the last action.
        let d = doc(&[
            (1, "二、", "坚持动真碰硬"),
            (2, "（一）", "“示范引领作用发挥不够”方面"),
            (3, "1.", "关于“贯彻新发展理念不到位”问题"),
            (0, "", "一是持续深入学习。"),
            (0, "", "二是锚定新定位。"),
            (2, "（二）", "关于一些干部担当作为精气神不足问题"),
            (3, "1.", "健全激励干部担当作为机制。一是提升考核精准度。"),
            (3, "2.", "提高干部依法行政能力。"),
            (
                0,
                "",
                "第四方面问题，上次巡视、审计等监督发现问题整改不够彻底",
            ),
            (3, "1.", "持续抓好上次巡视反馈意见整改工作。"),
        ]);
        let ps = problems(&d);
        assert_eq!(ps.len(), 2);
        assert_eq!(
            ps[0].category.as_deref(),
            Some("“示范引领作用发挥不够”方面")
        );
        assert_eq!(ps[0].measures, ["持续深入学习。", "锚定新定位。"]);
        assert_eq!(
            ps[1].measures,
            ["健全激励干部担当作为机制", "提高干部依法行政能力"]
        );
    }

    proptest::proptest! {
        /// Any heading shape and any text: no panic, and every problem points at a heading.
        #[test]
        fn never_panics(
            lines in proptest::collection::vec(
                (0u8..6, "[一二三1-9（）.、关于针对对问题的整改情况方面原因分析：是，。“”]{0,40}"),
                0..30,
            )
        ) {
            let lines: Vec<(u8, &str, &str)> =
                lines.iter().map(|(l, t)| (*l, "1.", t.as_str())).collect();
            let d = doc(&lines);
            for p in problems(&d) {
                proptest::prop_assert_eq!(d.blocks[p.block as usize].kind, BlockKind::Heading);
            }
            let _ = super::super::notice(&d);
        }
    }

    #[test]
    fn statuses() {
        let cases = [
            ("已完成整改，并长期坚持", ProblemStatus::CompletedOngoing),
            ("整改完成,并长期坚持", ProblemStatus::CompletedOngoing),
            ("已完成整改", ProblemStatus::Completed),
            ("基本完成", ProblemStatus::MostlyCompleted),
            ("取得阶段性成效", ProblemStatus::PartialProgress),
            ("正在整改", ProblemStatus::InProgress),
            ("持续整改", ProblemStatus::InProgress),
        ];
        for (text, want) in cases {
            assert_eq!(status(text).map(|s| s.0), Some(want), "{text}");
        }
        assert_eq!(status("召开会议"), None);
    }
}

#[cfg(test)]
mod title_tests {
    use super::title_names_problem;

    #[test]
    fn titles_that_name_problems() {
        let cases = [
            ("关于“学习不深不透”问题的整改情况", true),
            ("针对党委和行政班子会议仍然混合召开的问题", true),
            ("“三会一课”依然不严不实的问题", true),
            ("高度重视巡察“回头看”发现问题", false),
            ("召开专题民主生活会，深入查摆问题", false),
            ("提高政治自觉，抓好整改部署", false),
        ];
        for (title, want) in cases {
            assert_eq!(title_names_problem(title), want, "{title}");
        }
    }
}
