//! A flat arena copy of the parsed page: only the elements and text the reader uses, in
//! document (pre)order, so every later walk is a loop over indices, never recursion on
//! attacker-controlled depth.

use html5ever::tendril::TendrilSink;
use scraper::{Html, HtmlTreeSink, Node};

/// Bytes of page fed to the DOM builder between two memory checkpoints: about 2.5 MB of DOM.
const CHUNK: usize = 64 * 1024;

/// Elements whose whole subtree is dropped: never content.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed",
    "svg", "math", "canvas", "select", "option", "button", "input", "textarea", "nav", "aside",
    "map", "audio", "video", "link", "base",
];

/// Attributes kept on elements.
const KEPT_ATTRS: &[&str] = &[
    "id", "class", "style", "align", "colspan", "rowspan", "border",
];

/// One node of the arena.
#[derive(Debug)]
pub(super) struct DNode {
    /// Lowercase tag name, or empty for a text node.
    pub tag: String,
    /// Kept attributes (lowercase names).
    pub attrs: Vec<(String, String)>,
    /// Text of a text node.
    pub text: String,
    /// Parent index.
    pub parent: Option<usize>,
    /// Child indices in order.
    pub children: Vec<usize>,
    /// Element depth (root element = 1).
    pub depth: u32,
    /// One past the last index of this node's subtree (preorder makes subtrees contiguous).
    pub end: usize,
    /// A `<table>` is somewhere below this node.
    pub table_below: bool,
}

impl DNode {
    pub fn is_element(&self) -> bool {
        !self.tag.is_empty()
    }

    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The page as an arena.
#[derive(Debug, Default)]
pub(super) struct Dom {
    pub nodes: Vec<DNode>,
    /// `<meta name|property=… content=…>` pairs in order.
    pub metas: Vec<(String, String)>,
    /// `href` of the first `<base>`, then of the first `<link rel=canonical>`: what a relative
    /// URL on the page is relative to.
    pub base: Option<String>,
    pub canonical: Option<String>,
    /// Text of the first `<title>`.
    pub title: Option<String>,
    /// Index of `<body>` (or of the root element when there is none).
    pub body: Option<usize>,
    /// Some elements were deeper than the limit and were flattened.
    pub depth_limited: bool,
}

impl Dom {
    /// Parse `text` and copy it into the arena, flattening elements deeper than `max_depth`.
    ///
    /// The page is fed to html5ever in chunks (its tokenizer is incremental, so the tree is the
    /// one a single call builds), checking the document's memory budget between chunks: the
    /// DOM is the largest thing any reader builds (about 35 bytes per byte of page).
    pub fn parse(text: &str, max_depth: u64) -> crate::Result<Dom> {
        let mut parser = html5ever::parse_document(
            HtmlTreeSink::new(Html::new_document()),
            html5ever::ParseOpts::default(),
        );
        let mut rest = text;
        while !rest.is_empty() {
            let mut cut = rest.len().min(CHUNK);
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            let (chunk, tail) = rest.split_at(cut);
            parser.process(chunk.into());
            crate::memory::check()?;
            rest = tail;
        }
        let html = parser.finish();
        let mut dom = Dom::default();
        // (node, arena parent, element depth of the parent)
        let mut stack = vec![(html.tree.root(), None::<usize>, 0u32)];
        while let Some((node, parent, depth)) = stack.pop() {
            let mut next_parent = parent;
            let mut next_depth = depth;
            match node.value() {
                Node::Text(t) => {
                    if let Some(p) = parent {
                        dom.push_text(p, t);
                    }
                    continue;
                }
                Node::Element(e) => {
                    let tag = e.name().to_ascii_lowercase();
                    if tag == "meta" {
                        // `http-equiv` metas are transport details, not document metadata.
                        let key = e.attr("name").or_else(|| e.attr("property"));
                        if let (Some(k), Some(c)) = (key, e.attr("content")) {
                            dom.metas.push((k.to_string(), c.to_string()));
                        }
                        continue;
                    }
                    if tag == "base" && dom.base.is_none() {
                        dom.base = e.attr("href").map(str::to_string);
                    }
                    let canonical = e
                        .attr("rel")
                        .is_some_and(|r| r.eq_ignore_ascii_case("canonical"));
                    if tag == "link" && canonical && dom.canonical.is_none() {
                        dom.canonical = e.attr("href").map(str::to_string);
                    }
                    if tag == "title" {
                        if dom.title.is_none() {
                            let t: String = node
                                .children()
                                .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
                                .collect();
                            dom.title = Some(t.split_whitespace().collect::<Vec<_>>().join(" "));
                        }
                        continue;
                    }
                    if DROPPED.contains(&tag.as_str()) || is_hidden(e) {
                        continue;
                    }
                    if u64::from(depth) >= max_depth {
                        // Too deep: keep the text, lose the structure.
                        dom.depth_limited = true;
                    } else {
                        let idx = dom.nodes.len();
                        let attrs = KEPT_ATTRS
                            .iter()
                            .filter_map(|&a| e.attr(a).map(|v| (a.to_string(), v.to_string())))
                            .collect();
                        dom.nodes.push(DNode {
                            tag: tag.clone(),
                            attrs,
                            text: String::new(),
                            parent,
                            children: Vec::new(),
                            depth: depth + 1,
                            end: idx + 1,
                            table_below: false,
                        });
                        if let Some(p) = parent.and_then(|p| dom.nodes.get_mut(p)) {
                            p.children.push(idx);
                        }
                        if tag == "body" && dom.body.is_none() {
                            dom.body = Some(idx);
                        }
                        next_parent = Some(idx);
                        next_depth = depth + 1;
                    }
                }
                Node::Document | Node::Fragment => {}
                _ => continue,
            }
            let children: Vec<_> = node.children().collect();
            for child in children.into_iter().rev() {
                stack.push((child, next_parent, next_depth));
            }
        }
        if dom.body.is_none() && !dom.nodes.is_empty() {
            dom.body = Some(0);
        }
        dom.fill_ends();
        Ok(dom)
    }

