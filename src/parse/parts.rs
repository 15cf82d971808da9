//! Pass: the GB/T 9704-2012 parts around the body.
//!
//! Resolves, in the 版头 (header, before the title): 份号 (six digits), 密级和保密期限
//! (`秘密★1年`), 紧急程度 (`特急`, `加急`), 发文字号 (`青委发〔2023〕12号`, parsed into organ,
//! year and serial; `[]` `［］` `（）` `()` `﹝﹞` `【】` variants accepted) and 签发人. After the
//! title: 主送机关, the line right after it ending in a colon. In the 版记 (colophon) at the
//! end: 抄送, 印发机关和印发日期 (`XXX办公室  2023年7月15日印发` — not the signature) and
//! 附注 (`（此件公开发布）`). Header lines stay in the blocks as paragraphs (the page shows them;
//! their content is also in `parts`); colophon lines become `closing` blocks.

use crate::parse::scan::lazy_regex;

use super::scan::{self, char_len};
use crate::model::{Block, BlockKind, DocNumber, Parts};
use crate::vocab::{date, numeral};

/// How many leading blocks may hold header parts.
const HEAD_WINDOW: usize = 15;

lazy_regex! {
    /// What follows the organ of a 发文字号: `〔2019〕4号`, anchored.
    static DOC_NUMBER_TAIL = r"^\s*[〔\[［（(﹝【]\s*([0-9０-９]{4})\s*[〕\]］）)﹞】]\s*第?\s*([0-9０-９]{1,5})\s*号";
    static SECRECY = r"^(?:密级\s*[:：]?\s*)?((?:绝密|机密|秘密)(?:\s*★\s*\S*)?)$";
    static SIGNER = r"签\s*发\s*人\s*[:：]\s*(.+)$";
    static CC = r"^\s*抄\s*送\s*[:：]\s*(.+?)[。.]?\s*$";
    static NOTE = r"^\s*[（(](.+)[）)]\s*$";
}

/// Longest organ abbreviation of a 发文字号, in chars.
const MAX_ORGAN_CHARS: usize = 16;

/// Parse a 发文字号 (`国办发〔2019〕4号`, `青委发[2023]12号`, `X发（2023）12号`): the first run
/// of Han letters and ASCII letters (its last 16 chars at most) followed by `〔year〕N号`. The
/// same as the regex `([\p{Han}A-Za-z]{1,16}?)` + [`DOC_NUMBER_TAIL`], whose bounded lazy repeat
/// over `\p{Han}` cost more to compile than the rest of the header pass.
pub(crate) fn parse_doc_number(text: &str) -> Option<DocNumber> {
    let mut run: Vec<usize> = Vec::new();
    for (i, c) in text.char_indices() {
        if is_organ_char(c) {
            run.push(i);
            continue;
        }
        if let Some(number) = doc_number_ending_at(text, &run, i) {
            return number;
        }
        run.clear();
    }
    None
}

/// The 发文字号 whose organ is the run of organ chars starting at byte offsets `run` and ending
/// at `end`: `None` when no tail follows; `Some(None)` when one does but the number is not
/// valid (the leftmost match decides, as with a regex).
fn doc_number_ending_at(text: &str, run: &[usize], end: usize) -> Option<Option<DocNumber>> {
    let start = *run.get(run.len().saturating_sub(MAX_ORGAN_CHARS))?;
    let caps = scan::captures(&DOC_NUMBER_TAIL, text.get(end..)?)?;
    let tail_end = end + caps.get(0)?.end();
    let number = (|| {
        let organ = text.get(start..end)?.trim().to_string();
        let year = u16::try_from(numeral::number(caps.get(1)?.as_str())?).ok()?;
        let serial = u32::try_from(numeral::number(caps.get(2)?.as_str())?).ok()?;
        if organ.is_empty() || !(1900..=2199).contains(&year) {
            return None;
        }
        Some(DocNumber {
            text: text.get(start..tail_end)?.trim().to_string(),
            organ,
            year,
            serial,
        })
    })();
    Some(number)
}

