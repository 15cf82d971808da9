//! Pass: the title and the 发文机关标志 (red header).
//!
//! Resolves which leading lines are the notice's title. A title is one to three short lines
//! before the body, with no colon and no final `。`, whose last line ends with the document's
//! kind (`通报`, `通知`, `意见`, … or `情况`); lines broken anywhere (seed 003:
//! `中共郑州航空港经济综合实验区工作委员会` / `关于巡视整改情况的通报`) are joined, and the
//! spaces a layout put between CJK characters are dropped. Reader hints (centred, larger font)
//! pick the run when no line names a kind. A red-header line `…文件` goes to
//! `parts.issuer_mark`, not into the title (the line itself stays a paragraph). A repeated title (the same text again just above
//! the body) is removed. Title lines stay in the blocks as `title` blocks; the joined text goes
//! to `meta.title`, replacing a title from a metadata table (the body title is what a reader
//! sees; both name the same document).

use super::scan::{self, char_len};
use crate::model::{Align, Block, BlockKind, Code, Diagnostic, Meta, Parts};

/// How many leading blocks may hold the title.
const HEAD_WINDOW: usize = 15;
/// Longest title line, in chars.
const MAX_LINE: usize = 60;
/// Longest joined title, in chars.
const MAX_TITLE: usize = 100;

/// The kinds of 公文 (条例 2012) and the words that end the titles of published notices.
const KINDS: &[&str] = &[
    "通报", "通知", "决议", "决定", "命令", "公报", "公告", "通告", "意见", "报告", "请示", "批复",
    "议案", "函", "纪要", "情况", "办法", "规定", "方案", "细则", "令", "讲话", "致辞",
];

/// Titles of court and procuratorate documents (`民事判决书`, `起诉书`): the line above names
/// the court, the issuer, and is not part of the title.
const COURT_KINDS: &[&str] = &[
    "判决书",
    "裁定书",
    "调解书",
    "决定书",
    "起诉书",
    "抗诉书",
    "通知书",
    "支付令",
    "建议书",
];

/// Endings of a court's or procuratorate's name.
const COURTS: &[&str] = &["法院", "检察院", "仲裁委员会"];

/// Find the title; returns the index of the first block after it (where 主送机关 may sit).
pub(crate) fn apply(
    blocks: &mut Vec<Block>,
    meta: &mut Meta,
    parts: &mut Parts,
    warnings: &mut Vec<Diagnostic>,
) -> Option<usize> {
    let head = head_len(blocks);
    // 红头: `中共XX县委员会文件`, or a short red line that names no kind. It stays in the
    // blocks (the page shows it) but is not part of the title.
    if let Some(b) = blocks.iter_mut().take(head).find(|b| is_issuer_mark(b)) {
        parts.issuer_mark = Some(scan::squeeze(&b.text));
        b.kind = BlockKind::Header;
    }
    let end = finish(blocks, head, meta, warnings);
    if let Some(end) = end {
        court(blocks, end, meta, parts);
    }
    end
}

/// A court document (`民事判决书`): the court's name on the line above the title is the
/// issuer (`meta.issuer` when the metadata named none, and `parts.issuer_mark`); the line
/// becomes a `header` block.
fn court(blocks: &mut [Block], end: usize, meta: &mut Meta, parts: &mut Parts) {
    let Some(first) = blocks
        .iter()
        .take(end)
        .position(|b| b.kind == BlockKind::Title)
    else {
        return;
    };
    let title = meta.title.as_deref().unwrap_or_default();
    if !COURT_KINDS.iter().any(|k| title.ends_with(k)) {
        return;
    }
    let Some(above) = first.checked_sub(1).and_then(|k| blocks.get_mut(k)) else {
        return;
    };
    let name = scan::squeeze(&above.text);
    if above.kind == BlockKind::Paragraph && is_court(&name) {
        meta.issuer.get_or_insert_with(|| name.clone());
        parts.issuer_mark.get_or_insert(name);
        above.kind = BlockKind::Header;
    }
}

fn is_court(name: &str) -> bool {
    COURTS.iter().any(|c| name.ends_with(c)) && (4..=40).contains(&char_len(name))
}

