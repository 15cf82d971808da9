//! Pass: the GB/T 9704-2012 parts around the body.
//!
//! Resolves, in the 版头 (header, before the title): 份号 (six digits), 密级和保密期限
//! (`秘密★1年`), 紧急程度 (`特急`, `加急`), 发文字号 (`青委发〔2023〕12号`, parsed into organ,
//! year and serial; `[]` `［］` `（）` `()` `﹝﹞` `【】` variants accepted) and 签发人. After the
//! title: 主送机关, the line right after it ending in a colon. In the 版记 (colophon) at the
//! end: 抄送, 印发机关和印发日期 (`XXX办公室  2023年7月15日印发` — not the signature) and
//! 附注 (`（此件公开发布）`). Header lines stay in the blocks as paragraphs (the page shows them;
//! their content is also in `parts`); colophon lines become `closing` blocks.

use std::sync::LazyLock;

use super::scan::{self, char_len, Lazy};
use crate::model::{Block, BlockKind, DocNumber, Parts};
use crate::vocab::{date, numeral};

/// How many leading blocks may hold header parts.
const HEAD_WINDOW: usize = 15;

static DOC_NUMBER: Lazy = LazyLock::new(|| {
    scan::re(
        r"([\p{Han}A-Za-z]{1,16}?)\s*[〔\[［（(﹝【]\s*([0-9０-９]{4})\s*[〕\]］）)﹞】]\s*第?\s*([0-9０-９]{1,5})\s*号",
    )
});
static COPY_NUMBER: Lazy = LazyLock::new(|| scan::re(r"^(?:份号\s*[:：]?\s*)?([0-9]{6})$"));
static SECRECY: Lazy =
    LazyLock::new(|| scan::re(r"^(?:密级\s*[:：]?\s*)?((?:绝密|机密|秘密)(?:\s*★\s*\S*)?)$"));
static URGENCY: Lazy =
    LazyLock::new(|| scan::re(r"^(?:紧急程度\s*[:：]?\s*)?(特急|加急|特提|平急)$"));
static SIGNER: Lazy = LazyLock::new(|| scan::re(r"签\s*发\s*人\s*[:：]\s*(.+)$"));
static CC: Lazy = LazyLock::new(|| scan::re(r"^\s*抄\s*送\s*[:：]\s*(.+?)[。.]?\s*$"));
static NOTE: Lazy = LazyLock::new(|| scan::re(r"^\s*[（(](.+)[）)]\s*$"));

/// Parse a 发文字号 (`国办发〔2019〕4号`, `青委发[2023]12号`, `X发（2023）12号`).
pub(crate) fn parse_doc_number(text: &str) -> Option<DocNumber> {
    let caps = scan::captures(&DOC_NUMBER, text)?;
    let all = caps.get(0)?;
    let organ = caps.get(1)?.as_str().trim().to_string();
    let year = u16::try_from(numeral::number(caps.get(2)?.as_str())?).ok()?;
    let serial = u32::try_from(numeral::number(caps.get(3)?.as_str())?).ok()?;
    if organ.is_empty() || !(1900..=2199).contains(&year) {
        return None;
    }
    Some(DocNumber {
        text: all.as_str().trim().to_string(),
        organ,
        year,
        serial,
    })
}

/// Read the 版头 parts from the leading blocks. Stops at the first long prose block. The
/// lines stay in the blocks (they are what the page shows); their content is in `parts`.
pub(crate) fn header(blocks: &[Block], parts: &mut Parts) {
    for block in blocks.iter().take(HEAD_WINDOW) {
        if block.kind != BlockKind::Paragraph {
            continue;
        }
        let text = block.text.trim();
        if char_len(text) > 80 || text.contains('。') {
            break;
        }
        read_line(text, parts);
    }
}

/// True for a line that holds only 版头 parts (份号, 密级, 紧急程度, 发文字号, 签发人).
pub(crate) fn is_header_line(text: &str) -> bool {
    read_line(text.trim(), &mut Parts::default())
}

