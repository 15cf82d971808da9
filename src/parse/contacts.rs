//! Pass: contact details.
//!
//! Resolves the feedback sentence (`欢迎广大干部群众…监督…电话…邮箱…地址…邮编`) into
//! `contacts`: phone numbers as written (`020-36993133`, `0371--86199800`, `0763-5673980`,
//! mobiles), e-mail addresses, postal addresses (after `地址：`, `邮政地址：`, `邮政信箱：`, up to
//! the next `；`/`，`/`（`) and six-digit postcodes (after `邮编`/`邮政编码`). The sentence may be
//! broken over several blocks (a page break inside `电子邮箱`), so the blocks from the
//! sentence down to the signature are read as one text. A 附注 (`联系人：…，电话：…`) is read
//! too. Footer chrome was dropped before this pass, so a site's own e-mail is not taken.

use crate::parse::scan::lazy_regex;

use super::scan;
use crate::model::{Block, BlockKind, Contacts};

/// At most this many blocks after the feedback sentence are read with it.
const FOLLOW: usize = 4;

lazy_regex! {
    static PHONE = r"1[3-9][0-9]{9}|(?:0[0-9]{2,3}\s*[-－—]{1,2}\s*)?[0-9]{7,8}(?:\s*[-－]\s*[0-9]{1,4}\b)?|12388|12345";
    static EMAIL = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}";
    static ADDRESS = r"(?:通讯地址|邮寄地址|邮政地址|联系地址|邮政信箱|来信地址|地址)\s*[:：为]?\s*([^；;，,。（(]+)";
    static POSTCODE = r"(?:邮编|邮政编码)\s*[:：为]?\s*([0-9]{6})(?:[^0-9]|$)";
}

/// Fill `contacts` from the feedback sentence and the 附注.
pub(crate) fn apply(blocks: &[Block], note: Option<&str>, contacts: &mut Contacts) {
    let mut text = String::new();
    // The last such sentence: the closing invitation, not an earlier mention.
    if let Some(start) = blocks.iter().rposition(is_feedback) {
        for b in blocks.iter().skip(start).take(FOLLOW + 1) {
            if b.kind == BlockKind::Closing || b.kind == BlockKind::Heading {
                break;
            }
            text.push_str(b.text.trim());
        }
    }
    if let Some(note) = note {
        text.push('\n');
        text.push_str(note);
    }
    extract(&text, contacts);
}

fn is_feedback(b: &Block) -> bool {
    b.kind == BlockKind::Paragraph
        && ((b.text.contains("欢迎") && b.text.contains("监督"))
            || (b.text.contains("联系方式")
                && (b.text.contains("电话") || b.text.contains("邮箱"))))
}

/// Extract every contact detail in `text` (deduplicated, in order).
pub(crate) fn extract(text: &str, c: &mut Contacts) {
    let push = |v: &mut Vec<String>, s: String| {
        if !s.is_empty() && !v.contains(&s) {
            v.push(s);
        }
    };
    let mut masked = text.to_string();
    // Literal prefilters (`@`, `邮`, `地址`/`信箱`) keep each regex uncompiled until a
    // document has a line that could match it.
    if let Some(re) = crate::parse::scan::when(text.contains('@'), &EMAIL) {
        for m in re.find_iter(text) {
            push(&mut c.emails, m.as_str().to_string());
        }
        // Digits inside e-mail addresses are not phone numbers.
        masked = re.replace_all(text, "@").into_owned();
    }
    if let Some(re) = crate::parse::scan::when(masked.contains('邮'), &POSTCODE) {
        for caps in re.captures_iter(&masked) {
            if let Some(m) = caps.get(1) {
                push(&mut c.postcodes, m.as_str().to_string());
            }
        }
    }
    let masked = join_spaced_subscribers(&masked);
    // Every phone number has ASCII digits: without one the regex is not even compiled.
    if let Some(re) = crate::parse::scan::when(masked.bytes().any(|b| b.is_ascii_digit()), &PHONE) {
        for m in re.find_iter(&masked) {
            // Not part of a longer run of digits (serials, ICP numbers).
            let before = masked.get(..m.start()).and_then(|p| p.chars().next_back());
            let after = masked.get(m.end()..).and_then(|p| p.chars().next());
            if before.is_some_and(|c| c.is_ascii_digit())
                || after.is_some_and(|c| c.is_ascii_digit())
            {
                continue;
            }
            let s: String = m.as_str().split_whitespace().collect();
            if !c.postcodes.contains(&s) {
                push(&mut c.phones, s);
            }
        }
    }
    if let Some(re) =
        crate::parse::scan::when(text.contains("地址") || text.contains("邮政信箱"), &ADDRESS)
    {
        for caps in re.captures_iter(text) {
            if let Some(m) = caps.get(1) {
                let a = m.as_str().trim();
                if a.chars().filter(|ch| scan::is_han(*ch)).count() >= 4 && !a.contains('@') {
                    push(&mut c.addresses, a.to_string());
                }
            }
        }
    }
}

