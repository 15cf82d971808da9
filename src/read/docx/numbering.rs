//! `word/numbering.xml`: list definitions and the labels Word draws in front of paragraphs.
//!
//! A paragraph points at a `w:num` (by `numId`) and a level (`ilvl`); the `w:num` points at a
//! `w:abstractNum` that defines, per level, a start value, a number format and a `lvlText`
//! template such as `%1、`, `（%1）` or `%1.%2.`. Word keeps one set of counters per abstract
//! list, so two `w:num`s over the same abstract list continue each other, unless a `w:num`
//! overrides a level (`lvlOverride`/`startOverride`), which starts it afresh.
//!
//! Deeper levels restart when a shallower level of the same list is used, unless `lvlRestart`
//! says otherwise (`0` never restarts; `n` restarts only after levels `1..=n`).

use std::collections::HashMap;

use quick_xml::events::{BytesStart, Event};

use super::on_off;
use super::xml::{attr, local, local_end, Xml};
use crate::error::Result;
use crate::vocab::numeral::{CN_DIGITS, CN_LEGAL_DIGITS, CN_LEGAL_UNITS, CN_UNITS, CN_WAN};

/// Number formats (`w:numFmt`) Word uses in Chinese documents and beyond.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumFmt {
    Decimal,
    /// English ordinals: 1st, 2nd, 3rd, 4th.
    Ordinal,
    DecimalZero,
    DecimalFullWidth,
    DecimalEnclosedCircle,
    UpperLetter,
    LowerLetter,
    UpperRoman,
    LowerRoman,
    ChineseCounting,
    ChineseCountingThousand,
    ChineseLegal,
    IdeographDigital,
    IdeographTraditional,
    IdeographZodiac,
    Bullet,
    None,
}

impl NumFmt {
    /// The format an `ST_NumberFormat` value names; unknown values are Arabic, as in Word.
    pub(crate) fn parse(s: &str) -> NumFmt {
        match s {
            "decimalZero" => NumFmt::DecimalZero,
            "ordinal" => NumFmt::Ordinal,
            "decimalFullWidth" | "decimalFullWidth2" => NumFmt::DecimalFullWidth,
            "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => {
                NumFmt::DecimalEnclosedCircle
            }
            "upperLetter" => NumFmt::UpperLetter,
            "lowerLetter" => NumFmt::LowerLetter,
            "upperRoman" => NumFmt::UpperRoman,
            "lowerRoman" => NumFmt::LowerRoman,
            "chineseCounting" | "japaneseCounting" | "taiwaneseCounting" => NumFmt::ChineseCounting,
            "chineseCountingThousand" | "taiwaneseCountingThousand" | "koreanCounting" => {
                NumFmt::ChineseCountingThousand
            }
            "chineseLegalSimplified" => NumFmt::ChineseLegal,
            "ideographDigital" | "taiwaneseDigital" => NumFmt::IdeographDigital,
            "ideographTraditional" => NumFmt::IdeographTraditional,
            "ideographZodiac" => NumFmt::IdeographZodiac,
            "bullet" => NumFmt::Bullet,
            "none" => NumFmt::None,
            // `decimal` and anything unknown: Word falls back to Arabic numerals.
            _ => NumFmt::Decimal,
        }
    }
}

/// One level of a list definition.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Level {
    pub(crate) start: u32,
    pub(crate) fmt: NumFmt,
    pub(crate) text: String,
    /// `lvlRestart`: `None` = restart after any shallower level.
    pub(crate) restart: Option<u32>,
    /// `isLgl`: show every level's number as Arabic (legal numbering, `1.1.`).
    pub(crate) legal: bool,
    /// What follows the label: `tab` (default), `space` or `nothing`.
    pub(crate) suffix: Suffix,
}

impl Default for Level {
    fn default() -> Self {
        Level {
            start: 1,
            fmt: NumFmt::Decimal,
            text: String::new(),
            restart: None,
            legal: false,
            suffix: Suffix::Tab,
        }
    }
}

/// The `w:suff` of a level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Suffix {
    Tab,
    Space,
    Nothing,
}

