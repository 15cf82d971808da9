//! `word/footnotes.xml`, `word/endnotes.xml`, `word/comments.xml` → notes kept apart from the
//! body.
//!
//! Each `w:footnote`, `w:endnote` or `w:comment` becomes one [`Note`] whose text is its
//! paragraphs joined by `\n`. The separator footnotes Word keeps in every footnotes part
//! (`w:type="separator"`, `continuationSeparator`, `continuationNotice`) draw the rule above the
//! notes and are not notes. Deleted text and `mc:Fallback` copies are dropped, as in the body.
//! The reference mark at the start of a note (`w:footnoteRef`, `w:annotationRef`) has no text.
//!
//! In the body, Word shows each footnote and endnote reference as the note's number (or, with
//! `w:customMarkFollows`, as the run of text after it): [`Marks`] numbers them as Word does,
//! in the format and from the start `settings.xml` gives (`w:footnotePr`, `w:endnotePr`;
//! Arabic footnotes and lower-case Roman endnotes from 1 by default). Restarts per page or
//! section are not followed (the reader has no pages).

use quick_xml::events::{BytesStart, Event};

use super::numbering::{format_number, NumFmt};
use super::on_off;
use super::xml::{attr, local, local_end, reference, Xml};
use crate::error::Result;
use crate::model::{Note, NoteKind};

/// Numbers the footnote and endnote references of the body as Word shows them.
#[derive(Debug, Clone)]
pub(crate) struct Marks {
    footnote: (NumFmt, u32),
    endnote: (NumFmt, u32),
}

impl Default for Marks {
    fn default() -> Self {
        Marks {
            footnote: (NumFmt::Decimal, 1),
            endnote: (NumFmt::LowerRoman, 1),
        }
    }
}

impl Marks {
    /// The formats and starts of `settings.xml` (`w:footnotePr`/`w:endnotePr` with `w:numFmt`
    /// and `w:numStart`); what it does not say keeps Word's default.
    pub(crate) fn parse(text: &str, max_depth: u64) -> Result<Marks> {
        let mut x = Xml::new(
            crate::model::Format::Docx,
            text,
            "word/settings.xml",
            max_depth,
        );
        let mut marks = Marks::default();
        let mut inside: Option<NoteKind> = None;
        while let Some(ev) = x.next()? {
            match ev {
                Event::Start(e) => match local(&e) {
                    b"footnotePr" => inside = Some(NoteKind::Footnote),
                    b"endnotePr" => inside = Some(NoteKind::Endnote),
                    _ => {}
                },
                Event::End(e) => {
                    if matches!(
                        local_end(e.name().into_inner()),
                        b"footnotePr" | b"endnotePr"
                    ) {
                        inside = None;
                    }
                }
                Event::Empty(e) => {
                    let slot = match inside {
                        Some(NoteKind::Footnote) => &mut marks.footnote,
                        Some(NoteKind::Endnote) => &mut marks.endnote,
                        _ => continue,
                    };
                    let val = attr(&e, b"val");
                    match local(&e) {
                        b"numFmt" => slot.0 = NumFmt::parse(val.as_deref().unwrap_or("decimal")),
                        b"numStart" => {
                            if let Some(n) = val.and_then(|v| v.parse::<u32>().ok()) {
                                slot.1 = n;
                            }
                        }
                        _ => {}
                    }
                }
                _ => {}
            }
        }
        Ok(marks)
    }

    /// The mark of the next reference of `kind` (footnote or endnote), counting it.
    pub(crate) fn next(&mut self, kind: NoteKind) -> Option<String> {
        let slot = match kind {
            NoteKind::Footnote => &mut self.footnote,
            NoteKind::Endnote => &mut self.endnote,
            _ => return None,
        };
        let mark = format_number(slot.1, slot.0);
        slot.1 = slot.1.saturating_add(1);
        Some(mark)
    }
}

/// The element that holds one note of `kind`.
fn element(kind: NoteKind) -> &'static [u8] {
    match kind {
        NoteKind::Footnote => b"footnote",
        NoteKind::Endnote => b"endnote",
        _ => b"comment",
    }
}

#[derive(Default)]
struct Current {
    id: String,
    author: Option<String>,
    paras: Vec<String>,
    para: String,
    /// Inside `w:r` / `w:t`; the run is hidden (`w:vanish`).
    in_run: bool,
    in_t: bool,
    hidden: bool,
}

impl Current {
    fn end_para(&mut self) {
        let p = std::mem::take(&mut self.para);
        let p = p.trim();
        if !p.is_empty() {
            self.paras.push(p.to_string());
        }
    }

    fn push(&mut self, s: &str) {
        if self.in_run && !self.hidden {
            self.para.push_str(s);
        }
    }

