//! Table-driven tests of the RTF reader.

use super::*;

fn blocks(rtf: &str) -> Vec<Block> {
    read(rtf.as_bytes(), &ReadOptions::default())
        .unwrap()
        .blocks
}

fn texts(rtf: &str) -> Vec<String> {
    blocks(rtf).into_iter().map(|b| b.text).collect()
}

#[test]
fn gbk_escapes_and_unicode() {
    let cases: &[(&str, &[&str])] = &[
        // GBK pairs, one character split over two escapes.
        (r"{\rtf1\ansi\ansicpg936 \'d5\'fb\'b8\'c4\par}", &["整改"]),
        // The font's charset decides, not the document's code page.
        (
            r"{\rtf1\ansi\ansicpg1252{\fonttbl{\f1\fcharset134 SimSun;}}\f1 \'d7\'ee\'b4\'f3\'c8\'dd\'c1\'bf\par}",
            &["最大容量"],
        ),
        // \uN with \uc1 fallback skipped; negative N; \uc2 with a GBK pair as fallback.
        (r"{\rtf1\u25972?\u-28404?\par}", &["整鄌"]),
        (
            r"{\rtf1\ansicpg936\uc2\u25972\'d5\'fb\u25913\'b8\'c4\par}",
            &["整改"],
        ),
        // A surrogate pair.
        (r"{\rtf1\u-10179?\u-8694?\par}", &["😊"]),
        (
            r"{\rtf1 a\u-10179?b\u-8694?c\u-10179?\u-10179?\u-8694?\par}",
            &["a�b�c�😊"],
        ),
        // Skipped destinations and headers; a field keeps its result.
        (
            r"{\rtf1{\info{\title X}}{\header H\par}{\*\generator G;}{\field{\*\fldinst PAGE}{\fldrslt 7}}A\par B\line C\par}",
            &["7A", "B\nC"],
        ),
        // `\*` inside a group is no destination; bytes after the last `}` are not text.
        (r"{\rtf1{\b\*\cs7 The fox}\par}\x01 junk", &["The fox"]),
        // A list label is kept, without its tab; \{ \} \\ are text.
        (r"{\rtf1{\listtext  1.\tab}x\{y\}\\\par}", &["1. x{y}\\"]),
        (r"{\rtf1{\listtext \u19968?\u12289?\tab}x\par}", &["一、x"]),
        (
            r"{\rtf1{\fonttbl{\f3\fcharset2 Symbol;}}{\listtext\f3 \'b7\tab}x\par}",
            &["• x"],
        ),
    ];
    for (rtf, want) in cases {
        assert_eq!(texts(rtf), *want, "{rtf}");
    }
}

#[test]
fn tables_and_merges() {
    let rtf = r"{\rtf1 before\par
\trowd\clvmgf\cellx1000\cellx2000\clmrg\cellx3000\pard\intbl a\cell b\cell c\cell\row
\trowd\clvmrg\cellx1000\cellx2000\cellx3000\pard\intbl \cell d\par e\cell f\cell\row
\pard after\par}";
    let b = blocks(rtf);
    assert_eq!(b.len(), 3);
    let t = b[1].table.as_ref().unwrap();
    assert_eq!(
        crate::testutil::table_shape(t),
        vec![
            vec![("a", 1, 2), ("b", 2, 1)],
            vec![("d\ne", 1, 1), ("f", 1, 1)]
        ]
    );
    assert_eq!(b[2].text, "after");
}

#[test]
fn hints_from_paragraph_and_style() {
    let rtf = r"{\rtf1{\stylesheet{\s1 heading 1;}{\s2\outlinelevel1 Sub;}}\pard\qc\b\fs44 T\par\pard\s1 H\par\pard\s2 S\par}";
    let b = blocks(rtf);
    assert_eq!(b[0].hints.align, Some(Align::Center));
    assert_eq!(b[0].hints.font_size, Some(22.0));
    assert!(b[0].hints.bold);
    assert_eq!(b[1].hints.heading_level, Some(1));
    assert_eq!(b[2].hints.heading_level, Some(2));
}

#[test]
fn hostile_input_is_bounded() {
    let deep = "{".repeat(100_000);
    let err = read(deep.as_bytes(), &ReadOptions::default()).unwrap_err();
    assert_eq!(err.code(), "limit_exceeded");
    for junk in [
        r"{\rtf1\bin999999999 x}",
        r"{\rtf1\'",
        r"{\rtf1\'zz\u99999999999999\uc-5\u-99999 x}}}}}",
        "{\\rtf1\\",
        r"{\rtf1\cell\row\cell\intbl\row}",
    ] {
        assert!(
            read(junk.as_bytes(), &ReadOptions::default()).is_ok(),
            "{junk}"
        );
    }
    assert!(is_rtf(b"\xEF\xBB\xBF \n{\\rtf1}"));
    assert!(!is_rtf(b"rtf"));
}
