//! Page content: layers, page blocks and text objects → positioned glyphs.
//!
//! OFD coordinates are millimetres with y growing downwards, which is what the shared layout
//! step expects, so no flipping is needed. A text object's own coordinate space has its origin
//! at the top-left corner of its `Boundary`; `CTM` maps object space into that box.

use std::collections::HashMap;

use crate::model::{Code, Diagnostic};
use crate::read::geom::Matrix;
use crate::read::layout::{self, Color, Glyph, Style, Styles};

use super::package::{numbers, Font};
use super::xml::Node;
use super::Warn;

/// How deep `PageBlock`s may nest. Real files nest a few levels; the cap only stops a crafted
/// file from recursing as deep as the XML depth limit allows.
const MAX_BLOCK_DEPTH: usize = 64;
/// Most glyphs one `CGTransform` group may stand for.
const MAX_GROUP_GLYPHS: usize = 256;
/// Used when a text object has no usable `Size` (3.5 mm ≈ 10 pt).
const DEFAULT_SIZE: f32 = 3.5;

/// Everything text extraction needs besides the XML.
pub(super) struct Ctx<'a> {
    pub(super) fonts: &'a HashMap<String, Font>,
    /// `CompositeGraphicUnit`s of the resource files, by ID.
    pub(super) composites: &'a HashMap<String, Node>,
    pub(super) styles: &'a mut Styles,
    pub(super) warn: &'a mut Warn,
    /// Most operations (objects visited plus glyphs made) on one page
    /// (`Limits::ops_per_page`): composite objects can draw the same unit many times, so the
    /// work is bounded, not only the output.
    pub(super) max_ops: u64,
    /// Operations so far.
    pub(super) ops: u64,
    /// Which page (or template) is read, for messages.
    pub(super) what: String,
    /// Set once a warning about this page was given, so one bad page gives one warning each.
    pub(super) warned_depth: bool,
    pub(super) warned_limit: bool,
    pub(super) warned_glyph_only: bool,
}

impl<'a> Ctx<'a> {
    pub(super) fn new(
        fonts: &'a HashMap<String, Font>,
        composites: &'a HashMap<String, Node>,
        styles: &'a mut Styles,
        warn: &'a mut Warn,
        max_ops: u64,
        what: String,
    ) -> Self {
        Ctx {
            fonts,
            composites,
            styles,
            warn,
            max_ops,
            ops: 0,
            what,
            warned_depth: false,
            warned_limit: false,
            warned_glyph_only: false,
        }
    }

    /// Count one operation; false (after one warning) once the page is over its budget.
    fn tick(&mut self) -> bool {
        self.ops += 1;
        if self.ops <= self.max_ops {
            return true;
        }
        if !self.warned_limit {
            self.warned_limit = true;
            self.warn.push(Diagnostic::new(
                Code::LimitReached,
                format!(
                    "{}: more than {} operations; the rest of the page skipped",
                    self.what, self.max_ops
                ),
            ));
        }
        false
    }
}

/// The glyphs of a page or template content part (`<Page>` root), in drawing order.
pub(super) fn glyphs(page: &Node, ctx: &mut Ctx<'_>) -> Vec<Glyph> {
    let mut out = Vec::new();
    if let Some(content) = page.child("Content") {
        for layer in content.children_named("Layer") {
            objects(layer, ctx, &mut out, Matrix::IDENTITY, 0);
        }
    }
    out
}

