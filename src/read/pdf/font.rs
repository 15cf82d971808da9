//! Fonts: from a font dictionary to "these bytes draw these characters with these advances".
//!
//! Order of trust for a code's text (as in pdf.js and poppler): the ToUnicode CMap; for CID
//! fonts the UniXX CMap's own code (it *is* Unicode) or the character collection's CID →
//! Unicode table; for simple fonts the encoding (base encoding + `/Differences`) and glyph
//! names. Old Chinese producers put GBK byte pairs behind a WinAnsi TrueType font that is not
//! embedded (the viewer finds 宋体 on the system and draws GBK); such strings are recognised
//! and decoded as GBK.

use std::collections::HashMap;
use std::sync::Arc;

use lopdf::{Dictionary, Document, Object};

use crate::read::layout::bold_name;

use super::cmap::{self, CMap};
use super::glyphs;
use super::obj;
use super::truetype;

/// One decoded code.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Decoded {
    /// Unicode text; empty when the code has no usable mapping.
    pub text: String,
    /// Advance in text space per unit of font size (glyph width / 1000 for most fonts).
    pub width: f32,
    /// A single-byte code 32: word spacing (`Tw`) applies.
    pub space: bool,
}

#[derive(Debug, Clone)]
enum Encoding {
    /// Simple font: code → text.
    Simple(Box<[Option<String>; 256]>),
    /// CID font with a CMap; `unicode_codes` when the codes are UTF-16 (UniXX-UTF16/UCS2).
    Cid {
        cmap: Arc<CMap>,
        unicode_codes: bool,
    },
    /// CID font with Identity-H/V: two-byte codes equal to CIDs.
    Identity,
}

/// A loaded font.
#[derive(Debug, Clone)]
pub(crate) struct Font {
    /// The PostScript name (BaseFont), decoded (GBK names are common).
    pub name: String,
    /// Vertical writing mode.
    pub vertical: bool,
    /// The font program is embedded.
    pub embedded: bool,
    /// A Type3 font: its glyphs are drawn by content streams in the file.
    pub type3: bool,
    /// The name suggests a Chinese, Japanese or Korean font.
    pub cjk_name: bool,
    /// Has a ToUnicode CMap.
    pub has_to_unicode: bool,
    /// A bold weight: by its name (`Arial-BoldMT`, `黑体,Bold`) or its descriptor.
    pub bold: bool,
    /// The name as the `font` hint gives it (see [`family`]).
    pub family: Option<String>,
    /// Em height per unit of font size: 1 except for Type3 fonts, whose glyph space is their
    /// own (FontBBox height × FontMatrix).
    pub size_scale: f32,
    encoding: Encoding,
    to_unicode: Option<CMap>,
    /// Adobe character collection ordering (`GB1`) for CID → Unicode.
    ordering: Option<String>,
    /// Simple fonts: widths by code (already scaled to text space).
    widths: Vec<f32>,
    first_char: u32,
    /// CID fonts: `W` ranges (first, last, width) in text space.
    cid_widths: Vec<(u32, u32, f32)>,
    default_width: f32,
    /// Simple, non-embedded, no ToUnicode, CJK-looking name: may hold GBK byte pairs.
    gbk_candidate: bool,
    /// Embedded TrueType CID fonts without ToUnicode: glyph id → character from the font's
    /// own `cmap` table, and the CID → glyph id map (`None` for identity).
    gid_unicode: Option<HashMap<u16, char>>,
    cid_to_gid: Option<Vec<u16>>,
}

