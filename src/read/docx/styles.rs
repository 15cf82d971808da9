//! `word/styles.xml`: what a paragraph inherits from its style.
//!
//! A style may carry an outline level, numbering (`pPr/numPr`), alignment and run properties,
//! and inherits from `basedOn`. Chains are followed to a fixed depth so a cycle cannot hang.

use std::collections::HashMap;

use quick_xml::events::Event;

use super::on_off;
use super::theme::Theme;
use super::xml::{attr, local, local_end, Xml};
use crate::error::Result;
use crate::model::Align;

/// Run properties the reader uses for hints.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct RunProps {
    /// East Asian font (`w:eastAsia`, or `w:eastAsiaTheme` resolved through the theme).
    pub(crate) east_asia: Option<String>,
    /// ASCII font (`w:ascii`, or `w:asciiTheme` resolved through the theme).
    pub(crate) ascii: Option<String>,
    /// Size in half-points.
    pub(crate) size: Option<u32>,
    pub(crate) bold: Option<bool>,
    /// `RRGGBB` or `auto`.
    pub(crate) color: Option<String>,
    /// Hidden text (`w:vanish`).
    pub(crate) hidden: Option<bool>,
}

impl RunProps {
    /// `self` with unset fields taken from `base`.
    pub(crate) fn over(&self, base: &RunProps) -> RunProps {
        RunProps {
            // Each font slot inherits on its own: a direct `w:ascii` does not hide the East
            // Asian font a style or the document defaults give.
            east_asia: self.east_asia.clone().or_else(|| base.east_asia.clone()),
            ascii: self.ascii.clone().or_else(|| base.ascii.clone()),
            size: self.size.or(base.size),
            bold: self.bold.or(base.bold),
            color: self.color.clone().or_else(|| base.color.clone()),
            hidden: self.hidden.or(base.hidden),
        }
    }

    /// The font a hint names: the East Asian font when given (notices are Chinese text), else
    /// the ASCII font.
    pub(crate) fn font(&self) -> Option<&String> {
        self.east_asia.as_ref().or(self.ascii.as_ref())
    }

    /// Apply one child of `w:rPr`; theme font references are resolved through `theme`.
    pub(crate) fn apply(&mut self, e: &quick_xml::events::BytesStart<'_>, theme: &Theme) {
        match local(e) {
            b"rFonts" => {
                // A theme attribute overrides the plain one beside it (ECMA-376 §17.3.2.26).
                let slot = |themed: &[u8], plain: &[u8]| {
                    attr(e, themed)
                        .and_then(|r| theme.font(&r))
                        .or_else(|| attr(e, plain))
                };
                if let Some(f) = slot(b"eastAsiaTheme", b"eastAsia") {
                    self.east_asia = Some(f);
                }
                if let Some(f) = slot(b"asciiTheme", b"ascii") {
                    self.ascii = Some(f);
                }
            }
            b"sz" => self.size = attr(e, b"val").and_then(|v| v.parse().ok()),
            b"b" => self.bold = Some(on_off(e)),
            b"color" => self.color = attr(e, b"val"),
            b"vanish" => self.hidden = Some(on_off(e)),
            _ => {}
        }
    }
}

/// A list reference: `numId` and `ilvl`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct NumRef {
    pub(crate) num_id: Option<String>,
    pub(crate) ilvl: Option<u8>,
}

/// Paragraph properties shared by styles and paragraphs.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct ParaProps {
    pub(crate) outline: Option<u8>,
    pub(crate) num: Option<NumRef>,
    pub(crate) align: Option<Align>,
}

impl ParaProps {
    /// Apply one child of `w:pPr`.
    pub(crate) fn apply(&mut self, e: &quick_xml::events::BytesStart<'_>) {
        match local(e) {
            b"outlineLvl" => self.outline = attr(e, b"val").and_then(|v| v.parse().ok()),
            b"jc" => {
                self.align = match attr(e, b"val").as_deref() {
                    Some("center") => Some(Align::Center),
                    Some("right" | "end") => Some(Align::Right),
                    Some(_) => Some(Align::Left),
                    None => None,
                }
            }
            b"numPr" => {
                self.num.get_or_insert_with(NumRef::default);
            }
            b"numId" => self.num.get_or_insert_with(NumRef::default).num_id = attr(e, b"val"),
            b"ilvl" => {
                self.num.get_or_insert_with(NumRef::default).ilvl =
                    attr(e, b"val").and_then(|v| v.parse().ok())
            }
            _ => {}
        }
    }
}

#[derive(Debug, Clone, Default)]
struct Style {
    name: String,
    based_on: Option<String>,
    para: ParaProps,
    run: RunProps,
}

/// The styles of one document.
#[derive(Debug, Default)]
pub(crate) struct Styles {
    styles: HashMap<String, Style>,
    /// The default paragraph style's id.
    default_para: Option<String>,
    /// `docDefaults/rPrDefault`.
    doc_run: RunProps,
    /// The theme's fonts, for `w:asciiTheme`/`w:eastAsiaTheme`.
    pub(crate) theme: Theme,
}

