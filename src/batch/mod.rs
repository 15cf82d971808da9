//! Batch conversion: many inputs, in parallel, one record per input, nothing lost.
//!
//! [`run`] takes a stream of [`Job`]s, converts them on a rayon pool and hands one [`Record`] per
//! job to a sink, in input order (a bounded reorder buffer) or in completion order. Memory stays
//! flat in the number of inputs: at most `window` documents are in flight or buffered at once.
//! A failing input becomes an error record; the run goes on.

use std::collections::BTreeMap;
use std::io;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::error::Error;
use crate::model::Document;
use crate::options::Options;

mod inputs;
mod resume;
mod warc;

pub use inputs::{collect_paths, shard, InputError};
pub use resume::{done_keys, repair_tail, DoneKey};
pub use warc::{warc_jobs, warc_jobs_from};

/// Where a job's bytes come from.
#[derive(Debug, Clone)]
pub enum Source {
    /// A file on disk (read inside the worker, so reading is parallel too).
    Path(PathBuf),
    /// Bytes already in memory (stdin worker mode, WARC records).
    Bytes(Vec<u8>),
    /// The input could not even be produced (a damaged WARC, a bad worker line); it becomes
    /// an error record with this code and message.
    Failed {
        /// Stable error code.
        code: String,
        /// Human-readable message.
        message: String,
    },
}

/// One unit of work.
#[derive(Debug, Clone)]
pub struct Job {
    /// Name written into the record (`source.path`).
    pub name: String,
    /// The input.
    pub source: Source,
    /// A URL to put into `meta.url` when the document has none (WARC records).
    pub url: Option<String>,
    /// A charset from outside the file (WARC HTTP `Content-Type`).
    pub http_charset: Option<String>,
}

impl Job {
    /// A job reading a file.
    pub fn path(path: PathBuf) -> Self {
        Job {
            name: path.display().to_string(),
            source: Source::Path(path),
            url: None,
            http_charset: None,
        }
    }

    /// A job over bytes in memory.
    pub fn bytes(name: impl Into<String>, bytes: Vec<u8>) -> Self {
        Job {
            name: name.into(),
            source: Source::Bytes(bytes),
            url: None,
            http_charset: None,
        }
    }
}

/// Order of the output records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// The order of the inputs (stable across runs and thread counts).
    #[default]
    Input,
    /// As soon as each finishes.
    Completion,
}

/// Options of a batch run.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct BatchOptions {
    /// Worker threads. Default: all cores (`0` means the same).
    pub jobs: usize,
    /// Output order. Default: input order.
    pub order: Order,
    /// Give up on one input after this long (its record says `timeout`). Default: none.
    pub timeout: Option<Duration>,
    /// Skip inputs larger than this many bytes (their record says `limit_exceeded`). Default: none
    /// (the reader's `Limits::input_bytes` still applies).
    pub max_bytes: Option<u64>,
    /// Most documents in flight or waiting to be written. Default: 8 × jobs.
    pub window: usize,
    /// Render each document in the worker thread, into [`Record::Ok::rendered`]. Rendering a
    /// large document costs about as much as converting it, so leaving it to the single thread
    /// that writes the output would cap a batch at one core. Default: `None`.
    pub render: Option<crate::render::OutputFormat>,
    /// Keep the document in the record (for callers that need more than the rendered bytes).
    /// Default: `true`.
    pub keep_documents: bool,
}

impl Default for BatchOptions {
    fn default() -> Self {
        BatchOptions {
            jobs: 0,
            order: Order::Input,
            timeout: None,
            max_bytes: None,
            window: 0,
            render: None,
            keep_documents: true,
        }
    }
}

/// The outcome of one input.
#[derive(Debug)]
pub enum Record {
    /// Converted.
    Ok {
        /// The job's name.
        name: String,
        /// Input size in bytes.
        bytes: u64,
        /// Whether the document carries doubts (see [`crate::model::has_doubts`]).
        doubts: bool,
        /// The document, unless [`BatchOptions::keep_documents`] is off.
        document: Option<Box<Document>>,
        /// The document rendered by the worker, when [`BatchOptions::render`] is set.
        rendered: Option<Vec<u8>>,
    },
    /// Failed; nothing else was produced for it.
    Failed(ErrorRecord),
}

