//! The content-stream interpreter: text and graphics state in, positioned glyphs out.
//!
//! Only what places text is interpreted: text state (`Tf Tc Tw Tz TL Ts`), text positioning
//! (`Td TD Tm T*`), text showing (`Tj TJ ' "`), the graphics state stack (`q Q cm`) and form
//! XObjects (`Do`); for the style of the text, the fill colour in the device colour spaces
//! (`g rg k cs sc scn`) and the render mode (`Tr`). Paths and images are skipped; images are
//! counted so that image-only pages can be reported.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::font::{Decoded, Font};
use super::lexer::{Lexer, Operand};
use super::obj;
use crate::read::geom::Matrix;
use crate::read::layout::{is_red, Color, Glyph, Style, Styles};

/// Per-font tallies used to judge whether a font's text can be trusted.
#[derive(Debug, Clone, Default)]
pub(crate) struct FontStats {
    /// Glyphs drawn.
    pub glyphs: u64,
    /// Glyphs with no Unicode text.
    pub unmapped: u64,
    /// The text drawn (first few thousand characters).
    pub sample: String,
    /// Pages the font was used on.
    pub pages: Vec<u32>,
}

/// The fonts of a document, loaded once and shared by its pages, and the text styles drawn
/// with them.
#[derive(Debug, Default)]
pub(crate) struct FontTable {
    /// Loaded fonts.
    pub fonts: Vec<Font>,
    /// Tallies, parallel to `fonts`.
    pub stats: Vec<FontStats>,
    /// Text styles; a glyph's `style` indexes this.
    pub styles: Styles,
    by_id: HashMap<ObjectId, u32>,
    by_addr: HashMap<usize, u32>,
    /// Style ids by (font, filled and stroked, red fill).
    style_ids: HashMap<(u32, bool, bool), u32>,
}

impl FontTable {
    fn get(&mut self, doc: &Document, entry: &Object, limit: usize) -> Option<u32> {
        if let Object::Reference(id) = entry {
            if let Some(&i) = self.by_id.get(id) {
                return Some(i);
            }
            let dict = obj::dict(doc, Some(entry))?;
            let i = self.push(Font::load(doc, dict, limit));
            self.by_id.insert(*id, i);
            return Some(i);
        }
        let dict = obj::dict(doc, Some(entry))?;
        // Direct font dictionaries live as long as the document: their address is a key.
        let addr = dict as *const Dictionary as usize;
        if let Some(&i) = self.by_addr.get(&addr) {
            return Some(i);
        }
        let i = self.push(Font::load(doc, dict, limit));
        self.by_addr.insert(addr, i);
        Some(i)
    }

    /// The style id of text in font `font`, drawn filled and stroked (render mode 2, which
    /// producers use for fake bold) or not, in red or not.
    fn style(&mut self, font: u32, stroked: bool, red: bool) -> u32 {
        if let Some(&id) = self.style_ids.get(&(font, stroked, red)) {
            return id;
        }
        let f = self.fonts.get(font as usize);
        let id = self.styles.id(Style {
            font: f.and_then(|f| f.family.clone()),
            bold: stroked || f.is_some_and(|f| f.bold),
            red,
        });
        self.style_ids.insert((font, stroked, red), id);
        id
    }

    /// The style ids text in any of `fonts` (indices into [`FontTable::fonts`]) was drawn with.
    pub(crate) fn styles_of(&self, fonts: &[usize]) -> HashSet<u32> {
        self.style_ids
            .iter()
            .filter(|((f, _, _), _)| fonts.contains(&(*f as usize)))
            .map(|(_, &id)| id)
            .collect()
    }

    fn push(&mut self, font: Font) -> u32 {
        self.fonts.push(font);
        self.stats.push(FontStats::default());
        (self.fonts.len() - 1) as u32
    }
}

/// What one page gave.
#[derive(Debug, Default)]
pub(crate) struct PageOut {
    /// Glyphs in content order.
    pub glyphs: Vec<Glyph>,
    /// Image XObjects and inline images drawn.
    pub images: u32,
    /// The image XObjects drawn, with the CTM they were drawn with (at most `MAX_IMAGE_USES`;
    /// inline images are counted in `images` only).
    pub image_uses: Vec<ImageUse>,
    /// The operation limit stopped the page.
    pub ops_limited: bool,
    /// A form XObject was skipped (nesting too deep or a cycle).
    pub forms_skipped: u32,
    /// Content streams over the size limit.
    pub streams_skipped: u32,
}

