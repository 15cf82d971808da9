//! Pass: site chrome that survived a reader.
//!
//! Resolves which lines are page furniture rather than notice text: breadcrumbs
//! (`所在位置：首页 > …`, `您的位置`), print/close/font-size bars (`【打印】【关闭】`,
//! `字体[ 大 中 小 ]`), section banners before the title (`政府信息公开 规章库`), and the site
//! footer after the signature (主办单位, 合作单位, ICP备, 公网安备, 网站标识码, 投稿邮箱 and the bare
//! site e-mail that sits among them). Head chrome is dropped with a `chrome_removed` warning,
//! footer chrome with `footer_chrome_dropped`.
//!
//! Only the head (before the body starts) and the trailing run of the document are examined:
//! a body sentence that mentions a `主办单位` is text, not chrome. The wording itself is
//! [`crate::vocab::chrome`]'s; this pass decides where it counts.

use super::scan::{self, char_len};
use crate::model::{Block, BlockKind, Code, Diagnostic};
use crate::vocab::chrome::{is_bare_contact, is_footer_chrome, is_head_chrome};

/// How many leading blocks may hold head chrome.
const HEAD_WINDOW: usize = 20;

/// Drop head and footer chrome from `blocks`.
pub(crate) fn apply(blocks: &mut Vec<Block>, drop_footer: bool, warnings: &mut Vec<Diagnostic>) {
    let mut drop = vec![false; blocks.len()];
    let mut head_dropped = Vec::new();
    for (i, block) in blocks.iter().enumerate().take(HEAD_WINDOW) {
        if block.kind != BlockKind::Paragraph {
            continue;
        }
        if body_started(&block.text) {
            break;
        }
        if is_head_chrome(&block.text) {
            if let Some(d) = drop.get_mut(i) {
                *d = true;
            }
            head_dropped.push(i);
        }
    }
    let mut footer_dropped = Vec::new();
    if drop_footer {
        // The trailing run of footer lines; a bare e-mail or URL belongs to it only when a
        // strong marker is in the run too (a notice may end with a plain contact line).
        let mut run = Vec::new();
        let mut strong = false;
        for (i, block) in blocks.iter().enumerate().rev() {
            if block.kind != BlockKind::Paragraph {
                break;
            }
            if is_footer_chrome(&block.text) {
                strong = true;
                run.push(i);
            } else if is_bare_contact(&block.text) {
                run.push(i);
            } else {
                break;
            }
        }
        if strong {
            footer_dropped = run;
        }
    }
    for &i in &footer_dropped {
        if let Some(d) = drop.get_mut(i) {
            *d = true;
        }
    }
    if let Some(&first) = head_dropped.first() {
        let origin = blocks.get(first).map(|b| b.origin.clone());
        let mut d = Diagnostic::new(
            Code::ChromeRemoved,
            format!(
                "{} line(s) of site chrome before the title removed",
                head_dropped.len()
            ),
        );
        if let Some(o) = origin {
            d = d.at(o);
        }
        warnings.push(d);
    }
    if let Some(&first) = footer_dropped.iter().min() {
        let texts: Vec<String> = footer_dropped
            .iter()
            .rev()
            .filter_map(|&i| blocks.get(i))
            .map(|b| b.text.trim().to_string())
            .collect();
        let origin = blocks.get(first).map(|b| b.origin.clone());
        let mut d = Diagnostic::new(
            Code::FooterChromeDropped,
            format!("site footer dropped: {}", texts.join(" | ")),
        );
        if let Some(o) = origin {
            d = d.at(o);
        }
        warnings.push(d);
    }
    let mut i = 0;
    blocks.retain(|_| {
        let keep = !drop.get(i).copied().unwrap_or(false);
        i += 1;
        keep
    });
}

/// A line that can only be body text: long prose.
fn body_started(text: &str) -> bool {
    let t = text.trim();
    char_len(t) > 80 && t.chars().any(scan::is_sentence_end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(lines: &[&str]) -> (Vec<String>, Vec<Code>) {
        let mut blocks: Vec<Block> = lines.iter().map(|l| Block::paragraph(*l)).collect();
        let mut warnings = Vec::new();
        apply(&mut blocks, true, &mut warnings);
        (
            blocks.into_iter().map(|b| b.text).collect(),
            warnings.into_iter().map(|w| w.code).collect(),
        )
    }

    #[test]
    fn footer_run() {
        let (kept, codes) = run(&[
            "正文。",
            "中共广州市花都区委",
            "2021年11月22日",
            "附件:",
            "主办单位:中共广东省纪律检查委员会 广东省监察委员会",
            "合作单位:南方新闻网",
            "粤ICP备10233762号",
            "nyqfw@gd.gov.cn",
            "投稿邮箱",
        ]);
        assert_eq!(
            kept,
            ["正文。", "中共广州市花都区委", "2021年11月22日", "附件:"]
        );
        assert_eq!(codes, [Code::FooterChromeDropped]);
    }

    #[test]
    fn bare_email_alone_is_kept() {
        let (kept, codes) = run(&["正文。", "某某委员会", "2021年11月22日", "abc@gd.gov.cn"]);
        assert_eq!(kept.len(), 4);
        assert!(codes.is_empty());
    }

    #[test]
    fn body_mentions_are_not_chrome() {
        let (kept, _) = run(&["由主办单位负责落实整改。", "某某委员会", "2021年11月22日"]);
        assert_eq!(kept.len(), 3);
    }
}
