//! RTF reader: paragraphs and tables of a Rich Text Format file, Chinese text decoded right.
//!
//! What it resolves:
//! - **Encodings.** `\'xx` escapes and raw 8-bit bytes are bytes in the code page of the font in
//!   effect (`\fcharsetN` / `\cpgN` in the font table: 134 → GBK, 136 → Big5, 128 → Shift_JIS …)
//!   or else the document's `\ansicpgN`. Consecutive bytes are decoded together, so a GBK
//!   character written as two escapes (`\'d5\'fb`) stays one character. `\uN` is a UTF-16 code
//!   unit (negative `N` counts from 65 536; surrogate pairs are joined) followed by `\ucN`
//!   fallback characters, which are skipped.
//! - **What is not body text.** `\*` destinations, the font, colour, style and list tables,
//!   `\info`, headers, footers, footnotes, pictures, objects and field instructions are skipped
//!   (a field's result is kept). List labels written as `\listtext`/`\pntext` are kept, as
//!   the DOCX reader renders Word's numbering.
//! - **Blocks.** A paragraph ends at `\par` (also `\sect`, `\page`); paragraphs marked `\intbl`
//!   collect into cells ending at `\cell` and rows at `\row`, merged cells (`\clmrg`,
//!   `\clvmgf`/`\clvmrg`) become spans. Alignment (`\qc`, `\qr`), font size (`\fsN`), bold,
//!   font name and a heading level from the paragraph's style (`Heading N`, `标题 N`,
//!   `\outlinelevelN`) are hints.
//!
//! # Errors
//! [`Error::LimitExceeded`] when groups nest deeper than `Limits::rtf_depth`. Anything else is
//! read leniently: undecodable bytes become U+FFFD with an `undecodable_bytes` warning.

use std::collections::HashMap;

use encoding_rs::{Encoding, UTF_16LE, WINDOWS_1252};

use crate::chars::is_cjk_punct;
use crate::error::{Error, Limit, Result};
use crate::model::{Align, Block, Code, Diagnostic, Format, Origin};
use crate::options::ReadOptions;
use crate::read::docx::{table_block, CellBuild, TableBuild, VMerge};
use crate::read::Extracted;

/// True when `bytes` starts like an RTF file (after an optional BOM and white space).
pub(crate) fn is_rtf(bytes: &[u8]) -> bool {
    let b = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = b.iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(0);
    b.get(start..).is_some_and(|b| b.starts_with(b"{\\rtf"))
}

/// Read an RTF file.
///
/// # Errors
/// See the [module documentation](self).
pub fn read(bytes: &[u8], opts: &ReadOptions) -> Result<Extracted> {
    let mut p = Parser::new(bytes, opts.limits.rtf_depth);
    p.run()?;
    let mut out = Extracted::new(Format::Rtf);
    if p.lossy {
        out.warnings.push(Diagnostic::new(
            Code::UndecodableBytes,
            "some bytes are not valid in the RTF's code page and were replaced by U+FFFD",
        ));
    }
    out.blocks = p.blocks;
    for (i, b) in out.blocks.iter_mut().enumerate() {
        b.origin = Origin::at(u32::try_from(i).unwrap_or(u32::MAX));
    }
    Ok(out)
}

/// What the current group holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dest {
    Body,
    /// Skipped entirely.
    Skip,
    FontTable,
    StyleSheet,
    /// A list label (`\listtext`, `\pntext`): body text without its tab.
    Label,
}

/// Group-scoped state (RTF restores it at `}`).
#[derive(Debug, Clone)]
struct State {
    dest: Dest,
    /// Fallback characters after `\uN`.
    uc: u32,
    font: Option<i32>,
    size: Option<f32>,
    bold: bool,
    align: Option<Align>,
    in_table: bool,
    style: Option<i32>,
    outline: Option<u8>,
}

/// A font-table or stylesheet entry being read.
#[derive(Debug, Default, Clone)]
struct Entry {
    name: String,
    /// A symbol font (`\fcharset2`, Symbol, Wingdings, OpenSymbol): its bytes are glyphs.
    symbol: bool,
    encoding: Option<&'static Encoding>,
    outline: Option<u8>,
}

