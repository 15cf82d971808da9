//! PDF reader: hand-made hard cases (tests/fixtures/pdf, written by scripts/gen_pdf_fixtures.py)
//! and the real files of ../shared/corpus/pdf (skipped when absent).
//!
//! Expected strings were read off the rendered pages (pdftoppm) or, for the GBK-in-WinAnsi
//! files that poppler itself renders as mojibake, from the GBK bytes of their content streams.

use gongwen::internals::pdf;
use gongwen::model::Code;
use gongwen::read::Extracted;
use gongwen::{Format, ReadOptions};

use crate::shared_or_skip;
use crate::util::{bytes, root, shared};

fn fixture(name: &str) -> Vec<u8> {
    bytes(&root().join("tests/fixtures/pdf").join(name))
}

/// The PDF reader through the public API.
fn pdf_read(data: &[u8], opts: &ReadOptions) -> gongwen::Result<Extracted> {
    gongwen::read::read_as(Format::Pdf, data, opts)
}

fn read(data: &[u8]) -> Extracted {
    pdf_read(data, &ReadOptions::default()).unwrap_or_else(|e| panic!("read failed: {e}"))
}

/// The text layer alone: pages with unreliable text are not rendered and read by OCR (that is
/// tested in `ocr.rs`, with the models).
fn read_text_layer(data: &[u8]) -> Extracted {
    let mut opts = ReadOptions::default();
    opts.ocr.mode = gongwen::OcrMode::Never;
    pdf_read(data, &opts).unwrap_or_else(|e| panic!("read failed: {e}"))
}

/// All block text with white space removed (layout decides where lines break; these tests
/// check characters, not line structure).
fn text(x: &Extracted) -> String {
    x.blocks
        .iter()
        .flat_map(|b| b.text.chars())
        .filter(|c| !c.is_whitespace())
        .collect()
}

fn has(x: &Extracted, code: Code) -> bool {
    x.warnings.iter().any(|w| w.code == code)
}

#[test]
fn identity_h_with_tounicode_and_info() {
    let x = read(&fixture("identity_h_tounicode.pdf"));
    assert_eq!(text(&x), "中文ABHelloWorld");
    assert_eq!(x.source.pages, Some(1));
    assert_eq!(x.source.version.as_deref(), Some("1.7"));
    assert_eq!(x.source.producer.as_deref(), Some("gen_pdf_fixtures.py"));
    assert_eq!(
        x.source.created.as_deref(),
        Some("2024-01-02T03:04:05+08:00")
    );
    assert_eq!(x.meta.title.as_deref(), Some("测试标题"));
    assert_eq!(x.meta.author.as_deref(), Some("Test Author"));
    assert!(x.warnings.is_empty(), "{:?}", x.warnings);
    assert!(x.blocks.iter().all(|b| b.origin.page == Some(1)));
}

/// ToUnicode CMaps written wrongly (CID sections in a ToUnicode, missing `end…` keywords, run
/// together tokens, odd hex digits, literal strings, array destinations, surrogate pairs, a
/// range crossing the last byte) give their text as MuPDF and poppler read it, one line each.
#[test]
fn sloppy_tounicode_maps_are_read() {
    let x = read(&fixture("sloppy_tounicode.pdf"));
    let lines: Vec<&str> = x.blocks.iter().flat_map(|b| b.text.lines()).collect();
    assert_eq!(
        lines,
        [
            "关于开展",
            "巡察整改",
            "工作方案",
            "通知\u{20000}\u{20001}",
            "三上下不"
        ]
    );
    assert!(!has(&x, Code::UnreliableText), "{:?}", x.warnings);
}

/// A scan with an invisible (`3 Tr`) text layer full of OCR errors (seed paragraphs with 30 %
/// and 35 % of their characters misread) gets `unreliable_text` and lists both pages as OCR
/// candidates; the same layer read right passes silently.
#[test]
fn failed_ocr_text_layers_are_unreliable() {
    let bad = read(&fixture("ocr_garbage.pdf"));
    assert_eq!(bad.unreliable_pages, [1, 2]);
    let w: Vec<&str> = bad
        .warnings
        .iter()
        .filter(|w| w.code == Code::UnreliableText)
        .map(|w| w.message.as_str())
        .collect();
    assert_eq!(w.len(), 1, "{:?}", bad.warnings);
    assert!(w[0].starts_with("page(s) 1-2: the text layer reads like a failed OCR"));
    let good = read(&fixture("ocr_clean.pdf"));
    assert!(good.unreliable_pages.is_empty());
    assert!(!has(&good, Code::UnreliableText), "{:?}", good.warnings);
    assert!(text(&good).contains("根据区委统一部署"));
}

