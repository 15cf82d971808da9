//! The `gongwen` command: a thin shell over the library.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, Parser, Subcommand, ValueEnum};
use gongwen::{Format, Options, OutputFormat};

mod alloc;
mod batch;
mod limits;
mod ocr;
mod report;
#[cfg(feature = "serve")]
mod serve;

/// Counts each thread's heap for `--limit-memory` (see `alloc.rs`).
#[global_allocator]
static ALLOCATOR: alloc::Counting = alloc::Counting;

/// Exit codes, documented in `--help` and the README.
const EXIT_OK: u8 = 0;
const EXIT_WARNINGS: u8 = 1;
const EXIT_FAILED: u8 = 2;
/// The reader of the output went away (`| head`): no message, and the status a shell reports for
/// a tool killed by SIGPIPE (128 + 13), so `set -o pipefail` sees output was lost, never 0.
const EXIT_BROKEN_PIPE: u8 = 141;

#[derive(Parser)]
#[command(
    name = "gongwen",
    version,
    about = "Turn Chinese government notices (HTML, PDF, DOCX, OFD, text) into clean, structured data",
    after_help = "Exit codes: 0 all inputs converted cleanly; 1 converted, with doubts (warnings other than reported cleanups such as chrome_removed); 2 an input failed (or bad usage)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Convert notices to JSON, Markdown or text.
    Convert(ConvertArgs),
    /// Normalize text from stdin to stdout (punctuation width, digits, whitespace).
    Normalize(NormalizeArgs),
    /// Convert many inputs in parallel to JSON Lines (one record per input, errors included).
    Batch(batch::BatchArgs),
    /// Export many notices as a research dataset (documents, figures, problems).
    Export(ExportArgs),
    /// Serve the HTTP API and the page at http://127.0.0.1:8080 (see docs/server.md).
    #[cfg(feature = "serve")]
    Serve(serve::ServeArgs),
}

#[derive(Args)]
struct ExportArgs {
    /// Input files, directories (recursive) or `@list.txt` files.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Dataset format: a directory of CSV files, one SQLite file, or JSON Lines.
    #[arg(long, value_enum)]
    format: DatasetFormat,
    /// Output: a directory for csv (documents.csv, figures.csv, problems.csv), a file otherwise.
    #[arg(long, short = 'o', required = true)]
    output: PathBuf,
    /// Input format; `auto` sniffs the content.
    #[arg(long, short = 'f', value_enum, default_value_t = From::Auto)]
    from: From,
}

#[derive(ValueEnum, Clone, Copy, PartialEq, Eq)]
enum DatasetFormat {
    Csv,
    Sqlite,
    Jsonl,
}

impl DatasetFormat {
    fn format(self) -> gongwen::export::ExportFormat {
        match self {
            DatasetFormat::Csv => gongwen::export::ExportFormat::Csv,
            DatasetFormat::Sqlite => gongwen::export::ExportFormat::Sqlite,
            DatasetFormat::Jsonl => gongwen::export::ExportFormat::Jsonl,
        }
    }
}

#[derive(Args)]
struct ConvertArgs {
    /// Input files; `-` reads stdin.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Output format (`chunks`: section-aware chunks for retrieval, one JSON object per line).
    #[arg(long, short = 't', value_enum, default_value_t = To::Json)]
    to: To,
    /// Most characters per chunk (`--to chunks`).
    #[arg(long, default_value_t = 800)]
    max_chars: usize,
    /// Characters of whole sentences repeated from the chunk before (`--to chunks`).
    #[arg(long, default_value_t = 0)]
    overlap: usize,
    /// Input format; `auto` sniffs the content.
    #[arg(long, short = 'f', value_enum, default_value_t = From::Auto)]
    from: From,
    /// Write here instead of stdout (a directory when several inputs are given).
    #[arg(long, short = 'o')]
    output: Option<PathBuf>,
    /// Dump one stage instead of the finished document (the first tool for a wrong output).
    #[arg(long, value_enum, default_value_t = Emit::Document)]
    emit: Emit,
    /// Password for encrypted PDFs.
    #[arg(long)]
    password: Option<String>,
    /// Print a short summary of what was found (format, encoding, pages, title, parts,
    /// sections, doubts) instead of the document: for checking one file by eye.
    #[arg(long, conflicts_with_all = ["to", "emit"])]
    explain: bool,
    /// Print nothing on stderr but errors: no doubts about each input, no progress bar.
    #[arg(long, short = 'q')]
    quiet: bool,
    #[command(flatten)]
    rules: RuleFlags,
    #[command(flatten)]
    ocr: ocr::OcrFlags,
    #[command(flatten)]
    limits: limits::LimitFlags,
}

