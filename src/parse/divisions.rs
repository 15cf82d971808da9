//! Statute and decimal numbering at the start of a line.
//!
//! Resolves `第一编` / `第三章` / `第二节` / `第十二条` (laws, regulations, 办法) and `1` / `1.1`
//! / `1.1.1` / `第7.9条` (emergency plans, technical annexes) into a [`Numbering`] for the
//! heading pass. Hand-written scanners, no regexes.
//!
//! A statute number is a heading only when a separator follows it (a space, U+3000, a caption
//! in `【】` or `（）`, or the end of the line): `第十二条规定的…` at the start of a sentence is a
//! citation, not article 12. A decimal number needs a space before its title, and a bare
//! integer (`1 总则`) one or two digits and a title that is not a quantity (`3 个问题`).

use super::headings::{Numbering, Style};
use crate::model::HeadingKind;
use crate::vocab::numeral;

/// Deepest decimal numbering read as a heading (`1.1.1.1`).
const MAX_DECIMAL_DEPTH: u8 = 4;

/// A statute (`第一章`) or decimal (`1.1`) number at the start of `text`.
pub(crate) fn numbering(text: &str) -> Option<Numbering> {
    let lead = text.len() - text.trim_start().len();
    let body = text.get(lead..)?;
    statute(body, lead).or_else(|| decimal(body, lead))
}

/// The division a style stands for.
pub(crate) fn kind(style: Style) -> Option<HeadingKind> {
    match style {
        Style::Part => Some(HeadingKind::Part),
        Style::Chapter => Some(HeadingKind::Chapter),
        Style::SubChapter => Some(HeadingKind::Section),
        Style::Article => Some(HeadingKind::Article),
        Style::Decimal(_) => Some(HeadingKind::Decimal),
        _ => None,
    }
}

/// `第一章　总则`, `第十二条　…`, `第7.9条 …`.
fn statute(body: &str, lead: usize) -> Option<Numbering> {
    let rest = body.strip_prefix('第')?;
    let digits_end = rest
        .char_indices()
        .find(|&(_, c)| !(numeral::is_cn_numeral_char(c) || c.is_ascii_digit() || c == '.'))
        .map_or(rest.len(), |(i, _)| i);
    let digits = rest.get(..digits_end)?;
    let unit = rest.get(digits_end..)?.chars().next()?;
    let after_unit = digits_end + unit.len_utf8();
    let mut end = after_unit;
    if rest.get(after_unit..)?.starts_with("之一") {
        end += "之一".len();
    }
    let tail = rest.get(end..)?;
    if !separated(tail) || digits.is_empty() {
        return None;
    }
    let (style, value) = if digits.contains('.') {
        if unit != '条' {
            return None;
        }
        decimal_parts(digits)?
    } else {
        let style = match unit {
            '编' => Style::Part,
            '章' => Style::Chapter,
            '节' => Style::SubChapter,
            '条' => Style::Article,
            _ => return None,
        };
        (style, numeral::number(digits)?)
    };
    let marker_end = lead + '第'.len_utf8() + end;
    Some(make(body, lead, marker_end, style, value))
}

/// `1 总则`, `1.1 编制目的`, `2.3.1 响应程序`.
fn decimal(body: &str, lead: usize) -> Option<Numbering> {
    let end = body
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.'))
        .map_or(body.len(), |(i, _)| i);
    let written = body.get(..end)?;
    // Word's multilevel lists write `2.1.` / `3.1.1.`; a single `1.` is the `1.` layer.
    let digits = match written.strip_suffix('.') {
        Some(d) if d.contains('.') => d,
        _ => written,
    };
    let tail = body.get(end..)?;
    let title = tail.trim_start();
    if title.len() == tail.len() || digits.ends_with('.') {
        return None; // no space before the title: `1.5亿元`, `2020年`, `1.`
    }
    let first = title.chars().next()?;
    let (style, value) = decimal_parts(digits)?;
    // `3.2.6. XX区` — a title may open with Latin letters once the number has a dot.
    let letter_ok = style != Style::Decimal(1) && first.is_ascii_alphabetic();
    if !crate::chars::is_han(first) && !letter_ok {
        return None;
    }
    if style == Style::Decimal(1) && (digits.len() > 2 || is_unit(first)) {
        return None;
    }
    Some(make(body, lead, lead + end, style, value))
}

