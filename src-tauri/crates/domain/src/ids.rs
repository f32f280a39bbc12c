//! Record ids are UUIDv7: time-ordered (good index locality) and mergeable across laptops.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

macro_rules! id_type {
    ($($name:ident),* $(,)?) => {$(
        /// The id of one kind of record: a UUIDv7, ordered by creation time and unique across
        /// laptops so their records merge; shown and parsed as the usual hyphenated UUID text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS, schemars::JsonSchema)]
        #[ts(type = "string")]
        pub struct $name(pub Uuid);

        impl $name {
            /// A fresh time-ordered id.
            pub fn new() -> Self {
                Self(Uuid::now_v7())
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        impl std::str::FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }
    )*};
}

id_type!(
    OrganisationId,
    SchoolId,
    TeamId,
    MemberId,
    PupilId,
    CasusId,
    SignalId,
    ConsentId,
    NoteId,
    MeetingId,
    AgendaItemId,
    DecisionId,
    ActionId,
    MinutesId,
    ExportId,
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_version_7_and_sort_by_creation_time() {
        let first = CasusId::new();
        std::thread::sleep(std::time::Duration::from_millis(2));
        let second = CasusId::new();
        assert_eq!(
            first.0.get_version_num(),
            7,
            "ids must be UUIDv7 to merge across laptops"
        );
        assert!(first < second, "v7 ids must order by creation time");
    }

    #[test]
    fn ids_round_trip_through_text() {
        let id = MemberId::new();
        let parsed: MemberId = id.to_string().parse().expect("own text parses");
        assert_eq!(parsed, id);
    }
}