const MAX_CHAIN: usize = 16;

impl Styles {
    /// No styles, only the theme's fonts (a package without `styles.xml`).
    pub(crate) fn with_theme(theme: Theme) -> Styles {
        Styles {
            theme,
            ..Styles::default()
        }
    }

    /// Parse `styles.xml`, resolving theme fonts through `theme`.
    pub(crate) fn parse(text: &str, max_depth: u64, theme: Theme) -> Result<Styles> {
        let mut x = Xml::new(
            crate::model::Format::Docx,
            text,
            "word/styles.xml",
            max_depth,
        );
        let mut out = Styles {
            theme,
            ..Styles::default()
        };
        let mut cur: Option<(String, Style)> = None;
        let mut in_doc_defaults = false;
        let mut in_rpr = false;
        let mut in_ppr = false;
        while let Some(ev) = x.next()? {
            match ev {
                Event::Start(e) | Event::Empty(e) => match local(&e) {
                    b"docDefaults" => in_doc_defaults = true,
                    b"style" => {
                        let id = attr(&e, b"styleId").unwrap_or_default();
                        let is_para = attr(&e, b"type")
                            .as_deref()
                            .is_none_or(|t| t == "paragraph");
                        if is_para && attr(&e, b"default").is_some_and(|v| v == "1" || v == "true")
                        {
                            out.default_para = Some(id.clone());
                        }
                        cur = Some((id, Style::default()));
                    }
                    b"name" => {
                        if let (Some((_, s)), Some(v)) = (cur.as_mut(), attr(&e, b"val")) {
                            s.name = v;
                        }
                    }
                    b"basedOn" => {
                        if let Some((_, s)) = cur.as_mut() {
                            s.based_on = attr(&e, b"val");
                        }
                    }
                    b"rPr" => in_rpr = true,
                    b"pPr" => in_ppr = true,
                    _ if in_rpr => {
                        if let Some((_, s)) = cur.as_mut() {
                            s.run.apply(&e, &out.theme);
                        } else if in_doc_defaults {
                            out.doc_run.apply(&e, &out.theme);
                        }
                    }
                    _ if in_ppr => {
                        if let Some((_, s)) = cur.as_mut() {
                            s.para.apply(&e);
                        }
                    }
                    _ => {}
                },
                Event::End(e) => match local_end(e.name().into_inner()) {
                    b"docDefaults" => in_doc_defaults = false,
                    b"rPr" => in_rpr = false,
                    b"pPr" => in_ppr = false,
                    b"style" => {
                        if let Some((id, s)) = cur.take() {
                            out.styles.insert(id, s);
                        }
                    }
                    _ => {}
                },
                _ => {}
            }
        }
        Ok(out)
    }

    /// The style chain of `id` (or of the default paragraph style), nearest first.
    fn chain<'s>(&'s self, id: Option<&'s str>) -> Vec<&'s Style> {
        let mut out = Vec::new();
        // Word falls back to the default paragraph style for a missing style id.
        let mut next = id
            .filter(|i| self.styles.contains_key(*i))
            .or(self.default_para.as_deref());
        while let Some(id) = next {
            let Some(s) = self.styles.get(id) else { break };
            if out.len() >= MAX_CHAIN {
                break;
            }
            out.push(s);
            next = s.based_on.as_deref();
        }
        out
    }

    /// Heading level (1-based) of a paragraph style: its outline level, or a heading name
    /// (`heading 1`, `Heading 1`, `标题 1`).
    pub(crate) fn heading_level(&self, id: Option<&str>) -> Option<u8> {
        for s in self.chain(id) {
            if let Some(o) = s.para.outline {
                return (o < 9).then_some(o + 1);
            }
            if let Some(l) = heading_name_level(&s.name) {
                return Some(l);
            }
        }
        None
    }

    /// Numbering a paragraph style carries.
    pub(crate) fn numbering(&self, id: Option<&str>) -> Option<NumRef> {
        let mut out: Option<NumRef> = None;
        for s in self.chain(id) {
            if let Some(n) = &s.para.num {
                let o = out.get_or_insert_with(NumRef::default);
                if o.num_id.is_none() {
                    o.num_id = n.num_id.clone();
                }
                if o.ilvl.is_none() {
                    o.ilvl = n.ilvl;
                }
            }
        }
        out.filter(|n| n.num_id.is_some())
    }

    /// Alignment a paragraph style carries.
    pub(crate) fn align(&self, id: Option<&str>) -> Option<Align> {
        self.chain(id).iter().find_map(|s| s.para.align)
    }