/// Parse a court or procuratorate case number, the year first: `（2020）湘01民初93号`,
/// `(2017)陕08民终3845号`, `（2001）南民初字第148号`. The whole of `text` must be the number.
/// The organ is what stands between the year and the serial (`湘01民初`, `南民初字`).
pub(crate) fn parse_case_number(text: &str) -> Option<DocNumber> {
    let text = text.trim();
    let rest = text.strip_prefix(['（', '(', '〔', '[', '［', '【', '﹝'])?;
    let year_end = rest.find(|c: char| !is_digit(c))?;
    let year = u16::try_from(numeral::number(rest.get(..year_end)?)?).ok()?;
    let rest = rest.get(year_end..)?;
    let rest = rest
        .strip_prefix(['）', ')', '〕', ']', '］', '】', '﹞'])?
        .trim_start();
    let body = rest.strip_suffix('号')?.trim_end();
    let serial_at = body
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_digit(c))
        .last()
        .map(|(i, _)| i)?;
    let serial = u32::try_from(numeral::number(body.get(serial_at..)?)?).ok()?;
    let organ = body
        .get(..serial_at)?
        .trim_end()
        .trim_end_matches('第')
        .trim_end();
    let organ_ok = organ.chars().last().is_some_and(is_organ_char)
        && organ.chars().all(|c| is_organ_char(c) || is_digit(c))
        && char_len(organ) <= MAX_ORGAN_CHARS;
    if !organ_ok || char_len(rest) > 30 || !(1900..=2199).contains(&year) || year_end < 4 {
        return None;
    }
    Some(DocNumber {
        text: text.to_string(),
        organ: organ.to_string(),
        year,
        serial,
    })
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// The Han script (`\p{Han}` of the regex crate's Unicode tables; a test checks every char).
const HAN_SCRIPT: &[(char, char)] = &[
    ('\u{2E80}', '\u{2E99}'),
    ('\u{2E9B}', '\u{2EF3}'),
    ('\u{2F00}', '\u{2FD5}'),
    ('\u{3005}', '\u{3005}'),
    ('\u{3007}', '\u{3007}'),
    ('\u{3021}', '\u{3029}'),
    ('\u{3038}', '\u{303B}'),
    ('\u{3400}', '\u{4DBF}'),
    ('\u{4E00}', '\u{9FFF}'),
    ('\u{F900}', '\u{FA6D}'),
    ('\u{FA70}', '\u{FAD9}'),
    ('\u{16FE2}', '\u{16FE3}'),
    ('\u{16FF0}', '\u{16FF1}'),
    ('\u{20000}', '\u{2A6DF}'),
    ('\u{2A700}', '\u{2B739}'),
    ('\u{2B740}', '\u{2B81D}'),
    ('\u{2B820}', '\u{2CEA1}'),
    ('\u{2CEB0}', '\u{2EBE0}'),
    ('\u{2EBF0}', '\u{2EE5D}'),
    ('\u{2F800}', '\u{2FA1D}'),
    ('\u{30000}', '\u{3134A}'),
    ('\u{31350}', '\u{323AF}'),
];

/// `[\p{Han}A-Za-z]`: an ASCII letter or a char of the Han script.
fn is_organ_char(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (c >= '\u{2E80}' && HAN_SCRIPT.iter().any(|&(lo, hi)| (lo..=hi).contains(&c)))
}