/// An image drawn on a page: its stream and the matrix mapping its unit square (y up, as in
/// PDF) to the page's visual space.
#[derive(Debug, Clone)]
pub(crate) struct ImageUse {
    pub source: ImageSource,
    pub ctm: Matrix,
}

/// Where an image's stream is.
#[derive(Debug, Clone)]
pub(crate) enum ImageSource {
    /// An image XObject.
    Object(ObjectId),
    /// An inline image (`BI … ID … EI`), its dictionary spelt out as an XObject's.
    Inline(Box<lopdf::Stream>),
}

/// Most image placements recorded per page: a page tiled from thousands of images is not a scan.
const MAX_IMAGE_USES: usize = 4096;

#[derive(Debug, Clone)]
struct GState {
    ctm: Matrix,
    font: Option<u32>,
    size: f32,
    tc: f32,
    tw: f32,
    tz: f32,
    tl: f32,
    ts: f32,
    /// The fill colour space and colour; `None` for spaces other than the device ones.
    fill_space: Option<Space>,
    fill: Option<Color>,
    /// Text render mode (`Tr`).
    render: i64,
}

/// A device colour space.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Space {
    Gray,
    Rgb,
    Cmyk,
}

impl GState {
    /// The initial state: black fill in DeviceGray, text filled.
    fn new(ctm: Matrix) -> Self {
        GState {
            ctm,
            font: None,
            size: 0.0,
            tc: 0.0,
            tw: 0.0,
            tz: 1.0,
            tl: 0.0,
            ts: 0.0,
            fill_space: Some(Space::Gray),
            fill: Some(Color::Gray(0.0)),
            render: 0,
        }
    }

    /// `cs`: a new fill space, with its initial colour (black).
    fn set_fill_space(&mut self, name: Option<&Operand>) {
        self.fill_space = match name {
            Some(Operand::Name(n)) => match n.as_slice() {
                b"DeviceGray" => Some(Space::Gray),
                b"DeviceRGB" => Some(Space::Rgb),
                b"DeviceCMYK" => Some(Space::Cmyk),
                _ => None,
            },
            _ => None,
        };
        self.fill = self.fill_space.map(|s| match s {
            Space::Gray => Color::Gray(0.0),
            Space::Rgb => Color::Rgb([0.0; 3]),
            Space::Cmyk => Color::Cmyk([0.0, 0.0, 0.0, 1.0]),
        });
    }

    /// `g`, `rg`, `k` (with their space) or `sc`/`scn` (in the current space): a colour whose
    /// components match the space, else unknown (patterns, separations, ICC spaces).
    fn set_fill(&mut self, space: Option<Space>, ops: &[Operand]) {
        let v: Vec<f32> = ops
            .iter()
            .map(|o| match o {
                Operand::Num(v) => Some(v.clamp(0.0, 1.0)),
                _ => None,
            })
            .collect::<Option<Vec<f32>>>()
            .unwrap_or_default();
        if space.is_some() {
            self.fill_space = space;
        }
        self.fill = match (self.fill_space, v.as_slice()) {
            (Some(Space::Gray), &[g]) => Some(Color::Gray(g)),
            (Some(Space::Rgb), &[r, g, b]) => Some(Color::Rgb([r, g, b])),
            (Some(Space::Cmyk), &[c, m, y, k]) => Some(Color::Cmyk([c, m, y, k])),
            _ => None,
        };
    }
}

/// Runs content streams of one page.
pub(crate) struct Interp<'a> {
    doc: &'a Document,
    fonts: &'a mut FontTable,
    page: u32,
    ops_left: u64,
    max_depth: u64,
    stream_limit: usize,
    forms: Vec<ObjectId>,
    form_cache: HashMap<ObjectId, Rc<Vec<u8>>>,
    decoded: Vec<Decoded>,
    /// Open marked-content sequences: `Some((text, first glyph index))` for `/ActualText`.
    marked: Vec<Option<(String, usize)>>,
    /// The page's result.
    pub out: PageOut,
}

fn num(ops: &[Operand], i: usize) -> f32 {
    match ops.get(i) {
        Some(Operand::Num(v)) => *v,
        _ => 0.0,
    }
}