fn is_cjk_name(name: &str) -> bool {
    if !name.is_ascii() {
        return true;
    }
    let lower = name.to_ascii_lowercase();
    [
        "simsun",
        "simhei",
        "fangsong",
        "kaiti",
        "stsong",
        "stheiti",
        "stkaiti",
        "stfangsong",
        "stxihei",
        "stzhongsong",
        "nsimsun",
        "yahei",
        "gb2312",
        "gbk",
        "song",
        "hei",
        "mingliu",
        "pmingliu",
        "msmincho",
        "msgothic",
        "batang",
        "gulim",
        "dotum",
        "fz",
        "hy",
        "kozmin",
        "kozgo",
        "heiseimin",
        "heiseikaku",
        "hysmyeongjo",
        "msung",
        "mhei",
        "sourcehan",
        "noto sans cjk",
        "notosanscjk",
        "notoserifcjk",
        "wenquanyi",
        "wqy",
        "droidsansfallback",
        "adobesong",
        "adobeheiti",
        "adobekaiti",
        "adobefangsong",
        "youyuan",
        "lisu",
        "xinwei",
    ]
    .iter()
    .any(|k| lower.contains(k))
}

/// The font descriptor (a Type0 font's is its descendant's) says bold: the `ForceBold` flag
/// (bit 19) or a `FontWeight` of 700 or more.
fn descriptor_bold(doc: &Document, dict: &Dictionary) -> bool {
    let font = obj::deref(doc, dict.get(b"DescendantFonts").ok())
        .and_then(|o| o.as_array().ok())
        .and_then(|a| a.first())
        .and_then(|o| obj::dict(doc, Some(o)))
        .unwrap_or(dict);
    let Some(fd) = obj::dict(doc, font.get(b"FontDescriptor").ok()) else {
        return false;
    };
    let number = |key: &[u8]| obj::number(doc, fd.get(key).ok()).unwrap_or(0.0);
    let force_bold = (number(b"Flags") as u32) & (1 << 18) != 0;
    force_bold || number(b"FontWeight") >= 700.0
}

/// A font's name as the `font` hint gives it: without a subset tag (`ABCDEF+`), the CMap name
/// a Type0 font's name ends with (`黑体-GBKp-EUC-H`, named after its `encoding`) or an Acrobat
/// style suffix (`,Bold`); `None` when nothing is left.
fn family(name: &str, encoding: &str) -> Option<String> {
    let tagged = name.len() >= 7
        && name.as_bytes().get(6) == Some(&b'+')
        && name.bytes().take(6).all(|b| b.is_ascii_uppercase());
    let name = if tagged {
        name.get(7..).unwrap_or(name)
    } else {
        name
    };
    let name = match name.strip_suffix(encoding) {
        Some(rest) if !encoding.is_empty() => rest.strip_suffix('-').unwrap_or(name),
        _ => name,
    };
    let name = name.split(',').next().unwrap_or(name).trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// Decode a PDF name that may be GBK bytes (`/ËÎÌå` is 宋体).
pub(crate) fn decode_name(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::GBK.decode(bytes).0.into_owned(),
    }
}

/// The Unicode text of a glyph name: AGL(FN) names, `uniXXXX…`, `uXXXX[XX]`, with `.suffix`
/// dropped and `_` ligature parts joined. Names like `g12`/`cid34` carry no text: `None`.
pub(crate) fn glyph_name_unicode(name: &[u8]) -> Option<String> {
    let name = std::str::from_utf8(name).ok()?;
    let base = name.split('.').next().unwrap_or(name);
    if base.is_empty() {
        return None;
    }
    if base.contains('_') {
        let parts: Option<String> = base
            .split('_')
            .map(|p| glyph_name_unicode(p.as_bytes()))
            .collect();
        return parts;
    }
    if let Ok(i) = glyphs::GLYPH_NAMES.binary_search_by(|(n, _)| (*n).cmp(base)) {
        let (_, u) = glyphs::GLYPH_NAMES.get(i)?;
        return char::from_u32(u32::from(*u)).map(String::from);
    }
    let hex = |s: &str| s.chars().all(|c| c.is_ascii_hexdigit()) && !s.is_empty();
    if let Some(h) = base.strip_prefix("uni") {
        if hex(h) && h.len() % 4 == 0 {
            let units: Vec<u16> = (0..h.len() / 4)
                .filter_map(|i| h.get(i * 4..i * 4 + 4))
                .filter_map(|s| u16::from_str_radix(s, 16).ok())
                .collect();
            let s = String::from_utf16(&units).ok()?;
            return (!s.is_empty()).then_some(s);
        }
    }
    if let Some(h) = base.strip_prefix('u') {
        if hex(h) && (4..=6).contains(&h.len()) {
            let v = u32::from_str_radix(h, 16).ok()?;
            return char::from_u32(v).map(String::from);
        }
    }
    None
}