/// `0731-8432 6658` → `0731-84326658`: a subscriber number printed in two groups after an
/// area code. Only a single space between a 3–4 digit group and a final 4 digit group, right
/// after `0XX(X)-`, is removed, so separate numbers in a list stay apart.
fn join_spaced_subscribers(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let digits_from = |i: usize| {
        chars
            .iter()
            .skip(i)
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let mut drop = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts_number = chars.get(i) == Some(&'0')
            && (i == 0 || !chars.get(i - 1).is_some_and(|c| c.is_ascii_digit()));
        if !starts_number {
            i += 1;
            continue;
        }
        let area = digits_from(i);
        let mut j = i + area;
        let dashes = chars
            .iter()
            .skip(j)
            .take_while(|c| matches!(c, '-' | '－' | '—'))
            .count();
        j += dashes;
        let first = digits_from(j);
        let gap = j + first;
        let second = digits_from(gap + 1);
        if (3..=4).contains(&area)
            && (1..=2).contains(&dashes)
            && (3..=4).contains(&first)
            && chars.get(gap) == Some(&' ')
            && second == 4
        {
            drop.push(gap);
            i = gap + 1 + second;
        } else {
            i += area.max(1);
        }
    }
    chars
        .iter()
        .enumerate()
        .filter(|(k, _)| !drop.contains(k))
        .map(|(_, c)| c)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get(text: &str) -> Contacts {
        let mut c = Contacts::default();
        extract(text, &mut c);
        c
    }

    #[test]
    fn feedback_sentences() {
        let c = get("欢迎监督。电话:020-36993133,地址:广州市花都区迎宾大道18号花都区财政局2楼(邮编:510800)。");
        assert_eq!(c.phones, ["020-36993133"]);
        assert_eq!(c.addresses, ["广州市花都区迎宾大道18号花都区财政局2楼"]);
        assert_eq!(c.postcodes, ["510800"]);

        let c = get("联系方式:电话020-36898776;邮政信箱:广州市花都区花城街迎宾大道89号,邮政编码510800;电子邮箱:jinbj@huadu.gov.cn。");
        assert_eq!(c.phones, ["020-36898776"]);
        assert_eq!(c.emails, ["jinbj@huadu.gov.cn"]);
        assert_eq!(c.addresses, ["广州市花都区花城街迎宾大道89号"]);
        assert_eq!(c.postcodes, ["510800"]);

        let c = get("联系方式:0371--86199800;电子邮箱: syqdcs@126.com。");
        assert_eq!(c.phones, ["0371--86199800"]);
        assert_eq!(c.emails, ["syqdcs@126.com"]);

        let c = get("联系方式：电话 0763-5673980；邮政地址：清远市清新区太和镇玄真路 49 号 5 楼 513 室；电子邮箱：guanweihui0763@163.com。");
        assert_eq!(c.phones, ["0763-5673980"]);
        assert_eq!(c.emails, ["guanweihui0763@163.com"]);
        assert_eq!(c.addresses, ["清远市清新区太和镇玄真路 49 号 5 楼 513 室"]);

        let c = get("欢迎监督。联系电话：0731-8432 6658，邮编410000。");
        assert_eq!(c.phones, ["0731-84326658"]);
        assert_eq!(c.postcodes, ["410000"]);
        let c = get("欢迎监督。电话：0731-84326658 1234");
        assert_eq!(
            c.phones,
            ["0731-84326658"],
            "a full number then another group stays apart"
        );

        let c = get("举报电话：12388，手机13812345678，电话0371-12345678、0371-87654321");
        assert_eq!(
            c.phones,
            ["12388", "13812345678", "0371-12345678", "0371-87654321"]
        );
    }

    #[test]
    fn broken_over_blocks() {
        let blocks: Vec<Block> = [
            "欢迎广大干部群众进行监督。联系方式：电话 0763-5673980；",
            "邮政地址：清远市清新区太和镇玄真路 49 号；电",
            "子邮箱：guanweihui0763@163.com。",
        ]
        .iter()
        .map(|t| Block::paragraph(*t))
        .collect();
        let mut c = Contacts::default();
        apply(&blocks, None, &mut c);
        assert_eq!(c.emails, ["guanweihui0763@163.com"]);
        assert_eq!(c.phones, ["0763-5673980"]);
    }
}
