//! `--limit-*` flags: one per field of `gongwen::Limits`.

use clap::Args;

/// Resource limits; each flag overrides one default (see docs/robustness.md).
#[derive(Args, Clone, Default)]
#[command(next_help_heading = "Limits (see docs/robustness.md)")]
pub struct LimitFlags {
    /// Largest input, in bytes [default: 256 MiB].
    #[arg(long, value_name = "BYTES")]
    limit_input_bytes: Option<u64>,
    /// Most entries in a DOCX/OFD zip [default: 10000].
    #[arg(long, value_name = "N")]
    limit_zip_entries: Option<u64>,
    /// Largest uncompressed zip entry, in bytes [default: 256 MiB].
    #[arg(long, value_name = "BYTES")]
    limit_zip_entry_bytes: Option<u64>,
    /// Most bytes inflated from one zip [default: 1 GiB].
    #[arg(long, value_name = "BYTES")]
    limit_zip_total_bytes: Option<u64>,
    /// Largest compression ratio of a zip entry [default: 200].
    #[arg(long, value_name = "N")]
    limit_compression_ratio: Option<u64>,
    /// Deepest XML nesting [default: 256].
    #[arg(long, value_name = "N")]
    limit_xml_depth: Option<u64>,
    /// Deepest HTML nesting considered [default: 512].
    #[arg(long, value_name = "N")]
    limit_html_depth: Option<u64>,
    /// Most PDF objects [default: 2000000].
    #[arg(long, value_name = "N")]
    limit_pdf_objects: Option<u64>,
    /// Most pages [default: 10000].
    #[arg(long, value_name = "N")]
    limit_pages: Option<u64>,
    /// Most content-stream operations per page [default: 2000000].
    #[arg(long, value_name = "N")]
    limit_ops_per_page: Option<u64>,
    /// Deepest form XObject nesting [default: 16].
    #[arg(long, value_name = "N")]
    limit_xobject_depth: Option<u64>,
    /// Largest decoded PDF stream, in bytes [default: 256 MiB].
    #[arg(long, value_name = "BYTES")]
    limit_stream_bytes: Option<u64>,
    /// Most cells in one spreadsheet sheet's used area [default: 4000000].
    #[arg(long, value_name = "N")]
    limit_sheet_cells: Option<u64>,
    /// Deepest RTF group nesting [default: 256].
    #[arg(long, value_name = "N")]
    limit_rtf_depth: Option<u64>,
}

impl LimitFlags {
    /// Apply the given flags onto `limits`.
    pub fn apply(&self, limits: &mut gongwen::Limits) {
        let pairs = [
            (self.limit_input_bytes, &mut limits.input_bytes),
            (self.limit_zip_entries, &mut limits.zip_entries),
            (self.limit_zip_entry_bytes, &mut limits.zip_entry_bytes),
            (self.limit_zip_total_bytes, &mut limits.zip_total_bytes),
            (self.limit_compression_ratio, &mut limits.compression_ratio),
            (self.limit_xml_depth, &mut limits.xml_depth),
            (self.limit_html_depth, &mut limits.html_depth),
            (self.limit_pdf_objects, &mut limits.pdf_objects),
            (self.limit_pages, &mut limits.pages),
            (self.limit_ops_per_page, &mut limits.ops_per_page),
            (self.limit_xobject_depth, &mut limits.xobject_depth),
            (self.limit_stream_bytes, &mut limits.stream_bytes),
            (self.limit_sheet_cells, &mut limits.sheet_cells),
            (self.limit_rtf_depth, &mut limits.rtf_depth),
        ];
        for (flag, field) in pairs {
            if let Some(value) = flag {
                *field = value;
            }
        }
    }
}
