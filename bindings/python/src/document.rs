//! `gongwen.Document`: a converted notice, immutable and shareable between threads.
//!
//! Everything a Python user reads comes from the library: `json` is `gongwen::render::json`
//! (what `gongwen convert --to json` prints), `to_dict()` and the attribute views are that JSON
//! loaded by Python's `json` module, `text` and `markdown` are the library's renderers.

use pyo3::prelude::*;
use pyo3::types::PyTuple;

use gongwen::chunk::ChunkOptions;
use gongwen::model::BlockKind;
use gongwen::OutputFormat;

/// A converted notice (schema `gongwen/1`).
#[pyclass(frozen, module = "gongwen")]
pub struct Document {
    pub(crate) inner: gongwen::Document,
}

impl Document {
    pub fn new(inner: gongwen::Document) -> Self {
        Document { inner }
    }

    fn render(&self, py: Python<'_>, format: OutputFormat) -> String {
        py.detach(|| gongwen::render::to_string(&self.inner, format))
    }
}

/// A value of the model as Python objects (through its JSON, the one serialization).
fn to_py<'py, T: serde::Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    let json = serde_json::to_string(value)
        .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
    loads(py, &json)
}

pub fn loads<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.getattr("loads")?.call1((json,))
}

#[pymethods]
impl Document {
    /// The document as pretty-printed JSON, exactly as `gongwen convert --to json` prints it.
    #[getter]
    fn json(&self, py: Python<'_>) -> String {
        self.render(py, OutputFormat::Json)
    }

    /// The document as plain text (`gongwen convert --to text`).
    #[getter]
    fn text(&self, py: Python<'_>) -> String {
        self.render(py, OutputFormat::Text)
    }

    /// The document as Markdown (`gongwen convert --to md`).
    #[getter]
    fn markdown(&self, py: Python<'_>) -> String {
        self.render(py, OutputFormat::Markdown)
    }

    /// The `gongwen/1` JSON as Python objects (dicts, lists, str, int, float, bool, None).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let json = py.detach(|| gongwen::render::to_string(&self.inner, OutputFormat::Jsonl));
        loads(py, &json)
    }

    /// The title: the metadata title, else the title the parser found (as in the dataset).
    #[getter]
    fn title(&self) -> Option<String> {
        let doc = &self.inner;
        doc.meta.title.clone().or_else(|| {
            doc.blocks
                .iter()
                .find(|b| b.kind == BlockKind::Title)
                .map(|b| b.text.trim().to_string())
        })
    }

    #[getter]
    fn schema(&self) -> &str {
        &self.inner.schema
    }

    #[getter]
    fn source<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.source)
    }

    #[getter]
    fn meta<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.meta)
    }

    #[getter]
    fn parts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.parts)
    }

    #[getter]
    fn blocks<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.blocks)
    }

    #[getter]
    fn sections<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.sections)
    }

    #[getter]
    fn signature<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.signature)
    }

    #[getter]
    fn attachments<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.attachments)
    }

    #[getter]
    fn contacts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.contacts)
    }

    #[getter]
    fn notice<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.notice)
    }

    #[getter]
    fn warnings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.warnings)
    }

    #[getter]
    fn notes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.notes)
    }

    /// Section-aware chunks as dicts (`gongwen::chunk::chunks`; the wrapper makes `Chunk`s).
    #[pyo3(signature = (max_chars, overlap))]
    fn _chunks<'py>(
        &self,
        py: Python<'py>,
        max_chars: usize,
        overlap: usize,
    ) -> PyResult<Bound<'py, PyAny>> {
        let opts = ChunkOptions::new(max_chars, overlap);
        let chunks = py.detach(|| gongwen::chunk::chunks(&self.inner, &opts));
        to_py(py, &chunks)
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let rebuild = py
            .import("gongwen._gongwen")?
            .getattr("_document_from_json")?;
        let json = py.detach(|| gongwen::render::to_string(&self.inner, OutputFormat::Jsonl));
        PyTuple::new(py, [rebuild, PyTuple::new(py, [json])?.into_any()])
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Document>()
            .is_ok_and(|o| o.get().inner == self.inner)
    }

    fn __repr__(&self) -> String {
        let path = self.inner.source.path.as_deref().unwrap_or("<bytes>");
        let title = self.title().unwrap_or_default();
        format!(
            "<gongwen.Document {path:?} title={title:?} blocks={}>",
            self.inner.blocks.len()
        )
    }
}