/// Fill `parts` from one line; true when the line holds nothing else.
fn read_line(text: &str, parts: &mut Parts) -> bool {
    // Secrecy and urgency often share a line: `秘密★1年  特急`.
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let mut all_tokens = !tokens.is_empty();
    for token in &tokens {
        if let Some(c) = scan::captures(&COPY_NUMBER, token).and_then(|c| c.get(1)) {
            parts
                .copy_number
                .get_or_insert_with(|| c.as_str().to_string());
        } else if let Some(c) = scan::captures(&SECRECY, token).and_then(|c| c.get(1)) {
            parts.secrecy.get_or_insert_with(|| c.as_str().to_string());
        } else if let Some(c) = scan::captures(&URGENCY, token).and_then(|c| c.get(1)) {
            parts.urgency.get_or_insert_with(|| c.as_str().to_string());
        } else {
            all_tokens = false;
        }
    }
    if all_tokens {
        return true;
    }
    if char_len(text) > 40 {
        return false;
    }
    // Only a line that is the number (and perhaps 签发人): a title such as
    // `关于转发国办发〔2019〕4号文件的通知` merely cites one.
    let signer = scan::captures(&SIGNER, text);
    let signer_at = signer
        .as_ref()
        .and_then(|c| c.get(0))
        .map_or(text.len(), |m| m.start());
    let own = text.get(..signer_at).unwrap_or(text).trim();
    let number = parse_doc_number(own).filter(|n| n.text == own);
    let is_number = number.is_some();
    let consumed = own.is_empty() || is_number;
    if let Some(number) = number {
        if parts.doc_number.is_none() {
            parts.doc_number = Some(number);
        }
    }
    if let Some(c) = signer.as_ref().and_then(|c| c.get(1)) {
        if consumed {
            parts.signers = c
                .as_str()
                .split(|c: char| c.is_whitespace() || matches!(c, '、' | '，' | ','))
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
        }
        return consumed;
    }
    is_number
}

/// 主送机关: the block right after the title, when it is a short line ending in a colon.
pub(crate) fn addressee(blocks: &[Block], after_title: usize, parts: &mut Parts) {
    // Web pages print the 发文字号 between the title and the addressee.
    let Some(block) = blocks
        .iter()
        .skip(after_title)
        .take(4)
        .find(|b| !is_header_line(&b.text))
    else {
        return;
    };
    let text = block.text.trim();
    let Some(body) = text.strip_suffix(['：', ':']) else {
        return;
    };
    let prose = body.chars().any(scan::is_sentence_end) || body.contains('；');
    if block.kind == BlockKind::Paragraph && !prose && (2..=80).contains(&char_len(body)) {
        parts.addressee = Some(body.trim().to_string());
    }
}

/// 版记 and 附注 at the end: mark them `closing` and fill `parts`. Looks at the last blocks only.
pub(crate) fn colophon(blocks: &mut [Block], parts: &mut Parts) {
    let n = blocks.len();
    let start = n.saturating_sub(12);
    for block in blocks.iter_mut().skip(start) {
        if block.kind != BlockKind::Paragraph {
            continue;
        }
        let text = block.text.trim().to_string();
        if char_len(&text) > 200 {
            continue;
        }
        if let Some(c) = scan::captures(&CC, &text).and_then(|c| c.get(1)) {
            parts.cc = Some(c.as_str().trim().to_string());
            block.kind = BlockKind::Closing;
        } else if let Some((organ, iso)) = printed(&text) {
            if !organ.is_empty() {
                parts.printed_by = Some(organ);
            }
            parts.printed_date = Some(iso);
            block.kind = BlockKind::Closing;
        }
    }
}

/// `XXX办公室  2023年7月15日印发` → (organ, ISO date).
fn printed(text: &str) -> Option<(String, String)> {
    let body = text.trim().strip_suffix("印发")?.trim_end();
    let last = date::find_dates(body).into_iter().last()?;
    if last.end != body.len() {
        return None;
    }
    let iso = last.iso(None)?;
    let organ = scan::squeeze(body.get(..last.start)?);
    Some((organ, iso))
}

