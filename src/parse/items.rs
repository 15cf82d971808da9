//! Numbered lines that are list items, not headings.
//!
//! Resolves runs such as `（一）…；（二）…；（三）…。` (the 项 of an article) or `1.…；2.…。`
//! inside a paragraph's flow. Whether a numbered line is a heading is decided for the siblings
//! as a group, not line by line: looked at alone, `（三）六十厘米。` ends like a heading and
//! `（二）八十厘米；` like a paragraph, which gave a tree with one level-1 heading among
//! paragraphs and false `numbering_gap` warnings.
//!
//! A run is consecutive blocks numbered in one style from 1 up by one, with nothing between
//! them but the items of a nested list under a member that ends in a colon
//! (`（二）下列情形：` / `1.…；` / `2.…。` / `（三）…`). It is a list when it has at least
//! two members and either some member ends in `；` (items of one sentence joined into one)
//! or the line before it ends in a colon (`下列机构应当悬挂国徽：`), or it is at least three
//! sentences ending in `。` one right after another (the 职责 of an emergency plan), and no
//! member is long enough to be a section of its own. A run of headings each followed by its own body text is
//! never consecutive, so it never qualifies.

use std::collections::HashSet;

use super::headings::{numbering, Numbering, Style};
use super::scan;
use crate::model::{Block, BlockKind};

/// Longest member of a list, in chars: a longer numbered block is a section's text.
const MAX_ITEM_CHARS: usize = 300;

/// Indices of the blocks (from `start`) that are members of a list run.
pub(crate) fn runs(blocks: &[Block], start: usize) -> HashSet<usize> {
    let numbered: Vec<Option<Numbering>> = blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let candidate = i >= start && b.kind == BlockKind::Paragraph && !b.contents;
            candidate
                .then(|| numbering(&b.text))
                .flatten()
                .filter(|n| (is_item_style(n.style) || n.style == Style::CnComma) && !n.loose)
        })
        .collect();
    let mut listed = HashSet::new();
    for (i, num) in numbered.iter().enumerate() {
        let Some(num) = num else { continue };
        if listed.contains(&i) {
            continue;
        }
        // `另查明：1、…。` / `2、…` / `3、…`: the list opened inside the line above.
        let opened =
            num.value == 2 && is_item_style(num.style) && opens_inline(blocks, i, num.style);
        if num.value != 1 && !opened {
            continue;
        }
        let members = run_from(blocks, &numbered, i, num.style);
        if opened || is_list(blocks, &numbered, &members) {
            listed.extend(members);
        }
    }
    listed
}

/// The block as a list item: its number in `number`, the text after it in `text`.
pub(crate) fn item(mut block: Block, num: &Numbering) -> Block {
    block.text = block
        .text
        .get(num.text_start..)
        .unwrap_or("")
        .trim()
        .to_string();
    block.kind = BlockKind::ListItem;
    block.number = Some(num.marker.clone());
    block
}

fn is_item_style(style: Style) -> bool {
    matches!(
        style,
        Style::ParenCn | Style::ParenArabic | Style::Arabic | Style::Circled
    )
}

/// Members of the run of `style` that starts at `first` (value 1).
fn run_from(
    blocks: &[Block],
    numbered: &[Option<Numbering>],
    first: usize,
    style: Style,
) -> Vec<usize> {
    let mut members = vec![first];
    let mut value = numbered
        .get(first)
        .and_then(Option::as_ref)
        .map_or(1, |n| n.value);
    let mut last = first;
    for (j, num) in numbered.iter().enumerate().skip(first + 1) {
        let Some(num) = num else { break };
        if num.style == style && num.value == value.saturating_add(1) {
            members.push(j);
            value = num.value;
            last = j;
        } else if num.style == style || !ends_with_colon(blocks, last) {
            break;
        }
        // Otherwise a nested item under a member ending in `：`; its own run is checked
        // when the scan reaches it.
    }
    members
}

/// The block above `i` ends with item 1 of `style` after a colon (`另查明：1、周某系农村居民。`).
fn opens_inline(blocks: &[Block], i: usize, style: Style) -> bool {
    let Some(above) = i.checked_sub(1).and_then(|k| blocks.get(k)) else {
        return false;
    };
    if above.kind != BlockKind::Paragraph {
        return false;
    }
    let text = above.text.as_str();
    let Some(colon) = text.rfind(['：', ':']) else {
        return false;
    };
    let after = text
        .get(colon..)
        .and_then(|t| t.get(t.chars().next().map_or(0, char::len_utf8)..));
    after
        .and_then(|t| numbering(t.trim_start()))
        .is_some_and(|n| n.style == style && n.value == 1)
}

fn is_list(blocks: &[Block], numbered: &[Option<Numbering>], members: &[usize]) -> bool {
    let Some(&first) = members.first() else {
        return false;
    };
    if members.len() < 2 {
        return false;
    }
    let texts: Vec<&str> = members
        .iter()
        .filter_map(|&m| item_text(blocks, numbered, m))
        .collect();
    if texts.iter().any(|t| scan::char_len(t) > MAX_ITEM_CHARS) {
        return false;
    }
    let semicolon = texts.iter().any(|t| t.ends_with(['；', ';']));
    let introduced = first
        .checked_sub(1)
        .is_some_and(|before| ends_with_colon(blocks, before));
    // Sentences numbered one after another with nothing between them (`（1）…。（2）…。` under
    // `2.1.1 职责`): headings would each have text of their own below them.
    let adjacent = members
        .windows(2)
        .all(|w| matches!(w, [a, b] if b - a == 1));
    // One sentence each: `（一）落实主体责任。坚持…` is a run-in heading and its text.
    let sentences = texts.len() == members.len()
        && texts
            .iter()
            .all(|t| t.ends_with('。') && t.matches('。').count() == 1);
    let run_of_sentences = adjacent && sentences && members.len() >= 3;
    // `一、` is a notice's top heading layer: its lines are items only as the operative part
    // of a judgment or decision is, sentences one right after another under `判决如下：`.
    let top_layer = numbered
        .get(first)
        .and_then(Option::as_ref)
        .is_some_and(|n| n.style == Style::CnComma);
    if top_layer {
        return introduced && run_of_sentences;
    }
    semicolon || introduced || run_of_sentences
}

