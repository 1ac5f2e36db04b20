//! The Impact page's figures and the partnerships behind each of them: the
//! store reads, the domain's rules fold (`domain::impact::figures`).

use tisserand_domain::impact::{
    impact_figures, slice_ids, ImpactFigures, ImpactFilters, ImpactSlice,
};
use tisserand_domain::{Clock, FieldError, PartnershipSummary};
use tisserand_store::Area;

use crate::{App, AppError, AppResult};

impl App {
    /// Reads ahead what the Impact figures fold (every live partnership and
    /// its actors, a few hundred milliseconds among 100,000 actors), so the
    /// first visit of the page costs only the fold; the shell calls it on a
    /// thread of its own as the window opens. Writes afterwards re-read only
    /// what they touched.
    ///
    /// # Errors
    /// A storage error.
    pub fn read_ahead(&self, clock: Clock) -> AppResult<()> {
        self.store
            .impact_data(&ImpactFilters::default(), clock.today())?;
        Ok(())
    }

    /// The Impact figures for `filters`, on the caller's calendar.
    ///
    /// # Errors
    /// A field error for a period ending before it starts or an unknown
    /// commune, département or EPCI code; a storage error.
    pub fn get_impact(&self, filters: &ImpactFilters, clock: Clock) -> AppResult<ImpactFigures> {
        self.check_impact_filters(filters)?;
        let data = self.store.impact_data(filters, clock.today())?;
        Ok(impact_figures(&data, filters))
    }

    /// The partnerships behind the figure `slice` of the Impact page for
    /// `filters`, by title: the same rule decides as the figure's count.
    ///
    /// # Errors
    /// As [`App::get_impact`].
    pub fn list_impact_partnerships(
        &self,
        filters: &ImpactFilters,
        slice: &ImpactSlice,
        clock: Clock,
    ) -> AppResult<Vec<PartnershipSummary>> {
        self.check_impact_filters(filters)?;
        let data = self.store.impact_data(filters, clock.today())?;
        let ids = slice_ids(&data, slice, filters);
        Ok(self
            .store
            .partnership_summaries(&ids)?
            .into_iter()
            .map(|s| s.on(clock))
            .collect())
    }

    /// A clear error for a period that ends before it starts or a place code
    /// the referential does not know.
    fn check_impact_filters(&self, f: &ImpactFilters) -> AppResult<()> {
        f.validate().map_err(AppError::field)?;
        let places = [
            (
                &f.commune,
                Area::Commune,
                "commune",
                "aucune commune connue",
                "no known commune",
            ),
            (
                &f.departement,
                Area::Departement,
                "departement",
                "aucun département connu",
                "no known département",
            ),
            (
                &f.epci,
                Area::Epci,
                "epci",
                "aucune intercommunalité (EPCI) connue",
                "no known intercommunality (EPCI)",
            ),
        ];
        for (code, area, field, fr, en) in places {
            let Some(code) = code.as_deref().map(str::trim).filter(|c| !c.is_empty()) else {
                continue;
            };
            if !self.store.area_known(area, code)? {
                return Err(AppError::field(FieldError::new(
                    field,
                    format!("Le code {code} ne désigne {fr} : choisissez dans la liste."),
                    format!("Code {code} names {en}: pick one from the list."),
                )));
            }
        }
        Ok(())
    }
}

mod report;

#[cfg(test)]
mod tests;
