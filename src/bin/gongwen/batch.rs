//! `gongwen batch`: the command-line face of `gongwen::batch`.

use std::collections::HashSet;
use std::fs::{File, OpenOptions};
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use clap::{Args, ValueEnum};
use gongwen::batch::{self, BatchOptions, Job, Order, Record};
use gongwen::{Options, OutputFormat};

use crate::{From, RuleFlags, EXIT_FAILED, EXIT_OK, EXIT_WARNINGS};

#[derive(Args)]
pub struct BatchArgs {
    /// Files, directories (recursive), `@list.txt` files, or `.warc`/`.warc.gz` crawls.
    inputs: Vec<String>,
    /// Write JSON Lines here (default: stdout).
    #[arg(long, short = 'o')]
    output: Option<PathBuf>,
    /// Instead of one JSON Lines stream, write one file per input into this directory, mirroring
    /// the input paths.
    #[arg(long, value_name = "DIR", conflicts_with = "output")]
    to_dir: Option<PathBuf>,
    /// Format of the per-input files written with --to-dir.
    #[arg(long, value_enum, default_value_t = DirFormat::Json)]
    format: DirFormat,
    /// Only files matching this glob inside directories (e.g. `*.pdf`, `**/2023/*.html`).
    /// Hidden files and directories (`.git/`, `.DS_Store`) are always skipped.
    #[arg(long)]
    glob: Option<String>,
    /// Output order.
    #[arg(long, value_enum, default_value_t = OrderArg::Input)]
    order: OrderArg,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j', default_value_t = 0)]
    jobs: usize,
    /// Give up on one input after this many seconds (it becomes an error record).
    #[arg(long, value_name = "SECS")]
    timeout_per_file: Option<f64>,
    /// Inputs larger than this many bytes become error records.
    #[arg(long, value_name = "BYTES")]
    max_file_size: Option<u64>,
    /// Skip inputs already in the output (same path and SHA-256) and append the rest.
    #[arg(long, requires = "output")]
    resume: bool,
    /// Worker mode: read `{"path":…}` or `{"name":…,"bytes_b64":…}` lines on stdin.
    #[arg(long)]
    stdin_jsonl: bool,
    /// Process only shard K of N (inputs i with i mod N = K), e.g. `--shard 0/4`.
    #[arg(long, value_name = "K/N")]
    shard: Option<String>,
    /// No progress bar and no summary line.
    #[arg(long, short = 'q')]
    quiet: bool,
    /// Input format for every input; `auto` sniffs each.
    #[arg(long, short = 'f', value_enum, default_value_t = From::Auto)]
    from: From,
    /// Password for encrypted PDFs (tried on every PDF).
    #[arg(long)]
    password: Option<String>,
    #[command(flatten)]
    rules: RuleFlags,
    #[command(flatten)]
    ocr: crate::ocr::OcrFlags,
    #[command(flatten)]
    limits: crate::limits::LimitFlags,
}

#[derive(ValueEnum, Clone, Copy, PartialEq, Eq)]
enum OrderArg {
    Input,
    Completion,
}

#[derive(ValueEnum, Clone, Copy, PartialEq, Eq)]
enum DirFormat {
    Json,
    Md,
    Text,
}

