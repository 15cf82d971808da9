//! OCR with the PP-OCR models (feature `ocr`): the committed scanned page of seed 000 is read
//! back with a character error rate under 2 %. Needs the models (`scripts/fetch-ocr-models.sh`,
//! found through `GONGWEN_OCR_MODELS` or `models/ocr`); without them the test is skipped with
//! a note, and fails under `CI=true`.

use std::path::PathBuf;

use gongwen::read::image::Raster;

use crate::util::{missing, root};

fn models() -> Option<PathBuf> {
    match gongwen::ocr::find_models(None) {
        Ok(dir) => Some(dir),
        Err(e) => {
            missing(&format!("the OCR models ({e})"));
            None
        }
    }
}

/// Decode a grey or bilevel PNG into a one-channel raster.
fn png_raster(path: &std::path::Path) -> Raster {
    let mut decoder =
        png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!(
        info.color_type,
        png::ColorType::Grayscale,
        "fixture is grey"
    );
    buf.truncate(info.buffer_size());
    Raster::gray(info.width, info.height, buf)
}

/// Levenshtein distance over characters.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Full-width ASCII folded to ASCII, whitespace removed: the recogniser writes `，：` where
/// the page had `,:` drawn in a CJK font, and the normalizer decides widths anyway.
fn folded(s: &str) -> Vec<char> {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}

pub fn cer(truth: &str, got: &str) -> f64 {
    let (t, g) = (folded(truth), folded(got));
    edit_distance(&t, &g) as f64 / t.len().max(1) as f64
}

#[test]
fn cer_measure_is_width_folded_and_ignores_whitespace() {
    assert_eq!(cer("通知,2023年", "通知， 2023 年"), 0.0);
    assert!((cer("一二三四", "一二四") - 0.25).abs() < 1e-9);
}

#[test]
fn scanned_png_reads_back_under_two_percent_cer() {
    let Some(dir) = models() else { return };
    let fixtures = root().join("tests/fixtures/ocr");
    let truth = std::fs::read_to_string(fixtures.join("scan_000.txt")).unwrap();
    let raster = png_raster(&fixtures.join("scan_000.png"));
    let engine = gongwen::ocr::engine(&dir, 0).unwrap();
    let page = engine.recognize(&raster, 2000).unwrap();
    let got = page.text();
    let rate = cer(&truth, &got);
    eprintln!(
        "OCR CER {:.3} %, confidence {:?}",
        rate * 100.0,
        page.confidence()
    );
    assert!(
        rate < 0.02,
        "CER {rate}\n--- got\n{got}\n--- truth\n{truth}"
    );
    assert!(page.confidence().unwrap() > 0.9);
}

#[test]
fn an_upside_down_scan_is_turned_and_read_top_to_bottom() {
    let Some(dir) = models() else { return };
    let fixtures = root().join("tests/fixtures/ocr");
    let truth = std::fs::read_to_string(fixtures.join("scan_000.txt")).unwrap();
    let mut raster = png_raster(&fixtures.join("scan_000.png"));
    raster.data.reverse(); // one channel: reversing the samples turns the page by 180°
    let engine = gongwen::ocr::engine(&dir, 0).unwrap();
    let page = engine.recognize(&raster, 2000).unwrap();
    assert_eq!(page.rotation, 180);
    let rate = cer(&truth, &page.text());
    assert!(rate < 0.02, "CER {rate}\n{}", page.text());
    // Frames are on the upright page: the first line read is near its top.
    let first = page.lines.first().unwrap().frame;
    assert!(first.origin.y < raster.height as f32 / 4.0, "{first:?}");
    assert!(first.along.x > 0.9, "{first:?}");
}

#[test]
fn scanned_png_becomes_paragraphs_with_the_ocr_record() {
    let Some(_) = models() else { return };
    let fixtures = root().join("tests/fixtures/ocr");
    let truth = std::fs::read_to_string(fixtures.join("scan_000.txt")).unwrap();
    let mut raster = png_raster(&fixtures.join("scan_000.png"));
    raster.dpi = Some((200.0, 200.0));
    let out = gongwen::ocr::read_images(vec![raster], &gongwen::ReadOptions::default()).unwrap();
    let text: String = out
        .blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let rate = cer(&truth, &text);
    eprintln!(
        "paragraph CER {:.3} %, {} blocks",
        rate * 100.0,
        out.blocks.len()
    );
    assert!(rate < 0.02, "CER {rate}\n{text}");
    // The seed's paragraphs: wrapped lines were joined, so fewer blocks than page lines.
    let lines = truth.lines().count();
    assert!(
        out.blocks.len() < lines,
        "{} blocks for {lines} lines",
        out.blocks.len()
    );
    let ocr = out.source.ocr.expect("source.ocr");
    assert_eq!(ocr.pages.len(), 1);
    assert_eq!(ocr.pages[0].page, 1);
    assert!(ocr.pages[0].lines as usize >= lines);
    assert!(ocr.pages[0].confidence.unwrap() > 0.9);
    assert_eq!(out.source.format, Some(gongwen::Format::Image));
}

/// The reading stage on the committed scans: sniff, decode, OCR, lay out (the parser then
/// moves title and metadata lines out of the body, so the body alone is not the page).
fn converted_text(name: &str) -> (gongwen::read::Extracted, String) {
    let bytes = std::fs::read(root().join("tests/fixtures/ocr").join(name)).unwrap();
    let doc = gongwen::extract(&bytes, &gongwen::Options::default()).unwrap();
    let text = doc
        .blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    (doc, text)
}

