//! `word/document.xml` → blocks, in one streaming pass.
//!
//! What Word shows is what comes out: runs are joined, `w:tab`/`w:br`/`w:cr`/`w:sym`/
//! `w:noBreakHyphen` become characters, deleted text (`w:del`, `w:moveFrom`) and hidden runs
//! are dropped, inserted text is kept, `mc:AlternateContent` is read once (its `Choice`; the
//! `Fallback` repeats the same content for older readers), fields show their result except
//! page-number fields, and each numbered paragraph starts with the label `numbering.xml` gives
//! it. Text boxes (`w:txbxContent`) become blocks of their own, placed right after the
//! paragraph that anchors them. Tables are built by [`super::table`]; a nested table becomes a
//! block of its own right after the table that holds it.

use std::collections::HashMap;

use quick_xml::events::{BytesStart, Event};

use super::notes::Marks;
use super::numbering::Numbering;
use super::styles::{ParaProps, RunProps, Styles};
use super::table::{table_block, TableBuild, VMerge};
use super::xml::{attr, local, reference, Xml};
use crate::error::Result;
use crate::model::{Block, Hints, NoteKind};

/// Where each note is referenced: `(kind, id)` → index of the first body block that does.
pub(crate) type Anchors = HashMap<(NoteKind, String), u32>;

/// Elements whose position matters to the parser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    P,
    PPr,
    R,
    RPr,
    T,
    InstrText,
    TcPr,
    TrPr,
    Other,
}

/// Where a finished paragraph or table goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Container {
    Cell,
    TextBox,
}

#[derive(Debug, Default)]
struct Stats {
    fonts: HashMap<String, usize>,
    sizes: HashMap<u32, usize>,
    bold: usize,
    red: usize,
    total: usize,
}

impl Stats {
    fn add(&mut self, props: &RunProps, n: usize) {
        if n == 0 {
            return;
        }
        self.total += n;
        if let Some(f) = props.font() {
            *self.fonts.entry(f.clone()).or_default() += n;
        }
        if let Some(s) = props.size {
            *self.sizes.entry(s).or_default() += n;
        }
        if props.bold == Some(true) {
            self.bold += n;
        }
        if props.color.as_deref().is_some_and(is_red) {
            self.red += n;
        }
    }
}

#[derive(Debug, Default)]
struct Para {
    text: String,
    style: Option<String>,
    props: ParaProps,
    stats: Stats,
    /// Direct run properties of the current run, its character style, and the effective result.
    run_direct: RunProps,
    run_style: Option<String>,
    run_eff: RunProps,
    /// Blocks from text boxes anchored in this paragraph.
    boxes: Vec<Block>,
}

#[derive(Debug)]
struct Field {
    instr: String,
    in_result: bool,
}

impl Field {
    /// Page-number fields show a different number on every page; none of it is body text.
    fn is_page_number(&self) -> bool {
        super::is_page_number_field(&self.instr)
    }
}

struct State<'s> {
    styles: &'s Styles,
    numbering: &'s mut Numbering,
    blocks: Vec<Block>,
    stack: Vec<Tag>,
    paras: Vec<Para>,
    containers: Vec<Container>,
    tables: Vec<TableBuild>,
    fields: Vec<Field>,
    /// Nesting inside an element whose content is dropped (`w:del`, `mc:Fallback` …).
    skip: u32,
    /// Note references seen since the last body block was emitted.
    pending: Vec<(NoteKind, String)>,
    anchors: Anchors,
    /// Numbers of the footnote and endnote references, shown where Word shows them.
    marks: Marks,
}

/// Read the body of `document.xml` (tests: blocks only).
#[cfg(test)]
pub(crate) fn parse(
    text: &str,
    styles: &Styles,
    numbering: &mut Numbering,
    max_depth: u64,
) -> Result<Vec<Block>> {
    parse_with_anchors(text, styles, numbering, Marks::default(), max_depth).map(|(b, _)| b)
}