fn table_text(table: &[u16; 256], code: usize) -> Option<String> {
    let u = *table.get(code)?;
    (u != 0)
        .then(|| char::from_u32(u32::from(u)).map(String::from))
        .flatten()
}

impl Font {
    /// Load a font dictionary. Never fails: what cannot be read is left unmapped.
    pub fn load(doc: &Document, dict: &Dictionary, stream_limit: usize) -> Font {
        let subtype = obj::name(doc, dict.get(b"Subtype").ok()).unwrap_or_default();
        let raw_name = dict
            .get(b"BaseFont")
            .ok()
            .and_then(|o| o.as_name().ok())
            .unwrap_or_default();
        let name = decode_name(raw_name);
        let to_unicode = obj::stream_bytes(doc, dict.get(b"ToUnicode").ok(), stream_limit)
            .map(|b| cmap::parse_to_unicode(&b))
            .filter(CMap::has_unicode);
        let bold = bold_name(&name) || descriptor_bold(doc, dict);
        let encoding = obj::name(doc, dict.get(b"Encoding").ok()).unwrap_or_default();
        let family = family(&name, &String::from_utf8_lossy(&encoding));
        let mut font = Font {
            cjk_name: is_cjk_name(&name),
            name,
            vertical: false,
            embedded: false,
            type3: subtype == b"Type3",
            has_to_unicode: to_unicode.is_some(),
            bold,
            family,
            encoding: Encoding::Identity,
            to_unicode,
            ordering: None,
            widths: Vec::new(),
            first_char: 0,
            cid_widths: Vec::new(),
            default_width: 1.0,
            gbk_candidate: false,
            size_scale: 1.0,
            gid_unicode: None,
            cid_to_gid: None,
        };
        if subtype == b"Type0" {
            font.load_type0(doc, dict, stream_limit);
        } else {
            font.load_simple(doc, dict, &subtype);
        }
        font
    }