#[derive(Debug, Clone, Default)]
struct Abstract {
    levels: HashMap<u8, Level>,
}

#[derive(Debug, Clone, Default)]
struct Num {
    abstract_id: String,
    /// Per level: a replacement level definition and/or a start override.
    overrides: HashMap<u8, (Option<Level>, Option<u32>)>,
}

/// A rendered label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Label {
    /// The label as Word shows it (`一、`, `（二）`, `2.1.`).
    pub(crate) text: String,
    /// What separates it from the text.
    pub(crate) suffix: Suffix,
}

impl Label {
    /// The label as it starts the paragraph's text. Word draws a tab or space after the
    /// label; a label that ends in CJK punctuation (`一、`, `（一）`) needs no separator in
    /// plain text.
    pub(crate) fn lead(&self) -> String {
        let punct_end = self
            .text
            .chars()
            .last()
            .is_some_and(crate::chars::is_cjk_symbol_or_fullwidth);
        if self.suffix != Suffix::Nothing && !punct_end {
            format!("{} ", self.text)
        } else {
            self.text.clone()
        }
    }
}

/// The list definitions of one document plus the running counters.
#[derive(Debug, Default)]
pub(crate) struct Numbering {
    abstracts: HashMap<String, Abstract>,
    nums: HashMap<String, Num>,
    /// Counters per sequence (an abstract list, or a `w:num` that overrides levels).
    counters: HashMap<String, [Option<u32>; 9]>,
}

impl Numbering {
    /// Parse `numbering.xml`.
    pub(crate) fn parse(text: &str, max_depth: u64) -> Result<Numbering> {
        let mut x = Xml::new(
            crate::model::Format::Docx,
            text,
            "word/numbering.xml",
            max_depth,
        );
        let mut n = Numbering::default();
        let mut cur_abs: Option<(String, Abstract)> = None;
        let mut cur_num: Option<(String, Num)> = None;
        let mut cur_lvl: Option<(u8, Level)> = None;
        let mut override_ilvl: Option<u8> = None;
        while let Some(ev) = x.next()? {
            match ev {
                Event::Start(e) | Event::Empty(e)
                    if matches!(local(&e), b"abstractNum" | b"num" | b"lvl" | b"lvlOverride") =>
                {
                    match local(&e) {
                        b"abstractNum" => {
                            cur_abs = attr(&e, b"abstractNumId").map(|id| (id, Abstract::default()))
                        }
                        b"num" => {
                            cur_num = attr(&e, b"numId").map(|id| (id, Num::default()));
                        }
                        b"lvlOverride" => override_ilvl = ilvl_of(&e),
                        _ => cur_lvl = ilvl_of(&e).map(|i| (i, Level::default())),
                    }
                }
                Event::Start(e) | Event::Empty(e) => {
                    level_prop(&e, cur_lvl.as_mut().map(|(_, l)| l));
                    match local(&e) {
                        b"abstractNumId" => {
                            if let (Some((_, num)), Some(v)) = (cur_num.as_mut(), attr(&e, b"val"))
                            {
                                num.abstract_id = v;
                            }
                        }
                        b"startOverride" => {
                            if let (Some((_, num)), Some(i)) = (cur_num.as_mut(), override_ilvl) {
                                let start = attr(&e, b"val").and_then(|v| v.parse().ok());
                                num.overrides.entry(i).or_default().1 = start;
                            }
                        }
                        _ => {}
                    }
                }
                Event::End(e) => match local_end(e.name().into_inner()) {
                    b"lvl" => {
                        if let Some((i, lvl)) = cur_lvl.take() {
                            if let (Some((_, num)), Some(_)) = (cur_num.as_mut(), override_ilvl) {
                                num.overrides.entry(i).or_default().0 = Some(lvl);
                            } else if let Some((_, abs)) = cur_abs.as_mut() {
                                abs.levels.insert(i, lvl);
                            }
                        }
                    }
                    b"lvlOverride" => override_ilvl = None,
                    b"abstractNum" => {
                        if let Some((id, abs)) = cur_abs.take() {
                            n.abstracts.insert(id, abs);
                        }
                    }
                    b"num" => {
                        if let Some((id, num)) = cur_num.take() {
                            n.nums.insert(id, num);
                        }
                    }
                    _ => {}
                },
                _ => {}
            }
        }
        Ok(n)
    }

