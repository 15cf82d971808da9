//! Plain-text reader: UTF-8, GB18030 or UTF-16 with BOM.
//!
//! Each non-empty line becomes a paragraph block whose origin carries the line's byte span in
//! the decoded text. Leading indentation is kept; the normalizer removes it.

use crate::error::Result;
use crate::model::{Block, Code, Diagnostic, EncodingEvidence, Format, Origin, Span};
use crate::options::ReadOptions;
use crate::read::{charset, Extracted};

/// Read plain text.
///
/// # Errors
/// None in practice beyond the checks of [`crate::read::read`]: undecodable bytes become U+FFFD
/// and an `undecodable_bytes` warning.
pub fn read(bytes: &[u8], _opts: &ReadOptions) -> Result<Extracted> {
    let decoded = charset::decode_undeclared(bytes);
    let mut out = Extracted::new(Format::Text);
    if decoded.info.evidence == EncodingEvidence::Guessed {
        out.warnings.push(Diagnostic::new(
            Code::CharsetGuessed,
            format!(
                "no byte-order mark and not UTF-8; decoded as {}",
                decoded.info.name
            ),
        ));
    }
    if decoded.info.replaced > 0 {
        out.warnings.push(Diagnostic::new(
            Code::UndecodableBytes,
            format!(
                "{} malformed byte sequences replaced by U+FFFD",
                decoded.info.replaced
            ),
        ));
    }
    out.blocks = lines_to_blocks(&decoded.text);
    out.set_encoding(decoded.info);
    Ok(out)
}

/// One block per non-blank line, with its byte span.
pub(crate) fn lines_to_blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut offset = 0usize;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            continue;
        }
        let origin = Origin {
            page: None,
            index: blocks.len() as u32,
            span: Some(Span {
                start: start as u32,
                end: (start + content.len()) as u32,
            }),
        };
        blocks.push(Block::paragraph(content).with_origin(origin));
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_lines_and_keeps_spans() {
        let text = "标题\n\n  正文一\r\n正文二";
        let blocks = lines_to_blocks(text);
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["标题", "  正文一", "正文二"]);
        let span = blocks[1].origin.span.unwrap();
        assert_eq!(&text[span.start as usize..span.end as usize], "  正文一");
    }

    #[test]
    fn utf16le_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "通报\n正文".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let ex = read(&bytes, &ReadOptions::default()).unwrap();
        assert_eq!(ex.blocks.len(), 2);
        assert_eq!(ex.source.encoding.unwrap().name, "UTF-16LE");
    }
}