/// 附注: a parenthesised line after the signature date (`（此件公开发布）`).
pub(crate) fn note(blocks: &mut [Block], after: usize, parts: &mut Parts) {
    for block in blocks.iter_mut().skip(after) {
        if block.kind != BlockKind::Paragraph {
            continue;
        }
        if let Some(c) = scan::captures(&NOTE, &block.text).and_then(|c| c.get(1)) {
            if char_len(c.as_str()) <= 120 {
                parts.note = Some(c.as_str().trim().to_string());
                block.kind = BlockKind::Closing;
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_numbers() {
        let cases = [
            ("青委发〔2023〕12号", "青委发", 2023, 12),
            ("国办发〔2019〕4号", "国办发", 2019, 4),
            ("穗花纪发[2021]3号", "穗花纪发", 2021, 3),
            ("粤府函［2020］118号", "粤府函", 2020, 118),
            ("京政发（2022）7号", "京政发", 2022, 7),
            ("京政发(2022)7号", "京政发", 2022, 7),
            ("豫发﹝2023﹞5号", "豫发", 2023, 5),
            ("湘办发【2018】26号", "湘办发", 2018, 26),
            ("青委发 〔2023〕 12 号", "青委发", 2023, 12),
            ("京政发〔２０２２〕７号", "京政发", 2022, 7),
        ];
        for (text, organ, year, serial) in cases {
            let n = parse_doc_number(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(
                (n.organ.as_str(), n.year, n.serial),
                (organ, year, serial),
                "{text}"
            );
        }
        assert!(parse_doc_number("2023年12号楼").is_none());
        assert!(parse_doc_number("第（1）号").is_none());
    }

    #[test]
    fn a_cited_number_is_not_the_header() {
        let blocks = vec![Block::paragraph("关于转发国办发〔2019〕4号文件的通知")];
        let mut parts = Parts::default();
        header(&blocks, &mut parts);
        assert!(parts.doc_number.is_none());
        assert!(!is_header_line(&blocks[0].text));
    }

    #[test]
    fn header_parts() {
        let blocks: Vec<Block> = [
            "000123",
            "秘密★1年  特急",
            "中共某某县委员会文件",
            "某委发〔2023〕12号    签发人：张三",
            "关于某某的通知",
        ]
        .iter()
        .map(|t| Block::paragraph(*t))
        .collect();
        let mut parts = Parts::default();
        header(&blocks, &mut parts);
        assert_eq!(parts.copy_number.as_deref(), Some("000123"));
        assert_eq!(parts.secrecy.as_deref(), Some("秘密★1年"));
        assert_eq!(parts.urgency.as_deref(), Some("特急"));
        assert_eq!(parts.doc_number.as_ref().map(|d| d.serial), Some(12));
        assert_eq!(parts.signers, ["张三"]);
        assert!(is_header_line("秘密★1年  特急"));
        assert!(!is_header_line("关于某某的通知"));
    }

    #[test]
    fn addressees() {
        let cases = [
            ("各乡镇党委，县直各单位：", Some("各乡镇党委，县直各单位")),
            ("各区委办局:", Some("各区委办局")),
            ("根据统一部署。现将情况公布如下：", None),
            ("来源:南粤清风网     日期:2021-11-23 10:00:00", None),
        ];
        for (text, want) in cases {
            let mut parts = Parts::default();
            addressee(&[Block::paragraph(text)], 0, &mut parts);
            assert_eq!(parts.addressee.as_deref(), want, "{text}");
        }
        let mut parts = Parts::default();
        let lines = [
            Block::paragraph("国发〔2019〕4号"),
            Block::paragraph("各省、自治区、直辖市人民政府："),
        ];
        addressee(&lines, 0, &mut parts);
        assert_eq!(
            parts.addressee.as_deref(),
            Some("各省、自治区、直辖市人民政府")
        );
    }

    #[test]
    fn colophon_lines() {
        let mut blocks: Vec<Block> = [
            "某某委员会",
            "2023年7月14日",
            "（此件公开发布）",
            "抄送：市纪委监委，市委巡察办。",
            "中共某某县委办公室  2023年7月15日印发",
        ]
        .iter()
        .map(|t| Block::paragraph(*t))
        .collect();
        let mut parts = Parts::default();
        colophon(&mut blocks, &mut parts);
        note(&mut blocks, 2, &mut parts);
        assert_eq!(parts.cc.as_deref(), Some("市纪委监委，市委巡察办"));
        assert_eq!(parts.printed_by.as_deref(), Some("中共某某县委办公室"));
        assert_eq!(parts.printed_date.as_deref(), Some("2023-07-15"));
        assert_eq!(parts.note.as_deref(), Some("此件公开发布"));
        assert_eq!(
            blocks[1].kind,
            BlockKind::Paragraph,
            "the date is the signature's"
        );
        assert_eq!(blocks[4].kind, BlockKind::Closing);
    }
}
