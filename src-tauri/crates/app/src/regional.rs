//! What a region or school sets for itself: school holidays, the routekaart, the thuiszitter
//! definition, and the school's retention term. Stored as settings in the encrypted store.

use kernteam_domain::SchoolId;
use kernteam_domain::casus::{self, RouteStep};
use kernteam_domain::validation::{Invalid, optional_text};
use kernteam_domain::verzuim::{HolidayCalendar, ThuiszitterDefinition};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::casus::pupil::SHIPPED_HOLIDAYS;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::session::Session;

const HOLIDAYS_KEY: &str = "holidays";
const DEFINITION_KEY: &str = "thuiszitter.definition";
const HOLIDAY_REGIONS: [&str; 3] = ["noord", "midden", "zuid"];

fn routekaart_key(region: Option<&str>) -> String {
    format!("routekaart:{}", region.unwrap_or("").trim().to_lowercase())
}

/// The school settings Instellingen edits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SchoolSettings {
    pub school_id: SchoolId,
    pub region: Option<String>,
    pub holiday_region: String,
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

    pub fn set_holiday_calendar(&mut self, calendar: &HolidayCalendar) -> AppResult<()> {
        calendar.validate()?;
        for r in &calendar.regions {
            if !HOLIDAY_REGIONS.contains(&r.region.as_str()) {
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

    pub fn thuiszitter_definition(&mut self) -> AppResult<ThuiszitterDefinition> {
        Ok(self
            .store()?
            .setting(DEFINITION_KEY)?
            .as_deref()
            .and_then(ThuiszitterDefinition::from_code)
            .unwrap_or(ThuiszitterDefinition::ZonderZiekte))
    }

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

    pub fn set_routekaart(&mut self, region: Option<&str>, steps: &[RouteStep]) -> AppResult<()> {
        casus::validate_routekaart(steps)?;
        let json = serde_json::to_string(steps).map_err(internal)?;
        let actor = self.actor_now()?;
        self.store()?
            .set_setting(&actor, &routekaart_key(region), &json)?;
        Ok(())
    }

    pub fn update_school(&mut self, settings: &SchoolSettings) -> AppResult<()> {
        if !HOLIDAY_REGIONS.contains(&settings.holiday_region.as_str()) {
            return Err(Invalid::new(
                "holidayRegion",
                "Kies de vakantieregio: noord, midden of zuid.",
            )
            .into());
        }
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
            &settings.holiday_region,
            settings.retention_years,
        )?;
        Ok(())
    }
}
