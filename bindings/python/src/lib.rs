//! `gongwen._gongwen`: the Rust half of the Python package.
//!
//! Resolves the crossing between Python and the library: Python values in (paths, bytes, an
//! options dict), library calls with the GIL released, Python values out. Every result that
//! the CLI also prints is produced by the library's own renderers (the JSON of a `Document` is
//! `gongwen::render::json`), so the package and the command agree byte for byte. The public,
//! documented Python API is `python/gongwen/__init__.py`, which wraps this module.

use pyo3::prelude::*;

mod batch;
mod document;
mod errors;
mod options;
mod pool;

use document::Document;

/// Convert one input (a path or bytes) with the options in `options` (see `options.rs`).
#[pyfunction]
#[pyo3(signature = (source, options=None))]
fn convert(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    options: Option<&Bound<'_, pyo3::types::PyDict>>,
) -> PyResult<Document> {
    let opts = options::from_dict(options)?;
    let input = options::Input::extract(source)?;
    let name = input.name(&opts);
    let result = match &input {
        options::Input::Path(path) => {
            let opts = with_file_name(opts, path.display().to_string());
            py.detach(|| pool::install(|| read_and_convert(path, &opts)))
        }
        options::Input::Bytes(bytes) => {
            let bytes = bytes.as_bytes();
            py.detach(|| pool::install(|| guarded(bytes, &opts)))
        }
    };
    result
        .map(Document::new)
        .map_err(|e| errors::to_py(py, e.code(), &e.to_string(), name.as_deref()))
}

fn with_file_name(mut opts: gongwen::Options, name: String) -> gongwen::Options {
    opts.read.file_name = Some(name);
    opts
}

fn read_and_convert(
    path: &std::path::Path,
    opts: &gongwen::Options,
) -> Result<gongwen::Document, gongwen::Error> {
    let bytes = std::fs::read(path)?;
    guarded(&bytes, opts)
}

/// Convert, turning a panic in a reader into a `malformed` error rather than unwinding into
/// Python (the batch does the same for its records).
fn guarded(bytes: &[u8], opts: &gongwen::Options) -> Result<gongwen::Document, gongwen::Error> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        gongwen::convert(bytes, opts)
    }))
    .unwrap_or_else(|_| {
        Err(gongwen::Error::Malformed {
            format: gongwen::Format::Text,
            reason: "internal error (panic) while converting; please report this file".into(),
        })
    })
}

/// Normalize one string with the switches given (all on by default).
#[pyfunction]
#[pyo3(signature = (text, punctuation=true, ascii_alnum=true, whitespace=true, quotes=true, join_lines=true))]
fn normalize(
    py: Python<'_>,
    text: &str,
    punctuation: bool,
    ascii_alnum: bool,
    whitespace: bool,
    quotes: bool,
    join_lines: bool,
) -> String {
    let mut opts = gongwen::NormalizeOptions::default();
    opts.punctuation = punctuation;
    opts.ascii_alnum = ascii_alnum;
    opts.whitespace = whitespace;
    opts.quotes = quotes;
    opts.join_lines = join_lines;
    py.detach(|| gongwen::normalize::text(text, &opts).into_owned())
}

/// The FTS5 `MATCH` expression for `query` against the SQLite export's `documents_cjk` table.
#[pyfunction]
fn fts_query(query: &str) -> String {
    gongwen::export::cjk_match(query)
}

/// Rebuild a `Document` from its JSON (pickling).
#[pyfunction]
fn _document_from_json(json: &str) -> PyResult<Document> {
    serde_json::from_str(json)
        .map(Document::new)
        .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))
}

#[pymodule]
fn _gongwen(m: &Bound<'_, PyModule>) -> PyResult<()> {
    // Panics the library catches on purpose (a third-party parser on a damaged file) become
    // `GongwenError`s; keep Rust's `panicked at` text for them off stderr.
    gongwen::quiet_guarded_panics();
    m.add_function(wrap_pyfunction!(convert, m)?)?;
    m.add_function(wrap_pyfunction!(normalize, m)?)?;
    m.add_function(wrap_pyfunction!(fts_query, m)?)?;
    m.add_function(wrap_pyfunction!(_document_from_json, m)?)?;
    m.add_function(wrap_pyfunction!(batch::batch, m)?)?;
    m.add_function(wrap_pyfunction!(batch::dataset_json, m)?)?;
    m.add_class::<Document>()?;
    m.add_class::<batch::BatchIter>()?;
    m.add("SCHEMA", gongwen::model::SCHEMA)?;
    Ok(())
}