fn item_text<'a>(blocks: &'a [Block], numbered: &[Option<Numbering>], i: usize) -> Option<&'a str> {
    let num = numbered.get(i)?.as_ref()?;
    Some(blocks.get(i)?.text.get(num.text_start..)?.trim())
}

fn ends_with_colon(blocks: &[Block], i: usize) -> bool {
    blocks
        .get(i)
        .is_some_and(|b| b.text.trim_end().ends_with(['：', ':']))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listed(lines: &[&str]) -> Vec<usize> {
        let blocks: Vec<Block> = lines.iter().map(|l| Block::paragraph(*l)).collect();
        let mut v: Vec<usize> = runs(&blocks, 0).into_iter().collect();
        v.sort_unstable();
        v
    }

    #[test]
    fn items_of_an_article() {
        let got = listed(&[
            "第十六条 悬挂的国徽由国家指定的企业统一制作，其直径的通用尺度为下列三种：",
            "（一）一百厘米；",
            "（二）八十厘米；",
            "（三）六十厘米。",
            "需要悬挂非通用尺度国徽的，应当按照通用尺度成比例适当放大或者缩小。",
        ]);
        assert_eq!(got, [1, 2, 3]);
    }

    #[test]
    fn one_sentence_members_one_after_another() {
        let duties = [
            "2.1.1 指挥部职责",
            "（1）掌握粮食市场形势，提出建议。",
            "（2）开展督查和指导。",
            "（3）完成交办的其他事项。",
            "2.1.2 办公室职责",
        ];
        assert_eq!(listed(&duties), [1, 2, 3]);
        // Two are not enough; run-in headings carry more than one sentence; headings with
        // their own text between them are not one after another.
        assert!(listed(&duties[..3]).is_empty());
        assert!(listed(&[
            "（一）落实主体责任。坚持以人民为中心。",
            "（二）巩固整改成果。坚持目标不变。",
            "（三）抓好成果运用。把整改结合起来。",
        ])
        .is_empty());
        assert!(listed(&[
            "（1）统一领导、分级负责。",
            "各级人民政府负责本地区的工作。",
            "（2）科学监测、预防为主。",
            "加强监测。",
            "（3）反应及时、处置果断。",
        ])
        .is_empty());
    }

    #[test]
    fn operative_part_of_a_judgment() {
        let lines = [
            "依照《中华人民共和国民事诉讼法》第六十四条之规定，判决如下：",
            "一、被告应当赔偿原告各项损失共计12392.97元，于本判决生效后十日内付清。",
            "二、驳回原告的其他诉讼请求。",
            "三、驳回反诉原告的其他反诉请求。",
            "案件受理费155元，由原告负担。",
        ];
        assert_eq!(listed(&lines), [1, 2, 3]);
        // Without the colon, or with text under each, `一、` lines stay headings.
        assert!(listed(&lines[1..]).is_empty());
        assert!(listed(&[
            "现将有关事项通知如下：",
            "一、提高认识。",
            "各单位要高度重视。",
            "二、加强领导。",
            "各单位要加强领导。",
            "三、抓好落实。",
        ])
        .is_empty());
        // `一、…；` points introduced by a colon are a notice's headings too.
        assert!(listed(&[
            "通知如下：",
            "一、总体要求；",
            "二、主要任务；",
            "三、保障措施。"
        ])
        .is_empty());
    }

    #[test]
    fn a_list_opened_inside_the_line_above() {
        let got = listed(&[
            "另查明：1、周某系农村居民。",
            "2、该车的实际所有人为靳某。",
            "3、事故发生后，周某出具一份证明。",
            "以上事实，有双方的陈述等证据证明。",
        ]);
        assert_eq!(got, [1, 2]);
        // No item 1 after the colon above: `2、` is not continuing anything.
        assert!(listed(&[
            "另查明：周某系农村居民。",
            "2、该车的所有人为靳某。",
            "3、其他。"
        ])
        .is_empty());
    }

    #[test]
    fn nested_items_under_a_colon() {
        let got = listed(&[
            "有下列情形之一的，不予登记：",
            "（一）申请材料不全的；",
            "（二）有下列行为之一的：",
            "1.伪造材料；",
            "2.隐瞒事实。",
            "（三）法律规定的其他情形。",
        ]);
        assert_eq!(got, [1, 2, 3, 4, 5]);
    }

    #[test]
    fn headings_with_bodies_are_not_a_list() {
        let got = listed(&[
            "一、总体情况",
            "（一）提高政治站位。",
            "区委旗帜鲜明讲政治。",
            "（二）压实整改责任。",
            "成立领导小组。",
        ]);
        assert!(got.is_empty());
        // Adjacent headings with no semicolon and no lead-in colon stay headings too.
        assert!(listed(&["（一）关于甲的问题", "（二）关于乙的问题"]).is_empty());
    }
}
