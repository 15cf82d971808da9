//! PDF reader speed: the content-stream interpreter alone (`read::pdf::pages`) and the whole
//! reader with layout (`read::pdf::read`), on a generated 40-page CJK file and, when present,
//! the real journal page ../shared/corpus/pdf/pymupdf_test_4182.pdf.
//!
//! Run: `cargo bench --bench pdf`; criterion reports time per file, pages/s = pages / time.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use gongwen::internals::pdf;
use gongwen::ReadOptions;

/// A PDF of `pages` pages, each 36 lines of 30 CJK characters drawn with an Identity-H font
/// whose ToUnicode maps code n to U+4E00 + n, one `TJ` per line with kerning.
fn generated(pages: usize) -> Vec<u8> {
    let mut objs: Vec<Vec<u8>> = Vec::new();
    let font_id = 3 + 2 * pages;
    let kids: Vec<String> = (0..pages).map(|i| format!("{} 0 R", 3 + 2 * i)).collect();
    objs.push(b"<< /Type /Catalog /Pages 2 0 R >>".to_vec());
    objs.push(
        format!(
            "<< /Type /Pages /Kids [{}] /Count {pages} >>",
            kids.join(" ")
        )
        .into_bytes(),
    );
    for p in 0..pages {
        objs.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {} 0 R \
                 /Resources << /Font << /F1 {font_id} 0 R >> >> >>",
                4 + 2 * p
            )
            .into_bytes(),
        );
        let mut content = String::from("BT /F1 14 Tf 20 TL 72 780 Td\n");
        for line in 0..36 {
            content.push('[');
            for c in 0..30 {
                let code = (p * 1000 + line * 30 + c) % 20000;
                content.push_str(&format!("<{code:04X}>"));
                if c % 7 == 6 {
                    content.push_str(" -20 ");
                }
            }
            content.push_str("] TJ T*\n");
        }
        content.push_str("ET\n");
        let mut s = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
        s.extend_from_slice(content.as_bytes());
        s.extend_from_slice(b"\nendstream");
        objs.push(s);
    }
    objs.push(
        format!(
            "<< /Type /Font /Subtype /Type0 /BaseFont /Bench /Encoding /Identity-H \
             /DescendantFonts [{} 0 R] /ToUnicode {} 0 R >>",
            font_id + 1,
            font_id + 2
        )
        .into_bytes(),
    );
    objs.push(
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Bench /CIDSystemInfo \
          << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>"
            .to_vec(),
    );
    let cmap = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap \
                1 begincodespacerange <0000> <FFFF> endcodespacerange \
                1 beginbfrange <0000> <4E1F> <4E00> endbfrange endcmap end end";
    let mut s = format!("<< /Length {} >>\nstream\n", cmap.len()).into_bytes();
    s.extend_from_slice(cmap.as_bytes());
    s.extend_from_slice(b"\nendstream");
    objs.push(s);

    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objs.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(o);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objs.len() + 1).as_bytes());
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objs.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn bench(c: &mut Criterion) {
    let opts = ReadOptions::default();
    let mut inputs = vec![("generated-40p", generated(40), 40u64)];
    let corpus = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpus/pdf/pymupdf_test_4182.pdf"
    );
    if let Ok(b) = std::fs::read(corpus) {
        inputs.push(("test_4182-1p", b, 1));
    }
    let mut g = c.benchmark_group("pdf");
    for (name, data, pages) in &inputs {
        assert_eq!(
            pdf::pages(data, &opts).map(|p| p.len() as u64).ok(),
            Some(*pages)
        );
        g.throughput(Throughput::Elements(*pages));
        g.bench_function(format!("interpreter/{name}"), |b| {
            b.iter(|| pdf::pages(data, &opts).map(|p| p.len()))
        });
        g.bench_function(format!("read/{name}"), |b| {
            b.iter(|| pdf::read(data, &opts).map(|x| x.blocks.len()))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
