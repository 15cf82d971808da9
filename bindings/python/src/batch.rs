//! `gongwen.batch` and `gongwen.dataset`: many inputs converted in parallel by the library's
//! batch runner (`gongwen::batch::run`, a rayon pool), the GIL released throughout.
//!
//! `batch` streams: the runner works on its own thread and hands records, in input order, to a
//! bounded channel; the Python iterator takes one per `__next__`, waiting without the GIL. A
//! failed input is a record like any other (`("failure", path, code, message)`; the wrapper
//! makes a `Failure`), so nothing stops the loop. Dropping the iterator closes the channel,
//! and the runner stops at its next record.

use std::sync::atomic::AtomicBool;
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::Mutex;
use std::thread::JoinHandle;

use gongwen::batch::{BatchOptions, Job, Record};
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::document::{loads, Document};
use crate::options::{self, Input};

/// Records waiting for Python beyond the runner's own window.
const CHANNEL_BOUND: usize = 16;

/// The iterator behind `gongwen.batch`.
#[pyclass(module = "gongwen")]
pub struct BatchIter {
    records: Mutex<Option<Receiver<Record>>>,
    runner: Mutex<Option<JoinHandle<std::io::Result<()>>>>,
}

/// Jobs from Python sources: paths are read by the workers, bytes are copied once (the runner
/// outlives this call); `(name, bytes)` pairs name their record.
fn jobs(sources: &Bound<'_, PyAny>) -> PyResult<Vec<Job>> {
    let mut out = Vec::new();
    for (i, item) in sources.try_iter()?.enumerate() {
        let item = item?;
        if let Ok((name, data)) = item.extract::<(String, Vec<u8>)>() {
            out.push(Job::bytes(name, data));
            continue;
        }
        out.push(match Input::extract(&item)? {
            Input::Path(path) => Job::path(path),
            Input::Bytes(b) => Job::bytes(format!("<bytes {i}>"), b.as_bytes().to_vec()),
        });
    }
    Ok(out)
}

fn batch_options(jobs: Option<usize>, timeout: Option<f64>) -> BatchOptions {
    let mut b = BatchOptions::default();
    b.jobs = jobs.unwrap_or(0);
    b.timeout = timeout
        .filter(|t| t.is_finite() && *t > 0.0)
        .map(std::time::Duration::from_secs_f64);
    b
}

/// Start converting `sources`; see the module documentation.
#[pyfunction]
#[pyo3(signature = (sources, jobs=None, timeout=None, options=None))]
pub fn batch(
    sources: &Bound<'_, PyAny>,
    jobs: Option<usize>,
    timeout: Option<f64>,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<BatchIter> {
    let opts = options::from_dict(options)?;
    let list = self::jobs(sources)?;
    let batch = batch_options(jobs, timeout);
    let (tx, rx) = sync_channel::<Record>(CHANNEL_BOUND);
    let runner = std::thread::Builder::new()
        .name("gongwen-batch".into())
        .spawn(move || {
            let cancel = AtomicBool::new(false);
            gongwen::batch::run(list.into_iter(), &opts, &batch, &cancel, &mut |record| {
                tx.send(record)
                    .map_err(|_| std::io::Error::other("the Python iterator was dropped"))
            })
            .map(|_| ())
        })
        .map_err(|e| PyRuntimeError::new_err(format!("cannot start the batch thread: {e}")))?;
    Ok(BatchIter {
        records: Mutex::new(Some(rx)),
        runner: Mutex::new(Some(runner)),
    })
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

#[pymethods]
impl BatchIter {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        let next = py.detach(|| lock(&self.records).as_ref().and_then(|rx| rx.recv().ok()));
        match next {
            Some(record) => record_to_py(py, record).map(Some),
            None => {
                lock(&self.records).take();
                self.finish(py)?;
                Ok(None)
            }
        }
    }
}

impl BatchIter {
    /// Join the runner once the channel is drained and report a runner failure.
    fn finish(&self, py: Python<'_>) -> PyResult<()> {
        let Some(handle) = lock(&self.runner).take() else {
            return Ok(());
        };
        match py.detach(|| handle.join()) {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(PyRuntimeError::new_err(format!("batch failed: {e}"))),
            Err(_) => Err(PyRuntimeError::new_err("the batch thread panicked")),
        }
    }
}

fn record_to_py(py: Python<'_>, record: Record) -> PyResult<Py<PyAny>> {
    match record {
        Record::Ok {
            document: Some(doc),
            ..
        } => Ok(Py::new(py, Document::new(*doc))?.into_any()),
        Record::Ok { name, .. } => Err(PyRuntimeError::new_err(format!(
            "{name}: the batch kept no document"
        ))),
        Record::Failed(e) => {
            let tuple = ("failure", e.path, e.error.code, e.error.message);
            Ok(tuple.into_pyobject(py)?.into_any().unbind())
        }
    }
}

/// Convert `sources` (paths, bytes or `Document`s) and return the export tables as JSON
/// (`{"documents": […], "figures": […], "problems": […], "failures": […]}`) built by
/// `gongwen::export::Dataset`, the rows `gongwen export` writes.
#[pyfunction]
#[pyo3(signature = (sources, jobs=None, options=None))]
pub fn dataset_json<'py>(
    py: Python<'py>,
    sources: &Bound<'py, PyAny>,
    jobs: Option<usize>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let opts = options::from_dict(options)?;
    let mut data = gongwen::export::Dataset::new();
    let mut pending = Vec::new();
    let items: Vec<Bound<'py, PyAny>> = sources.try_iter()?.collect::<PyResult<_>>()?;
    for item in &items {
        match item.cast::<Document>() {
            Ok(doc) => {
                data.add(&doc.get().inner);
            }
            Err(_) => pending.push(item.clone()),
        }
    }
    let list = jobs_of(py, &pending)?;
    let batch = batch_options(jobs, None);
    let mut failures = Vec::new();
    py.detach(|| {
        let cancel = AtomicBool::new(false);
        gongwen::batch::run(list.into_iter(), &opts, &batch, &cancel, &mut |record| {
            match record {
                Record::Ok {
                    document: Some(doc),
                    ..
                } => {
                    data.add(&doc);
                }
                Record::Ok { .. } => {}
                Record::Failed(e) => failures.push(e),
            }
            Ok(())
        })
    })
    .map_err(|e| PyRuntimeError::new_err(format!("batch failed: {e}")))?;
    let json = serde_json::json!({
        "documents": data.documents,
        "figures": data.figures,
        "problems": data.problems,
        "failures": failures,
    });
    loads(py, &json.to_string())
}

fn jobs_of(py: Python<'_>, items: &[Bound<'_, PyAny>]) -> PyResult<Vec<Job>> {
    jobs(PyList::new(py, items)?.as_any())
}
