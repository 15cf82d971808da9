//! Python inputs and keyword options → library inputs and `gongwen::Options`.
//!
//! The Python wrapper passes its keyword arguments as one dict; every key is checked here, so a
//! misspelt option is a `TypeError`, never silently ignored.

use std::path::PathBuf;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};

/// One input: a path (`str` or `os.PathLike`) or the bytes of a file.
pub enum Input<'py> {
    /// A file to read (inside the GIL-free section).
    Path(PathBuf),
    /// Bytes in memory, borrowed from an immutable `bytes` object.
    Bytes(Bound<'py, PyBytes>),
}

impl<'py> Input<'py> {
    pub fn extract(source: &Bound<'py, PyAny>) -> PyResult<Self> {
        if let Ok(bytes) = source.cast::<PyBytes>() {
            return Ok(Input::Bytes(bytes.clone()));
        }
        if let Ok(path) = source.extract::<PathBuf>() {
            return Ok(Input::Path(path));
        }
        Err(PyTypeError::new_err(format!(
            "source must be a path (str or os.PathLike) or bytes, not {}",
            source.get_type().name()?
        )))
    }

    /// The name an error carries: the path, else the `name` option.
    pub fn name(&self, opts: &gongwen::Options) -> Option<String> {
        match self {
            Input::Path(p) => Some(p.display().to_string()),
            Input::Bytes(_) => opts.read.file_name.clone(),
        }
    }
}

/// `gongwen.Options` from the wrapper's keyword dict (`None` values mean "default").
pub fn from_dict(dict: Option<&Bound<'_, PyDict>>) -> PyResult<gongwen::Options> {
    let mut opts = gongwen::Options::default();
    let Some(dict) = dict else {
        return Ok(opts);
    };
    for (key, value) in dict.iter() {
        if value.is_none() {
            continue;
        }
        let key: String = key.extract()?;
        set(&mut opts, &key, &value)?;
    }
    Ok(opts)
}

fn set(opts: &mut gongwen::Options, key: &str, value: &Bound<'_, PyAny>) -> PyResult<()> {
    let flag = || value.extract::<bool>();
    match key {
        "from_" => opts.read.format = format(&value.extract::<String>()?)?,
        "name" => opts.read.file_name = Some(value.extract()?),
        "password" => opts.read.password = Some(value.extract()?),
        "http_charset" => opts.read.http_charset = Some(value.extract()?),
        "punctuation" => opts.normalize.punctuation = flag()?,
        "ascii_alnum" => opts.normalize.ascii_alnum = flag()?,
        "whitespace" => opts.normalize.whitespace = flag()?,
        "quotes" => opts.normalize.quotes = flag()?,
        "join_lines" => opts.normalize.join_lines = flag()?,
        "notice" => opts.parse.notice = flag()?,
        "drop_footer_chrome" => opts.parse.drop_footer_chrome = flag()?,
        "limits" => {
            let limits = value.cast::<PyDict>()?;
            for (k, v) in limits.iter() {
                set_limit(&mut opts.read.limits, &k.extract::<String>()?, v.extract()?)?;
            }
        }
        other => {
            return Err(PyTypeError::new_err(format!(
                "unexpected keyword argument {other:?}"
            )))
        }
    }
    Ok(())
}

fn format(name: &str) -> PyResult<Option<gongwen::Format>> {
    use gongwen::Format;
    Ok(match name.to_ascii_lowercase().as_str() {
        "auto" => None,
        "html" | "htm" => Some(Format::Html),
        "text" | "txt" => Some(Format::Text),
        "pdf" => Some(Format::Pdf),
        "docx" => Some(Format::Docx),
        "ofd" => Some(Format::Ofd),
        _ => {
            return Err(PyValueError::new_err(format!(
                "from_ must be one of auto, html, text, pdf, docx, ofd, not {name:?}"
            )))
        }
    })
}

/// The limits by the names of `gongwen::Limits`' fields (the CLI's `--limit-…` flags with `_`).
fn set_limit(limits: &mut gongwen::Limits, name: &str, value: u64) -> PyResult<()> {
    // The library's one table of limits, so a new limit needs no change here.
    let limit = gongwen::Limit::ALL
        .iter()
        .find(|limit| limit.name() == name)
        .ok_or_else(|| PyValueError::new_err(format!("unknown limit {name:?}")))?;
    limit.set(limits, value);
    Ok(())
}
