//! Pass 1: metadata. Moves `meta_field` blocks and labelled metadata lines (索引号, 发布机构,
//! 成文日期, 文号, 发布日期, 来源 …) from the block stream into [`Meta`].

use crate::model::{Block, BlockKind, Diagnostic, Meta, MetaField};

/// Take metadata out of `blocks` and into `meta`.
///
/// (Placeholder: every `meta_field` block goes to `meta.extra`; the label mapping lands with
/// the HTML reader issue.)
pub(crate) fn apply(blocks: &mut Vec<Block>, meta: &mut Meta, _warnings: &mut Vec<Diagnostic>) {
    blocks.retain(|block| {
        if block.kind != BlockKind::MetaField {
            return true;
        }
        let key = block.key.clone().unwrap_or_default();
        meta.extra.push(MetaField {
            key,
            value: block.text.clone(),
        });
        false
    });
}