    fn load_type0(&mut self, doc: &Document, dict: &Dictionary, limit: usize) {
        let desc = obj::deref(doc, dict.get(b"DescendantFonts").ok())
            .and_then(|o| o.as_array().ok())
            .and_then(|a| a.first())
            .and_then(|o| obj::dict(doc, Some(o)));
        let enc_obj = obj::deref(doc, dict.get(b"Encoding").ok());
        self.encoding = match enc_obj {
            Some(Object::Name(n)) => {
                let n = String::from_utf8_lossy(n).into_owned();
                if n == "Identity-H" || n == "Identity-V" {
                    self.vertical = n.ends_with('V');
                    Encoding::Identity
                } else if let Some(c) = cmap::predefined(&n) {
                    self.vertical = c.wmode == 1;
                    self.ordering = c.ordering.clone();
                    Encoding::Cid {
                        unicode_codes: n.starts_with("Uni"),
                        cmap: c,
                    }
                } else {
                    Encoding::Identity
                }
            }
            Some(Object::Stream(s)) => {
                let bytes = s.get_plain_content_with_limit(limit).unwrap_or_default();
                let c = cmap::parse(&bytes);
                self.vertical = c.wmode == 1;
                if c.name.starts_with("Identity") && c.all_empty() {
                    Encoding::Identity
                } else {
                    self.ordering = c.ordering.clone();
                    Encoding::Cid {
                        unicode_codes: c.name.starts_with("Uni"),
                        cmap: Arc::new(c),
                    }
                }
            }
            _ => Encoding::Identity,
        };
        let Some(desc) = desc else {
            return;
        };
        if let Some(info) = obj::dict(doc, desc.get(b"CIDSystemInfo").ok()) {
            let reg = obj::string(doc, info.get(b"Registry").ok()).unwrap_or_default();
            let ord = obj::string(doc, info.get(b"Ordering").ok()).unwrap_or_default();
            if reg == b"Adobe" && self.ordering.is_none() {
                let o = String::from_utf8_lossy(&ord).into_owned();
                if ["GB1", "CNS1", "Japan1", "Korea1"].contains(&o.as_str()) {
                    self.ordering = Some(o);
                }
            }
        }
        self.embedded = obj::dict(doc, desc.get(b"FontDescriptor").ok())
            .is_some_and(|fd| fd.has(b"FontFile") || fd.has(b"FontFile2") || fd.has(b"FontFile3"));
        self.default_width = obj::number(doc, desc.get(b"DW").ok()).unwrap_or(1000.0) / 1000.0;
        if let Some(w) = obj::deref(doc, desc.get(b"W").ok()).and_then(|o| o.as_array().ok()) {
            let mut i = 0;
            while let Some(first) = w.get(i).and_then(|o| obj::number(doc, Some(o))) {
                let first = first.max(0.0) as u32;
                match obj::deref(doc, w.get(i + 1)) {
                    Some(Object::Array(ws)) => {
                        for (k, v) in ws.iter().enumerate() {
                            if let Some(v) = obj::number(doc, Some(v)) {
                                let c = first.saturating_add(k as u32);
                                self.cid_widths.push((c, c, v / 1000.0));
                            }
                        }
                        i += 2;
                    }
                    Some(o) => {
                        let last = obj::number(doc, Some(o)).unwrap_or(0.0).max(0.0) as u32;
                        let v = obj::number(doc, w.get(i + 2)).unwrap_or(1000.0);
                        self.cid_widths.push((first, last, v / 1000.0));
                        i += 3;
                    }
                    None => break,
                }
            }
            self.cid_widths.sort_by_key(|r| r.0);
        }
        // Embedded TrueType CID fonts usually number glyphs, not the collection's CIDs, whatever
        // their CIDSystemInfo says; their own cmap table is then the better witness. Subsets
        // made by dvipdfmx and others keep the collection's CIDs as glyph ids, so the ordering
        // stays as the second choice (poppler's only one), and the quality check reports the
        // rare characters it gives when it is wrong.
        let truetype =
            desc.get(b"Subtype").ok().and_then(|o| o.as_name().ok()) == Some(b"CIDFontType2");
        if self.embedded && truetype && !self.has_to_unicode {
            self.load_glyph_map(doc, desc, limit);
        }
    }

    fn load_glyph_map(&mut self, doc: &Document, desc: &Dictionary, limit: usize) {
        let file = obj::dict(doc, desc.get(b"FontDescriptor").ok())
            .and_then(|fd| obj::stream_bytes(doc, fd.get(b"FontFile2").ok(), limit));
        self.gid_unicode = file.as_deref().and_then(truetype::glyph_map);
        if let Some(map) = obj::stream_bytes(doc, desc.get(b"CIDToGIDMap").ok(), limit) {
            self.cid_to_gid = Some(
                map.chunks(2)
                    .map(|c| {
                        u16::from_be_bytes([
                            c.first().copied().unwrap_or(0),
                            c.get(1).copied().unwrap_or(0),
                        ])
                    })
                    .collect(),
            );
        }
    }