pub fn run(args: &BatchArgs) -> anyhow::Result<u8> {
    let mut options = Options::default();
    options.read.format = args.from.format();
    options.normalize = args.rules.options();
    options.read.password = args.password.clone();
    args.limits.apply(&mut options.read.limits);
    args.ocr.apply(&mut options.read);
    let mut batch = BatchOptions::default();
    batch.jobs = args.jobs;
    batch.order = if args.order == OrderArg::Input {
        Order::Input
    } else {
        Order::Completion
    };
    batch.timeout = match args.timeout_per_file {
        Some(secs) => Some(Duration::try_from_secs_f64(secs).map_err(|_| {
            anyhow::anyhow!("--timeout-per-file must be a positive number of seconds, got {secs}")
        })?),
        None => None,
    };
    batch.max_bytes = args.max_file_size;
    // Workers render, so the single writing thread only copies bytes.
    batch.render = Some(dir_format(args).unwrap_or(OutputFormat::Jsonl));
    batch.keep_documents = false;
    let stdin_failure = StdinFailure::default();
    let (jobs, total) = make_jobs(args, &stdin_failure)?;
    let done = if args.resume {
        resume_keys(args)?
    } else {
        Default::default()
    };
    let mut skipped = 0u64;
    let jobs = jobs.filter(|job| {
        let keep = !already_done(job, &done);
        skipped += u64::from(!keep);
        keep
    });

    let cancel = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&cancel);
    // A second Ctrl-C while finishing still works: the default handler is gone, so exit hard.
    let _ = ctrlc::set_handler(move || {
        if flag.swap(true, Ordering::SeqCst) {
            std::process::exit(130);
        }
    });
    let progress = progress_bar(args.quiet, total);
    let mut writer = Writer::open(args)?;
    let started = std::time::Instant::now();
    let mut bytes_done = 0u64;
    let summary = batch::run(jobs, &options, &batch, &cancel, &mut |record| {
        if let Some(bar) = &progress {
            if let Record::Ok { bytes, .. } = &record {
                bytes_done += bytes;
            }
            let secs = started.elapsed().as_secs_f64().max(1e-3);
            bar.set_message(format!("{:.1} MB/s", bytes_done as f64 / 1e6 / secs));
            bar.inc(1);
        }
        if let Record::Failed(e) = &record {
            let message = format!(
                "gongwen: {}: {} ({})",
                e.path, e.error.message, e.error.code
            );
            match &progress {
                Some(bar) => bar.println(message),
                None if !args.quiet => eprintln!("{message}"),
                None => {}
            }
        }
        writer.write(&record)
    })
    .with_context(|| format!("cannot write {}", writer.target()))?;
    writer
        .finish()
        .with_context(|| format!("cannot write {}", writer.target()))?;
    if let Some(e) = stdin_failure.lock().ok().and_then(|mut slot| slot.take()) {
        return Err(e)
            .context("reading the requests on stdin failed; the records written so far are whole");
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    let mut summary = summary;
    summary.skipped = skipped;
    if !args.quiet {
        eprintln!("gongwen batch: {}", summary.line());
    }
    Ok(if summary.failed > 0 || summary.interrupted {
        EXIT_FAILED
    } else if summary.warned > 0 {
        EXIT_WARNINGS
    } else {
        EXIT_OK
    })
}

type Jobs = Box<dyn Iterator<Item = Job> + Send>;

fn make_jobs(
    args: &BatchArgs,
    stdin_failure: &StdinFailure,
) -> anyhow::Result<(Jobs, Option<u64>)> {
    if args.stdin_jsonl {
        return Ok((stdin_jobs(Arc::clone(stdin_failure)), None));
    }
    anyhow::ensure!(
        !args.inputs.is_empty(),
        "no inputs: give files, directories, @list.txt, or --stdin-jsonl"
    );
    // A URL would otherwise be reported as a missing file.
    for input in &args.inputs {
        if let Some(advice) = crate::report::url_advice(input) {
            anyhow::bail!("{input}: {advice}");
        }
    }
    let mut paths = match batch::collect_paths(&args.inputs, args.glob.as_deref()) {
        Err(e @ batch::InputError::Glob(_)) => return Err(anyhow::Error::new(e).context("--glob")),
        listed => listed?,
    };
    // Writing the output into a scanned directory must not make it an input of the next run.
    if let Some(out) = args.output.as_ref().and_then(|o| o.canonicalize().ok()) {
        paths.retain(|p| p.canonicalize().map_or(true, |c| c != out));
    }
    if let Some(spec) = &args.shard {
        paths = batch::shard(paths, spec).context("--shard")?;
    }
    let has_warc = paths.iter().any(|p| is_warc(p));
    let total = (!has_warc).then_some(paths.len() as u64);
    let max_record = args
        .max_file_size
        .unwrap_or(gongwen::Limits::default().input_bytes);
    let jobs = paths.into_iter().flat_map(move |p| -> Jobs {
        if is_warc(&p) {
            batch::warc_jobs(&p, max_record)
        } else {
            Box::new(std::iter::once(Job::path(p)))
        }
    });
    Ok((Box::new(jobs), total))
}