/// The JSON error record: `{"path":…, "sha256":…, "error":{"code":…, "message":…}}`.
#[derive(Debug, Clone, Serialize)]
pub struct ErrorRecord {
    /// The job's name.
    pub path: String,
    /// SHA-256 of the input when it could be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    /// What went wrong.
    pub error: ErrorInfo,
}

/// Code and message of a failed input.
#[derive(Debug, Clone, Serialize)]
pub struct ErrorInfo {
    /// Stable code (see [`Error::code`]).
    pub code: String,
    /// Human-readable message.
    pub message: String,
}

impl Record {
    /// The job's name.
    pub fn name(&self) -> &str {
        match self {
            Record::Ok { name, .. } => name,
            Record::Failed(e) => &e.path,
        }
    }

    /// Write the record as one JSON line.
    pub fn write_jsonl(&self, out: &mut dyn io::Write) -> io::Result<()> {
        match self {
            Record::Ok {
                rendered: Some(bytes),
                ..
            } => out.write_all(bytes),
            Record::Ok {
                document: Some(document),
                ..
            } => crate::render::jsonl(document, out),
            Record::Ok { name, .. } => Err(io::Error::other(format!(
                "{name}: the batch kept neither the document nor its rendering"
            ))),
            Record::Failed(e) => {
                serde_json::to_writer(&mut *out, e)?;
                out.write_all(b"\n")
            }
        }
    }
}

/// Counts of a finished run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    /// Inputs converted.
    pub ok: u64,
    /// Inputs converted with warnings (also counted in `ok`).
    pub warned: u64,
    /// Inputs that failed.
    pub failed: u64,
    /// Inputs skipped (resume).
    pub skipped: u64,
    /// Bytes of input converted.
    pub bytes: u64,
    /// Wall time.
    pub seconds: f64,
    /// True when the run was interrupted before all inputs were done.
    pub interrupted: bool,
}

impl Summary {
    /// One line for humans: `ok 98, failed 2, skipped 0, 3.1 s, 31.6 files/s, 12.0 MB/s`.
    pub fn line(&self) -> String {
        let secs = self.seconds.max(1e-9);
        let files = (self.ok + self.failed) as f64;
        format!(
            "ok {}, failed {}, skipped {}, warnings {}, {:.2} s, {:.1} files/s, {:.1} MB/s{}",
            self.ok,
            self.failed,
            self.skipped,
            self.warned,
            self.seconds,
            files / secs,
            self.bytes as f64 / 1e6 / secs,
            if self.interrupted {
                " (interrupted)"
            } else {
                ""
            }
        )
    }
}

