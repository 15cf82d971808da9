//! Pass: paragraphs broken in mid-sentence.
//!
//! Text copied out of a PDF keeps the page break as a paragraph break, and so do the DOCX and
//! HTML files made from such text: seed 004 has `…按规定落实整改，确保整改` / `到位。` and
//! `…达到了发扬民` / `主、增进团结…的目的。`. The PDF and OFD readers rejoin across pages
//! themselves (they see the page geometry); this pass repairs what reaches the parser already
//! broken, from any reader.
//!
//! Two neighbouring body paragraphs are joined when all of these hold, so that ordinary short
//! lines (contacts, labels, signatures) never are:
//! - the first is running prose: at least [`MIN_PROSE`] chars, with a `，、；《“（` inside, and
//!   it stops on a Han character, a digit or a mark that cannot end a sentence (`，、《“（`);
//! - the second does not start with a heading or list number or a label (`整改情况：`) and does
//!   start with a Han character or a continuing mark (`，、。`…);
//! - the second ends a sentence (`。！？；`, possibly before a closing quote or bracket), so
//!   the joined paragraph is whole.

use super::headings;
use super::scan::{char_len, is_colon, is_han};
use crate::model::{Block, BlockKind, Span};

/// Shortest first half worth joining, in chars: shorter unterminated lines are labels.
const MIN_PROSE: usize = 30;

/// Join broken paragraph pairs at or after `start`; returns how many were joined.
pub(crate) fn apply(blocks: &mut Vec<Block>, start: usize) -> usize {
    // One pass into a new vector (not `Vec::remove`, which would make a text of many broken
    // paragraphs quadratic).
    let start = start.min(blocks.len());
    let tail = blocks.split_off(start);
    let mut joined = 0;
    for block in tail {
        blocks.push(block);
        // The joined paragraph may complete the one before it (a break on every page of a
        // long paragraph), so keep folding the last two while they pair up.
        while blocks.len() > start + 1 && last_two_pair_up(blocks) {
            if let Some(second) = blocks.pop() {
                if let Some(first) = blocks.last_mut() {
                    merge(first, second);
                    joined += 1;
                }
            }
        }
    }
    joined
}

fn last_two_pair_up(blocks: &[Block]) -> bool {
    match blocks {
        [.., a, b] => is_broken_pair(a, b),
        _ => false,
    }
}

fn is_broken_pair(a: &Block, b: &Block) -> bool {
    a.kind == BlockKind::Paragraph
        && b.kind == BlockKind::Paragraph
        && a.table.is_none()
        && b.table.is_none()
        && stops_mid_sentence(a.text.trim_end())
        && continues_sentence(b.text.trim())
}

fn stops_mid_sentence(text: &str) -> bool {
    let Some(last) = text.chars().next_back() else {
        return false;
    };
    char_len(text) >= MIN_PROSE
        && text.contains(['，', '、', '；', '《', '“', '（'])
        && (is_han(last) || last.is_ascii_digit() || "，、《“（".contains(last))
}

fn continues_sentence(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    let opens = is_han(first) || "，、。；：”）》".contains(first);
    let trimmed = text.trim_end_matches(['”', '’', '）', ')', '》', '」']);
    let ends = trimmed
        .chars()
        .next_back()
        .is_some_and(|c| "。！？；!?;".contains(c));
    opens && ends && headings::numbering(text).is_none() && !starts_with_label(text)
}

/// `整改落实情况：已完成整改。`: a line that opens with a short label is an item of its own,
/// even when the line before it forgot its full stop (seed 002).
fn starts_with_label(text: &str) -> bool {
    text.chars().take(LABEL_WINDOW).any(is_colon)
}

/// How far into a line a label's colon may sit, in chars.
const LABEL_WINDOW: usize = 12;

