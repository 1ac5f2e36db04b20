//! The event pack of a speed-dating event (« dossier de l'événement »):
//! what a facilitator prints before the doors open.
//!
//! In this order, A4:
//! 1. one planning per participant (sorted by side, then name): round,
//!    time, table and whom they meet, with the counterpart's one-line
//!    presentation, needs and offers; pauses and breaks; the rules;
//! 2. one sheet per table: the seated participant and, round by round, the
//!    visitor;
//! 3. one table card per table (landscape): the table number large enough
//!    to read across a room, and the seated participant's name;
//! 4. « À revoir » tick sheets: per participant who meets someone, each
//!    meeting with a box to tick and room for a note, collected by the
//!    facilitators and typed in later.
//!
//! A planning keeps to one page when it can: the rows get denser (fewer
//! details, smaller type) until they fit, and only past that does the
//! table run onto a second page, its header repeated.
//!
//! Pure: the input is plain data (no database types), the output bytes;
//! the same input gives the same bytes.
//!
//! `index` orders the data, `page` holds the pages and the pieces the
//! sections share, `grid` the hand-drawn rows, `timetable` the rows of a
//! planning or table sheet; one file per section: `planning`,
//! `table_sheet`, `table_card`, `tick_sheet`.

mod grid;
mod index;
mod page;
mod planning;
mod table_card;
mod table_sheet;
mod tick_sheet;
mod timetable;

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::fonts::{Face, Fonts};
use crate::layout::{Rgb3, Style, ACCENT, INK, MUTED};
use crate::DocumentError;
use index::Index;
use page::Pack;

/// Everything the pack prints. Plain data: the caller (the app) reads the
/// event, its plan and its participants and fills this in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EventPackData {
    pub event_name: String,
    pub date: NaiveDate,
    #[serde(default)]
    pub venue: Option<String>,
    /// Printed in the footers and used as the file's dates.
    pub generated_on: NaiveDate,
    /// The rounds with their times, already computed by the caller (breaks
    /// included). A round that has meetings but is missing here is printed
    /// without a time.
    pub rounds: Vec<PackRound>,
    pub participants: Vec<PackParticipant>,
    pub meetings: Vec<PackMeeting>,
    /// The organisation signing the footers (Réglages); empty: « Tisserand ».
    /// Its logo heads every page.
    #[serde(skip)]
    pub letterhead: crate::Letterhead,
    /// Who to contact about the event (the facilitator of Réglages), under
    /// the event's line on every page; none when no name is set.
    #[serde(skip)]
    pub contact: Option<tisserand_domain::settings::Facilitator>,
}

/// One round (numbered from 1) and when it takes place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PackRound {
    pub number: u32,
    pub start: NaiveTime,
    pub end: NaiveTime,
    /// A break of this many minutes after the round (printed between this
    /// round and the next).
    #[serde(default)]
    pub break_after_minutes: Option<u32>,
}

/// A participant of either side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PackParticipant {
    pub id: String,
    pub name: String,
    /// True for the side that stays at its table.
    pub seated: bool,
    /// The side as printed: « Association », « Entreprise »…
    pub side_label: String,
    /// The participant's table, for the seated side.
    #[serde(default)]
    pub table: Option<u32>,
    /// One line that says who they are.
    #[serde(default)]
    pub presentation: Option<String>,
    #[serde(default)]
    pub needs: Vec<String>,
    #[serde(default)]
    pub offers: Vec<String>,
    /// The contact person's name.
    #[serde(default)]
    pub contact: Option<String>,
}

/// One meeting: in round `round`, `visitor` sits at `seated`'s table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PackMeeting {
    pub round: u32,
    pub table: u32,
    /// Participant id of the seated side.
    pub seated: String,
    /// Participant id of the visiting side.
    pub visitor: String,
}

/// What to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PackSelection<'a> {
    /// The whole pack: plannings, table sheets, table cards, tick sheets.
    Whole,
    /// One participant's planning alone (by participant id), to reprint it
    /// after a re-plan.
    Planning(&'a str),
}

/// Renders the event pack, or one participant's planning.
///
/// # Errors
/// [`DocumentError::UnknownParticipant`] when [`PackSelection::Planning`]
/// names an id that is not among the participants;
/// [`DocumentError::Font`] if the embedded fonts cannot be read.
pub fn render_event_pack(
    data: &EventPackData,
    selection: PackSelection<'_>,
) -> Result<Vec<u8>, DocumentError> {
    let fonts = Fonts::get()?;
    let ix = Index::new(data);
    let mut pack = Pack::new(fonts, &ix);
    let title = match selection {
        PackSelection::Whole => {
            if ix.order.is_empty() && ix.tables.is_empty() {
                pack.empty();
            }
            for p in &ix.order {
                pack.planning(p);
            }
            for t in &ix.tables {
                pack.table_sheet(t);
            }
            for t in &ix.tables {
                pack.table_card(t);
            }
            for p in &ix.order {
                if !ix.meetings_of(&p.id).is_empty() {
                    pack.tick_sheet(p);
                }
            }
            format!("Dossier de l'événement — {}", data.event_name)
        }
        PackSelection::Planning(id) => {
            let p = ix
                .by_id
                .get(id)
                .copied()
                .ok_or_else(|| DocumentError::UnknownParticipant(id.to_owned()))?;
            pack.planning(p);
            format!("Planning de {} — {}", p.name, data.event_name)
        }
    };
    let pages = pack.finish();
    Ok(crate::save_doc(
        fonts,
        &title,
        data.generated_on,
        pages,
        crate::photo::PhotoSheet {
            photos: data.letterhead.logo_image().into_iter().collect(),
        },
    ))
}

// ---- styles ----

const KICKER: Style = Style::new(Face::Bold, 8.0, ACCENT);
const EVENT: Style = Style::new(Face::Bold, 11.0, INK);
const INFO: Style = Style::new(Face::Regular, 8.5, MUTED);
const NAME: Style = Style::new(Face::Bold, 17.0, INK);
const SUB: Style = Style::new(Face::Regular, 9.0, MUTED);
const HEAD: Style = Style::new(Face::Bold, 8.0, INK);
const SMALL: Style = Style::new(Face::Regular, 7.5, MUTED);
const SMALL_7: Style = Style::new(Face::Regular, 7.0, MUTED);
const BOX_FILL: Rgb3 = Rgb3(0.95, 0.96, 0.98);
const PAUSE_FILL: Rgb3 = Rgb3(0.975, 0.975, 0.98);

const RULES: &str =
    "L'association ne demande pas d'argent, l'entreprise ne fait pas de démarchage commercial.";
const RULES_MORE: &str =
    "Au signal, rejoignez la table suivante ; cochez « À revoir » les rencontres à prolonger.";