/// Convert every job, handing one record per job to `sink`.
///
/// `cancel` stops the run early (Ctrl-C): no new job starts, finished ones are still written.
///
/// # Errors
/// Only the sink's errors (a full disk, a closed pipe) stop the run: no new job starts, the
/// ones in flight finish unwritten, and the first error is returned.
pub fn run(
    jobs: impl Iterator<Item = Job> + Send,
    options: &Options,
    batch: &BatchOptions,
    cancel: &AtomicBool,
    sink: &mut dyn FnMut(Record) -> io::Result<()>,
) -> io::Result<Summary> {
    let threads = if batch.jobs == 0 {
        rayon::current_num_threads()
    } else {
        batch.jobs
    };
    let window = if batch.window == 0 {
        threads * 8
    } else {
        batch.window
    }
    .max(1);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| io::Error::other(format!("cannot start {threads} worker threads: {e}")))?;
    let started = Instant::now();
    let mut summary = Summary::default();
    // One channel brings both the next job (from the feeding thread) and finished records (from
    // the workers), so a record is written as soon as it is ready even while the next job is
    // still being read: a worker-mode client that sends one request and waits for its answer
    // gets it. The feeder pulls a job only when asked (one request at a time), so the stream is
    // read no further ahead than the window allows.
    let (tx, rx) = mpsc::channel::<Event>();
    let (ask, asked) = mpsc::channel::<()>();
    let mut pending: BTreeMap<usize, Record> = BTreeMap::new();
    let mut next_out = 0usize;
    let mut next_in = 0usize;
    let mut in_flight = 0usize;
    let mut waiting_for_job = false;
    let mut ended = false;
    let mut left_unstarted = false;
    let mut result = Ok(());
    std::thread::scope(|threads| {
        let feed = tx.clone();
        threads.spawn(move || {
            let mut jobs = jobs;
            for () in asked {
                let event = jobs.next().map_or(Event::End, Event::Job);
                let end = matches!(event, Event::End);
                if feed.send(event).is_err() || end {
                    break;
                }
            }
        });
        pool.in_place_scope(|scope| {
            loop {
                // After a sink error (a full disk) nothing new starts: its record could not be kept.
                let open = result.is_ok() && !cancel.load(Ordering::Relaxed);
                if open && !ended && !waiting_for_job && in_flight + pending.len() < window {
                    waiting_for_job = ask.send(()).is_ok();
                    ended = !waiting_for_job;
                }
                if in_flight == 0 && (!waiting_for_job || !open) {
                    break;
                }
                let Ok(event) = rx.recv() else {
                    break;
                };
                let (index, record) = match event {
                    Event::End => {
                        waiting_for_job = false;
                        ended = true;
                        continue;
                    }
                    Event::Job(job) => {
                        waiting_for_job = false;
                        if result.is_err() || cancel.load(Ordering::Relaxed) {
                            // Stopping: the job stays unstarted (an interrupted run).
                            left_unstarted = true;
                            continue;
                        }
                        let tx = tx.clone();
                        let index = next_in;
                        next_in += 1;
                        in_flight += 1;
                        scope.spawn(move |_| {
                            let record = convert_job(job, options, batch);
                            // The receiver outlives the scope; a send error only means we are
                            // unwinding.
                            let _ = tx.send(Event::Done(index, record));
                        });
                        continue;
                    }
                    Event::Done(index, record) => (index, record),
                };
                in_flight -= 1;
                if result.is_err() {
                    continue;
                }
                match batch.order {
                    Order::Completion => result = emit(record, &mut summary, sink),
                    Order::Input => {
                        pending.insert(index, record);
                        while let Some(record) = pending.remove(&next_out) {
                            next_out += 1;
                            result = emit(record, &mut summary, sink);
                            if result.is_err() {
                                break;
                            }
                        }
                    }
                }
            }
        });
        // Interrupted means an input was left unstarted. When none was seen yet, the next
        // answer of the feeding thread tells (the old loop peeked at the next job the same way).
        if cancel.load(Ordering::Relaxed) && !ended && !left_unstarted {
            if !waiting_for_job {
                waiting_for_job = ask.send(()).is_ok();
            }
            while waiting_for_job {
                match rx.recv() {
                    Ok(Event::End) | Err(_) => waiting_for_job = false,
                    Ok(Event::Job(_)) => {
                        left_unstarted = true;
                        waiting_for_job = false;
                    }
                    Ok(Event::Done(..)) => {}
                }
            }
        }
        summary.interrupted = cancel.load(Ordering::Relaxed) && left_unstarted;
        // Dropping the asking side ends the feeding thread once its current read returns.
        drop(ask);
    });
    summary.seconds = started.elapsed().as_secs_f64();
    result.map(|()| summary)
}

/// What the run loop waits for: the next job or the end of the jobs (from the feeding thread),
/// or a finished record (from a worker).
enum Event {
    Job(Job),
    End,
    Done(usize, Record),
}

fn emit(
    record: Record,
    summary: &mut Summary,
    sink: &mut dyn FnMut(Record) -> io::Result<()>,
) -> io::Result<()> {
    match &record {
        Record::Ok { bytes, doubts, .. } => {
            summary.ok += 1;
            summary.bytes += bytes;
            if *doubts {
                summary.warned += 1;
            }
        }
        Record::Failed(_) => summary.failed += 1,
    }
    sink(record)
}