    /// Add a list definition built by another reader (the `.doc` LST); `id` names it.
    pub(crate) fn add_abstract(&mut self, id: String, levels: HashMap<u8, Level>) {
        self.abstracts.insert(id, Abstract { levels });
    }

    /// Add a list instance (the `.doc` LFO) over list `abstract_id`, with per-level
    /// replacement definitions and start overrides.
    pub(crate) fn add_num(
        &mut self,
        id: String,
        abstract_id: String,
        overrides: HashMap<u8, (Option<Level>, Option<u32>)>,
    ) {
        self.nums.insert(
            id,
            Num {
                abstract_id,
                overrides,
            },
        );
    }

    /// The level definition a paragraph with `num_id`/`ilvl` uses.
    fn level(&self, num: &Num, ilvl: u8) -> Option<Level> {
        if let Some((Some(l), _)) = num.overrides.get(&ilvl) {
            return Some(l.clone());
        }
        self.abstracts
            .get(&num.abstract_id)?
            .levels
            .get(&ilvl)
            .cloned()
    }

    /// Count one more paragraph at `num_id`/`ilvl` and return its label, or `None` when the
    /// paragraph is not numbered (`numId` 0, an unknown list, a level without definition).
    pub(crate) fn next_label(&mut self, num_id: &str, ilvl: u8) -> Option<Label> {
        let ilvl = ilvl.min(8);
        let num = self.nums.get(num_id)?.clone();
        let this = self.level(&num, ilvl)?;
        // A `w:num` that overrides levels numbers on its own; the others share the abstract's.
        let key = if num.overrides.is_empty() {
            format!("a:{}", num.abstract_id)
        } else {
            format!("n:{num_id}")
        };
        let mut counters = self.counters.get(&key).copied().unwrap_or_default();
        let start_of = |i: u8| -> u32 {
            match num.overrides.get(&i) {
                Some((_, Some(s))) => *s,
                Some((Some(l), None)) => l.start,
                _ => self.level(&num, i).map_or(1, |l| l.start),
            }
        };
        let slot = usize::from(ilvl);
        let value = match counters.get(slot).copied().flatten() {
            Some(v) => v.saturating_add(1),
            None => start_of(ilvl),
        };
        if let Some(c) = counters.get_mut(slot) {
            *c = Some(value);
        }
        for deeper in ilvl + 1..9 {
            let restart = self.level(&num, deeper).and_then(|l| l.restart);
            // lvlRestart n: restart after levels 1..=n (1-based), i.e. ilvl < n; 0: never.
            if restart.is_none_or(|r| r != 0 && u32::from(ilvl) < r) {
                if let Some(c) = counters.get_mut(usize::from(deeper)) {
                    *c = None;
                }
            }
        }
        let text = render(&this.text, this.fmt, this.legal, |i| {
            let v = counters
                .get(usize::from(i))
                .copied()
                .flatten()
                .unwrap_or_else(|| start_of(i));
            let fmt = self.level(&num, i).map_or(NumFmt::Decimal, |l| l.fmt);
            (v, fmt)
        });
        self.counters.insert(key, counters);
        Some(Label {
            text,
            suffix: this.suffix,
        })
    }
}

fn ilvl_of(e: &BytesStart<'_>) -> Option<u8> {
    attr(e, b"ilvl")
        .and_then(|v| v.parse::<u8>().ok())
        .filter(|&i| i < 9)
}