impl ConvertArgs {
    /// The renderer, or `None` for `--to chunks` (cut by `gongwen::chunk`, not rendered).
    fn output_format(&self) -> Option<OutputFormat> {
        if self.explain {
            Some(OutputFormat::Explain)
        } else {
            self.to.format()
        }
    }
}

#[derive(Args)]
struct NormalizeArgs {
    /// The input is wrapped text (copied from a PDF, an e-mail): paragraphs are separated by
    /// blank lines and the line breaks inside a paragraph are joined, unless
    /// --keep-line-breaks. Without it every line is a paragraph of its own.
    #[arg(long)]
    wrapped: bool,
    #[command(flatten)]
    rules: RuleFlags,
}

/// Switches for normalization rules.
#[derive(Args, Clone, Copy)]
pub(crate) struct RuleFlags {
    /// Keep half-width punctuation in Chinese text.
    #[arg(long)]
    keep_punctuation: bool,
    /// Keep full-width letters and digits.
    #[arg(long)]
    keep_fullwidth: bool,
    /// Keep whitespace as it is.
    #[arg(long)]
    keep_whitespace: bool,
    /// Keep straight quotes.
    #[arg(long)]
    keep_quotes: bool,
    /// Keep line breaks inside paragraphs.
    #[arg(long)]
    keep_line_breaks: bool,
    /// Keep ASCII full stops at the end of Chinese sentences (`.` → `。` otherwise).
    #[arg(long)]
    keep_full_stops: bool,
    /// Keep `...` and `。。。` (→ `……` otherwise).
    #[arg(long)]
    keep_ellipses: bool,
    /// Keep `--` between Chinese (→ `——` otherwise).
    #[arg(long)]
    keep_dashes: bool,
    /// Keep `<<…>>` title marks (→ `《…》` otherwise).
    #[arg(long)]
    keep_title_marks: bool,
    /// Keep spaces inside split decimals (`12. 5%` → `12.5%` otherwise).
    #[arg(long)]
    keep_split_decimals: bool,
}

impl RuleFlags {
    pub(crate) fn options(self) -> gongwen::NormalizeOptions {
        let mut o = gongwen::NormalizeOptions::default();
        o.punctuation = !self.keep_punctuation;
        o.ascii_alnum = !self.keep_fullwidth;
        o.whitespace = !self.keep_whitespace;
        o.quotes = !self.keep_quotes;
        o.join_lines = !self.keep_line_breaks;
        o.full_stops = !self.keep_full_stops;
        o.ellipses = !self.keep_ellipses;
        o.dashes = !self.keep_dashes;
        o.title_marks = !self.keep_title_marks;
        o.split_decimals = !self.keep_split_decimals;
        o
    }
}

#[derive(ValueEnum, Clone, Copy, PartialEq, Eq)]
enum To {
    Json,
    Jsonl,
    Md,
    Text,
    Chunks,
}

