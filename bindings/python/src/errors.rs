//! Library errors → `gongwen.Error` subclasses.
//!
//! The exception classes are defined in Python (`gongwen/_errors.py`: docstrings, pickling,
//! `isinstance` against `OSError` for `IoError`); this module only picks the class by the
//! library's stable error code and fills `code`, `message` and `path`.

use pyo3::prelude::*;

/// The Python exception for a failed conversion with this `code` (`Error::code`).
pub fn to_py(py: Python<'_>, code: &str, message: &str, path: Option<&str>) -> PyErr {
    let made = py
        .import("gongwen._errors")
        .and_then(|m| m.getattr("_from_code"))
        .and_then(|f| f.call1((code, message, path)));
    match made {
        Ok(err) => PyErr::from_value(err),
        // The package's Python half is missing (the extension imported on its own).
        Err(import_failed) => import_failed,
    }
}
