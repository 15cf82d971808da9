//! Whole-parser properties: total on any block stream, run-in splits are lossless.

use proptest::prelude::*;

use super::parse;
use crate::model::Extracted;
use crate::model::{Block, BlockKind, Origin};
use crate::options::ParseOptions;
use crate::Format;

fn doc_of(lines: &[String]) -> crate::Document {
    let mut ex = Extracted::new(Format::Text);
    ex.blocks = lines
        .iter()
        .enumerate()
        .map(|(i, l)| Block::paragraph(l.as_str()).with_origin(Origin::at(i as u32)))
        .collect();
    parse(ex, &ParseOptions::default())
}

/// Lines built from the characters the passes look at.
fn line() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop::sample::select(vec![
            "一",
            "二",
            "十",
            "、",
            "（",
            "）",
            "(",
            ")",
            "1",
            "8",
            ".",
            "。",
            "：",
            ":",
            "，",
            "①",
            "②",
            "是",
            "年",
            "月",
            "日",
            "2023",
            "第",
            "方面",
            "问题",
            "附件",
            "抄送",
            "印发",
            "文件",
            "通报",
            "欢迎",
            "监督",
            "电话",
            "0371--86199800",
            "a@b.cn",
            "邮编",
            "510800",
            " ",
            "　",
            "主办单位",
            "ICP备",
            "〔2023〕",
            "号",
            "★",
            "秘密",
            "特急",
            "关于",
        ]),
        0..24,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn never_panics_and_keeps_indices(lines in proptest::collection::vec(line(), 0..30)) {
        let doc = doc_of(&lines);
        let n = doc.blocks.len() as u32;
        fn walk(s: &crate::model::Section, n: u32) -> bool {
            s.block < n && s.content.iter().all(|&c| c < n) && s.children.iter().all(|c| walk(c, n))
        }
        prop_assert!(doc.sections.iter().all(|s| walk(s, n)));
        for b in &doc.blocks {
            for item in &b.items {
                prop_assert!(item.span.start <= item.span.end);
                prop_assert!(item.span.end as usize <= b.text.chars().count());
            }
        }
    }
}

#[test]
fn run_in_split_is_lossless() {
    let line = "（二）压紧压实责任，狠抓整改落实。区委切实扛起巡视整改主体责任。";
    let doc = doc_of(&["一、总体".to_string(), line.to_string()]);
    let h = doc
        .blocks
        .iter()
        .position(|b| b.kind == BlockKind::Heading && b.level == Some(2));
    let h = h.expect("run-in heading");
    let (head, rest) = (&doc.blocks[h], &doc.blocks[h + 1]);
    let joined = format!(
        "{}{}{}",
        head.number.as_deref().unwrap_or(""),
        head.text,
        rest.text
    );
    assert_eq!(joined, line);
    let span = rest.origin.span.expect("split recorded");
    let tail: String = line.chars().skip(span.start as usize).collect();
    assert_eq!(tail, rest.text);
}

#[test]
fn empty_and_blank_inputs() {
    for lines in [
        vec![],
        vec![" ".to_string()],
        vec!["　".to_string(), "。".to_string()],
    ] {
        let doc = doc_of(&lines);
        assert!(doc.sections.is_empty());
    }
}
