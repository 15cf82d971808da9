//! Pass 1: metadata. Moves `meta_field` blocks (from an HTML 政府信息公开 table, labelled lines,
//! DOCX/PDF properties) and, in the head of the document, labelled metadata lines of text input
//! (`索引号: … 分类: …`, `来源:南粤清风网  日期:2021-11-23 10:00:00`) out of the block stream and
//! into [`Meta`].
//!
//! The head is everything before the first body sentence or heading: a labelled line there is
//! metadata; the same wording later in the body is prose and is left alone. Labels are
//! de-padded (`索 引 号` → `索引号`) and mapped to fields; dates become ISO (time dropped);
//! empty values (`文号: `) leave the field `None`; labels with no field of their own
//! (有效性 …) go to `meta.extra`. Labelled values override what the file format's own
//! metadata said (a `<title>` carries the site name; the 标题 row does not); among labelled
//! values the first one wins.

use std::collections::HashSet;

use crate::model::{Block, BlockKind, Code, Diagnostic, Meta, MetaField};
use crate::vocab::date::iso_date;
use crate::vocab::labels::{
    depad, field_of, label_value_pairs, split_labelled_line, split_terms, Field,
};

/// Take metadata out of `blocks` and into `meta`.
pub(crate) fn apply(blocks: &mut Vec<Block>, meta: &mut Meta, warnings: &mut Vec<Diagnostic>) {
    let head_end = head_end(blocks);
    let mut filler = Filler {
        meta,
        warnings,
        labelled: HashSet::new(),
    };
    let taken = std::mem::take(blocks);
    for (i, block) in taken.into_iter().enumerate() {
        if block.kind == BlockKind::MetaField {
            let key = depad(block.key.as_deref().unwrap_or_default());
            filler.field(&key, &block.text, &block);
            continue;
        }
        if i < head_end && block.kind == BlockKind::Table {
            if let Some(pairs) = table_pairs(&block) {
                for (key, value) in pairs {
                    filler.field(&key, &value, &block);
                }
                continue;
            }
        }
        if i < head_end && is_line(&block) {
            if let Some(pairs) = split_labelled_line(&block.text) {
                for pair in pairs.into_iter().filter(|p| !p.chrome) {
                    filler.field(&pair.key, &pair.value, &block);
                }
                continue;
            }
        }
        blocks.push(block);
    }
}

/// A metadata table above the title of a DOCX or PDF (`索引号 | … | 分类 | …`, the layout of
/// the HTML 政府信息公开 table): its label/value pairs.
fn table_pairs(block: &Block) -> Option<Vec<(String, String)>> {
    let table = block.table.as_ref()?;
    let rows: Vec<Vec<&str>> = table
        .rows
        .iter()
        .map(|row| row.iter().map(|c| c.text.as_str()).collect())
        .collect();
    label_value_pairs(&rows)
}

/// Paragraph-like blocks that can hold a labelled line.
fn is_line(block: &Block) -> bool {
    matches!(block.kind, BlockKind::Paragraph | BlockKind::Title)
}

/// Index of the first block of the body: a heading, or a paragraph that reads as a sentence.
fn head_end(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .position(|b| match b.kind {
            BlockKind::Heading => true,
            BlockKind::Paragraph => {
                let text = b.text.trim();
                split_labelled_line(text).is_none()
                    && (starts_with_heading_number(text) || is_sentence(text))
            }
            _ => false,
        })
        .unwrap_or(blocks.len())
}

/// Body prose: some length and clause punctuation (`，` `。` or the ASCII `,` of pasted text).
fn is_sentence(text: &str) -> bool {
    let punct = text
        .chars()
        .filter(|c| matches!(c, '，' | '。' | '；' | ',' | ';'))
        .count();
    punct >= 1 && text.chars().count() >= 20
}

/// `一、` … `十、` at the start of a line.
fn starts_with_heading_number(text: &str) -> bool {
    let mut chars = text.chars();
    let first = chars.next();
    let second = chars.next();
    matches!(
        first,
        Some('一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')
    ) && second == Some('、')
}

