//! Small, total accessors over lopdf objects: every lookup follows references (bounded by
//! lopdf's own dereference limit) and answers `None` instead of failing.

use lopdf::{Dictionary, Document, Object};

/// Follow references.
pub(crate) fn deref<'a>(doc: &'a Document, o: Option<&'a Object>) -> Option<&'a Object> {
    doc.dereference(o?).ok().map(|(_, o)| o)
}

/// A dictionary, or a stream's dictionary.
pub(crate) fn dict<'a>(doc: &'a Document, o: Option<&'a Object>) -> Option<&'a Dictionary> {
    match deref(doc, o)? {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

/// A name's bytes.
pub(crate) fn name(doc: &Document, o: Option<&Object>) -> Option<Vec<u8>> {
    deref(doc, o)?.as_name().ok().map(<[u8]>::to_vec)
}

/// A string's bytes.
pub(crate) fn string(doc: &Document, o: Option<&Object>) -> Option<Vec<u8>> {
    match deref(doc, o)? {
        Object::String(s, _) => Some(s.clone()),
        Object::Name(n) => Some(n.clone()),
        _ => None,
    }
}

/// An integer or real as `f32` (finite only).
pub(crate) fn number(doc: &Document, o: Option<&Object>) -> Option<f32> {
    deref(doc, o)?.as_float().ok().filter(|v| v.is_finite())
}

/// A stream's decoded bytes, at most `limit` of them.
pub(crate) fn stream_bytes(doc: &Document, o: Option<&Object>, limit: usize) -> Option<Vec<u8>> {
    match deref(doc, o)? {
        Object::Stream(s) => s.get_plain_content_with_limit(limit).ok(),
        _ => None,
    }
}

/// A rectangle `[llx lly urx ury]`, normalised.
pub(crate) fn rect(doc: &Document, o: Option<&Object>) -> Option<[f32; 4]> {
    let a = deref(doc, o)?.as_array().ok()?;
    let v: Vec<f32> = a.iter().filter_map(|x| number(doc, Some(x))).collect();
    match v.as_slice() {
        [a, b, c, d] => Some([a.min(*c), b.min(*d), a.max(*c), b.max(*d)]),
        _ => None,
    }
}

/// A PDF text string: UTF-16 with BOM, UTF-8 (with or without BOM), GBK (common in Chinese
/// producers' Info dictionaries), or PDFDocEncoding (taken as Latin-1).
pub(crate) fn text_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks(2)
            .map(|c| {
                u16::from_be_bytes([
                    c.first().copied().unwrap_or(0),
                    c.get(1).copied().unwrap_or(0),
                ])
            })
            .collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        let units: Vec<u16> = rest
            .chunks(2)
            .map(|c| {
                u16::from_le_bytes([
                    c.first().copied().unwrap_or(0),
                    c.get(1).copied().unwrap_or(0),
                ])
            })
            .collect();
        return String::from_utf16_lossy(&units);
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_string();
    }
    if super::font::looks_gbk(bytes) {
        return encoding_rs::GBK.decode(bytes).0.into_owned();
    }
    bytes.iter().map(|&b| char::from(b)).collect()
}
