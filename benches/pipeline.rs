//! Per-stage throughput of the whole pipeline: read, normalize, parse, render, and `convert`.
//!
//! Inputs: every file in `samples/` plus the seeds in `../shared/seeds` when present, grouped by
//! format. Run with `cargo bench --bench pipeline`; numbers go into docs/performance.md.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use gongwen::{read, Format, Options, OutputFormat};

fn inputs() -> Vec<(Format, PathBuf, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<PathBuf> = Vec::new();
    for dir in [root.join("samples"), root.join("../shared/seeds")] {
        if let Ok(entries) = std::fs::read_dir(&dir) {
            paths.extend(entries.flatten().map(|e| e.path()));
        }
    }
    paths.sort();
    paths
        .into_iter()
        .filter_map(|p| {
            let bytes = std::fs::read(&p).ok()?;
            let name = p.to_string_lossy().into_owned();
            if name.ends_with(".md") {
                return None;
            }
            let format = read::sniff(&bytes, Some(&name)).ok()?;
            Some((format, p, bytes))
        })
        .collect()
}

fn stages(c: &mut Criterion) {
    let all = inputs();
    let options = Options::default();
    for format in [
        Format::Text,
        Format::Html,
        Format::Pdf,
        Format::Docx,
        Format::Ofd,
    ] {
        let files: Vec<&(Format, PathBuf, Vec<u8>)> =
            all.iter().filter(|(f, _, _)| *f == format).collect();
        // Only formats whose reader works on every input are benchmarked.
        if files.is_empty()
            || files
                .iter()
                .any(|(_, _, b)| gongwen::convert(b, &options).is_err())
        {
            continue;
        }
        let bytes: u64 = files.iter().map(|(_, _, b)| b.len() as u64).sum();
        let mut group = c.benchmark_group(format.name());
        group.throughput(Throughput::Bytes(bytes));
        group.bench_function("read", |b| {
            b.iter(|| {
                files
                    .iter()
                    .map(|(_, _, x)| {
                        read::read(black_box(x), &options.read)
                            .map(|e| e.blocks.len())
                            .unwrap_or(0)
                    })
                    .sum::<usize>()
            })
        });
        let extracted: Vec<read::Extracted> = files
            .iter()
            .filter_map(|(_, _, x)| read::read(x, &options.read).ok())
            .collect();
        group.bench_function("normalize", |b| {
            b.iter(|| {
                extracted
                    .iter()
                    .map(|e| {
                        gongwen::normalize::blocks(black_box(e.blocks.clone()), &options.normalize)
                            .len()
                    })
                    .sum::<usize>()
            })
        });
        let normalized: Vec<read::Extracted> = files
            .iter()
            .filter_map(|(_, _, x)| gongwen::extract(x, &options).ok())
            .collect();
        group.bench_function("parse", |b| {
            b.iter(|| {
                normalized
                    .iter()
                    .map(|e| {
                        gongwen::parse::parse(black_box(e.clone()), &options.parse)
                            .blocks
                            .len()
                    })
                    .sum::<usize>()
            })
        });
        let docs: Vec<gongwen::Document> = files
            .iter()
            .filter_map(|(_, _, x)| gongwen::convert(x, &options).ok())
            .collect();
        for (name, fmt) in [
            ("render_json", OutputFormat::Json),
            ("render_md", OutputFormat::Markdown),
        ] {
            group.bench_function(name, |b| {
                b.iter(|| {
                    let mut sink = Vec::with_capacity(1 << 20);
                    for d in &docs {
                        let _ = gongwen::render::render(black_box(d), fmt, &mut sink);
                    }
                    sink.len()
                })
            });
        }
        group.bench_function("convert", |b| {
            b.iter(|| {
                files
                    .iter()
                    .filter_map(|(_, _, x)| gongwen::convert(black_box(x), &options).ok())
                    .count()
            })
        });
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).warm_up_time(std::time::Duration::from_secs(1)).measurement_time(std::time::Duration::from_secs(3));
    targets = stages
}
criterion_main!(benches);
