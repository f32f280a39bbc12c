//! A password for a document that leaves the laptop, to be read out over the phone: five
//! everyday Dutch words and a number ("tulp-fiets-molen-kaas-haven-73"). 256 words and 100
//! numbers give 46 bits; with Office's and PDF's slow key derivation that is years of guessing.

/// 256 short nouns without "ij", accents or words that sound alike.
pub const WORDS: [&str; 256] = [
    "appel", "bakker", "balk", "bank", "beer", "berg", "bloem", "boek", "boom", "boot", "bord",
    "bos", "brief", "brug", "bus", "dak", "das", "deur", "doos", "draak", "duif", "duin", "eend",
    "egel", "emmer", "fiets", "fles", "gans", "geit", "gitaar", "glas", "gras", "haan", "hamer",
    "haven", "heks", "hek", "hond", "hoed", "hout", "huis", "jas", "kaas", "kam", "kameel",
    "kanon", "kat", "ketel", "kerk", "kever", "kikker", "kist", "klok", "knoop", "koe", "koffer",
    "kom", "cactus", "kool", "korf", "kraan", "kroon", "kruik", "kust", "lamp", "lepel", "leeuw",
    "lint", "molen", "maan", "mand", "mantel", "markt", "mes", "mier", "mol", "muis", "muur",
    "nest", "net", "neus", "noot", "oven", "paard", "pan", "papier", "park", "pauw", "pen", "peer",
    "pier", "plank", "pomp", "pop", "post", "pot", "raam", "radio", "rat", "riem", "ring", "rok",
    "roos", "rots", "schaap", "schip", "school", "schoen", "sjaal", "slak", "slee", "sleutel",
    "sok", "spin", "spoor", "stad", "stal", "ster", "stoel", "storm", "straat", "strand", "stroom",
    "suiker", "tafel", "tak", "tas", "taart", "tent", "tol", "tomaat", "toren", "trein", "trom",
    "tuin", "tulp", "uil", "vaas", "veer", "vis", "vlag", "vlieger", "vlinder", "vlot", "vogel",
    "vork", "vos", "vuur", "wagen", "walvis", "want", "water", "weg", "wiel", "wolf", "wolk",
    "worst", "zaag", "zak", "zee", "zeef", "zeil", "zon", "zout", "zwaan", "anker", "arend",
    "banaan", "beker", "bever", "blok", "boter", "brood", "bril", "dorp", "druif", "ezel",
    "fakkel", "fluit", "fontein", "garage", "gieter", "graan", "haai", "hark", "helm", "hert",
    "honing", "hoorn", "iglo", "inkt", "jurk", "kabel", "kaars", "kaart", "kachel", "kano",
    "kasteel", "kegel", "kers", "kip", "klei", "kleed", "knie", "koord", "kraai", "krab", "krant",
    "kreeft", "kurk", "laars", "ladder", "lama", "lelie", "linde", "loep", "lucht", "meeuw",
    "melk", "meloen", "menu", "motor", "mug", "munt", "nagel", "olie", "oester", "otter", "paleis",
    "panda", "parel", "pet", "piano", "piraat", "plant", "poes", "poort", "potlood", "puzzel",
    "raket", "regen", "robot", "rugzak", "sap", "schaar", "schelp", "schort", "sla", "slang",
    "smid", "sneeuw", "soep", "spiegel", "sport", "staart", "steen",
];

/// The password for five word indices and a number below 100 (the caller draws them at random).
pub fn from_draw(words: [u8; 5], number: u8) -> String {
    let mut parts: Vec<String> = words
        .iter()
        .map(|i| WORDS[usize::from(*i)].to_owned())
        .collect();
    parts.push(format!("{:02}", number % 100));
    parts.join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_are_distinct_plain_and_readable() {
        let mut sorted = WORDS.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), 256, "no word twice");
        for w in WORDS {
            assert!(
                (3..=8).contains(&w.len())
                    && w.chars().all(|c| c.is_ascii_lowercase())
                    && !w.contains("ij"),
                "{w}"
            );
        }
        assert_eq!(
            from_draw([0, 1, 2, 3, 255], 7),
            format!("appel-bakker-balk-bank-{}-07", WORDS[255])
        );
    }
}
