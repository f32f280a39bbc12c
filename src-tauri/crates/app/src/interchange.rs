//! Import and export of the interchange format v1 (see `kernteam_domain::interchange`).

use kernteam_domain::interchange::Interchange;
use kernteam_domain::validation::Invalid;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::AppResult;
use crate::session::Session;

/// What an import did, counted in records of any kind (schools, teams, members, casussen, notes,
/// and so on).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportSummary {
    /// Records newly added to the store (for a full export that became the store: its rows).
    pub added: u32,
    /// Records skipped because one with the same id was already in the store.
    pub already_present: u32,
    /// What was not taken over and why, one line each (initials or pseudonym, never a name).
    pub refused: Vec<String>,
    /// A full export (v2) became this store, whole: minutes, agendas, the audit log and all.
    pub whole_store: bool,
    /// Where the empty store it replaced was set aside; `None` otherwise.
    pub set_aside: Option<String>,
    /// What else the person should know, e.g. which parts of a full export a store with
    /// records does not take over.
    pub note: Option<String>,
}

/// Larger than any school's kernteam history; a file beyond it is not Kernteam's.
pub const MAX_IMPORT_BYTES: usize = 64 * 1024 * 1024;
/// The longest text any field of Kernteam takes (a note's facts); longer is not ours.
pub const MAX_IMPORT_TEXT_CHARS: usize = 20_000;

/// Refuses a file too large, or with a text longer than any field takes, before it is read
/// into records; names the place, never the text.
fn check_sizes(bytes: &[u8]) -> Result<(), Invalid> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(Invalid::new(
            "file",
            format!(
                "Het bestand is te groot ({} MB; Kernteam neemt er tot {} MB). Er is niets geïmporteerd.",
                bytes.len() / (1024 * 1024),
                MAX_IMPORT_BYTES / (1024 * 1024)
            ),
        ));
    }
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| unreadable(&e))?;
    let mut stack = vec![(String::from("$"), &value)];
    while let Some((path, v)) = stack.pop() {
        match v {
            serde_json::Value::String(s) if s.chars().count() > MAX_IMPORT_TEXT_CHARS => {
                return Err(Invalid::new(
                    "file",
                    format!(
                        "Een tekst in het bestand is langer dan {MAX_IMPORT_TEXT_CHARS} tekens ({path}). Er is niets geïmporteerd."
                    ),
                ));
            }
            serde_json::Value::Array(items) => stack.extend(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| (format!("{path}[{i}]"), item)),
            ),
            serde_json::Value::Object(fields) => {
                stack.extend(fields.iter().map(|(k, item)| (format!("{path}.{k}"), item)))
            }
            _ => {}
        }
    }
    Ok(())
}

/// A JSON error as a Dutch sentence that names the place, never the value (which could be
/// pupil data).
fn unreadable(e: &serde_json::Error) -> Invalid {
    let text = e.to_string();
    let detail = if let Some(rest) = text.strip_prefix("unknown field `") {
        let field = rest.split('`').next().unwrap_or("?");
        format!("onbekend veld '{field}'")
    } else if text.starts_with("missing field `") {
        let field = text.split('`').nth(1).unwrap_or("?");
        format!("het veld '{field}' ontbreekt")
    } else {
        match e.classify() {
            serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
                "geen geldige JSON".to_owned()
            }
            _ => "een waarde heeft niet de verwachte vorm".to_owned(),
        }
    };
    Invalid::new(
        "file",
        format!(
            "Het bestand klopt niet met het uitwisselformaat v1: {detail} (regel {}, kolom {}). Er is niets geïmporteerd.",
            e.line(),
            e.column()
        ),
    )
}

/// Reads and checks an interchange v1 document (the JSON exchange format) without storing it.
/// Refuses a file over 64 MB, a text over 20,000 characters, JSON that does not fit the format
/// (the message names the place, never the value) or a document the domain's checks reject.
pub fn parse_document(bytes: &[u8]) -> Result<Interchange, Invalid> {
    check_sizes(bytes)?;
    let doc: Interchange = serde_json::from_slice(bytes).map_err(|e| unreadable(&e))?;
    doc.validate()?;
    Ok(doc)
}

/// Where an exported file goes: sealed under a password, or (after an explicit choice that
/// the caller records) as readable JSON.
pub enum ExportProtection<'a> {
    /// Sealed (encrypted) under this password, which must pass the passphrase rules.
    Password(&'a str),
    /// Readable JSON, after the user's explicit choice.
    Unencrypted,
}

impl Session {
    /// All-or-nothing and idempotent: a second import of the same file adds nothing. A sealed
    /// file needs its password.
    pub fn import_file(
        &mut self,
        bytes: &[u8],
        password: Option<&str>,
    ) -> AppResult<ImportSummary> {
        if kernteam_store::is_sealed(bytes) {
            let Some(password) = password else {
                return Err(Invalid::new(
                    "password",
                    "Dit bestand is versleuteld: geef het wachtwoord dat bij het exporteren is gekozen (op de opdrachtregel met --password-file).",
                )
                .into());
            };
            // A wrong password and a changed byte look the same to the AEAD: say both.
            let plain = kernteam_store::open_file(bytes, password).map_err(|e| match e {
                kernteam_store::StoreError::WrongSecret => crate::AppError::new(
                    crate::ErrorCode::WrongPassphrase,
                    "Het wachtwoord klopt niet, of het bestand is onderweg beschadigd. Er is niets geïmporteerd.",
                ),
                other => other.into(),
            })?;
            return self.import_document(&plain);
        }
        self.import_document(bytes)
    }

