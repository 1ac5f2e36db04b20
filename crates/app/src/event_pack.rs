//! The event pack PDF: plannings, table sheets, table cards and « à revoir »
//! tick sheets, or one participant's planning reprinted after a re-plan.

use chrono::NaiveDate;
use tisserand_documents::{
    file_name, render_event_pack, EventPackData, PackMeeting, PackParticipant, PackRound,
    PackSelection,
};
use tisserand_domain::actor::Resource;
use tisserand_domain::event::{EventDetail, Participant, Timing};

use crate::{App, AppError, AppResult, ErrorKind};
use tisserand_store::Entity;

/// Longest one-line presentation, in characters.
const PRESENTATION_MAX: usize = 110;

fn resource_text(r: &Resource) -> String {
    if r.text.trim().is_empty() {
        r.category.label_fr().to_owned()
    } else {
        r.text.trim().to_owned()
    }
}

/// « Insertion · Haguenau — Remettre en emploi… »: sector, commune and the
/// start of the stakes, on one line.
fn presentation(p: &Participant, stakes: Option<&str>) -> Option<String> {
    let mut parts: Vec<String> = [p.sector.clone(), p.commune.clone()]
        .into_iter()
        .flatten()
        .collect();
    if let Some(s) = stakes.map(str::trim).filter(|s| !s.is_empty()) {
        let first = s.lines().next().unwrap_or(s);
        parts.push(first.to_owned());
    }
    let line = parts.join(" · ");
    if line.is_empty() {
        return None;
    }
    if line.chars().count() > PRESENTATION_MAX {
        let cut: String = line.chars().take(PRESENTATION_MAX - 1).collect();
        return Some(format!("{}…", cut.trim_end()));
    }
    Some(line)
}

impl App {
    /// What the pack prints, from the stored event and its actors.
    fn event_pack_data(&self, detail: &EventDetail, generated_on: NaiveDate) -> EventPackData {
        let e = &detail.event;
        let rounds = e
            .timing()
            .slots()
            .iter()
            .map(|s| PackRound {
                number: s.number,
                start: Timing::time_at(e.start_time, s.start_minute),
                end: Timing::time_at(e.start_time, s.end_minute),
                break_after_minutes: s.break_after.then_some(s.gap_after),
            })
            .collect();
        let participants = detail
            .participants
            .iter()
            .map(|p| {
                // A deleted actor keeps its name; its details are gone.
                let actor = self.store.actor(&p.actor_id).ok();
                let seated = p.side == e.seated_side;
                PackParticipant {
                    id: p.id.clone(),
                    name: p.actor_name.clone(),
                    seated,
                    side_label: p.actor_kind.label_fr().to_owned(),
                    table: if seated { p.table } else { None },
                    presentation: presentation(p, actor.as_ref().and_then(|a| a.stakes.as_deref())),
                    needs: actor
                        .as_ref()
                        .map(|a| a.needs.iter().map(resource_text).collect())
                        .unwrap_or_default(),
                    offers: actor
                        .as_ref()
                        .map(|a| a.offers.iter().map(resource_text).collect())
                        .unwrap_or_default(),
                    contact: p.contact_name.clone(),
                }
            })
            .collect();
        let meetings = detail
            .meetings
            .iter()
            .map(|m| PackMeeting {
                round: m.round,
                table: m.table,
                seated: m.seated.clone(),
                visitor: m.visitor.clone(),
            })
            .collect();
        EventPackData {
            event_name: e.name.clone(),
            date: e.date,
            venue: e.venue.clone(),
            generated_on,
            rounds,
            participants,
            meetings,
            letterhead: tisserand_documents::Letterhead::default(),
            contact: None,
        }
    }

    /// The pack's PDF (`participant`: one planning alone).
    ///
    /// # Errors
    /// `NotFound` (event or participant); `Invalid` when the event has no
    /// plan yet; a layout error.
    pub fn event_pack_pdf(
        &self,
        event_id: &str,
        participant: Option<&str>,
        generated_on: NaiveDate,
    ) -> AppResult<Vec<u8>> {
        let detail = self.get_event(event_id)?;
        if detail.meetings.is_empty() {
            return Err(AppError::new(
                ErrorKind::Invalid,
                "Cet événement n'est pas encore planifié : planifiez-le avant d'imprimer son dossier.",
                "This event has no plan yet: plan it before printing its pack.",
            ));
        }
        if let Some(p) = participant {
            if !detail.participants.iter().any(|x| x.id == p) {
                return Err(AppError::not_found(Entity::Participant, p));
            }
        }
        let mut data = self.event_pack_data(&detail, generated_on);
        data.letterhead = self.letterhead()?;
        data.contact = Some(self.store.settings()?.facilitator);
        let selection = participant.map_or(PackSelection::Whole, PackSelection::Planning);
        Ok(render_event_pack(&data, selection)?)
    }

    /// Writes the pack (or one participant's planning) to `path`; the whole
    /// pack is noted as printed, for the next event's readiness on Accueil.
    ///
    /// # Errors
    /// As [`App::event_pack_pdf`]; a file error naming `path`.
    pub fn write_event_pack(
        &mut self,
        event_id: &str,
        participant: Option<&str>,
        path: &std::path::Path,
        generated_on: NaiveDate,
    ) -> AppResult<()> {
        let bytes = self.event_pack_pdf(event_id, participant, generated_on)?;
        crate::write_document(path, &bytes)?;
        if participant.is_none() {
            self.store.note_event_pack_printed(event_id)?;
        }
        Ok(())
    }

    /// A file name for the pack, or for one participant's planning.
    ///
    /// # Errors
    /// `NotFound`; a storage error.
    pub fn event_pack_file_name(
        &self,
        event_id: &str,
        participant: Option<&str>,
    ) -> AppResult<String> {
        let detail = self.get_event(event_id)?;
        match participant {
            None => Ok(file_name("dossier", &detail.event.name)),
            Some(p) => {
                let who = detail
                    .participants
                    .iter()
                    .find(|x| x.id == p)
                    .ok_or_else(|| AppError::not_found(Entity::Participant, p))?;
                Ok(file_name(
                    "planning",
                    &format!("{} {}", detail.event.name, who.actor_name),
                ))
            }
        }
    }
}