/// A cell definition of the row being read (`\clvmgf`… `\cellx`).
#[derive(Debug, Default, Clone, Copy)]
struct CellDef {
    vmerge: Option<VMerge>,
    hmerge_continue: bool,
}

/// The paragraph being read.
#[derive(Debug, Default)]
struct Para {
    text: String,
    label: bool,
    /// Hints taken at the first character.
    first: Option<(Option<i32>, Option<f32>, bool)>,
}

struct Parser<'a> {
    input: &'a [u8],
    pos: usize,
    max_depth: u64,
    stack: Vec<State>,
    state: State,
    doc_encoding: &'static Encoding,
    default_font: Option<i32>,
    fonts: HashMap<i32, Entry>,
    styles: HashMap<i32, Entry>,
    /// The font or style entry being defined.
    entry: Option<(i32, Entry)>,
    /// Bytes waiting to be decoded together, with their encoding.
    pending: Vec<u8>,
    pending_enc: &'static Encoding,
    skip_fallback: u32,
    high_surrogate: Option<u16>,
    para: Para,
    table: Option<TableBuild>,
    /// Cells of the row being read, and paragraphs of the cell being read.
    row: Vec<CellBuild>,
    cell: Vec<String>,
    row_defs: Vec<CellDef>,
    next_def: CellDef,
    blocks: Vec<Block>,
    lossy: bool,
    /// Nothing but the `{` has been read in the current group.
    at_group_start: bool,
}

/// Destinations whose content is not body text.
const SKIPPED: &[&str] = &[
    "colortbl",
    "info",
    "header",
    "headerl",
    "headerr",
    "headerf",
    "footer",
    "footerl",
    "footerr",
    "footerf",
    "footnote",
    "pict",
    "object",
    "fldinst",
    "listtable",
    "listoverridetable",
    "revtbl",
    "rsidtbl",
    "xmlnstbl",
    "generator",
    "themedata",
    "colorschememapping",
    "datastore",
    "latentstyles",
    "pgdsctbl",
    "shpinst",
    "shppict",
    "nonshppict",
    "comment",
    "annotation",
    "atnid",
    "atnauthor",
    "bkmkstart",
    "bkmkend",
    "template",
    "docvar",
    "filetbl",
    "pn",
];

impl<'a> Parser<'a> {
    fn new(input: &'a [u8], max_depth: u64) -> Self {
        let state = State {
            dest: Dest::Body,
            uc: 1,
            font: None,
            size: None,
            bold: false,
            align: None,
            in_table: false,
            style: None,
            outline: None,
        };
        Parser {
            input,
            pos: 0,
            max_depth,
            stack: Vec::new(),
            state,
            doc_encoding: WINDOWS_1252,
            default_font: None,
            fonts: HashMap::new(),
            styles: HashMap::new(),
            entry: None,
            pending: Vec::new(),
            pending_enc: WINDOWS_1252,
            skip_fallback: 0,
            high_surrogate: None,
            para: Para::default(),
            table: None,
            row: Vec::new(),
            cell: Vec::new(),
            row_defs: Vec::new(),
            next_def: CellDef::default(),
            blocks: Vec::new(),
            lossy: false,
            at_group_start: false,
        }
    }

    fn run(&mut self) -> Result<()> {
        while let Some(&b) = self.input.get(self.pos) {
            self.pos += 1;
            match b {
                b'{' => {
                    self.open()?;
                    self.at_group_start = true;
                    continue;
                }
                b'}' => {
                    self.close();
                    // Bytes after the document's closing brace are not RTF (often padding or
                    // a damaged tail).
                    if self.stack.is_empty() {
                        break;
                    }
                }
                b'\\' => self.control(),
                b'\r' | b'\n' | 0 => {}
                b'\t' => self.text_char('\t'),
                _ => self.byte(b),
            }
            self.at_group_start = false;
        }
        self.flush();
        self.end_para();
        self.end_table();
        Ok(())
    }