/// Walk the graphic objects under `parent`; `outer` maps `parent`'s space to the page.
fn objects(parent: &Node, ctx: &mut Ctx<'_>, out: &mut Vec<Glyph>, outer: Matrix, depth: usize) {
    for child in &parent.children {
        if !ctx.tick() {
            return;
        }
        // `Visible="false"` objects are not drawn; their text is not on the page.
        if child.attr("Visible").is_some_and(|v| v.trim() == "false") {
            continue;
        }
        match child.name.as_str() {
            "TextObject" => text_object(child, ctx, out, outer),
            "PageBlock" | "CompositeObject" if depth >= MAX_BLOCK_DEPTH => too_deep(ctx),
            "PageBlock" => objects(child, ctx, out, outer, depth + 1),
            // A composite object draws a resource's content (vector graphics, and sometimes all
            // the text of a page) in the object's box; a unit that draws itself hits the depth cap.
            "CompositeObject" => {
                let composites = ctx.composites;
                let Some(unit) = child
                    .attr("ResourceID")
                    .and_then(|id| composites.get(id.trim()))
                else {
                    continue;
                };
                let Some(content) = unit.child("Content") else {
                    continue;
                };
                let (bx, by) = box_origin(child);
                let inner =
                    parse_ctm(child.attr("CTM")).then(Matrix::translate(bx, by).then(outer));
                objects(content, ctx, out, inner, depth + 1);
            }
            // Paths and images carry no text.
            _ => {}
        }
    }
}

fn too_deep(ctx: &mut Ctx<'_>) {
    if !ctx.warned_depth {
        ctx.warned_depth = true;
        ctx.warn.push(Diagnostic::new(
            Code::LimitReached,
            format!(
                "{}: page blocks or composite objects nested deeper than {MAX_BLOCK_DEPTH}; \
                 the rest skipped",
                ctx.what
            ),
        ));
    }
}

/// The top-left corner of an object's `Boundary` (its object space origin).
fn box_origin(obj: &Node) -> (f32, f32) {
    let b = obj.attr("Boundary").map(numbers).unwrap_or_default();
    (
        b.first().copied().unwrap_or(0.0),
        b.get(1).copied().unwrap_or(0.0),
    )
}

/// A `CTM` attribute (`ST_Array` of six numbers) as a matrix; anything else is the identity.
pub(super) fn parse_ctm(s: Option<&str>) -> Matrix {
    match s.map(numbers).as_deref() {
        Some(&[a, b, c, d, e, f]) => Matrix([a, b, c, d, e, f]),
        _ => Matrix::IDENTITY,
    }
}

/// Parse a `DeltaX`/`DeltaY` list: numbers, where `g N v` stands for `N` copies of `v`.
/// Malformed parts are skipped; the total is capped at `max` entries so `g 999999999 1` costs
/// nothing.
pub(super) fn deltas(s: &str, max: usize) -> Vec<f32> {
    let mut out = Vec::new();
    let mut tokens = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty());
    while let Some(t) = tokens.next() {
        if out.len() >= max {
            break;
        }
        if t.eq_ignore_ascii_case("g") {
            let n = tokens.next().and_then(|n| n.parse::<f64>().ok());
            let v = tokens.next().and_then(|v| v.parse::<f32>().ok());
            if let (Some(n), Some(v)) = (n, v) {
                if n.is_finite() && n >= 1.0 && v.is_finite() {
                    let n = (n as usize).min(max - out.len());
                    out.extend(std::iter::repeat_n(v, n));
                }
            }
        } else if let Ok(v) = t.parse::<f32>() {
            if v.is_finite() {
                out.push(v);
            }
        }
    }
    out
}

/// A run of characters drawn as `glyphs` glyphs (one char → one glyph unless a `CGTransform`
/// says otherwise).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Unit {
    pub(super) text: String,
    pub(super) glyphs: usize,
}

