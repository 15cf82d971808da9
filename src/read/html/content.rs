//! Lines, tables and the main-content choice.
//!
//! The page is cut into *lines*: runs of inline text between block boundaries. A data table
//! becomes one line holding a [`Table`]; a 政府信息公开 table (label cells such as `索 引 号：`)
//! becomes one line of metadata pairs. Each line scores by its sentence punctuation (content)
//! against its link text and chrome wording (noise); scores add up the element tree, and the
//! element with the best score, the highest one on a tie, is the main content. Ties go up so
//! that neutral lines next to the body (the title in its own `<h1>`, the signature) and
//! recognised chrome (removed line by line later) do not stop the climb, while unrecognised
//! noise in a wider element (link lists, menus, stray labels) does.

use crate::model::{Align, Block, BlockKind, Cell, Code, Diagnostic, Origin, Table};

use super::dom::{DNode, Dom};
use crate::vocab::chrome::is_page_chrome;
use crate::vocab::labels::{label_value_pairs, split_labelled_line};

/// Elements that end a line.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "td",
    "th",
    "caption",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "blockquote",
    "center",
    "pre",
    "address",
    "figure",
    "figcaption",
    "hr",
    "form",
    "fieldset",
    "legend",
    "body",
    "html",
    "details",
    "summary",
];

/// Chinese sentence punctuation, and the ASCII forms pasted text uses: what body prose has and
/// menus, link lists and footers lack.
fn is_sentence_punct(c: char) -> bool {
    matches!(c, '，' | '。' | '；' | '！' | '？' | '、' | ',' | ';')
}

/// What a line holds.
#[derive(Debug)]
enum LineKind {
    Text,
    Table(Table),
    Meta(Vec<(String, String)>),
}

#[derive(Debug)]
struct Line {
    text: String,
    kind: LineKind,
    /// Arena index of the block element the line belongs to.
    owner: usize,
    /// Characters inside `<a>`.
    link_chars: usize,
}

/// The reader's body output.
pub(super) struct Body {
    pub blocks: Vec<Block>,
    pub warnings: Vec<Diagnostic>,
}

/// Cut the page into lines, choose the main content and build blocks.
pub(super) fn extract(dom: &Dom) -> Body {
    let mut warnings = Vec::new();
    let Some(body) = dom.body else {
        return Body {
            blocks: Vec::new(),
            warnings,
        };
    };
    let lines = segment(dom, body, false);
    let (container, found) = choose_container(dom, body, &lines);
    if !found {
        warnings.push(Diagnostic::new(
            Code::NoMainContent,
            "no element stands out by text density; the whole page body was used",
        ));
    }
    let container_end = dom.get(container).map_or(0, |n| n.end);
    let mut blocks = Vec::new();
    let mut chrome = Vec::new();
    for line in lines {
        let inside = dom.contains(container, line.owner);
        let before_end = line.owner < container_end;
        match line.kind {
            LineKind::Meta(pairs) if before_end => {
                for (key, value) in pairs {
                    push(&mut blocks, Block::meta_field(key, value));
                }
            }
            LineKind::Meta(_) => {}
            LineKind::Table(table) if inside => {
                let mut b = Block::new(BlockKind::Table, line.text);
                b.table = Some(table);
                push(&mut blocks, b);
            }
            LineKind::Table(_) => {}
            LineKind::Text => {
                if let Some(pairs) = split_labelled_line(&line.text).filter(|_| before_end) {
                    for p in pairs.into_iter().filter(|p| !p.chrome) {
                        push(&mut blocks, Block::meta_field(p.key, p.value));
                    }
                } else if is_page_chrome(&line.text) {
                    chrome.push(line.text);
                } else if inside {
                    let mut b = Block::paragraph(line.text);
                    b.hints.heading_level = heading_level(dom, line.owner);
                    b.hints.align = align(dom, line.owner);
                    push(&mut blocks, b);
                }
            }
        }
    }
    if !chrome.is_empty() {
        let example: String = chrome
            .first()
            .map(|c| c.chars().take(30).collect())
            .unwrap_or_default();
        warnings.push(Diagnostic::new(
            Code::ChromeRemoved,
            format!(
                "{} lines of site chrome removed (breadcrumbs, print/close, counters, share bars, footers), e.g. {example:?}",
                chrome.len()
            ),
        ));
    }
    Body { blocks, warnings }
}

fn push(blocks: &mut Vec<Block>, block: Block) {
    let index = blocks.len() as u32;
    blocks.push(block.with_origin(Origin::at(index)));
}

/// The line builder: inline text accumulates until a block boundary.
struct Builder {
    lines: Vec<Line>,
    text: String,
    link_chars: usize,
}

impl Builder {
    fn flush(&mut self, owner: usize) {
        // Trailing whitespace of any kind (NBSP padding after a right-aligned signature) is
        // never content; leading indentation is left for the normalizer.
        let text = self
            .text
            .trim_end()
            .trim_start_matches([' ', '\t', '\n', '\r']);
        if !text.trim().is_empty() {
            self.lines.push(Line {
                text: text.to_string(),
                kind: LineKind::Text,
                owner,
                link_chars: self.link_chars,
            });
        }
        self.text.clear();
        self.link_chars = 0;
    }

