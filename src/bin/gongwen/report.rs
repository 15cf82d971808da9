//! What `gongwen convert` tells a person on stderr: the doubts about each input in plain words
//! (the library's [`gongwen::model::plain_summary`]), errors that name the next step, and a
//! page progress bar on long conversions when stderr is a terminal.

use std::io::{self, IsTerminal};
use std::path::Path;
use std::time::Duration;

use gongwen::model::{plain_summary, Diagnostic, Source};

/// Most doubt lines printed per input; `--explain` lists them all.
const MAX_LINES: usize = 3;

/// Print the doubts about `input`, one plain line per kind, unless there are none.
pub fn print_doubts(input: &Path, warnings: &[Diagnostic], source: &Source) {
    for line in doubt_lines(input, warnings, source) {
        eprintln!("gongwen: {}: {line}", label(input));
    }
}

/// The doubt lines for `input`, at most [`MAX_LINES`].
fn doubt_lines(input: &Path, warnings: &[Diagnostic], source: &Source) -> Vec<String> {
    let mut lines = plain_summary(warnings, source);
    if lines.len() > MAX_LINES {
        let more = lines.len() - (MAX_LINES - 1);
        lines.truncate(MAX_LINES - 1);
        lines.push(format!(
            "and {more} more doubts: `gongwen convert --explain {}` lists them",
            label(input)
        ));
    }
    lines
}

/// How an input is named on stderr: its path, or `stdin` for `-`.
pub fn label(input: &Path) -> String {
    if input == Path::new("-") {
        "stdin".to_string()
    } else {
        input.display().to_string()
    }
}

/// An input that cannot be converted before reading it, with what to do instead: a URL, a
/// directory, a path that does not exist.
pub fn input_problem(input: &str) -> Option<String> {
    if let Some(advice) = url_advice(input) {
        return Some(advice);
    }
    if input == "-" {
        return None;
    }
    match std::fs::metadata(input) {
        Ok(meta) if meta.is_dir() => Some(format!(
            "is a directory: use `gongwen batch {input}` to convert what it holds"
        )),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Some("no such file".to_string()),
        _ => None,
    }
}

/// For an argument that is a URL: gongwen reads files, so say how to get one.
pub fn url_advice(input: &str) -> Option<String> {
    looks_like_url(input)
        .then(|| format!("gongwen does not fetch: download it first, e.g. `curl -LO {input}`"))
}

fn looks_like_url(input: &str) -> bool {
    let lower = input.get(..8).unwrap_or(input).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// A page progress bar for one conversion, shown only when stderr is a terminal and not
/// `--quiet`: pipes and CI logs get nothing. It appears once reading has taken a moment, so
/// short files do not flicker.
pub struct PageProgress {
    bar: indicatif::ProgressBar,
}

impl PageProgress {
    pub fn start(quiet: bool) -> Option<Self> {
        if quiet || !io::stderr().is_terminal() {
            return None;
        }
        let bar = indicatif::ProgressBar::hidden();
        let template = "{spinner} {pos}/{len} pages  elapsed {elapsed}  eta {eta}  {wide_bar}";
        if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
            bar.set_style(style);
        }
        Some(PageProgress { bar })
    }

    /// The library callback that moves this bar.
    pub fn hook(&self) -> gongwen::ProgressHook {
        let bar = self.bar.clone();
        let shown = std::sync::atomic::AtomicBool::new(false);
        gongwen::ProgressHook::new(move |p| {
            bar.set_length(u64::from(p.total));
            bar.set_position(u64::from(p.done));
            let slow = bar.elapsed() > Duration::from_millis(500);
            if slow && !shown.swap(true, std::sync::atomic::Ordering::Relaxed) {
                bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            }
        })
    }

    pub fn finish(self) {
        self.bar.finish_and_clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn many_kinds_of_doubt_end_in_a_pointer_to_explain() {
        use gongwen::model::Code;
        let codes = [
            Code::NoTitle,
            Code::NoSignature,
            Code::BadDate,
            Code::NumberingGap,
        ];
        let warnings: Vec<Diagnostic> = codes.iter().map(|&c| Diagnostic::new(c, "x")).collect();
        let lines = doubt_lines(Path::new("a.pdf"), &warnings, &Source::default());
        assert_eq!(
            lines,
            [
                "no title found",
                "no signature (署名/成文日期) found",
                "and 2 more doubts: `gongwen convert --explain a.pdf` lists them",
            ]
        );
        assert_eq!(
            doubt_lines(Path::new("a.pdf"), &warnings[..3], &Source::default()).len(),
            3
        );
    }

    #[test]
    fn urls_are_told_apart_from_paths() {
        assert!(looks_like_url("https://www.gov.cn/a.html"));
        assert!(looks_like_url("HTTP://x"));
        assert!(!looks_like_url("http_notes.txt"));
        assert!(input_problem("https://www.gov.cn/a.html")
            .is_some_and(|m| m.contains("curl -LO https://www.gov.cn/a.html")));
    }
}
