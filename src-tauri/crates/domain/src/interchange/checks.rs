//! What an interchange document must satisfy before anything of it is stored.

use super::*;

impl Interchange {
    /// A document of this format and version without any records.
    pub fn empty() -> Self {
        Self {
            format: FORMAT.into(),
            version: VERSION,
            organisations: Vec::new(),
            schools: Vec::new(),
            teams: Vec::new(),
            members: Vec::new(),
            meetings: Vec::new(),
            casussen: Vec::new(),
        }
    }

    /// Refuses a document of another format or version, with a Dutch message.
    pub fn check_version(&self) -> Result<(), Invalid> {
        if self.format != FORMAT {
            return Err(Invalid::new(
                "format",
                format!(
                    "Dit is geen Kernteam-uitwisselbestand (format \"{}\").",
                    self.format
                ),
            ));
        }
        if self.version != VERSION {
            return Err(Invalid::new(
                "version",
                format!(
                    "Dit bestand heeft versie {} van het uitwisselformaat; deze Kernteam leest versie {VERSION}. Werk Kernteam bij.",
                    self.version
                ),
            ));
        }
        Ok(())
    }

    /// Dates readable, named casussen with a pupil and anonymous ones without; checked before
    /// anything is written.
    pub fn validate(&self) -> Result<(), Invalid> {
        self.check_version()?;
        let date = |field: &'static str, what: &str, text: &str| -> Result<(), Invalid> {
            crate::dates::parse_iso(text).map(|_| ()).ok_or_else(|| {
                Invalid::new(
                    field,
                    format!("{what}: '{text}' is geen datum (JJJJ-MM-DD)."),
                )
            })
        };
        for s in &self.schools {
            if !["noord", "midden", "zuid"].contains(&s.holiday_region.as_str()) {
                return Err(Invalid::new(
                    "holidayRegion",
                    format!(
                        "School '{}': vakantieregio is noord, midden of zuid.",
                        s.name
                    ),
                ));
            }
        }
        for c in &self.casussen {
            let what = format!("Casus {}", c.id);
            date("openedOn", &what, &c.opened_on)?;
            match (c.mode, &c.pupil, &c.pseudonym, &c.anonymous_reason) {
                (CasusMode::Named, Some(p), _, _) => {
                    date("birthDate", &what, &p.birth_date)?;
                }
                (CasusMode::Anonymous, None, Some(_), Some(_)) => {}
                (CasusMode::Named, None, _, _) => {
                    return Err(Invalid::new(
                        "pupil",
                        format!("{what}: een casus op naam heeft een leerling nodig."),
                    ));
                }
                (CasusMode::Anonymous, ..) => {
                    return Err(Invalid::new(
                        "pupil",
                        format!(
                            "{what}: een anonieme bespreking heeft een pseudoniem en een reden, en geen leerling."
                        ),
                    ));
                }
            }
            for s in &c.signals {
                date("observedOn", &what, &s.observed_on)?;
            }
            for x in &c.consents {
                date("givenOn", &what, &x.given_on)?;
                date("validUntil", &what, &x.valid_until)?;
                if x.givers.is_empty() {
                    return Err(Invalid::new(
                        "givers",
                        format!("{what}: een toestemming zonder wie die gaf."),
                    ));
                }
            }
            for a in &c.absence {
                for w in &a.weeks {
                    crate::verzuim::validate_week(w)?;
                }
            }
        }
        Ok(())
    }
}