#[test]
fn gbk_bytes_behind_a_winansi_font() {
    let x = read(&fixture("gbk_simple.pdf"));
    assert_eq!(text(&x), "关于印发通知");
}

#[test]
fn actual_text_replaces_drawn_glyphs() {
    let x = read(&fixture("actual_text.pdf"));
    assert_eq!(text(&x), "中Y");
}

#[test]
fn red_header_blocks_carry_font_bold_and_red() {
    let data = fixture("red_header.pdf");
    let x = read(&data);
    let hints = |start: &str| {
        let b = x.blocks.iter().find(|b| b.text.starts_with(start));
        b.unwrap_or_else(|| panic!("no block {start}: {:?}", x.blocks))
            .hints
            .clone()
    };
    // Red from `1 0 0 rg` inherited by the form that draws it, bold from `,Bold` in the name.
    let mark = hints("某某市人民政府");
    assert!(mark.red && mark.bold, "{mark:?}");
    assert_eq!(mark.font.as_deref(), Some("STSong-Light"));
    assert_eq!(mark.font_size, Some(36.0));
    // Bold by render mode 2 (filled and stroked), black.
    let title = hints("关于开展安全检查的通知");
    assert!(title.bold && !title.red, "{title:?}");
    // Four CMYK-red characters do not make a paragraph of forty-four red; `0 g` ends them.
    for start in ["某府发", "各区人民政府", "为进一步", "2024年"] {
        let h = hints(start);
        assert!(!h.red && !h.bold, "{start}: {h:?}");
    }
    // The parser takes the short red line that names no kind as the 发文机关标志.
    let doc = gongwen::convert(&data, &gongwen::Options::default()).unwrap();
    assert_eq!(doc.parts.issuer_mark.as_deref(), Some("某某市人民政府"));
    assert_eq!(doc.meta.title.as_deref(), Some("关于开展安全检查的通知"));
}

#[test]
fn form_xobject_loops_are_cut() {
    let x = read(&fixture("form_loop.pdf"));
    assert_eq!(text(&x), "LoopSelf");
    assert!(has(&x, Code::LimitReached), "{:?}", x.warnings);
}

#[test]
fn exponential_form_fanout_is_bounded() {
    // 10^8 form draws: the per-page operation budget stops it quickly.
    let x = read(&fixture("form_fanout.pdf"));
    assert!(has(&x, Code::LimitReached), "{:?}", x.warnings);
    let t = text(&x);
    assert!(!t.is_empty() && t.chars().all(|c| "leaf".contains(c)));
}

#[test]
fn page_tree_cycles_are_cut() {
    let x = read(&fixture("kids_cycle.pdf"));
    assert_eq!(text(&x), "Once");
    assert_eq!(x.source.pages, Some(1));
    assert!(has(&x, Code::DamagedFile));
}

#[test]
fn image_only_pages_are_reported() {
    let x = read(&fixture("image_only.pdf"));
    assert_eq!(text(&x), "Textpage");
    let w = x
        .warnings
        .iter()
        .find(|w| w.code == Code::NoTextLayer)
        .expect("no_text_layer");
    assert!(w.message.contains("page(s) 2 "), "{}", w.message);
}

#[test]
fn encryption_outcomes() {
    // Empty user password: opened without asking.
    let x = read(&fixture("encrypted_empty.pdf"));
    assert_eq!(text(&x), "中文ABHelloWorld");
    // A real password: a typed error without it or with a wrong one, the text with it.
    let locked = fixture("encrypted_password.pdf");
    let err = pdf_read(&locked, &ReadOptions::default()).unwrap_err();
    assert_eq!(err.code(), "encrypted");
    let mut wrong = ReadOptions::default();
    wrong.password = Some("nope".into());
    let err = pdf_read(&locked, &wrong).unwrap_err();
    assert_eq!(err.code(), "encrypted");
    assert!(err.to_string().contains("did not open"));
    let mut right = ReadOptions::default();
    right.password = Some("secret".into());
    let x = pdf_read(&locked, &right).unwrap();
    assert_eq!(text(&x), "中文ABHelloWorld");
}

#[test]
fn broken_files_recover_or_fail_cleanly() {
    let x = read(&fixture("xref_past_eof.pdf"));
    assert_eq!(text(&x), "中文ABHelloWorld");
    assert!(has(&x, Code::DamagedFile));
    // The truncated file loses its ToUnicode stream: no text, but warnings instead of junk.
    let x = read(&fixture("truncated.pdf"));
    assert!(has(&x, Code::DamagedFile));
    assert!(has(&x, Code::UnreliableText));
    // Every prefix of a good file: a result or a typed error, never a panic.
    let good = fixture("identity_h_tounicode.pdf");
    for cut in (0..good.len()).step_by(37) {
        if let Err(e) = pdf_read(&good[..cut], &ReadOptions::default()) {
            assert!(
                ["malformed", "encrypted", "limit_exceeded"].contains(&e.code()),
                "{e}"
            );
        }
    }
}