struct Filler<'a> {
    meta: &'a mut Meta,
    warnings: &'a mut Vec<Diagnostic>,
    /// Fields already set by a label in this pass (first label wins).
    labelled: HashSet<Field>,
}

impl Filler<'_> {
    fn field(&mut self, key: &str, value: &str, block: &Block) {
        let value = value.trim();
        if value.is_empty() {
            return;
        }
        let Some(field) = field_of(key) else {
            self.extra(key, value);
            return;
        };
        let is_date = matches!(field, Field::PublishedDate | Field::WrittenDate);
        if self.labelled.contains(&field) {
            // A second label for a filled field (`分类` and `主题分类`) is kept, not lost.
            if !is_date {
                self.extra(key, value);
            }
            return;
        }
        let owned = value.to_string();
        match field {
            Field::IndexNumber => self.meta.index_number = Some(owned),
            Field::Category => self.meta.category = Some(owned),
            Field::Issuer => self.meta.issuer = Some(owned),
            Field::Title => self.meta.title = Some(owned),
            Field::DocNumber => self.meta.doc_number = Some(owned),
            Field::SourceSite => self.meta.source_site = Some(owned),
            Field::Author => self.meta.author = Some(owned),
            Field::SubjectTerms => self.meta.subject_terms = split_terms(value),
            Field::Keywords => self.meta.keywords = split_terms(value),
            Field::WrittenDate | Field::PublishedDate => {
                let Some(iso) = iso_date(value) else {
                    self.warnings.push(
                        Diagnostic::new(
                            Code::BadDate,
                            format!("{key}: {value:?} is not a date; kept in meta.extra"),
                        )
                        .at(block.origin.clone()),
                    );
                    self.extra(key, value);
                    return;
                };
                if field == Field::WrittenDate {
                    self.meta.written_date = Some(iso);
                } else {
                    self.meta.published_date = Some(iso);
                }
            }
        }
        self.labelled.insert(field);
    }

    fn extra(&mut self, key: &str, value: &str) {
        self.meta.extra.push(MetaField {
            key: key.to_string(),
            value: value.to_string(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(blocks: Vec<Block>, meta: Meta) -> (Vec<String>, Meta, Vec<Diagnostic>) {
        let mut blocks = blocks;
        let mut meta = meta;
        let mut warnings = Vec::new();
        apply(&mut blocks, &mut meta, &mut warnings);
        (blocks.into_iter().map(|b| b.text).collect(), meta, warnings)
    }

    fn paras(lines: &[&str]) -> Vec<Block> {
        lines.iter().map(|l| Block::paragraph(*l)).collect()
    }

    #[test]
    fn seed_000_head_lines() {
        let (rest, meta, _) = run(
            paras(&[
                "政府信息公开 规章库",
                "索引号: 12440114766117763P/2023-00029 分类: 主题分类",
                "发布机构: 广州市花都区空港经济管理委员会 成文日期: 2023-07-14",
                "名称: 中共广州市花都区空港经济管理委员会党组关于巡察整改进展情况的通报",
                "文号: 发布日期: 2023-07-14",
                "主题词:",
                "中共广州市花都区空港经济管理委员会党组关于巡察整改进展情况的通报",
                "发布日期:2023-07-14  浏览次数:-",
                "  根据区委统一部署,2022年8月24日至10月21日,区委第六巡察组对区空港委党组进行巡察。",
                "来源: 这是正文里的一句话，不是元数据",
            ]),
            Meta::default(),
        );
        assert_eq!(
            rest,
            [
                "政府信息公开 规章库",
                "中共广州市花都区空港经济管理委员会党组关于巡察整改进展情况的通报",
                "  根据区委统一部署,2022年8月24日至10月21日,区委第六巡察组对区空港委党组进行巡察。",
                "来源: 这是正文里的一句话，不是元数据",
            ]
        );
        assert_eq!(
            meta.index_number.as_deref(),
            Some("12440114766117763P/2023-00029")
        );
        assert_eq!(meta.category.as_deref(), Some("主题分类"));
        assert_eq!(
            meta.issuer.as_deref(),
            Some("广州市花都区空港经济管理委员会")
        );
        assert_eq!(meta.written_date.as_deref(), Some("2023-07-14"));
        assert_eq!(meta.published_date.as_deref(), Some("2023-07-14"));
        assert_eq!(meta.doc_number, None);
        assert!(meta.subject_terms.is_empty());
        assert_eq!(
            meta.title.as_deref(),
            Some("中共广州市花都区空港经济管理委员会党组关于巡察整改进展情况的通报")
        );
    }

    #[test]
    fn full_width_colons_and_glued_pairs() {
        let (rest, meta, _) = run(
            paras(&[
                "更新时间：2023-03-02浏览次数：来源：株洲高新区董家塅片区作者：株洲高新区董家塅片区 字体[大中小]",
                "按照区委的统一部署，2022年3月1日至4月30日，区委第四巡察组对株洲高新区董家塅片区党工委开展了巡察。",
            ]),
            Meta::default(),
        );
        assert_eq!(rest.len(), 1);
        assert_eq!(meta.published_date.as_deref(), Some("2023-03-02"));
        assert_eq!(meta.source_site.as_deref(), Some("株洲高新区董家塅片区"));
        assert_eq!(meta.author.as_deref(), Some("株洲高新区董家塅片区"));
    }

    #[test]
    fn source_and_date_line() {
        let (rest, meta, _) = run(
            paras(&[
                "所在位置:首页 > 信息公开 > 巡视巡察",
                "中共广州市花都区委关于巡视整改进展情况的通报",
                "来源:南粤清风网     日期:2021-11-23 10:00:00    ",
                "一、深入学习贯彻习近平总书记关于巡视工作的重要讲话精神",
                "日期:2021-11-24",
            ]),
            Meta::default(),
        );
        assert_eq!(rest.len(), 4, "{rest:?}");
        assert_eq!(meta.source_site.as_deref(), Some("南粤清风网"));
        assert_eq!(meta.published_date.as_deref(), Some("2021-11-23"));
    }

    #[test]
    fn meta_field_blocks_map_to_fields() {
        let title = Meta {
            title: Some("国务院关于…的通知_中国政府网".to_string()),
            ..Default::default()
        };
        let blocks = vec![
            Block::meta_field("索 引 号", "000014349/2019-00005"),
            Block::meta_field("主题分类", "科技、教育\\教育"),
            Block::meta_field("发文机关", "国务院"),
            Block::meta_field("生成日期", "不详"),
            Block::meta_field("成文日期", "2019年01月24日"),
            Block::meta_field("标　　题", "国务院关于印发国家职业教育改革实施方案的通知"),
            Block::meta_field("发文字号", "国发〔2019〕4号"),
            Block::meta_field("发布日期", "2019年02月13日"),
            Block::meta_field("主 题 词", "职业教育 改革；方案"),
            Block::meta_field("有效性", "有效"),
            Block::paragraph("国务院关于印发国家职业教育改革"),
        ];
        let (rest, meta, warnings) = run(blocks, title);
        assert_eq!(rest, ["国务院关于印发国家职业教育改革"]);
        assert_eq!(meta.index_number.as_deref(), Some("000014349/2019-00005"));
        assert_eq!(meta.category.as_deref(), Some("科技、教育\\教育"));
        assert_eq!(meta.issuer.as_deref(), Some("国务院"));
        assert_eq!(meta.written_date.as_deref(), Some("2019-01-24"));
        assert_eq!(
            meta.title.as_deref(),
            Some("国务院关于印发国家职业教育改革实施方案的通知")
        );
        assert_eq!(meta.doc_number.as_deref(), Some("国发〔2019〕4号"));
        assert_eq!(meta.published_date.as_deref(), Some("2019-02-13"));
        assert_eq!(meta.subject_terms, ["职业教育", "改革", "方案"]);
        let extra: Vec<(&str, &str)> = meta
            .extra
            .iter()
            .map(|f| (f.key.as_str(), f.value.as_str()))
            .collect();
        assert_eq!(extra, [("生成日期", "不详"), ("有效性", "有效")]);
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].code, Code::BadDate);
    }
}
