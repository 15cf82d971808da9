//! Page furniture: page numbers and running headers/footers.
//!
//! Only the outermost rows of a page, inside the top or bottom margin band, are candidates. A
//! candidate is a page number when its text has a page-number form (`— 3 —`, `－3－`, `第3页
//! 共12页`, `3/12`, a bare number); it is a running header or footer when the same text (digits
//! ignored) stands at about the same height on at least two pages and on 40 % of them.

use std::collections::HashMap;

use super::order::FlowKind;
use super::PageLines;

/// Why a line is furniture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Furniture {
    /// A page number.
    PageNumber,
    /// A running header or footer.
    Header,
}

/// Fraction of the page height at the top and at the bottom where furniture may stand.
const BAND: f32 = 0.2;

/// How many rows from the top and from the bottom are candidates.
const OUTERMOST: usize = 2;

/// Mark furniture lines in place; returns (page numbers, header lines) removed.
pub(super) fn mark(pages: &mut [PageLines]) -> (usize, usize) {
    // (page, flow, line) of every candidate.
    let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
    for (pi, page) in pages.iter().enumerate() {
        let mut ys: Vec<(f32, usize, usize)> = Vec::new();
        for (fi, flow) in page.flows.iter().enumerate() {
            if flow.kind == FlowKind::Vertical {
                continue;
            }
            for (li, line) in flow.lines.iter().enumerate() {
                ys.push((line.y, fi, li));
            }
        }
        ys.sort_by(|a, b| a.0.total_cmp(&b.0));
        let n = ys.len();
        for (rank, (y, fi, li)) in ys.iter().enumerate() {
            let outer = rank < OUTERMOST || rank + OUTERMOST >= n;
            let in_band = *y < page.height * BAND || *y > page.height * (1.0 - BAND);
            if outer && in_band {
                candidates.push((pi, *fi, *li));
            }
        }
    }

    let mut numbers = 0;
    let mut groups: HashMap<String, Vec<(usize, usize, usize)>> = HashMap::new();
    for &(pi, fi, li) in &candidates {
        let Some(line) = line_mut(pages, pi, fi, li) else {
            continue;
        };
        if is_page_number(&line.text) {
            line.furniture = Some(Furniture::PageNumber);
            numbers += 1;
        } else {
            groups
                .entry(header_key(&line.text))
                .or_default()
                .push((pi, fi, li));
        }
    }

    let mut headers = 0;
    let n_pages = pages.len();
    for members in groups.values() {
        let mut ys: Vec<f32> = members
            .iter()
            .filter_map(|&(pi, fi, li)| line_ref(pages, pi, fi, li).map(|l| l.y))
            .collect();
        let Some(y_mid) = super::lines::median(&mut ys) else {
            continue;
        };
        let near: Vec<(usize, usize, usize)> = members
            .iter()
            .copied()
            .filter(|&(pi, fi, li)| {
                line_ref(pages, pi, fi, li).is_some_and(|l| (l.y - y_mid).abs() < 1.5 * l.size)
            })
            .collect();
        let mut distinct: Vec<usize> = near.iter().map(|m| m.0).collect();
        distinct.dedup();
        // Two pages are too few to tell a running header from a form printed twice (a 存根 and
        // its copy both start with the same title): on two pages only lines in the top or
        // bottom tenth of the page count.
        let in_margin = |&(pi, fi, li): &(usize, usize, usize)| {
            let height = pages.get(pi).map_or(0.0, |p| p.height);
            line_ref(pages, pi, fi, li)
                .is_some_and(|l| height > 0.0 && (l.y < height * 0.1 || l.y > height * 0.9))
        };
        let enough = distinct.len() >= 3 || (distinct.len() == 2 && near.iter().all(in_margin));
        if enough && distinct.len() * 5 >= n_pages * 2 {
            for (pi, fi, li) in near {
                if let Some(line) = line_mut(pages, pi, fi, li) {
                    line.furniture = Some(Furniture::Header);
                    headers += 1;
                }
            }
        }
    }
    (numbers, headers)
}

