//! The one PostScript tokenizer of the PDF reader, tolerant of garbage: content streams
//! (operands and operators, [`Lexer::next_op`]) and embedded CMaps (a flat token stream,
//! [`Lexer::token`]) share its scanners for white space and comments, literal and hex strings,
//! names, numbers and words.
//!
//! Written by hand rather than using lopdf's content parser because that one rejects a whole
//! stream at the first bad token, while real files have stray bytes that viewers skip; and it
//! lets inline images be skipped without decoding them.

/// One operand.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Operand {
    /// Integer or real.
    Num(f32),
    /// Literal or hex string bytes.
    Str(Vec<u8>),
    /// Name without the slash.
    Name(Vec<u8>),
    /// Array.
    Array(Vec<Operand>),
    /// Dictionary (key, value) pairs.
    Dict(Vec<(Vec<u8>, Operand)>),
    /// `true` or `false` (in an operator's operands; inside arrays and dictionaries they are
    /// skipped).
    Bool(bool),
    /// `null` and anything else.
    Other,
}

/// One flat PostScript token (see [`Lexer::token`]).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Token<'a> {
    /// Integer or real.
    Num(f32),
    /// Literal string bytes, escapes resolved.
    Str(Vec<u8>),
    /// Hex string bytes.
    Hex(Vec<u8>),
    /// Name without the slash, `#xx` escapes resolved.
    Name(Vec<u8>),
    /// An operator or keyword (`Tj`, `begincidrange`, `true`).
    Word(&'a [u8]),
    /// `[` and `]`.
    ArrayOpen,
    ArrayClose,
    /// `<<` and `>>`.
    DictOpen,
    DictClose,
    /// A byte that starts nothing (a stray `)`, `}` or `>`), skipped.
    Junk(u8),
}

/// Nesting bound for arrays and dictionaries in content streams (real files use 2–3).
const MAX_NESTING: usize = 32;

/// The tokenizer over one content stream.
pub(crate) struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
    /// The data of the inline image just skipped (between `ID` and `EI`).
    inline: &'a [u8],
}

fn is_delim(c: u8) -> bool {
    b"()<>[]{}/%".contains(&c)
}

fn is_white(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\r' | b'\n' | 0x0C | 0)
}

/// The first byte of an operator or keyword.
fn is_word_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'\'' || c == b'"' || c == b'*'
}

impl<'a> Lexer<'a> {
    /// A lexer at the start of `data`.
    pub fn new(data: &'a [u8]) -> Self {
        Lexer {
            data,
            pos: 0,
            inline: &[],
        }
    }

    /// The offset of the next byte to read (the CMap parser looks at a hex string's raw
    /// digits).
    pub fn pos(&self) -> usize {
        self.pos
    }