    /// Run properties of a paragraph or character style, down to the document defaults.
    pub(crate) fn run(&self, id: Option<&str>) -> RunProps {
        let mut out = RunProps::default();
        for s in self.chain(id) {
            out = out.over(&s.run);
        }
        out.over(&self.doc_run)
    }

    /// Run properties of a character style only (no defaults).
    pub(crate) fn char_run(&self, id: &str) -> RunProps {
        let mut out = RunProps::default();
        let mut next = Some(id);
        let mut n = 0;
        while let (Some(id), true) = (next, n < MAX_CHAIN) {
            let Some(s) = self.styles.get(id) else { break };
            out = out.over(&s.run);
            next = s.based_on.as_deref();
            n += 1;
        }
        out
    }
}

/// `heading 2` / `Heading 2` / `标题 2` / `标题2` → 2.
fn heading_name_level(name: &str) -> Option<u8> {
    let lower = name.trim().to_lowercase();
    let rest = lower
        .strip_prefix("heading")
        .or_else(|| lower.strip_prefix("标题"))?;
    let n: u8 = rest.trim().parse().ok()?;
    (1..=9).contains(&n).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_names() {
        for (name, want) in [
            ("heading 1", Some(1)),
            ("Heading 3", Some(3)),
            ("标题 1", Some(1)),
            ("标题2", Some(2)),
            ("标题", None),
            ("Normal", None),
            ("heading 10", None),
        ] {
            assert_eq!(heading_name_level(name), want, "{name}");
        }
    }

    const XML: &str = r#"<w:styles xmlns:w="w">
      <w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="21"/></w:rPr></w:rPrDefault></w:docDefaults>
      <w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/>
        <w:rPr><w:rFonts w:ascii="Times" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr></w:style>
      <w:style w:type="paragraph" w:styleId="1"><w:name w:val="标题 1"/><w:basedOn w:val="a"/>
        <w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/></w:rPr></w:style>
      <w:style w:type="paragraph" w:styleId="L2"><w:name w:val="公文二级"/><w:basedOn w:val="L2b"/></w:style>
      <w:style w:type="paragraph" w:styleId="L2b"><w:name w:val="base"/><w:basedOn w:val="a"/>
        <w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="7"/></w:numPr><w:outlineLvl w:val="1"/><w:jc w:val="center"/></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="x"><w:name w:val="loop"/><w:basedOn w:val="y"/></w:style>
      <w:style w:type="paragraph" w:styleId="y"><w:name w:val="loop2"/><w:basedOn w:val="x"/></w:style>
    </w:styles>"#;

    #[test]
    fn chains() {
        let s = Styles::parse(XML, 64, Theme::default()).unwrap();
        assert_eq!(s.heading_level(Some("1")), Some(1));
        assert_eq!(s.heading_level(Some("L2")), Some(2));
        assert_eq!(s.heading_level(None), None);
        assert_eq!(s.align(Some("L2")), Some(Align::Center));
        let n = s.numbering(Some("L2")).unwrap();
        assert_eq!((n.num_id.as_deref(), n.ilvl), (Some("7"), Some(1)));
        let r = s.run(Some("1"));
        assert_eq!(r.font().map(String::as_str), Some("黑体"));
        assert_eq!((r.size, r.bold), (Some(32), Some(true)));
        assert_eq!(s.run(Some("nope")).size, Some(32));
        assert_eq!(s.heading_level(Some("x")), None); // a basedOn cycle ends
    }

    #[test]
    fn theme_fonts_and_slots() {
        let theme = Theme::parse(
            r#"<a:theme><a:majorFont><a:latin typeface="Cambria"/><a:ea typeface=""/><a:font script="Hans" typeface="黑体"/></a:majorFont>
              <a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:font script="Hans" typeface="仿宋"/></a:minorFont></a:theme>"#,
            "theme1.xml",
            16,
        )
        .unwrap();
        let xml = r#"<w:styles>
          <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia"/></w:rPr></w:rPrDefault></w:docDefaults>
          <w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
          <w:style w:type="paragraph" w:styleId="h"><w:name w:val="h"/>
            <w:rPr><w:rFonts w:eastAsia="宋体" w:eastAsiaTheme="majorEastAsia"/></w:rPr></w:style>
          <w:style w:type="paragraph" w:styleId="t"><w:name w:val="t"/><w:rPr><w:rFonts w:ascii="Times"/></w:rPr></w:style>
        </w:styles>"#;
        let s = Styles::parse(xml, 16, theme).unwrap();
        let f = |id| s.run(Some(id)).font().cloned();
        // Defaults through the theme; the theme attribute beats the plain one beside it; a
        // style naming only an ASCII font keeps the inherited East Asian one.
        assert_eq!(f("a").as_deref(), Some("仿宋"));
        assert_eq!(f("h").as_deref(), Some("黑体"));
        assert_eq!(f("t").as_deref(), Some("仿宋"));
        assert_eq!(s.run(Some("t")).ascii.as_deref(), Some("Times"));
    }
}