/// Read the body of `document.xml`, and where footnotes, endnotes and comments are referenced.
/// A footnote or endnote reference shows its number (`marks`) in the text, as Word shows it;
/// a comment reference has no text. Each reference anchors its note to the block it sits in
/// (for a paragraph in a table or text box, the table or the paragraph holding the box; for an
/// empty paragraph, the next block).
pub(crate) fn parse_with_anchors(
    text: &str,
    styles: &Styles,
    numbering: &mut Numbering,
    marks: Marks,
    max_depth: u64,
) -> Result<(Vec<Block>, Anchors)> {
    let mut x = Xml::new(
        crate::model::Format::Docx,
        text,
        "word/document.xml",
        max_depth,
    );
    let mut st = State {
        styles,
        numbering,
        blocks: Vec::new(),
        stack: Vec::new(),
        paras: Vec::new(),
        containers: Vec::new(),
        tables: Vec::new(),
        fields: Vec::new(),
        skip: 0,
        pending: Vec::new(),
        anchors: Anchors::new(),
        marks,
    };
    let mut events = 0u32;
    while let Some(ev) = x.next()? {
        // The document's memory budget, every 4 096 XML events.
        events = events.wrapping_add(1);
        if events.is_multiple_of(4096) {
            crate::memory::check()?;
        }
        if st.skip > 0 {
            match ev {
                Event::Start(_) => st.skip += 1,
                Event::End(_) => st.skip -= 1,
                _ => {}
            }
            continue;
        }
        match ev {
            Event::Start(e) => st.start(&e),
            Event::Empty(e) => st.empty(&e),
            Event::End(e) => {
                st.end(super::xml::local_end(e.name().into_inner()));
            }
            Event::Text(t) => {
                let s = t.xml10_content();
                st.text(&s);
            }
            Event::CData(t) => {
                let s = t.xml10_content().into_owned();
                st.text(&s);
            }
            Event::GeneralRef(r) => {
                if let Some(c) = reference(&r) {
                    st.text(c.encode_utf8(&mut [0; 4]));
                }
            }
            _ => {}
        }
    }
    Ok((st.blocks, st.anchors))
}

