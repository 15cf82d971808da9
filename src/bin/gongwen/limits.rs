//! `--limit-*` flags: one per [`gongwen::Limit`], generated from the library's table of limits
//! (name, default, unit, description), so a new limit gets its flag without touching this file.

use clap::{Arg, ArgMatches, Args, Command, FromArgMatches};
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
        .value_parser(parse_amount)
        .help_heading(HEADING)
        .help(format!(
            "{} [default: {}]",
            limit.description().trim_end_matches('.'),
            limit.default_shown()
        ))
}

/// A limit's value: a whole number, optionally with a binary size suffix (`512K`, `64M`,
/// `2G`, `1T`; `MiB`, `MB` and `m` mean the same), so `--limit-memory 2G` reads as written.
fn parse_amount(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (number, suffix) = t.split_at(digits);
    let number: u64 = number
        .parse()
        .map_err(|_| format!("expected a number such as 1000 or 512M, got `{text}`"))?;
    let shift = match suffix.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        "t" | "tb" | "tib" => 40,
        _ => {
            return Err(format!(
                "unknown size suffix in `{text}` (use K, M, G or T)"
            ))
        }
    };
    number
        .checked_mul(1u64 << shift)
        .ok_or_else(|| format!("`{text}` is too large"))
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

#[cfg(test)]
mod tests {
    use super::parse_amount;

    #[test]
    fn amounts_take_binary_size_suffixes() {
        assert_eq!(parse_amount("1000"), Ok(1000));
        assert_eq!(parse_amount("512K"), Ok(512 << 10));
        assert_eq!(parse_amount("64MiB"), Ok(64 << 20));
        assert_eq!(parse_amount("2g"), Ok(2 << 30));
        assert_eq!(parse_amount("1 GB"), Ok(1 << 30));
        assert!(parse_amount("1.5G").is_err());
        assert!(parse_amount("12X").is_err());
        assert!(parse_amount("").is_err());
        assert!(parse_amount("99999999999T").is_err());
    }
}
