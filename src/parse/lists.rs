//! Pass: enumerations inside paragraphs.
//!
//! Resolves `一是…；二是…；三是…` and `①…②…` inside a paragraph into `block.items`, in order,
//! each with its marker, its text and its char span (marker included) in the paragraph. They
//! are not headings: a heading starts a line, an enumeration runs inside one. A marker counts
//! when it starts the paragraph or follows punctuation, and the markers must run 1, 2, 3…;
//! a first marker in mid-paragraph must be `一是`/`①` and be followed by a second one (a lone
//! `一是` inside a sentence is prose). A paragraph that starts with `二是` (one item per
//! paragraph, seed 000) gets that one item.

use super::scan;
use crate::model::{Block, BlockKind, ListItem, Span};
use crate::vocab::numeral;

/// A marker found in text: byte start, byte end, value.
type Marker = (usize, usize, u64);

/// Fill `items` of every paragraph.
pub(crate) fn apply(blocks: &mut [Block]) {
    for block in blocks.iter_mut() {
        if block.kind == BlockKind::Paragraph && block.items.is_empty() {
            block.items = items(&block.text);
        }
    }
}

/// The enumeration items of one paragraph.
pub(crate) fn items(text: &str) -> Vec<ListItem> {
    let cn = sequence(text, cn_markers(text));
    let markers = if cn.is_empty() {
        sequence(text, circled_markers(text))
    } else {
        cn
    };
    let mut out = Vec::with_capacity(markers.len());
    for (k, &(start, end, _)) in markers.iter().enumerate() {
        let stop = markers.get(k + 1).map_or(text.len(), |m| m.0);
        let body = text.get(end..stop).unwrap_or("");
        let trimmed_stop = start + text.get(start..stop).unwrap_or("").trim_end().len();
        out.push(ListItem {
            marker: text.get(start..end).unwrap_or("").to_string(),
            text: body.trim().to_string(),
            span: Span {
                start: scan::char_offset(text, start) as u32,
                end: scan::char_offset(text, trimmed_stop) as u32,
            },
        });
    }
    out
}

/// `[一二三四五六七八九十]`.
fn is_marker_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

/// The `一是`/`二是` markers: what the regex `([一二三四五六七八九十]{1,3})是` found, scanned by
/// hand (no regex to compile). A run of numerals before `是` matches by its last three.
fn cn_markers(text: &str) -> Vec<Marker> {
    let mut out = Vec::new();
    // Byte offsets of the last (up to) three numerals of the current run.
    let mut run: [usize; 3] = [0; 3];
    let mut len = 0usize;
    for (i, c) in text.char_indices() {
        if is_marker_numeral(c) {
            run.rotate_left(1);
            if let Some(last) = run.last_mut() {
                *last = i;
            }
            len += 1;
            continue;
        }
        if c == '是' && len > 0 {
            let start = run.get(3 - len.min(3)).copied().unwrap_or(i);
            let value = text.get(start..i).and_then(numeral::chinese);
            if let Some(value) = value {
                out.push((start, i + c.len_utf8(), value));
            }
        }
        len = 0;
    }
    out
}

fn circled_markers(text: &str) -> Vec<Marker> {
    text.char_indices()
        .filter_map(|(i, c)| Some((i, i + c.len_utf8(), numeral::circled(c)?)))
        .collect()
}

/// Keep the markers that open items: at a boundary, numbered consecutively.
fn sequence(text: &str, found: Vec<Marker>) -> Vec<Marker> {
    let at_boundary = |start: usize| {
        let before = text
            .get(..start)
            .and_then(|s| s.trim_end().chars().next_back());
        before.is_none_or(|c| {
            matches!(
                c,
                '。' | '；' | ';' | '：' | ':' | '，' | ',' | '！' | '？' | '）' | ')' | '”'
            )
        })
    };
    let mut out: Vec<Marker> = Vec::new();
    for m in found {
        if !at_boundary(m.0) {
            continue;
        }
        match out.last() {
            None => {
                let at_start = text.get(..m.0).is_some_and(|s| s.trim().is_empty());
                if at_start || m.2 == 1 {
                    out.push(m);
                }
            }
            Some(&(_, _, v)) if m.2 == v.saturating_add(1) => out.push(m),
            Some(_) => {}
        }
    }
    // A single marker in mid-paragraph is prose (`一是一，二是二` aside).
    if out.len() == 1
        && out
            .first()
            .is_some_and(|m| text.get(..m.0).is_some_and(|s| !s.trim().is_empty()))
    {
        out.clear();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    mod same_as_regex {
        use super::super::*;
        use crate::parse::scan::lazy_regex;

        lazy_regex! {
            static CN_MARKER = r"([一二三四五六七八九十]{1,3})是";
        }

        /// The marker scanner finds what the marker regex found.
        #[test]
        fn agrees_with_the_regex() {
            let mut lines = crate::testutil::shared_lines();
            for extra in [
                "一是加强领导，二是压实责任；十一是",
                "一二三四是",
                "十二三是不是",
                "是一是",
                "一 是",
                "",
            ] {
                lines.push(extra.to_string());
            }
            let Some(re) = CN_MARKER.as_ref() else {
                panic!("marker regex")
            };
            let mut found = 0;
            for line in &lines {
                let want: Vec<Marker> = re
                    .captures_iter(line)
                    .filter_map(|c| {
                        let all = c.get(0)?;
                        Some((
                            all.start(),
                            all.end(),
                            numeral::chinese(c.get(1)?.as_str())?,
                        ))
                    })
                    .collect();
                assert_eq!(cn_markers(line), want, "{line:?}");
                found += want.len();
            }
            assert!(found > 5, "only {found} markers");
        }
    }

    fn markers(text: &str) -> Vec<(String, String)> {
        items(text)
            .into_iter()
            .map(|i| (i.marker, i.text))
            .collect()
    }

    #[test]
    fn enumerations() {
        let cases: [(&str, &[(&str, &str)]); 7] = [
            (
                "一是加强领导；二是压实责任；三是严肃纪律。",
                &[
                    ("一是", "加强领导；"),
                    ("二是", "压实责任；"),
                    ("三是", "严肃纪律。"),
                ],
            ),
            (
                "针对问题。一是始终坚持。二是加强统筹。",
                &[("一是", "始终坚持。"), ("二是", "加强统筹。")],
            ),
            (
                "二是细化整改任务、逐级压实责任。围绕问题制定方案。",
                &[("二是", "细化整改任务、逐级压实责任。围绕问题制定方案。")],
            ),
            (
                "主要措施：①加强学习；②完善制度；③强化监督。",
                &[
                    ("①", "加强学习；"),
                    ("②", "完善制度；"),
                    ("③", "强化监督。"),
                ],
            ),
            ("统一思想。其中一是关键，没有二是。", &[]),
            ("整改落实情况：已完成整改，并长期坚持。", &[]),
            (
                "一是甲；三是丙；二是乙。",
                &[("一是", "甲；三是丙；"), ("二是", "乙。")],
            ),
        ];
        for (text, want) in cases {
            let want: Vec<(String, String)> = want
                .iter()
                .map(|(m, t)| (m.to_string(), t.to_string()))
                .collect();
            assert_eq!(markers(text), want, "{text}");
        }
    }

    #[test]
    fn spans_are_char_offsets() {
        let text = "要求：一是甲；二是乙。";
        let items = items(text);
        assert_eq!(items[0].span, Span { start: 3, end: 7 });
        assert_eq!(items[1].span, Span { start: 7, end: 11 });
    }
}
