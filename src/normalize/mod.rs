//! The normalizer: character and whitespace rules a Chinese copy editor applies.
//!
//! It knows characters, nothing else: no notices, no formats. [`text`] normalizes one string;
//! [`blocks`] applies it to every block. Both are total and idempotent
//! (`text(text(x)) == text(x)`, checked by a property test), and [`text`] borrows its input
//! when no rule changes anything.
//!
//! Each rule is a pure `&str -> Cow<str>` function in its own file, switched by one
//! [`NormalizeOptions`] flag. They run in this order (each step sees the output of the last):
//!
//! 1. [`width::ascii_alnum`] (`ascii_alnum`): `２０２０` → `2020`;
//! 2. [`space::odd_spaces`] (`whitespace`): U+3000, NBSP, tabs → space; zero-width chars go;
//!    `\r\n` → `\n`;
//! 3. [`lines::join_lines`] (`join_lines`): wrapped lines joined;
//! 4. [`titles::title_marks`] (`title_marks`): `<<通知>>` → `《通知》`, `<…>` inside → `〈…〉`;
//! 5. [`period::full_stops`] (`full_stops`): `整改.下一步` → `整改。下一步`;
//! 6. [`ellipsis::ellipses`] (`ellipses`): `...` `......` `。。。` → `……` in Chinese context;
//! 7. [`dash::dashes`] (`dashes`): `--` and `— —` between Chinese → `——`;
//! 8. [`decimal::split_decimals`] (`split_decimals`): `12. 5%` → `12.5%` in Chinese context;
//! 9. [`punct::punctuation`] (`punctuation`): `,` → `，` etc. in Chinese context;
//! 10. [`quotes::quotes`] (`quotes`): `"…"` → `“…”` in Chinese context;
//! 11. [`space::collapse`] (`whitespace`): runs, spaces inside Chinese text, indentation, blank lines.
//!
//! Punctuation comes after line joining (its context must see the whole sentence) and before
//! space collapsing (`, 4月` only loses its space once the comma is full-width). There is no
//! NFKC anywhere: the mappings are the tables in each file (`docs/normalization.md`).
//!
//! The order of steps 4–10 keeps the whole idempotent: a rule may read what an earlier rule
//! wrote, but nothing a later rule writes may change an earlier rule's decision. The title marks
//! come first (`《》` are Chinese context for everything after them); full stops come before
//! the ellipsis and dash rules (which see `。` as Chinese, while the full-stop rule treats
//! `...`/`……` and `--`/`——` alike) and before punctuation and quotes (whose products it treats
//! like their ASCII originals).

use std::borrow::Cow;

use crate::model::{Block, BlockKind, Note};
use crate::options::NormalizeOptions;

mod class;
mod cursor;
pub(crate) mod dash;
pub(crate) mod decimal;
pub(crate) mod ellipsis;
pub(crate) mod lines;
mod patch;
pub(crate) mod period;
mod protect;
pub(crate) mod punct;
pub(crate) mod quotes;
pub(crate) mod space;
pub(crate) mod titles;
pub(crate) mod width;

/// Normalize one string. Borrows when nothing changes.
///
/// ```
/// use gongwen::normalize::text;
/// let opts = gongwen::NormalizeOptions::default();
/// assert_eq!(text("根据部署,２０２０ 年(一)", &opts), "根据部署，2020年（一）");
/// assert_eq!(text("电话:020-36993133", &opts), "电话：020-36993133");
/// assert!(matches!(text("已经规范。", &opts), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn text<'a>(input: &'a str, opts: &NormalizeOptions) -> Cow<'a, str> {
    let mut s = Cow::Borrowed(input);
    if opts.ascii_alnum {
        s = then(s, width::ascii_alnum);
    }
    if opts.whitespace {
        s = then(s, space::odd_spaces);
    }
    if opts.join_lines {
        s = then(s, lines::join_lines);
    }
    if may_hold_marks(&s) {
        if opts.title_marks {
            s = then(s, titles::title_marks);
        }
        if opts.full_stops {
            s = then(s, period::full_stops);
        }
        if opts.ellipses {
            s = then(s, ellipsis::ellipses);
        }
        if opts.dashes {
            s = then(s, dash::dashes);
        }
        if opts.split_decimals {
            s = then(s, decimal::split_decimals);
        }
    }
    if opts.punctuation {
        s = then(s, punct::punctuation);
    }
    if opts.quotes {
        s = then(s, quotes::quotes);
    }
    if opts.whitespace {
        s = then(s, space::collapse);
    }
    s
}

/// Whether one of the GB/T 15834 mark rules (title marks, full stops, ellipses, dashes, split
/// decimals) could fire: each needs a `.`, `<` or `-`, a `— `, or a `。` doubled or followed by a
/// space. One pass over the bytes spares the five rules' searches on the many lines (most of a
/// notice) that hold none of these; each rule still checks its own trigger exactly.
fn may_hold_marks(s: &str) -> bool {
    let bytes = s.as_bytes();
    if memchr::memchr3(b'.', b'<', b'-', bytes).is_some() {
        return true;
    }
    // `—` is E2 80 94 and `。` E3 80 82 in UTF-8: only those lead bytes need a closer look.
    memchr::memchr2_iter(0xE2, 0xE3, bytes).any(|i| {
        let rest = bytes.get(i..).unwrap_or_default();
        ["— ", "。。", "。 "]
            .iter()
            .any(|t| rest.starts_with(t.as_bytes()))
    })
}

/// Apply `rule` to `s`, keeping a borrow when neither step allocated.
fn then<'a>(s: Cow<'a, str>, rule: impl for<'x> Fn(&'x str) -> Cow<'x, str>) -> Cow<'a, str> {
    match s {
        Cow::Borrowed(b) => rule(b),
        Cow::Owned(o) => match rule(&o) {
            Cow::Borrowed(_) => Cow::Owned(o),
            Cow::Owned(n) => Cow::Owned(n),
        },
    }
}

