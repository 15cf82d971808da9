//! Pass: the closing parts — 发文机关署名, 成文日期 and 附件说明.
//!
//! Resolves the signature: the last line near the end that is only a date (`2023年7月14日`,
//! `2022 年 6 月 30 日`, `二〇二二年六月三十日`; indentation by whitespace runs is ignored),
//! and the one to three short organ lines right above it. The 版记 line
//! `XXX办公室  2023年7月15日印发` is not a candidate: the colophon pass has already marked it,
//! and a date followed by `印发` is not a date-only line anyway. Also resolves `附件：1. …` /
//! `2. …` lines into attachments. Signature and attachment lines stay in the blocks as
//! `closing` blocks. Where the document ends is decided first: before attachments printed
//! after it (`附件1` right below the date), and for a 令 right after its own date, above the
//! regulation it promulgates. Joint signers run together by normalization are split again by
//! the metadata's issuers.

use crate::parse::scan::lazy_regex;

use super::scan::{self, char_len};
use crate::model::{Attachment, Block, BlockKind, Code, Diagnostic, Signature};
use crate::vocab::date;

/// How far from the end the signature date may sit, in blocks.
const TAIL: usize = 15;
/// Documents shorter than this (in blocks) get no `no_signature` warning.
const MIN_SIGNED: usize = 3;
/// At most this many organ lines are signed (joint documents).
const MAX_ORGANS: usize = 3;

lazy_regex! {
    /// The heading of an attachment printed after the document (`附件1`, `附件 2`, `附件`).
    static APPENDED = r"^\s*附\s*件\s*[0-9０-９一二三四五六七八九十]{0,3}\s*$";
    /// The decree number under `中华人民共和国国务院令` (`第706号`).
    static DECREE_NUMBER = r"^\s*第\s*[0-9０-９一二三四五六七八九十百千零〇]{1,6}\s*号\s*$";
    static ATTACHMENT = r"^\s*附\s*件\s*[0-9]*\s*[:：]\s*(.*)$";
    static NUMBERED = r"^\s*([0-9]{1,2}\s*[.．、])\s*(.+)$";
}

/// Find the signature; returns the index of its date block.
pub(crate) fn signature(
    blocks: &mut [Block],
    start: usize,
    sig: &mut Option<Signature>,
    warnings: &mut Vec<Diagnostic>,
) -> Option<usize> {
    let n = blocks.len();
    let mut found = None;
    for i in (start.max(n.saturating_sub(TAIL))..n).rev() {
        let Some(b) = blocks.get(i) else { continue };
        if b.kind != BlockKind::Paragraph {
            continue;
        }
        if char_len(b.text.trim()) > 80 {
            break;
        }
        if let Some(hit) = date_line(&b.text) {
            found = Some((i, hit.0, hit.1));
            break;
        }
    }
    // Long attachments after the signature push it far from the end: then take the last
    // date line anywhere that has an organ line right above it (or on it).
    if found.is_none() {
        found = (start..n).rev().find_map(|i| {
            let b = blocks.get(i).filter(|b| b.kind == BlockKind::Paragraph)?;
            let (d, names) = date_line(&b.text)?;
            let above = i
                .checked_sub(1)
                .and_then(|k| blocks.get(k))
                .is_some_and(|p| {
                    p.kind == BlockKind::Paragraph
                        && organs(&p.text).iter().all(|o| is_organ(o))
                        && !p.text.trim().is_empty()
                });
            (above || !names.is_empty()).then_some((i, d, names))
        });
    }
    let Some((at, d, same_line)) = found else {
        // A fragment of a line or two is not expected to be signed.
        if n >= MIN_SIGNED {
            warnings.push(Diagnostic::new(
                Code::NoSignature,
                "no 署名/成文日期 found at the end",
            ));
        }
        return None;
    };
    let text = blocks
        .get(at)
        .map(|b| b.text.trim().to_string())
        .unwrap_or_default();
    let date_text = text.get(d.start..d.end).unwrap_or("").trim().to_string();
    let mut issuers = same_line;
    let mut k = at;
    while k > start && issuers.len() < MAX_ORGANS {
        let Some(b) = blocks.get(k - 1) else { break };
        if b.text.trim().is_empty() {
            k -= 1;
            continue;
        }
        if b.kind == BlockKind::Paragraph && is_seal_placeholder(&b.text) {
            k -= 1; // `[院印]`, `（盖章）`: where the seal goes, never a signer
            continue;
        }
        let names = organs(&b.text);
        if b.kind != BlockKind::Paragraph || names.is_empty() || !names.iter().all(|o| is_organ(o))
        {
            break;
        }
        issuers.splice(0..0, names);
        k -= 1;
    }
    for b in blocks.iter_mut().take(at + 1).skip(k) {
        b.kind = BlockKind::Closing;
    }
    let iso = match d.year {
        Some(_) => d.iso(None),
        None => {
            let year = super::dates::year_before(blocks, at);
            if year.is_some() {
                warnings.push(
                    Diagnostic::new(
                        Code::YearInferred,
                        format!(
                            "signature date {date_text} has no year; took it from the text above"
                        ),
                    )
                    .at(blocks.get(at).map(|b| b.origin.clone()).unwrap_or_default()),
                );
            }
            d.iso(year)
        }
    };
    *sig = Some(Signature {
        issuers,
        date: iso,
        date_text: Some(date_text),
    });
    Some(at)
}

