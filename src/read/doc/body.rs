//! Characters of the main document → paragraph and table blocks.
//!
//! A paragraph ends at `0x0D` (or a section break `0x0C`); in a table a cell ends at `0x07`,
//! and a `0x07` whose paragraph properties carry `sprmPFTtp` ends the row, its `sprmTDefTable`
//! giving the cell edges (so merged cells get their `col_span`) and vertical-merge flags.
//! Fields `0x13 code 0x14 result 0x15` show their result (page-number fields show nothing),
//! nested to any depth. Hidden text and tracked deletions are dropped. Numbered paragraphs
//! start with the label the list definitions give, as in the DOCX reader.

use std::collections::BTreeSet;

use super::fkp::{find, Run};
use super::pieces::Clx;
use super::sprm::{Chr, Para, RowDef};
use super::styles::Styles;
use crate::model::{Align, Block, Hints};
use crate::read::docx::numbering::{Label, Numbering};
use crate::read::docx::table::{table_block, CellBuild, TableBuild, VMerge};

/// Deepest field nesting followed; deeper field marks are treated as plain separators.
const MAX_FIELD_DEPTH: usize = 64;
/// `ilfo` 2047 switches off a list inherited from the style.
const ILFO_NONE: i16 = 0x07FF;

/// What the reader extracted, borrowed.
pub(crate) struct Doc<'a> {
    pub(crate) text: &'a [u16],
    /// The CP of `text[0]`: 0 for the main document, the story's start for a note.
    pub(crate) base: usize,
    pub(crate) clx: &'a Clx,
    pub(crate) styles: &'a Styles,
    pub(crate) papx: &'a [Run<'a>],
    pub(crate) chpx: &'a [Run<'a>],
    pub(crate) fonts: &'a [String],
    /// What Word shows for the auto-numbered note references (`0x02`), by CP (see
    /// [`super::notes::marks`]); empty in a note's own story.
    pub(crate) marks: &'a [(usize, String)],
}

#[derive(Debug)]
struct Field {
    code: String,
    in_result: bool,
}

impl Field {
    fn is_page_number(&self) -> bool {
        crate::read::docx::is_page_number_field(&self.code)
    }
}

/// Character statistics of one paragraph, for the layout hints.
#[derive(Debug, Default)]
struct Stats {
    total: usize,
    bold: usize,
    red: usize,
    sizes: Vec<(u16, usize)>,
    fonts: Vec<(u16, usize)>,
}

impl Stats {
    fn add(&mut self, c: &Chr) {
        self.total += 1;
        self.bold += usize::from(c.bold);
        self.red += usize::from(c.red);
        count(&mut self.sizes, c.size);
        count(&mut self.fonts, c.font());
    }
}

fn count(tally: &mut Vec<(u16, usize)>, key: Option<u16>) {
    let Some(k) = key else { return };
    match tally.iter_mut().find(|(v, _)| *v == k) {
        Some((_, n)) => *n += 1,
        None => tally.push((k, 1)),
    }
}

/// The most frequent key; ties go to the smaller key.
fn dominant(tally: &[(u16, usize)]) -> Option<u16> {
    tally
        .iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
        .map(|(v, _)| *v)
}

struct Reader<'a> {
    doc: &'a Doc<'a>,
    numbering: Numbering,
    fields: Vec<Field>,
    /// Field marks past `MAX_FIELD_DEPTH`, counted so their ends match.
    overflow: usize,
    /// Text a field without a result shows, taken when its end mark is read.
    field_text: Option<String>,
    table: Option<TableBuild>,
    /// Cell edges of each row of the open table, for the column grid.
    row_edges: Vec<Vec<i16>>,
    blocks: Vec<Block>,
    /// Per block, the CP (in `text`) where it ends, for anchoring note references.
    ends: Vec<usize>,
    /// Where the open table began.
    table_start: usize,
}

/// Blocks and, per block, the CP (relative to `Doc::text`) where it ends.
pub(crate) struct Blocks {
    pub(crate) blocks: Vec<Block>,
    pub(crate) ends: Vec<usize>,
}

impl Blocks {
    /// The block holding the character at `cp` (relative to `Doc::text`), or the first one
    /// after it when its paragraph gave no block (a paragraph holding only the reference).
    pub(crate) fn at(&self, cp: usize) -> Option<usize> {
        let i = self.ends.partition_point(|&end| end <= cp);
        (i < self.blocks.len()).then_some(i)
    }
}