/// Read the 版头 parts from the leading blocks (stopping at the first long prose block) and
/// from page-header blocks wherever a reader put them (a DOCX prints 份号, 密级 and 紧急程度
/// in the page header). A line that holds only such parts becomes a `header` block: the page
/// shows it, its content is in `parts`, it is not body text. Other page-header lines (a
/// running title) become `header` blocks too: page furniture is never body.
pub(crate) fn header(blocks: &mut [Block], parts: &mut Parts) {
    for block in blocks.iter_mut().filter(|b| b.hints.page_header) {
        if !read_line(block.text.trim(), parts) {
            read_glued(&block.text, parts);
        }
        block.kind = BlockKind::Header;
    }
    for block in blocks.iter_mut().take(HEAD_WINDOW) {
        if block.kind != BlockKind::Paragraph {
            continue;
        }
        let text = block.text.trim();
        if char_len(text) > 80 || text.contains('。') {
            break;
        }
        if read_line(text, parts) {
            block.kind = BlockKind::Header;
        }
    }
}

/// 份号, 密级 and 紧急程度 in a page-header line whose spaces the normalizer dropped
/// (`000123机密★5年特急`): a leading six-digit run, a 密级 with its `★期限`, an urgency word.
fn read_glued(text: &str, parts: &mut Parts) {
    let text = scan::squeeze(text);
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if digits == 6 {
        parts
            .copy_number
            .get_or_insert_with(|| text.get(..6).unwrap_or_default().to_string());
    }
    if let Some(at) = ["绝密", "机密", "秘密"].iter().find_map(|w| text.find(w)) {
        let rest = text.get(at..).unwrap_or_default();
        let mut end = "机密".len();
        if rest.get(end..).is_some_and(|r| r.starts_with('★')) {
            end += '★'.len_utf8();
            let tail = rest.get(end..).unwrap_or_default();
            let n = tail.chars().take_while(char::is_ascii_digit).count();
            let unit = ["个月", "年", "月"]
                .iter()
                .find(|u| tail.get(n..).is_some_and(|t| t.starts_with(**u)));
            end += n + unit.map_or(0, |u| u.len());
        }
        parts
            .secrecy
            .get_or_insert_with(|| rest.get(..end).unwrap_or_default().to_string());
    }
    if let Some(word) = ["特急", "加急", "特提", "平急"]
        .iter()
        .find(|w| text.contains(**w))
    {
        parts.urgency.get_or_insert_with(|| word.to_string());
    }
}

/// The value after an optional `label` (`份号：`, white space and one colon allowed), or the
/// whole of `s` without it: `^(?:label\s*[:：]?\s*)?(…)$` up to the value.
fn after_label<'a>(s: &'a str, label: &str) -> [&'a str; 2] {
    let labelled = s.strip_prefix(label).map_or("", |rest| {
        let rest = rest.trim_start();
        rest.strip_prefix([':', '：']).unwrap_or(rest).trim_start()
    });
    [labelled, s]
}

/// 份号: six ASCII digits, perhaps after `份号：` (the regex
/// `^(?:份号\s*[:：]?\s*)?([0-9]{6})$`, scanned by hand).
fn copy_number(token: &str) -> Option<&str> {
    let [labelled, whole] = after_label(token, "份号");
    let six = |v: &str| v.len() == 6 && v.bytes().all(|b| b.is_ascii_digit());
    [labelled, whole].into_iter().find(|v| six(v))
}

