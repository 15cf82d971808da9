//! The integration tests: one binary, one module per area.

mod util;

mod batch;
mod batch_faults;
mod cli;
mod determinism;
#[cfg(feature = "export")]
mod export;
mod golden;
mod kinds;
mod malformed;
mod normalize;
mod notice;
#[cfg(feature = "ocr")]
mod ocr;
mod parse_seeds;
mod read_doc;
mod read_docx;
mod read_docx_notes;
mod read_html;
mod read_images;
mod read_ofd;
mod read_pdf;
mod read_pdf_corpus;
mod read_sheet_rtf;
mod schema;
#[cfg(feature = "serve")]
mod serve;