/// Turn the characters of a story into blocks.
pub(crate) fn blocks(doc: &Doc<'_>, numbering: Numbering) -> Blocks {
    let mut r = Reader {
        doc,
        numbering,
        fields: Vec::new(),
        overflow: 0,
        field_text: None,
        table: None,
        row_edges: Vec::new(),
        blocks: Vec::new(),
        ends: Vec::new(),
        table_start: 0,
    };
    let mut start = 0usize;
    for (cp, &c) in doc.text.iter().enumerate() {
        if matches!(c, 0x0D | 0x07 | 0x0C) {
            r.paragraph(start, cp, c);
            start = cp + 1;
        }
    }
    if start < doc.text.len() {
        r.paragraph(start, doc.text.len(), 0x0D);
    }
    r.end_table(doc.text.len());
    Blocks {
        blocks: r.blocks,
        ends: r.ends,
    }
}

impl Reader<'_> {
    /// Paragraph properties at the mark `cp`: style, then the FKP's sprms, then the piece's.
    fn para_props(&self, cp: usize) -> (Para, Chr) {
        let cp = self.cp(cp);
        let run = self
            .doc
            .clx
            .fc_of(cp)
            .and_then(|fc| find(self.doc.papx, fc));
        let istd = run.map_or(0, |r| r.istd);
        let (mut para, chr) = self.doc.styles.props(istd);
        if let Some(r) = run {
            para.apply(r.grpprl);
        }
        if let Some(g) = self.prm(cp) {
            para.apply(g);
        }
        (para, chr)
    }

    /// The document CP of `text[i]`.
    fn cp(&self, i: usize) -> u32 {
        u32::try_from(self.doc.base.saturating_add(i)).unwrap_or(u32::MAX)
    }

    /// The `grpprl` of the property modifier of the piece holding `cp`.
    fn prm(&self, cp: u32) -> Option<&[u8]> {
        let i = self.doc.clx.piece_of(cp)?.prm_grpprl?;
        self.doc.clx.grpprls.get(usize::from(i)).map(Vec::as_slice)
    }

    /// One paragraph `[start, end)` ended by `mark` at `end`.
    fn paragraph(&mut self, start: usize, end: usize, mark: u16) {
        let (para, style_chr) = self.para_props(end);
        let mut stats = Stats::default();
        let body = self.visible_text(start, end, &style_chr, &mut stats);
        let label = self.label(&para);
        let body = body.trim_end_matches(['\n', '\r']);
        let mut text = String::new();
        let mut hints = Hints::default();
        if !body.trim().is_empty() {
            if let Some(l) = &label {
                text.push_str(&l.lead());
                hints.auto_numbered = true;
            }
            text.push_str(body);
        }
        hints.heading_level = match para.outline {
            Some(o) => (o < 9).then_some(o + 1),
            None => self.doc.styles.heading_level(para.istd),
        };
        // 0 (left) is Word's default, which LibreOffice writes on every paragraph: it says no
        // more than a DOCX paragraph without `w:jc`. Justified and distributed read as left.
        hints.align = match para.jc {
            Some(1) => Some(Align::Center),
            Some(2) => Some(Align::Right),
            Some(0) | None => None,
            Some(_) => Some(Align::Left),
        };
        fill_run_hints(&mut hints, &stats, &style_chr, self.doc.fonts);

        if para.in_table {
            if self.table.is_none() {
                self.table_start = start;
            }
            self.table_paragraph(&para, mark, text);
            return;
        }
        self.end_table(start);
        if !text.is_empty() {
            let mut b = Block::paragraph(text);
            b.hints = hints;
            self.blocks.push(b);
            self.ends.push(end + 1);
        }
    }

    /// The label of a numbered paragraph, counting it.
    fn label(&mut self, para: &Para) -> Option<Label> {
        let ilfo = para.ilfo.filter(|&i| i > 0 && i != ILFO_NONE)?;
        self.numbering
            .next_label(&ilfo.to_string(), para.ilvl.unwrap_or(0))
            .filter(|l| !l.text.is_empty())
    }

    /// The characters Word shows in `[start, end)`, fields resolved.
    fn visible_text(&mut self, start: usize, end: usize, style: &Chr, stats: &mut Stats) -> String {
        let mut out: Vec<u16> = Vec::with_capacity(end.saturating_sub(start));
        let mut run_at: Option<u32> = None;
        let mut chr = *style;
        let units = self.doc.text.get(start..end).unwrap_or(&[]);
        for (i, &u) in units.iter().enumerate() {
            let cp = self.cp(start + i);
            let run = self
                .doc
                .clx
                .fc_of(cp)
                .and_then(|fc| find(self.doc.chpx, fc));
            if run.map(|r| r.start) != run_at {
                run_at = run.map(|r| r.start);
                chr = *style;
                if let Some(r) = run {
                    chr.apply(r.grpprl);
                }
                if let Some(g) = self.prm(cp) {
                    chr.apply(g);
                }
            }
            if self.field_mark(u) {
                if let Some(t) = self.field_text.take() {
                    out.extend(t.encode_utf16());
                }
                continue;
            }
            if chr.hidden() {
                continue;
            }
            let shown = self
                .fields
                .iter()
                .all(|f| f.in_result && !f.is_page_number());
            if !shown {
                if let Some(f) = self.fields.last_mut().filter(|f| !f.in_result) {
                    if f.code.len() < 256 {
                        f.code
                            .extend(char::decode_utf16([u]).filter_map(|r| r.ok()));
                    }
                }
                continue;
            }
            match u {
                0x09 | 0x0B => out.push(if u == 0x09 { u } else { u16::from(b'\n') }),
                0x1E => out.push(u16::from(b'-')),
                // The optional hyphen: kept as U+00AD, the character it is (Word draws it only at
                // a line break); the normalizer deletes it with the other invisible characters.
                0x1F => out.push(0x00AD),
                // A note reference shows its number where Word prints it (superscript, here
                // inline); not counted in the run statistics, as its small type says nothing
                // of the paragraph's.
                0x02 => {
                    let at = self.doc.base.saturating_add(start + i);
                    if let Ok(k) = self.doc.marks.binary_search_by_key(&at, |(cp, _)| *cp) {
                        if let Some((_, mark)) = self.doc.marks.get(k) {
                            out.extend(mark.encode_utf16());
                        }
                    }
                }
                0x00..=0x1D => {}
                _ => {
                    // A symbol-font character is stored as `(` with the real code in
                    // `sprmCSymbol` (a private-use code such as U+F0B0, as Word shows it).
                    let u = chr.symbol.unwrap_or(u);
                    out.push(u);
                    if !char::from_u32(u32::from(u)).is_some_and(char::is_whitespace) {
                        stats.add(&chr);
                    }
                }
            }
        }
        String::from_utf16_lossy(&out)
    }

    /// Field begin/separator/end: update the field stack; true when `u` was one.
    fn field_mark(&mut self, u: u16) -> bool {
        match u {
            0x13 => {
                if self.fields.len() < MAX_FIELD_DEPTH {
                    self.fields.push(Field {
                        code: String::new(),
                        in_result: false,
                    });
                } else {
                    self.overflow += 1;
                }
            }
            0x14 => {
                if self.overflow == 0 {
                    if let Some(f) = self.fields.last_mut() {
                        f.in_result = true;
                    }
                }
            }
            0x15 => {
                if self.overflow > 0 {
                    self.overflow -= 1;
                } else if let Some(f) = self.fields.pop() {
                    let outer_shown = self.fields.iter().all(|f| f.in_result);
                    if !f.in_result && outer_shown {
                        self.field_text = eq_base_text(&f.code);
                    }
                }
            }
            _ => return false,
        }
        true
    }

    /// A paragraph inside a table: cell text, a cell end, or a row end.
    fn table_paragraph(&mut self, para: &Para, mark: u16, text: String) {
        let t = self.table.get_or_insert_with(|| {
            let mut t = TableBuild::default();
            t.start_row();
            t
        });
        if t.cell().is_none() {
            t.start_cell();
        }
        if mark == 0x07 && para.row_end {
            // The row-end mark: its row definition describes the cells just read.
            let row = para.row.clone().unwrap_or_default();
            if let Some((_, cells)) = t.rows.last_mut() {
                // The mark opened an empty cell of its own; it is not a cell.
                if cells.last().is_some_and(|c| c.paras.is_empty()) {
                    cells.pop();
                }
                apply_row_def(cells, &row);
            }
            self.row_edges.push(row.edges);
            t.start_row();
            return;
        }
        if let Some(c) = t.cell() {
            if !text.is_empty() {
                c.paras.push(text);
            }
        }
        if mark == 0x07 {
            t.start_cell();
        }
    }

    /// Close the open table, if any, and emit it; `end` is where the table ended.
    fn end_table(&mut self, end: usize) {
        let Some(mut t) = self.table.take() else {
            return;
        };
        let edges = std::mem::take(&mut self.row_edges);
        // Drop the row opened after the last row end, and any cell begun after the last mark.
        if t.rows
            .last()
            .is_some_and(|(_, cells)| cells.iter().all(|c| c.paras.is_empty()))
        {
            t.rows.pop();
        }
        place_on_grid(&mut t, &edges);
        let table = t.finish();
        if table.rows.iter().any(|r| !r.is_empty()) {
            self.blocks.push(table_block(table));
            self.ends.push(end.max(self.table_start + 1));
        }
    }
}