#[test]
fn corrupted_bytes_never_panic() {
    // Deterministic corruption of every fixture: overwrite one byte in each stride.
    for name in [
        "identity_h_tounicode.pdf",
        "form_loop.pdf",
        "gbk_simple.pdf",
        "actual_text.pdf",
    ] {
        let good = fixture(name);
        for at in (0..good.len()).step_by(7) {
            for byte in [0u8, b'(', b'[', 0xFF] {
                let mut bad = good.clone();
                bad[at] = byte;
                let _ = pdf_read(&bad, &ReadOptions::default());
            }
        }
    }
}

#[test]
fn limits_are_enforced() {
    let mut opts = ReadOptions::default();
    opts.limits.ops_per_page = 3;
    let x = pdf_read(&fixture("identity_h_tounicode.pdf"), &opts).unwrap();
    assert!(has(&x, Code::LimitReached));
    let mut opts = ReadOptions::default();
    opts.limits.pdf_objects = 2;
    let err = pdf_read(&fixture("identity_h_tounicode.pdf"), &opts).unwrap_err();
    assert_eq!(err.code(), "limit_exceeded");
    // Content streams over the decoded-size limit are skipped with a warning.
    let mut opts = ReadOptions::default();
    opts.limits.stream_bytes = 16;
    let x = pdf_read(&fixture("identity_h_tounicode.pdf"), &opts).unwrap();
    assert!(text(&x).is_empty());
    assert!(has(&x, Code::DamagedFile));
    let mut opts = ReadOptions::default();
    opts.limits.pages = 1;
    let x = pdf_read(&fixture("image_only.pdf"), &opts).unwrap();
    assert_eq!(x.source.pages, Some(1));
    assert!(has(&x, Code::LimitReached));
}

// ---- the real corpus ----

fn corpus(name: &str) -> Option<Extracted> {
    let p = shared(&format!("corpus/pdf/{name}"))?;
    Some(read(&bytes(&p)))
}

#[test]
fn every_corpus_pdf_converts() {
    let dir = shared_or_skip!("corpus/pdf");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let data = bytes(&entry.path());
        let x = pdf_read(&data, &ReadOptions::default())
            .unwrap_or_else(|e| panic!("{}: {e}", entry.path().display()));
        assert!(
            x.source.pages.unwrap_or(0) > 0,
            "{}",
            entry.path().display()
        );
        n += 1;
    }
    assert!(n >= 15);
}

#[test]
fn gbk_in_winansi_xiaobiaosong() {
    let Some(x) = corpus("pdfjs_XiaoBiaoSong.pdf") else {
        return;
    };
    let t = text(&x);
    for want in [
        "目录",
        "关于红军作战的原则",
        "（一九三七年八月一日）",
        "对国防问题的意见",
    ] {
        assert!(t.contains(want), "{want} not in {t}");
    }
    assert!(!t.contains('Ä'), "{t}");
}

#[test]
fn gbk_in_winansi_simfang() {
    // The text layer: with OCR the page is rendered for its Type3 glyph and read instead.
    let Some(p) = shared("corpus/pdf/pdfjs_SimFang-variant.pdf") else {
        return;
    };
    let x = read_text_layer(&bytes(&p));
    assert!(
        text(&x).starts_with("全世界无产者，联合起来"),
        "{}",
        text(&x)
    );
    // The closing ！ is a Type3 glyph with no Unicode: reported, not guessed, and counted
    // (one glyph, not "most of the text").
    let w: Vec<&str> = x
        .warnings
        .iter()
        .filter(|w| w.code == Code::UnreliableText)
        .map(|w| w.message.as_str())
        .collect();
    assert!(
        w.len() == 1 && w[0].contains("1 of the 1 glyphs drawn with them are missing"),
        "{w:?}"
    );
}

#[test]
fn predefined_gbk_euc_cmap() {
    let Some(x) = corpus("pdfjs_issue2128r.pdf") else {
        return;
    };
    let t = text(&x);
    assert!(t.starts_with("浅谈校长的魅力山西省闻喜县诚镇初中"), "{t}");
}

#[test]
fn predefined_gbkp_euc_cmap() {
    let Some(x) = corpus("pdfjs_issue3521.pdf") else {
        return;
    };
    assert_eq!(text(&x), "我们都是黑体字");
}

