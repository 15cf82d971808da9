//! Fuzz the DOCX reader's XML: the input is the package's XML parts separated by NUL bytes
//! (document, styles, numbering, footnotes, relationships), zipped as stored entries with a
//! correct CRC so that every mutation reaches the XML parsers (see `common/stored_zip.rs`).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../common/stored_zip.rs"]
mod stored_zip;

const TYPES: &[u8] = br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

fuzz_target!(|data: &[u8]| {
    let names = [
        "word/document.xml",
        "word/styles.xml",
        "word/numbering.xml",
        "word/footnotes.xml",
        "word/_rels/document.xml.rels",
        "docProps/core.xml",
    ];
    let zip = stored_zip::package(data, &names, &[("[Content_Types].xml", TYPES)]);
    let mut options = gongwen::Options::default();
    options.read.format = Some(gongwen::Format::Docx);
    if let Ok(doc) = gongwen::convert(&zip, &options) {
        let _ = gongwen::render::to_string(&doc, gongwen::OutputFormat::Json);
    }
});