    /// Append text with HTML whitespace collapsing (ASCII whitespace runs become one space;
    /// NBSP and U+3000 are kept for the normalizer).
    fn append(&mut self, text: &str, in_link: bool) {
        for c in text.chars() {
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{000C}') {
                if !self.text.is_empty() && !self.text.ends_with(' ') {
                    self.text.push(' ');
                }
            } else {
                self.text.push(c);
                if in_link {
                    self.link_chars += 1;
                }
            }
        }
    }
}

/// Cut the subtree of `root` into lines. `in_cell`: inside a data-table cell, where nested
/// tables are not classified again (so this never recurses more than one level).
fn segment(dom: &Dom, root: usize, in_cell: bool) -> Vec<Line> {
    let mut b = Builder {
        lines: Vec::new(),
        text: String::new(),
        link_chars: 0,
    };
    // (index, entering?) ; `owners` is the stack of open block elements, `links` of open <a>.
    let mut stack = vec![(root, true)];
    let mut owners: Vec<usize> = Vec::new();
    let mut links = 0usize;
    while let Some((i, entering)) = stack.pop() {
        let Some(node) = dom.get(i) else { continue };
        if !node.is_element() {
            b.append(&node.text, links > 0);
            continue;
        }
        let tag = node.tag.as_str();
        let is_block = BLOCK_TAGS.contains(&tag);
        let owner = owners.last().copied().unwrap_or(root);
        if !entering {
            if is_block {
                b.flush(owner);
                owners.pop();
            } else if tag == "a" {
                links = links.saturating_sub(1);
            }
            continue;
        }
        if tag == "br" {
            b.flush(owner);
            continue;
        }
        if tag == "img" {
            continue;
        }
        if tag == "table" && !in_cell {
            match classify_table(dom, i) {
                TableClass::Layout => {}
                TableClass::Meta(pairs) => {
                    b.flush(owner);
                    let text = pairs
                        .iter()
                        .map(|(k, v)| format!("{k}：{v}"))
                        .collect::<Vec<_>>()
                        .join("\n");
                    b.lines.push(Line {
                        text,
                        kind: LineKind::Meta(pairs),
                        owner: i,
                        link_chars: 0,
                    });
                    continue;
                }
                TableClass::Data(table) => {
                    b.flush(owner);
                    let text = table
                        .rows
                        .iter()
                        .map(|r| {
                            r.iter()
                                .map(|c| c.text.as_str())
                                .collect::<Vec<_>>()
                                .join("\t")
                        })
                        .collect::<Vec<_>>()
                        .join("\n");
                    b.lines.push(Line {
                        text,
                        kind: LineKind::Table(table),
                        owner: i,
                        link_chars: 0,
                    });
                    continue;
                }
            }
        }
        if is_block {
            b.flush(owner);
            owners.push(i);
        } else if tag == "a" {
            links += 1;
        }
        stack.push((i, false));
        for &c in node.children.iter().rev() {
            stack.push((c, true));
        }
    }
    let owner = owners.last().copied().unwrap_or(root);
    b.flush(owner);
    b.lines
}

enum TableClass {
    /// A table used for page layout: its cells are just blocks.
    Layout,
    /// A 政府信息公开 table: label/value pairs.
    Meta(Vec<(String, String)>),
    /// A table of data.
    Data(Table),
}

/// Tell layout tables, metadata tables and data tables apart.
fn classify_table(dom: &Dom, table: usize) -> TableClass {
    let Some(node) = dom.get(table) else {
        return TableClass::Layout;
    };
    // A table holding another table is layout: gov.cn nests its whole page in tables.
    if node.table_below {
        return TableClass::Layout;
    }
    // Rows and cells, in order; no nested tables, so every cell belongs to its nearest row.
    let mut rows: Vec<Vec<usize>> = Vec::new();
    for j in table + 1..node.end {
        match dom.get(j).map(|n| n.tag.as_str()) {
            Some("tr") => rows.push(Vec::new()),
            Some("td" | "th") => {
                if rows.is_empty() {
                    rows.push(Vec::new());
                }
                if let Some(r) = rows.last_mut() {
                    r.push(j);
                }
            }
            _ => {}
        }
    }
    if rows.iter().all(|r| r.len() <= 1) {
        return TableClass::Layout;
    }
    let cells: Vec<Vec<(String, &DNode)>> = rows
        .iter()
        .map(|r| {
            r.iter()
                .filter_map(|&c| dom.get(c).map(|n| (cell_text(dom, c), n)))
                .collect()
        })
        .collect();
    if let Some(pairs) = meta_pairs(&cells) {
        return TableClass::Meta(pairs);
    }
    let rows = cells
        .into_iter()
        .map(|r| {
            r.into_iter()
                .map(|(text, n)| Cell {
                    text,
                    col_span: span_attr(n, "colspan"),
                    row_span: span_attr(n, "rowspan"),
                })
                .collect()
        })
        .collect();
    TableClass::Data(Table {
        rows,
        caption: None,
    })
}

