//! Other pupils' names never leave in one pupil's export (docs/DOMAIN.md §5): a sibling named in a
//! note, a classmate in the minutes. Matching is on characters, not bytes: case folded
//! ("İ", "ẞ", the Kelvin sign), diacritics ignored ("Zoë" = "Zoe"), whole words only.

use unicode_normalization::UnicodeNormalization;

/// What replaces another pupil's name.
pub const OTHER_PUPIL: &str = "[andere leerling]";

/// Dutch (and a few neighbouring) name particles: never a name on their own.
const PARTICLES: &[&str] = &[
    "van", "de", "der", "den", "het", "t", "ter", "ten", "te", "in", "op", "von", "la", "le", "du",
    "di", "da", "del", "s", "d", "l", "al", "el", "bin", "ben", "ibn", "y", "zu",
];

/// One pupil's name as the store keeps it: given names ("Anna Maria") and family name with
/// its particles ("de Vries").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PupilName {
    /// The given names, possibly several ("Anna Maria").
    pub given: String,
    /// The family name with its particles ("de Vries"); may be hyphenated ("Vries-Bakker").
    pub family: String,
}

impl PupilName {
    /// A pupil's name from given names and family name, kept as typed (matching folds case and
    /// diacritics itself).
    pub fn new(given: impl Into<String>, family: impl Into<String>) -> Self {
        Self {
            given: given.into(),
            family: family.into(),
        }
    }

    /// Every way the text may name this pupil, longest first: the full name, the given names,
    /// the family name with and without particles, each given and family name part.
    fn forms(&self) -> Vec<Vec<char>> {
        let mut forms: Vec<Vec<char>> = Vec::new();
        let mut add = |text: &str| {
            let folded = fold(text.trim());
            let words: Vec<&str> = folded
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            if words.is_empty() || words.iter().all(|w| PARTICLES.contains(w)) {
                return;
            }
            let form: Vec<char> = folded.chars().collect();
            if form.len() >= 2 && !forms.contains(&form) {
                forms.push(form);
            }
        };
        add(&format!("{} {}", self.given, self.family));
        add(&self.given);
        add(&self.family);
        for part in split_words(&self.given).chain(split_words(&self.family)) {
            add(part);
        }
        // The family name without its particles ("Vries" of "de Vries") is a part already;
        // joined parts after the particles ("Vries-Bakker") too.
        forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
        forms
    }
}

fn split_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() || c == '-' || c == '\'' || c == '’')
        .filter(|w| !w.is_empty())
}

