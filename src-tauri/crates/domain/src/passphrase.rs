//! The passphrase policy: long enough to resist an offline attack on a stolen `keys.json`.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The fewest characters (not bytes) a passphrase may have; shorter ones are refused.
pub const MIN_PASSPHRASE_CHARS: usize = 12;

/// A rough strength estimate of a passphrase, weakest first; the weakest two are refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Strength {
    /// Fewer than `MIN_PASSPHRASE_CHARS` characters: refused.
    TooShort,
    /// Long enough but predictable (under 6 distinct characters, or one kind only): refused.
    Weak,
    /// Accepted: at least two kinds of character (lower case, upper case, digits, other).
    Reasonable,
    /// Accepted: 20 characters or more, or 16 or more with two kinds of character.
    Strong,
}

/// A rough strength estimate: length and character variety, with a penalty for repeats.
/// Enough to steer people to long passphrases; the real protection is Argon2id.
pub fn strength(passphrase: &str) -> Strength {
    let chars: Vec<char> = passphrase.chars().collect();
    if chars.len() < MIN_PASSPHRASE_CHARS {
        return Strength::TooShort;
    }
    let classes = [
        chars.iter().any(|c| c.is_lowercase()),
        chars.iter().any(|c| c.is_uppercase()),
        chars.iter().any(|c| c.is_ascii_digit()),
        chars.iter().any(|c| !c.is_alphanumeric()),
    ]
    .into_iter()
    .filter(|present| *present)
    .count();
    let mut distinct = chars.clone();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() < 6 {
        return Strength::Weak;
    }
    match (chars.len(), classes) {
        (n, _) if n >= 20 => Strength::Strong,
        (n, c) if n >= 16 && c >= 2 => Strength::Strong,
        (_, c) if c >= 3 => Strength::Reasonable,
        (_, 2) => Strength::Reasonable,
        _ => Strength::Weak,
    }
}

/// Why a passphrase is refused, in Dutch, or `None` when it is acceptable.
pub fn refusal(passphrase: &str) -> Option<String> {
    match strength(passphrase) {
        Strength::TooShort => Some(format!(
            "Het wachtwoord is te kort: gebruik minstens {MIN_PASSPHRASE_CHARS} tekens (een zin van een paar woorden werkt goed)."
        )),
        Strength::Weak => Some(
            "Het wachtwoord is te voorspelbaar: gebruik meer verschillende tekens of een zin van een paar woorden."
                .to_owned(),
        ),
        Strength::Reasonable | Strength::Strong => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strength_table() {
        let cases = [
            ("", Strength::TooShort),
            ("kort", Strength::TooShort),
            ("elf-tekens!", Strength::TooShort),
            ("aaaaaaaaaaaaaaaa", Strength::Weak),
            ("abababababababab", Strength::Weak),
            ("abcdefghijkl", Strength::Weak),
            ("abcdefghijk1", Strength::Reasonable),
            ("Kernteam-2026!", Strength::Reasonable),
            ("fiets regen koffie", Strength::Strong),
            ("fietsregen12", Strength::Reasonable),
            ("fiets regen koffie tafel", Strength::Strong),
        ];
        for (input, expected) in cases {
            assert_eq!(strength(input), expected, "strength of {input:?}");
        }
    }

    #[test]
    fn refusal_explains_in_dutch() {
        let reason = refusal("kort").expect("a short passphrase is refused");
        assert!(
            reason.contains("minstens 12 tekens"),
            "the reason names the minimum: {reason}"
        );
        assert!(refusal("fiets regen koffie tafel").is_none());
    }
}
