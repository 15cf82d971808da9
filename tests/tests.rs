//! The integration tests: one binary, one module per area.

mod util;

mod batch;
mod cli;
mod determinism;
#[cfg(feature = "export")]
mod export;
mod malformed;
mod notice;
mod read_docx;
mod read_ofd;
mod read_pdf;
mod read_docx_notes;
mod schema;
mod read_pdf_corpus;
mod parse_seeds;
mod read_html;