fn finish(
    blocks: &mut Vec<Block>,
    head: usize,
    meta: &mut Meta,
    warnings: &mut Vec<Diagnostic>,
) -> Option<usize> {
    let known = meta.title.as_deref().map(scan::squeeze);
    let Some((first, last)) = known
        .and_then(|t| matching(blocks, head, &t).map(|r| with_organ(blocks, r, &t)))
        .or_else(|| pick(blocks, head))
    else {
        if meta.title.is_none() && blocks.len() >= 3 {
            warnings.push(Diagnostic::new(
                Code::NoTitle,
                "no title found above the body",
            ));
        }
        return None;
    };
    let mut title = String::new();
    for b in blocks.iter_mut().take(last + 1).skip(first) {
        b.kind = BlockKind::Title;
        title.push_str(&scan::squeeze(&b.text));
    }
    // A repeated title right below (web pages print it twice) is not body text.
    let mut end = last + 1;
    let repeats = blocks
        .iter()
        .skip(end)
        .take_while(|b| b.kind == BlockKind::Paragraph && scan::squeeze(&b.text) == title)
        .count();
    // One drain, not one `remove` per repeat: a hostile text repeating its title 100 000
    // times must not be quadratic.
    blocks.drain(end..end + repeats);
    // Also when the repeat came first (above the chosen lines).
    let mut i = 0;
    while i < first {
        if blocks
            .get(i)
            .is_some_and(|b| scan::squeeze(&b.text) == title)
        {
            blocks.remove(i);
            end -= 1;
            break;
        }
        i += 1;
    }
    meta.title = Some(title);
    Some(end)
}

/// The leading blocks before the body starts.
fn head_len(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .take(HEAD_WINDOW)
        .position(|b| {
            let t = b.text.trim();
            b.kind == BlockKind::Paragraph && char_len(t) > 80
        })
        .unwrap_or_else(|| blocks.len().min(HEAD_WINDOW))
}

fn is_issuer_mark(b: &Block) -> bool {
    let t = scan::squeeze(&b.text);
    let n = char_len(&t);
    b.kind == BlockKind::Paragraph
        && (4..=40).contains(&n)
        && !t
            .chars()
            .any(|c| scan::is_colon(c) || scan::is_sentence_end(c) || c == '，')
        && ((t.ends_with("文件") && (b.hints.red || organ_file(&t)))
            || (b.hints.red && !ends_with_kind(&t)))
}

/// Last characters of an organ's name (`…委员会`, `…人民政府`, `…卫生局`, `…办公厅`, `…党组`).
const ORGAN_ENDINGS: &str = "会委府院厅部局办室署处科所组站队司行社联团盟省市县区镇乡";

/// `XX委员会文件`, `XX局文件`: an organ's name then `文件`, as a red header reads even without
/// its colour. A title page such as `竞争性磋商文件` or `招标文件` names a kind of paper, not
/// an organ, and is not a red header unless it is printed in red.
fn organ_file(t: &str) -> bool {
    t.strip_suffix("文件")
        .and_then(|stem| stem.chars().last())
        .is_some_and(|c| ORGAN_ENDINGS.contains(c))
}

fn ends_with_kind(t: &str) -> bool {
    let bare = t.trim_end_matches(['”', '》', ' ']);
    KINDS.iter().chain(COURT_KINDS).any(|k| bare.ends_with(k)) || is_statute_name(t)
}

/// Endings of the names of laws and regulations printed as their own title (`专利代理条例`,
/// `中华人民共和国民法典`); `…法` only after `中华人民共和国`, where it cannot be `方法`.
const STATUTE_KINDS: &[&str] = &["条例", "规则", "章程", "法典"];

/// The name of a statute as its title line: `中华人民共和国刑法`, `专利代理条例`. Not a line
/// that cites one (`关于贯彻《…条例》` breaks a two-line title before its kind).
fn is_statute_name(t: &str) -> bool {
    !t.contains("关于")
        && !t.ends_with(['》', '”'])
        && (STATUTE_KINDS.iter().any(|k| t.ends_with(k))
            || (t.starts_with("中华人民共和国") && t.ends_with('法') && char_len(t) > 8))
}

fn is_candidate(b: &Block) -> bool {
    let t = b.text.trim();
    let n = char_len(t);
    (b.kind == BlockKind::Paragraph || b.kind == BlockKind::Title)
        && (2..=MAX_LINE).contains(&n)
        && t.chars().any(scan::is_han)
        && !t
            .chars()
            .any(|c| scan::is_colon(c) || matches!(c, '。' | '；' | ';'))
        && crate::vocab::date::parse_date(t).is_none()
        && super::headings::numbering(t).is_none()
        && !super::parts::is_header_line(t)
        && !is_issuer_mark(b)
}

