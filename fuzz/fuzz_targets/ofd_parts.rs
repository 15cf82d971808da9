//! Fuzz the OFD reader's XML: the input is the package's XML parts separated by NUL bytes
//! (OFD.xml, Document.xml, PublicRes.xml, the first page's Content.xml, DocumentRes.xml),
//! zipped as stored entries with a correct CRC so that every mutation reaches the XML parsers
//! (see `common/stored_zip.rs`).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../common/stored_zip.rs"]
mod stored_zip;

fuzz_target!(|data: &[u8]| {
    let names = [
        "OFD.xml",
        "Doc_0/Document.xml",
        "Doc_0/PublicRes.xml",
        "Doc_0/Pages/Page_0/Content.xml",
        "Doc_0/DocumentRes.xml",
    ];
    let zip = stored_zip::package(data, &names, &[]);
    let mut options = gongwen::Options::default();
    options.read.format = Some(gongwen::Format::Ofd);
    if let Ok(doc) = gongwen::convert(&zip, &options) {
        let _ = gongwen::render::to_string(&doc, gongwen::OutputFormat::Json);
    }
});