/// `7.9` → depth 2, value 9.
fn decimal_parts(digits: &str) -> Option<(Style, u64)> {
    let parts: Vec<&str> = digits.split('.').collect();
    let depth = u8::try_from(parts.len()).ok()?;
    if depth > MAX_DECIMAL_DEPTH
        || parts
            .iter()
            .any(|p| p.is_empty() || p.len() > 3 || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let value = parts.last()?.parse().ok()?;
    Some((Style::Decimal(depth), value))
}

/// What follows a statute number: a space, a caption bracket, or nothing.
fn separated(tail: &str) -> bool {
    tail.chars()
        .next()
        .is_none_or(|c| c.is_whitespace() || matches!(c, '【' | '〔' | '（' | '('))
}

/// A character that makes `N X` a quantity (`3 个`, `5 年`).
fn is_unit(c: char) -> bool {
    "年月日时分秒个项次名人件条元万亿千百十号位家户台辆座所处批天周岁度米倍层级类".contains(c)
}

fn make(body: &str, lead: usize, marker_end: usize, style: Style, value: u64) -> Numbering {
    let marker = body
        .get(..marker_end - lead)
        .unwrap_or("")
        .trim()
        .to_string();
    let rest = body.get(marker_end - lead..).unwrap_or("");
    Numbering {
        style,
        value,
        marker,
        text_start: marker_end + (rest.len() - rest.trim_start().len()),
        loose: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognizer() {
        type Want = Option<(Style, u64, &'static str, &'static str)>;
        let cases: [(&str, Want); 16] = [
            ("第一章 总则", Some((Style::Chapter, 1, "第一章", "总则"))),
            (
                "第一章\u{3000}总\u{3000}\u{3000}则",
                Some((Style::Chapter, 1, "第一章", "总\u{3000}\u{3000}则")),
            ),
            ("第二编　物权", Some((Style::Part, 2, "第二编", "物权"))),
            (
                "　　第一节　订立",
                Some((Style::SubChapter, 1, "第一节", "订立")),
            ),
            (
                "第十二条　县级以上",
                Some((Style::Article, 12, "第十二条", "县级以上")),
            ),
            (
                "第一百二十条之一 国家",
                Some((Style::Article, 120, "第一百二十条之一", "国家")),
            ),
            (
                "第五条【适用范围】本法",
                Some((Style::Article, 5, "第五条", "【适用范围】本法")),
            ),
            (
                "第7.9条 应急预案",
                Some((Style::Decimal(2), 9, "第7.9条", "应急预案")),
            ),
            (
                "1.1 编制目的",
                Some((Style::Decimal(2), 1, "1.1", "编制目的")),
            ),
            ("2 组织体系", Some((Style::Decimal(1), 2, "2", "组织体系"))),
            (
                "3.1.1. 主题域",
                Some((Style::Decimal(3), 1, "3.1.1.", "主题域")),
            ),
            (
                "3.2.6. XX区",
                Some((Style::Decimal(3), 6, "3.2.6.", "XX区")),
            ),
            ("第十二条规定的情形", None),
            ("1.5亿元用于建设", None),
            ("3 个问题", None),
            ("2023 年以来", None),
        ];
        for (text, want) in cases {
            let got = numbering(text).map(|n| {
                let rest = text.get(n.text_start..).unwrap_or("").to_string();
                (n.style, n.value, n.marker, rest)
            });
            let want = want.map(|(s, v, m, r)| (s, v, m.to_string(), r.to_string()));
            assert_eq!(got, want, "{text}");
        }
    }
}