    fn load_simple(&mut self, doc: &Document, dict: &Dictionary, subtype: &[u8]) {
        let fd = obj::dict(doc, dict.get(b"FontDescriptor").ok());
        self.embedded = fd
            .is_some_and(|fd| fd.has(b"FontFile") || fd.has(b"FontFile2") || fd.has(b"FontFile3"));
        let flags = fd
            .and_then(|fd| obj::number(doc, fd.get(b"Flags").ok()))
            .unwrap_or(0.0) as u32;
        let symbolic = flags & 4 != 0 && flags & 32 == 0;
        let enc = obj::deref(doc, dict.get(b"Encoding").ok());
        let base_name = match enc {
            Some(Object::Name(n)) => Some(n.clone()),
            Some(Object::Dictionary(d)) => d
                .get(b"BaseEncoding")
                .ok()
                .and_then(|o| o.as_name().ok())
                .map(<[u8]>::to_vec),
            _ => None,
        };
        let table: Option<&[u16; 256]> = match base_name.as_deref() {
            Some(b"WinAnsiEncoding") => Some(&glyphs::WIN_ANSI),
            Some(b"MacRomanEncoding") => Some(&glyphs::MAC_ROMAN),
            Some(b"StandardEncoding") => Some(&glyphs::STANDARD),
            _ if subtype == b"TrueType" && !symbolic => Some(&glyphs::WIN_ANSI),
            _ if subtype == b"Type3" => None,
            _ if symbolic && self.embedded => None,
            _ => Some(&glyphs::STANDARD),
        };
        let mut codes: Box<[Option<String>; 256]> = Box::new(std::array::from_fn(|i| {
            table.and_then(|t| table_text(t, i))
        }));
        if let Some(Object::Dictionary(d)) = enc {
            if let Some(diffs) =
                obj::deref(doc, d.get(b"Differences").ok()).and_then(|o| o.as_array().ok())
            {
                let mut code = 0usize;
                for item in diffs {
                    match item {
                        Object::Integer(n) => code = (*n).clamp(0, 255) as usize,
                        Object::Name(n) => {
                            if let Some(slot) = codes.get_mut(code) {
                                *slot = glyph_name_unicode(n);
                            }
                            code += 1;
                        }
                        _ => {}
                    }
                }
            }
        }
        // Fonts with no encoding information at all (symbolic, embedded): printable ASCII is
        // the best guess, and the ToUnicode check downstream reports doubtful text.
        if table.is_none() && subtype != b"Type3" {
            for (i, slot) in codes.iter_mut().enumerate().take(0x7F).skip(0x20) {
                if slot.is_none() {
                    *slot = char::from_u32(i as u32).map(String::from);
                }
            }
        }
        self.encoding = Encoding::Simple(codes);
        let matrix = obj::deref(doc, dict.get(b"FontMatrix").ok()).and_then(|o| o.as_array().ok());
        let scale = match matrix {
            Some(m) if subtype == b"Type3" => obj::number(doc, m.first()).unwrap_or(0.001),
            _ => 0.001,
        };
        if subtype == b"Type3" {
            let d = matrix
                .and_then(|m| obj::number(doc, m.get(3)))
                .unwrap_or(0.001)
                .abs();
            let bbox = obj::rect(doc, dict.get(b"FontBBox").ok()).map_or(0.0, |b| b[3] - b[1]);
            let em = bbox * d;
            if em.is_finite() && em > 0.05 && em < 20.0 {
                self.size_scale = em;
            }
        }
        self.first_char = obj::number(doc, dict.get(b"FirstChar").ok())
            .unwrap_or(0.0)
            .max(0.0) as u32;
        if let Some(ws) = obj::deref(doc, dict.get(b"Widths").ok()).and_then(|o| o.as_array().ok())
        {
            self.widths = ws
                .iter()
                .take(256)
                .map(|o| obj::number(doc, Some(o)).unwrap_or(0.0) * scale)
                .collect();
        }
        let missing = fd.and_then(|fd| obj::number(doc, fd.get(b"MissingWidth").ok()));
        self.default_width = match missing {
            Some(m) if m > 0.0 => m * scale,
            _ if self.name.contains("Courier") => 0.6,
            _ => 0.5,
        };
        self.gbk_candidate = !self.embedded && !self.has_to_unicode && self.cjk_name;
    }

    fn simple_width(&self, code: u32) -> f32 {
        code.checked_sub(self.first_char)
            .and_then(|i| self.widths.get(i as usize))
            .copied()
            .filter(|w| *w > 0.0)
            .unwrap_or(self.default_width)
    }

