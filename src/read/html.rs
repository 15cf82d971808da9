//! HTML reader (placeholder until its issue lands).

use crate::error::{Error, Result};
use crate::model::Format;
use crate::options::ReadOptions;
use crate::read::Extracted;

/// Read a HTML file.
///
/// # Errors
/// Always [`Error::UnsupportedFormat`] in this version.
pub fn read(_bytes: &[u8], _opts: &ReadOptions) -> Result<Extracted> {
    Err(Error::UnsupportedFormat {
        format: Format::Html.name().to_string(),
        suggestion: "this reader is not built yet".to_string(),
    })
}
