//! A thin streaming layer over quick-xml shared by the DOCX part parsers.
//!
//! It decodes the part to UTF-8, counts element depth against `Limits::xml_depth` while
//! streaming, turns syntax errors into [`Error::Malformed`] naming the part, and resolves
//! references itself: character references and the five predefined entities only. Entities a
//! DTD declares are never expanded (quick-xml does not read DTDs; a reference to an unknown
//! entity becomes nothing), so "billion laughs" documents cannot grow.

use std::borrow::Cow;

use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use crate::error::{Error, Limit, Result};
use crate::model::Format;

/// Decode an XML part to text: UTF-8 (BOM stripped) or UTF-16 with a BOM. Invalid bytes become
/// U+FFFD; the flag says whether that happened.
pub(super) fn decode(bytes: &[u8]) -> (Cow<'_, str>, bool) {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(bytes.get(bom..).unwrap_or(&[]));
        return (text, had_errors);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (Cow::Borrowed(s), false),
        Err(_) => (String::from_utf8_lossy(bytes), true),
    }
}

/// A depth-counting event reader over one part.
pub(super) struct Xml<'a> {
    reader: Reader<&'a [u8]>,
    depth: u64,
    max_depth: u64,
    part: &'a str,
}

impl<'a> Xml<'a> {
    pub(super) fn new(text: &'a str, part: &'a str, max_depth: u64) -> Self {
        let reader = Reader::from_str(text);
        Xml {
            reader,
            depth: 0,
            max_depth,
            part,
        }
    }

    /// The next event; `Ok(None)` at the end of a well-formed part.
    ///
    /// # Errors
    /// [`Error::Malformed`] for invalid XML (including a part that ends inside an element) and
    /// [`Error::LimitExceeded`] when elements nest deeper than the limit.
    pub(super) fn next(&mut self) -> Result<Option<Event<'a>>> {
        let ev = self.reader.read_event().map_err(|e| {
            Error::malformed(
                Format::Docx,
                format!(
                    "invalid XML in {} at byte {}: {e}",
                    self.part,
                    self.reader.error_position()
                ),
            )
        })?;
        match &ev {
            Event::Start(_) => {
                self.depth += 1;
                if self.depth > self.max_depth {
                    return Err(Error::limit(Limit::XmlDepth, self.max_depth));
                }
            }
            Event::Empty(_) if self.depth + 1 > self.max_depth => {
                return Err(Error::limit(Limit::XmlDepth, self.max_depth));
            }
            Event::End(_) => self.depth = self.depth.saturating_sub(1),
            Event::Eof => {
                if self.depth != 0 {
                    return Err(Error::malformed(
                        Format::Docx,
                        format!("invalid XML in {}: it ends inside an element", self.part),
                    ));
                }
                return Ok(None);
            }
            _ => {}
        }
        Ok(Some(ev))
    }
}

/// The local name of an element (`w:p` → `p`).
pub(super) fn local<'b>(e: &'b BytesStart<'_>) -> &'b [u8] {
    local_end(e.name().into_inner())
}

/// The local name of an end tag.
pub(super) fn local_end(name: &str) -> &[u8] {
    let name = name.as_bytes();
    match name.iter().rposition(|&b| b == b':') {
        Some(i) => name.get(i + 1..).unwrap_or(name),
        None => name,
    }
}

/// The value of the attribute whose local name is `key` (`w:val` → `val`), unescaped.
pub(super) fn attr(e: &BytesStart<'_>, key: &[u8]) -> Option<String> {
    e.attributes().with_checks(false).flatten().find_map(|a| {
        (a.key.local_name().as_ref().as_bytes() == key).then(|| {
            match a.normalized_value(XmlVersion::Implicit1_0) {
                Ok(v) => v.into_owned(),
                Err(_) => a.value.to_string(),
            }
        })
    })
}

/// An OOXML on/off property (`<w:b/>`, `<w:b w:val="false"/>`).
pub(super) fn on_off(e: &BytesStart<'_>) -> bool {
    !matches!(
        attr(e, b"val").as_deref(),
        Some("0" | "false" | "off" | "none")
    )
}

/// The text a reference stands for: character references and the five predefined entities.
/// Any other entity is dropped rather than expanded.
pub(super) fn reference(r: &BytesRef<'_>) -> Option<char> {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return Some(c);
    }
    match r.as_ref() {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        "apos" => Some('\''),
        "quot" => Some('"'),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(xml: &str, depth: u64) -> Result<usize> {
        let mut x = Xml::new(xml, "t.xml", depth);
        let mut n = 0;
        while x.next()?.is_some() {
            n += 1;
        }
        Ok(n)
    }

    #[test]
    fn depth_and_truncation() {
        assert!(events("<a><b><c/></b></a>", 3).is_ok());
        let err = events("<a><b><c/></b></a>", 2).unwrap_err();
        assert_eq!(err.code(), "limit_exceeded");
        assert_eq!(events("<a><b>", 8).unwrap_err().code(), "malformed");
        assert_eq!(events("<a></b>", 8).unwrap_err().code(), "malformed");
    }

    #[test]
    fn decodes_utf16_and_bom() {
        assert_eq!(decode(b"\xEF\xBB\xBF<a/>").0, "<a/>");
        assert_eq!(decode(b"\xFF\xFE<\0a\0/\0>\0").0, "<a/>");
        assert!(decode(b"<a>\xFF</a>").1);
    }
}
