//! The one XML layer of the readers (DOCX streams parts, OFD builds small trees), over
//! quick-xml.
//!
//! It resolves, once for both formats:
//! - **decoding**: UTF-8 (BOM stripped), UTF-16 with a BOM, or the GBK family when the XML
//!   declaration names it (`encoding="GBK"`, `GB2312`, `GB18030`, `cp936`: Chinese producers
//!   write such parts); invalid bytes become U+FFFD and the caller is told;
//! - **limits**: element nesting against `Limits::xml_depth` (start and empty elements alike)
//!   and, for trees, an element count;
//! - **errors**: one [`XmlError`], mapped into [`crate::Error`] by [`XmlError::into_error`];
//! - **references**: character references and the five predefined entities only. Entities a
//!   DTD declares are never expanded (quick-xml does not read DTDs; a reference to an unknown
//!   entity becomes nothing), so "billion laughs" documents cannot grow.
//!
//! Names are compared by local name: producers write `w:p`, `ofd:TextCode`, `TextCode` and
//! occasionally other prefixes for the same element.

use std::borrow::Cow;

use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use crate::error::{Error, Limit, Result};
use crate::model::Format;

/// Why an XML part could not be read.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum XmlError {
    /// The nesting went past the limit.
    TooDeep(u64),
    /// More elements than the limit (trees only).
    TooMany(u64),
    /// Not well-formed (message from quick-xml or our own checks).
    Syntax(String),
}

impl XmlError {
    /// The crate error for this failure in `part` of a `format` file: depth →
    /// [`Limit::XmlDepth`], element count → [`Limit::OpsPerPage`] (a tree is one page's
    /// budget), syntax → [`Error::Malformed`] naming the part.
    pub(crate) fn into_error(self, format: Format, part: &str) -> Error {
        match self {
            XmlError::TooDeep(n) => Error::limit(Limit::XmlDepth, n),
            XmlError::TooMany(n) => Error::limit(Limit::OpsPerPage, n),
            XmlError::Syntax(msg) => {
                Error::malformed(format, format!("{part} is not well-formed XML: {msg}"))
            }
        }
    }
}

/// Decode an XML part to text: a BOM wins, then a GBK-family declaration, then UTF-8.
/// Invalid bytes become U+FFFD; the flag says whether that happened.
pub(crate) fn decode(bytes: &[u8]) -> (Cow<'_, str>, bool) {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        return enc.decode_without_bom_handling(bytes.get(bom..).unwrap_or_default());
    }
    if declares_gbk(bytes) {
        let (text, _, had_errors) = encoding_rs::GB18030.decode(bytes);
        return (text, had_errors);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (Cow::Borrowed(s), false),
        Err(_) => (String::from_utf8_lossy(bytes), true),
    }
}

/// Whether the XML declaration (in the first 200 bytes) names a GBK-family encoding.
fn declares_gbk(bytes: &[u8]) -> bool {
    let head = bytes.get(..200).unwrap_or(bytes);
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    head.split("?>").next().is_some_and(|decl| {
        decl.contains("encoding") && (decl.contains("gb") || decl.contains("cp936"))
    })
}

/// A depth-counting event reader over one decoded part.
pub(crate) struct Xml<'a> {
    reader: Reader<&'a [u8]>,
    depth: u64,
    max_depth: u64,
    format: Format,
    part: &'a str,
}

impl<'a> Xml<'a> {
    /// A reader over `text`, the part `part` of a `format` file (both name it in errors).
    pub(crate) fn new(format: Format, text: &'a str, part: &'a str, max_depth: u64) -> Self {
        let mut reader = Reader::from_str(text);
        let config = reader.config_mut();
        config.check_end_names = true;
        config.expand_empty_elements = false;
        Xml {
            reader,
            depth: 0,
            max_depth,
            format,
            part,
        }
    }

    /// The next event; `Ok(None)` at the end of a well-formed part.
    ///
    /// # Errors
    /// [`Error::Malformed`] for invalid XML (including a part that ends inside an element) and
    /// [`Error::LimitExceeded`] when elements nest deeper than the limit.
    pub(crate) fn next(&mut self) -> Result<Option<Event<'a>>> {
        self.next_event()
            .map_err(|e| e.into_error(self.format, self.part))
    }

    /// [`Xml::next`] with the error not yet mapped, for callers that recover from some.
    pub(crate) fn next_event(&mut self) -> std::result::Result<Option<Event<'a>>, XmlError> {
        let ev = self.reader.read_event().map_err(|e| {
            XmlError::Syntax(format!("{e} at byte {}", self.reader.error_position()))
        })?;
        match &ev {
            Event::Start(_) => {
                self.depth += 1;
                if self.depth > self.max_depth {
                    return Err(XmlError::TooDeep(self.max_depth));
                }
            }
            Event::Empty(_) if self.depth + 1 > self.max_depth => {
                return Err(XmlError::TooDeep(self.max_depth));
            }
            Event::End(_) => self.depth = self.depth.saturating_sub(1),
            Event::Eof if self.depth != 0 => {
                return Err(XmlError::Syntax("it ends inside an element".into()));
            }
            Event::Eof => return Ok(None),
            _ => {}
        }
        Ok(Some(ev))
    }
}