/// The base text of a phonetic guide, which Word stores as a field with no result:
/// `EQ \* jc2 \* hps10 \o\ad(\s\up 9(とうきょう),東京)` shows 東京 with the guide above it; the
/// base text is kept (as LibreOffice does), the guide is not body text.
fn eq_base_text(code: &str) -> Option<String> {
    let code = code.trim_start();
    if !code.get(..2).is_some_and(|k| k.eq_ignore_ascii_case("EQ")) || !code.contains("\\o") {
        return None;
    }
    let (_, base) = code.rsplit_once(',')?;
    let base = base.trim_end().trim_end_matches(')').trim();
    (!base.is_empty()).then(|| base.to_string())
}

/// Merge flags of the row definition onto the row's cells.
fn apply_row_def(cells: &mut Vec<CellBuild>, row: &RowDef) {
    for (c, def) in cells.iter_mut().zip(&row.cells) {
        c.vmerge = match (def.vert_merge, def.vert_restart) {
            (true, true) => Some(VMerge::Restart),
            (true, false) => Some(VMerge::Continue),
            _ => None,
        };
    }
    // Old-style horizontal merges: a merged cell continues the one before it.
    let merged: Vec<bool> = row.cells.iter().map(|d| d.merged).collect();
    let mut i = cells.len();
    while i > 1 {
        i -= 1;
        if merged.get(i).copied().unwrap_or(false) {
            let gone = cells.remove(i);
            if let Some(prev) = cells.get_mut(i - 1) {
                prev.span += gone.span.max(1);
                prev.paras.extend(gone.paras);
            }
        }
    }
}

