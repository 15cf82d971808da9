//! The normalizer: character and whitespace rules a Chinese copy editor applies.
//!
//! It knows characters, nothing else: no notices, no formats. [`text`] normalizes one string;
//! [`blocks`] applies it to every block. Both are total and idempotent.

use std::borrow::Cow;

use crate::model::Block;
use crate::options::NormalizeOptions;

/// Normalize one string. Borrows when nothing changes.
///
/// (Placeholder: the rules land with the normalizer issue.)
pub fn text<'a>(input: &'a str, _opts: &NormalizeOptions) -> Cow<'a, str> {
    Cow::Borrowed(input)
}

/// Normalize the text of every block (table cells and list items included), in place order.
pub fn blocks(mut blocks: Vec<Block>, opts: &NormalizeOptions) -> Vec<Block> {
    for block in &mut blocks {
        normalize_block(block, opts);
    }
    blocks
}

fn normalize_block(block: &mut Block, opts: &NormalizeOptions) {
    if let Cow::Owned(s) = text(&block.text, opts) {
        block.text = s;
    }
    if let Some(table) = &mut block.table {
        for cell in table.rows.iter_mut().flatten() {
            if let Cow::Owned(s) = text(&cell.text, opts) {
                cell.text = s;
            }
        }
    }
}
