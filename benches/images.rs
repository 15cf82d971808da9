//! Page-image decoding speed: one 200-dpi A4 page (1654 × 2339) per codec, as an image file
//! (`read::image::decode`) or as the one image of a PDF page (`read::image::pdf_images`).
//!
//! The pages come from `python3 scripts/make_image_bench.py` (into `target/image-bench`, or the
//! directory in `GONGWEN_IMAGE_BENCH`). Run: `cargo bench --bench images`.

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion};
use gongwen::read::image;
use gongwen::{Limits, ReadOptions};

fn pages_dir() -> PathBuf {
    std::env::var_os("GONGWEN_IMAGE_BENCH")
        .map_or_else(|| PathBuf::from("target/image-bench"), PathBuf::from)
}

fn bench(c: &mut Criterion) {
    let dir = pages_dir();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!(
            "no {}: run python3 scripts/make_image_bench.py first",
            dir.display()
        );
        return;
    };
    let mut files: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    files.sort();
    let mut group = c.benchmark_group("decode_a4_200dpi");
    group.sample_size(10);
    let limits = Limits::default();
    let opts = ReadOptions::default();
    for path in files {
        let bytes = std::fs::read(&path).expect("bench page");
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.ends_with(".pdf") {
            let (pages, _) = image::pdf_images(&bytes, &opts).expect(&name);
            assert_eq!(pages[0].images[0].raster.width, 1654, "{name}");
            group.bench_function(&name, |b| b.iter(|| image::pdf_images(&bytes, &opts)));
        } else {
            assert_eq!(
                image::decode(&bytes, &limits).expect(&name)[0].width,
                1654,
                "{name}"
            );
            group.bench_function(&name, |b| b.iter(|| image::decode(&bytes, &limits)));
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