fn line_ref(pages: &[PageLines], pi: usize, fi: usize, li: usize) -> Option<&super::lines::Line> {
    pages.get(pi)?.flows.get(fi)?.lines.get(li)
}

fn line_mut(
    pages: &mut [PageLines],
    pi: usize,
    fi: usize,
    li: usize,
) -> Option<&mut super::lines::Line> {
    pages.get_mut(pi)?.flows.get_mut(fi)?.lines.get_mut(li)
}

/// The text with whitespace removed and every digit run replaced by `#`, so `第3页` and `第4页`
/// (or a header carrying the page number) compare equal.
fn header_key(text: &str) -> String {
    let mut key = String::new();
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        if fold_digit(c).is_ascii_digit() {
            if !key.ends_with('#') {
                key.push('#');
            }
        } else {
            key.push(c);
        }
    }
    key
}

/// Full-width digits U+FF10–U+FF19 to ASCII.
fn fold_digit(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - 0xFF10 + u32::from(b'0')).unwrap_or(c),
        _ => c,
    }
}

/// Dashes and brackets that decorate page numbers: `— 3 —`, `－3－`, `- 3 -`, `·3·`, `(3)`.
fn is_decoration(c: char) -> bool {
    matches!(
        c,
        '-' | '‐'
            | '‑'
            | '‒'
            | '–'
            | '—'
            | '―'
            | '－'
            | '─'
            | '~'
            | '～'
            | '·'
            | '•'
            | '('
            | ')'
            | '（'
            | '）'
            | '['
            | ']'
            | '【'
            | '】'
            | '〔'
            | '〕'
    )
}

/// True when `text` is a page number in one of the forms official documents use.
pub(super) fn is_page_number(text: &str) -> bool {
    let folded: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(fold_digit)
        .collect::<String>()
        .to_lowercase();
    let s = folded.trim_matches(is_decoration);
    if s.is_empty() {
        return false;
    }
    if let Some((a, b)) = s.split_once(['/', '／']) {
        return digits(a).is_some_and(str::is_empty) && digits(b).is_some_and(str::is_empty);
    }
    if let Some(rest) = digits(s) {
        return rest.is_empty() && s.len() <= 4;
    }
    let seps = |r: &str| {
        r.trim_start_matches([',', '，', '、', '/', '／'])
            .to_string()
    };
    // 第3页, 第3页共12页, 共12页第3页, page 3, page 3 of 12.
    if let Some(rest) = page_form(s, "第") {
        let rest = seps(rest);
        return rest.is_empty() || page_form(&rest, "共").is_some_and(str::is_empty);
    }
    if let Some(rest) = page_form(s, "共") {
        return page_form(&seps(rest), "第").is_some_and(str::is_empty);
    }
    if let Some(rest) = s.strip_prefix("page").and_then(digits) {
        return rest.is_empty() || rest.strip_prefix("of").and_then(digits) == Some("");
    }
    false
}

/// `prefix` digits `页`, returning what follows.
fn page_form<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    digits(s.strip_prefix(prefix)?)?.strip_prefix('页')
}

/// At least one ASCII digit, returning the rest.
fn digits(s: &str) -> Option<&str> {
    let rest = s.trim_start_matches(|c: char| c.is_ascii_digit());
    (rest.len() < s.len()).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_number_forms() {
        let cases = [
            ("— 3 —", true),
            ("－3－", true),
            ("- 3 -", true),
            ("－ １２ －", true),
            ("第3页 共12页", true),
            ("第 3 页", true),
            ("共12页第3页", true),
            ("3/12", true),
            ("Page 3 of 12", true),
            ("12", true),
            ("(4)", true),
            ("2023", true),
            ("20231", false),
            ("一、总体要求", false),
            ("第三章", false),
            ("第3条", false),
            ("3年", false),
            ("—", false),
            ("", false),
        ];
        for (text, want) in cases {
            assert_eq!(is_page_number(text), want, "{text:?}");
        }
    }

    #[test]
    fn header_keys_ignore_digits_and_spaces() {
        assert_eq!(header_key("关于 巡察 第3页"), header_key("关于巡察第14页"));
        assert_ne!(header_key("关于巡察"), header_key("关于巡视"));
    }
}