fn merge(first: &mut Block, second: Block) {
    first.text.truncate(first.text.trim_end().len());
    first.text.push_str(second.text.trim_start());
    first.origin.span = match (first.origin.span, second.origin.span) {
        (Some(a), Some(b)) => Some(Span {
            start: a.start.min(b.start),
            end: a.end.max(b.end),
        }),
        (a, _) => a,
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str) -> Block {
        Block::new(BlockKind::Paragraph, text)
    }

    fn texts(blocks: &[Block]) -> Vec<&str> {
        blocks.iter().map(|b| b.text.as_str()).collect()
    }

    #[test]
    fn seed_004_breaks_are_joined() {
        let mut blocks = vec![
            para("工业园党委主要领导深入研究区委巡察“回头看”反馈意见，多次作出指示，采取有力措施，按时、按规定落实整改，确保整改"),
            para("到位。"),
            para("党委领导班子围绕巡察“回头看”反馈意见和整改工作进行了批评与相互批评，推诚相见，碰撞思想，达到了发扬民"),
            para("主、增进团结、加强修养、改进作风、促进工作的目的。"),
        ];
        assert_eq!(apply(&mut blocks, 0), 2);
        assert_eq!(
            texts(&blocks),
            [
                "工业园党委主要领导深入研究区委巡察“回头看”反馈意见，多次作出指示，采取有力措施，按时、按规定落实整改，确保整改到位。",
                "党委领导班子围绕巡察“回头看”反馈意见和整改工作进行了批评与相互批评，推诚相见，碰撞思想，达到了发扬民主、增进团结、加强修养、改进作风、促进工作的目的。",
            ]
        );
    }

    #[test]
    fn whole_paragraphs_labels_and_headings_stay_apart() {
        let long = "按照巡察反馈要求，逐一对照反馈问题进行自我剖析、深入思考、采取措施，确保整改工作取得实效";
        let cases: &[(&str, &str)] = &[
            // The first ends a sentence.
            ("按照巡察反馈要求，逐一对照反馈问题进行自我剖析、深入思考、采取措施，确保整改工作取得实效。", "到位。"),
            // The first is a short label line.
            ("联系人：张三，李四", "电话：020-12345678。"),
            // The second is a heading or a list number.
            (long, "二、强化政治担当，狠抓整改落实"),
            (long, "（二）健全整改机制。"),
            (long, "1.关于问题。"),
            // The second does not end a sentence (a title, a signature).
            (long, "中共某某区委员会"),
            // The second starts with Latin text or a digit: not the rest of a Chinese word.
            (long, "2022年6月30日。"),
            // The second opens with a label (seed 002: the first forgot its full stop).
            (
                "三是成立中小航空发动机与通用航空产业链办公室工作专班，推动航空产业高质量发展",
                "整改落实情况：已完成整改，并长期坚持。",
            ),
        ];
        for (a, b) in cases {
            let mut blocks = vec![para(a), para(b)];
            assert_eq!(apply(&mut blocks, 0), 0, "{a} / {b}");
        }
        // Headings and tables are never halves.
        let mut heading = para(long);
        heading.kind = BlockKind::Heading;
        let mut blocks = vec![heading, para("到位。")];
        assert_eq!(apply(&mut blocks, 0), 0);
    }

    #[test]
    fn many_breaks_join_in_one_pass() {
        // 20 000 broken pairs: linear, not one `Vec::remove` per join.
        let first = "按照巡察反馈要求，逐一对照反馈问题进行自我剖析、深入思考、采取措施，确保整改";
        let mut blocks: Vec<Block> = (0..40_000)
            .map(|i| para(if i % 2 == 0 { first } else { "到位。" }))
            .collect();
        assert_eq!(apply(&mut blocks, 0), 20_000);
        assert_eq!(blocks.len(), 20_000);
        assert!(blocks.iter().all(|b| b.text.ends_with("确保整改到位。")));
        // Blocks before `start` are left alone.
        let mut blocks = vec![para(first), para("到位。"), para(first), para("到位。")];
        assert_eq!(apply(&mut blocks, 1), 1);
        assert_eq!(blocks.len(), 3);
    }

    #[test]
    fn spans_cover_both_halves_and_chains_join() {
        let mut a = para("工业园党委主要领导深入研究区委巡察反馈意见，多次作出指示，制定整改措施和完善制度规则，及时印发整改");
        a.origin.span = Some(Span {
            start: 10,
            end: 200,
        });
        let mut b = para("通知和问题清单，进一步明确整改要求、整改责任、整改时限，要求各部门对号");
        b.origin.span = Some(Span {
            start: 202,
            end: 300,
        });
        let mut c = para("入座。");
        c.origin.span = Some(Span {
            start: 302,
            end: 311,
        });
        let mut blocks = vec![a, b, c];
        // b does not end a sentence, so a+b waits; b+c joins, then a+(bc) joins.
        assert_eq!(apply(&mut blocks, 0), 2);
        assert_eq!(blocks.len(), 1);
        assert!(blocks[0].text.ends_with("及时印发整改通知和问题清单，进一步明确整改要求、整改责任、整改时限，要求各部门对号入座。"));
        assert_eq!(
            blocks[0].origin.span,
            Some(Span {
                start: 10,
                end: 311
            })
        );
    }
}