impl State<'_> {
    fn top(&self) -> Option<Tag> {
        self.stack.last().copied()
    }

    fn start(&mut self, e: &BytesStart<'_>) {
        let name = local(e);
        if matches!(
            name,
            b"del" | b"moveFrom" | b"Fallback" | b"delText" | b"delInstrText"
        ) {
            self.skip = 1;
            return;
        }
        // Properties first: they are leaf-like but may be written as start tags.
        self.prop(e);
        self.note_ref(e);
        let tag = match name {
            b"p" => {
                self.paras.push(Para {
                    run_eff: self.styles.run(None),
                    ..Para::default()
                });
                Tag::P
            }
            b"pPr" if self.top() == Some(Tag::P) => Tag::PPr,
            b"r" => {
                if let Some(p) = self.paras.last_mut() {
                    p.run_direct = RunProps::default();
                    p.run_style = None;
                    p.run_eff = self.styles.run(p.style.as_deref());
                }
                Tag::R
            }
            b"rPr" if self.top() == Some(Tag::R) => Tag::RPr,
            b"t" if self.top() == Some(Tag::R) => Tag::T,
            b"instrText" => Tag::InstrText,
            b"fldSimple" => {
                self.fields.push(Field {
                    instr: attr(e, b"instr").unwrap_or_default(),
                    in_result: true,
                });
                Tag::Other
            }
            b"txbxContent" => {
                self.containers.push(Container::TextBox);
                Tag::Other
            }
            b"tbl" => {
                self.tables.push(TableBuild::default());
                Tag::Other
            }
            b"tr" => {
                if let Some(t) = self.tables.last_mut() {
                    t.start_row();
                }
                Tag::Other
            }
            b"tc" => {
                if let Some(t) = self.tables.last_mut() {
                    t.start_cell();
                }
                self.containers.push(Container::Cell);
                Tag::Other
            }
            b"tcPr" => Tag::TcPr,
            b"trPr" => Tag::TrPr,
            _ => Tag::Other,
        };
        self.stack.push(tag);
    }

    fn empty(&mut self, e: &BytesStart<'_>) {
        self.prop(e);
        self.note_ref(e);
        if self.top() != Some(Tag::R) {
            return;
        }
        let s: String = match local(e) {
            b"tab" | b"ptab" => "\t".into(),
            b"br" | b"cr" => "\n".into(),
            b"noBreakHyphen" => "-".into(),
            // Kept as the character it is; the normalizer deletes it (Word draws it only at a
            // line break).
            b"softHyphen" => "\u{AD}".into(),
            b"sym" => sym(e).map(String::from).unwrap_or_default(),
            _ => return,
        };
        self.push_text(&s);
    }

    /// Property elements (inside `pPr`, `rPr`, `tcPr`, `trPr`) and field characters.
    fn prop(&mut self, e: &BytesStart<'_>) {
        let name = local(e);
        if name == b"fldChar" {
            match attr(e, b"fldCharType").as_deref() {
                Some("begin") => self.fields.push(Field {
                    instr: String::new(),
                    in_result: false,
                }),
                Some("separate") => {
                    if let Some(f) = self.fields.last_mut() {
                        f.in_result = true;
                    }
                }
                Some("end") => {
                    self.fields.pop();
                }
                _ => {}
            }
            return;
        }
        match self.top() {
            Some(Tag::PPr) => {
                if let Some(p) = self.paras.last_mut() {
                    if name == b"pStyle" {
                        p.style = attr(e, b"val");
                    } else {
                        p.props.apply(e);
                    }
                }
            }
            // numPr's children sit one level below pPr.
            Some(Tag::Other) if matches!(name, b"numId" | b"ilvl") && self.in_ppr() => {
                if let Some(p) = self.paras.last_mut() {
                    p.props.apply(e);
                }
            }
            Some(Tag::RPr) => {
                let styles = self.styles;
                if let Some(p) = self.paras.last_mut() {
                    if name == b"rStyle" {
                        p.run_style = attr(e, b"val");
                    } else {
                        p.run_direct.apply(e, &styles.theme);
                    }
                }
            }
            Some(Tag::TcPr) => {
                if let Some(c) = self.tables.last_mut().and_then(|t| t.cell()) {
                    match name {
                        b"gridSpan" => {
                            c.span = attr(e, b"val")
                                .and_then(|v| v.parse().ok())
                                .unwrap_or(1)
                                .clamp(1, 1000)
                        }
                        b"vMerge" => {
                            c.vmerge = Some(match attr(e, b"val").as_deref() {
                                Some("restart") => VMerge::Restart,
                                _ => VMerge::Continue,
                            })
                        }
                        _ => {}
                    }
                }
            }
            Some(Tag::TrPr) if name == b"gridBefore" => {
                if let Some(t) = self.tables.last_mut() {
                    t.set_grid_before(
                        attr(e, b"val")
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(0)
                            .min(1000),
                    );
                }
            }
            _ => {}
        }
    }

    /// `w:footnoteReference`, `w:endnoteReference`, `w:commentRangeStart`, `w:commentReference`.
    fn note_ref(&mut self, e: &BytesStart<'_>) {
        let kind = match local(e) {
            b"footnoteReference" => NoteKind::Footnote,
            b"endnoteReference" => NoteKind::Endnote,
            b"commentRangeStart" | b"commentReference" => NoteKind::Comment,
            _ => return,
        };
        if let Some(id) = attr(e, b"id") {
            self.pending.push((kind, id));
        }
        // With `w:customMarkFollows` the run's text after the reference is the mark, and the
        // note takes no number.
        let custom = attr(e, b"customMarkFollows")
            .is_some_and(|v| !matches!(v.as_str(), "0" | "false" | "off"));
        if self.top() == Some(Tag::R) && !custom {
            if let Some(mark) = self.marks.next(kind) {
                self.push_mark(&mark);
            }
        }
    }

    /// Text shown like a run's (fields and hidden text apply) but left out of the run
    /// statistics: a note's number is set small and says nothing of the paragraph's type.
    fn push_mark(&mut self, s: &str) {
        if self
            .fields
            .iter()
            .any(|f| !f.in_result || f.is_page_number())
        {
            return;
        }
        if let Some(p) = self
            .paras
            .last_mut()
            .filter(|p| p.run_eff.hidden != Some(true))
        {
            p.text.push_str(s);
        }
    }

    /// Append top-level blocks; pending note references anchor to the first of them.
    fn emit(&mut self, blocks: impl IntoIterator<Item = Block>) {
        let first = self.blocks.len();
        self.blocks.extend(blocks);
        if self.blocks.len() > first {
            let at = u32::try_from(first).unwrap_or(u32::MAX);
            for key in self.pending.drain(..) {
                self.anchors.entry(key).or_insert(at);
            }
        }
    }

    fn in_ppr(&self) -> bool {
        let n = self.stack.len();
        n >= 2 && self.stack.get(n - 2) == Some(&Tag::PPr)
    }

    fn end(&mut self, name: &[u8]) {
        let tag = self.stack.pop();
        match name {
            b"p" if tag == Some(Tag::P) => self.end_paragraph(),
            b"rPr" if tag == Some(Tag::RPr) => {
                let styles = self.styles;
                if let Some(p) = self.paras.last_mut() {
                    let base = styles.run(p.style.as_deref());
                    let with_char = match &p.run_style {
                        Some(cs) => styles.char_run(cs).over(&base),
                        None => base,
                    };
                    p.run_eff = p.run_direct.over(&with_char);
                }
            }
            b"fldSimple" => {
                self.fields.pop();
            }
            b"txbxContent" => {
                self.containers.pop();
            }
            b"tc" => {
                self.containers.pop();
            }
            b"tbl" => self.end_table(),
            _ => {}
        }
    }

    fn text(&mut self, s: &str) {
        match self.top() {
            Some(Tag::T) => self.push_text(s),
            Some(Tag::InstrText) => {
                if let Some(f) = self.fields.last_mut() {
                    if f.instr.len() < 4096 {
                        f.instr.push_str(s);
                    }
                }
            }
            _ => {}
        }
    }

    fn push_text(&mut self, s: &str) {
        if self
            .fields
            .iter()
            .any(|f| !f.in_result || f.is_page_number())
        {
            return;
        }
        let Some(p) = self.paras.last_mut() else {
            return;
        };
        if p.run_eff.hidden == Some(true) {
            return;
        }
        p.text.push_str(s);
        let n = s.chars().filter(|c| !c.is_whitespace()).count();
        p.stats.add(&p.run_eff, n);
    }

    fn end_paragraph(&mut self) {
        let Some(mut p) = self.paras.pop() else {
            return;
        };
        let styles = self.styles;
        // Direct numPr wins; a direct numPr with only ilvl keeps the style's list.
        let style_num = styles.numbering(p.style.as_deref());
        let num = match (&p.props.num, &style_num) {
            (Some(d), s) => Some((
                d.num_id
                    .clone()
                    .or_else(|| s.as_ref().and_then(|s| s.num_id.clone())),
                d.ilvl
                    .or_else(|| s.as_ref().and_then(|s| s.ilvl))
                    .unwrap_or(0),
            )),
            (None, Some(s)) => Some((s.num_id.clone(), s.ilvl.unwrap_or(0))),
            (None, None) => None,
        };
        let label = num
            .and_then(|(id, ilvl)| id.map(|id| (id, ilvl)))
            .filter(|(id, _)| id != "0")
            .and_then(|(id, ilvl)| self.numbering.next_label(&id, ilvl))
            .filter(|l| !l.text.is_empty());
        let body = p.text.trim_end_matches(['\n', '\r']);
        let mut text = String::new();
        let mut hints = Hints::default();
        if !body.trim().is_empty() {
            if let Some(l) = &label {
                text.push_str(&l.lead());
                hints.auto_numbered = true;
            }
            text.push_str(body);
        }
        // A direct outline level wins over the style's; level 9 means body text.
        hints.heading_level = match p.props.outline {
            Some(o) => (o < 9).then_some(o + 1),
            None => styles.heading_level(p.style.as_deref()),
        };
        hints.align = p.props.align.or_else(|| styles.align(p.style.as_deref()));
        fill_run_hints(&mut hints, &p.stats, &styles.run(p.style.as_deref()));
        let boxes = std::mem::take(&mut p.boxes);
        match self.containers.last() {
            Some(Container::Cell) => {
                if let Some(c) = self.tables.last_mut().and_then(|t| t.cell()) {
                    if !text.is_empty() {
                        c.paras.push(text);
                    }
                    c.paras
                        .extend(boxes.into_iter().map(|b| b.text).filter(|t| !t.is_empty()));
                }
            }
            Some(Container::TextBox) => {
                if let Some(outer) = self.paras.last_mut() {
                    if !text.is_empty() {
                        let mut b = Block::paragraph(text);
                        b.hints = hints;
                        outer.boxes.push(b);
                    }
                    outer.boxes.extend(boxes);
                }
            }
            None => {
                let para = (!text.is_empty()).then(|| {
                    let mut b = Block::paragraph(text);
                    b.hints = hints;
                    b
                });
                self.emit(para.into_iter().chain(boxes));
            }
        }
    }

    fn end_table(&mut self) {
        let Some(mut t) = self.tables.pop() else {
            return;
        };
        let nested = std::mem::take(&mut t.nested);
        let table = t.finish();
        let mut blocks = Vec::with_capacity(1 + nested.len());
        if table.rows.iter().any(|r| !r.is_empty()) {
            blocks.push(table_block(table));
        }
        blocks.extend(nested);
        match self.containers.last() {
            Some(Container::Cell) => {
                if let Some(outer) = self.tables.last_mut() {
                    outer.nested.extend(blocks);
                }
            }
            Some(Container::TextBox) => {
                if let Some(outer) = self.paras.last_mut() {
                    outer.boxes.extend(blocks);
                }
            }
            None => self.emit(blocks),
        }
    }
}

