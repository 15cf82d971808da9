//! Percent number formats: the one display format that changes what a number *is* to a reader
//! (`0.85` in a 整改完成率 column shows as `85%`). calamine gives dates but not number formats,
//! so the formats are read here: from the BIFF `FORMAT`/`XF` records and each cell's XF index
//! for `.xls`, and from `xl/styles.xml` (`numFmts`, `cellXfs`) for `.xlsx`.

use std::collections::HashMap;

use quick_xml::events::{BytesStart, Event};
use quick_xml::XmlVersion;

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

/// Percent decimals per `cellXfs` index of an `.xlsx` styles part.
pub(crate) fn xlsx_percent_styles(styles_xml: &str) -> Vec<Option<usize>> {
    let mut custom: HashMap<u32, Option<usize>> = HashMap::new();
    let mut xfs = Vec::new();
    let mut reader = quick_xml::Reader::from_str(styles_xml);
    let mut in_cell_xfs = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) if local(e.name().into_inner()) == "cellXfs" => in_cell_xfs = true,
            Ok(Event::End(e)) if local(e.name().into_inner()) == "cellXfs" => in_cell_xfs = false,
            Ok(Event::Start(e) | Event::Empty(e)) => match local(e.name().into_inner()) {
                "numFmt" => {
                    let id = attr(&e, "numFmtId").and_then(|v| v.parse().ok());
                    let code = attr(&e, "formatCode").unwrap_or_default();
                    if let Some(id) = id {
                        custom.insert(id, percent_decimals(&code));
                    }
                }
                "xf" if in_cell_xfs => {
                    let id: u32 = attr(&e, "numFmtId")
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
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    xfs
}

fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

fn attr(e: &BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes().with_checks(false).flatten().find_map(|a| {
        (local(a.key.into_inner()) == key).then(|| {
            match a.normalized_value(XmlVersion::Implicit1_0) {
                Ok(v) => v.into_owned(),
                Err(_) => a.value.to_string(),
            }
        })
    })
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
        assert_eq!(xlsx_percent_styles(xml), vec![None, Some(0), Some(1), None]);
    }
}
