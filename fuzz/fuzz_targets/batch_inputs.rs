//! Fuzz what `gongwen batch` reads besides documents: WARC archives (plain or gzip), worker-mode
//! request lines, and an earlier output read back by `--resume`. The first byte picks which;
//! every document a WARC or a request line yields goes through `batch::run` and is written as a
//! JSON line.
#![no_main]

#[path = "common.rs"]
mod common;

use gongwen::batch::{self, BatchOptions, Job, Source};

/// Stop after this many records: a fuzz input is small, but a record can be empty.
const MAX_JOBS: usize = 64;

fn options() -> gongwen::Options {
    let mut options = gongwen::Options::default();
    options.read.limits.input_bytes = 4 << 20;
    options.read.limits.zip_total_bytes = 64 << 20;
    options.read.limits.stream_bytes = 16 << 20;
    options
}

fn run(job: Job, options: &gongwen::Options) {
    // A path in a request line would make the fuzzer read the machine's files (/dev/zero …).
    if matches!(job.source, Source::Path(_)) {
        return;
    }
    let mut batch = BatchOptions::default();
    batch.jobs = 1;
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let _ = batch::run(
        std::iter::once(job),
        options,
        &batch,
        &cancel,
        &mut |record| record.write_jsonl(&mut std::io::sink()),
    );
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    common::let_guarded_panics_unwind();
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let options = options();
    match mode % 3 {
        0 => {
            let jobs =
                batch::warc_jobs_from(std::io::Cursor::new(rest.to_vec()), "fuzz".into(), 1 << 20);
            for job in jobs.take(MAX_JOBS) {
                run(job, &options);
            }
        }
        1 => {
            for line in String::from_utf8_lossy(rest).lines().take(MAX_JOBS) {
                run(batch::job_from_line(line), &options);
            }
        }
        _ => {
            let _ = batch::done_keys(rest);
        }
    }
});