    fn cid_width(&self, cid: u32) -> f32 {
        let i = self.cid_widths.partition_point(|r| r.0 <= cid);
        // Ranges may overlap; scan back over the few that start at or before `cid`.
        self.cid_widths
            .get(..i)
            .unwrap_or_default()
            .iter()
            .rev()
            .take(8)
            .find(|r| r.0 <= cid && cid <= r.1)
            .map_or(self.default_width, |r| r.2)
    }

    /// Decode a string operand into glyphs.
    pub fn decode(&self, bytes: &[u8], out: &mut Vec<Decoded>) {
        match &self.encoding {
            Encoding::Simple(codes) => {
                if self.gbk_candidate && looks_gbk(bytes) {
                    self.decode_gbk(bytes, codes, out);
                    return;
                }
                for &b in bytes {
                    let text = self
                        .to_unicode
                        .as_ref()
                        .and_then(|t| t.unicode(u32::from(b)))
                        .or_else(|| codes.get(usize::from(b)).cloned().flatten())
                        .unwrap_or_default();
                    out.push(Decoded {
                        text,
                        width: self.simple_width(u32::from(b)),
                        space: b == 32,
                    });
                }
            }
            Encoding::Identity => {
                for pair in bytes.chunks(2) {
                    let code = pair.iter().fold(0u32, |a, &b| (a << 8) | u32::from(b));
                    // CID 0 is `.notdef` in every CID font: an empty box or nothing on the
                    // page, whatever a ToUnicode says. Producers that lack a glyph write 0
                    // and map it to the last character they lacked (FastReport: 佛佛佛佛).
                    let text = if code == 0 {
                        String::new()
                    } else {
                        self.cid_text(code, code, pair.len() as u8, false)
                    };
                    out.push(Decoded {
                        text,
                        width: self.cid_width(code),
                        space: false,
                    });
                }
            }
            Encoding::Cid {
                cmap,
                unicode_codes,
            } => {
                let mut codes = Vec::new();
                cmap.codes(bytes, &mut codes);
                for (code, len) in codes {
                    let cid = cmap.cid(code, len).unwrap_or(0);
                    out.push(Decoded {
                        text: self.cid_text(code, cid, len, *unicode_codes),
                        width: self.cid_width(cid),
                        space: len == 1 && code == 32,
                    });
                }
            }
        }
    }

    fn cid_text(&self, code: u32, cid: u32, len: u8, unicode_codes: bool) -> String {
        if let Some(s) = self.to_unicode.as_ref().and_then(|t| t.unicode(code)) {
            return s;
        }
        if unicode_codes {
            // `String::from_utf16_lossy` without the temporary Vec (a hot path for the
            // UniGB-UCS2-H fonts of every reportlab/Office CJK PDF).
            let pair = [(code >> 16) as u16, code as u16];
            let units = if len == 4 { &pair[..] } else { &pair[1..] };
            return char::decode_utf16(units.iter().copied())
                .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
                .collect();
        }
        let gid = match &self.cid_to_gid {
            Some(map) => map.get(cid as usize).copied(),
            None => u16::try_from(cid).ok(),
        };
        if let Some(c) = gid.and_then(|g| self.gid_unicode.as_ref()?.get(&g)) {
            return c.to_string();
        }
        self.ordering
            .as_deref()
            .and_then(|o| cmap::cid_to_unicode(o, cid))
            .map(String::from)
            .unwrap_or_default()
    }

    fn decode_gbk(&self, bytes: &[u8], codes: &[Option<String>; 256], out: &mut Vec<Decoded>) {
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            if let Some(ch) = bytes.get(i + 1).and_then(|&t| gbk_pair(b, t)) {
                let w = self.simple_width(u32::from(b))
                    + self.simple_width(u32::from(bytes.get(i + 1).copied().unwrap_or(0)));
                out.push(Decoded {
                    text: ch.to_string(),
                    width: if w > 0.0 { w } else { 1.0 },
                    space: false,
                });
                i += 2;
            } else {
                out.push(Decoded {
                    text: codes
                        .get(usize::from(b))
                        .cloned()
                        .flatten()
                        .unwrap_or_default(),
                    width: self.simple_width(u32::from(b)),
                    space: b == 32,
                });
                i += 1;
            }
        }
    }
}