/// Column spans and leading offsets from the cell edges of all rows: every distinct edge is
/// a grid line, and a cell spans the grid columns between its two edges.
fn place_on_grid(t: &mut TableBuild, edges: &[Vec<i16>]) {
    let grid: Vec<i16> = edges
        .iter()
        .flatten()
        .copied()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    for ((before, cells), row) in t.rows.iter_mut().zip(edges) {
        if row.len() != cells.len() + 1 || row.is_empty() {
            continue;
        }
        let col = |x: i16| grid.partition_point(|&g| g < x) as u32;
        *before = row.first().map_or(0, |&x| col(x));
        for (c, w) in cells.iter_mut().zip(row.windows(2)) {
            if let [a, b] = w {
                c.span = col(*b).saturating_sub(col(*a)).max(1);
            }
        }
    }
}

fn fill_run_hints(h: &mut Hints, s: &Stats, para_default: &Chr, fonts: &[String]) {
    let name = |i: u16| fonts.get(usize::from(i)).filter(|n| !n.is_empty()).cloned();
    if s.total == 0 {
        h.font = para_default.font().and_then(name);
        h.font_size = para_default.size.map(|v| f32::from(v) / 2.0);
        return;
    }
    h.font = dominant(&s.fonts).and_then(name);
    h.font_size = dominant(&s.sizes).map(|v| f32::from(v) / 2.0);
    h.bold = s.bold * 2 > s.total;
    h.red = s.red * 2 > s.total;
}
