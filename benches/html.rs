//! Throughput of the HTML reader (decode, parse, content, chrome, metadata) on the samples and,
//! when present, the real pages of `../shared/corpus/html`.
//!
//! `cargo bench --bench html`; criterion reports MB/s per input (Throughput::Bytes).

use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use gongwen::{Format, ReadOptions};

fn inputs() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = Vec::new();
    for dir in [root.join("samples"), root.join("../shared/corpus/html")] {
        if let Ok(entries) = std::fs::read_dir(&dir) {
            files.extend(
                entries
                    .flatten()
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|e| e == "html")),
            );
        }
    }
    files.sort();
    files
        .into_iter()
        .filter_map(|p| {
            let name = p.file_name()?.to_string_lossy().into_owned();
            Some((name, std::fs::read(&p).ok()?))
        })
        .collect()
}

fn bench_html(c: &mut Criterion) {
    let opts = ReadOptions::default();
    let inputs = inputs();
    let mut group = c.benchmark_group("html_read");
    for (name, bytes) in &inputs {
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(name.as_str(), |b| {
            b.iter(|| gongwen::read::read_as(Format::Html, std::hint::black_box(bytes), &opts))
        });
    }
    // All inputs in one go: the aggregate MB/s.
    let total: u64 = inputs.iter().map(|(_, b)| b.len() as u64).sum();
    group.throughput(Throughput::Bytes(total));
    group.bench_function("all", |b| {
        b.iter(|| {
            for (_, bytes) in &inputs {
                let _ = gongwen::read::read_as(Format::Html, std::hint::black_box(bytes), &opts);
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench_html);
criterion_main!(benches);
