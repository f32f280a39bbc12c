//! What a region or school sets for itself: school holidays, the routekaart, the thuiszitter
//! definition, and the school's retention term. Stored as settings in the encrypted store.

use kernteam_domain::casus::{self, RouteStep};
use kernteam_domain::validation::{Invalid, optional_text};
use kernteam_domain::verzuim::{HolidayCalendar, ThuiszitterDefinition};
use kernteam_domain::{HolidayRegion, SchoolId};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::casus::pupil::SHIPPED_HOLIDAYS;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::session::Session;

const HOLIDAYS_KEY: &str = "holidays";
const DEFINITION_KEY: &str = "thuiszitter.definition";

fn routekaart_key(region: Option<&str>) -> String {
    format!("routekaart:{}", region.unwrap_or("").trim().to_lowercase())
}

/// The school settings Instellingen edits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SchoolSettings {
    /// The school these settings are for.
    pub school_id: SchoolId,
    /// The region (samenwerkingsverband, the schools' regional partnership) whose routekaart
    /// applies, at most 120 characters; `None` when not known.
    pub region: Option<String>,
    /// Which school holidays apply: "noord", "midden" or "zuid"; anything else is refused.
    pub holiday_region: String,
    /// The retention term (bewaartermijn) in years, 1 to 20: how long a casus is kept after the
    /// later of its closure and the pupil leaving school.
    pub retention_years: u32,
}

fn internal(e: serde_json::Error) -> AppError {
    AppError::new(
        ErrorCode::Internal,
        "Deze instelling kon niet worden gelezen of bewaard.",
    )
    .caused_by(e)
}

impl Session {
    /// The school holidays per region: as edited, or as shipped.
    pub fn holiday_calendar(&mut self) -> AppResult<HolidayCalendar> {
        let stored = self.store()?.setting(HOLIDAYS_KEY)?;
        serde_json::from_str(stored.as_deref().unwrap_or(SHIPPED_HOLIDAYS)).map_err(internal)
    }

    /// Replaces the school holidays per region (only noord, midden and zuid), which the verzuim
    /// count and the year schedule skip. `Validation` for an invalid calendar. Recorded in the
    /// audit log as a changed setting.
    pub fn set_holiday_calendar(&mut self, calendar: &HolidayCalendar) -> AppResult<()> {
        calendar.validate()?;
        for r in &calendar.regions {
            if HolidayRegion::from_code(&r.region).is_none() {
                return Err(
                    Invalid::new("region", "Vakantieregio's zijn noord, midden en zuid.").into(),
                );
            }
        }
        let json = serde_json::to_string(calendar).map_err(internal)?;
        let actor = self.actor_now()?;
        self.store()?.set_setting(&actor, HOLIDAYS_KEY, &json)?;
        Ok(())
    }

    /// Whether sick-reported pupils count as thuiszitter (out of school for 4 weeks or more): as
    /// set, or by default only absence without a valid reason (`ZonderZiekte`).
    pub fn thuiszitter_definition(&mut self) -> AppResult<ThuiszitterDefinition> {
        Ok(self
            .store()?
            .setting(DEFINITION_KEY)?
            .as_deref()
            .and_then(ThuiszitterDefinition::from_code)
            .unwrap_or(ThuiszitterDefinition::ZonderZiekte))
    }

    /// Sets whether sick-reported pupils count as thuiszitter, for the verzuim helper and the
    /// reminders. Recorded in the audit log as a changed setting.
    pub fn set_thuiszitter_definition(
        &mut self,
        definition: ThuiszitterDefinition,
    ) -> AppResult<()> {
        let actor = self.actor_now()?;
        self.store()?
            .set_setting(&actor, DEFINITION_KEY, definition.code())?;
        Ok(())
    }

    /// The routekaart of a region (the school's `region`), or the default.
    pub fn routekaart(&mut self, region: Option<&str>) -> AppResult<Vec<RouteStep>> {
        match self.store()?.setting(&routekaart_key(region))? {
            Some(json) => serde_json::from_str(&json).map_err(internal),
            None => Ok(casus::default_routekaart()),
        }
    }

    /// Replaces the routekaart (which partner to contact first for which signal) of a region, or
    /// the one without a region for `None`. Every signal category needs exactly one step with a
    /// first partner and advice (`Validation`). Recorded in the audit log as a changed setting.
    pub fn set_routekaart(&mut self, region: Option<&str>, steps: &[RouteStep]) -> AppResult<()> {
        casus::validate_routekaart(steps)?;
        let json = serde_json::to_string(steps).map_err(internal)?;
        let actor = self.actor_now()?;
        self.store()?
            .set_setting(&actor, &routekaart_key(region), &json)?;
        Ok(())
    }

    /// Saves a school's region, holiday region and retention term. `Validation` for a holiday
    /// region other than noord, midden or zuid, a term outside 1 to 20 years or a region over 120
    /// characters; `NotFound` for an unknown school. Recorded in the audit log.
    pub fn update_school(&mut self, settings: &SchoolSettings) -> AppResult<()> {
        let Some(holiday_region) = HolidayRegion::from_code(&settings.holiday_region) else {
            return Err(Invalid::new(
                "holidayRegion",
                "Kies de vakantieregio: noord, midden of zuid.",
            )
            .into());
        };
        if !(1..=20).contains(&settings.retention_years) {
            return Err(
                Invalid::new("retentionYears", "De bewaartermijn is 1 tot 20 jaar.").into(),
            );
        }
        let region = optional_text("region", "de regio", settings.region.as_deref(), 120)?;
        let actor = self.actor_now()?;
        self.store()?.update_school(
            &actor,
            settings.school_id,
            region.as_deref(),
            holiday_region,
            settings.retention_years,
        )?;
        Ok(())
    }
}