/// Where the worker-mode reader leaves an I/O error of stdin, for the end of the run.
type StdinFailure = Arc<std::sync::Mutex<Option<io::Error>>>;

/// Worker mode: one job per non-blank stdin line. A line that is not UTF-8 is a `bad_request`
/// record like any other bad line (the lines after it are still read); a last line cut short by
/// stdin closing is read as it is (a `bad_request` when it is no longer JSON). An I/O error
/// ends the stream and is kept in `failure`, so the run ends with exit 2 instead of looking
/// complete.
fn stdin_jobs(failure: StdinFailure) -> Jobs {
    let mut reader = BufReader::new(io::stdin());
    Box::new(std::iter::from_fn(move || loop {
        let mut line = Vec::new();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) => return None,
            Ok(_) => {}
            Err(e) => {
                if let Ok(mut slot) = failure.lock() {
                    *slot = Some(e);
                }
                return None;
            }
        }
        let Ok(text) = std::str::from_utf8(&line) else {
            return Some(not_utf8(&line));
        };
        if !text.trim().is_empty() {
            return Some(batch::job_from_line(text.trim_end_matches(['\n', '\r'])));
        }
    }))
}

fn not_utf8(line: &[u8]) -> Job {
    Job {
        name: String::from_utf8_lossy(line).chars().take(80).collect(),
        source: batch::Source::Failed {
            code: "bad_request".into(),
            message: "the request line is not UTF-8".into(),
        },
        url: None,
        http_charset: None,
    }
}

fn is_warc(path: &Path) -> bool {
    let name = path.to_string_lossy().to_ascii_lowercase();
    name.ends_with(".warc") || name.ends_with(".warc.gz")
}

/// The inputs an earlier output already holds, indexed for `--resume`.
#[derive(Default)]
struct Done {
    /// Path and SHA-256 of every record.
    keys: HashSet<batch::DoneKey>,
    /// Every path with a record.
    paths: HashSet<String>,
    /// Paths whose record has no hash: the input could not be read, was not a regular file, or
    /// was refused by its size alone.
    unhashed: HashSet<String>,
}

impl Done {
    fn new(keys: HashSet<batch::DoneKey>) -> Self {
        let paths = keys.iter().map(|k| k.path.clone()).collect();
        let unhashed = keys
            .iter()
            .filter(|k| k.sha256.is_none())
            .map(|k| k.path.clone())
            .collect();
        Done {
            keys,
            paths,
            unhashed,
        }
    }
}

fn resume_keys(args: &BatchArgs) -> anyhow::Result<Done> {
    let Some(path) = &args.output else {
        return Ok(Done::default());
    };
    match File::open(path) {
        Ok(f) => Ok(Done::new(batch::done_keys(BufReader::new(f)))),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Done::default()),
        Err(e) => Err(e).with_context(|| format!("cannot read {} to resume", path.display())),
    }
}

/// Whether the output already has this input: same path and same SHA-256. An input whose
/// record has no hash is done by its path alone: trying it again would give it a second
/// record (delete that line to have it retried).
fn already_done(job: &Job, done: &Done) -> bool {
    if !done.paths.contains(&job.name) {
        return false;
    }
    if done.unhashed.contains(&job.name) {
        return true;
    }
    let bytes = match &job.source {
        batch::Source::Path(p) => match std::fs::read(p) {
            Ok(b) => b,
            Err(_) => return false,
        },
        batch::Source::Bytes(b) => b.clone(),
        _ => return false,
    };
    let key = batch::DoneKey {
        path: job.name.clone(),
        sha256: Some(gongwen::sha256_hex(&bytes)),
    };
    done.keys.contains(&key)
}

fn progress_bar(quiet: bool, total: Option<u64>) -> Option<indicatif::ProgressBar> {
    if quiet || !io::stderr().is_terminal() {
        return None;
    }
    let bar = match total {
        Some(n) => indicatif::ProgressBar::new(n),
        None => indicatif::ProgressBar::new_spinner(),
    };
    let template =
        "{spinner} {pos}/{len} files  {per_sec}  {msg}  elapsed {elapsed}  eta {eta}  {wide_bar}";
    if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
    Some(bar)
}