/// A reader says this line looks like a title: centred, outline level 1, or set clearly
/// larger than the body (`body` is the median font size).
fn hinted(b: &Block, body: Option<f32>) -> bool {
    b.kind == BlockKind::Title
        || b.hints.align == Some(Align::Center)
        || b.hints.heading_level == Some(1)
        || matches!((b.hints.font_size, body), (Some(f), Some(m)) if f >= m * 1.2)
}

/// Median font size over the blocks that carry one.
fn body_size(blocks: &[Block]) -> Option<f32> {
    let mut sizes: Vec<f32> = blocks
        .iter()
        .filter_map(|b| b.hints.font_size)
        .filter(|f| f.is_finite())
        .collect();
    sizes.sort_by(f32::total_cmp);
    sizes.get(sizes.len() / 2).copied()
}

/// The consecutive head lines that spell the title a metadata table gave: as many as it takes
/// (吉林省人民政府's 吉政明电〔2022〕1号 sets its title on four centred lines, the first
/// `吉林省人民政府关于禁止在`), each line a prefix of what is left.
fn matching(blocks: &[Block], head: usize, title: &str) -> Option<(usize, usize)> {
    if title.is_empty() {
        return None;
    }
    for first in 0..head {
        let mut joined = String::new();
        for last in first..head {
            let b = blocks.get(last)?;
            if b.kind != BlockKind::Paragraph && b.kind != BlockKind::Title {
                break;
            }
            joined.push_str(&scan::squeeze(&b.text));
            if joined == title {
                return Some((first, last));
            }
            if !title.starts_with(joined.as_str()) {
                break;
            }
        }
    }
    None
}

/// A site's `<title>` often drops the issuing organ (`关于巡视整改情况的通报`) that the body
/// prints on the line above (seed 003 as a web page): take that line in too.
fn with_organ(blocks: &[Block], (first, last): (usize, usize), title: &str) -> (usize, usize) {
    let above = first.checked_sub(1).and_then(|k| blocks.get(k));
    let organ_line = above.is_some_and(|b| {
        is_candidate(b) && !ends_with_kind(&scan::squeeze(&b.text)) && !b.text.contains("关于")
    });
    if title.starts_with("关于") && organ_line && last - first < 2 {
        (first - 1, last)
    } else {
        (first, last)
    }
}

/// Whether the line `above` belongs to the title whose lines are `first..=last`. Not when it
/// is the issuer line the title already opens with (`某某市人民政府` above
/// `某某市人民政府关于…的通知`), the speaker's name above `在……上的讲话`, or the court above a
/// `民事判决书`.
fn joins(blocks: &[Block], above: usize, first: usize, last: usize) -> bool {
    let text = |k: usize| {
        blocks
            .get(k)
            .map(|b| scan::squeeze(&b.text))
            .unwrap_or_default()
    };
    let above = text(above);
    let head = text(first);
    let kind_line = text(last);
    let speaker = head.starts_with('在')
        && (kind_line.ends_with("讲话") || kind_line.ends_with("致辞"))
        && (2..=4).contains(&char_len(&above));
    let court = COURT_KINDS.iter().any(|k| kind_line.ends_with(k)) && is_court(&above);
    !(head.starts_with(above.as_str()) || speaker || court)
}

/// A line printed again and again through the document (a running header copied out of a
/// PDF: `国务院公报`, `某某市人民政府文件`) is not its title.
fn is_running(blocks: &[Block], k: usize) -> bool {
    let Some(text) = blocks.get(k).map(|b| scan::squeeze(&b.text)) else {
        return false;
    };
    // Separate prints far below, not one run of repeats (a page printing its title twice).
    let same = |b: &Block| scan::squeeze(&b.text) == text;
    let far = blocks
        .windows(2)
        .skip(k + HEAD_WINDOW)
        .filter(|w| matches!(w, [prev, b] if same(b) && !same(prev)))
        .count();
    far >= 2
}

/// Title lines are set on one page: a cover page's `竞争性磋商文件` and the first line of
/// the next page are two things.
fn same_page(blocks: &[Block], a: usize, b: usize) -> bool {
    let page = |k: usize| blocks.get(k).and_then(|b| b.origin.page);
    page(a) == page(b)
}

