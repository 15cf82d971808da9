//! A small element tree over quick-xml, bounded in depth.
//!
//! OFD parts are small (a page's `Content.xml` is rarely over a megabyte) and the reader walks
//! them in several directions (resources by ID, templates by ID, nested `PageBlock`s), so a tree
//! is simpler than streaming. Names are kept without their namespace prefix: producers write
//! `ofd:TextCode`, `TextCode` and occasionally other prefixes for the same element.

use std::borrow::Cow;

use quick_xml::events::Event;
use quick_xml::{Reader, XmlVersion};

/// One element: local name, attributes (local names), children and its direct text.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Node {
    pub(crate) name: String,
    pub(crate) attrs: Vec<(String, String)>,
    pub(crate) children: Vec<Node>,
    pub(crate) text: String,
}

/// Why an XML part could not be read.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum XmlError {
    /// The nesting went past the limit.
    TooDeep(u64),
    /// More elements than the limit.
    TooMany(u64),
    /// Not well-formed (message from quick-xml or our own checks).
    Syntax(String),
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

/// Decode an XML part to a string: UTF-8 (with or without BOM), UTF-16 with a BOM, or the GBK
/// family when the declaration says so. Invalid bytes become U+FFFD rather than failing.
pub(crate) fn decode(bytes: &[u8]) -> Cow<'_, str> {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(bytes.get(bom..).unwrap_or_default());
        return text;
    }
    let head = bytes.get(..200).unwrap_or(bytes);
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    if let Some(decl) = head.split("?>").next() {
        if decl.contains("encoding") && (decl.contains("gb") || decl.contains("cp936")) {
            let (text, _, _) = encoding_rs::GB18030.decode(bytes);
            return text;
        }
    }
    String::from_utf8_lossy(bytes)
}

/// Parse `bytes` into the root element, refusing nesting deeper than `max_depth`.
#[cfg(test)]
pub(crate) fn parse(bytes: &[u8], max_depth: u64) -> Result<Node, XmlError> {
    parse_limited(bytes, max_depth, u64::MAX)
}

/// Parse `bytes` into the root element, refusing nesting deeper than `max_depth` and more than
/// `max_nodes` elements (a tree node costs about a hundred bytes, so a part of tiny empty
/// elements would otherwise grow twenty times its size in memory).
pub(crate) fn parse_limited(
    bytes: &[u8],
    max_depth: u64,
    max_nodes: u64,
) -> Result<Node, XmlError> {
    let text = decode(bytes);
    let mut reader = Reader::from_str(&text);
    let config = reader.config_mut();
    config.check_end_names = true;
    config.expand_empty_elements = false;
    let mut stack: Vec<Node> = Vec::new();
    let mut root: Option<Node> = None;
    let mut nodes: u64 = 0;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| XmlError::Syntax(format!("{e} at byte {}", reader.error_position())))?;
        match event {
            Event::Start(e) | Event::Empty(e) if root.is_some() => {
                let _ = e;
                return Err(XmlError::Syntax("content after the root element".into()));
            }
            Event::Start(_) | Event::Empty(_) if nodes >= max_nodes => {
                return Err(XmlError::TooMany(max_nodes));
            }
            Event::Start(e) => {
                nodes += 1;
                if stack.len() as u64 >= max_depth {
                    return Err(XmlError::TooDeep(max_depth));
                }
                stack.push(element(&e));
            }
            Event::Empty(e) => {
                nodes += 1;
                let node = element(&e);
                match stack.last_mut() {
                    Some(parent) => parent.children.push(node),
                    None => root = Some(node),
                }
            }
            Event::End(_) => {
                let Some(node) = stack.pop() else {
                    return Err(XmlError::Syntax("unmatched end tag".into()));
                };
                match stack.last_mut() {
                    Some(parent) => parent.children.push(node),
                    None => root = Some(node),
                }
            }
            Event::Text(t) => {
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&t.xml10_content());
                }
            }
            Event::CData(t) => {
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                if let Some(top) = stack.last_mut() {
                    let name = r.xml10_content();
                    if let Ok(Some(c)) = r.resolve_char_ref() {
                        top.text.push(c);
                    } else if let Some(s) = quick_xml::escape::resolve_predefined_entity(&name) {
                        top.text.push_str(s);
                    }
                    // Unknown entities (no DTDs in OFD) are dropped rather than failing the part.
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !stack.is_empty() {
        return Err(XmlError::Syntax(format!(
            "unexpected end of file inside <{}>",
            stack.last().map(|n| n.name.as_str()).unwrap_or_default()
        )));
    }
    root.ok_or_else(|| XmlError::Syntax("no root element".into()))
}

fn element(e: &quick_xml::events::BytesStart<'_>) -> Node {
    let name = e.local_name().as_ref().to_string();
    let attrs = e
        .attributes()
        .flatten()
        .map(|a| {
            let key = a.key.local_name().as_ref().to_string();
            let value = a
                .normalized_value(XmlVersion::Implicit1_0)
                .map(Cow::into_owned)
                .unwrap_or_else(|_| a.value.to_string());
            (key, value)
        })
        .collect();
    Node {
        name,
        attrs,
        ..Node::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_prefixes_and_unescapes() {
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
    fn bad_xml_is_an_error() {
        for bad in [&b"<a><b></a>"[..], b"<a>", b"", b"just text", b"<a/><b/>"] {
            assert!(
                matches!(parse(bad, 10), Err(XmlError::Syntax(_))),
                "{:?}",
                String::from_utf8_lossy(bad)
            );
        }
    }

    #[test]
    fn depth_is_bounded() {
        let deep = "<a>".repeat(50) + &"</a>".repeat(50);
        assert_eq!(parse(deep.as_bytes(), 20), Err(XmlError::TooDeep(20)));
        assert!(parse(deep.as_bytes(), 50).is_ok());
    }

    #[test]
    fn element_count_is_bounded() {
        let many = format!("<a>{}</a>", "<b/>".repeat(100));
        assert_eq!(
            parse_limited(many.as_bytes(), 8, 50),
            Err(XmlError::TooMany(50))
        );
        assert!(parse_limited(many.as_bytes(), 8, 101).is_ok());
    }

    #[test]
    fn gbk_declared_parts_decode() {
        let (bytes, _, _) =
            encoding_rs::GBK.encode("<?xml version=\"1.0\" encoding=\"GBK\"?><a>公文</a>");
        assert_eq!(parse(&bytes, 4).unwrap().text, "公文");
    }
}