    fn open(&mut self) -> Result<()> {
        self.flush();
        if self.stack.len() as u64 >= self.max_depth {
            return Err(Error::limit(Limit::RtfDepth, self.max_depth));
        }
        self.stack.push(self.state.clone());
        self.skip_fallback = 0;
        Ok(())
    }

    fn close(&mut self) {
        self.flush();
        self.skip_fallback = 0;
        let leaving = self.state.dest;
        if let Some(prev) = self.stack.pop() {
            if matches!(leaving, Dest::FontTable | Dest::StyleSheet)
                && prev.dest != leaving
                && self.entry.is_some()
            {
                self.store_entry(leaving);
            }
            if leaving == Dest::Label && prev.dest != Dest::Label {
                self.para.label = true;
            }
            self.state = prev;
        }
    }

    /// A control word, control symbol or `\'xx` escape (the backslash is consumed).
    fn control(&mut self) {
        let Some(&c) = self.input.get(self.pos) else {
            return;
        };
        if c == b'\'' {
            let hex = self.input.get(self.pos + 1..self.pos + 3);
            let value = hex
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            match value {
                Some(v) => {
                    self.pos += 3;
                    self.byte(v);
                }
                None => self.pos += 1,
            }
            return;
        }
        if !c.is_ascii_alphabetic() {
            self.pos += 1;
            self.symbol(c);
            return;
        }
        let start = self.pos;
        while self.pos - start < 32
            && self
                .input
                .get(self.pos)
                .is_some_and(u8::is_ascii_alphabetic)
        {
            self.pos += 1;
        }
        let word = std::str::from_utf8(self.input.get(start..self.pos).unwrap_or_default())
            .unwrap_or_default()
            .to_string();
        let num_start = self.pos;
        if self.input.get(self.pos) == Some(&b'-') {
            self.pos += 1;
        }
        while self.pos - num_start < 11 && self.input.get(self.pos).is_some_and(u8::is_ascii_digit)
        {
            self.pos += 1;
        }
        let digits = std::str::from_utf8(self.input.get(num_start..self.pos).unwrap_or_default())
            .unwrap_or_default();
        let param: Option<i32> = digits
            .parse::<i64>()
            .ok()
            .map(|n| n.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32);
        if self.input.get(self.pos) == Some(&b' ') {
            self.pos += 1;
        }
        self.word(&word, param);
    }

    fn symbol(&mut self, c: u8) {
        match c {
            b'\\' | b'{' | b'}' => self.byte(c),
            b'~' => self.text_char('\u{a0}'),
            b'_' => self.text_char('\u{2011}'),
            // The optional hyphen, kept as U+00AD as LibreOffice does; the normalizer drops it.
            b'-' => self.text_char('\u{ad}'),
            // `{\*\dest …}` is a destination to skip when not understood; a `\*` elsewhere
            // only marks the next control word as ignorable.
            b'*' if self.at_group_start => {
                self.flush();
                self.state.dest = Dest::Skip;
            }
            b'\r' | b'\n' => self.word("par", None),
            _ => {} // `\:` index sub-entry, `\|` formula character …
        }
    }

