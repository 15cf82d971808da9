//! PDF samples (samples/NNN-{stsong,lo,header}.pdf, made by scripts/make_samples_pdf.py) against
//! the seed notices they were set from: text, furniture, title, signature and date.
//!
//! The seed body is cut from `../shared/seeds` with the line ranges in samples/pdf-seeds.tsv
//! (the same ranges the generator used); tests skip when the seeds are absent.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use gongwen::{NormalizeOptions, Options, OutputFormat};

use crate::util;

/// The running header the generator puts on every page of the `-header` samples.
const HEADER: &str = "巡察整改情况公开栏";

/// One row of samples/pdf-seeds.tsv with the seed text it points at.
struct Seed {
    id: String,
    title: Vec<String>,
    paragraphs: Vec<String>,
    signature: String,
    date: String,
}

impl Seed {
    /// Title, paragraphs, signature and date, one per line.
    fn reference(&self) -> String {
        let mut lines = vec![self.title.concat()];
        lines.extend(self.paragraphs.iter().cloned());
        lines.push(self.signature.clone());
        lines.push(self.date.clone());
        lines.join("\n")
    }
}

fn range(s: &str) -> (usize, usize) {
    let (a, b) = s.split_once('-').expect("range a-b");
    (a.parse().expect("line"), b.parse().expect("line"))
}

/// The seeds of samples/pdf-seeds.tsv, or `None` when ../shared/seeds is absent.
fn seeds() -> Option<Vec<Seed>> {
    let spec = std::fs::read_to_string(util::sample("pdf-seeds.tsv")).expect("pdf-seeds.tsv");
    let mut out = Vec::new();
    for row in spec
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        // Columns 4 and 5 (joins, breaks) only steer the generator's layout: the reference
        // text is compared with whitespace removed, so paragraph joins do not change it.
        let cols: Vec<&str> = row.split('\t').collect();
        let [id, title, body, ..] = cols[..] else {
            panic!("bad row {row:?}");
        };
        let text = std::fs::read_to_string(util::seed_path(id)?).expect("seed");
        let lines: Vec<&str> = text.split('\n').collect();
        let (t0, t1) = range(title);
        let (b0, b1) = range(body);
        let title = lines[t0 - 1..t1]
            .iter()
            .map(|l| l.trim().to_string())
            .collect();
        let mut body: Vec<String> = lines[b0 - 1..b1]
            .iter()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect();
        let date = body.pop().expect("date");
        let signature = body.pop().expect("signature");
        out.push(Seed {
            id: id.to_string(),
            title,
            paragraphs: body,
            signature,
            date,
        });
    }
    Some(out)
}

/// Normalize as the pipeline does, then drop whitespace: line breaks and spaces are layout.
fn norm(s: &str) -> String {
    gongwen::normalize::text(s, &NormalizeOptions::default())
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// `2023年7月14日` → `2023-07-14`.
fn iso(date: &str) -> String {
    let n: Vec<u32> = date
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().expect("number"))
        .collect();
    format!("{:04}-{:02}-{:02}", n[0], n[1], n[2])
}

/// A line that is only a page number such as `— 3 —` or `-3-`.
fn is_page_number_line(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let core = t.trim_matches(|c| matches!(c, '—' | '－' | '-' | '–'));
    core.len() < t.len() && !core.is_empty() && core.chars().all(|c| c.is_ascii_digit())
}

