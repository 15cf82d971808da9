//! The integration tests: one binary, one module per area.

mod util;

mod batch;
mod cli;
mod determinism;
mod malformed;
mod schema;