/// Normalize the text of every block (table cells and list items included), in place order.
///
/// Tables are normalized cell by cell with line joining off: their text holds cells separated
/// by tabs and rows by newlines, and a cell's newlines separate its paragraphs, so neither
/// may be joined or turned into spaces.
pub fn blocks(mut blocks: Vec<Block>, opts: &NormalizeOptions) -> Vec<Block> {
    for block in &mut blocks {
        normalize_block(block, opts);
    }
    blocks
}

fn normalize_block(block: &mut Block, opts: &NormalizeOptions) {
    let mut cell_opts = opts.clone();
    cell_opts.join_lines = false;
    if block.kind == BlockKind::Table || block.table.is_some() {
        if let Cow::Owned(s) = cells(&block.text, &cell_opts) {
            block.text = s;
        }
    } else if let Cow::Owned(s) = text(&block.text, opts) {
        block.text = s;
    }
    if let Some(number) = &mut block.number {
        if let Cow::Owned(s) = text(number, &cell_opts) {
            *number = s;
        }
    }
    if let Some(table) = &mut block.table {
        for cell in table.rows.iter_mut().flatten() {
            if let Cow::Owned(s) = text(&cell.text, &cell_opts) {
                cell.text = s;
            }
        }
    }
}

/// Normalize the text of footnotes, endnotes and comments, paragraph by paragraph.
///
/// A note's paragraphs are joined with `\n` by the reader; those breaks are real, so line
/// joining is off and each paragraph is normalized on its own.
pub fn notes(notes: &mut [Note], opts: &NormalizeOptions) {
    let mut para_opts = opts.clone();
    para_opts.join_lines = false;
    for note in notes {
        if let Cow::Owned(s) = pieces(&note.text, &['\n'], &para_opts) {
            note.text = s;
        }
    }
}

/// Normalize a tab- and newline-separated table text piece by piece, keeping the separators.
fn cells<'a>(s: &'a str, opts: &NormalizeOptions) -> Cow<'a, str> {
    pieces(s, &['\n', '\t'], opts)
}

/// Normalize the pieces of `s` between any of `separators`, keeping the separators.
fn pieces<'a>(s: &'a str, separators: &[char], opts: &NormalizeOptions) -> Cow<'a, str> {
    let mut out = String::with_capacity(s.len());
    let mut changed = false;
    let mut rest = s;
    loop {
        let (piece, sep) = match rest.find(separators) {
            Some(i) => (&rest[..i], rest[i..].chars().next()),
            None => (rest, None),
        };
        let t = text(piece, opts);
        changed |= matches!(t, Cow::Owned(_));
        out.push_str(&t);
        let Some(sep) = sep else { break };
        out.push(sep);
        rest = &rest[piece.len() + sep.len_utf8()..];
    }
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(input: &str, want: &str) {
        let opts = NormalizeOptions::default();
        let got = text(input, &opts);
        assert_eq!(got, want, "{input:?}");
        assert_eq!(text(&got, &opts), got, "not idempotent on {input:?}");
    }

    #[test]
    fn pipeline() {
        norm(
            "  根据省委统一部署,2020年10月13日",
            "根据省委统一部署，2020年10月13日",
        );
        norm("治任务来抓, 4月18日,", "治任务来抓，4月18日，");
        norm("增长4.49 %和11.6 %,按照", "增长4.49%和11.6%，按照");
        norm(
            "来源:南粤清风网     日期:2021-11-23 10:00:00    ",
            "来源：南粤清风网 日期：2021-11-23 10:00:00",
        );
        norm("电子邮箱: syqdcs@126.com。", "电子邮箱：syqdcs@126.com。");
        norm("关于巡视\n整改, 进展", "关于巡视整改，进展");
        norm("中国 (China)", "中国（China）");
    }

    #[test]
    fn none_is_identity() {
        let s = " a,中\u{3000}(一)\n\n\n\"x\"２ ";
        assert!(matches!(
            text(s, &NormalizeOptions::none()),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn tables_keep_their_separators() {
        let mut b = Block::new(BlockKind::Table, "序号\t名称 ,单位\n１\t花都区 委");
        b = blocks(vec![b], &NormalizeOptions::default()).remove(0);
        assert_eq!(b.text, "序号\t名称，单位\n1\t花都区委");
    }

    #[test]
    fn notes_are_normalized_paragraph_by_paragraph() {
        let mut ns = vec![
            Note::new(
                crate::model::NoteKind::Comment,
                "0",
                "范围是否包括乡镇?\n请核实:\t第３条",
            ),
            Note::new(crate::model::NoteKind::Footnote, "1", "见《办法》第三条。"),
        ];
        notes(&mut ns, &NormalizeOptions::default());
        assert_eq!(ns[0].text, "范围是否包括乡镇？\n请核实：第3条");
        assert_eq!(ns[1].text, "见《办法》第三条。");
        notes(&mut ns, &NormalizeOptions::none());
        assert_eq!(ns[0].text, "范围是否包括乡镇？\n请核实：第3条");
    }

    #[test]
    fn blocks_normalize_numbers_and_keep_paragraph_breaks_in_cells() {
        let mut b = Block::new(BlockKind::Heading, "  (一)加强领导");
        b.number = Some("(一)".into());
        b.table = None;
        let b = blocks(vec![b], &NormalizeOptions::default()).remove(0);
        assert_eq!(b.text, "（一）加强领导");
        assert_eq!(b.number.as_deref(), Some("（一）"));
        assert_eq!(
            cells("段一\n段二", &NormalizeOptions::default()),
            "段一\n段二"
        );
    }
}
