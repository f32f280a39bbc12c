//! What may be shown of a pupil where others can see the screen.

/// Initials for presentation mode and agendas that leave the app: "Noor Verbeek" → "N.V.".
/// Dutch tussenvoegsels (van, de, ter …) are skipped so "Sem van Dijk" → "S.D.".
pub fn initials(given_name: &str, family_name: &str) -> String {
    const TUSSENVOEGSELS: &[&str] = &[
        "van", "de", "der", "den", "ter", "te", "ten", "het", "'t", "in", "op", "la", "le", "du",
    ];
    let first = given_name.trim().chars().next();
    let last = family_name
        .split_whitespace()
        .find(|part| !TUSSENVOEGSELS.contains(&part.to_lowercase().as_str()))
        .and_then(|part| part.chars().next());
    [first, last]
        .into_iter()
        .flatten()
        .map(|c| format!("{}.", c.to_uppercase()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::initials;

    #[test]
    fn initials_skip_tussenvoegsels_and_handle_accents() {
        let cases = [
            ("Noor", "Verbeek", "N.V."),
            ("Sem", "van Dijk", "S.D."),
            ("Zoë", "Özdemir", "Z.Ö."),
            ("  daan ", "de Vries", "D.V."),
            ("Ayla", "", "A."),
        ];
        for (given, family, expected) in cases {
            assert_eq!(
                initials(given, family),
                expected,
                "initials of {given:?} {family:?}"
            );
        }
    }
}