    /// Append text to `parent`, merging with a preceding text node (flattened elements leave
    /// runs of adjacent text nodes).
    fn push_text(&mut self, parent: usize, text: &str) {
        let last_child = self
            .nodes
            .get(parent)
            .and_then(|p| p.children.last().copied());
        if let Some(last) = last_child.and_then(|l| self.nodes.get_mut(l)) {
            if !last.is_element() {
                last.text.push_str(text);
                return;
            }
        }
        let idx = self.nodes.len();
        let depth = self.nodes.get(parent).map_or(0, |p| p.depth);
        self.nodes.push(DNode {
            tag: String::new(),
            attrs: Vec::new(),
            text: text.to_string(),
            parent: Some(parent),
            children: Vec::new(),
            depth,
            end: idx + 1,
            table_below: false,
        });
        if let Some(p) = self.nodes.get_mut(parent) {
            p.children.push(idx);
        }
    }

    /// Subtree ends and `table_below`, bottom-up in one pass (a parent's subtree ends where
    /// its last descendant's does), so no later step rescans subtrees.
    fn fill_ends(&mut self) {
        for i in (0..self.nodes.len()).rev() {
            let (end, parent, table) = match self.nodes.get(i) {
                Some(n) => (n.end, n.parent, n.table_below || n.tag == "table"),
                None => continue,
            };
            if let Some(p) = parent.and_then(|p| self.nodes.get_mut(p)) {
                p.end = p.end.max(end);
                p.table_below |= table;
            }
        }
    }

    /// Texts of the first `<h1>`–`<h3>` elements (a page title is checked against them).
    pub fn heading_texts(&self) -> Vec<String> {
        self.nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| matches!(n.tag.as_str(), "h1" | "h2" | "h3"))
            .take(32)
            .map(|(i, n)| {
                let below = self.nodes.get(i..n.end).unwrap_or_default();
                below.iter().map(|d| d.text.as_str()).collect::<String>()
            })
            .collect()
    }

    pub fn get(&self, i: usize) -> Option<&DNode> {
        self.nodes.get(i)
    }

    /// True when `i` is `ancestor` or inside it.
    pub fn contains(&self, ancestor: usize, i: usize) -> bool {
        self.get(ancestor)
            .is_some_and(|a| ancestor <= i && i < a.end)
    }
}

/// `hidden`, `display:none` or `visibility:hidden`: not shown, so not content.
fn is_hidden(e: &scraper::node::Element) -> bool {
    if e.attr("hidden").is_some() {
        return true;
    }
    e.attr("style").is_some_and(|s| {
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}