/// Apply a child element of `w:lvl` to the level being built.
fn level_prop(e: &BytesStart<'_>, lvl: Option<&mut Level>) {
    let Some(lvl) = lvl else { return };
    let val = attr(e, b"val");
    match local(e) {
        b"start" => lvl.start = val.and_then(|v| v.parse().ok()).unwrap_or(1),
        b"numFmt" => lvl.fmt = NumFmt::parse(val.as_deref().unwrap_or("decimal")),
        b"lvlText" => lvl.text = val.unwrap_or_default(),
        b"lvlRestart" => lvl.restart = val.and_then(|v| v.parse().ok()),
        b"isLgl" => lvl.legal = on_off(e),
        b"suff" => {
            lvl.suffix = match val.as_deref() {
                Some("space") => Suffix::Space,
                Some("nothing") => Suffix::Nothing,
                _ => Suffix::Tab,
            }
        }
        _ => {}
    }
}

/// Fill a `lvlText` template: `%N` is level N's current value in level N's format (Arabic for
/// every level when `legal`).
fn render(template: &str, fmt: NumFmt, legal: bool, value: impl Fn(u8) -> (u32, NumFmt)) -> String {
    if fmt == NumFmt::Bullet {
        return bullet(template);
    }
    let mut out = String::new();
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '%' {
            if let Some(d) = chars.peek().and_then(|d| d.to_digit(10)) {
                chars.next();
                if (1..=9).contains(&d) {
                    let (v, f) = value((d - 1) as u8);
                    let f = if legal && f != NumFmt::None {
                        NumFmt::Decimal
                    } else {
                        f
                    };
                    out.push_str(&format_number(v, f));
                }
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// Bullets are often Symbol/Wingdings private-use code points (U+F0xx: the font's byte with
/// 0xF000 added); show them as the glyph Word draws: Symbol's `·` (B7) and Wingdings' `l` as
/// `•`, Wingdings' `§`/`n` (small/large black squares) as `▪`, its `q`/`o`/`¨` (hollow squares)
/// as `□`, `Ø` as `➢`, `ü` as `✓`, `v` as `❖`; any other private-use bullet as `•`. A bullet
/// that is just `o` is Word's default second-level bullet (`o` in Courier New), drawn as `◦`.
fn bullet(template: &str) -> String {
    if template == "o" {
        return "◦".to_string();
    }
    if template
        .chars()
        .any(|c| ('\u{E000}'..='\u{F8FF}').contains(&c))
    {
        template
            .chars()
            .filter_map(|c| match c as u32 {
                0xF0B7 | 0xF06C | 0xF09F => Some('•'),
                0xF0A7 | 0xF06E => Some('▪'),
                0xF071 | 0xF06F | 0xF0A8 => Some('□'),
                0xF0D8 => Some('➢'),
                0xF0FC => Some('✓'),
                0xF076 => Some('❖'),
                0xE000..=0xF8FF => Some('•'),
                _ if c.is_whitespace() || c.is_control() => None,
                _ => Some(c),
            })
            .collect()
    } else {
        template.to_string()
    }
}

#[cfg(test)]
mod bullet_tests {
    #[test]
    fn symbol_and_wingdings_bullets_draw_as_word_shows_them() {
        assert_eq!(super::bullet("\u{F0B7}"), "•");
        assert_eq!(super::bullet("\u{F0A7}"), "▪");
        assert_eq!(super::bullet("\u{F0FC}"), "✓");
        assert_eq!(super::bullet("\u{F0D8}"), "➢");
        assert_eq!(super::bullet("\u{F0E0}"), "•");
        assert_eq!(super::bullet("o"), "◦");
        assert_eq!(super::bullet("-"), "-");
        assert_eq!(super::bullet("\u{F0B7}\t"), "•");
    }
}

/// One number in one format.
pub(crate) fn format_number(n: u32, fmt: NumFmt) -> String {
    match fmt {
        NumFmt::Decimal => n.to_string(),
        NumFmt::Ordinal => ordinal(n),
        NumFmt::DecimalZero => format!("{n:02}"),
        NumFmt::DecimalFullWidth => n
            .to_string()
            .chars()
            .filter_map(|c| char::from_u32(c as u32 - '0' as u32 + 0xFF10))
            .collect(),
        NumFmt::DecimalEnclosedCircle => match n {
            1..=20 => char::from_u32(0x2460 + n - 1).map_or_else(|| n.to_string(), String::from),
            _ => n.to_string(),
        },
        NumFmt::UpperLetter => letters(n, b'A'),
        NumFmt::LowerLetter => letters(n, b'a'),
        NumFmt::UpperRoman => roman(n),
        NumFmt::LowerRoman => roman(n).to_lowercase(),
        NumFmt::ChineseCounting => {
            // Word writes 1–99 with 十 (十一, 三十二) and larger numbers digit by digit: MS-DOCX
            // §2.4 lists the sequence as 一, 十, 一〇〇 (chineseCountingThousand: 一, 十, 一百).
            if n < 100 {
                chinese(n, &CN_SMALL)
            } else {
                digits(n)
            }
        }
        NumFmt::ChineseCountingThousand => chinese(n, &CN_SMALL),
        NumFmt::ChineseLegal => chinese(n, &CN_LEGAL),
        NumFmt::IdeographDigital => digits(n),
        NumFmt::IdeographTraditional => cycle(
            n,
            &['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'],
        ),
        NumFmt::IdeographZodiac => cycle(
            n,
            &[
                '子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥',
            ],
        ),
        NumFmt::Bullet | NumFmt::None => String::new(),
    }
}

/// 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st.
fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

fn letters(n: u32, base: u8) -> String {
    if n == 0 {
        return String::new();
    }
    // Word repeats the letter: 27 → AA, 28 → BB.
    let idx = (n - 1) % 26;
    let times = (n - 1) / 26 + 1;
    let c = char::from(base + idx as u8);
    std::iter::repeat_n(c, times.min(50) as usize).collect()
}

fn roman(mut n: u32) -> String {
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

fn digits(n: u32) -> String {
    n.to_string()
        .bytes()
        .filter_map(|b| CN_DIGITS.get(usize::from(b - b'0')).copied())
        .collect()
}

fn cycle(n: u32, set: &[char]) -> String {
    if n == 0 || set.is_empty() {
        return n.to_string();
    }
    set.get(((n - 1) as usize) % set.len())
        .map_or_else(String::new, |c| c.to_string())
}

struct CnSet {
    digits: [char; 10],
    units: [char; 3], // 十 百 千
    zero: char,
    wan: char,
}

const CN_SMALL: CnSet = CnSet {
    digits: CN_DIGITS,
    units: CN_UNITS,
    zero: '零',
    wan: CN_WAN,
};

const CN_LEGAL: CnSet = CnSet {
    digits: CN_LEGAL_DIGITS,
    units: CN_LEGAL_UNITS,
    zero: '零',
    wan: CN_WAN,
};

/// Chinese numerals with place units: 10 → 十, 32 → 三十二, 101 → 一百零一, 1010 → 一千零一十.
fn chinese(n: u32, set: &CnSet) -> String {
    if n == 0 {
        return set.zero.to_string();
    }
    if n >= 10_000 {
        let high = n / 10_000;
        let low = n % 10_000;
        let mut s = chinese(high, set);
        s.push(set.wan);
        if low > 0 {
            if low < 1000 {
                s.push(set.zero);
            }
            s.push_str(&four(low, set, false));
        }
        return s;
    }
    four(n, set, true)
}

/// 1..=9999. `leading` drops the 一 of 一十 when the number starts with the tens (十一, not 一十一).
fn four(n: u32, set: &CnSet, leading: bool) -> String {
    let ds = [n / 1000 % 10, n / 100 % 10, n / 10 % 10, n % 10];
    let units = [
        Some(set.units[2]),
        Some(set.units[1]),
        Some(set.units[0]),
        None,
    ];
    let mut out = String::new();
    let mut pending_zero = false;
    let mut started = false;
    for (i, (&d, unit)) in ds.iter().zip(units).enumerate() {
        if d == 0 {
            if started {
                pending_zero = true;
            }
            continue;
        }
        if pending_zero {
            out.push(set.zero);
            pending_zero = false;
        }
        let skip_one = leading && !started && i == 2 && d == 1 && set.units[0] == '十';
        if !skip_one {
            out.extend(set.digits.get(d as usize));
        }
        if let Some(u) = unit {
            out.push(u);
        }
        started = true;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        let cases: &[(u32, NumFmt, &str)] = &[
            (1, NumFmt::ChineseCounting, "一"),
            (1, NumFmt::Ordinal, "1st"),
            (12, NumFmt::Ordinal, "12th"),
            (22, NumFmt::Ordinal, "22nd"),
            (103, NumFmt::Ordinal, "103rd"),
            (10, NumFmt::ChineseCounting, "十"),
            (11, NumFmt::ChineseCounting, "十一"),
            (20, NumFmt::ChineseCounting, "二十"),
            (32, NumFmt::ChineseCounting, "三十二"),
            (100, NumFmt::ChineseCounting, "一〇〇"),
            (101, NumFmt::ChineseCounting, "一〇一"),
            (100, NumFmt::ChineseCountingThousand, "一百"),
            (10, NumFmt::IdeographDigital, "一〇"),
            (101, NumFmt::ChineseCountingThousand, "一百零一"),
            (110, NumFmt::ChineseCountingThousand, "一百一十"),
            (1010, NumFmt::ChineseCountingThousand, "一千零一十"),
            (12, NumFmt::ChineseLegal, "壹拾贰"),
            (3, NumFmt::IdeographTraditional, "丙"),
            (11, NumFmt::IdeographTraditional, "甲"),
            (3, NumFmt::DecimalEnclosedCircle, "③"),
            (21, NumFmt::DecimalEnclosedCircle, "21"),
            (28, NumFmt::UpperLetter, "BB"),
            (3, NumFmt::LowerLetter, "c"),
            (14, NumFmt::UpperRoman, "XIV"),
            (9, NumFmt::LowerRoman, "ix"),
            (7, NumFmt::DecimalZero, "07"),
            (12, NumFmt::DecimalFullWidth, "１２"),
            (5, NumFmt::None, ""),
        ];
        for &(n, f, want) in cases {
            assert_eq!(format_number(n, f), want, "{n} {f:?}");
        }
    }

    const XML: &str = r#"<w:numbering xmlns:w="w">
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:lvlRestart w:val="1"/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="1">
        <w:lvl w:ilvl="0"><w:start w:val="2"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1章"/></w:lvl>
        <w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/><w:isLgl/></w:lvl>
        <w:lvl w:ilvl="2"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#xF0B7;"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>
      <w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
    </w:numbering>"#;

    fn labels(n: &mut Numbering, seq: &[(&str, u8)]) -> Vec<String> {
        seq.iter()
            .map(|(id, l)| n.next_label(id, *l).map(|l| l.text).unwrap_or_default())
            .collect()
    }

    #[test]
    fn counters_restart_and_continue() {
        let mut n = Numbering::parse(XML, 64).unwrap();
        let got = labels(
            &mut n,
            &[
                ("1", 0),
                ("1", 1),
                ("1", 2),
                ("1", 1),
                ("1", 2),
                ("2", 0),
                ("1", 1),
                ("2", 2),
                ("0", 0),
            ],
        );
        // numId 2 shares abstract 0 with numId 1, so it continues it; level 3 (lvlRestart 1)
        // survives the level-2 headings but restarts after 二、.
        assert_eq!(
            got,
            [
                "一、",
                "（一）",
                "1.",
                "（二）",
                "2.",
                "二、",
                "（一）",
                "1.",
                ""
            ]
        );
    }

    #[test]
    fn templates_legal_bullets_and_overrides() {
        let mut n = Numbering::parse(XML, 64).unwrap();
        let got = labels(
            &mut n,
            &[("3", 0), ("3", 1), ("3", 1), ("3", 2), ("4", 0), ("4", 0)],
        );
        assert_eq!(got, ["第二章", "2.1.", "2.2.", "•", "五、", "六、"]);
        assert_eq!(n.next_label("1", 0).unwrap().suffix, Suffix::Nothing);
    }
}