/// Convert one job; never panics outward (a panic in a reader becomes an error record).
pub(crate) fn convert_job(job: Job, options: &Options, batch: &BatchOptions) -> Record {
    let name = job.name.clone();
    if let Source::Failed { code, message } = &job.source {
        let error = ErrorInfo {
            code: code.clone(),
            message: message.clone(),
        };
        return Record::Failed(ErrorRecord {
            path: name,
            sha256: None,
            error,
        });
    }
    let bytes = match load(&job, options, batch) {
        Ok(bytes) => bytes,
        Err(e) => return failed(name, None, &e),
    };
    let mut opts = options.clone();
    opts.read.file_name = Some(job.name.clone());
    if job.http_charset.is_some() {
        opts.read.http_charset = job.http_charset.clone();
    }
    if job.url.is_some() {
        opts.read.page_url = job.url.clone();
    }
    let size = bytes.len() as u64;
    let outcome = match batch.timeout {
        None => guarded(&bytes, &opts),
        Some(limit) => with_deadline(bytes.clone(), opts, limit),
    };
    match outcome {
        Ok(mut document) => {
            if document.meta.url.is_none() {
                document.meta.url = job.url;
            }
            let doubts = crate::model::has_doubts(&document.warnings);
            let rendered = batch.render.map(|format| {
                let mut out = Vec::with_capacity(size as usize * 2);
                // Writing to a Vec cannot fail.
                let _ = crate::render::render(&document, format, &mut out);
                out
            });
            let document = batch.keep_documents.then(|| Box::new(document));
            Record::Ok {
                name,
                bytes: size,
                doubts,
                document,
                rendered,
            }
        }
        // Hashed here only on failure: a converted document carries its hash in `source`.
        Err(e) => failed(name, Some(crate::sha256_hex(&bytes)), &e),
    }
}

fn load(job: &Job, options: &Options, batch: &BatchOptions) -> Result<Vec<u8>, Error> {
    // The smaller of `--max-file-size` and `Limits::input_bytes`: nothing larger is ever read
    // into memory, so a 10 GB file or one that keeps growing while it is read costs nothing.
    let cap = batch
        .max_bytes
        .map_or(options.read.limits.input_bytes, |max| {
            max.min(options.read.limits.input_bytes)
        });
    let bytes = match &job.source {
        Source::Path(path) => read_capped(path, cap)?,
        Source::Bytes(bytes) => bytes.clone(),
        Source::Failed { message, .. } => return Err(Error::Io(io::Error::other(message.clone()))),
    };
    if bytes.len() as u64 > cap {
        return Err(Error::limit(crate::Limit::InputBytes, cap));
    }
    Ok(bytes)
}

/// Read a regular file, at most `cap + 1` bytes (one more tells that it is over the cap).
///
/// Anything else is refused before it is opened: reading a FIFO would wait for a writer that
/// may never come, a directory or a device is not a document.
fn read_capped(path: &std::path::Path, cap: u64) -> Result<Vec<u8>, Error> {
    use std::io::Read as _;
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        let kind = file_kind(&meta.file_type());
        return Err(Error::Io(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("not a regular file but {kind}"),
        )));
    }
    if meta.len() > cap {
        // Told by its size alone: the file is never read.
        return Err(Error::limit(crate::Limit::InputBytes, cap));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    std::fs::File::open(path)?
        .take(cap.saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// "a directory", "a FIFO", … for the error of a path that is not a regular file.
fn file_kind(kind: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_fifo() {
            return "a FIFO (named pipe)";
        } else if kind.is_socket() {
            return "a socket";
        } else if kind.is_block_device() || kind.is_char_device() {
            return "a device";
        }
    }
    if kind.is_dir() {
        "a directory"
    } else {
        "a special file"
    }
}

/// Run the pipeline, turning a panic (a bug, never expected) into an error record instead of
/// taking down the whole batch.
fn guarded(bytes: &[u8], opts: &Options) -> Result<Document, Error> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| crate::convert(bytes, opts)))
        .unwrap_or_else(|_| Err(internal(bytes, opts)))
}

/// The error for a conversion that panicked: code `internal`, naming the format it was read
/// as (forced, or sniffed again here) so the report says which reader to look at.
fn internal(bytes: &[u8], opts: &Options) -> Error {
    let format = opts
        .read
        .format
        .or_else(|| crate::read::sniff(bytes, opts.read.file_name.as_deref()).ok());
    Error::Internal { format }
}

/// A conversion handed to a worker's helper thread.
struct Task {
    bytes: Vec<u8>,
    opts: Options,
    reply: mpsc::Sender<Result<Document, Error>>,
}