/// The per-input file format with `--to-dir`, `None` for one JSON Lines stream.
fn dir_format(args: &BatchArgs) -> Option<OutputFormat> {
    args.to_dir.as_ref().map(|_| match args.format {
        DirFormat::Json => OutputFormat::Json,
        DirFormat::Md => OutputFormat::Markdown,
        DirFormat::Text => OutputFormat::Text,
    })
}

/// Where records go: one JSON Lines stream, or one file per input.
enum Writer {
    Stream {
        out: Box<dyn Write>,
        /// The output path, or `stdout`.
        name: String,
    },
    Dir {
        root: PathBuf,
        format: OutputFormat,
        errors: Box<dyn Write>,
    },
}

impl Writer {
    fn open(args: &BatchArgs) -> anyhow::Result<Self> {
        if let Some(root) = &args.to_dir {
            std::fs::create_dir_all(root)
                .with_context(|| format!("cannot create {}", root.display()))?;
            let format = dir_format(args).unwrap_or(OutputFormat::Json);
            let errors = File::create(root.join("errors.jsonl")).with_context(|| {
                format!("cannot create {}", root.join("errors.jsonl").display())
            })?;
            return Ok(Writer::Dir {
                root: root.clone(),
                format,
                errors: Box::new(BufWriter::new(errors)),
            });
        }
        let out: Box<dyn Write> = match &args.output {
            None => Box::new(BufWriter::new(io::stdout().lock())),
            Some(path) if args.resume => {
                let mut f = OpenOptions::new()
                    .create(true)
                    .truncate(false)
                    .read(true)
                    .write(true)
                    .open(path)
                    .with_context(|| format!("cannot open {}", path.display()))?;
                batch::repair_tail(&mut f)?;
                Box::new(BufWriter::new(f))
            }
            Some(path) => Box::new(BufWriter::new(
                File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
            )),
        };
        let name = args
            .output
            .as_ref()
            .map_or_else(|| "stdout".to_string(), |p| p.display().to_string());
        Ok(Writer::Stream { out, name })
    }

    fn write(&mut self, record: &Record) -> io::Result<()> {
        match self {
            Writer::Stream { out, .. } => {
                record.write_jsonl(out.as_mut())?;
                // Flush per record so a killed run leaves whole lines for --resume.
                out.flush()
            }
            Writer::Dir {
                root,
                format,
                errors,
            } => match record {
                Record::Ok {
                    name,
                    rendered,
                    document,
                    ..
                } => {
                    let target = mirrored(root, name, format.extension());
                    if let Some(parent) = target.parent() {
                        std::fs::create_dir_all(parent)?;
                    }
                    let mut file = BufWriter::new(File::create(&target)?);
                    match (rendered, document) {
                        (Some(bytes), _) => file.write_all(bytes)?,
                        (None, Some(document)) => {
                            gongwen::render::render(document, *format, &mut file)?
                        }
                        (None, None) => {}
                    }
                    file.flush()
                }
                Record::Failed(_) => {
                    record.write_jsonl(errors.as_mut())?;
                    errors.flush()
                }
            },
        }
    }

    /// What the writer writes to, for an error message.
    fn target(&self) -> String {
        match self {
            Writer::Stream { name, .. } => name.clone(),
            Writer::Dir { root, .. } => root.display().to_string(),
        }
    }

    fn finish(&mut self) -> io::Result<()> {
        match self {
            Writer::Stream { out, .. } => out.flush(),
            Writer::Dir { errors, .. } => errors.flush(),
        }
    }
}

/// `root/<input path without root or ..>.<ext>`: never escapes `root`.
fn mirrored(root: &Path, name: &str, ext: &str) -> PathBuf {
    let mut out = root.to_path_buf();
    for part in Path::new(name).components() {
        if let Component::Normal(p) = part {
            out.push(p.to_string_lossy().replace('#', "_"));
        }
    }
    let file = out
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| "input".into());
    out.set_file_name(format!("{file}.{ext}"));
    out
}
