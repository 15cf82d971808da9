//! A linear pre-pass that keeps element nesting within `Limits::html_depth` before the text
//! reaches html5ever.
//!
//! html5ever checks scopes by scanning its stack of open elements, so a page nested a million
//! levels deep costs a million times a million steps: a hang, not a crash. This pass tracks the
//! nesting of ordinary elements (not void elements, not those whose end tag is optional) and
//! drops the start and end tags beyond the limit, keeping their text. Pages within the limit
//! are not touched (`None`).

/// Elements with no end tag, or whose end tag is optional and usually omitted: they do not
/// nest in practice (html5ever closes them implicitly), so they are not counted.
const UNCOUNTED: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "tbody", "thead", "tfoot", "option",
    "optgroup", "colgroup", "html", "head", "body", "rt", "rp", "caption", "keygen", "basefont",
    "frame", "!doctype",
];

/// Elements whose content is raw text: `<` inside them starts no tag.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript"];

/// The text with tags beyond `max_depth` removed, or `None` when the page is within the limit.
pub(super) fn flatten(text: &str, max_depth: u64) -> Option<String> {
    let max = usize::try_from(max_depth).unwrap_or(usize::MAX);
    if max_nesting(text) <= max {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    scan(text, |event, slice| match event {
        Event::Text => out.push_str(slice),
        Event::Open => {
            depth += 1;
            if depth <= max {
                out.push_str(slice);
            }
        }
        Event::Close => {
            if depth <= max {
                out.push_str(slice);
            }
            depth = depth.saturating_sub(1);
        }
    });
    Some(out)
}

/// The deepest nesting of counted elements.
fn max_nesting(text: &str) -> usize {
    let (mut depth, mut max) = (0usize, 0usize);
    scan(text, |event, _| match event {
        Event::Open => {
            depth += 1;
            max = max.max(depth);
        }
        Event::Close => depth = depth.saturating_sub(1),
        Event::Text => {}
    });
    max
}

#[derive(Clone, Copy)]
enum Event {
    /// Text, comments, uncounted tags: passed through.
    Text,
    /// The start tag of a counted element.
    Open,
    /// The end tag of a counted element.
    Close,
}

/// Cut `text` into tags and the rest, calling `f` with each piece in order.
fn scan(text: &str, mut f: impl FnMut(Event, &str)) {
    let bytes = text.as_bytes();
    let mut pos = 0usize;
    let mut emitted = 0usize;
    while let Some(rel) = bytes
        .get(pos..)
        .and_then(|r| r.iter().position(|&b| b == b'<'))
    {
        let lt = pos + rel;
        let rest = bytes.get(lt..).unwrap_or_default();
        if rest.starts_with(b"<!--") {
            pos = find_from(bytes, lt + 4, b"-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = lt + 1 + usize::from(closing);
        let name: String = bytes
            .get(name_start..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'!')
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect();
        if name.is_empty()
            || !name.starts_with(|c: char| c.is_ascii_alphabetic()) && name != "!doctype"
        {
            pos = lt + 1;
            continue;
        }
        let Some(gt) = bytes
            .get(lt..)
            .and_then(|r| r.iter().position(|&b| b == b'>'))
        else {
            break;
        };
        let end = lt + gt + 1;
        let self_closing = bytes.get(end.saturating_sub(2)) == Some(&b'/');
        let counted = !UNCOUNTED.contains(&name.as_str()) && !self_closing;
        if counted {
            if let Some(before) = text.get(emitted..lt) {
                f(Event::Text, before);
            }
            if let Some(tag) = text.get(lt..end) {
                f(if closing { Event::Close } else { Event::Open }, tag);
            }
            emitted = end;
        }
        pos = end;
        if !closing && RAW_TEXT.contains(&name.as_str()) {
            // Skip to the end tag; its content is not markup.
            let close = format!("</{name}");
            pos = find_ci(bytes, end, close.as_bytes()).unwrap_or(bytes.len());
        }
    }
    if let Some(tail) = text.get(emitted..) {
        f(Event::Text, tail);
    }
}

fn find_from(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)
        .and_then(|r| crate::read::find(r, needle))
        .map(|p| from + p)
}

/// Case-insensitive search for an ASCII needle.
fn find_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let rest = hay.get(from..)?;
    rest.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| from + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_are_untouched() {
        let page = "<html><body><div><p>一<br>二</p><table><tr><td>三</td></tr></table></div></body></html>";
        assert_eq!(flatten(page, 8), None);
    }

    #[test]
    fn deep_tags_are_dropped_text_kept() {
        let page = "<div><div><div><span>深</span></div></div></div><p>后</p>";
        let out = flatten(page, 2).unwrap();
        assert_eq!(out, "<div><div>深</div></div><p>后</p>");
    }

    #[test]
    fn raw_text_and_comments_are_not_markup() {
        let page =
            "<div><script>var s = '<div><div><div>';</script><!-- <div><div> --><b>x</b></div>";
        assert_eq!(max_nesting(page), 2);
        assert_eq!(flatten(page, 8), None);
    }

    #[test]
    fn stray_angle_brackets_are_text() {
        let page = "<div>1 < 2 and 3 <= 4</div>";
        assert_eq!(max_nesting(page), 1);
        assert_eq!(
            flatten("<div><div>x</div></div>", 1).unwrap(),
            "<div>x</div>"
        );
    }
}