/// Where the document proper ends when its attachments are printed after it: the first
/// `附件1` / `附件` line (alone on its line) with the signature date just above it. The
/// signature and the 附件说明 are looked for before it (an appended report is signed too, but
/// by its own author). `blocks.len()` when nothing is appended.
pub(crate) fn main_end(blocks: &[Block], start: usize) -> usize {
    let n = blocks.len();
    (start + 1..n)
        .find(|&i| {
            blocks.get(i).is_some_and(|b| {
                b.kind == BlockKind::Paragraph
                    && b.text.contains('附')
                    && scan::is_match(&APPENDED, &b.text)
            }) && (i.saturating_sub(2)..i).any(|k| {
                blocks.get(k).is_some_and(|b| {
                    b.kind == BlockKind::Paragraph
                        && date::parse_date(b.text.trim()).is_some_and(|d| d.day.is_some())
                })
            })
        })
        .unwrap_or(n)
}

/// A 令 (`中华人民共和国国务院令` / `第706号`, then the promulgating sentence, the signer and
/// the date, then the regulation it promulgates): the decree line becomes the 发文机关标志, and
/// the signature is looked for between the number and the first date line below it, not at
/// the end of the regulation. Returns that range (`start..end`).
pub(crate) fn decree(
    blocks: &mut [Block],
    issuer_mark: &mut Option<String>,
) -> Option<(usize, usize)> {
    let at = blocks.iter().take(3).position(|b| {
        let t = scan::squeeze(&b.text);
        b.kind == BlockKind::Paragraph
            && t.ends_with('令')
            && (4..=24).contains(&char_len(&t))
            && t.chars().all(scan::is_han)
    })?;
    let number = at + 1;
    if !blocks
        .get(number)
        .is_some_and(|b| scan::is_match(&DECREE_NUMBER, &b.text))
    {
        return None;
    }
    let date = (number + 1..blocks.len().min(number + 10))
        .find(|&i| blocks.get(i).and_then(|b| date_line(&b.text)).is_some())?;
    for k in [at, number] {
        if let Some(b) = blocks.get_mut(k) {
            b.kind = BlockKind::Header;
        }
    }
    if let Some(b) = blocks.get(at) {
        issuer_mark.get_or_insert_with(|| scan::squeeze(&b.text));
    }
    Some((number + 1, date + 1))
}

/// A joint document signed `国务院　中央军委` loses the wide space between the organs to
/// normalization; when the metadata names the issuers (`国务院、中央军委`) and the signature
/// is exactly those names run together, it is those names.
pub(crate) fn split_joint(sig: &mut Option<Signature>, issuer: Option<&str>) {
    let (Some(sig), Some(issuer)) = (sig.as_mut(), issuer) else {
        return;
    };
    let names: Vec<String> = issuer
        .split(['、', '，', ',', ' ', '\u{3000}'])
        .map(scan::squeeze)
        .filter(|s| !s.is_empty())
        .collect();
    if names.len() > sig.issuers.len() && names.concat() == sig.issuers.concat() {
        sig.issuers = names;
    }
}

/// A line that is only a date with a day, or organ(s) then such a date
/// (`某某委员会  2023年7月14日`); returns the date and the organs on the line.
fn date_line(raw: &str) -> Option<(date::DateMatch, Vec<String>)> {
    let text = raw.trim();
    if let Some(d) = date::parse_date(text).filter(|d| d.day.is_some()) {
        return Some((d, Vec::new()));
    }
    let d = date::find_dates(text)
        .into_iter()
        .last()
        .filter(|d| d.end == text.len() && d.day.is_some())?;
    let names = organs(text.get(..d.start).unwrap_or(""));
    (!names.is_empty() && names.iter().all(|o| is_organ(o))).then_some((d, names))
}