    fn word(&mut self, word: &str, param: Option<i32>) {
        self.flush();
        if self.state.dest == Dest::Skip {
            if word == "bin" {
                self.skip_binary(param);
            }
            return;
        }
        if SKIPPED.contains(&word) {
            self.state.dest = Dest::Skip;
            return;
        }
        let n = param.unwrap_or(1);
        match word {
            "ansicpg" => self.doc_encoding = codepage(n).unwrap_or(WINDOWS_1252),
            "mac" => self.doc_encoding = codepage(10000).unwrap_or(WINDOWS_1252),
            "deff" => self.default_font = param,
            "fonttbl" => self.state.dest = Dest::FontTable,
            "stylesheet" => self.state.dest = Dest::StyleSheet,
            "listtext" | "pntext" => self.state.dest = Dest::Label,
            "f" if self.state.dest == Dest::FontTable => self.start_entry(n),
            "s" | "cs" | "ds" | "ts" if self.state.dest == Dest::StyleSheet => self.start_entry(n),
            "fcharset" => {
                if let (Some((_, e)), 2) = (self.entry.as_mut(), n) {
                    e.symbol = true;
                }
                self.set_entry_encoding(charset(n));
            }
            "cpg" => self.set_entry_encoding(codepage(n)),
            "outlinelevel" if self.state.dest == Dest::StyleSheet => {
                if let Some((_, e)) = self.entry.as_mut() {
                    e.outline = u8::try_from(n.clamp(0, 8) + 1).ok();
                }
            }
            "outlinelevel" => self.state.outline = u8::try_from(n.clamp(0, 8) + 1).ok(),
            "f" => self.state.font = Some(n),
            "fs" => self.state.size = (n > 0).then(|| n as f32 / 2.0),
            "b" => self.state.bold = param != Some(0),
            "plain" => {
                self.state.font = None;
                self.state.size = None;
                self.state.bold = false;
            }
            "pard" => {
                self.state.align = None;
                self.state.in_table = false;
                self.state.style = None;
                self.state.outline = None;
            }
            "s" => self.state.style = Some(n),
            "qc" => self.state.align = Some(Align::Center),
            "qr" => self.state.align = Some(Align::Right),
            "ql" | "qj" | "qd" => self.state.align = Some(Align::Left),
            "intbl" => self.state.in_table = true,
            "uc" => self.state.uc = n.clamp(0, 16) as u32,
            "u" => self.unicode(n),
            "bin" => self.skip_binary(param),
            "par" | "sect" | "page" => self.end_para(),
            "line" => self.text_char('\n'),
            "tab" if self.state.dest == Dest::Label => self.label_separator(),
            "tab" => self.text_char('\t'),
            "cell" | "nestcell" => self.end_cell(),
            "row" | "nestrow" => self.end_row(),
            "trowd" => {
                self.row_defs.clear();
                self.next_def = CellDef::default();
            }
            "clvmgf" => self.next_def.vmerge = Some(VMerge::Restart),
            "clvmrg" => self.next_def.vmerge = Some(VMerge::Continue),
            "clmrg" => self.next_def.hmerge_continue = true,
            "cellx" => {
                self.row_defs.push(self.next_def);
                self.next_def = CellDef::default();
            }
            "emdash" => self.text_char('—'),
            "endash" => self.text_char('–'),
            "lquote" => self.text_char('‘'),
            "rquote" => self.text_char('’'),
            "ldblquote" => self.text_char('“'),
            "rdblquote" => self.text_char('”'),
            "bullet" => self.text_char('•'),
            "emspace" => self.text_char('\u{2003}'),
            "enspace" => self.text_char('\u{2002}'),
            _ => {}
        }
    }

    /// The tab after a list label is a space in plain text, as the DOCX reader writes it,
    /// except after CJK punctuation (`一、`, `（一）`), which needs no separator.
    fn label_separator(&mut self) {
        let cjk_punct = self.para.text.chars().last().is_none_or(is_cjk_punct);
        if !cjk_punct {
            self.para.text.push(' ');
        }
    }

    fn skip_binary(&mut self, len: Option<i32>) {
        let len = usize::try_from(len.unwrap_or(0)).unwrap_or(0);
        self.pos = self.pos.saturating_add(len).min(self.input.len());
    }

    fn start_entry(&mut self, n: i32) {
        let dest = self.state.dest;
        if self.entry.is_some() {
            self.store_entry(dest);
        }
        self.entry = Some((n, Entry::default()));
    }

    fn set_entry_encoding(&mut self, enc: Option<&'static Encoding>) {
        if let (Some((_, e)), Some(enc)) = (self.entry.as_mut(), enc) {
            e.encoding = Some(enc);
        }
    }

    fn store_entry(&mut self, dest: Dest) {
        if let Some((n, mut e)) = self.entry.take() {
            e.name = e.name.trim().trim_end_matches(';').trim().to_string();
            e.symbol |= ["Symbol", "Wingdings", "OpenSymbol"]
                .iter()
                .any(|s| e.name.starts_with(s));
            match dest {
                Dest::FontTable => self.fonts.insert(n, e),
                _ => self.styles.insert(n, e),
            };
        }
    }

