//! OCR page images and print their text and timings (for measurement):
//! `cargo run --release --no-default-features --features ocr --example ocr -- [--threads N] PNG…`
//! Grey or RGB PNG files (`png` is a dev-dependency; gongwen's own image decoders read every
//! format). Prints per file: seconds, mean confidence, then the text; the models come from
//! `GONGWEN_OCR_MODELS` or `models/ocr`.

use std::time::Instant;

use gongwen::read::image::Raster;

fn load(path: &str) -> Raster {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut decoder = png::Decoder::new(std::io::BufReader::new(file));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("a size")];
    let info = reader.next_frame(&mut buf).expect("a frame");
    buf.truncate(info.buffer_size());
    let channels = match info.color_type {
        png::ColorType::Grayscale => 1,
        png::ColorType::Rgb => 3,
        other => panic!("{path}: {other:?} is not handled here"),
    };
    let mut r = Raster::gray(info.width, info.height, buf);
    r.channels = channels;
    r
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut threads = 0;
    if args.first().map(String::as_str) == Some("--threads") {
        threads = args
            .get(1)
            .and_then(|t| t.parse().ok())
            .expect("--threads N");
        args.drain(..2);
    }
    let dir = gongwen::ocr::find_models(None).unwrap_or_else(|e| panic!("{e}"));
    let t = Instant::now();
    let engine = gongwen::ocr::engine(&dir, threads).expect("models load");
    eprintln!("models loaded in {:.2} s", t.elapsed().as_secs_f64());
    for path in &args {
        let raster = load(path);
        let t = Instant::now();
        let page = engine.recognize(&raster, 2000).expect("OCR runs");
        println!(
            "### {path} {:.3} s confidence {:.4}",
            t.elapsed().as_secs_f64(),
            page.confidence().unwrap_or(0.0)
        );
        println!("{}", page.text());
    }
}