impl<'a> Interp<'a> {
    /// An interpreter for page `page`.
    pub fn new(
        doc: &'a Document,
        fonts: &'a mut FontTable,
        page: u32,
        limits: &crate::options::Limits,
    ) -> Self {
        Interp {
            doc,
            fonts,
            page,
            ops_left: limits.ops_per_page,
            max_depth: limits.xobject_depth,
            stream_limit: usize::try_from(limits.stream_bytes).unwrap_or(usize::MAX),
            forms: Vec::new(),
            form_cache: HashMap::new(),
            decoded: Vec::new(),
            marked: Vec::new(),
            out: PageOut::default(),
        }
    }

    /// Interpret `content` with `resources`, starting from `ctm` (which maps user space to the
    /// page's visual, y-down space).
    pub fn run(
        &mut self,
        content: &[u8],
        resources: Option<&'a Dictionary>,
        ctm: Matrix,
        depth: u64,
    ) {
        self.run_in(content, resources, GState::new(ctm), depth);
    }

    /// Interpret `content` from the graphics state `gs`.
    fn run_in(
        &mut self,
        content: &[u8],
        resources: Option<&'a Dictionary>,
        mut gs: GState,
        depth: u64,
    ) {
        // Scanning bytes costs too: a form drawn thousands of times over a stream of nothing
        // but white space would otherwise run long without a single operator.
        let scan_cost = content.len() as u64 / 256;
        if scan_cost >= self.ops_left {
            self.ops_left = 0;
            self.out.ops_limited = true;
            return;
        }
        self.ops_left -= scan_cost;
        let mut stack: Vec<GState> = Vec::new();
        let (mut tm, mut tlm) = (Matrix::IDENTITY, Matrix::IDENTITY);
        let mut lexer = Lexer::new(content);
        let mut ops = Vec::new();
        while let Some(op) = lexer.next_op(&mut ops) {
            if self.ops_left == 0 {
                self.out.ops_limited = true;
                return;
            }
            self.ops_left -= 1;
            // The document's memory budget: `read` reports the breach once the page ends.
            if self.ops_left.is_multiple_of(4096) && crate::memory::check().is_err() {
                return;
            }
            match op {
                // A bounded stack: hostile streams may push without popping.
                b"q" if stack.len() < 256 => stack.push(gs.clone()),
                b"Q" => {
                    if let Some(s) = stack.pop() {
                        gs = s;
                    }
                }
                b"cm" => {
                    let m = Matrix([
                        num(&ops, 0),
                        num(&ops, 1),
                        num(&ops, 2),
                        num(&ops, 3),
                        num(&ops, 4),
                        num(&ops, 5),
                    ]);
                    gs.ctm = m.then(gs.ctm);
                }
                b"BT" => {
                    tm = Matrix::IDENTITY;
                    tlm = Matrix::IDENTITY;
                }
                b"Tf" => {
                    gs.size = num(&ops, 1);
                    gs.font = match ops.first() {
                        Some(Operand::Name(n)) => self.font(resources, n),
                        _ => None,
                    };
                }
                b"g" => gs.set_fill(Some(Space::Gray), &ops),
                b"rg" => gs.set_fill(Some(Space::Rgb), &ops),
                b"k" => gs.set_fill(Some(Space::Cmyk), &ops),
                b"cs" => gs.set_fill_space(ops.first()),
                b"sc" | b"scn" => gs.set_fill(None, &ops),
                b"Tr" => gs.render = num(&ops, 0) as i64,
                b"Tc" => gs.tc = num(&ops, 0),
                b"Tw" => gs.tw = num(&ops, 0),
                b"Tz" => gs.tz = num(&ops, 0) / 100.0,
                b"TL" => gs.tl = num(&ops, 0),
                b"Ts" => gs.ts = num(&ops, 0),
                b"Td" | b"TD" => {
                    let (tx, ty) = (num(&ops, 0), num(&ops, 1));
                    if op == b"TD" {
                        gs.tl = -ty;
                    }
                    tlm = Matrix::translate(tx, ty).then(tlm);
                    tm = tlm;
                }
                b"Tm" => {
                    tlm = Matrix([
                        num(&ops, 0),
                        num(&ops, 1),
                        num(&ops, 2),
                        num(&ops, 3),
                        num(&ops, 4),
                        num(&ops, 5),
                    ]);
                    tm = tlm;
                }
                b"T*" => {
                    tlm = Matrix::translate(0.0, -gs.tl).then(tlm);
                    tm = tlm;
                }
                b"Tj" => {
                    if let Some(Operand::Str(s)) = ops.first() {
                        self.show(s, &gs, &mut tm);
                    }
                }
                b"'" | b"\"" => {
                    if op == b"\"" {
                        gs.tw = num(&ops, 0);
                        gs.tc = num(&ops, 1);
                    }
                    tlm = Matrix::translate(0.0, -gs.tl).then(tlm);
                    tm = tlm;
                    if let Some(Operand::Str(s)) = ops.last() {
                        self.show(s, &gs, &mut tm);
                    }
                }
                b"TJ" => {
                    if let Some(Operand::Array(items)) = ops.first() {
                        for item in items {
                            match item {
                                Operand::Str(s) => self.show(s, &gs, &mut tm),
                                Operand::Num(n) => {
                                    let d = -n / 1000.0 * gs.size;
                                    let vertical = self.is_vertical(&gs);
                                    let t = if vertical {
                                        Matrix::translate(0.0, d)
                                    } else {
                                        Matrix::translate(d * gs.tz, 0.0)
                                    };
                                    tm = t.then(tm);
                                }
                                _ => {}
                            }
                        }
                    }
                }
                b"Do" => {
                    if let Some(Operand::Name(n)) = ops.first() {
                        self.xobject(resources, n, &gs, depth);
                    }
                }
                b"EI" => {
                    self.out.images += 1;
                    if self.out.image_uses.len() < MAX_IMAGE_USES {
                        let data = lexer.inline_image_data();
                        let stream = super::images::inline_stream(self.doc, &ops, data, resources);
                        self.out.image_uses.push(ImageUse {
                            source: ImageSource::Inline(Box::new(stream)),
                            ctm: gs.ctm,
                        });
                    }
                }
                b"BMC" | b"BDC" if self.marked.len() < 256 => {
                    let actual = match ops.get(1) {
                        Some(Operand::Dict(items)) => items.iter().find_map(|(k, v)| match v {
                            Operand::Str(s) if k == b"ActualText" => Some(obj::text_string(s)),
                            _ => None,
                        }),
                        _ => None,
                    };
                    self.marked.push(actual.map(|t| (t, self.out.glyphs.len())));
                }
                b"EMC" => {
                    if let Some(Some((text, start))) = self.marked.pop() {
                        self.replace_with_actual_text(text, start);
                    }
                }
                _ => {}
            }
        }
    }