/// The local name of an element (`w:p` → `p`).
pub(crate) fn local<'b>(e: &'b BytesStart<'_>) -> &'b [u8] {
    local_end(e.name().into_inner())
}

/// The local name of an end tag.
pub(crate) fn local_end(name: &str) -> &[u8] {
    let name = name.as_bytes();
    match name.iter().rposition(|&b| b == b':') {
        Some(i) => name.get(i + 1..).unwrap_or(name),
        None => name,
    }
}

/// The value of the attribute whose local name is `key` (`w:val` → `val`), unescaped.
pub(crate) fn attr(e: &BytesStart<'_>, key: &[u8]) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find_map(|a| (a.key.local_name().as_ref().as_bytes() == key).then(|| attr_value(&a)))
}

fn attr_value(a: &quick_xml::events::attributes::Attribute<'_>) -> String {
    match a.normalized_value(XmlVersion::Implicit1_0) {
        Ok(v) => v.into_owned(),
        Err(_) => a.value.to_string(),
    }
}

/// The text a reference stands for: character references and the five predefined entities.
/// Any other entity is dropped rather than expanded.
pub(crate) fn reference(r: &BytesRef<'_>) -> Option<char> {
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

/// One element of a tree: local name, attributes (local names), children and its direct text.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Node {
    pub(crate) name: String,
    pub(crate) attrs: Vec<(String, String)>,
    pub(crate) children: Vec<Node>,
    pub(crate) text: String,
}

impl Node {
    /// The attribute `name` (local name, ASCII case-insensitive: `BaseLoc` and `baseLoc` occur).
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The first child element called `name`.
    pub(crate) fn child(&self, name: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.name == name)
    }

    /// Every child element called `name`, in document order.
    pub(crate) fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Node> {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// Trimmed text of the first child called `name`, if it is not empty.
    pub(crate) fn child_text(&self, name: &str) -> Option<String> {
        let t = self.child(name)?.text.trim();
        (!t.is_empty()).then(|| t.to_string())
    }
}

/// Parse `bytes` into the root element, refusing nesting deeper than `max_depth`.
#[cfg(test)]
pub(crate) fn parse(bytes: &[u8], max_depth: u64) -> std::result::Result<Node, XmlError> {
    parse_limited(bytes, max_depth, u64::MAX)
}

/// Parse `bytes` (decoded as [`decode`] does) into the root element, refusing nesting deeper
/// than `max_depth` and more than `max_nodes` elements (a tree node costs about a hundred
/// bytes, so a part of tiny empty elements would otherwise grow twenty times its size).
pub(crate) fn parse_limited(
    bytes: &[u8],
    max_depth: u64,
    max_nodes: u64,
) -> std::result::Result<Node, XmlError> {
    let (text, _) = decode(bytes);
    // The format and part only name errors mapped by `Xml::next`, which is not used here.
    let mut xml = Xml::new(Format::Ofd, &text, "", max_depth);
    let mut stack: Vec<Node> = Vec::new();
    let mut root: Option<Node> = None;
    let mut nodes: u64 = 0;
    while let Some(event) = xml.next_event()? {
        match event {
            Event::Start(_) | Event::Empty(_) if root.is_some() => {
                return Err(XmlError::Syntax("content after the root element".into()));
            }
            Event::Start(_) | Event::Empty(_) if nodes >= max_nodes => {
                return Err(XmlError::TooMany(max_nodes));
            }
            Event::Start(e) => {
                nodes += 1;
                stack.push(element(&e));
            }
            Event::Empty(e) => {
                nodes += 1;
                attach(&mut stack, &mut root, element(&e));
            }
            Event::End(_) => {
                let node = stack
                    .pop()
                    .ok_or_else(|| XmlError::Syntax("unmatched end tag".into()))?;
                attach(&mut stack, &mut root, node);
            }
            Event::Text(t) => push_text(&mut stack, &t.xml10_content()),
            Event::CData(t) => push_text(&mut stack, &t.xml10_content()),
            Event::GeneralRef(r) => {
                // Unknown entities (no DTDs are read) are dropped rather than failing the part.
                if let Some(c) = reference(&r) {
                    push_text(&mut stack, c.encode_utf8(&mut [0; 4]));
                }
            }
            _ => {}
        }
    }
    root.ok_or_else(|| XmlError::Syntax("no root element".into()))
}