/// One character as compared: lower case by full case folding, without diacritics. May be
/// empty (a lone combining mark) or several characters ("ẞ" → "ss").
fn fold_char(c: char) -> String {
    match c {
        'ß' | 'ẞ' => return "ss".into(),
        'ı' => return "i".into(),
        _ => {}
    }
    c.to_lowercase()
        .collect::<String>()
        .nfd()
        .filter(|m| !is_combining(*m))
        .collect()
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// The folded text as characters, each with the byte range of the original character it
/// came from.
fn folded_with_origin(text: &str) -> Vec<(char, usize, usize)> {
    let mut out = Vec::with_capacity(text.len());
    for (start, c) in text.char_indices() {
        let end = start + c.len_utf8();
        for f in fold_char(c).chars() {
            out.push((f, start, end));
        }
    }
    out
}

/// `text` with each whole-word mention of another pupil replaced by [`OTHER_PUPIL`]. A name
/// part that is also this pupil's own (a sibling's shared family name) stays: it names this
/// pupil too, and the given name of the sibling is taken out.
pub fn without_other_pupils(text: &str, own: Option<&PupilName>, others: &[PupilName]) -> String {
    let own_forms: Vec<Vec<char>> = own.map(PupilName::forms).unwrap_or_default();
    let mut forms: Vec<Vec<char>> = others
        .iter()
        .flat_map(PupilName::forms)
        .filter(|f| !own_forms.contains(f))
        .collect();
    forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
    forms.dedup();
    if forms.is_empty() {
        return text.to_owned();
    }
    let folded = folded_with_origin(text);
    let mut out = String::with_capacity(text.len());
    // Byte position in `text` up to which the output is written.
    let mut written = 0;
    let mut i = 0;
    while i < folded.len() {
        let (_, start, _) = folded[i];
        let starts_word = start >= written
            && text[..start]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
            && (i == 0 || folded[i - 1].1 != start);
        let found = starts_word
            .then(|| {
                forms.iter().find_map(|form| {
                    let slice = folded.get(i..i + form.len())?;
                    if slice.iter().map(|(c, _, _)| *c).ne(form.iter().copied()) {
                        return None;
                    }
                    let end = slice.last()?.2;
                    // The match must end on a whole character and a word boundary.
                    let whole = folded.get(i + form.len()).is_none_or(|next| next.1 >= end);
                    let boundary = text[end..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric());
                    (whole && boundary).then_some((form.len(), end))
                })
            })
            .flatten();
        match found {
            Some((len, end)) => {
                out.push_str(&text[written..start]);
                out.push_str(OTHER_PUPIL);
                written = end;
                i += len;
            }
            None => i += 1,
        }
    }
    out.push_str(&text[written..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn others(names: &[(&str, &str)]) -> Vec<PupilName> {
        names.iter().map(|(g, f)| PupilName::new(*g, *f)).collect()
    }

    #[test]
    fn a_siblings_given_name_goes_and_the_shared_family_name_stays() {
        let own = PupilName::new("Daan", "Hoekstra");
        let emma = others(&[("Emma", "Hoekstra")]);
        assert_eq!(
            without_other_pupils(
                "Daan Hoekstra en zijn zus Emma Hoekstra; emma komt ook. Emmanuel niet.",
                Some(&own),
                &emma
            ),
            "Daan Hoekstra en zijn zus [andere leerling]; [andere leerling] komt ook. Emmanuel niet."
        );
        assert_eq!(
            without_other_pupils("Geen namen.", Some(&own), &emma),
            "Geen namen."
        );
    }

    #[test]
    fn compound_given_names_particles_and_family_names_of_other_families() {
        let anna = others(&[("Anna Maria", "de Vries")]);
        let text = "Anna Maria de Vries zat ernaast; Maria lachte, De Vries ook, en de klas keek.";
        assert_eq!(
            without_other_pupils(text, None, &anna),
            "[andere leerling] zat ernaast; [andere leerling] lachte, [andere leerling] ook, en de klas keek."
        );
    }

    #[test]
    fn case_folding_works_on_characters_not_bytes() {
        let names = others(&[("İlker", "Straße"), ("Kees", "Öztürk")]);
        // "İ" lowercases to two characters, "ẞ" folds to "ss", "K" (Kelvin) to "k".
        let text =
            "Gesprek met ILKER en ilker STRASSE; \u{212A}ees en Zoë; ÖZTÜRK kwam, Ozturk ook.";
        let out = without_other_pupils(text, None, &names);
        assert_eq!(
            out,
            "Gesprek met [andere leerling] en [andere leerling]; [andere leerling] en Zoë; [andere leerling] kwam, [andere leerling] ook."
        );
        let zoe = others(&[("Zoë", "Bakker")]);
        assert_eq!(
            without_other_pupils("zoe en ZOË", None, &zoe),
            "[andere leerling] en [andere leerling]"
        );
    }

    mod generated {
        use super::super::*;
        use proptest::prelude::*;

        const LETTERS: &[char] = &[
            'a', 'b', 'd', 'e', 'i', 'k', 'l', 'm', 'n', 'o', 'r', 's', 't', 'u', 'z', 'A', 'E',
            'I', 'K', 'M', 'S', 'Z', 'é', 'ë', 'ö', 'ü', 'Ö', 'İ', 'ı', 'ß', 'ẞ', '\u{212A}', 'ç',
        ];
        const PARTICLE_CHOICES: &[&str] = &["", "de ", "van ", "van der ", "ter "];
        const FILLER: &[&str] = &[
            "en", "met", "de", "klas", "zegt", ".", ",", ";", "(", ")", "—", "-", "\n", "  ",
        ];

        fn word() -> impl Strategy<Value = String> {
            prop::collection::vec(prop::sample::select(LETTERS), 2..8)
                .prop_map(|cs| cs.into_iter().collect::<String>())
                .prop_filter("not a particle or our own placeholder", |w| {
                    let f = fold(w);
                    !PARTICLES.contains(&f.as_str()) && f != "andere" && f != "leerling"
                })
        }

        fn name() -> impl Strategy<Value = PupilName> {
            (
                prop::collection::vec(word(), 1..3),
                prop::sample::select(PARTICLE_CHOICES),
                word(),
            )
                .prop_map(|(given, particle, family)| {
                    PupilName::new(given.join(" "), format!("{particle}{family}"))
                })
        }

        /// How a name may appear in running text: whole, a part, another case.
        fn mention(name: &PupilName, pick: usize, upper: bool) -> String {
            let mut parts: Vec<String> = vec![
                format!("{} {}", name.given, name.family),
                name.given.clone(),
                name.family.clone(),
            ];
            parts.extend(split_words(&name.given).map(str::to_owned));
            let chosen = parts[pick % parts.len()].clone();
            if upper { chosen.to_uppercase() } else { chosen }
        }

        fn name_words(name: &PupilName) -> Vec<String> {
            split_words(&name.given)
                .chain(split_words(&name.family))
                .map(fold)
                .filter(|w| !PARTICLES.contains(&w.as_str()))
                .collect()
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(400))]
            #[test]
            fn no_other_pupils_name_survives_as_a_word_and_nothing_panics(
                own in name(),
                others in prop::collection::vec(name(), 1..4),
                pieces in prop::collection::vec((0usize..6, 0usize..16, any::<bool>()), 1..24),
            ) {
                let own_words = name_words(&own);
                // A name part this pupil shares (a sibling's family name) names her too.
                let others: Vec<PupilName> = others
                    .into_iter()
                    .filter(|o| name_words(o).iter().all(|w| !own_words.contains(w)))
                    .collect();
                let mut text = String::new();
                for (who, pick, upper) in &pieces {
                    let piece = match others.get(*who) {
                        Some(o) => mention(o, *pick, *upper),
                        None => FILLER[*pick % FILLER.len()].to_owned(),
                    };
                    text.push_str(&piece);
                    text.push(' ');
                }
                let out = without_other_pupils(&text, Some(&own), &others);
                let forbidden: Vec<String> = others.iter().flat_map(name_words).collect();
                for w in out.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
                    prop_assert!(
                        !forbidden.contains(&fold(w)),
                        "{w:?} left in {out:?} (from {text:?})"
                    );
                }
                // Robust on any input, too: arbitrary text never panics.
                let _ = without_other_pupils(&out.chars().rev().collect::<String>(), None, &others);
            }
        }
    }
}