    /// `/ActualText` says what the glyphs drawn since `start` mean (a ligature, a character
    /// built from pieces): they become one glyph with that text, where the first one stood.
    fn replace_with_actual_text(&mut self, text: String, start: usize) {
        let Some(first) = self.out.glyphs.get(start).cloned() else {
            return;
        };
        let width = self.out.glyphs.iter().skip(start).map(|g| g.width).sum();
        self.out.glyphs.truncate(start);
        if !text.is_empty() {
            self.out.glyphs.push(Glyph {
                text,
                width,
                ..first
            });
        }
    }

    fn is_vertical(&self, gs: &GState) -> bool {
        gs.font
            .and_then(|f| self.fonts.fonts.get(f as usize))
            .is_some_and(|f| f.vertical)
    }

    fn font(&mut self, resources: Option<&'a Dictionary>, name: &[u8]) -> Option<u32> {
        let fonts = obj::dict(self.doc, resources?.get(b"Font").ok())?;
        let entry = fonts.get(name).ok()?;
        self.fonts.get(self.doc, entry, self.stream_limit)
    }

    fn xobject(&mut self, resources: Option<&'a Dictionary>, name: &[u8], gs: &GState, depth: u64) {
        let doc = self.doc;
        let Some(xobjects) = resources.and_then(|r| obj::dict(doc, r.get(b"XObject").ok())) else {
            return;
        };
        let Ok(entry) = xobjects.get(name) else {
            return;
        };
        let id = entry.as_reference().ok();
        let Some(Object::Stream(stream)) = obj::deref(doc, Some(entry)) else {
            return;
        };
        match stream
            .dict
            .get(b"Subtype")
            .ok()
            .and_then(|o| o.as_name().ok())
        {
            Some(b"Image") => {
                self.out.images += 1;
                if let Some(id) = id.filter(|_| self.out.image_uses.len() < MAX_IMAGE_USES) {
                    self.out.image_uses.push(ImageUse {
                        source: ImageSource::Object(id),
                        ctm: gs.ctm,
                    });
                }
                return;
            }
            Some(b"Form") => {}
            _ => return,
        }
        if depth + 1 > self.max_depth || id.is_some_and(|id| self.forms.contains(&id)) {
            self.out.forms_skipped += 1;
            return;
        }
        // Forms drawn many times are decoded once per page.
        let content = match id.and_then(|id| self.form_cache.get(&id)) {
            Some(c) => Rc::clone(c),
            None => {
                let Ok(c) = stream.get_plain_content_with_limit(self.stream_limit) else {
                    self.out.streams_skipped += 1;
                    return;
                };
                let c = Rc::new(c);
                if let Some(id) = id {
                    self.form_cache.insert(id, Rc::clone(&c));
                }
                c
            }
        };
        let m = obj::deref(doc, stream.dict.get(b"Matrix").ok())
            .and_then(|o| o.as_array().ok())
            .map(|a| {
                a.iter()
                    .map(|v| obj::number(doc, Some(v)).unwrap_or(0.0))
                    .collect::<Vec<f32>>()
            })
            .and_then(|v| <[f32; 6]>::try_from(v).ok().map(Matrix))
            .unwrap_or(Matrix::IDENTITY);
        let res = obj::dict(doc, stream.dict.get(b"Resources").ok()).or(resources);
        if let Some(id) = id {
            self.forms.push(id);
        }
        // A form starts with the caller's colour and render mode (it draws in the caller's ink)
        // but, as before, a fresh text state.
        let inner = GState {
            fill_space: gs.fill_space,
            fill: gs.fill,
            render: gs.render,
            ..GState::new(m.then(gs.ctm))
        };
        self.run_in(&content, res, inner, depth + 1);
        if id.is_some() {
            self.forms.pop();
        }
    }