    fn start(&mut self, e: &BytesStart<'_>) {
        match local(e) {
            b"r" => {
                self.in_run = true;
                self.hidden = false;
            }
            b"t" if self.in_run => self.in_t = true,
            b"vanish" if self.in_run => self.hidden = on_off(e),
            _ => {}
        }
    }

    fn empty(&mut self, e: &BytesStart<'_>) {
        let s = match local(e) {
            b"tab" | b"ptab" => "\t",
            b"br" | b"cr" => "\n",
            b"noBreakHyphen" => "-",
            b"vanish" if self.in_run => {
                self.hidden = on_off(e);
                return;
            }
            _ => return,
        };
        self.push(s);
    }
}

/// Read the notes of one part. `part` names it in error messages.
pub(crate) fn parse(text: &str, part: &str, kind: NoteKind, max_depth: u64) -> Result<Vec<Note>> {
    let mut x = Xml::new(crate::model::Format::Docx, text, part, max_depth);
    let mut out = Vec::new();
    let mut cur: Option<Current> = None;
    let mut skip = 0u32;
    let holder = element(kind);
    while let Some(ev) = x.next()? {
        if skip > 0 {
            match ev {
                Event::Start(_) => skip += 1,
                Event::End(_) => skip -= 1,
                _ => {}
            }
            continue;
        }
        match ev {
            Event::Start(e) => {
                let name = local(&e);
                if matches!(name, b"del" | b"moveFrom" | b"Fallback" | b"delText") {
                    skip = 1;
                } else if name == holder {
                    cur = start_note(&e);
                    // A separator note is skipped whole.
                    if cur.is_none() {
                        skip = 1;
                    }
                } else if let Some(c) = cur.as_mut() {
                    c.start(&e);
                }
            }
            Event::Empty(e) => {
                if let Some(c) = cur.as_mut() {
                    c.empty(&e);
                }
            }
            Event::End(e) => {
                let name = local_end(e.name().into_inner());
                let Some(c) = cur.as_mut() else { continue };
                match name {
                    b"t" => c.in_t = false,
                    b"r" => c.in_run = false,
                    b"p" => c.end_para(),
                    _ if name == holder => {
                        c.end_para();
                        let mut n = Note::new(kind, std::mem::take(&mut c.id), c.paras.join("\n"));
                        n.author = c.author.take();
                        out.push(n);
                        cur = None;
                    }
                    _ => {}
                }
            }
            Event::Text(t) => {
                if let Some(c) = cur.as_mut().filter(|c| c.in_t) {
                    c.push(&t.xml10_content());
                }
            }
            Event::CData(t) => {
                if let Some(c) = cur.as_mut().filter(|c| c.in_t) {
                    c.push(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                if let (Some(c), Some(ch)) = (cur.as_mut().filter(|c| c.in_t), reference(&r)) {
                    c.push(ch.encode_utf8(&mut [0; 4]));
                }
            }
            _ => {}
        }
    }
    Ok(out)
}

/// A new note for a `w:footnote`/`w:endnote`/`w:comment` start tag; `None` for separators.
fn start_note(e: &BytesStart<'_>) -> Option<Current> {
    if matches!(
        attr(e, b"type").as_deref(),
        Some("separator" | "continuationSeparator" | "continuationNotice")
    ) {
        return None;
    }
    Some(Current {
        id: attr(e, b"id").unwrap_or_default(),
        author: attr(e, b"author").filter(|a| !a.trim().is_empty()),
        ..Current::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn notes(xml: &str, kind: NoteKind) -> Vec<(String, String, Option<String>)> {
        parse(xml, "t.xml", kind, 64)
            .unwrap()
            .into_iter()
            .map(|n| (n.id, n.text, n.author))
            .collect()
    }

    #[test]
    fn footnotes_skip_separators() {
        let xml = r#"<w:footnotes xmlns:w="w">
          <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
          <w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:t>x</w:t></w:r></w:p></w:footnote>
          <w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> 见《条例》</w:t></w:r><w:r><w:t>第三条。</w:t></w:r></w:p>
            <w:p><w:r><w:t>a&amp;b</w:t><w:tab/><w:t>c</w:t></w:r></w:p></w:footnote>
          <w:footnote w:id="2"><w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐</w:t></w:r><w:del><w:r><w:delText>删</w:delText></w:r></w:del><w:r><w:t>留</w:t></w:r></w:p></w:footnote>
        </w:footnotes>"#;
        let want = vec![
            ("1".into(), "见《条例》第三条。\na&b\tc".into(), None),
            ("2".into(), "留".into(), None),
        ];
        assert_eq!(notes(xml, NoteKind::Footnote), want);
    }

    #[test]
    fn comments_carry_authors() {
        let xml = r#"<w:comments xmlns:w="w"><w:comment w:id="0" w:author="张三" w:date="2024-01-01T00:00:00Z" w:initials="ZS">
          <w:p><w:r><w:annotationRef/></w:r><w:r><w:t>请核实数据</w:t></w:r></w:p></w:comment>
          <w:comment w:id="1" w:author=""><w:p/></w:comment></w:comments>"#;
        let want = vec![
            ("0".into(), "请核实数据".into(), Some("张三".into())),
            ("1".into(), String::new(), None),
        ];
        assert_eq!(notes(xml, NoteKind::Comment), want);
    }

    /// Where body references anchor and what they show (the rules of
    /// `body::parse_with_anchors`).
    #[test]
    fn body_references_show_their_marks_and_anchor_to_blocks() {
        use super::super::body::parse_with_anchors;
        use super::super::numbering::Numbering;
        use super::super::styles::Styles;
        let xml = r#"<w:document xmlns:w="w" xmlns:mc="mc"><w:body>
          <w:p><w:r><w:t>甲</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t>乙</w:t></w:r></w:p>
          <w:p><w:commentRangeStart w:id="7"/></w:p>
          <w:p><w:r><w:endnoteReference w:id="3"/></w:r></w:p>
          <w:p><w:r><w:t>丙</w:t></w:r><w:commentRangeEnd w:id="7"/><w:r><w:commentReference w:id="7"/></w:r>
            <w:del><w:r><w:footnoteReference w:id="9"/></w:r></w:del></w:p>
          <w:tbl><w:tr><w:tc><w:p><w:r><w:t>格</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r></w:p></w:tc></w:tr></w:tbl>
          <w:p><w:r><w:t>丁</w:t></w:r><w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r><w:r><w:footnoteReference w:id="4"/></w:r></w:p></w:txbxContent></w:drawing></mc:Choice></mc:AlternateContent></w:r></w:p>
          <w:p><w:r><w:t>戊</w:t></w:r><w:r><w:footnoteReference w:customMarkFollows="1" w:id="6"/><w:t>*</w:t></w:r>
            <w:r><w:rPr><w:vanish/></w:rPr><w:footnoteReference w:id="8"/></w:r><w:r><w:footnoteReference w:id="5"/></w:r></w:p>
          <w:p><w:r><w:t>己</w:t></w:r><w:r><w:endnoteReference w:id="4"/></w:r></w:p>
        </w:body></w:document>"#;
        let (blocks, anchors) = parse_with_anchors(
            xml,
            &Styles::default(),
            &mut Numbering::default(),
            Marks::default(),
            64,
        )
        .unwrap();
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        // Footnotes count 1, 2, … and endnotes i, ii, … in document order; a deleted reference
        // and one with a custom mark take no number, a hidden one shows nothing but counts.
        assert_eq!(
            texts,
            ["甲1乙", "i", "丙", "格2", "丁", "框3", "戊*5", "己ii"]
        );
        let at = |k, id: &str| anchors.get(&(k, id.to_string())).copied();
        // A reference in an empty paragraph anchors to the next block; the first of a
        // comment's start and reference counts; a deleted reference anchors nowhere; a text
        // box's reference anchors to the paragraph holding it.
        for (k, id, want) in [
            (NoteKind::Footnote, "1", Some(0)),
            (NoteKind::Comment, "7", Some(1)),
            (NoteKind::Endnote, "3", Some(1)),
            (NoteKind::Footnote, "9", None),
            (NoteKind::Footnote, "2", Some(3)),
            (NoteKind::Footnote, "4", Some(4)),
            (NoteKind::Footnote, "5", Some(6)),
        ] {
            assert_eq!(at(k, id), want, "{k:?} {id}");
        }
    }

    #[test]
    fn settings_give_the_mark_formats_and_starts() {
        let xml = r#"<w:settings xmlns:w="w">
          <w:footnotePr><w:numFmt w:val="chineseCounting"/><w:numStart w:val="3"/><w:footnote w:id="-1"/></w:footnotePr>
          <w:endnotePr><w:numFmt w:val="decimal"/></w:endnotePr></w:settings>"#;
        let mut m = Marks::parse(xml, 64).unwrap();
        let seq: Vec<_> = [
            NoteKind::Footnote,
            NoteKind::Footnote,
            NoteKind::Endnote,
            NoteKind::Comment,
        ]
        .into_iter()
        .map(|k| m.next(k))
        .collect();
        assert_eq!(
            seq,
            [Some("三".into()), Some("四".into()), Some("1".into()), None]
        );
        let mut d = Marks::parse("<w:settings/>", 64).unwrap();
        assert_eq!(d.next(NoteKind::Endnote).as_deref(), Some("i"));
    }

    #[test]
    fn damaged_part_is_an_error() {
        let err = parse("<w:footnotes><w:footnote>", "f.xml", NoteKind::Footnote, 64);
        assert_eq!(err.unwrap_err().code(), "malformed");
    }
}
