//! Fuzz the spreadsheet reader through the whole pipeline: compound files go to the `.xls`
//! reader, everything else to the `.xlsx` one, so every input reaches a workbook reader.
#![no_main]

#[path = "common.rs"]
mod common;

const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    common::let_guarded_panics_unwind();
    let format = if data.starts_with(OLE) {
        gongwen::Format::Xls
    } else {
        gongwen::Format::Xlsx
    };
    common::convert_and_walk(data, Some(format))
});