/// (first, last) block index of the title lines among the first `head` blocks.
fn pick(blocks: &[Block], head: usize) -> Option<(usize, usize)> {
    let body = body_size(blocks);
    // When a reader marked some candidate line (centred, larger), only marked lines count.
    let any_hint = (0..head).any(|k| {
        blocks
            .get(k)
            .is_some_and(|b| is_candidate(b) && hinted(b, body))
    });
    let cand = |k: usize| {
        blocks
            .get(k)
            .is_some_and(|b| is_candidate(b) && (!any_hint || hinted(b, body)))
            && !is_running(blocks, k)
    };
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < head {
        if cand(i) {
            let start = i;
            while i + 1 < head && cand(i + 1) && same_page(blocks, i, i + 1) {
                i += 1;
            }
            runs.push((start, i));
        }
        i += 1;
    }
    for &(start, end) in &runs {
        // The first line of the run that names a kind closes the title.
        let Some(last) = (start..=end).find(|&k| {
            blocks
                .get(k)
                .is_some_and(|b| ends_with_kind(&scan::squeeze(&b.text)))
        }) else {
            continue;
        };
        let mut first = last;
        let mut len = blocks.get(last).map_or(0, |b| char_len(b.text.trim()));
        while first > start && last - first < 2 {
            let prev = blocks.get(first - 1).map_or(0, |b| char_len(b.text.trim()));
            if len + prev > MAX_TITLE
                || !joins(blocks, first - 1, first, last)
                || !same_page(blocks, first - 1, first)
            {
                break;
            }
            len += prev;
            first -= 1;
        }
        return Some((first, last));
    }
    // No line names a kind: trust a reader's hint, if any.
    if any_hint {
        return runs.into_iter().find(|&(s, e)| e - s < 3);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title(lines: &[&str]) -> (Option<String>, Option<String>, Vec<String>) {
        let mut blocks: Vec<Block> = lines.iter().map(|l| Block::paragraph(*l)).collect();
        let mut meta = Meta::default();
        let mut parts = Parts::default();
        apply(&mut blocks, &mut meta, &mut parts, &mut Vec::new());
        let left = blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Paragraph)
            .map(|b| b.text.clone())
            .collect();
        (meta.title, parts.issuer_mark, left)
    }

    const BODY: &str = "根据省委统一部署，2023年7月7日至9月7日，省委第四巡视组对某区进行了巡视。现将巡视整改情况予以公布，欢迎监督，谢谢大家支持。";

    #[test]
    fn red_header_lines_name_an_organ_or_are_red() {
        let mark = |text: &str, red: bool| {
            let mut b = Block::paragraph(text);
            b.hints.red = red;
            is_issuer_mark(&b)
        };
        assert!(mark("中共某某县委员会文件", false));
        assert!(mark("某某区卫生局文件", false));
        assert!(mark("某某市人民政府办公室文件", false));
        assert!(!mark("竞争性磋商文件", false));
        assert!(!mark("招标文件", false));
        assert!(mark("竞争性磋商文件", true));
    }

    #[test]
    fn statute_names_are_titles_but_not_a_cited_one() {
        let t = title(&[
            "中华人民共和国刑法",
            "1997年3月14日 第八届全国人民代表大会第五次会议修订",
            BODY,
        ]);
        assert_eq!(t.0.as_deref(), Some("中华人民共和国刑法"));
        let t = title(&["专利代理条例", BODY]);
        assert_eq!(t.0.as_deref(), Some("专利代理条例"));
        let t = title(&["关于贯彻落实《某某条例》", "的实施意见", BODY]);
        assert_eq!(t.0.as_deref(), Some("关于贯彻落实《某某条例》的实施意见"));
        let t = title(&["中华人民共和国海关法", BODY]);
        assert_eq!(t.0.as_deref(), Some("中华人民共和国海关法"));
        // `…方法` is no statute.
        let t = title(&["一种新的工作方法", BODY]);
        assert_eq!(t.0, None);
    }

    #[test]
    fn split_title() {
        let (t, _, _) = title(&[
            "中共郑州航空港经济综合实验区工作委员会",
            "关于巡视整改情况的通报",
            "来源:某网 日期:2024-09-10 11:05",
            BODY,
        ]);
        assert_eq!(
            t.as_deref(),
            Some("中共郑州航空港经济综合实验区工作委员会关于巡视整改情况的通报")
        );
    }

    #[test]
    fn three_lines_and_red_header() {
        let (t, mark, left) = title(&[
            "中共广州花都（清新）产业转移工业园委员会文件",
            "中共某某",
            "委员会关于巡察",
            "整改进展情况的通报",
            BODY,
        ]);
        assert_eq!(
            t.as_deref(),
            Some("中共某某委员会关于巡察整改进展情况的通报")
        );
        assert_eq!(
            mark.as_deref(),
            Some("中共广州花都（清新）产业转移工业园委员会文件")
        );
        assert_eq!(left, [BODY]);
    }

    #[test]
    fn spaced_title_and_repeat() {
        let (t, _, left) = title(&[
            "中共某某委员会 巡察反馈意见集中整改进展情况的通报",
            "中共某某委员会巡察反馈意见集中整改进展情况的通报",
            BODY,
        ]);
        assert_eq!(
            t.as_deref(),
            Some("中共某某委员会巡察反馈意见集中整改进展情况的通报")
        );
        assert_eq!(left, [BODY]);
    }

    #[test]
    fn many_repeats_go_in_one_step() {
        let t = "中共某某委员会关于巡察整改进展情况的通报";
        let mut lines = vec![t; 50_001];
        lines.push(BODY);
        let (got, _, left) = title(&lines);
        assert_eq!(got.as_deref(), Some(t));
        assert_eq!(left, [BODY]);
    }

    #[test]
    fn metadata_lines_are_not_titles() {
        let (t, _, _) = title(&[
            "名称: 某某关于巡察整改进展情况的通报",
            "发布日期:2023-07-14  浏览次数:-",
            "某某党组关于巡察整改进展情况的通报",
            BODY,
        ]);
        assert_eq!(t.as_deref(), Some("某某党组关于巡察整改进展情况的通报"));
    }

    #[test]
    fn title_known_from_metadata() {
        let mut blocks = vec![
            Block::paragraph("某某区2023年度"),
            Block::paragraph("工作要点"),
            Block::paragraph(BODY),
        ];
        let mut meta = Meta {
            title: Some("某某区2023年度工作要点".into()),
            ..Meta::default()
        };
        apply(
            &mut blocks,
            &mut meta,
            &mut Parts::default(),
            &mut Vec::new(),
        );
        assert_eq!(blocks[1].kind, BlockKind::Title);
        assert_eq!(meta.title.as_deref(), Some("某某区2023年度工作要点"));
    }

    #[test]
    fn larger_font_picks_the_run() {
        let mut blocks = vec![
            Block::paragraph("某某区工作动态"),
            Block::paragraph("某某区2023年度工作要点"),
            Block::paragraph(BODY),
            Block::paragraph(BODY),
        ];
        for (b, size) in blocks.iter_mut().zip([16.0, 22.0, 16.0, 16.0]) {
            b.hints.font_size = Some(size);
        }
        blocks[0].text = "某某区工作动态通报".into();
        let mut meta = Meta::default();
        apply(
            &mut blocks,
            &mut meta,
            &mut Parts::default(),
            &mut Vec::new(),
        );
        assert_eq!(meta.title.as_deref(), Some("某某区2023年度工作要点"));
    }

    #[test]
    fn metadata_title_without_organ() {
        let mut blocks = vec![
            Block::paragraph("中共郑州航空港经济综合实验区工作委员会"),
            Block::paragraph("关于巡视整改情况的通报"),
            Block::paragraph(BODY),
        ];
        let mut meta = Meta {
            title: Some("关于巡视整改情况的通报".into()),
            ..Meta::default()
        };
        apply(
            &mut blocks,
            &mut meta,
            &mut Parts::default(),
            &mut Vec::new(),
        );
        assert_eq!(
            meta.title.as_deref(),
            Some("中共郑州航空港经济综合实验区工作委员会关于巡视整改情况的通报")
        );
    }

    #[test]
    fn no_title() {
        let (t, _, _) = title(&[BODY, "一、组织整改落实情况。"]);
        assert_eq!(t, None);
    }

    #[test]
    fn hinted_title_without_kind_word() {
        let mut blocks = vec![
            Block::paragraph("某某区2023年度工作要点"),
            Block::paragraph(BODY),
        ];
        blocks[0].hints.align = Some(Align::Center);
        let mut meta = Meta::default();
        apply(
            &mut blocks,
            &mut meta,
            &mut Parts::default(),
            &mut Vec::new(),
        );
        assert_eq!(meta.title.as_deref(), Some("某某区2023年度工作要点"));
    }
}
