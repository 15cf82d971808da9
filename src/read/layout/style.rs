//! Text styles: what a glyph looks like besides its size and place (font, weight, colour), and
//! the style a paragraph is set in.
//!
//! Readers intern one [`Style`] per distinct look in a [`Styles`] table and give every glyph
//! the index of its style ([`Glyph::style`](super::Glyph::style)). The layout step tallies the
//! characters of each line and paragraph by style ([`Tally`]); a block's `font`, `bold` and
//! `red` hints are the majority by characters, so a red digit or a bold word inside a paragraph
//! does not make the paragraph red or bold.
//!
//! The rules that decide "bold" from a font name and "red" from a fill colour live here, once,
//! for every fixed-layout reader.

use std::collections::HashMap;

/// How a run of glyphs is drawn. Sizes are per glyph, not part of the style.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Style {
    /// Font name or family as the file names it (PDF subset tags and `,Bold`-style suffixes
    /// removed).
    pub font: Option<String>,
    /// Set in a bold weight (or drawn filled and stroked, which looks bold).
    pub bold: bool,
    /// Filled in red (see [`is_red`]).
    pub red: bool,
}

/// Interned styles: equal styles share one id, in first-seen order.
#[derive(Debug, Default)]
pub struct Styles {
    list: Vec<Style>,
    index: HashMap<Style, u32>,
}

impl Styles {
    /// The id of `style`, added when new.
    pub fn id(&mut self, style: Style) -> u32 {
        if let Some(&i) = self.index.get(&style) {
            return i;
        }
        let i = u32::try_from(self.list.len()).unwrap_or(u32::MAX);
        self.index.insert(style.clone(), i);
        self.list.push(style);
        i
    }

    /// The table, indexed by id.
    pub fn list(&self) -> &[Style] {
        &self.list
    }
}

/// A fill colour in a device colour space, components in 0–1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Color {
    /// DeviceGray: never red.
    Gray(f32),
    /// DeviceRGB.
    Rgb([f32; 3]),
    /// DeviceCMYK.
    Cmyk([f32; 4]),
}

/// Red ink, the colour of the 发文机关标志 and the rule under it: RGB `#ee2025`-like (strong red,
/// weak green and blue), or CMYK with strong magenta and yellow and little cyan and black. Brown
/// invoice ink (RGB 156 82 35) is not red. The limits are on the 0–255 scale OFD files write
/// (at least 180, at most 100 for RGB; at most 60, at least 180 for CMYK).
pub fn is_red(color: Color) -> bool {
    let at_least = |v: f32, limit: f32| v >= limit / 255.0;
    let at_most = |v: f32, limit: f32| v <= limit / 255.0;
    match color {
        Color::Gray(_) => false,
        Color::Rgb([r, g, b]) => at_least(r, 180.0) && at_most(g, 100.0) && at_most(b, 100.0),
        Color::Cmyk([c, m, y, k]) => {
            at_most(c, 60.0) && at_least(m, 180.0) && at_least(y, 180.0) && at_most(k, 60.0)
        }
    }
}

/// Weight words in the style part of font names: `Arial-BoldMT`, `黑体,Bold`,
/// `SourceHanSansCN-Heavy`.
const BOLD_WORDS: &[&str] = &[
    "bold",
    "black",
    "heavy",
    "semibold",
    "demibold",
    "extrabold",
    "ultrabold",
];

/// True when a font name names a bold weight: a style part (after `,` or `-`) holding
/// `Bold`, `Black`, `Heavy`, … (`Arial-BoldMT`, `黑体,Bold`, `TimesNewRomanPS-BoldItalicMT`), or
/// a Chinese name with `粗` (`方正粗宋`, `华文粗黑`). A family name alone (`黑体`, `SimHei`) says
/// nothing about weight: 黑体 is a typeface, and DOCX and OFD files mark its bold runs apart.
pub fn bold_name(name: &str) -> bool {
    if name.contains('粗') {
        return true;
    }
    let style = match name.find([',', '-']) {
        Some(i) => name.get(i + 1..).unwrap_or_default(),
        None => return false,
    };
    let lower = style.to_ascii_lowercase();
    BOLD_WORDS.iter().any(|w| lower.contains(w))
}

/// Characters per style id in first-seen order (a line or paragraph holds a handful of styles,
/// so a short vector beats a map).
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct Tally(Vec<(u32, usize)>);

