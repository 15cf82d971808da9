//! Normalizer throughput over the seed notices (`../shared/seeds/*.txt`, read at bench time and
//! never copied into the repository), or over a built-in synthetic text when they are absent.
//!
//! `cargo bench --bench normalize`

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use gongwen::internals::normalize as rules;
use gongwen::normalize;
use gongwen::NormalizeOptions;

/// The seeds concatenated, or a synthetic notice-like text of similar shape.
fn corpus() -> (String, &'static str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let mut text = String::new();
    if let Ok(entries) = std::fs::read_dir(&dir) {
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        {
            if let Ok(s) = std::fs::read_to_string(p) {
                text.push_str(&s);
                text.push('\n');
            }
        }
    }
    if !text.is_empty() {
        return (text, "seeds");
    }
    let para = "  根据省委统一部署,２０２０年10月13日至12月13日,省委第三巡视组对花都区进行了巡视。\
                (一)加强组织领导,压实整改责任:增长4.49 %,电话:020-36993133;网址:http://x.gov.cn/a,b?c=1。\
                坚决做到\"两个维护\",Mini/Micro LED 产业链。\n\n";
    (para.repeat(400), "synthetic")
}

fn bench(c: &mut Criterion) {
    let (text, name) = corpus();
    let all = NormalizeOptions::default();
    let lines: Vec<&str> = text.lines().collect();
    let mut g = c.benchmark_group("normalize");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function(format!("text/{name}/whole"), |b| {
        b.iter(|| normalize::text(black_box(&text), &all).len())
    });
    g.bench_function(format!("text/{name}/per_line"), |b| {
        b.iter(|| {
            lines
                .iter()
                .map(|l| normalize::text(black_box(l), &all).len())
                .sum::<usize>()
        })
    });
    // Already-normalized input: the borrow fast paths.
    let clean = normalize::text(&text, &all).into_owned();
    g.bench_function(format!("text/{name}/normalized_again"), |b| {
        b.iter(|| normalize::text(black_box(&clean), &all).len())
    });
    // Each rule alone, on the raw text: where the time goes.
    type Rule = for<'x> fn(&'x str) -> std::borrow::Cow<'x, str>;
    let rules: [(&str, Rule); 6] = [
        ("width", rules::ascii_alnum),
        ("odd_spaces", rules::odd_spaces),
        ("join_lines", rules::join_lines),
        ("punctuation", rules::punctuation),
        ("quotes", rules::quotes),
        ("collapse", rules::collapse),
    ];
    for (rule, f) in rules {
        g.bench_function(format!("rule/{name}/{rule}"), |b| {
            b.iter(|| f(black_box(&text)).len())
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