/// Split `text` into units following the `(position, code count, glyph count)` transforms.
///
/// The text of a `TextCode` is already Unicode; a `CGTransform` only changes how many glyphs a
/// group of characters is drawn with (a ligature draws two characters as one glyph). Since the
/// `DeltaX` list advances per glyph, the units are what keeps positions and text in step.
/// Transforms that overlap or fall outside the text are ignored.
pub(super) fn units(text: &str, transforms: &[(usize, usize, usize)]) -> Vec<Unit> {
    let chars: Vec<char> = text.chars().collect();
    let mut map: Vec<&(usize, usize, usize)> = transforms
        .iter()
        .filter(|(pos, count, _)| *count > 0 && pos.saturating_add(*count) <= chars.len())
        .collect();
    map.sort_by_key(|t| t.0);
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    let mut next = map.into_iter().peekable();
    while i < chars.len() {
        while next.peek().is_some_and(|t| t.0 < i) {
            next.next();
        }
        if let Some(&&(pos, count, glyphs)) = next.peek() {
            // A group as long as its glyph list is a one-to-one mapping (the usual case: the
            // transform only names glyph indices); only unequal counts join characters.
            if pos == i && count != glyphs {
                next.next();
                let text: String = chars.get(i..i + count).unwrap_or_default().iter().collect();
                out.push(Unit { text, glyphs });
                i += count;
                continue;
            }
        }
        if let Some(&c) = chars.get(i) {
            out.push(Unit {
                text: c.to_string(),
                glyphs: 1,
            });
        }
        i += 1;
    }
    out
}

/// An advance guess when the file gives none: Latin half an em; CJK, full-width forms and the
/// general punctuation CJK fonts set full width (“ ” — …) one em.
fn estimated_advance(text: &str, size: f32) -> f32 {
    text.chars()
        .map(|c| {
            if (c as u32) < 0x2000 {
                size * 0.5
            } else {
                size
            }
        })
        .sum()
}

fn text_object(obj: &Node, ctx: &mut Ctx<'_>, out: &mut Vec<Glyph>, outer: Matrix) {
    let (bx, by) = box_origin(obj);
    // Object space → page: the object's CTM, then its box offset, then the enclosing transforms.
    let ctm = parse_ctm(obj.attr("CTM")).then(Matrix::translate(bx, by).then(outer));
    let (sx, sy) = ctm.scales();
    let size = obj
        .attr("Size")
        .and_then(|s| s.trim().parse::<f32>().ok())
        .filter(|s| s.is_finite() && *s > 0.0)
        .unwrap_or(DEFAULT_SIZE);
    let font = obj.attr("Font").and_then(|id| ctx.fonts.get(id.trim()));
    let weight_bold = obj
        .attr("Weight")
        .and_then(|w| w.trim().parse::<u32>().ok())
        .is_some_and(|w| w >= 700);
    let style = Style {
        font: font.and_then(|f| f.name.clone()),
        bold: weight_bold || font.is_some_and(|f| f.bold),
        red: obj.child("FillColor").is_some_and(is_red),
    };
    let style = ctx.styles.id(style);
    // ReadDirection 90/270: the text reads top to bottom (or bottom to top).
    let read_vertical = matches!(obj.attr("ReadDirection").map(str::trim), Some("90" | "270"));
    // Pen position in object space; a TextCode without X or Y continues from the last one.
    let (mut pen_x, mut pen_y) = (0.0f32, 0.0f32);
    let mut transforms: Vec<(usize, usize, usize)> = Vec::new();
    let mut glyph_only = false;
    for child in &obj.children {
        match child.name.as_str() {
            "CGTransform" => {
                let n = |k: &str| child.attr(k).and_then(|v| v.trim().parse::<usize>().ok());
                if let (Some(pos), Some(count)) = (n("CodePosition"), n("CodeCount")) {
                    // Real groups are a few glyphs; the cap keeps a crafted count from looping.
                    let glyphs = n("GlyphCount").unwrap_or(count).min(MAX_GROUP_GLYPHS);
                    transforms.push((pos, count, glyphs));
                }
            }
            "TextCode" => {
                let num = |k: &str| {
                    child
                        .attr(k)
                        .and_then(|v| v.trim().parse::<f32>().ok())
                        .filter(|v| v.is_finite())
                };
                pen_x = num("X").unwrap_or(pen_x);
                pen_y = num("Y").unwrap_or(pen_y);
                let text: String = child.text.chars().filter(|c| !c.is_control()).collect();
                if text.is_empty() {
                    glyph_only |= transforms.iter().any(|t| t.2 > 0);
                    transforms.clear();
                    continue;
                }
                let units = units(&text, &transforms);
                transforms.clear();
                let glyph_total: usize = units.iter().map(|u| u.glyphs).sum();
                let cap = glyph_total.saturating_add(1).min(1 << 20);
                let dx = child.attr("DeltaX").map(|s| deltas(s, cap));
                let dy = child
                    .attr("DeltaY")
                    .map(|s| deltas(s, cap))
                    .unwrap_or_default();
                let vertical = read_vertical
                    || (dx.as_ref().is_none_or(|d| d.iter().all(|v| *v == 0.0))
                        && dy.iter().any(|v| *v != 0.0));
                let mut k = 0usize; // index of the next delta, one per glyph
                for unit in units {
                    if !ctx.tick() {
                        return;
                    }
                    let (mut adv_x, mut adv_y) = (0.0f32, 0.0f32);
                    for _ in 0..unit.glyphs {
                        adv_x += match &dx {
                            Some(d) => d
                                .get(k)
                                .or(d.last())
                                .copied()
                                .unwrap_or_else(|| estimated_advance(&unit.text, size)),
                            None if vertical => 0.0,
                            None => estimated_advance(&unit.text, size) / unit.glyphs as f32,
                        };
                        adv_y += dy.get(k).copied().unwrap_or(0.0);
                        k += 1;
                    }
                    // A glyph's width is its own advance when the file gives one; the last glyph
                    // of a run has none (N glyphs, N-1 deltas), so its width is estimated.
                    let own = dx.as_ref().is_some_and(|d| k <= d.len());
                    let width = if own && adv_x > 0.0 {
                        adv_x
                    } else {
                        estimated_advance(&unit.text, size)
                    };
                    let (x, y) = ctm.apply(pen_x, pen_y);
                    if !unit.text.trim().is_empty() || unit.text == " " {
                        out.push(Glyph {
                            text: unit.text,
                            x,
                            y,
                            width: width * sx,
                            size: size * sy,
                            style,
                            vertical,
                            turn: 0,
                        });
                    }
                    pen_x += adv_x;
                    pen_y += adv_y;
                }
            }
            _ => {}
        }
    }
    if glyph_only && !ctx.warned_glyph_only {
        ctx.warned_glyph_only = true;
        ctx.warn.push(Diagnostic::new(
            Code::UnreliableText,
            format!(
                "{}: text drawn by glyph index only (empty TextCode); it cannot be read",
                ctx.what
            ),
        ));
    }
}