    fn symbol_font(&self) -> bool {
        self.state
            .font
            .or(self.default_font)
            .and_then(|f| self.fonts.get(&f))
            .is_some_and(|e| e.symbol)
    }

    /// The encoding of `\'xx` bytes here.
    fn encoding(&self) -> &'static Encoding {
        let font = match self.state.dest {
            Dest::FontTable => self.entry.as_ref().map(|(n, _)| *n),
            _ => self.state.font.or(self.default_font),
        };
        font.and_then(|f| self.fonts.get(&f))
            .and_then(|e| e.encoding)
            .unwrap_or(self.doc_encoding)
    }

    fn byte(&mut self, b: u8) {
        if self.state.dest == Dest::Skip {
            return;
        }
        // A list label in a symbol font is a bullet glyph; its byte means nothing as text.
        if self.state.dest == Dest::Label && b >= 0x80 && self.symbol_font() {
            self.text_char('•');
            return;
        }
        if self.skip_fallback > 0 {
            self.skip_fallback -= 1;
            return;
        }
        let enc = self.encoding();
        if !self.pending.is_empty() && enc != self.pending_enc {
            self.flush();
        }
        self.pending_enc = enc;
        self.pending.push(b);
    }

    /// Decode the pending bytes together.
    fn flush(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let bytes = std::mem::take(&mut self.pending);
        let (text, errors) = self.pending_enc.decode_without_bom_handling(&bytes);
        self.lossy |= errors;
        self.push_text(&text);
    }

    fn unicode(&mut self, n: i32) {
        let unit = if n < 0 { n + 65_536 } else { n };
        let unit = u16::try_from(unit.clamp(0, 65_535)).unwrap_or(0xFFFD);
        self.skip_fallback = self.state.uc;
        let held = self.high_surrogate.take();
        if let (Some(hi), 0xDC00..=0xDFFF) = (held, unit) {
            let bytes: Vec<u8> = [hi, unit].iter().flat_map(|u| u.to_le_bytes()).collect();
            let pair = UTF_16LE.decode_without_bom_handling(&bytes).0.into_owned();
            self.push_text(&pair);
            return;
        }
        if held.is_some() {
            self.push_text("\u{FFFD}");
        }
        if (0xD800..=0xDBFF).contains(&unit) {
            self.high_surrogate = Some(unit);
            return;
        }
        let ch = char::from_u32(u32::from(unit))
            .unwrap_or('\u{FFFD}')
            .to_string();
        self.push_text(&ch);
    }

    fn text_char(&mut self, c: char) {
        if self.state.dest == Dest::Skip {
            return;
        }
        if self.skip_fallback > 0 {
            self.skip_fallback -= 1;
            return;
        }
        self.flush();
        let mut buf = [0u8; 4];
        self.push_text(c.encode_utf8(&mut buf));
    }

    fn push_text(&mut self, text: &str) {
        if self.high_surrogate.take().is_some() {
            // A high surrogate not followed by a low one.
            self.push_text("\u{FFFD}");
        }
        match self.state.dest {
            Dest::Body | Dest::Label => {
                if self.para.first.is_none() && !text.trim().is_empty() {
                    let s = &self.state;
                    self.para.first = Some((s.font.or(self.default_font), s.size, s.bold));
                }
                let text = if self.state.dest == Dest::Label {
                    text.trim_start()
                } else {
                    text
                };
                self.para.text.push_str(text);
            }
            Dest::FontTable | Dest::StyleSheet => {
                if let Some((_, e)) = self.entry.as_mut() {
                    e.name.push_str(text);
                }
            }
            Dest::Skip => {}
        }
    }

    /// The paragraph as a block, or `None` when it has no text.
    fn take_para(&mut self) -> Option<Block> {
        let para = std::mem::take(&mut self.para);
        if para.text.trim().is_empty() {
            return None;
        }
        let mut b = Block::paragraph(para.text);
        let s = &self.state;
        b.hints.align = s.align;
        b.hints.auto_numbered = para.label;
        let style = s.style.and_then(|n| self.styles.get(&n));
        b.hints.heading_level = s.outline.or_else(|| style.and_then(heading_level));
        if let Some((font, size, bold)) = para.first {
            b.hints.font_size = size;
            b.hints.bold = bold;
            b.hints.font = font
                .and_then(|f| self.fonts.get(&f))
                .map(|e| e.name.clone())
                .filter(|n| !n.is_empty());
        }
        Some(b)
    }

    fn end_para(&mut self) {
        if self.state.dest != Dest::Body {
            return;
        }
        if self.state.in_table {
            let text = std::mem::take(&mut self.para).text;
            self.cell.push(text);
            return;
        }
        self.end_table();
        if let Some(b) = self.take_para() {
            self.blocks.push(b);
        }
    }

    fn end_cell(&mut self) {
        if self.state.dest != Dest::Body {
            return;
        }
        let text = std::mem::take(&mut self.para).text;
        if !text.is_empty() || self.cell.is_empty() {
            self.cell.push(text);
        }
        self.row.push(CellBuild {
            paras: std::mem::take(&mut self.cell),
            span: 1,
            vmerge: None,
        });
    }

    /// Close the row, applying the merges its cell definitions declare.
    fn end_row(&mut self) {
        if self.state.dest != Dest::Body {
            return;
        }
        let mut cells: Vec<CellBuild> = Vec::new();
        for (i, mut c) in std::mem::take(&mut self.row).into_iter().enumerate() {
            let def = self.row_defs.get(i).copied().unwrap_or_default();
            if def.hmerge_continue {
                if let Some(prev) = cells.last_mut() {
                    prev.span = prev.span.saturating_add(1);
                    continue;
                }
            }
            c.vmerge = def.vmerge;
            cells.push(c);
        }
        self.table
            .get_or_insert_with(TableBuild::default)
            .rows
            .push((0, cells));
    }

    fn end_table(&mut self) {
        if !self.cell.is_empty() {
            self.end_cell();
        }
        if !self.row.is_empty() {
            self.end_row();
        }
        if let Some(t) = self.table.take() {
            let table = t.finish();
            if table.rows.iter().any(|r| !r.is_empty()) {
                self.blocks.push(table_block(table));
            }
        }
    }
}