#[test]
fn stsong_light_mixed_with_embedded_subsets() {
    let Some(x) = corpus("pymupdf_test_4182.pdf") else {
        return;
    };
    let t = text(&x);
    assert!(
        t.contains("数字拟人品：数字技术、拟社会互动与商业模式内容创新的共演"),
        "{t}"
    );
    assert!(
        t.contains("摘要：数字交互时代，数字拟人品兼具了拟人产品互动性、数字产品数字技术内核"),
        "{t}"
    );
    // Punctuation from another font stays inside its line.
    assert!(x
        .blocks
        .iter()
        .all(|b| !matches!(b.text.trim(), "，" | "、" | "。")));
    assert!(!has(&x, Code::UnreliableText), "{:?}", x.warnings);
}

#[test]
fn wrong_tounicode_is_reported() {
    let Some(p) = shared("corpus/pdf/ofdrw_GMT_0031-2014_安全电子签章密码技术规范.pdf")
    else {
        return;
    };
    let x = read_text_layer(&bytes(&p));
    let w: Vec<_> = x
        .warnings
        .iter()
        .filter(|w| w.code == Code::UnreliableText)
        .collect();
    assert!(w.iter().any(|w| w.message.contains("look wrong")), "{w:?}");
    assert!(
        w.iter()
            .any(|w| w.message.contains("no usable Unicode map")),
        "{w:?}"
    );
    // The pages of those fonts are the OCR candidates.
    assert!(x.unreliable_pages.contains(&5), "{:?}", x.unreliable_pages);
    assert!(x.unreliable_pages.windows(2).all(|p| p[0] < p[1]));
}

#[test]
fn missing_maps_are_reported() {
    // An embedded TrueType font with neither ToUnicode nor a `cmap` table.
    let Some(p) = shared("corpus/pdf/pdfjs_issue3405r.pdf") else {
        return;
    };
    let x = read_text_layer(&bytes(&p));
    assert!(has(&x, Code::UnreliableText), "{:?}", x.warnings);
}

#[test]
fn notdef_glyphs_carry_no_text() {
    // FastReport writes CID 0 (.notdef, drawn as an empty box) for characters its font subset
    // lacks and maps code 0 to the last of them: the text layer said 佛佛佛佛佛佛佛佛佛佛佛.
    let Some(x) = corpus("pymupdf_has-bad-fonts.pdf") else {
        return;
    };
    let t = text(&x);
    assert!(
        !t.contains("佛佛") && !t.contains("纸纸") && !t.contains("釉"),
        "{t}"
    );
    for part in ["佛山市柏年建材有限公司", "一般贸易", "结汇退税", "照章征免"]
    {
        assert!(t.contains(part), "{part}: {t}");
    }
    assert!(!has(&x, Code::UnreliableText), "{:?}", x.warnings);
}

#[test]
fn well_mapped_files_are_not_flagged() {
    for name in [
        "ofdrw_Test.pdf",
        "pymupdf_chinese-tables.pdf",
        "pdfjs_issue19360.pdf",
    ] {
        let Some(x) = corpus(name) else { return };
        assert!(!has(&x, Code::UnreliableText), "{name}: {:?}", x.warnings);
        assert!(
            text(&x)
                .chars()
                .filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c))
                .count()
                > 10,
            "{name}"
        );
    }
}

#[test]
fn truetype_cmap_fallback_without_tounicode() {
    // ABCDEE+宋体 (Identity-H, no ToUnicode) draws the full-width colons and the buyer's name;
    // its embedded TrueType cmap table still tells which characters they are.
    let Some(x) = corpus("pdfminer_issue_566_test_1.pdf") else {
        return;
    };
    let t = text(&x);
    assert!(
        t.contains("ISSUEDate") && t.contains("2019-4-25") && t.contains("Buyer"),
        "{t}"
    );
    assert_eq!(t.matches('：').count(), 2, "{t}");
    assert!(!has(&x, Code::UnreliableText), "{:?}", x.warnings);
}

#[test]
fn vertical_identity_v_through_the_japan1_ordering() {
    // dvipdfmx subset, Identity-V, no ToUnicode, no cmap table: its glyph ids are Adobe-Japan1
    // CIDs. Page 1 shows two columns, right to left: あいうえお, then 日本語.
    let Some(p) = shared("corpus/pdf/pdfjs_vertical.pdf") else {
        return;
    };
    let pages = pdf::pages(&bytes(&p), &ReadOptions::default()).unwrap();
    let mut glyphs: Vec<_> = pages[0]
        .glyphs
        .iter()
        .filter(|g| !g.text.trim().is_empty())
        .collect();
    assert!(glyphs.iter().all(|g| g.vertical));
    glyphs.sort_by(|a, b| b.x.total_cmp(&a.x).then(a.y.total_cmp(&b.y)));
    let t: String = glyphs.iter().map(|g| g.text.as_str()).collect();
    assert_eq!(t, "あいうえお日本語");
}