thread_local! {
    /// Each batch worker's helper thread for conversions with a deadline, kept across inputs.
    static HELPER: std::cell::RefCell<Option<mpsc::Sender<Task>>> =
        const { std::cell::RefCell::new(None) };
}

/// Run the conversion on the worker's helper thread and stop waiting after `limit`. Rust cannot
/// kill a thread, so a timed-out conversion runs on detached until the reader's own limits stop
/// it; its helper is abandoned (it ends when that conversion does) and the next input gets a new
/// one. The helper is reused otherwise: a new thread per input, as this once did, made the
/// allocator spread a 10 000-input soak over ever more arenas (peak RSS 3.2 x from 1 000 to
/// 10 000 inputs, against 1.3 x without a deadline).
fn with_deadline(bytes: Vec<u8>, opts: Options, limit: Duration) -> Result<Document, Error> {
    let (reply, result) = mpsc::channel();
    let task = Task { bytes, opts, reply };
    HELPER.with(|slot| -> Result<(), Error> {
        let mut slot = slot.borrow_mut();
        let helper = match slot.take() {
            Some(helper) => helper,
            None => spawn_helper()?,
        };
        let helper = match helper.send(task) {
            Ok(()) => helper,
            // The helper is gone (it cannot be, short of a bug): start another.
            Err(mpsc::SendError(task)) => {
                let fresh = spawn_helper()?;
                fresh
                    .send(task)
                    .map_err(|_| Error::Io(io::Error::other("the conversion thread ended")))?;
                fresh
            }
        };
        *slot = Some(helper);
        Ok(())
    })?;
    match result.recv_timeout(limit) {
        Ok(result) => result,
        Err(_) => {
            // Still busy with this input: leave it to finish alone.
            HELPER.with(|slot| slot.borrow_mut().take());
            Err(Error::Timeout {
                seconds: limit.as_secs().max(1),
            })
        }
    }
}

/// A thread converting the tasks it is sent until its sender is dropped.
fn spawn_helper() -> Result<mpsc::Sender<Task>, Error> {
    let (tx, rx) = mpsc::channel::<Task>();
    std::thread::Builder::new()
        .name("gongwen-convert".into())
        .spawn(move || {
            for task in rx {
                // The batch may have stopped waiting (a timeout): a late result is dropped.
                let _ = task.reply.send(guarded(&task.bytes, &task.opts));
            }
        })
        .map_err(Error::Io)?;
    Ok(tx)
}