/// Dominant run properties: the font and size covering most characters, bold and red when
/// more than half of the characters are.
fn fill_run_hints(h: &mut Hints, s: &Stats, para_default: &RunProps) {
    if s.total == 0 {
        h.font = para_default.font().cloned();
        h.font_size = para_default.size.map(|v| v as f32 / 2.0);
        return;
    }
    h.font = s
        .fonts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(f, _)| f.clone());
    h.font_size = s
        .sizes
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(v, _)| *v as f32 / 2.0);
    h.bold = s.bold * 2 > s.total;
    h.red = s.red * 2 > s.total;
}

/// Red-ish: a strong red channel and weak green and blue (`FF0000`, `C00000`, `E60012`).
fn is_red(hex: &str) -> bool {
    let v = match u32::from_str_radix(hex.trim_start_matches('#'), 16) {
        Ok(v) if hex.len() >= 6 => v,
        _ => return false,
    };
    let (r, g, b) = ((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF);
    r >= 0xB0 && g <= 0x60 && b <= 0x60
}

/// `w:sym`: a character from a symbol font, often as a private-use code (`F0B7`).
fn sym(e: &BytesStart<'_>) -> Option<char> {
    let code = u32::from_str_radix(&attr(e, b"char")?, 16).ok()?;
    let font = attr(e, b"font").unwrap_or_default().to_ascii_lowercase();
    let code = if (0xF000..=0xF0FF).contains(&code) {
        code - 0xF000
    } else {
        code
    };
    if font.contains("wingdings") || font.contains("symbol") {
        // The few symbol-font characters that show up in notices.
        return Some(match code {
            0xB7 | 0x6C | 0x9F => '•',
            0xA7 | 0x6E => '▪',
            0xD8 => '➢',
            0xFC => '✓',
            0xA8 => '□',
            _ => '•',
        });
    }
    char::from_u32(code).filter(|c| !c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(inner: &str) -> Vec<Block> {
        let xml = format!(
            r#"<w:document xmlns:w="w" xmlns:mc="mc"><w:body>{inner}</w:body></w:document>"#
        );
        let mut n = Numbering::default();
        parse(&xml, &Styles::default(), &mut n, 256).unwrap()
    }

    fn texts(inner: &str) -> Vec<String> {
        body(inner).into_iter().map(|b| b.text).collect()
    }

    #[test]
    fn runs_and_special_characters() {
        let cases: &[(&str, &[&str])] = &[
            (
                r#"<w:p><w:r><w:t>巡察</w:t></w:r><w:r><w:t xml:space="preserve">整改 </w:t></w:r><w:r><w:t>通报</w:t></w:r></w:p>"#,
                &["巡察整改 通报"],
            ),
            (
                r#"<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:cr/><w:t>d</w:t></w:r></w:p>"#,
                &["a\tb\nc\nd"],
            ),
            (
                r#"<w:p><w:r><w:t>co</w:t><w:softHyphen/><w:t>op</w:t><w:noBreakHyphen/><w:t>x</w:t></w:r></w:p>"#,
                &["co\u{AD}op-x"],
            ),
            (
                r#"<w:p><w:r><w:sym w:font="Wingdings" w:char="F0FC"/><w:t>ok</w:t></w:r></w:p>"#,
                &["✓ok"],
            ),
            (
                r#"<w:p><w:r><w:t>A&amp;B &#x4E00; &custom;</w:t></w:r></w:p>"#,
                &["A&B 一 "],
            ),
            (
                r#"<w:p><w:r><w:t>keep</w:t></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del><w:ins><w:r><w:t>+new</w:t></w:r></w:ins></w:p>"#,
                &["keep+new"],
            ),
            (
                r#"<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r><w:r><w:t>shown</w:t></w:r></w:p>"#,
                &["shown"],
            ),
            (
                r#"<w:p><w:r><w:t>x</w:t></w:r></w:p><w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>"#,
                &["x"],
            ),
            (
                r#"<w:p><w:hyperlink r:id="rId1"><w:r><w:t>链</w:t></w:r></w:hyperlink><w:smartTag><w:r><w:t>接</w:t></w:r></w:smartTag><w:sdt><w:sdtContent><w:r><w:t>文</w:t></w:r></w:sdtContent></w:sdt></w:p>"#,
                &["链接文"],
            ),
            (
                // Tracked formatting changes hold the *old* properties; they do not apply.
                r#"<w:p><w:pPr><w:pPrChange><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange></w:pPr><w:r><w:rPr><w:rPrChange><w:rPr><w:vanish/></w:rPr></w:rPrChange></w:rPr><w:t>旧格式</w:t></w:r></w:p>"#,
                &["旧格式"],
            ),
        ];
        for (xml, want) in cases {
            assert_eq!(texts(xml), *want, "{xml}");
        }
    }

    #[test]
    fn numbering_labels_and_tracked_property_changes() {
        let numbering = r#"<w:numbering><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#;
        let xml = r#"<w:document><w:body>
          <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>总体情况</w:t></w:r></w:p>
          <w:p><w:pPr><w:pPrChange><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange></w:pPr><w:r><w:t>正文</w:t></w:r></w:p>
          <w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Item</w:t></w:r></w:p>
          <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>无编号</w:t></w:r></w:p>
        </w:body></w:document>"#;
        let mut n = Numbering::parse(numbering, 64).unwrap();
        let blocks = parse(xml, &Styles::default(), &mut n, 64).unwrap();
        let got: Vec<(&str, bool)> = blocks
            .iter()
            .map(|b| (b.text.as_str(), b.hints.auto_numbered))
            .collect();
        assert_eq!(
            got,
            [
                ("一、总体情况", true),
                ("正文", false),
                ("1. Item", true),
                ("无编号", false)
            ]
        );
    }

    #[test]
    fn fields_keep_results_but_not_page_numbers() {
        let xml = r#"<w:p><w:r><w:t>见</w:t></w:r>
          <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF _Ref1 \h </w:instrText></w:r>
          <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>附件1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>
          <w:r><w:t>第</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>
          <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>
          <w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>9</w:t></w:r></w:fldSimple>
          <w:fldSimple w:instr=" DATE "><w:r><w:t>2023年7月14日</w:t></w:r></w:fldSimple></w:p>"#;
        assert_eq!(texts(xml), ["见附件1第2023年7月14日"]);
    }

    #[test]
    fn alternate_content_is_read_once_and_text_boxes_follow_their_anchor() {
        let xml = r#"<w:p><w:r><w:t>前</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>后</w:t></w:r></w:p><w:p><w:r><w:t>next</w:t></w:r></w:p>"#;
        assert_eq!(texts(xml), ["前后", "框内", "next"]);
    }

    #[test]
    fn tables_with_merges_and_nesting() {
        let xml = r#"<w:tbl>
          <w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>名称</w:t></w:r></w:p></w:tc>
                <w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>备注</w:t></w:r></w:p><w:p><w:r><w:t>二行</w:t></w:r></w:p></w:tc></w:tr>
          <w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc>
                <w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>n1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>n2</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/></w:tc>
                <w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr>
        </w:tbl><w:p><w:r><w:t>after</w:t></w:r></w:p>"#;
        let blocks = body(xml);
        assert_eq!(blocks.len(), 3);
        let t = blocks[0].table.as_ref().unwrap();
        let got = crate::testutil::table_shape(t);
        assert_eq!(
            got,
            vec![
                vec![("名称", 2, 1), ("备注\n二行", 1, 2)],
                vec![("a", 1, 1), ("", 1, 1)]
            ]
        );
        // The nested table follows the table that holds it.
        assert_eq!(blocks[1].kind, crate::model::BlockKind::Table);
        assert_eq!(blocks[1].text, "n1\tn2");
        assert_eq!(blocks[2].text, "after");
    }

    #[test]
    fn run_hints() {
        let xml = r#"<w:p><w:pPr><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr>
          <w:r><w:rPr><w:rFonts w:ascii="Times" w:eastAsia="方正小标宋简体"/><w:b/><w:color w:val="FF0000"/><w:sz w:val="44"/></w:rPr><w:t>中共某某委员会文件</w:t></w:r>
          <w:r><w:rPr><w:sz w:val="32"/></w:rPr><w:t>x</w:t></w:r></w:p>"#;
        let b = &body(xml)[0];
        assert_eq!(b.hints.font.as_deref(), Some("方正小标宋简体"));
        assert_eq!(b.hints.font_size, Some(22.0));
        assert!(b.hints.bold && b.hints.red && !b.hints.auto_numbered);
        assert_eq!(b.hints.align, Some(crate::model::Align::Center));
        assert_eq!(b.hints.heading_level, Some(1));
        for (c, red) in [
            ("FF0000", true),
            ("C00000", true),
            ("E60012", true),
            ("000000", false),
            ("auto", false),
            ("FF6600", false),
        ] {
            assert_eq!(is_red(c), red, "{c}");
        }
    }
}
