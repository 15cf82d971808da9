//! Percent number formats: the one display format that changes what a number *is* to a reader
//! (`0.85` in a 整改完成率 column shows as `85%`). calamine gives dates but not number formats,
//! so the formats are read here: from the BIFF `FORMAT`/`XF` records and each cell's XF index
//! for `.xls`, and from `xl/styles.xml` (`numFmts`, `cellXfs`) for `.xlsx`.

use std::collections::HashMap;

use quick_xml::events::Event;

use crate::model::Format;
use crate::read::xml::{self, Xml};

/// Decimals of a percent format code (`0%` → 0, `0.00%` → 2), `None` when not a percent
/// format. Only the first section (positive numbers) counts; quoted text and escapes are skipped.
pub(crate) fn percent_decimals(code: &str) -> Option<usize> {
    let section = code.split(';').next().unwrap_or("");
    let mut plain = String::new();
    let mut quoted = false;
    let mut chars = section.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => quoted = !quoted,
            '\\' | '_' | '*' => {
                chars.next();
            }
            c if !quoted => plain.push(c),
            _ => {}
        }
    }
    if !plain.contains('%') {
        return None;
    }
    let decimals = plain.split_once('.').map_or(0, |(_, frac)| {
        frac.chars().take_while(|c| *c == '0' || *c == '#').count()
    });
    Some(decimals.min(15))
}

/// Built-in format ids that are percentages (ECMA-376 18.8.30, MS-XLS 2.4.126).
pub(crate) fn builtin_percent(id: u32) -> Option<usize> {
    match id {
        9 => Some(0),
        10 => Some(2),
        _ => None,
    }
}

/// A number shown in a percent format.
pub(crate) fn percent(v: f64, decimals: usize) -> String {
    if !v.is_finite() {
        return "#NUM!".to_string();
    }
    let s = format!("{:.*}", decimals, v * 100.0);
    // `-0%` for a tiny negative number reads wrong.
    let s = if s
        .trim_start_matches('-')
        .chars()
        .all(|c| c == '0' || c == '.')
    {
        s.trim_start_matches('-').to_string()
    } else {
        s
    };
    format!("{s}%")
}

/// Percent decimals per `cellXfs` index of an `.xlsx` styles part. A damaged or over-deep
/// part gives what was read before the damage (formats are a nicety, not the text).
pub(crate) fn xlsx_percent_styles(styles_xml: &str, max_depth: u64) -> Vec<Option<usize>> {
    let mut custom: HashMap<u32, Option<usize>> = HashMap::new();
    let mut xfs = Vec::new();
    let mut x = Xml::new(Format::Xlsx, styles_xml, "xl/styles.xml", max_depth);
    let mut in_cell_xfs = false;
    while let Ok(Some(ev)) = x.next() {
        match ev {
            Event::Start(e) if xml::local(&e) == b"cellXfs" => in_cell_xfs = true,
            Event::End(e) if xml::local_end(e.name().into_inner()) == b"cellXfs" => {
                in_cell_xfs = false;
            }
            Event::Start(e) | Event::Empty(e) => match xml::local(&e) {
                b"numFmt" => {
                    let id = xml::attr(&e, b"numFmtId").and_then(|v| v.parse().ok());
                    let code = xml::attr(&e, b"formatCode").unwrap_or_default();
                    if let Some(id) = id {
                        custom.insert(id, percent_decimals(&code));
                    }
                }
                b"xf" if in_cell_xfs => {
                    let id: u32 = xml::attr(&e, b"numFmtId")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0);
                    xfs.push(
                        custom
                            .get(&id)
                            .copied()
                            .unwrap_or_else(|| builtin_percent(id)),
                    );
                }
                _ => {}
            },
            _ => {}
        }
    }
    xfs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_formats() {
        for (code, want) in [
            ("0%", Some(0)),
            ("0.00%", Some(2)),
            ("0.0%;[Red]-0.0%", Some(1)),
            ("\"%\"0", None),
            ("0\\%", None),
            ("General", None),
            ("yyyy-mm-dd", None),
        ] {
            assert_eq!(percent_decimals(code), want, "{code}");
        }
        assert_eq!(percent(0.85, 0), "85%");
        assert_eq!(percent(2.0 / 3.0, 2), "66.67%");
        assert_eq!(percent(-0.00001, 0), "0%");
    }

    #[test]
    fn xlsx_styles() {
        let xml = r#"<styleSheet><numFmts><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>
            <cellStyleXfs><xf numFmtId="9"/></cellStyleXfs>
            <cellXfs><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="164"/><xf/></cellXfs></styleSheet>"#;
        assert_eq!(
            xlsx_percent_styles(xml, 64),
            vec![None, Some(0), Some(1), None]
        );
    }
}