impl Tally {
    /// Count `chars` characters of style `style`.
    pub fn add(&mut self, style: u32, chars: usize) {
        match self.0.iter_mut().find(|(s, _)| *s == style) {
            Some((_, n)) => *n += chars,
            None => self.0.push((style, chars)),
        }
    }

    /// Add another tally (the next line of a paragraph).
    pub fn merge(&mut self, other: &Tally) {
        for &(style, n) in &other.0 {
            self.add(style, n);
        }
    }

    /// The majority style by characters: the most frequent font name (the first seen wins a
    /// tie), and bold or red when more than half of the characters are. Ids outside `styles`
    /// count as characters of no known style.
    pub fn majority(&self, styles: &[Style]) -> Style {
        let total: usize = self.0.iter().map(|(_, n)| n).sum();
        let share = |f: fn(&Style) -> bool| -> usize {
            self.0
                .iter()
                .filter(|(s, _)| styles.get(*s as usize).is_some_and(f))
                .map(|(_, n)| n)
                .sum()
        };
        let mut fonts: Vec<(&str, usize)> = Vec::new();
        for (s, n) in &self.0 {
            let Some(font) = styles.get(*s as usize).and_then(|s| s.font.as_deref()) else {
                continue;
            };
            match fonts.iter_mut().find(|(f, _)| *f == font) {
                Some((_, count)) => *count += n,
                None => fonts.push((font, *n)),
            }
        }
        let best = fonts.iter().map(|(_, n)| *n).max().unwrap_or(0);
        Style {
            font: fonts
                .iter()
                .find(|(_, n)| *n == best)
                .map(|(f, _)| (*f).to_string()),
            bold: share(|s| s.bold) * 2 > total,
            red: share(|s| s.red) * 2 > total,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn red_ink() {
        let rgb = |r: f32, g: f32, b: f32| is_red(Color::Rgb([r / 255.0, g / 255.0, b / 255.0]));
        assert!(rgb(238.0, 32.0, 37.0));
        assert!(rgb(255.0, 0.0, 0.0));
        assert!(rgb(180.0, 100.0, 100.0));
        assert!(!rgb(179.0, 0.0, 0.0));
        assert!(!rgb(156.0, 82.0, 35.0));
        assert!(!rgb(0.0, 0.0, 0.0));
        assert!(is_red(Color::Cmyk([0.0, 1.0, 1.0, 0.0])));
        assert!(!is_red(Color::Cmyk([0.0, 0.0, 0.0, 1.0])));
        assert!(!is_red(Color::Gray(1.0)));
    }

    #[test]
    fn bold_font_names() {
        for name in [
            "Arial-BoldMT",
            "黑体,Bold",
            "黑体-BoldItalic",
            "TimesNewRomanPS-BoldItalicMT",
            "SourceHanSansCN-Heavy",
            "方正粗宋简体",
        ] {
            assert!(bold_name(name), "{name}");
        }
        for name in [
            "黑体",
            "SimHei",
            "STSong-Light",
            "FZXBSJW--GB1-0",
            "Boldface",
            "",
        ] {
            assert!(!bold_name(name), "{name}");
        }
    }

    #[test]
    fn majority_by_characters() {
        let styles = [
            Style {
                font: Some("小标宋".into()),
                bold: true,
                red: true,
            },
            Style {
                font: Some("仿宋".into()),
                ..Style::default()
            },
            Style {
                font: Some("小标宋".into()),
                ..Style::default()
            },
        ];
        let mut t = Tally::default();
        t.add(0, 4);
        t.add(1, 5);
        t.add(2, 2);
        // 小标宋 6 against 仿宋 5; bold and red only 4 of 11.
        let m = t.majority(&styles);
        assert_eq!(m.font.as_deref(), Some("小标宋"));
        assert!(!m.bold && !m.red);
        let mut more = Tally::default();
        more.add(0, 3);
        t.merge(&more);
        // Now 7 of 14: still not more than half.
        assert!(!t.majority(&styles).red);
        t.add(0, 1);
        assert!(t.majority(&styles).red && t.majority(&styles).bold);
        // Unknown ids count but have no style.
        let mut u = Tally::default();
        u.add(9, 3);
        assert_eq!(u.majority(&styles), Style::default());
    }
}
