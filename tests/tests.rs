//! The integration tests: one binary, one module per area.

mod util;

mod cli;
#[cfg(feature = "export")]
mod export;
mod notice;