/// The encoding of a Windows code page (`\ansicpgN`, `\cpgN`).
fn codepage(n: i32) -> Option<&'static Encoding> {
    let label = match n {
        936 => "gbk",
        54936 => "gb18030",
        950 => "big5",
        932 => "shift_jis",
        949 => "euc-kr",
        65001 => "utf-8",
        10000 => "macintosh",
        874 => "windows-874",
        1250..=1258 => return Encoding::for_label(format!("windows-{n}").as_bytes()),
        437 | 850 => "windows-1252",
        _ => return None,
    };
    Encoding::for_label(label.as_bytes())
}

/// The encoding of a font charset (`\fcharsetN`). ANSI (0) and default (1) follow the
/// document's `\ansicpg`: Chinese producers write GBK bytes under fonts marked 0.
fn charset(n: i32) -> Option<&'static Encoding> {
    let cp = match n {
        2 => 1252,
        77 => 10000,
        128 => 932,
        129 => 949,
        134 => 936,
        136 => 950,
        161 => 1253,
        162 => 1254,
        163 => 1258,
        177 => 1255,
        178 => 1256,
        186 => 1257,
        204 => 1251,
        222 => 874,
        238 => 1250,
        _ => return None,
    };
    codepage(cp)
}

/// The heading level a paragraph style gives: its outline level, else its name
/// (`Heading 2`, `heading 2`, `标题 2`).
fn heading_level(style: &Entry) -> Option<u8> {
    if style.outline.is_some() {
        return style.outline;
    }
    let name = style.name.trim();
    let rest = name
        .strip_prefix("Heading")
        .or_else(|| name.strip_prefix("heading"))
        .or_else(|| name.strip_prefix("标题"))?;
    rest.trim()
        .parse::<u8>()
        .ok()
        .filter(|n| (1..=9).contains(n))
}

#[cfg(test)]
mod tests;
