//! `--limit-*` flags: one per [`gongwen::Limit`], generated from the library's table of limits
//! (name, default, unit, description), so a new limit gets its flag without touching this file.

use clap::{value_parser, Arg, ArgMatches, Args, Command, FromArgMatches};
use gongwen::Limit;

/// The help heading of the limit flags.
const HEADING: &str = "Limits (see docs/robustness.md)";

/// Resource limits; each flag given overrides one default (see docs/robustness.md).
#[derive(Clone, Default)]
pub struct LimitFlags {
    given: Vec<(Limit, u64)>,
}

impl LimitFlags {
    /// Apply the given flags onto `limits`.
    pub fn apply(&self, limits: &mut gongwen::Limits) {
        for &(limit, value) in &self.given {
            limit.set(limits, value);
        }
    }
}

impl FromArgMatches for LimitFlags {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        let given = Limit::ALL
            .iter()
            .filter_map(|&limit| Some((limit, *matches.get_one::<u64>(limit.flag())?)))
            .collect();
        Ok(LimitFlags { given })
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(matches)?;
        Ok(())
    }
}

impl Args for LimitFlags {
    fn augment_args(cmd: Command) -> Command {
        Limit::ALL
            .iter()
            .fold(cmd, |cmd, &limit| cmd.arg(flag(limit)))
    }

    fn augment_args_for_update(cmd: Command) -> Command {
        Self::augment_args(cmd)
    }
}

/// `--limit-<name> <UNIT>`: the limit's description and its default.
fn flag(limit: Limit) -> Arg {
    Arg::new(limit.flag())
        .long(limit.flag())
        .value_name(limit.unit())
        .value_parser(value_parser!(u64))
        .help_heading(HEADING)
        .help(format!(
            "{} [default: {}]",
            limit.description().trim_end_matches('.'),
            limit.default_shown()
        ))
}

/// The flag that would have avoided `err`, as advice for the user: the library's errors name
/// the cause in structured fields; only the binary knows its flags.
pub fn advice(err: &gongwen::Error) -> Option<String> {
    match err {
        gongwen::Error::UnknownFormat { .. } => Some("; use --from to force one".into()),
        gongwen::Error::Encrypted {
            password_given: false,
            ..
        } => Some("; pass --password to open it".into()),
        gongwen::Error::LimitExceeded { what, .. } => {
            Some(format!(" (raise it with --{})", what.flag()))
        }
        _ => None,
    }
}