/// The character of a GBK byte pair, if it is one.
fn gbk_pair(lead: u8, trail: u8) -> Option<char> {
    if !(0x81..=0xFE).contains(&lead) || !(0x40..=0xFE).contains(&trail) || trail == 0x7F {
        return None;
    }
    let pair = [lead, trail];
    let (s, _, bad) = encoding_rs::GBK.decode(&pair);
    let mut chars = s.chars();
    match (bad, chars.next(), chars.next()) {
        (false, Some(c), None) => Some(c),
        _ => None,
    }
}

/// True when the high bytes of `bytes` pair up into GBK characters that are mostly Chinese
/// text. Latin-1 text almost never does: its accented letters stand alone or pair into
/// rare characters.
pub(crate) fn looks_gbk(bytes: &[u8]) -> bool {
    let (mut good, mut rare, mut bad) = (0usize, 0usize, 0usize);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            i += 1;
            continue;
        }
        let trail = bytes.get(i + 1).copied().unwrap_or(0);
        match gbk_pair(b, trail) {
            // GB2312's own rows: common characters and full-width punctuation.
            Some(c)
                if crate::chars::is_chinese_text(c)
                    && (0xA1..=0xF7).contains(&b)
                    && trail >= 0xA1 =>
            {
                good += 1
            }
            Some(c) if crate::chars::is_chinese_text(c) => rare += 1,
            _ => bad += 1,
        }
        i += 2;
    }
    good > 0 && good >= 4 * bad && good >= rare
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyph_names() {
        let cases: &[(&str, Option<&str>)] = &[
            ("A", Some("A")),
            ("quotedblleft", Some("\u{201C}")),
            ("uni4E2D", Some("中")),
            ("uni4E2D56FD", Some("中国")),
            ("u1F600", Some("\u{1F600}")),
            ("f_i", Some("fi")),
            ("a.sc", Some("a")),
            ("g123", None),
            ("cid00042", None),
            ("", None),
            ("uniZZZZ", None),
        ];
        for (name, want) in cases {
            assert_eq!(
                glyph_name_unicode(name.as_bytes()).as_deref(),
                *want,
                "{name}"
            );
        }
    }

    #[test]
    fn gbk_detection() {
        // 全世界 in GBK.
        let (gbk, _, _) = encoding_rs::GBK.encode("全世界无产者，联合起来");
        let cases: &[(&[u8], bool)] = &[
            (&gbk, true),
            (b"plain ascii", false),
            (b"caf\xe9 au lait", false),
            (b"M\xfcller und S\xf6hne", false),
        ];
        for (bytes, want) in cases {
            assert_eq!(looks_gbk(bytes), *want, "{bytes:?}");
        }
    }

    #[test]
    fn font_names() {
        assert_eq!(decode_name(b"\xcb\xce\xcc\xe5"), "宋体");
        assert_eq!(decode_name(b"SimSun"), "SimSun");
        assert!(is_cjk_name("宋体") && is_cjk_name("ABCDEE+SimSun") && !is_cjk_name("Times-Roman"));
    }

    #[test]
    fn families() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            ("ABCDEE+SimSun", "", Some("SimSun")),
            ("黑体,Bold", "WinAnsiEncoding", Some("黑体")),
            ("黑体,Bold-GBKp-EUC-H", "GBKp-EUC-H", Some("黑体")),
            (
                "H-SS9-PK74820002828-Identity-H",
                "Identity-H",
                Some("H-SS9-PK74820002828"),
            ),
            ("Arial-BoldMT", "", Some("Arial-BoldMT")),
            ("CIDFont+F1", "Identity-H", Some("CIDFont+F1")),
            ("ABCDEF+", "", None),
            ("", "Identity-H", None),
        ];
        for (name, encoding, want) in cases {
            assert_eq!(family(name, encoding).as_deref(), *want, "{name}");
        }
    }
}
