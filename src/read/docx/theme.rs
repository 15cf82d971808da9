//! `word/theme/theme1.xml`: the fonts a run names through the theme.
//!
//! Word's default styles do not name fonts; they say `w:eastAsiaTheme="minorEastAsia"` or
//! `w:asciiTheme="majorHAnsi"`, and the theme's `a:fontScheme` gives the typeface: `a:latin`
//! for the Latin slots, `a:ea` for East Asian text. The `a:ea` typeface is usually empty and the
//! East Asian font then comes from the per-script list (`<a:font script="Hans" …/>`, Simplified
//! Chinese), which is the one a Chinese notice is drawn with.

use quick_xml::events::Event;

use super::xml::{attr, local, local_end, Xml};
use crate::error::Result;

/// The fonts of one theme font collection (`a:majorFont` or `a:minorFont`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Collection {
    latin: Option<String>,
    ea: Option<String>,
    /// `<a:font script="Hans">`.
    hans: Option<String>,
}

impl Collection {
    fn east_asian(&self) -> Option<&String> {
        self.ea.as_ref().or(self.hans.as_ref())
    }
}

/// The theme's font scheme.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Theme {
    major: Collection,
    minor: Collection,
}

impl Theme {
    /// Parse a theme part; only `a:fontScheme` is read.
    pub(crate) fn parse(text: &str, part: &str, max_depth: u64) -> Result<Theme> {
        let mut x = Xml::new(crate::model::Format::Docx, text, part, max_depth);
        let mut out = Theme::default();
        // Which collection we are in: Some(true) major, Some(false) minor.
        let mut major: Option<bool> = None;
        while let Some(ev) = x.next()? {
            match ev {
                Event::Start(e) | Event::Empty(e) => {
                    let name = local(&e);
                    match name {
                        b"majorFont" => major = Some(true),
                        b"minorFont" => major = Some(false),
                        _ => {}
                    }
                    let c = match major {
                        Some(true) => &mut out.major,
                        Some(false) => &mut out.minor,
                        None => continue,
                    };
                    // An empty typeface means "not given" (Word then looks elsewhere).
                    let face = attr(&e, b"typeface").filter(|t| !t.trim().is_empty());
                    match name {
                        b"latin" => c.latin = face,
                        b"ea" => c.ea = face,
                        b"font" if attr(&e, b"script").as_deref() == Some("Hans") => c.hans = face,
                        _ => {}
                    }
                }
                Event::End(e) => {
                    if matches!(
                        local_end(e.name().into_inner()),
                        b"majorFont" | b"minorFont"
                    ) {
                        major = None;
                    }
                }
                _ => {}
            }
        }
        Ok(out)
    }

    /// The typeface a theme font reference (`minorEastAsia`, `majorHAnsi`, …) stands for.
    pub(crate) fn font(&self, reference: &str) -> Option<String> {
        let (c, slot) = if let Some(s) = reference.strip_prefix("major") {
            (&self.major, s)
        } else if let Some(s) = reference.strip_prefix("minor") {
            (&self.minor, s)
        } else {
            return None;
        };
        match slot {
            "EastAsia" => c.east_asian().cloned(),
            // Complex-script (`Bidi`) fonts do not draw Chinese text; they never name a hint.
            "Ascii" | "HAnsi" => c.latin.clone(),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_references() {
        let xml = r#"<a:theme xmlns:a="a"><a:themeElements><a:fontScheme name="x">
          <a:majorFont><a:latin typeface="Cambria"/><a:ea typeface=""/><a:cs typeface=""/>
            <a:font script="Jpan" typeface="ＭＳ ゴシック"/><a:font script="Hans" typeface="黑体"/></a:majorFont>
          <a:minorFont><a:latin typeface="Calibri"/><a:ea typeface="仿宋_GB2312"/>
            <a:font script="Hans" typeface="宋体"/></a:minorFont>
        </a:fontScheme></a:themeElements></a:theme>"#;
        let t = Theme::parse(xml, "theme1.xml", 32).unwrap();
        for (r, want) in [
            ("majorEastAsia", Some("黑体")),
            ("minorEastAsia", Some("仿宋_GB2312")),
            ("majorHAnsi", Some("Cambria")),
            ("minorAscii", Some("Calibri")),
            ("minorBidi", None),
            ("bogus", None),
        ] {
            assert_eq!(t.font(r).as_deref(), want, "{r}");
        }
        assert_eq!(Theme::default().font("minorEastAsia"), None);
    }
}
