//! The territory's impact report: the Impact page's figures for the same
//! filters (`App::get_impact`, printed unchanged), the stories chosen, the
//! partners who agreed to be named, and « Méthode et limites ».

use tisserand_documents::impact_report::{
    render, ImpactReportInput, NamedPartner, ReportMethod, ReportStory,
};
use tisserand_domain::impact::{
    default_title, impact_figures, period_fr, slice_ids, ImpactFilters, ImpactReportRequest,
    ImpactSlice, ReportStoryChoice, PERIOD_RULE_FR, REPORT_STORIES_MAX,
};
use tisserand_domain::story::StorySummary;
use tisserand_domain::Clock;
use tisserand_store::Area;

use crate::{App, AppError, AppResult};

impl App {
    /// The stories the report may tell for `filters`: those of the
    /// partnerships in scope, the most recently written first.
    ///
    /// # Errors
    /// As [`App::get_impact`].
    pub fn list_impact_stories(
        &self,
        filters: &ImpactFilters,
        clock: Clock,
    ) -> AppResult<Vec<ReportStoryChoice>> {
        self.check_impact_filters(filters)?;
        let data = self.store.impact_data(filters, clock.today())?;
        let ids = slice_ids(&data, &ImpactSlice::All, filters);
        let mut out = Vec::new();
        for p in self.store.partnership_summaries(&ids)? {
            for s in self.store.stories_of(&p.id)? {
                out.push(ReportStoryChoice {
                    partnership_id: p.id.clone(),
                    partnership_title: p.title.clone(),
                    story: StorySummary::from(&s),
                });
            }
        }
        out.sort_by(|a, b| {
            b.story
                .updated_at
                .cmp(&a.story.updated_at)
                .then_with(|| a.story.id.cmp(&b.story.id))
        });
        Ok(out)
    }

    /// The impact report's PDF for `request`: its figures are
    /// `get_impact(&request.filters)`'s; its stories the chosen ones (or
    /// every story in scope, see [`ImpactReportRequest::stories`]), printed
    /// for publication; its partners the actors of the partnerships in
    /// scope that agreed to be named.
    ///
    /// # Errors
    /// A field error for a wrong request or filter, `NotFound` for a story
    /// that does not exist (or was deleted); a storage or layout error.
    pub fn impact_report_pdf(
        &self,
        request: &ImpactReportRequest,
        clock: Clock,
    ) -> AppResult<Vec<u8>> {
        request.validate().map_err(AppError::field)?;
        let filters = &request.filters;
        self.check_impact_filters(filters)?;
        let data = self.store.impact_data(filters, clock.today())?;
        let figures = impact_figures(&data, filters);
        let story_ids: Vec<String> = match &request.stories {
            Some(ids) => ids.clone(),
            None => self
                .list_impact_stories(filters, clock)?
                .into_iter()
                .take(REPORT_STORIES_MAX)
                .map(|c| c.story.id)
                .collect(),
        };
        let mut stories = Vec::with_capacity(story_ids.len());
        for id in &story_ids {
            let detail = self.get_story(id)?;
            stories.push(ReportStory::published(&detail, |photo| {
                self.store.story_photo_bytes(photo, false)
            })?);
        }
        let in_scope: std::collections::HashSet<String> =
            slice_ids(&data, &ImpactSlice::All, filters)
                .into_iter()
                .collect();
        let mut actors: Vec<String> = data
            .rows
            .iter()
            .filter(|r| in_scope.contains(&r.id))
            .flat_map(|r| r.parties.iter().cloned())
            .collect();
        actors.sort_unstable();
        actors.dedup();
        let partners = self
            .store
            .named_partners(&actors)?
            .into_iter()
            .map(|a| NamedPartner {
                detail: match a.commune {
                    Some(c) => format!("{} · {c}", a.kind.label_fr()),
                    None => a.kind.label_fr().to_owned(),
                },
                name: a.name,
            })
            .collect();
        let input = ImpactReportInput {
            title: request.title_or_default(),
            publisher: request.publisher.trim().to_owned(),
            territory: self.territory_fr(filters)?,
            period: period_fr(filters),
            generated_on: clock.today(),
            figures,
            stories,
            partners,
            method: ReportMethod {
                period_rule: PERIOD_RULE_FR.to_owned(),
                notes: vec![
                    "Les montants sont arrondis à l'euro et les heures à l'heure ; les heures de compétences sans valeur saisie ne sont pas valorisées dans les totaux.".to_owned(),
                    "Seuls les partenaires qui ont accepté d'être cités sont nommés ; les citations et photos sont celles que leurs auteurs ont autorisé à publier.".to_owned(),
                ],
            },
            letterhead: self.letterhead()?,
        };
        Ok(render(&input)?)
    }

    /// The file name offered for the report: « rapport-impact-2026.pdf »,
    /// « rapport-impact-bilan-du-printemps.pdf » for a typed title.
    #[must_use]
    pub fn impact_report_file_name(request: &ImpactReportRequest) -> String {
        let title = request.title.trim();
        let words = if title.is_empty() {
            default_title(&request.filters)
                .trim_start_matches("Rapport d'impact")
                .trim()
                .to_owned()
        } else {
            title.to_owned()
        };
        tisserand_documents::file_name("rapport-impact", &words)
    }

    /// The territory the filters name, in words: the commune, the EPCI or
    /// the département, the narrowest first; « tout le territoire suivi »
    /// without a place filter.
    fn territory_fr(&self, f: &ImpactFilters) -> AppResult<String> {
        for (code, area) in [
            (&f.commune, Area::Commune),
            (&f.epci, Area::Epci),
            (&f.departement, Area::Departement),
        ] {
            let Some(code) = code.as_deref().map(str::trim).filter(|c| !c.is_empty()) else {
                continue;
            };
            // `check_impact_filters` refused unknown codes already.
            let name = self
                .store
                .area_name(area, code)?
                .unwrap_or_else(|| code.to_owned());
            return Ok(match area {
                Area::Departement => format!("{name} ({code})"),
                Area::Commune | Area::Epci => name,
            });
        }
        Ok("tout le territoire suivi".to_owned())
    }
}
