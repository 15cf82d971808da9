//! The layout step (glyphs → lines → reading order → paragraphs, furniture removal) over
//! synthetic 公文 pages: 22 lines of 28 CJK glyphs, 2-em indents, a running header and a
//! `— N —` footer per page. Throughput is reported in glyphs per second.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use gongwen::internals::layout::{paragraphs, Glyph, LayoutOptions, Page};

const CHARS: &[char] = &['巡', '察', '整', '改', '落', '实', '情', '况', '，', '。'];

fn glyph(text: char, x: f32, y: f32, size: f32) -> Glyph {
    Glyph {
        text: text.to_string(),
        x,
        y,
        width: size,
        size,
        style: u32::from(text == '，'),
        vertical: false,
        turn: 0,
    }
}

/// `n` pages; every fifth line starts an indented paragraph, the line before it ends short.
fn pages(n: u32) -> Vec<Page> {
    let mut k = 0usize;
    (1..=n)
        .map(|number| {
            let mut glyphs = Vec::new();
            for (i, c) in "巡察整改情况公开".chars().enumerate() {
                glyphs.push(glyph(c, 250.0 + i as f32 * 10.5, 57.0, 10.5));
            }
            for line in 0..22 {
                let y = 121.0 + line as f32 * 29.0;
                let (indent, len) = match line % 5 {
                    0 => (2, 26),
                    4 => (0, 17),
                    _ => (0, 28),
                };
                for col in 0..len {
                    k += 1;
                    let x = 73.6 + (indent + col) as f32 * 16.0;
                    glyphs.push(glyph(CHARS[k % CHARS.len()], x, y, 16.0));
                }
            }
            for (i, c) in format!("— {number} —").chars().enumerate() {
                glyphs.push(glyph(c, 270.0 + i as f32 * 9.0, 790.0, 14.0));
            }
            Page {
                number,
                width: 595.3,
                height: 841.9,
                glyphs,
                furniture: Vec::new(),
            }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let doc = pages(20);
    let glyphs: usize = doc.iter().map(|p| p.glyphs.len()).sum();
    let opts = LayoutOptions::default();
    let mut group = c.benchmark_group("layout");
    group.throughput(Throughput::Elements(glyphs as u64));
    group.bench_function("20 pages", |b| b.iter(|| paragraphs(&doc, &[], &opts)));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
