//! The `\u{5}SummaryInformation` property set (MS-OLEPS): title, author, keywords, comments,
//! application and dates, as DOCX `core.xml`/`app.xml` give them.
//!
//! Narrow strings are in the set's code page (property 1: 936 is GBK, 65001 UTF-8, …). Every
//! offset is checked against the stream; a damaged set gives what could be read.

use super::bytes::{u16_at, u32_at};
use crate::model::{Meta, Source};

const VT_I2: u32 = 0x02;
const VT_LPSTR: u32 = 0x1E;
const VT_LPWSTR: u32 = 0x1F;
const VT_FILETIME: u32 = 0x40;
/// Properties read at most, whatever the set claims.
const MAX_PROPERTIES: usize = 256;

/// One property value.
enum Value {
    Int(u16),
    Bytes(Vec<u8>),
    Wide(String),
    Time(u64),
}

/// Apply the summary information to `meta` and `source`.
pub(crate) fn apply(stream: &[u8], meta: &mut Meta, source: &mut Source) {
    let props = properties(stream);
    let codepage = props.iter().find_map(|(id, v)| match (id, v) {
        (1, Value::Int(cp)) => Some(*cp),
        _ => None,
    });
    let encoding = encoding_of(codepage.unwrap_or(1252));
    for (id, v) in &props {
        let text = match v {
            Value::Bytes(b) => {
                let b = b.split(|&c| c == 0).next().unwrap_or(&[]);
                Some(encoding.decode(b).0.trim().to_string())
            }
            Value::Wide(s) => Some(s.trim().to_string()),
            _ => None,
        }
        .filter(|s| !s.is_empty());
        match (id, text, v) {
            (2, Some(t), _) => meta.title = Some(t),
            (4, Some(t), _) => meta.author = Some(t),
            (5, Some(t), _) => {
                meta.keywords = t
                    .split([',', '，', ';', '；', '、'])
                    .flat_map(|s| s.split_whitespace())
                    .map(str::to_string)
                    .collect()
            }
            (6, Some(t), _) => meta.description = Some(t),
            (0x12, Some(t), _) => source.producer = Some(t),
            (0x0C, _, Value::Time(t)) => source.created = iso(*t),
            (0x0D, _, Value::Time(t)) => source.modified = iso(*t),
            _ => {}
        }
    }
}

fn encoding_of(codepage: u16) -> &'static encoding_rs::Encoding {
    match codepage {
        936 => encoding_rs::GBK,
        54936 => encoding_rs::GB18030,
        950 => encoding_rs::BIG5,
        65001 => encoding_rs::UTF_8,
        932 => encoding_rs::SHIFT_JIS,
        949 => encoding_rs::EUC_KR,
        _ => encoding_rs::WINDOWS_1252,
    }
}

/// The first property set's (id, value) pairs.
fn properties(s: &[u8]) -> Vec<(u32, Value)> {
    let Some(set) = u32_at(s, 44).map(|o| o as usize) else {
        return Vec::new();
    };
    let count = u32_at(s, set + 4).map_or(0, |n| (n as usize).min(MAX_PROPERTIES));
    (0..count)
        .filter_map(|i| {
            let id = u32_at(s, set + 8 + i * 8)?;
            let at = set.checked_add(u32_at(s, set + 12 + i * 8)? as usize)?;
            Some((id, value(s, at)?))
        })
        .collect()
}

fn value(s: &[u8], at: usize) -> Option<Value> {
    let len = |n: u32| (n as usize).min(s.len());
    match u32_at(s, at)? {
        VT_I2 => Some(Value::Int(u16_at(s, at + 4)?)),
        VT_LPSTR => {
            let n = len(u32_at(s, at + 4)?);
            Some(Value::Bytes(s.get(at + 8..at + 8 + n)?.to_vec()))
        }
        VT_LPWSTR => {
            let n = len(u32_at(s, at + 4)?);
            let units: Vec<u16> = (0..n)
                .map_while(|i| u16_at(s, at + 8 + i * 2))
                .take_while(|&u| u != 0)
                .collect();
            Some(Value::Wide(String::from_utf16_lossy(&units)))
        }
        VT_FILETIME => {
            let lo = u64::from(u32_at(s, at + 4)?);
            let hi = u64::from(u32_at(s, at + 8)?);
            Some(Value::Time(hi << 32 | lo))
        }
        _ => None,
    }
}

/// A FILETIME (100 ns since 1601-01-01 UTC) as `YYYY-MM-DDTHH:MM:SSZ`; `None` for 0 or a
/// date outside 1980–2200 (unset or garbage).
fn iso(filetime: u64) -> Option<String> {
    const UNIX_EPOCH: u64 = 11_644_473_600;
    let secs = (filetime / 10_000_000).checked_sub(UNIX_EPOCH)?;
    let (days, rest) = (secs / 86_400, secs % 86_400);
    let (y, m, d) = civil(i64::try_from(days).ok()?);
    if !(1980..=2200).contains(&y) {
        return None;
    }
    Some(format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest / 60 % 60,
        rest % 60
    ))
}

/// Days since 1970-01-01 → (year, month, day) (Howard Hinnant's civil_from_days).
fn civil(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filetimes_become_iso_dates() {
        // 2024-01-01T09:00:00Z
        let t = (1_704_099_600 + 11_644_473_600) * 10_000_000;
        assert_eq!(iso(t).as_deref(), Some("2024-01-01T09:00:00Z"));
        assert_eq!(iso(0), None);
    }
}