/// Label/value pairs of a 政府信息公开 table (see [`label_value_pairs`]).
fn meta_pairs(cells: &[Vec<(String, &DNode)>]) -> Option<Vec<(String, String)>> {
    let rows: Vec<Vec<&str>> = cells
        .iter()
        .map(|row| row.iter().map(|(t, _)| t.as_str()).collect())
        .collect();
    label_value_pairs(&rows)
}

/// The text of a cell: its lines joined by `\n`.
fn cell_text(dom: &Dom, cell: usize) -> String {
    segment(dom, cell, true)
        .into_iter()
        .map(|l| l.text.trim().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

fn span_attr(n: &DNode, name: &str) -> u32 {
    n.attr(name)
        .and_then(|v| v.trim().parse::<u32>().ok())
        .map_or(1, |v| v.clamp(1, 1000))
}

/// Choose the main-content element (see the module docs). Returns `(element, found)`.
fn choose_container(dom: &Dom, body: usize, lines: &[Line]) -> (usize, bool) {
    let mut score = vec![0i64; dom.nodes.len()];
    for line in lines {
        if let Some(s) = score.get_mut(line.owner) {
            *s += line_score(dom, line);
        }
    }
    // Bottom-up sums: children come after their parent in the arena.
    for i in (0..dom.nodes.len()).rev() {
        let (s, parent) = match (score.get(i), dom.get(i)) {
            (Some(&s), Some(n)) => (s, n.parent),
            _ => continue,
        };
        if let Some(p) = parent.and_then(|p| score.get_mut(p)) {
            *p += s;
        }
    }
    let mut best: Option<(usize, i64, u32)> = None;
    let end = dom.get(body).map_or(body, |n| n.end);
    for i in body..end {
        let (Some(n), Some(&s)) = (dom.get(i), score.get(i)) else {
            continue;
        };
        if !n.is_element() || s <= 0 {
            continue;
        }
        let better = match best {
            None => true,
            Some((_, bs, bd)) => s > bs || (s == bs && n.depth < bd),
        };
        if better {
            best = Some((i, s, n.depth));
        }
    }
    match best {
        Some((i, _, _)) => (i, true),
        None => (body, false),
    }
}

/// Content minus noise, in tenths of a punctuation mark.
fn line_score(dom: &Dom, line: &Line) -> i64 {
    let chars = line.text.chars().count() as i64;
    match &line.kind {
        LineKind::Meta(_) => 0,
        LineKind::Table(_) => 10 * punct(&line.text),
        LineKind::Text => {
            if split_labelled_line(&line.text).is_some() {
                0
            } else if is_page_chrome(&line.text) {
                // Recognised chrome is removed line by line anyway, so it must not keep the
                // container from taking in the title above it or the signature below.
                0
            } else if (line.link_chars as i64) * 2 > chars {
                -chars
            } else {
                let p = punct(&line.text);
                if p > 0 {
                    10 * p
                } else if heading_level(dom, line.owner).is_some()
                    || align(dom, line.owner) == Some(Align::Center)
                    || titled(dom, line.owner)
                {
                    0
                } else {
                    -1
                }
            }
        }
    }
}

fn punct(text: &str) -> i64 {
    text.chars().filter(|&c| is_sentence_punct(c)).count() as i64
}

/// `<h1>`…`<h6>` level of the line's element.
fn heading_level(dom: &Dom, owner: usize) -> Option<u8> {
    let tag = dom.get(owner)?.tag.as_bytes();
    match tag {
        [b'h', d @ b'1'..=b'6'] => Some(d - b'0'),
        _ => None,
    }
}

/// Alignment from `align=` or `text-align:` on the element or its two nearest ancestors.
fn align(dom: &Dom, owner: usize) -> Option<Align> {
    let mut cur = Some(owner);
    for _ in 0..3 {
        let n = dom.get(cur?)?;
        let value = n.attr("align").map(str::to_ascii_lowercase).or_else(|| {
            n.attr("style").and_then(|s| {
                let s = s.to_ascii_lowercase();
                let pos = s.find("text-align")?;
                let rest = s.get(pos + 10..)?.trim_start().strip_prefix(':')?;
                Some(rest.trim_start().to_string())
            })
        });
        if let Some(v) = value {
            if v.starts_with("center") || v.starts_with("middle") {
                return Some(Align::Center);
            }
            if v.starts_with("right") {
                return Some(Align::Right);
            }
            if v.starts_with("left") || v.starts_with("justify") {
                return Some(Align::Left);
            }
        }
        cur = n.parent;
    }
    None
}

/// The line's element or its parent has `title` in its class or id (article titles).
fn titled(dom: &Dom, owner: usize) -> bool {
    let mut cur = Some(owner);
    for _ in 0..2 {
        let Some(n) = cur.and_then(|c| dom.get(c)) else {
            return false;
        };
        let named = ["class", "id"].iter().any(|a| {
            n.attr(a)
                .is_some_and(|v| v.to_ascii_lowercase().contains("title"))
        });
        if named {
            return true;
        }
        cur = n.parent;
    }
    false
}