    fn show(&mut self, bytes: &[u8], gs: &GState, tm: &mut Matrix) {
        let Some(fi) = gs.font else {
            return;
        };
        let style = self
            .fonts
            .style(fi, gs.render == 2, gs.fill.is_some_and(is_red));
        let Some(font) = self.fonts.fonts.get(fi as usize) else {
            return;
        };
        let vertical = font.vertical;
        let em = gs.size * font.size_scale;
        self.decoded.clear();
        font.decode(bytes, &mut self.decoded);
        let page = self.page;
        let Some(stats) = self.fonts.stats.get_mut(fi as usize) else {
            return;
        };
        if stats.pages.last() != Some(&page) {
            stats.pages.push(page);
        }
        // Drained, not borrowed: each glyph takes its decoded text instead of a clone of it
        // (one allocation per glyph less; the buffer is cleared before every decode anyway).
        for d in self.decoded.drain(..) {
            // Every glyph costs an operation: one `Tj` can carry millions of codes.
            if self.ops_left == 0 {
                self.out.ops_limited = true;
                return;
            }
            self.ops_left -= 1;
            let m = tm.then(gs.ctm);
            let (sx, sy) = m.scales();
            let spacing = gs.tc + if d.space { gs.tw } else { 0.0 };
            stats.glyphs += 1;
            if d.text.is_empty() {
                stats.unmapped += 1;
            } else if stats.sample.len() < 16_384 {
                stats.sample.push_str(&d.text);
            }
            if vertical {
                let (x, y) = m.apply(-d.width * gs.size / 2.0, 0.0);
                if !d.text.is_empty() {
                    self.out.glyphs.push(Glyph {
                        text: d.text,
                        x,
                        y: y + gs.size * sy,
                        width: d.width * gs.size * sx,
                        size: em * sy,
                        style,
                        vertical: true,
                        turn: turn(m),
                    });
                }
                let ty = -gs.size + spacing;
                *tm = Matrix::translate(0.0, ty).then(*tm);
            } else {
                let tx = (d.width * gs.size + spacing) * gs.tz;
                let (x, y) = m.apply(0.0, gs.ts);
                if !d.text.is_empty() {
                    self.out.glyphs.push(Glyph {
                        text: d.text,
                        x,
                        y,
                        width: tx * sx,
                        size: em * sy,
                        style,
                        vertical: false,
                        turn: turn(m),
                    });
                }
                *tm = Matrix::translate(tx, 0.0).then(*tm);
            }
        }
    }
}