/// 紧急程度: `特急`, `加急`, `特提`, `平急`, perhaps after `紧急程度：` (the regex
/// `^(?:紧急程度\s*[:：]?\s*)?(特急|加急|特提|平急)$`, scanned by hand).
fn urgency(token: &str) -> Option<&str> {
    let [labelled, whole] = after_label(token, "紧急程度");
    [labelled, whole]
        .into_iter()
        .find(|v| matches!(*v, "特急" | "加急" | "特提" | "平急"))
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
        if let Some(c) = copy_number(token) {
            parts.copy_number.get_or_insert_with(|| c.to_string());
        } else if let Some(c) = scan::captures_with("密", &SECRECY, token).and_then(|c| c.get(1)) {
            parts.secrecy.get_or_insert_with(|| c.as_str().to_string());
        } else if let Some(c) = urgency(token) {
            parts.urgency.get_or_insert_with(|| c.to_string());
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
    let signer = scan::captures_with("签", &SIGNER, text);
    let signer_at = signer
        .as_ref()
        .and_then(|c| c.get(0))
        .map_or(text.len(), |m| m.start());
    let own = text.get(..signer_at).unwrap_or(text).trim();
    let number = parse_doc_number(own)
        .filter(|n| n.text == own)
        .or_else(|| parse_case_number(own));
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
/// A 版记 laid out as a table (`抄送：…` in one row, `…办公室` | `…年…月…日印发` in the next)
/// is read row by row, the cells of a row joined as one line.
pub(crate) fn colophon(blocks: &mut [Block], parts: &mut Parts) {
    let n = blocks.len();
    let start = n.saturating_sub(12);
    for block in blocks.iter_mut().skip(start) {
        let lines: Vec<String> = match (block.kind, &block.table) {
            (BlockKind::Paragraph, _) => vec![block.text.trim().to_string()],
            (BlockKind::Table, Some(table)) if table.rows.len() <= 4 => table
                .rows
                .iter()
                .map(|row| {
                    let cells: Vec<&str> = row.iter().map(|c| c.text.trim()).collect();
                    cells.join("  ")
                })
                .collect(),
            _ => continue,
        };
        let mut found = false;
        for text in lines.iter().filter(|t| char_len(t) <= 200) {
            found |= colophon_line(text, parts);
        }
        if found {
            block.kind = BlockKind::Closing;
        }
    }
}

/// Read one 版记 line into `parts`; true when it was one.
fn colophon_line(text: &str, parts: &mut Parts) -> bool {
    if let Some(c) = scan::captures_with("抄", &CC, text).and_then(|c| c.get(1)) {
        parts.cc = Some(c.as_str().trim().to_string());
        return true;
    }
    let Some((organ, iso)) = printed(text) else {
        return false;
    };
    if !organ.is_empty() {
        parts.printed_by = Some(organ);
    }
    parts.printed_date = Some(iso);
    true
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

    mod parts_same_as_regex {
        use super::super::*;

        lazy_regex! {
            static COPY_NUMBER = r"^(?:份号\s*[:：]?\s*)?([0-9]{6})$";
            static URGENCY = r"^(?:紧急程度\s*[:：]?\s*)?(特急|加急|特提|平急)$";
        }

        /// The copy-number and urgency scanners answer as their regexes did, on every
        /// white-space separated token of the shared texts (what `read_line` asks them).
        #[test]
        fn agrees_with_the_regexes() {
            let lines = crate::testutil::shared_lines();
            let mut tokens: Vec<String> = lines
                .iter()
                .flat_map(|l| l.split_whitespace().map(str::to_string))
                .collect();
            for extra in [
                "000123",
                "份号000123",
                "份号：000123",
                "份号:",
                "份号::000123",
                "份号 : 000123",
                "0001234",
                "00012",
                "份号０００１２３",
                "特急",
                "紧急程度：特急",
                "紧急程度特提",
                "紧急程度：：加急",
                "紧急程度 平急",
                "特急件",
                "",
                "份号",
            ] {
                tokens.push(extra.to_string());
            }
            let (Some(copy), Some(urgent)) = (COPY_NUMBER.as_ref(), URGENCY.as_ref()) else {
                panic!("parts regexes")
            };
            let mut found = 0;
            for t in &tokens {
                let want = copy.captures(t).and_then(|c| c.get(1)).map(|m| m.as_str());
                assert_eq!(copy_number(t), want, "{t:?}");
                let want_u = urgent
                    .captures(t)
                    .and_then(|c| c.get(1))
                    .map(|m| m.as_str());
                assert_eq!(urgency(t), want_u, "{t:?}");
                found += usize::from(want.is_some()) + usize::from(want_u.is_some());
            }
            assert!(found >= 6, "only {found} parts");
        }
    }

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
    fn case_numbers() {
        let cases = [
            ("（2020）湘01民初93号", "湘01民初", 2020, 93),
            ("(2017)陕08民终3845号", "陕08民终", 2017, 3845),
            ("（2001）南民初字第148号", "南民初字", 2001, 148),
            ("（2022）最高法商初7号", "最高法商初", 2022, 7),
        ];
        for (text, organ, year, serial) in cases {
            let n = parse_case_number(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!((n.organ.as_str(), n.year, n.serial), (organ, year, serial));
            assert_eq!(n.text, text);
        }
        for text in [
            "（2020）93号",
            "（一）组织领导",
            "（2020）年度报告",
            "(2020)湘01民初93号文件",
        ] {
            assert!(parse_case_number(text).is_none(), "{text}");
        }
    }

    #[test]
    fn a_cited_number_is_not_the_header() {
        let mut blocks = vec![Block::paragraph("关于转发国办发〔2019〕4号文件的通知")];
        let mut parts = Parts::default();
        header(&mut blocks, &mut parts);
        assert!(parts.doc_number.is_none());
        assert!(!is_header_line(&blocks[0].text));
    }

    #[test]
    fn header_parts() {
        let mut blocks: Vec<Block> = [
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
        header(&mut blocks, &mut parts);
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

    mod same_as_regex {
        use crate::parse::scan::{self, lazy_regex};
        use crate::vocab::numeral;

        lazy_regex! {
            static DOC_NUMBER = r"([\p{Han}A-Za-z]{1,16}?)\s*[〔\[［（(﹝【]\s*([0-9０-９]{4})\s*[〕\]］）)﹞】]\s*第?\s*([0-9０-９]{1,5})\s*号";
            static ORGAN_CHAR = r"^[\p{Han}A-Za-z]$";
        }

        /// The old regex-based parse.
        fn by_regex(text: &str) -> Option<(String, String, u16, u32)> {
            let caps = scan::captures(&DOC_NUMBER, text)?;
            let organ = caps.get(1)?.as_str().trim().to_string();
            let year = u16::try_from(numeral::number(caps.get(2)?.as_str())?).ok()?;
            let serial = u32::try_from(numeral::number(caps.get(3)?.as_str())?).ok()?;
            if organ.is_empty() || !(1900..=2199).contains(&year) {
                return None;
            }
            Some((
                caps.get(0)?.as_str().trim().to_string(),
                organ,
                year,
                serial,
            ))
        }

        #[test]
        fn organ_chars_are_the_han_script_and_ascii_letters() {
            let Some(re) = ORGAN_CHAR.as_ref() else {
                panic!("class regex");
            };
            let differ: Vec<char> = (0..=0x10FFFF_u32)
                .filter_map(char::from_u32)
                .filter(|&c| {
                    super::super::is_organ_char(c) != re.is_match(c.encode_utf8(&mut [0; 4]))
                })
                .collect();
            assert!(
                differ.is_empty(),
                "{:X?}",
                differ
                    .iter()
                    .take(20)
                    .map(|&c| c as u32)
                    .collect::<Vec<_>>()
            );
        }

        #[test]
        fn agrees_with_the_regex() {
            let mut lines = crate::testutil::shared_lines();
            let long = "很".repeat(20);
            for extra in [
                "国办发〔2019〕4号",
                "青委发[2023]12号 和 粤府〔2022〕 第 3 号",
                "X发（1800）12号，粤府〔2022〕3号",
                "（2022）3号 粤府 〔2022〕3号",
                "abc发〔２０２２〕１２３４５６号 d发〔2022〕1号",
                &format!("{long}发〔2022〕1号"),
            ] {
                lines.push(extra.to_string());
            }
            let mut found = 0;
            for line in &lines {
                let got = super::super::parse_doc_number(line)
                    .map(|d| (d.text, d.organ, d.year, d.serial));
                found += usize::from(got.is_some());
                assert_eq!(got, by_regex(line), "{line}");
            }
            assert!(found > 5, "only {found} numbers");
        }
    }
}