#[test]
fn image_only_pdf_and_png_convert_under_two_percent_cer() {
    let Some(_) = models() else { return };
    let truth = std::fs::read_to_string(root().join("tests/fixtures/ocr/scan_000.txt")).unwrap();
    for name in ["scan_000.pdf", "scan_000.png"] {
        let (doc, text) = converted_text(name);
        let rate = cer(&truth, &text);
        eprintln!("{name}: CER {:.3} %", rate * 100.0);
        assert!(rate < 0.02, "{name}: CER {rate}\n{text}");
        let ocr = doc.source.ocr.as_ref().expect("source.ocr");
        assert_eq!(ocr.pages.len(), 1, "{name}");
        assert!(
            doc.warnings
                .iter()
                .all(|w| w.code != gongwen::model::Code::NoTextLayer),
            "{name}: {:?}",
            doc.warnings
        );
    }
}

#[test]
fn ocr_never_keeps_the_scan_unread() {
    let bytes = std::fs::read(root().join("tests/fixtures/ocr/scan_000.pdf")).unwrap();
    let mut options = gongwen::Options::default();
    options.read.ocr.mode = gongwen::OcrMode::Never;
    let doc = gongwen::convert(&bytes, &options).unwrap();
    assert!(doc.source.ocr.is_none());
    assert!(doc.blocks.is_empty());
    let png = std::fs::read(root().join("tests/fixtures/ocr/scan_000.png")).unwrap();
    let err = gongwen::convert(&png, &options).unwrap_err();
    assert_eq!(err.code(), "unsupported_format");
}

#[test]
fn missing_models_are_an_error_for_images_and_a_warning_for_pdfs() {
    let mut options = gongwen::Options::default();
    options.read.ocr.models = Some(PathBuf::from("/nonexistent/ocr-models"));
    let png = std::fs::read(root().join("tests/fixtures/ocr/scan_000.png")).unwrap();
    let err = gongwen::convert(&png, &options).unwrap_err();
    assert_eq!(err.code(), "ocr");
    assert!(
        err.to_string().contains("scripts/fetch-ocr-models.sh"),
        "{err}"
    );
    let pdf = std::fs::read(root().join("tests/fixtures/ocr/scan_000.pdf")).unwrap();
    let doc = gongwen::convert(&pdf, &options).unwrap();
    let says_how = doc
        .warnings
        .iter()
        .any(|w| w.message.contains("scripts/fetch-ocr-models.sh"));
    assert!(says_how, "{:?}", doc.warnings);
}

/// The corpus PDFs whose fonts have no usable Unicode map, rendered and read by OCR.
fn unmapped_corpus_pdf(name: &str) -> Option<gongwen::read::Extracted> {
    models()?;
    let path = crate::util::shared(&format!("corpus/pdf/{name}"))?;
    let data = std::fs::read(path).unwrap();
    // The first four pages: cover, imprint, contents, foreword (rendering is slow unoptimised).
    let mut opts = gongwen::ReadOptions::default();
    opts.limits.pages = 4;
    Some(gongwen::internals::pdf::read(&data, &opts).unwrap())
}

fn all_text(x: &gongwen::read::Extracted) -> String {
    let texts: Vec<&str> = x.blocks.iter().map(|b| b.text.as_str()).collect();
    texts.join("\n")
}

#[test]
fn an_embedded_font_without_any_map_is_rendered_and_read() {
    // issue3405r: WenQuanYi Zen Hei embedded, Identity-H, no ToUnicode, no cmap table.
    let Some(x) = unmapped_corpus_pdf("pdfjs_issue3405r.pdf") else {
        return;
    };
    let got = all_text(&x);
    assert_eq!(cer("其他参考数据", &got), 0.0, "{got}");
    let ocr = x.source.ocr.as_ref().expect("source.ocr");
    assert_eq!(ocr.pages.len(), 1);
    assert!(x.unreliable_pages.is_empty(), "{:?}", x.unreliable_pages);
}

#[test]
fn wrong_maps_are_replaced_by_ocr_of_the_rendered_pages() {
    // GM/T 0031-2014: CFF CID fonts whose ToUnicode sends Chinese to junk; the digits and
    // punctuation of the fonts that map well are kept. Readings made by eye from the page.
    let Some(x) = unmapped_corpus_pdf("ofdrw_GMT_0031-2014_安全电子签章密码技术规范.pdf")
    else {
        return;
    };
    let got = all_text(&x);
    let readings = [
        "中华人民共和国密码行业标准",
        "安全电子签章密码技术规范",
        "本标准按照GB/T1.1—2009给出的规则起草。",
        "请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别这些专利的责任。",
        "本标准由密码行业标准化技术委员会提出并归口。",
        "本标准主要起草单位：北京数字认证股份有限公司、上海市数字证书认证中心有限公司、",
    ];
    let folded_got: String = folded(&got).into_iter().collect();
    let (mut errors, mut chars) = (0usize, 0usize);
    for r in readings {
        let t = folded(r);
        // The best-matching window of the output (the reading's length) against the reading.
        let g: Vec<char> = folded_got.chars().collect();
        let best = (0..g.len().saturating_sub(t.len()) + 1)
            .map(|i| edit_distance(&t, g.get(i..(i + t.len()).min(g.len())).unwrap_or(&[])))
            .min()
            .unwrap_or(t.len());
        errors += best;
        chars += t.len();
    }
    let rate = errors as f64 / chars as f64;
    eprintln!("GM/T 0031 CER over the readings {:.2} %", rate * 100.0);
    assert!(rate < 0.02, "CER {rate}\n{got}");
    assert!(
        !x.warnings
            .iter()
            .any(|w| w.code == gongwen::model::Code::UnreliableText
                && w.message.contains("look wrong")),
        "{:?}",
        x.warnings
    );
}