/// Quarter turns (clockwise on the page) of the baseline a glyph drawn with the text-to-page
/// matrix `m` runs along: text turned by a `cm` or a `Tm` (a landscape table set sideways, a
/// label up the margin); [`OBLIQUE`](crate::read::layout::OBLIQUE) for a baseline at another
/// angle (the letters on a seal's ring). Mirrored text (a reflection, not a rotation) stays 0:
/// it is read as before, in the page's frame.
fn turn(m: Matrix) -> u8 {
    let [a, b, c, d, _, _] = m.0;
    let len = a.hypot(b);
    // Page space points down, so an unmirrored matrix has a negative determinant.
    if len.is_nan() || len <= 0.0 || a * d - b * c >= 0.0 {
        return 0;
    }
    let tolerance = len * 0.02;
    match (a, b) {
        (a, b) if b.abs() <= tolerance => {
            if a > 0.0 {
                0
            } else {
                2
            }
        }
        (a, b) if a.abs() <= tolerance => {
            if b > 0.0 {
                1
            } else {
                3
            }
        }
        _ => crate::read::layout::OBLIQUE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::dictionary;

    /// The style of the one glyph `content` draws in Helvetica `/F1` (red, bold).
    fn drawn_style(content: &str) -> (bool, bool) {
        let doc = Document::new();
        let resources = dictionary! {
            "Font" => dictionary! {
                "F1" => dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" },
            },
        };
        let mut fonts = FontTable::default();
        let limits = crate::options::Limits::default();
        let mut it = Interp::new(&doc, &mut fonts, 1, &limits);
        let text = format!("{content} BT /F1 12 Tf 72 700 Td (a) Tj ET");
        it.run(text.as_bytes(), Some(&resources), Matrix::IDENTITY, 0);
        let style = it.out.glyphs.first().map(|g| g.style).unwrap_or(u32::MAX);
        let s = fonts.styles.list().get(style as usize).cloned();
        let s = s.unwrap_or_else(|| panic!("{content}: no glyph or style"));
        assert_eq!(s.font.as_deref(), Some("Helvetica"));
        (s.red, s.bold)
    }

    #[test]
    fn quarter_turns_of_the_baseline() {
        // Page space points down: the page matrix of an unrotated page is [1 0 0 -1 0 h].
        let page = Matrix([1.0, 0.0, 0.0, -1.0, 0.0, 842.0]);
        let cases: &[([f32; 4], u8)] = &[
            ([1.0, 0.0, 0.0, 1.0], 0),   // upright
            ([-1.0, 0.0, 0.0, -1.0], 2), // upside down
            ([0.0, -1.0, 1.0, 0.0], 1),  // running down the page
            ([0.0, 1.0, -1.0, 0.0], 3),  // running up the page
            ([-1.0, 0.0, 0.0, 1.0], 0),  // mirrored: read as drawn
            ([0.0, 1.0, 1.0, 0.0], 0),   // mirrored quarter turn
            ([0.8, 0.6, -0.6, 0.8], crate::read::layout::OBLIQUE),
            ([0.0, 0.0, 0.0, 0.0], 0), // degenerate
        ];
        for &([a, b, c, d], want) in cases {
            let m = Matrix([a, b, c, d, 100.0, 100.0]).then(page);
            assert_eq!(turn(m), want, "{:?}", [a, b, c, d]);
        }
    }

    #[test]
    fn fill_colour_and_render_mode_give_the_style() {
        let cases: &[(&str, (bool, bool))] = &[
            ("", (false, false)),
            ("1 0 0 rg", (true, false)),
            ("0.93 0.13 0.15 rg", (true, false)),
            ("0.61 0.32 0.14 rg", (false, false)),
            ("0 1 1 0 k", (true, false)),
            ("1 g", (false, false)),
            ("1 0 0 rg 0 g", (false, false)),
            ("/DeviceRGB cs 1 0 0 sc", (true, false)),
            ("/DeviceCMYK cs 0 1 1 0 scn", (true, false)),
            // `cs` starts the new space at black; other spaces are not judged.
            ("1 0 0 rg /DeviceRGB cs", (false, false)),
            ("/CS0 cs 1 0 0 sc", (false, false)),
            ("/Pattern cs /P0 scn", (false, false)),
            ("/DeviceRGB cs 1 0 sc", (false, false)),
            ("q 1 0 0 rg Q", (false, false)),
            ("2 Tr", (false, true)),
            ("1 0 0 rg 2 Tr", (true, true)),
            ("2 Tr 0 Tr", (false, false)),
        ];
        for (content, want) in cases {
            assert_eq!(drawn_style(content), *want, "{content:?}");
        }
    }
}