/// The organ names on one line: joint signers set side by side are separated by wide
/// spaces (`中共某某县委  某某县人民政府`); single spaces inside a name are layout.
fn organs(raw: &str) -> Vec<String> {
    let parts: Vec<&str> = raw
        .trim()
        .split("  ")
        .flat_map(|p| p.split('\u{3000}'))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() >= 2 && parts.iter().all(|p| char_len(p) >= 3) {
        return parts.into_iter().map(scan::squeeze).collect();
    }
    let one = scan::squeeze(raw);
    if one.is_empty() {
        Vec::new()
    } else {
        vec![office_and_name(&one)]
    }
}

/// Offices that sign in person (a 令 is signed `总理　李克强`, `省长　某某`; a judgment by its
/// bench, `审判长　某某` / `人民陪审员　某某`). Longer titles first: `书记员` is not `书记`.
const SIGNING_OFFICES: &[&str] = &[
    "审判长",
    "代理审判员",
    "审判员",
    "人民陪审员",
    "书记员",
    "法官助理",
    "检察官",
    "检察员",
    "国务院总理",
    "总理",
    "国家主席",
    "主席",
    "代省长",
    "省长",
    "代市长",
    "市长",
    "代县长",
    "县长",
    "区长",
    "州长",
    "盟长",
    "旗长",
    "乡长",
    "镇长",
    "部长",
    "主任",
    "局长",
    "厅长",
    "院长",
    "检察长",
    "署长",
    "行长",
    "书记",
];

/// `总理李克强` (its space lost to layout or normalization) → `总理 李克强`: an office then a
/// personal name of two or three characters. An organ (`市长办公会议`) ends in an organ
/// character and stays whole.
fn office_and_name(signer: &str) -> String {
    for office in SIGNING_OFFICES {
        let Some(name) = signer.strip_prefix(office) else {
            continue;
        };
        let n = char_len(name);
        let organ_end = name
            .chars()
            .any(|c| "会室局厅委府部院处组办署行".contains(c));
        if (2..=3).contains(&n) && name.chars().all(scan::is_han) && !organ_end {
            return format!("{office} {name}");
        }
    }
    signer.to_string()
}

/// `[院印]`, `【公章】`, `（此处添加印章）`, `（盖章）`, `(签字)`: a bracketed note of where a seal
/// or signature goes.
fn is_seal_placeholder(text: &str) -> bool {
    let t = text.trim();
    let Some(first) = t.chars().next() else {
        return false;
    };
    let close = match first {
        '[' => ']',
        '［' => '］',
        '【' => '】',
        '（' => '）',
        '(' => ')',
        '〔' => '〕',
        _ => return false,
    };
    t.ends_with(close)
        && char_len(t) <= 16
        && ["印", "章", "盖", "签"].iter().any(|w| t.contains(w))
}

/// A signing organ: a short line of names, no sentence punctuation, not a heading.
fn is_organ(text: &str) -> bool {
    let n = char_len(text);
    (2..=40).contains(&n)
        && text.chars().any(scan::is_han)
        && !text.chars().any(|c| {
            matches!(
                c,
                '。' | '，' | ',' | '；' | ';' | '：' | ':' | '！' | '？' | '、'
            )
        })
        && super::headings::numbering(text).is_none()
        && date::find_dates(text).is_empty()
}

/// 附件说明 lines in the tail: `附件：1. …` and the numbered lines below it.
pub(crate) fn attachments(blocks: &mut [Block], start: usize, out: &mut Vec<Attachment>) {
    let n = blocks.len();
    let from = start.max(n.saturating_sub(TAIL + 10));
    let Some(at) = (from..n).find(|&i| {
        blocks.get(i).is_some_and(|b| {
            matches!(b.kind, BlockKind::Paragraph | BlockKind::Closing)
                && b.text.contains('附')
                && scan::is_match(&ATTACHMENT, &b.text)
        })
    }) else {
        return;
    };
    let first = blocks
        .get(at)
        .and_then(|b| scan::captures(&ATTACHMENT, &b.text))
        .and_then(|c| c.get(1))
        .map(|m| m.as_str().trim().to_string())
        .unwrap_or_default();
    if let Some(b) = blocks.get_mut(at) {
        b.kind = BlockKind::Closing;
    }
    if !first.is_empty() {
        out.push(entry(&first));
    }
    for b in blocks.iter_mut().skip(at + 1) {
        if b.kind != BlockKind::Paragraph
            || char_len(b.text.trim()) > 100
            || !scan::is_match(&NUMBERED, &b.text)
        {
            break;
        }
        out.push(entry(b.text.trim()));
        b.kind = BlockKind::Closing;
    }
}

