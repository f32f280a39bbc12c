//! The closed vocabularies of docs/DOMAIN.md, each with its stable storage code and Dutch label.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => ($code:literal, $label:literal)),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, schemars::JsonSchema)]
        pub enum $name {
            // Each case's doc is its Dutch label: the one place that says what it means to users.
            $(#[doc = $label] #[serde(rename = $code)] $variant),*
        }

        impl $name {
            /// Every value of the vocabulary, in the order it is declared.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The code stored in the database and sent over IPC; never changes once landed.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),* }
            }

            /// The Dutch word shown to users.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),* }
            }

            /// The value stored under `code`, or `None` for a code this vocabulary does not know.
            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)* _ => None }
            }
        }
    };
}
pub(crate) use vocabulary;

vocabulary!(
    /// What a person does in a kernteam (docs/DOMAIN.md §1).
    Role {
        Voorzitter => ("voorzitter", "Voorzitter"),
        Notulist => ("notulist", "Notulist"),
        Leerplicht => ("leerplicht", "Leerplichtambtenaar"),
        Jgz => ("jgz", "Jeugdarts / jeugdverpleegkundige"),
        Cjg => ("cjg", "CJG-coach"),
        Smw => ("smw", "Schoolmaatschappelijk werk"),
        Swv => ("swv", "Consulent samenwerkingsverband"),
        Mentor => ("mentor", "Mentor / leerkracht"),
        Overig => ("overig", "Overig"),
    }
);

vocabulary!(
    /// The kind of organisation a member works for.
    OrganisationKind {
        School => ("school", "School"),
        Leerplicht => ("leerplicht", "Leerplicht"),
        Jgz => ("jgz", "JGZ / GGD"),
        Cjg => ("cjg", "CJG / wijkteam"),
        Smw => ("smw", "Schoolmaatschappelijk werk"),
        Swv => ("swv", "Samenwerkingsverband"),
        Overig => ("overig", "Overig"),
    }
);

vocabulary!(
    /// The school holiday region (vakantieregio) whose holidays a school follows.
    HolidayRegion {
        Noord => ("noord", "Noord"),
        Midden => ("midden", "Midden"),
        Zuid => ("zuid", "Zuid"),
    }
);

vocabulary!(
    /// The hours absence is counted in: primary schools count clock hours, others lesson hours.
    HourUnit {
        Klokuren => ("klokuren", "klokuren"),
        Lesuren => ("lesuren", "lesuren"),
    }
);

vocabulary!(
    /// School type; PO counts clock hours of absence, VO lesson hours.
    SchoolKind {
        Po => ("PO", "Primair onderwijs"),
        Vo => ("VO", "Voortgezet onderwijs"),
        So => ("SO", "Speciaal onderwijs"),
        Vso => ("VSO", "Voortgezet speciaal onderwijs"),
        Mbo => ("MBO", "Middelbaar beroepsonderwijs"),
    }
);

impl SchoolKind {
    /// What the school counts absence in: clock hours in primary school, lesson hours elsewhere.
    pub fn hour_unit(self) -> HourUnit {
        if self == SchoolKind::Po {
            HourUnit::Klokuren
        } else {
            HourUnit::Lesuren
        }
    }
}

vocabulary!(
    /// Where a casus stands in its life (docs/DOMAIN.md §2): aangemeld (brought in, not yet
    /// discussed in a held meeting), lopend (discussed at least once, still open) or afgesloten
    /// (closed: read-only except for rights requests).
    CasusStatus {
        Aangemeld => ("aangemeld", "Aangemeld"),
        Lopend => ("lopend", "Lopend"),
        Afgesloten => ("afgesloten", "Afgesloten"),
    }
);

vocabulary!(
    /// Named (with consent) or anonymous consultation (the exception, docs/DOMAIN.md §2.4).
    CasusMode {
        Named => ("named", "Op naam"),
        Anonymous => ("anonymous", "Anoniem"),
    }
);

vocabulary!(
    /// How urgent the aanmelding (intake) is, as the school states it: normaal, hoog or acuut.
    Urgency {
        Normaal => ("normaal", "Normaal"),
        Hoog => ("hoog", "Hoog"),
        Acuut => ("acuut", "Acuut"),
    }
);

vocabulary!(
    /// Every note and field carries one; health and safety never leave by default.
    DataCategory {
        School => ("school", "School"),
        Verzuim => ("verzuim", "Verzuim"),
        Gezondheid => ("gezondheid", "Gezondheid"),
        Gezin => ("gezin", "Gezin"),
        Veiligheid => ("veiligheid", "Veiligheid"),
    }
);

impl Default for DataCategory {
    /// What a line is about unless the minute-taker says otherwise.
    fn default() -> Self {
        Self::School
    }
}

vocabulary!(
    /// What a note on a casus is for: voorbereiding (a partner's preparation, private to its
    /// author until shared), bespreking (written during the discussion) or terugkoppeling (feedback
    /// afterwards).
    NoteKind {
        Voorbereiding => ("voorbereiding", "Voorbereiding"),
        Bespreking => ("bespreking", "Bespreking"),
        Terugkoppeling => ("terugkoppeling", "Terugkoppeling"),
    }
);

vocabulary!(
    /// Where an actiepunt (agreed action) stands: open, gedaan (done), deels (partly done), niet
    /// gedaan (not done) or vervallen (lapsed); a casus closes only when none is open.
    ActionStatus {
        Open => ("open", "Open"),
        Gedaan => ("gedaan", "Gedaan"),
        Deels => ("deels", "Deels"),
        NietGedaan => ("niet_gedaan", "Niet gedaan"),
        Vervallen => ("vervallen", "Vervallen"),
    }
);

vocabulary!(
    /// Where a kernteam meeting stands: gepland (planned), bezig (being held now), gesloten
    /// (held and closed; shown as "Gehouden") or geannuleerd (cancelled).
    MeetingStatus {
        Gepland => ("gepland", "Gepland"),
        Bezig => ("bezig", "Bezig"),
        Gesloten => ("gesloten", "Gehouden"),
        Geannuleerd => ("geannuleerd", "Geannuleerd"),
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_maps_back_to_its_variant() {
        for role in Role::ALL {
            assert_eq!(
                Role::from_code(role.code()),
                Some(*role),
                "{role:?} must round-trip"
            );
        }
        for status in ActionStatus::ALL {
            assert_eq!(ActionStatus::from_code(status.code()), Some(*status));
        }
        for category in DataCategory::ALL {
            assert_eq!(DataCategory::from_code(category.code()), Some(*category));
        }
    }

    #[test]
    fn unknown_codes_are_refused() {
        assert_eq!(CasusStatus::from_code("verwijderd"), None);
        assert_eq!(Role::from_code(""), None);
    }
}