    fn peek(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    fn skip_white(&mut self) {
        while let Some(c) = self.peek() {
            if is_white(c) {
                self.pos += 1;
            } else if c == b'%' {
                while self.peek().is_some_and(|c| c != b'\n' && c != b'\r') {
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    /// The next flat token, white space and comments skipped; `None` at the end. Arrays and
    /// dictionaries are not assembled: their brackets are tokens.
    pub fn token(&mut self) -> Option<Token<'a>> {
        self.skip_white();
        let c = self.peek()?;
        let next = self.data.get(self.pos + 1).copied();
        Some(match c {
            b'(' => Token::Str(self.literal()),
            b'<' if next == Some(b'<') => {
                self.pos += 2;
                Token::DictOpen
            }
            b'>' if next == Some(b'>') => {
                self.pos += 2;
                Token::DictClose
            }
            b'<' => Token::Hex(self.hex()),
            b'[' => {
                self.pos += 1;
                Token::ArrayOpen
            }
            b']' => {
                self.pos += 1;
                Token::ArrayClose
            }
            b'/' => Token::Name(self.name()),
            b'+' | b'-' | b'.' | b'0'..=b'9' => Token::Num(self.number()),
            c if is_word_start(c) => Token::Word(self.word()),
            c => {
                self.pos += 1;
                Token::Junk(c)
            }
        })
    }

    /// The next operator, with its operands in `operands` (cleared first). `None` at the end.
    pub fn next_op(&mut self, operands: &mut Vec<Operand>) -> Option<&'a [u8]> {
        operands.clear();
        loop {
            self.skip_white();
            let c = self.peek()?;
            if is_word_start(c) {
                let word = self.word();
                match word {
                    b"true" | b"false" => operands.push(Operand::Bool(word == b"true")),
                    b"null" => operands.push(Operand::Other),
                    b"ID" => {
                        self.skip_inline_image();
                        return Some(b"EI");
                    }
                    _ => return Some(word),
                }
            } else if let Some(op) = self.operand(0) {
                if operands.len() < 64 {
                    operands.push(op);
                }
            } else {
                // A byte that starts nothing (a stray `)` or `}`): skip it.
                self.pos += 1;
            }
        }
    }

    /// The data of the inline image whose `EI` [`Lexer::next_op`] returned last (its dictionary
    /// entries are that operator's operands, flat: key, value, key, value).
    pub fn inline_image_data(&self) -> &'a [u8] {
        self.inline
    }

    /// Skip inline image data after `ID`: up to `EI` standing between white space.
    fn skip_inline_image(&mut self) {
        self.pos += 1;
        let start = self.pos;
        let d = self.data;
        self.inline = &[];
        while self.pos + 2 <= d.len() {
            let at = self.pos;
            if d.get(at) == Some(&b'E')
                && d.get(at + 1) == Some(&b'I')
                && at > 0
                && d.get(at - 1).copied().is_some_and(is_white)
                && d.get(at + 2).is_none_or(|&c| is_white(c))
            {
                self.inline = d.get(start..at - 1).unwrap_or_default();
                self.pos = at + 2;
                return;
            }
            self.pos += 1;
        }
        self.pos = d.len();
    }

    fn operand(&mut self, depth: usize) -> Option<Operand> {
        self.skip_white();
        let c = self.peek()?;
        match c {
            b'(' => Some(Operand::Str(self.literal())),
            b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                self.pos += 2;
                let mut items = Vec::new();
                loop {
                    self.skip_white();
                    match self.peek() {
                        None => break,
                        Some(b'>') => {
                            self.pos += 2;
                            break;
                        }
                        Some(b'/') => {
                            let Some(Operand::Name(k)) = self.operand(depth + 1) else {
                                break;
                            };
                            let v = if depth < MAX_NESTING {
                                self.operand(depth + 1).unwrap_or(Operand::Other)
                            } else {
                                Operand::Other
                            };
                            items.push((k, v));
                        }
                        Some(_) => {
                            // Not a key: skip the value to make progress.
                            if depth >= MAX_NESTING || self.operand(depth + 1).is_none() {
                                self.pos += 1;
                            }
                        }
                    }
                }
                Some(Operand::Dict(items))
            }
            b'<' => Some(Operand::Str(self.hex())),
            b'[' => {
                self.pos += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_white();
                    match self.peek() {
                        None => break,
                        Some(b']') => {
                            self.pos += 1;
                            break;
                        }
                        Some(c) if c.is_ascii_alphabetic() => {
                            // An operator inside an array: malformed; end the array here.
                            break;
                        }
                        Some(_) => {
                            if depth >= MAX_NESTING {
                                self.pos += 1;
                                continue;
                            }
                            match self.operand(depth + 1) {
                                Some(o) => items.push(o),
                                None => self.pos += 1,
                            }
                        }
                    }
                }
                Some(Operand::Array(items))
            }
            b'/' => Some(Operand::Name(self.name())),
            b'+' | b'-' | b'.' | b'0'..=b'9' => Some(Operand::Num(self.number())),
            _ => None,
        }
    }