    /// The whole store as a full export (interchange v2), sealed unless the caller chose
    /// otherwise.
    pub fn export_file(&mut self, protection: ExportProtection<'_>) -> AppResult<Vec<u8>> {
        let json = self.export_full_document()?.to_bytes();
        match protection {
            ExportProtection::Unencrypted => Ok(json),
            ExportProtection::Password(password) => {
                if let Some(refusal) = kernteam_domain::passphrase::refusal(password) {
                    return Err(Invalid::new("password", refusal).into());
                }
                Ok(kernteam_store::seal_file(&json, password)?)
            }
        }
    }

    /// Imports an unencrypted interchange document, all or nothing: records already present are
    /// skipped, an existing casus is never changed (a different copy is refused and reported),
    /// and an anonymous casus with identifying text is left out and reported in `refused`.
    /// `Validation` for a file that does not fit the format or refers to records it does not
    /// hold. The import is recorded in the audit log.
    pub fn import_document(&mut self, bytes: &[u8]) -> AppResult<ImportSummary> {
        if kernteam_domain::interchange::full::is_full_export(bytes) {
            return self.import_full(bytes);
        }
        match parse_document(bytes) {
            Ok(doc) => self.import_exchange(doc),
            // A full export in another layout: its own refusal says what is wrong with it.
            Err(_) if kernteam_domain::interchange::full::claims_full_export(bytes) => {
                self.import_full(bytes)
            }
            Err(e) => Err(e.into()),
        }
    }

    /// Merges a v1 document (or the v1 part of a full export) into the store.
    pub(crate) fn import_exchange(&mut self, mut doc: Interchange) -> AppResult<ImportSummary> {
        let anonymous_refused = self.without_identifying_anonymous(&mut doc)?;
        let actor = self.actor_now()?;
        let mut counts = self.store()?.import(&actor, &doc)?;
        counts.refused.extend(anonymous_refused);
        Ok(ImportSummary {
            added: u32::try_from(counts.added).unwrap_or(u32::MAX),
            already_present: u32::try_from(counts.skipped).unwrap_or(u32::MAX),
            refused: counts.refused,
            whole_store: false,
            set_aside: None,
            note: None,
        })
    }

    /// Every export of the whole store is in the audit log, with whether it was sealed.
    pub fn record_data_export(&mut self, unencrypted: bool) -> AppResult<()> {
        let actor = self.actor_now()?;
        let what = if unencrypted {
            "onversleuteld"
        } else {
            "versleuteld"
        };
        self.store()?.record_export(&actor, "store", what)?;
        Ok(())
    }

    /// The whole store as an interchange document: organisations, schools, teams, members,
    /// meetings and every casus with its parts. Records nothing (see `record_data_export`).
    pub fn export_document(&mut self) -> AppResult<Interchange> {
        Ok(self.store()?.export_all()?)
    }

    /// The demo document as the generator makes it from the scenarios (for `gen_demo`).
    pub fn generate_demo_document(&mut self) -> AppResult<Interchange> {
        let actor = self.actor.clone();
        let calendar = self.holiday_calendar()?;
        let store = self.store()?;
        crate::demo::scenarios::into_store(store, &actor, &calendar, crate::demo::REFERENCE_DAY)?;
        Ok(store.export_all()?)
    }

    /// An anonymous casus from a file gets the check every text of an anonymous casus gets in
    /// the app: one that would identify the pupil is left out and reported.
    fn without_identifying_anonymous(&mut self, doc: &mut Interchange) -> AppResult<Vec<String>> {
        let known = self.store()?.known_pupil_names()?;
        let mut refused = Vec::new();
        doc.casussen.retain(|c| {
            if c.mode != kernteam_domain::CasusMode::Anonymous {
                return true;
            }
            let intake = &c.intake;
            let texts = [
                c.pseudonym.as_deref().unwrap_or_default(),
                c.anonymous_reason.as_deref().unwrap_or_default(),
                c.hulpvraag.as_str(),
                intake.tried.as_str(),
                intake.strengths.as_str(),
                intake.parents_view.as_str(),
                intake.pupil_view.as_str(),
            ];
            let more = c
                .notes
                .iter()
                .flat_map(|n| [n.facts.as_str(), n.opinions.as_str()])
                .chain(c.signals.iter().map(|s| s.description.as_str()))
                .chain(c.actions.iter().map(|a| a.description.as_str()));
            let identifying = texts
                .into_iter()
                .chain(more)
                .any(|t| !kernteam_domain::anonymity::find_identifying(t, &known).is_empty());
            if identifying {
                refused.push(format!(
                    "{}: een anonieme casus met tekst die de leerling herkenbaar maakt (een naam, geboortedatum of contactgegeven); niet overgenomen.",
                    c.pseudonym.as_deref().unwrap_or("Anonieme casus")
                ));
            }
            !identifying
        });
        Ok(refused)
    }
}
