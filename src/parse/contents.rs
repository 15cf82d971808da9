//! Pass: the table of contents.
//!
//! Resolves a `目录` (`目　　录`) line and the entries under it into blocks marked
//! `contents`, so they are neither headings nor body text. An entry is a short line with no
//! sentence end that carries a page number after dotted leaders (`1 总则……………1`,
//! `第一章 总则 ...... 3`) or is itself a numbered heading line (`第二章 防震减灾规划`). The
//! run stops at the first other line, or where the first entry comes round again (laws print
//! their chapter list and then the chapters themselves).

use super::headings;
use super::scan;
use crate::model::{Block, BlockKind};

/// Longest contents entry, in chars.
const MAX_ENTRY_CHARS: usize = 60;

/// Mark the contents blocks from `start` on.
pub(crate) fn apply(blocks: &mut [Block], start: usize) {
    let Some(head) = blocks
        .iter()
        .enumerate()
        .skip(start)
        .find(|(_, b)| b.kind == BlockKind::Paragraph && is_contents_label(&b.text))
        .map(|(i, _)| i)
    else {
        return;
    };
    let mut first: Option<String> = None;
    let mut end = head + 1;
    for b in blocks.iter().skip(head + 1) {
        if b.kind != BlockKind::Paragraph || !is_entry(&b.text) {
            break;
        }
        let key = entry_key(&b.text);
        match &first {
            Some(f) if *f == key => break,
            None => first = Some(key),
            _ => {}
        }
        end += 1;
    }
    if end == head + 1 {
        return; // a `目录` with no entries is a word, not a table of contents
    }
    for b in blocks.iter_mut().take(end).skip(head) {
        b.contents = true;
    }
}

/// `目录` or `目次`, white space allowed anywhere (`目　　录`). Asked of every paragraph, so the
/// chars are compared as they come instead of collecting the squeezed text first.
fn is_contents_label(text: &str) -> bool {
    let mut t = text.chars().filter(|c| !c.is_whitespace());
    t.next() == Some('目') && matches!(t.next(), Some('录' | '次')) && t.next().is_none()
}

fn is_entry(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty()
        || scan::char_len(t) > MAX_ENTRY_CHARS
        || t.chars()
            .any(|c| scan::is_sentence_end(c) || matches!(c, '；' | ';'))
    {
        return false;
    }
    has_page_number(t) || headings::numbering(t).is_some()
}

/// `总则……1`, `总则 ..... 12`, `总则···3`: a leader of at least three dots, then digits.
fn has_page_number(t: &str) -> bool {
    let digits = t.trim_end_matches(|c: char| c.is_ascii_digit());
    if digits.len() == t.len() {
        return false;
    }
    let leader = digits.trim_end();
    let dots = leader
        .chars()
        .rev()
        .take_while(|c| matches!(c, '.' | '…' | '·' | '．' | '-' | '—'))
        .count();
    dots >= 3 || (leader.ends_with('…') && dots >= 2) || leader.ends_with("……")
}

/// The entry without leaders, page number and spaces: `第一章 总 则 …… 1` → `第一章总则`.
fn entry_key(text: &str) -> String {
    let t = text
        .trim()
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '…' | '·' | '．'));
    t.chars().filter(|c| !c.is_whitespace()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(lines: &[&str]) -> Vec<bool> {
        let mut blocks: Vec<Block> = lines.iter().map(|l| Block::paragraph(*l)).collect();
        apply(&mut blocks, 0);
        blocks.iter().map(|b| b.contents).collect()
    }

    #[test]
    fn law_chapter_list_then_chapters() {
        let got = marked(&[
            "目　　录",
            "第一章　总　　则",
            "第二章　防震减灾规划",
            "第一章　总　　则",
            "第一条　为了防御和减轻地震灾害，制定本法。",
        ]);
        assert_eq!(got, [true, true, true, false, false]);
    }

    #[test]
    fn dotted_leaders_and_page_numbers() {
        let got = marked(&[
            "目录",
            "1 总则……………………1",
            "1.1 编制目的 ........ 1",
            "2 组织体系···········3",
            "1 总则",
            "1.1 编制目的",
        ]);
        assert_eq!(got, [true, true, true, true, false, false]);
    }

    #[test]
    fn contents_labels() {
        for (text, want) in [
            ("目录", true),
            ("目　　录", true),
            (" 目 次 ", true),
            ("目", false),
            ("目录一", false),
            ("录目", false),
            ("", false),
            ("目标", false),
        ] {
            assert_eq!(is_contents_label(text), want, "{text:?}");
        }
    }

    #[test]
    fn the_word_alone_is_not_a_table_of_contents() {
        assert_eq!(
            marked(&["目录", "根据工作需要，编制本目录。"]),
            [false, false]
        );
    }
}