fn attach(stack: &mut [Node], root: &mut Option<Node>, node: Node) {
    match stack.last_mut() {
        Some(parent) => parent.children.push(node),
        None => *root = Some(node),
    }
}

fn push_text(stack: &mut [Node], text: &str) {
    if let Some(top) = stack.last_mut() {
        top.text.push_str(text);
    }
}

fn element(e: &BytesStart<'_>) -> Node {
    let attrs = e
        .attributes()
        .flatten()
        .map(|a| (a.key.local_name().as_ref().to_string(), attr_value(&a)))
        .collect();
    Node {
        name: e.local_name().as_ref().to_string(),
        attrs,
        ..Node::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(xml: &str, depth: u64) -> Result<usize> {
        let mut x = Xml::new(Format::Docx, xml, "t.xml", depth);
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

    #[test]
    fn decodes_gbk_declared_parts() {
        let (bytes, _, _) =
            encoding_rs::GBK.encode("<?xml version=\"1.0\" encoding=\"GBK\"?><a>公文</a>");
        let (text, lossy) = decode(&bytes);
        assert!(text.ends_with("<a>公文</a>") && !lossy, "{text}");
        // The same bytes without the declaration are not UTF-8: replaced and flagged.
        let body = bytes.get(bytes.len() - 10..).unwrap();
        assert!(decode(body).1);
        // A GBK-declared part streams like any other.
        let mut x = Xml::new(Format::Docx, &text, "t.xml", 4);
        let mut texts = String::new();
        while let Some(ev) = x.next().unwrap() {
            if let Event::Text(t) = ev {
                texts.push_str(&t.xml10_content());
            }
        }
        assert_eq!(texts, "公文");
    }

    #[test]
    fn trees_strip_prefixes_and_unescape() {
        let n = parse(
            br#"<?xml version="1.0"?><ofd:A xmlns:ofd="x" ofd:B="1 &amp; 2"><ofd:C>a&lt;b&#x4E00;</ofd:C><D/></ofd:A>"#,
            10,
        )
        .unwrap();
        assert_eq!(n.name, "A");
        assert_eq!(n.attr("b"), Some("1 & 2"));
        assert_eq!(n.child_text("C").as_deref(), Some("a<b一"));
        assert!(n.child("D").is_some());
    }

    #[test]
    fn bad_trees_are_syntax_errors() {
        for bad in [
            &b"<a><b></a>"[..],
            b"<a>",
            b"",
            b"just text",
            b"<a/><b/>",
            b"</a>",
        ] {
            assert!(
                matches!(parse(bad, 10), Err(XmlError::Syntax(_))),
                "{:?}",
                String::from_utf8_lossy(bad)
            );
        }
    }

    #[test]
    fn tree_depth_and_size_are_bounded() {
        let deep = "<a>".repeat(50) + &"</a>".repeat(50);
        assert_eq!(parse(deep.as_bytes(), 20), Err(XmlError::TooDeep(20)));
        assert!(parse(deep.as_bytes(), 50).is_ok());
        // An empty element counts as a level, as in the streaming reader.
        assert_eq!(parse(b"<a><b/></a>", 1), Err(XmlError::TooDeep(1)));
        let many = format!("<a>{}</a>", "<b/>".repeat(100));
        assert_eq!(
            parse_limited(many.as_bytes(), 8, 50),
            Err(XmlError::TooMany(50))
        );
        assert!(parse_limited(many.as_bytes(), 8, 101).is_ok());
    }

    #[test]
    fn gbk_declared_trees_decode() {
        let (bytes, _, _) =
            encoding_rs::GBK.encode("<?xml version=\"1.0\" encoding=\"GB2312\"?><a>公文</a>");
        assert_eq!(parse(&bytes, 4).unwrap().text, "公文");
    }

    #[test]
    fn errors_map_into_the_crate_error() {
        let e = XmlError::Syntax("bad".into()).into_error(Format::Ofd, "OFD.xml");
        assert_eq!(e.code(), "malformed");
        assert!(
            e.to_string()
                .contains("OFD.xml is not well-formed XML: bad"),
            "{e}"
        );
        assert_eq!(
            XmlError::TooDeep(3).into_error(Format::Docx, "x").code(),
            "limit_exceeded"
        );
    }
}