fn failed(path: String, sha256: Option<String>, e: &Error) -> Record {
    Record::Failed(ErrorRecord {
        path,
        sha256,
        error: ErrorInfo {
            code: e.code().to_string(),
            message: e.to_string(),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_is_an_internal_error_naming_the_format() {
        let pdf = internal(b"%PDF-1.7\n", &Options::default());
        assert_eq!(pdf.code(), "internal");
        assert!(matches!(
            pdf,
            Error::Internal {
                format: Some(crate::Format::Pdf)
            }
        ));
        assert!(pdf.to_string().contains("converting pdf"), "{pdf}");
        let mut forced = Options::default();
        forced.read.format = Some(crate::Format::Html);
        let html = internal(b"%PDF-1.7\n", &forced);
        assert!(matches!(
            html,
            Error::Internal {
                format: Some(crate::Format::Html)
            }
        ));
        let unknown = internal(&[0; 16], &Options::default());
        assert!(
            unknown.to_string().contains("converting the input"),
            "{unknown}"
        );
    }

    fn names(order: Order, jobs: usize) -> Vec<String> {
        let inputs: Vec<Job> = (0..40)
            .map(|i| {
                if i % 7 == 3 {
                    Job::bytes(format!("bad{i}"), Vec::new())
                } else {
                    Job::bytes(format!("ok{i}"), format!("通报{i}\n正文").into_bytes())
                }
            })
            .collect();
        let batch = BatchOptions {
            jobs,
            order,
            window: 4,
            ..Default::default()
        };
        let mut out = Vec::new();
        let summary = run(
            inputs.into_iter(),
            &Options::default(),
            &batch,
            &AtomicBool::new(false),
            &mut |r| {
                out.push(r.name().to_string());
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(summary.ok + summary.failed, 40);
        assert_eq!(summary.failed, 6);
        out
    }

    #[test]
    fn input_order_is_stable_across_thread_counts() {
        let one = names(Order::Input, 1);
        let two = names(Order::Input, 2);
        assert_eq!(one, two);
        assert_eq!(one[3], "bad3");
        assert_eq!(one.len(), 40);
    }

    #[test]
    fn completion_order_loses_nothing() {
        let mut got = names(Order::Completion, 2);
        got.sort();
        let mut want = names(Order::Input, 1);
        want.sort();
        assert_eq!(got, want);
    }

    #[test]
    fn cancel_stops_new_work() {
        let jobs = (0..100).map(|i| Job::bytes(format!("f{i}"), b"x\n".to_vec()));
        let cancel = AtomicBool::new(true);
        let summary = run(
            jobs,
            &Options::default(),
            &BatchOptions::default(),
            &cancel,
            &mut |_| Ok(()),
        )
        .unwrap();
        assert_eq!(summary.ok, 0);
        assert!(summary.interrupted);
    }

    #[test]
    fn a_deadline_times_out_and_the_next_input_gets_a_working_helper() {
        // A megabyte of text takes milliseconds at least: a zero deadline cannot be met.
        let big = "关于整改的通报\n正文。\n".repeat(40_000).into_bytes();
        let late = with_deadline(big, Options::default(), Duration::ZERO);
        assert!(matches!(late, Err(Error::Timeout { .. })), "{late:?}");
        for i in 0..3 {
            let text = format!("通报{i}\n正文。\n").into_bytes();
            let done = with_deadline(text, Options::default(), Duration::from_secs(60));
            assert!(done.is_ok(), "{done:?}");
        }
    }

    #[test]
    fn oversized_input_is_an_error_record() {
        let batch = BatchOptions {
            max_bytes: Some(3),
            ..Default::default()
        };
        match convert_job(
            Job::bytes("big", b"0123456789".to_vec()),
            &Options::default(),
            &batch,
        ) {
            Record::Failed(e) => assert_eq!(e.error.code, "limit_exceeded"),
            Record::Ok { .. } => panic!("should fail"),
        }
    }
}

/// Parse one worker-mode input line: `{"path": …}` or `{"name": …, "bytes_b64": …}`.
/// A bad line becomes a job that fails with code `bad_request`, so the stream stays one record
/// per line.
pub fn job_from_line(line: &str) -> Job {
    use base64::Engine as _;
    let bad = |message: String| Job {
        name: truncated(line),
        source: Source::Failed {
            code: "bad_request".into(),
            message,
        },
        url: None,
        http_charset: None,
    };
    let value: serde_json::Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return bad(format!("not a JSON object: {e}")),
    };
    let name = value.get("name").and_then(|v| v.as_str());
    if let Some(path) = value.get("path").and_then(|v| v.as_str()) {
        let mut job = Job::path(PathBuf::from(path));
        if let Some(name) = name {
            job.name = name.to_string();
        }
        return job;
    }
    match (name, value.get("bytes_b64").and_then(|v| v.as_str())) {
        (Some(name), Some(b64)) => match base64::engine::general_purpose::STANDARD.decode(b64) {
            Ok(bytes) => Job::bytes(name, bytes),
            Err(e) => Job {
                name: name.to_string(),
                ..bad(format!("bytes_b64 is not base64: {e}"))
            },
        },
        _ => bad("expected {\"path\": …} or {\"name\": …, \"bytes_b64\": …}".to_string()),
    }
}

fn truncated(line: &str) -> String {
    line.chars().take(80).collect()
}

#[cfg(test)]
mod worker_tests {
    use super::*;

    #[test]
    fn worker_lines() {
        assert!(matches!(
            job_from_line(r#"{"path":"a.pdf"}"#).source,
            Source::Path(_)
        ));
        let j = job_from_line(r#"{"name":"x.txt","bytes_b64":"6YCa5oql"}"#);
        assert_eq!(j.name, "x.txt");
        assert!(matches!(j.source, Source::Bytes(ref b) if b == "通报".as_bytes()));
        assert!(matches!(
            job_from_line("nope").source,
            Source::Failed { .. }
        ));
        assert!(matches!(
            job_from_line(r#"{"name":"x","bytes_b64":"***"}"#).source,
            Source::Failed { .. }
        ));
    }
}