/// Red fill ([`layout::is_red`]): RGB `#ee #20 #25` / `238 32 37`, or CMYK, told apart by the
/// number of components. Values are 0–255 (the default 8 bits per component).
fn is_red(color: &Node) -> bool {
    let Some(value) = color.attr("Value") else {
        return false;
    };
    let v: Vec<f32> = value
        .split_whitespace()
        .filter_map(|t| match t.strip_prefix('#') {
            Some(hex) => u8::from_str_radix(hex, 16).ok().map(f32::from),
            None => t.parse::<f32>().ok(),
        })
        .map(|c| c / 255.0)
        .collect();
    match *v.as_slice() {
        [r, g, b] => layout::is_red(Color::Rgb([r, g, b])),
        [c, m, y, k] => layout::is_red(Color::Cmyk([c, m, y, k])),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::ofd::xml;

    #[test]
    fn delta_lists_with_the_g_syntax() {
        let cases: &[(&str, &[f32])] = &[
            ("1 2 3", &[1.0, 2.0, 3.0]),
            ("g 3 1.5", &[1.5, 1.5, 1.5]),
            (
                "g 2 3.175 g 2 1.5875 3.175",
                &[3.175, 3.175, 1.5875, 1.5875, 3.175],
            ),
            ("G 2 1, 4", &[1.0, 1.0, 4.0]),
            ("", &[]),
            ("g 2", &[]),
            ("g x 1 5", &[5.0]),
            ("1 NaN inf 2", &[1.0, 2.0]),
        ];
        for (s, want) in cases {
            assert_eq!(deltas(s, 100), *want, "{s:?}");
        }
        assert_eq!(deltas("g 999999999 1", 4).len(), 4);
        assert_eq!(deltas("g -3 1 2", 10), vec![2.0]);
    }

    #[test]
    fn ctm_maps_object_space() {
        let c = parse_ctm(Some("0.3528 0 0 0.3528 10 20"));
        let (x, y) = c.apply(100.0, 50.0);
        assert!(
            (x - 45.28).abs() < 1e-3 && (y - 37.64).abs() < 1e-3,
            "{x} {y}"
        );
        let (sx, sy) = c.scales();
        assert!((sx - 0.3528).abs() < 1e-6 && (sy - 0.3528).abs() < 1e-6);
        assert_eq!(parse_ctm(Some("1 0 0")), Matrix::IDENTITY);
        assert_eq!(parse_ctm(None).apply(3.0, 4.0), (3.0, 4.0));
        // Composition applies the inner matrix first.
        let m = parse_ctm(Some("2 0 0 3 1 1")).then(Matrix::translate(10.0, 20.0));
        assert_eq!(m.apply(1.0, 1.0), (13.0, 24.0));
        // A quarter turn: x' = -y, y' = x.
        assert_eq!(parse_ctm(Some("0 1 -1 0 0 0")).apply(2.0, 5.0), (-5.0, 2.0));
    }

    #[test]
    fn cg_transform_groups_characters() {
        let t = |s: &str, m: &[(usize, usize, usize)]| -> Vec<(String, usize)> {
            units(s, m)
                .into_iter()
                .map(|u| (u.text, u.glyphs))
                .collect()
        };
        let own = |v: &[(&str, usize)]| -> Vec<(String, usize)> {
            v.iter().map(|(s, n)| (s.to_string(), *n)).collect()
        };
        assert_eq!(t("公文", &[]), own(&[("公", 1), ("文", 1)]));
        assert_eq!(t("ffi文", &[(0, 3, 1)]), own(&[("ffi", 1), ("文", 1)]));
        assert_eq!(t("a文", &[(1, 1, 2)]), own(&[("a", 1), ("文", 2)]));
        // Equal counts map one character to one glyph.
        assert_eq!(t("公文", &[(0, 2, 2)]), own(&[("公", 1), ("文", 1)]));
        // Out of range and overlapping transforms are ignored.
        assert_eq!(t("ab", &[(1, 5, 1)]), own(&[("a", 1), ("b", 1)]));
        assert_eq!(
            t("abc", &[(0, 2, 1), (1, 2, 1)]),
            own(&[("ab", 1), ("c", 1)])
        );
    }

    fn page_glyphs(xml_text: &str) -> (Vec<Glyph>, Warn) {
        page_glyphs_with(xml_text, &[])
    }

    fn page_glyphs_with(xml_text: &str, units: &[&str]) -> (Vec<Glyph>, Warn) {
        let node = xml::parse(xml_text.as_bytes(), 256).unwrap();
        let fonts = HashMap::new();
        let composites: HashMap<String, Node> = units
            .iter()
            .map(|u| {
                let n = xml::parse(u.as_bytes(), 256).unwrap();
                (n.attr("ID").unwrap().to_string(), n)
            })
            .collect();
        let mut styles = Styles::default();
        let mut warn = Vec::new();
        let mut ctx = Ctx::new(
            &fonts,
            &composites,
            &mut styles,
            &mut warn,
            1000,
            "page 1".into(),
        );
        let g = glyphs(&node, &mut ctx);
        (g, warn)
    }

    #[test]
    fn positions_follow_boundary_textcode_and_deltas() {
        let (g, _) = page_glyphs(
            r#"<Page><Content><Layer><PageBlock><TextObject Boundary="20 30 100 10" Size="5">
               <TextCode X="1" Y="4.5" DeltaX="g 2 5 2.5">公文a1</TextCode>
               <TextCode DeltaX="5">再续</TextCode></TextObject></PageBlock></Layer></Content></Page>"#,
        );
        let got: Vec<(&str, f32, f32, f32)> = g
            .iter()
            .map(|g| (g.text.as_str(), g.x, g.y, g.width))
            .collect();
        assert_eq!(
            got,
            vec![
                ("公", 21.0, 34.5, 5.0),
                ("文", 26.0, 34.5, 5.0),
                ("a", 31.0, 34.5, 2.5),
                // The last glyph has no delta after it: its width is the estimate.
                ("1", 33.5, 34.5, 2.5),
                // No X/Y: continues where the previous TextCode's pen stopped (last delta reused).
                ("再", 36.0, 34.5, 5.0),
                ("续", 41.0, 34.5, 5.0),
            ]
        );
        assert!(g.iter().all(|g| g.size == 5.0 && !g.vertical));
    }

    #[test]
    fn ctm_scales_size_and_delta_y_means_vertical() {
        let (g, _) = page_glyphs(
            r#"<Page><Content><Layer>
               <TextObject Boundary="10 10 50 50" Size="20" CTM="0.5 0 0 0.5 0 0">
               <TextCode X="0" Y="18" DeltaX="20">甲乙</TextCode></TextObject>
               <TextObject Boundary="0 100 10 30" Size="4"><TextCode X="0" Y="4" DeltaY="6 6">购买方</TextCode></TextObject>
               </Layer></Content></Page>"#,
        );
        assert_eq!(
            (g[0].x, g[0].y, g[0].size, g[0].width),
            (10.0, 19.0, 10.0, 10.0)
        );
        assert_eq!((g[1].x, g[1].y), (20.0, 19.0));
        let v: Vec<(f32, f32, bool)> = g[2..].iter().map(|g| (g.x, g.y, g.vertical)).collect();
        assert_eq!(
            v,
            vec![(0.0, 104.0, true), (0.0, 110.0, true), (0.0, 116.0, true)]
        );
    }

    /// GB/T 33190 §11: `TextCode` X/Y and `DeltaX` are in the object's own space, which the
    /// `CTM` maps into the `Boundary` box, whose corner is then the offset on the page. A
    /// vendor writes body text as `Size="1"` scaled by a 4.9389 CTM (ofdrw's
    /// testImageNotFound.ofd): 1 unit of advance is 4.9389 mm on the page.
    #[test]
    fn size_one_text_scaled_by_its_ctm() {
        let (g, _) = page_glyphs(
            r#"<Page><Content><Layer><TextObject CTM="4.9389 0 0 4.9389 0 0"
               Boundary="15.4402 71.317 36.8787 4.766" Size="1">
               <TextCode X="0" Y="0.795" DeltaX="1 1">应遵守</TextCode></TextObject></Layer></Content></Page>"#,
        );
        let close = |a: f32, b: f32| (a - b).abs() < 1e-3;
        let want = [(15.4402, "应"), (20.3791, "遵"), (25.318, "守")];
        for (g, (x, text)) in g.iter().zip(want) {
            assert_eq!(g.text, text);
            assert!(close(g.x, x), "{} at {}", g.text, g.x);
            assert!(close(g.y, 71.317 + 0.795 * 4.9389), "{}", g.y);
            assert!(close(g.size, 4.9389) && close(g.width, 4.9389), "{g:?}");
        }
    }

    #[test]
    fn glyph_only_text_and_nesting_limit_warn() {
        let (g, w) = page_glyphs(
            r#"<Page><Content><Layer><TextObject Boundary="0 0 1 1" Size="3">
               <CGTransform CodePosition="0" CodeCount="0" GlyphCount="3"><Glyphs>1 2 3</Glyphs></CGTransform>
               <TextCode X="0" Y="1"></TextCode></TextObject></Layer></Content></Page>"#,
        );
        assert!(g.is_empty());
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].code, Code::UnreliableText);
        let deep = format!(
            "<Page><Content><Layer>{}<TextObject Boundary=\"0 0 1 1\" Size=\"3\"><TextCode X=\"0\" Y=\"1\">深</TextCode></TextObject>{}</Layer></Content></Page>",
            "<PageBlock>".repeat(MAX_BLOCK_DEPTH + 2),
            "</PageBlock>".repeat(MAX_BLOCK_DEPTH + 2)
        );
        let (g, w) = page_glyphs(&deep);
        assert!(g.is_empty());
        assert_eq!(w[0].code, Code::LimitReached);
    }

    #[test]
    fn composite_objects_draw_their_unit_and_self_reference_is_bounded() {
        let unit = r#"<CompositeGraphicUnit ID="U"><Content>
            <TextObject Boundary="4 6 10 10" Size="4"><TextCode X="0" Y="2">合</TextCode></TextObject>
            <CompositeObject ResourceID="U" Boundary="0 0 1 1"/><CompositeObject ResourceID="U" Boundary="0 0 1 1"/>
            </Content></CompositeGraphicUnit>"#;
        let (g, w) = page_glyphs_with(
            r#"<Page><Content><Layer><CompositeObject ResourceID="U" Boundary="10 20 100 100" CTM="0.5 0 0 0.5 0 0"/>
               <CompositeObject ResourceID="missing" Boundary="0 0 1 1"/></Layer></Content></Page>"#,
            &[unit],
        );
        // Unit point (0, 2) in a text box at (4, 6) → (4, 8), scaled by 0.5 → (2, 4), then
        // offset by the composite's box (10, 20).
        assert_eq!((g[0].x, g[0].y, g[0].size), (12.0, 24.0, 2.0));
        assert!(g.len() < 1000);
        assert!(w.iter().any(|w| w.code == Code::LimitReached), "{w:?}");
    }

    #[test]
    fn invisible_objects_are_skipped() {
        let (g, _) = page_glyphs(
            r#"<Page><Content><Layer>
               <TextObject Boundary="0 0 9 9" Size="3" Visible="false"><TextCode X="0" Y="1">隐</TextCode></TextObject>
               <PageBlock Visible="false"><TextObject Boundary="0 0 9 9" Size="3"><TextCode X="0" Y="1">藏</TextCode></TextObject></PageBlock>
               <TextObject Boundary="0 0 9 9" Size="3" Visible="true"><TextCode X="0" Y="1">显</TextCode></TextObject>
               </Layer></Content></Page>"#,
        );
        let texts: Vec<&str> = g.iter().map(|g| g.text.as_str()).collect();
        assert_eq!(texts, vec!["显"]);
    }

    #[test]
    fn huge_glyph_counts_do_not_loop() {
        let (g, _) = page_glyphs(
            r#"<Page><Content><Layer><TextObject Boundary="0 0 1 1" Size="3">
               <CGTransform CodePosition="0" CodeCount="1" GlyphCount="99999999999"><Glyphs>1</Glyphs></CGTransform>
               <TextCode X="0" Y="1" DeltaX="g 99999999999 1">甲乙</TextCode></TextObject></Layer></Content></Page>"#,
        );
        // 甲 stands for at most MAX_GROUP_GLYPHS glyphs of advance 1 each.
        assert_eq!(g.len(), 2);
        assert_eq!(g[1].x, MAX_GROUP_GLYPHS as f32);
    }

    #[test]
    fn red_fill() {
        let red =
            |v: &str| is_red(&xml::parse(format!("<C Value=\"{v}\"/>").as_bytes(), 2).unwrap());
        assert!(red("#ee #20 #25"));
        assert!(red("238 32 37"));
        assert!(red("255 0 0"));
        assert!(red("0 255 255 0"));
        assert!(!red("0 0 0"));
        assert!(!red("156 82 35"));
        assert!(!red("#zz"));
    }
}