impl To {
    /// The renderer, or `None` for chunks (cut by `gongwen::chunk`, not rendered).
    fn format(self) -> Option<OutputFormat> {
        match self {
            To::Json => Some(OutputFormat::Json),
            To::Jsonl => Some(OutputFormat::Jsonl),
            To::Md => Some(OutputFormat::Markdown),
            To::Text => Some(OutputFormat::Text),
            To::Chunks => None,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, PartialEq, Eq)]
pub(crate) enum From {
    Auto,
    Html,
    Text,
    Pdf,
    Docx,
    Ofd,
    /// Word 97-2003 `.doc` (and Kingsoft WPS `.wps`).
    Doc,
    Xls,
    Xlsx,
    Rtf,
}

impl From {
    pub(crate) fn format(self) -> Option<Format> {
        match self {
            From::Auto => None,
            From::Html => Some(Format::Html),
            From::Text => Some(Format::Text),
            From::Pdf => Some(Format::Pdf),
            From::Docx => Some(Format::Docx),
            From::Ofd => Some(Format::Ofd),
            From::Doc => Some(Format::Doc),
            From::Xls => Some(Format::Xls),
            From::Xlsx => Some(Format::Xlsx),
            From::Rtf => Some(Format::Rtf),
        }
    }
}

#[derive(ValueEnum, Clone, Copy, PartialEq, Eq)]
enum Emit {
    /// Raw blocks straight from the reader.
    Blocks,
    /// Blocks after normalization.
    Normalized,
    /// The parsed document.
    Document,
}

fn main() -> ExitCode {
    // A panic inside a third-party parser on a damaged file is caught and reported as a clear
    // `malformed` error; without this hook Rust would also print its `panicked at` text.
    gongwen::quiet_guarded_panics();
    gongwen::set_memory_gauge(alloc::held_by_this_thread);
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Convert(args) => convert(&args),
        Command::Normalize(args) => normalize(&args),
        Command::Batch(args) => batch::run(&args),
        Command::Export(args) => export(&args),
        #[cfg(feature = "serve")]
        Command::Serve(args) => serve::run(&args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(err) if is_broken_pipe(&err) => ExitCode::from(EXIT_BROKEN_PIPE),
        Err(err) => {
            eprintln!("gongwen: {err:#}");
            ExitCode::from(EXIT_FAILED)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

fn convert(args: &ConvertArgs) -> anyhow::Result<u8> {
    let many = args.inputs.len() > 1;
    let mut worst = EXIT_OK;
    for input in &args.inputs {
        match convert_one(args, input, many) {
            Ok(warned) => {
                if warned {
                    worst = worst.max(EXIT_WARNINGS);
                }
            }
            Err(err) if is_broken_pipe(&err) => return Err(err),
            Err(err) => {
                let advice = err
                    .downcast_ref::<gongwen::Error>()
                    .and_then(limits::advice);
                let advice = advice.unwrap_or_default();
                eprintln!("gongwen: {}: {err:#}{advice}", report::label(input));
                worst = EXIT_FAILED;
            }
        }
    }
    Ok(worst)
}

/// Convert one input; returns whether the document carries warnings.
fn convert_one(args: &ConvertArgs, input: &Path, many: bool) -> anyhow::Result<bool> {
    if let Some(problem) = report::input_problem(&input.to_string_lossy()) {
        anyhow::bail!(problem);
    }
    let bytes = read_input(input)?;
    let mut options = Options::default();
    options.read.format = args.from.format();
    options.read.password = args.password.clone();
    options.read.file_name = (input != Path::new("-")).then(|| input.display().to_string());
    options.normalize = args.rules.options();
    args.limits.apply(&mut options.read.limits);
    args.ocr.apply(&mut options.read);
    let progress = report::PageProgress::start(args.quiet);
    options.read.progress = progress.as_ref().map(report::PageProgress::hook);
    let mut out = open_output(args, input, many)?;
    let converted = match args.emit {
        Emit::Blocks => {
            gongwen::read::read(&bytes, &options.read).map(|e| Stage::Blocks(Box::new(e)))
        }
        Emit::Normalized => gongwen::extract(&bytes, &options).map(|e| Stage::Blocks(Box::new(e))),
        Emit::Document => gongwen::convert(&bytes, &options).map(|d| Stage::Document(Box::new(d))),
    };
    if let Some(bar) = progress {
        bar.finish();
    }
    let (warnings, source) = match &converted? {
        Stage::Blocks(ex) => {
            write_blocks(ex, &mut out)?;
            (ex.warnings.clone(), ex.source.clone())
        }
        Stage::Document(doc) => {
            match args.output_format() {
                Some(format) => gongwen::render::render(doc, format, &mut out)?,
                None => write_chunks(doc, args, &mut out)?,
            }
            (doc.warnings.clone(), doc.source.clone())
        }
    };
    out.flush()?;
    // --explain already lists the doubts on stdout.
    if !args.quiet && !args.explain {
        report::print_doubts(input, &warnings, &source);
    }
    Ok(gongwen::model::has_doubts(&warnings))
}

/// What `--emit` asked for.
enum Stage {
    Blocks(Box<gongwen::read::Extracted>),
    Document(Box<gongwen::Document>),
}

fn write_chunks(
    doc: &gongwen::Document,
    args: &ConvertArgs,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let opts = gongwen::chunk::ChunkOptions::new(args.max_chars, args.overlap);
    for chunk in gongwen::chunk::chunks(doc, &opts) {
        serde_json::to_writer(&mut *out, &chunk)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

fn write_blocks(ex: &gongwen::read::Extracted, out: &mut dyn Write) -> anyhow::Result<()> {
    for block in &ex.blocks {
        serde_json::to_writer(&mut *out, block)?;
        out.write_all(b"\n")?;
    }
    for warning in &ex.warnings {
        serde_json::to_writer(&mut *out, &serde_json::json!({ "warning": warning }))?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

fn read_input(input: &Path) -> anyhow::Result<Vec<u8>> {
    if input == Path::new("-") {
        let mut buf = Vec::new();
        io::stdin()
            .read_to_end(&mut buf)
            .context("cannot read stdin")?;
        return Ok(buf);
    }
    std::fs::read(input).with_context(|| format!("cannot read {}", input.display()))
}

fn open_output(args: &ConvertArgs, input: &Path, many: bool) -> anyhow::Result<Box<dyn Write>> {
    let Some(path) = &args.output else {
        return Ok(Box::new(io::BufWriter::new(io::stdout().lock())));
    };
    let target = if many || path.is_dir() {
        std::fs::create_dir_all(path)
            .with_context(|| format!("cannot create output directory {}", path.display()))?;
        let stem = input
            .file_stem()
            .map_or_else(|| "stdin".into(), |s| s.to_os_string());
        let extension = args
            .output_format()
            .map_or("chunks.jsonl", OutputFormat::extension);
        path.join(stem).with_extension(extension)
    } else {
        path.clone()
    };
    let file = std::fs::File::create(&target)
        .with_context(|| format!("cannot create {}", target.display()))?;
    Ok(Box::new(io::BufWriter::new(file)))
}

/// Convert every input and write one dataset; a bad input is reported and skipped.
fn export(args: &ExportArgs) -> anyhow::Result<u8> {
    let inputs: Vec<String> = args
        .inputs
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    let paths = gongwen::batch::collect_paths(&inputs, None)?;
    let mut options = Options::default();
    options.read.format = args.from.format();
    let jobs = paths.into_iter().map(gongwen::batch::Job::path);
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let mut data = gongwen::export::Dataset::new();
    let summary = gongwen::batch::run(
        jobs,
        &options,
        &gongwen::batch::BatchOptions::default(),
        &cancel,
        &mut |record| {
            match record {
                gongwen::batch::Record::Ok {
                    document: Some(document),
                    ..
                } => {
                    data.add(&document);
                }
                // The default options keep every document.
                gongwen::batch::Record::Ok { document: None, .. } => {}
                gongwen::batch::Record::Failed(e) => {
                    eprintln!(
                        "gongwen: {}: {} ({})",
                        e.path, e.error.message, e.error.code
                    )
                }
            }
            Ok(())
        },
    )?;
    gongwen::export::write(&data, args.format.format(), &args.output)
        .with_context(|| format!("cannot write {}", args.output.display()))?;
    Ok(if summary.failed > 0 {
        EXIT_FAILED
    } else if summary.warned > 0 {
        EXIT_WARNINGS
    } else {
        EXIT_OK
    })
}

fn normalize(args: &NormalizeArgs) -> anyhow::Result<u8> {
    let mut input = String::new();
    io::stdin()
        .read_to_string(&mut input)
        .context("stdin is not UTF-8 text")?;
    let mut out = io::stdout().lock();
    normalize_into(&input, &args.rules.options(), args.wrapped, &mut out)?;
    out.flush()?;
    Ok(EXIT_OK)
}

/// Normalize `input` into `out`: as one wrapped text, or line by line (shared with `serve`).
pub(crate) fn normalize_into(
    input: &str,
    options: &gongwen::NormalizeOptions,
    wrapped: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    if wrapped {
        // The line-joining rule keeps blank lines, so the whole input is one call.
        return write!(out, "{}", gongwen::normalize::text(input, options));
    }
    for line in input.split_inclusive('\n') {
        let (body, end) = match line.strip_suffix('\n') {
            Some(body) => (body, "\n"),
            None => (line, ""),
        };
        write!(out, "{}{end}", gongwen::normalize::text(body, options))?;
    }
    Ok(())
}