    /// A run of regular bytes (up to white space or a delimiter) from the current one.
    fn word(&mut self) -> &'a [u8] {
        let start = self.pos;
        while self.peek().is_some_and(|c| !is_white(c) && !is_delim(c)) {
            self.pos += 1;
        }
        self.data.get(start..self.pos).unwrap_or_default()
    }

    /// A name at the `/`.
    fn name(&mut self) -> Vec<u8> {
        self.pos += 1;
        unescape_name(self.word())
    }

    /// A number at its sign, point or first digit; odd forms keep their valid start.
    fn number(&mut self) -> f32 {
        let start = self.pos;
        self.pos += 1;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_digit() || c == b'.' || c == b'-')
        {
            self.pos += 1;
        }
        let s =
            std::str::from_utf8(self.data.get(start..self.pos).unwrap_or_default()).unwrap_or("0");
        parse_num(s)
    }

    fn literal(&mut self) -> Vec<u8> {
        self.pos += 1;
        let mut out = Vec::new();
        let mut depth = 1usize;
        while let Some(c) = self.peek() {
            self.pos += 1;
            match c {
                b'\\' => {
                    let Some(n) = self.peek() else { break };
                    self.pos += 1;
                    match n {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'\r' => {
                            if self.peek() == Some(b'\n') {
                                self.pos += 1;
                            }
                        }
                        b'\n' => {}
                        b'0'..=b'7' => {
                            let mut v = u32::from(n - b'0');
                            for _ in 0..2 {
                                match self.peek() {
                                    Some(d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push(v as u8);
                        }
                        other => out.push(other),
                    }
                }
                b'(' => {
                    depth += 1;
                    out.push(c);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                    out.push(c);
                }
                _ => out.push(c),
            }
        }
        out
    }

    fn hex(&mut self) -> Vec<u8> {
        self.pos += 1;
        let mut nibbles = Vec::new();
        while let Some(c) = self.peek() {
            self.pos += 1;
            if c == b'>' {
                break;
            }
            if let Some(d) = (c as char).to_digit(16) {
                nibbles.push(d as u8);
            }
        }
        if nibbles.len() % 2 == 1 {
            nibbles.push(0);
        }
        nibbles
            .chunks(2)
            .map(|p| (p.first().copied().unwrap_or(0) << 4) | p.get(1).copied().unwrap_or(0))
            .collect()
    }
}

fn parse_num(s: &str) -> f32 {
    if let Ok(v) = s.parse::<f32>() {
        return if v.is_finite() { v } else { 0.0 };
    }
    // Odd forms such as `--5` or `1.2.3`: keep the leading valid part.
    let t: String = s
        .trim_start_matches(['+', '-'])
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let neg = s.starts_with('-');
    let v = t
        .split('.')
        .take(2)
        .collect::<Vec<_>>()
        .join(".")
        .parse::<f32>()
        .unwrap_or(0.0);
    if neg {
        -v
    } else {
        v
    }
}

fn unescape_name(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while let Some(&c) = raw.get(i) {
        if c == b'#' {
            let h = raw
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            if let Some(v) = h {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(src: &[u8]) -> Vec<(String, Vec<Operand>)> {
        let mut l = Lexer::new(src);
        let mut v = Vec::new();
        let mut out = Vec::new();
        while let Some(op) = l.next_op(&mut v) {
            out.push((String::from_utf8_lossy(op).into_owned(), v.clone()));
        }
        out
    }

    #[test]
    fn operators_and_operands() {
        let got =
            ops(b"BT /F1 12 Tf 1 0 0 1 72.5 -.5 Tm (a\\(b\\)\\101) Tj [<4e2d> -250 (x)] TJ ET");
        let names: Vec<&str> = got.iter().map(|(o, _)| o.as_str()).collect();
        assert_eq!(names, ["BT", "Tf", "Tm", "Tj", "TJ", "ET"]);
        assert_eq!(
            got[1].1,
            vec![Operand::Name(b"F1".to_vec()), Operand::Num(12.0)]
        );
        assert_eq!(got[2].1[5], Operand::Num(-0.5));
        assert_eq!(got[3].1, vec![Operand::Str(b"a(b)A".to_vec())]);
        assert_eq!(
            got[4].1,
            vec![Operand::Array(vec![
                Operand::Str(vec![0x4E, 0x2D]),
                Operand::Num(-250.0),
                Operand::Str(b"x".to_vec())
            ])]
        );
    }

    #[test]
    fn inline_images_and_marked_content() {
        let got =
            ops(b"BI /W 2 /H 2 ID \x00EI\xff \nEI\n /P <</MCID 3 /ActualText (x)>> BDC EMC (t) Tj");
        let names: Vec<&str> = got.iter().map(|(o, _)| o.as_str()).collect();
        assert_eq!(names, ["BI", "EI", "BDC", "EMC", "Tj"]);
    }

    #[test]
    fn garbage_never_loops_or_panics() {
        for src in [
            &b")))}}}"[..],
            b"<<<<[[[[",
            b"(unterminated",
            b"<abc",
            b"1.2.3 --4 Td",
            b"[1 2 Tj",
        ] {
            let _ = ops(src);
        }
        let deep = vec![b'['; 100_000];
        let _ = ops(&deep);
    }

    fn flat(src: &[u8]) -> Vec<Token<'_>> {
        let mut l = Lexer::new(src);
        std::iter::from_fn(|| l.token()).collect()
    }

    #[test]
    fn flat_tokens_of_a_cmap_snippet() {
        let src = b"%!PS comment\n/CIDInit /ProcSet findresource begin\n\
            /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) >> def\n\
            1 begincodespacerange <00> <FF> endcodespacerange\n\
            1 beginbfrange <20> <21> [<0041> <0042>] endbfrange\n\
            /Weird#20Name usecmap";
        let toks = flat(src);
        assert_eq!(toks[0], Token::Name(b"CIDInit".to_vec()));
        assert_eq!(toks[2], Token::Word(b"findresource"));
        assert!(toks.contains(&Token::DictOpen) && toks.contains(&Token::DictClose));
        assert!(toks.contains(&Token::Str(b"GB1".to_vec())));
        let at = toks
            .iter()
            .position(|t| *t == Token::Word(b"begincodespacerange"));
        assert_eq!(toks[at.unwrap() - 1], Token::Num(1.0));
        assert_eq!(toks[at.unwrap() + 1], Token::Hex(vec![0x00]));
        let at = toks.iter().position(|t| *t == Token::ArrayOpen).unwrap();
        assert_eq!(toks[at + 1], Token::Hex(vec![0x00, 0x41]));
        assert_eq!(toks[at + 3], Token::ArrayClose);
        // Names resolve #xx escapes.
        assert_eq!(toks[toks.len() - 2], Token::Name(b"Weird Name".to_vec()));
    }

    #[test]
    fn flat_tokens_of_malformed_input() {
        // Stray closers are junk, an odd hex digit is padded, an unterminated string ends at
        // the end of the data, odd numbers keep their valid start.
        assert_eq!(flat(b") }"), [Token::Junk(b')'), Token::Junk(b'}')]);
        assert_eq!(flat(b"<4>"), [Token::Hex(vec![0x40])]);
        assert_eq!(flat(b"(abc"), [Token::Str(b"abc".to_vec())]);
        assert_eq!(flat(b"1.2.3 --4"), [Token::Num(1.2), Token::Num(-4.0)]);
        assert_eq!(flat(b"<<"), [Token::DictOpen]);
        // A content-stream snippet flattens to the same leaves the operand parser sees.
        assert_eq!(
            flat(b"[(a) -250] TJ"),
            [
                Token::ArrayOpen,
                Token::Str(b"a".to_vec()),
                Token::Num(-250.0),
                Token::ArrayClose,
                Token::Word(b"TJ")
            ]
        );
        for src in [&b"<<<<[[[["[..], b"%", b"/", b"(\\", b"\xff\xfe", b"+"] {
            assert!(flat(src).len() <= src.len());
        }
    }
}