fn check(variant: &str) {
    let Some(seeds) = seeds() else {
        crate::util::missing("../shared/seeds");
        return;
    };
    for seed in seeds {
        let name = format!("{}-{variant}.pdf", seed.id);
        let bytes = util::bytes(&util::sample(&name));
        let doc =
            gongwen::convert(&bytes, &Options::default()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let text = gongwen::render::to_string(&doc, OutputFormat::Text);

        let cer = util::cer(&norm(&seed.reference()), &norm(&text));
        assert!(cer <= 0.005, "{name}: CER {cer:.4}");
        for line in text.lines() {
            assert!(!is_page_number_line(line), "{name}: page number {line:?}");
            assert!(!line.contains(HEADER), "{name}: running header {line:?}");
        }
        assert_eq!(
            doc.meta.title.as_deref().map(norm),
            Some(norm(&seed.title.concat())),
            "{name}: title"
        );
        let sig = doc
            .signature
            .as_ref()
            .unwrap_or_else(|| panic!("{name}: no signature"));
        let issuers: Vec<String> = sig.issuers.iter().map(|s| norm(s)).collect();
        assert_eq!(issuers, [norm(&seed.signature)], "{name}: signature");
        assert_eq!(
            sig.date.as_deref(),
            Some(iso(&seed.date).as_str()),
            "{name}: date"
        );
    }
}

#[test]
fn stsong_samples_match_seeds() {
    check("stsong");
}

#[test]
fn libreoffice_samples_match_seeds() {
    check("lo");
}

#[test]
fn header_samples_match_seeds_without_furniture() {
    check("header");
}

#[test]
fn samples_are_listed_and_present() {
    let Some(seeds) = seeds() else {
        crate::util::missing("../shared/seeds");
        return;
    };
    assert!(seeds.len() >= 4);
    assert!(
        seeds.iter().any(|s| s.id == "004"),
        "seed 004 (page-break splits) is listed"
    );
    for seed in &seeds {
        assert!(!seed.title.concat().is_empty() && seed.paragraphs.len() > 10);
        assert!(seed.date.ends_with('日'), "{}: {:?}", seed.id, seed.date);
        for variant in ["stsong", "lo", "header"] {
            let bytes = util::bytes(&util::sample(&format!("{}-{variant}.pdf", seed.id)));
            assert!(bytes.starts_with(b"%PDF-"));
        }
    }
}

#[test]
fn helpers() {
    assert_eq!(iso("2023年7月14日"), "2023-07-14");
    assert_eq!(iso("2022 年 6 月 30 日"), "2022-06-30");
    for (line, want) in [
        ("— 3 —", true),
        ("-12-", true),
        ("3", false),
        ("一、总体要求", false),
        ("2023-07-14", false),
    ] {
        assert_eq!(is_page_number_line(line), want, "{line:?}");
    }
}

/// pdftotext's text of `path` and the time it took, or `None` when it is not installed.
fn pdftotext(path: &Path) -> Option<(String, f64)> {
    let t = Instant::now();
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .ok()?;
    let secs = t.elapsed().as_secs_f64();
    out.status
        .success()
        .then(|| (String::from_utf8_lossy(&out.stdout).into_owned(), secs))
}

/// The docs/performance.md table: CER against the seed and pages/s, gongwen vs pdftotext.
/// Run with `cargo test --release -- --ignored pdf_vs_pdftotext --nocapture`.
#[test]
#[ignore = "measurement"]
fn pdf_vs_pdftotext() {
    let Some(seeds) = seeds() else {
        crate::util::missing("../shared/seeds");
        return;
    };
    println!(
        "| sample | pages | pdftotext CER | pdftotext pages/s | gongwen CER | gongwen pages/s \
         | speed ratio |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for seed in &seeds {
        let reference = norm(&seed.reference());
        for variant in ["stsong", "lo", "header"] {
            let name = format!("{}-{variant}.pdf", seed.id);
            let path = util::sample(&name);
            let bytes = util::bytes(&path);
            let Some((text, secs)) = pdftotext(&path) else {
                crate::util::missing("pdftotext");
                return;
            };
            // Pages = form feeds pdftotext writes after each page.
            let pages = text.matches('\u{c}').count().max(1);
            let p_cer = util::cer(&reference, &norm(&text));
            let t = Instant::now();
            let ours = gongwen::convert(&bytes, &Options::default());
            let g_secs = t.elapsed().as_secs_f64();
            let (g_cer, g_rate, ratio) = match ours {
                Ok(doc) => {
                    let text = gongwen::render::to_string(&doc, OutputFormat::Text);
                    let cer = util::cer(&reference, &norm(&text));
                    (
                        format!("{:.2} %", cer * 100.0),
                        format!("{:.0}", pages as f64 / g_secs),
                        format!("{:.1}×", secs / g_secs),
                    )
                }
                Err(_) => ("TBD".to_string(), "TBD".to_string(), "TBD".to_string()),
            };
            println!(
                "| {name} | {pages} | {:.2} % | {:.0} | {g_cer} | {g_rate} | {ratio} |",
                p_cer * 100.0,
                pages as f64 / secs
            );
        }
    }
}

/// The progress hook sees every page of a paged format, in order, ending at the total.
#[test]
fn progress_hook_counts_pages_of_pdf_and_ofd() {
    use std::sync::{Arc, Mutex};
    for (name, pages) in [("000-lo.pdf", 15u32), ("000.ofd", 14)] {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&seen);
        let mut options = Options::default();
        options.read.progress = Some(gongwen::ProgressHook::new(move |p| {
            sink.lock().unwrap().push((p.done, p.total));
        }));
        let doc = gongwen::convert(&util::bytes(&util::sample(name)), &options).unwrap();
        assert_eq!(doc.source.pages, Some(pages));
        let expected: Vec<(u32, u32)> = (1..=pages).map(|d| (d, pages)).collect();
        assert_eq!(*seen.lock().unwrap(), expected, "{name}");
    }
}