fn entry(text: &str) -> Attachment {
    let clean = |s: &str| s.trim().trim_end_matches(['；', ';', '。']).to_string();
    match scan::captures(&NUMBERED, text) {
        Some(c) => Attachment {
            number: c.get(1).map(|m| m.as_str().split_whitespace().collect()),
            title: clean(c.get(2).map_or("", |m| m.as_str())),
        },
        None => Attachment {
            number: None,
            title: clean(text),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sig(lines: &[&str]) -> (Option<Signature>, Vec<BlockKind>) {
        let mut blocks: Vec<Block> = lines.iter().map(|l| Block::paragraph(*l)).collect();
        super::super::parts::colophon(&mut blocks, &mut Default::default());
        let mut s = None;
        signature(&mut blocks, 0, &mut s, &mut Vec::new());
        (s, blocks.iter().map(|b| b.kind).collect())
    }

    fn pair(s: &Option<Signature>) -> (Vec<String>, Option<String>) {
        s.as_ref()
            .map(|s| (s.issuers.clone(), s.date.clone()))
            .unwrap_or_default()
    }

    fn paras(lines: &[&str]) -> Vec<Block> {
        lines.iter().map(|l| Block::paragraph(*l)).collect()
    }

    #[test]
    fn documents_end_before_attachments_printed_after_them() {
        let appended = paras(&[
            "正文。",
            "附件：1.调研报告",
            "某某办公厅",
            "2004年11月4日",
            "附件1",
            "调研报告",
            "某某部",
            "2004年10月10日",
        ]);
        assert_eq!(main_end(&appended, 0), 4);
        // `附件1` not right below a date, or no date at all: nothing is appended.
        assert_eq!(main_end(&paras(&["正文。", "附件1", "某某办公厅"]), 0), 3);
        assert_eq!(main_end(&paras(&["正文。", "某某办公厅"]), 0), 2);
    }

    #[test]
    fn a_decree_is_signed_above_its_regulation() {
        let mut blocks = paras(&[
            "中华人民共和国国务院令",
            "第706号",
            "《某某条例》已经国务院常务会议通过，现予公布。",
            "总理李克强",
            "2018年11月6日",
            "某某条例",
            "第一条 为了规范某某行为，制定本条例。",
        ]);
        let mut mark = None;
        assert_eq!(decree(&mut blocks, &mut mark), Some((2, 5)));
        assert_eq!(mark.as_deref(), Some("中华人民共和国国务院令"));
        let kinds: Vec<BlockKind> = blocks.iter().take(2).map(|b| b.kind).collect();
        assert_eq!(kinds, [BlockKind::Header, BlockKind::Header]);
        // A line ending in 令 without a number below it is no decree.
        let mut blocks = paras(&["某某支付令", "申请人某某。", "2020年1月2日"]);
        assert_eq!(decree(&mut blocks, &mut None), None);
    }

    #[test]
    fn joint_signers_split_by_the_metadata() {
        let split = |issuers: &[&str], meta: Option<&str>| {
            let mut sig = Some(Signature {
                issuers: issuers.iter().map(|s| s.to_string()).collect(),
                ..Signature::default()
            });
            split_joint(&mut sig, meta);
            sig.map(|s| s.issuers).unwrap_or_default()
        };
        assert_eq!(
            split(&["国务院中央军委"], Some("国务院、中央军委")),
            ["国务院", "中央军委"]
        );
        assert_eq!(split(&["国务院"], Some("国务院、中央军委")), ["国务院"]);
        assert_eq!(
            split(&["某某县人民政府"], Some("某某县人民政府")),
            ["某某县人民政府"]
        );
        assert_eq!(split(&["国务院中央军委"], None), ["国务院中央军委"]);
    }

    #[test]
    fn signatures() {
        let cases: [(&[&str], &[&str], Option<&str>); 9] = [
            (
                &["正文。", "中共广州市花都区委", "2021年11月22日"],
                &["中共广州市花都区委"],
                Some("2021-11-22"),
            ),
            (
                &[
                    "正文。",
                    "                    中共某某管理委员会党组",
                    "  ",
                    "                         2023年7月14日  ",
                ],
                &["中共某某管理委员会党组"],
                Some("2023-07-14"),
            ),
            (
                &["正文。", "中共某某委员会", "2022 年 6 月 30 日"],
                &["中共某某委员会"],
                Some("2022-06-30"),
            ),
            (
                &["正文。", "某某县人民政府", "二〇二二年六月三十日"],
                &["某某县人民政府"],
                Some("2022-06-30"),
            ),
            (
                &[
                    "正文。",
                    "某某县委办公室",
                    "某某县人民政府办公室",
                    "2008年10月1日",
                ],
                &["某某县委办公室", "某某县人民政府办公室"],
                Some("2008-10-01"),
            ),
            (
                &[
                    "正文。",
                    "中共某某县委员会",
                    "2023年7月14日",
                    "（此件公开发布）",
                    "抄送：市纪委监委。",
                    "中共某某县委办公室  2023年7月15日印发",
                ],
                &["中共某某县委员会"],
                Some("2023-07-14"),
            ),
            (
                &["正文。", "中共某某县委  某某县人民政府", "2023年7月14日"],
                &["中共某某县委", "某某县人民政府"],
                Some("2023-07-14"),
            ),
            (
                &["正文。", "中 共 某 某 县 委", "2023年7月14日"],
                &["中共某某县委"],
                Some("2023-07-14"),
            ),
            (
                &["正文。", "某某委员会  2023年7月14日"],
                &["某某委员会"],
                Some("2023-07-14"),
            ),
        ];
        for (lines, issuers, date) in cases {
            let (s, _) = sig(lines);
            let want: (Vec<String>, Option<String>) = (
                issuers.iter().map(|s| s.to_string()).collect(),
                date.map(str::to_string),
            );
            assert_eq!(pair(&s), want, "{lines:?}");
        }
    }

    #[test]
    fn seal_placeholders_and_signing_officers() {
        let (s, _) = sig(&[
            "正文。",
            "[院印]",
            "某某市人民政府",
            "（此处添加印章）",
            "2023年5月6日",
        ]);
        assert_eq!(
            pair(&s),
            (
                vec!["某某市人民政府".to_string()],
                Some("2023-05-06".to_string())
            )
        );
        let (s, _) = sig(&["正文。", "某某县人民政府", "（盖章）", "2023年5月6日"]);
        assert_eq!(pair(&s).0, ["某某县人民政府"]);
        let (s, _) = sig(&[
            "现予公布，自2014年10月1日起施行。",
            "总理　李克强",
            "2014年8月7日",
        ]);
        assert_eq!(pair(&s).0, ["总理 李克强"]);
        let (s, _) = sig(&["正文。", "总理李克强", "2014年8月7日"]);
        assert_eq!(pair(&s).0, ["总理 李克强"]);
        let (s, _) = sig(&["正文。", "市长办公会议", "2014年8月7日"]);
        assert_eq!(pair(&s).0, ["市长办公会议"]);
    }

    #[test]
    fn signature_above_long_attachments() {
        let long = "附件内容。".repeat(30);
        let mut lines = vec!["正文。", "某某委员会", "2023年7月14日", "附件1"];
        lines.extend(std::iter::repeat_n(long.as_str(), 20));
        let (s, _) = sig(&lines);
        assert_eq!(
            pair(&s),
            (
                vec!["某某委员会".to_string()],
                Some("2023-07-14".to_string())
            )
        );
    }

    #[test]
    fn printed_line_alone_is_not_a_signature() {
        let (s, kinds) = sig(&[
            "正文。",
            "抄送：市纪委监委。",
            "中共某某县委办公室  2023年7月15日印发",
        ]);
        assert_eq!(s, None);
        assert_eq!(kinds[2], BlockKind::Closing);
    }

    #[test]
    fn signature_lines_become_closing() {
        let (_, kinds) = sig(&[
            "（三）抓好成果运用。正文。",
            "中共某某委员会",
            "2024年9月3日",
        ]);
        assert_eq!(
            kinds,
            [BlockKind::Paragraph, BlockKind::Closing, BlockKind::Closing]
        );
    }

    #[test]
    fn attachment_lines() {
        let mut blocks: Vec<Block> = [
            "正文。",
            "附件：1. 整改任务清单",
            "2. 制度汇编目录",
            "某某委员会",
            "2023年7月14日",
        ]
        .iter()
        .map(|l| Block::paragraph(*l))
        .collect();
        let mut out = Vec::new();
        attachments(&mut blocks, 0, &mut out);
        let got: Vec<(Option<&str>, &str)> = out
            .iter()
            .map(|a| (a.number.as_deref(), a.title.as_str()))
            .collect();
        assert_eq!(
            got,
            [(Some("1."), "整改任务清单"), (Some("2."), "制度汇编目录")]
        );
        assert_eq!(blocks[2].kind, BlockKind::Closing);
        assert_eq!(blocks[3].kind, BlockKind::Paragraph);

        let mut blocks = vec![Block::paragraph("附件:")];
        let mut out = Vec::new();
        attachments(&mut blocks, 0, &mut out);
        assert!(out.is_empty());
        assert_eq!(blocks[0].kind, BlockKind::Closing);
    }
}
