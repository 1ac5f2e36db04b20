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

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate, NaiveTime, TimeDelta};
use printpdf::Op;
use serde::{Deserialize, Serialize};

use crate::fonts::{Face, Fonts};
use crate::layout::{
    span, Align, LaidLine, Rgb3, Span, Style, Writer, ACCENT, FOOTER_H, INK, MARGIN, MUTED, PAGE_H,
    PAGE_W, RULE, SHADE,
};
use crate::typo::{clock, date_long, date_short, french_spacing as fr};
use crate::DocumentError;

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
    Ok(crate::save_sized(fonts, &title, data.generated_on, pages))
}

// ---- the data, indexed ----

#[derive(Clone, Copy)]
struct Slot<'a> {
    number: u32,
    round: Option<&'a PackRound>,
}

struct TableInfo<'a> {
    number: u32,
    seated: Option<&'a PackParticipant>,
    /// The seated participant's id as the meetings give it (when not among
    /// the participants).
    seated_id: Option<&'a str>,
    meetings: Vec<&'a PackMeeting>,
}

struct Index<'a> {
    data: &'a EventPackData,
    by_id: HashMap<&'a str, &'a PackParticipant>,
    /// Participants by side, then name.
    order: Vec<&'a PackParticipant>,
    /// Every round, from the round list and the meetings, in order.
    slots: Vec<Slot<'a>>,
    /// Each participant's meetings by round, then table.
    meetings: HashMap<&'a str, Vec<&'a PackMeeting>>,
    tables: Vec<TableInfo<'a>>,
}

impl<'a> Index<'a> {
    fn new(data: &'a EventPackData) -> Self {
        let mut by_id = HashMap::new();
        for p in &data.participants {
            by_id.entry(p.id.as_str()).or_insert(p);
        }
        let mut order: Vec<&PackParticipant> = data.participants.iter().collect();
        order.sort_by_cached_key(|p| {
            (
                tisserand_domain::text::sort_key(&p.side_label),
                tisserand_domain::text::sort_key(&p.name),
                p.name.clone(),
                p.id.clone(),
            )
        });
        let mut slots: BTreeMap<u32, Option<&PackRound>> = BTreeMap::new();
        for r in &data.rounds {
            slots.entry(r.number).or_insert(Some(r));
        }
        let mut sorted: Vec<&PackMeeting> = data.meetings.iter().collect();
        sorted.sort_by(|a, b| {
            (a.round, a.table, &a.seated, &a.visitor)
                .cmp(&(b.round, b.table, &b.seated, &b.visitor))
        });
        let mut meetings: HashMap<&str, Vec<&PackMeeting>> = HashMap::new();
        let mut tables: BTreeMap<u32, TableInfo> = BTreeMap::new();
        for p in &order {
            if let (true, Some(t)) = (p.seated, p.table) {
                tables.entry(t).or_insert(TableInfo {
                    number: t,
                    seated: Some(p),
                    seated_id: Some(&p.id),
                    meetings: Vec::new(),
                });
            }
        }
        for m in sorted {
            slots.entry(m.round).or_insert(None);
            meetings.entry(m.seated.as_str()).or_default().push(m);
            if m.visitor != m.seated {
                meetings.entry(m.visitor.as_str()).or_default().push(m);
            }
            let t = tables.entry(m.table).or_insert_with(|| TableInfo {
                number: m.table,
                seated: by_id.get(m.seated.as_str()).copied(),
                seated_id: Some(&m.seated),
                meetings: Vec::new(),
            });
            t.meetings.push(m);
        }
        Self {
            data,
            by_id,
            order,
            slots: slots
                .into_iter()
                .map(|(number, round)| Slot { number, round })
                .collect(),
            meetings,
            tables: tables.into_values().collect(),
        }
    }

    fn meetings_of(&self, id: &str) -> &[&'a PackMeeting] {
        self.meetings.get(id).map_or(&[], Vec::as_slice)
    }

    /// The table of a seated participant: theirs, else the one of their
    /// first meeting.
    fn table_of(&self, p: &PackParticipant) -> Option<u32> {
        if !p.seated {
            return None;
        }
        p.table.or_else(|| {
            self.meetings_of(&p.id)
                .iter()
                .find(|m| m.seated == p.id)
                .map(|m| m.table)
        })
    }

    /// « jeudi 26 novembre 2026 · de 14 h 00 à 16 h 30 · Salle des fêtes ».
    fn event_line(&self) -> String {
        let d = self.data;
        let mut parts = vec![day_long(d.date)];
        let first = self.slots.iter().find_map(|s| s.round);
        let last = self.slots.iter().rev().find_map(|s| s.round);
        if let (Some(a), Some(b)) = (first, last) {
            parts.push(format!("de {} à {}", clock(a.start), clock(b.end)));
        }
        if let Some(v) = d.venue.as_deref().filter(|v| !v.trim().is_empty()) {
            parts.push(fr(v));
        }
        parts.join(" · ")
    }
}

const WEEKDAYS: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];

/// « jeudi 26 novembre 2026 ».
fn day_long(d: NaiveDate) -> String {
    let wd = WEEKDAYS[d.weekday().num_days_from_monday() as usize];
    format!("{wd} {}", date_long(d))
}

fn time_range(slot: Slot<'_>) -> String {
    slot.round.map_or_else(
        || "—".to_owned(),
        |r| format!("{}\u{A0}– {}", clock(r.start), clock(r.end)),
    )
}

/// The break after `slot`, when it has one and another round follows.
fn break_after(slot: Slot<'_>, is_last: bool) -> Option<String> {
    let r = slot.round?;
    let minutes = r.break_after_minutes.filter(|m| *m > 0)?;
    if is_last {
        return None;
    }
    let end = r.end + TimeDelta::minutes(i64::from(minutes));
    Some(format!(
        "Pause de {minutes}\u{A0}min · {}\u{A0}– {}",
        clock(r.end),
        clock(end)
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

/// How much of a counterpart a row shows; the pack takes the richest one
/// that keeps a planning on its page.
#[derive(Clone, Copy)]
struct Density {
    size: f32,
    name_lines: usize,
    /// Lines of presentation under the name; 0: the presentation follows
    /// the name on its line.
    pres_lines: usize,
    /// Needs and offers: type size and whether each has its own line.
    wants: Option<(f32, bool)>,
    pad: f32,
}

const DENSITIES: [Density; 5] = [
    Density {
        size: 9.5,
        name_lines: 2,
        pres_lines: 2,
        wants: Some((8.0, true)),
        pad: 4.0,
    },
    Density {
        size: 9.0,
        name_lines: 2,
        pres_lines: 1,
        wants: Some((7.5, false)),
        pad: 3.0,
    },
    Density {
        size: 8.5,
        name_lines: 2,
        pres_lines: 0,
        wants: Some((7.0, false)),
        pad: 2.5,
    },
    Density {
        size: 8.0,
        name_lines: 1,
        pres_lines: 0,
        wants: Some((6.5, false)),
        pad: 1.5,
    },
    Density {
        size: 8.0,
        name_lines: 1,
        pres_lines: 0,
        wants: None,
        pad: 2.0,
    },
];

// ---- a grid of rows drawn by hand ----

const PAD_X: f32 = 4.0;

struct Cell {
    col: usize,
    span: usize,
    lines: Vec<LaidLine>,
    align: Align,
}

#[derive(Clone, Copy, PartialEq)]
enum Mark {
    None,
    /// A box to tick in column `tick`, ruled lines to write on in `note`.
    Tick {
        tick: usize,
        note: usize,
    },
}

struct GRow {
    cells: Vec<Cell>,
    fill: Option<Rgb3>,
    pad: f32,
    min_h: f32,
    mark: Mark,
    /// The rule under the row: thickness and colour.
    sep: (f32, Rgb3),
}

impl GRow {
    fn new(cells: Vec<Cell>, pad: f32) -> Self {
        Self {
            cells,
            fill: None,
            pad,
            min_h: 0.0,
            mark: Mark::None,
            sep: (0.4, RULE),
        }
    }

    fn height(&self) -> f32 {
        let content = self
            .cells
            .iter()
            .map(|c| c.lines.iter().map(|l| l.height).sum::<f32>())
            .fold(0.0, f32::max);
        (content + 2.0 * self.pad).max(self.min_h)
    }
}

fn cell(col: usize, lines: Vec<LaidLine>) -> Cell {
    Cell {
        col,
        span: 1,
        lines,
        align: Align::Left,
    }
}

/// Column edges, left to right.
struct Grid {
    xs: Vec<f32>,
}

impl Grid {
    /// Columns of the given widths, the last one taking what is left.
    fn new(left: f32, right: f32, widths: &[f32]) -> Self {
        let mut xs = vec![left];
        let mut x = left;
        for w in widths {
            x += w;
            xs.push(x);
        }
        xs.push(right);
        Self { xs }
    }

    fn inner(&self, col: usize, span: usize) -> f32 {
        self.xs[col + span] - self.xs[col] - 2.0 * PAD_X
    }

    fn left(&self) -> f32 {
        self.xs[0]
    }

    fn right(&self) -> f32 {
        self.xs[self.xs.len() - 1]
    }
}

fn rows_height(rows: &[GRow]) -> f32 {
    rows.iter().map(GRow::height).sum()
}

// ---- pages ----

#[derive(Clone)]
struct PageInfo {
    footer: String,
    landscape: bool,
}

struct Pack<'f, 'a> {
    w: Writer<'f>,
    ix: &'a Index<'a>,
    /// Where each section starts (page index) and its footer.
    infos: Vec<(usize, PageInfo)>,
}

impl<'f, 'a> Pack<'f, 'a> {
    fn new(fonts: &'f Fonts, ix: &'a Index<'a>) -> Self {
        Self {
            w: Writer::new(fonts),
            ix,
            infos: Vec::new(),
        }
    }

    /// Starts a page (the first one is already there).
    fn start(&mut self, footer: String, landscape: bool) {
        let w = &mut self.w;
        if !(w.page_index() == 0 && w.page_is_blank() && self.infos.is_empty()) {
            w.new_page();
        }
        let (pw, ph) = if landscape {
            (PAGE_H, PAGE_W)
        } else {
            (PAGE_W, PAGE_H)
        };
        w.left = MARGIN;
        w.right = pw - MARGIN;
        w.top = ph - MARGIN;
        w.bottom = MARGIN + FOOTER_H;
        w.y = w.top;
        self.infos
            .push((w.page_index(), PageInfo { footer, landscape }));
    }

    /// A new page for the same section.
    fn continue_page(&mut self) {
        let info = self.infos.last().map_or_else(
            || PageInfo {
                footer: String::new(),
                landscape: false,
            },
            |(_, i)| i.clone(),
        );
        self.start(info.footer, info.landscape);
    }

    fn finish(self) -> Vec<(Vec<Op>, bool)> {
        let infos = self.infos;
        let info_of = |n: usize| -> Option<&PageInfo> {
            infos.iter().rev().find(|(i, _)| *i < n).map(|(_, i)| i)
        };
        let event = fr(&self.ix.data.event_name);
        let on = date_short(self.ix.data.generated_on);
        let pages = self.w.finish(|w, n, total| {
            let info = info_of(n);
            let pw = if info.is_some_and(|i| i.landscape) {
                PAGE_H
            } else {
                PAGE_W
            };
            let y = MARGIN + 14.0;
            w.hline(MARGIN, pw - MARGIN, y, 0.5, RULE);
            let label = format!("page {n} / {total}");
            let lw = w.breaker.width(SMALL, &label);
            w.text_at(pw - MARGIN - lw, MARGIN + 3.0, SMALL, &label);
            let section = info.map_or("", |i| i.footer.as_str());
            let left = format!("Tisserand · édité le {on} · {section} · {event}");
            let lines = w
                .breaker
                .clamp(&[span(SMALL, left)], pw - 2.0 * MARGIN - lw - 16.0, 1);
            if let Some(line) = lines.first() {
                let top = MARGIN + 3.0 + line.height * 0.5 + SMALL.size * 0.34;
                w.draw_line(line, MARGIN, top);
            }
        });
        pages
            .into_iter()
            .enumerate()
            .map(|(i, ops)| (ops, info_of(i + 1).is_some_and(|x| x.landscape)))
            .collect()
    }

    fn empty(&mut self) {
        self.start("Dossier de l'événement".to_owned(), false);
        self.event_header("DOSSIER DE L'ÉVÉNEMENT");
        self.message(&[
            "Aucun participant ni aucune table pour cet événement.",
            "Ajoutez des participants et établissez le planning avant d'imprimer le dossier.",
        ]);
    }

    // ---- shared pieces ----

    /// Draws lines from the cursor down, at `x`.
    fn lines_at(&mut self, lines: &[LaidLine], x: f32) {
        for line in lines {
            let top = self.w.y;
            self.w.draw_line(line, x, top);
            self.w.y -= line.height;
        }
    }

    /// Kicker (« PLANNING · ASSOCIATION »), event name, date, times, venue.
    fn event_header(&mut self, kicker: &str) {
        let ix = self.ix;
        let top = self.w.y;
        let left = self.w.left;
        self.w.text_at(left, top - 8.0, KICKER, kicker);
        self.w.y -= 13.0;
        let width = self.w.width();
        let name = self
            .w
            .breaker
            .clamp(&[span(EVENT, fr(&ix.data.event_name))], width, 2);
        self.lines_at(&name, left);
        let info = self
            .w
            .breaker
            .clamp(&[span(INFO, ix.event_line())], width, 2);
        self.lines_at(&info, left);
        self.w.y -= 7.0;
    }

    /// The participant's name large, their side and contact, and a framed
    /// box on the right (their table, or that they move).
    fn name_block(&mut self, name: &str, sub: &str, box_spans: &[Span]) {
        let w = &mut self.w;
        let box_w = w
            .breaker
            .lines(box_spans, 200.0)
            .iter()
            .map(|l| l.width)
            .fold(0.0, f32::max)
            .clamp(84.0, 150.0)
            + 20.0;
        let box_lines = w.breaker.lines(box_spans, box_w - 16.0);
        let name_w = w.width() - box_w - 14.0;
        let mut lines = w.breaker.clamp(&[span(NAME, fr(name))], name_w, 3);
        if !sub.is_empty() {
            lines.extend(w.breaker.clamp(&[span(SUB, fr(sub))], name_w, 2));
        }
        let block_h: f32 = lines.iter().map(|l| l.height).sum();
        let box_text_h: f32 = box_lines.iter().map(|l| l.height).sum();
        let box_h = (box_text_h + 14.0).max(block_h);
        let top = w.y;
        let bx = w.right - box_w;
        w.rect(
            bx,
            top - box_h,
            box_w,
            box_h,
            Some(BOX_FILL),
            Some((ACCENT, 1.0)),
        );
        let mut t = top - (box_h - box_text_h) / 2.0;
        for line in &box_lines {
            w.draw_line(line, bx + (box_w - line.width) / 2.0, t);
            t -= line.height;
        }
        let mut t = top;
        for line in &lines {
            w.draw_line(line, w.left, t);
            t -= line.height;
        }
        w.y = top - box_h.max(block_h) - 6.0;
        let (l, r, y) = (w.left, w.right, w.y);
        w.hline(l, r, y, 0.6, RULE);
        w.y -= 8.0;
    }

    fn participant_header(&mut self, p: &PackParticipant, kicker: &str) {
        let side = p.side_label.to_uppercase();
        self.event_header(&format!("{kicker} · {side}"));
        let mut sub = p.side_label.clone();
        if let Some(c) = p.contact.as_deref().filter(|c| !c.trim().is_empty()) {
            sub.push_str(" · contact : ");
            sub.push_str(c);
        }
        let label = Style::new(Face::Regular, 10.0, INK);
        let box_spans = if p.seated {
            match self.ix.table_of(p) {
                Some(t) => vec![
                    span(label, fr("Votre table : ")),
                    span(Style::new(Face::Bold, 24.0, INK), t.to_string()),
                ],
                None => vec![span(label, fr("Votre table : à confirmer"))],
            }
        } else {
            vec![span(
                Style::new(Face::Regular, 8.5, INK),
                "Vous changez de table\nà chaque tour",
            )]
        };
        self.name_block(&p.name, &sub, &box_spans);
    }

    /// Paragraphs in a light frame with a bar on the left.
    fn framed(&mut self, paras: &[Vec<Span>]) {
        let pad = 6.0;
        let inner = self.w.width() - 2.0 * pad - 3.0;
        let laid: Vec<LaidLine> = paras
            .iter()
            .flat_map(|p| self.w.breaker.lines(p, inner))
            .collect();
        let h = laid.iter().map(|l| l.height).sum::<f32>() + 2.0 * pad;
        if self.w.room() < h {
            self.continue_page();
        }
        let top = self.w.y;
        let (l, width) = (self.w.left, self.w.width());
        self.w
            .rect(l, top - h, width, h, Some(Rgb3(0.97, 0.975, 0.98)), None);
        self.w.rect(l, top - h, 3.0, h, Some(ACCENT), None);
        self.w.y -= pad;
        self.lines_at(&laid, l + 3.0 + pad);
        self.w.y = top - h - 8.0;
    }

    fn message(&mut self, paras: &[&str]) {
        let body = Style::new(Face::Regular, 10.0, INK);
        let all: Vec<Vec<Span>> = paras
            .iter()
            .enumerate()
            .map(|(i, p)| {
                vec![span(
                    if i == 0 {
                        body.with_face(Face::Bold)
                    } else {
                        body
                    },
                    fr(p),
                )]
            })
            .collect();
        self.w.y -= 6.0;
        self.framed(&all);
    }

    fn rules(&mut self) {
        let s = Style::new(Face::Regular, 8.5, INK);
        self.framed(&[vec![
            span(s.with_face(Face::Bold), fr("Règles du jeu : ")),
            span(s, fr(RULES)),
            span(s.with_color(MUTED), format!(" {}", fr(RULES_MORE))),
        ]]);
    }

    fn rules_height(&self) -> f32 {
        let s = Style::new(Face::Regular, 8.5, INK);
        let lines = self.w.breaker.lines(
            &[
                span(s.with_face(Face::Bold), fr("Règles du jeu : ")),
                span(s, fr(RULES)),
                span(s, format!(" {}", fr(RULES_MORE))),
            ],
            self.w.width() - 15.0,
        );
        lines.iter().map(|l| l.height).sum::<f32>() + 12.0 + 8.0
    }

    /// The rows under a repeated header row, onto new pages as needed.
    fn table(&mut self, g: &Grid, head: &GRow, rows: &[GRow]) {
        let hh = head.height();
        let first = rows.first().map_or(0.0, GRow::height);
        if self.w.room() < hh + first {
            self.continue_page();
        }
        self.row(g, head);
        for r in rows {
            if self.w.room() < r.height() {
                self.continue_page();
                self.row(g, head);
            }
            self.row(g, r);
        }
        self.w.y -= 8.0;
    }

    fn row(&mut self, g: &Grid, row: &GRow) {
        let h = row.height();
        let top = self.w.y;
        let w = &mut self.w;
        if let Some(f) = row.fill {
            w.rect(g.left(), top - h, g.right() - g.left(), h, Some(f), None);
        }
        if let Mark::Tick { tick, note } = row.mark {
            let s = 11.0;
            let x = (g.xs[tick] + g.xs[tick + 1] - s) / 2.0;
            let first = row
                .cells
                .first()
                .and_then(|c| c.lines.first())
                .map_or(12.0, |l| l.height);
            let y = top - row.pad - first / 2.0 - s / 2.0;
            w.rect(x, y, s, s, Some(Rgb3(1.0, 1.0, 1.0)), Some((INK, 0.9)));
            let (x1, x2) = (g.xs[note] + PAD_X, g.xs[note + 1] - PAD_X);
            let mut ly = top - h + 6.0;
            while ly < top - 10.0 {
                w.hline(x1, x2, ly, 0.4, Rgb3(0.7, 0.72, 0.75));
                ly += 13.0;
            }
        }
        for c in &row.cells {
            let x0 = g.xs[c.col] + PAD_X;
            let inner = g.inner(c.col, c.span);
            let mut t = top - row.pad;
            for line in &c.lines {
                let dx = match c.align {
                    Align::Left | Align::Justify => 0.0,
                    Align::Right => inner - line.width,
                    Align::Center => (inner - line.width) / 2.0,
                };
                w.draw_line(line, x0 + dx, t);
                t -= line.height;
            }
        }
        w.y = top - h;
        let (l, r, y) = (g.left(), g.right(), w.y);
        w.hline(l, r, y, row.sep.0, row.sep.1);
    }

    fn head_row(&self, g: &Grid, titles: &[&str]) -> GRow {
        let cells = titles
            .iter()
            .enumerate()
            .map(|(i, t)| {
                cell(
                    i,
                    self.w.breaker.clamp(&[span(HEAD, fr(t))], g.inner(i, 1), 1),
                )
            })
            .collect();
        let mut r = GRow::new(cells, 4.0);
        r.fill = Some(SHADE);
        r.sep = (0.6, MUTED);
        r
    }

    /// The name, contact, presentation, needs and offers of `id`, at a
    /// density, in `width` points.
    fn who(&self, id: &str, d: Density, width: f32) -> Vec<LaidLine> {
        let b = &self.w.breaker;
        let bold = Style::new(Face::Bold, d.size, INK);
        let Some(p) = self.ix.by_id.get(id) else {
            return b.clamp(&[span(bold, fr(id))], width, d.name_lines);
        };
        let mut name = vec![span(bold, fr(&p.name))];
        if let Some(c) = p.contact.as_deref().filter(|c| !c.trim().is_empty()) {
            name.push(span(
                Style::new(Face::Regular, d.size - 0.5, MUTED),
                format!(" ·\u{A0}{}", fr(c)),
            ));
        }
        let pres = p
            .presentation
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(fr);
        let pres_style = Style::new(Face::Italic, d.size - 1.0, INK);
        let mut lines = if d.pres_lines == 0 {
            let n = b.lines(&name, width).len().clamp(1, d.name_lines);
            if let Some(pres) = pres {
                name.push(span(pres_style, format!(" — {pres}")));
            }
            b.clamp(&name, width, n)
        } else {
            let mut l = b.clamp(&name, width, d.name_lines);
            if let Some(pres) = pres {
                l.extend(b.clamp(&[span(pres_style, pres)], width, d.pres_lines));
            }
            l
        };
        if let Some((size, split)) = d.wants {
            let label = Style::new(Face::Bold, size, MUTED);
            let text = Style::new(Face::Regular, size, INK);
            let list = |v: &[String]| {
                v.iter()
                    .map(|s| s.trim())
                    .filter(|s| !s.is_empty())
                    .map(fr)
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let (needs, offers) = (list(&p.needs), list(&p.offers));
            let mut parts: Vec<Vec<Span>> = Vec::new();
            if !needs.is_empty() {
                parts.push(vec![span(label, fr("Cherche : ")), span(text, needs)]);
            }
            if !offers.is_empty() {
                parts.push(vec![span(label, fr("Propose : ")), span(text, offers)]);
            }
            if split {
                for part in &parts {
                    lines.extend(b.clamp(part, width, 1));
                }
            } else if !parts.is_empty() {
                let mut joined = Vec::new();
                for (i, part) in parts.into_iter().enumerate() {
                    if i > 0 {
                        joined.push(span(text.with_color(MUTED), "  ·  "));
                    }
                    joined.extend(part);
                }
                lines.extend(b.clamp(&joined, width, 1));
            }
        }
        lines
    }

    /// Rows of a timetable (planning or table sheet): one per round with
    /// the meetings `of` gives, a pause row for a round without one, the
    /// breaks between rounds.
    fn timetable_rows(
        &self,
        g: &Grid,
        d: Density,
        of: &dyn Fn(u32) -> Vec<(u32, &'a str)>,
        with_table: bool,
        pause: &str,
    ) -> Vec<GRow> {
        let b = &self.w.breaker;
        let plain = Style::new(Face::Regular, d.size, INK);
        let bold = plain.with_face(Face::Bold);
        let who_col = if with_table { 3 } else { 2 };
        let mut rows = Vec::new();
        let n = self.ix.slots.len();
        for (k, slot) in self.ix.slots.iter().enumerate() {
            let found = of(slot.number);
            let mut head = Some([
                cell(
                    0,
                    b.lines(&[span(bold, slot.number.to_string())], g.inner(0, 1)),
                ),
                cell(1, b.lines(&[span(plain, time_range(*slot))], g.inner(1, 1))),
            ]);
            if found.is_empty() {
                let mut cells: Vec<Cell> = head.take().into_iter().flatten().collect();
                let muted = Style::new(Face::Italic, d.size, MUTED);
                if with_table {
                    cells.push(Cell {
                        align: Align::Center,
                        ..cell(2, b.lines(&[span(muted, "—")], g.inner(2, 1)))
                    });
                }
                cells.push(cell(
                    who_col,
                    b.clamp(&[span(muted, fr(pause))], g.inner(who_col, 1), 1),
                ));
                let mut r = GRow::new(cells, d.pad);
                r.fill = Some(PAUSE_FILL);
                rows.push(r);
            }
            for (table, other) in &found {
                let mut cells: Vec<Cell> = head.take().into_iter().flatten().collect();
                if with_table {
                    cells.push(Cell {
                        align: Align::Center,
                        ..cell(2, b.lines(&[span(bold, table.to_string())], g.inner(2, 1)))
                    });
                }
                cells.push(cell(who_col, self.who(other, d, g.inner(who_col, 1))));
                rows.push(GRow::new(cells, d.pad));
            }
            if let Some(text) = break_after(*slot, k + 1 == n) {
                let s = Style::new(Face::Italic, d.size - 0.5, INK);
                let mut r = GRow::new(
                    vec![Cell {
                        col: 1,
                        span: g.xs.len() - 2,
                        lines: b.clamp(&[span(s, fr(&text))], g.inner(1, g.xs.len() - 2), 1),
                        align: Align::Left,
                    }],
                    d.pad,
                );
                r.fill = Some(SHADE);
                rows.push(r);
            }
        }
        rows
    }

    // ---- 1. planning ----

    fn planning(&mut self, p: &PackParticipant) {
        let ix = self.ix;
        self.start(format!("planning de {}", p.name), false);
        self.participant_header(p, "PLANNING");
        let mine = ix.meetings_of(&p.id);
        if mine.is_empty() {
            self.message(&[
                "Aucune rencontre n'est prévue pour vous à cet événement.",
                "Adressez-vous à l'équipe d'animation : une place peut se libérer en cours de séance (absence, arrivée tardive).",
            ]);
            self.rules();
            return;
        }
        let g = Grid::new(self.w.left, self.w.right, &[30.0, 92.0, 38.0]);
        let head = self.head_row(&g, &["Tour", "Horaire", "Table", "Vous rencontrez"]);
        let id = p.id.as_str();
        let of = |round: u32| -> Vec<(u32, &'a str)> {
            mine.iter()
                .filter(|m| m.round == round)
                .map(|m| {
                    let other = if m.seated == id {
                        &m.visitor
                    } else {
                        &m.seated
                    };
                    (m.table, other.as_str())
                })
                .collect()
        };
        let avail = self.w.room() - head.height() - self.rules_height() - 8.0;
        let rows = self.densest_fit(avail, |pack, d| {
            pack.timetable_rows(&g, d, &of, true, "Pause : pas de rencontre à ce tour")
        });
        self.table(&g, &head, &rows);
        self.w.y += 4.0;
        self.rules();
    }

    /// The rows at the richest density that fits in `avail` points; the
    /// densest when none does.
    fn densest_fit(&self, avail: f32, make: impl Fn(&Self, Density) -> Vec<GRow>) -> Vec<GRow> {
        let mut last = Vec::new();
        for d in DENSITIES {
            last = make(self, d);
            if rows_height(&last) <= avail {
                break;
            }
        }
        last
    }

    // ---- 2. table sheet ----

    fn table_sheet(&mut self, t: &TableInfo<'a>) {
        self.start(format!("fiche de la table {}", t.number), false);
        self.event_header("FICHE DE TABLE");
        let (name, sub) = match (t.seated, t.seated_id) {
            (Some(p), _) => {
                let mut sub = p.side_label.clone();
                if let Some(c) = p.contact.as_deref().filter(|c| !c.trim().is_empty()) {
                    sub.push_str(" · contact : ");
                    sub.push_str(c);
                }
                if let Some(pres) = p.presentation.as_deref().filter(|c| !c.trim().is_empty()) {
                    sub.push_str(" — ");
                    sub.push_str(pres);
                }
                (p.name.clone(), sub)
            }
            (None, Some(id)) => (id.to_owned(), String::new()),
            (None, None) => (
                "Personne n'est assis à cette table".to_owned(),
                String::new(),
            ),
        };
        let box_spans = vec![
            span(Style::new(Face::Regular, 10.0, INK), "Table "),
            span(Style::new(Face::Bold, 24.0, INK), t.number.to_string()),
        ];
        self.name_block(&name, &sub, &box_spans);
        let g = Grid::new(self.w.left, self.w.right, &[30.0, 92.0]);
        let head = self.head_row(&g, &["Tour", "Horaire", "Visiteur"]);
        let meetings = &t.meetings;
        let of = |round: u32| -> Vec<(u32, &'a str)> {
            meetings
                .iter()
                .filter(|m| m.round == round)
                .map(|m| (m.table, m.visitor.as_str()))
                .collect()
        };
        let avail = self.w.room() - head.height();
        let rows = self.densest_fit(avail, |pack, d| {
            pack.timetable_rows(&g, d, &of, false, "Pas de visite à ce tour")
        });
        self.table(&g, &head, &rows);
    }

    // ---- 3. table card ----

    fn table_card(&mut self, t: &TableInfo<'a>) {
        self.start(format!("chevalet de la table {}", t.number), true);
        let ix = self.ix;
        let w = &mut self.w;
        let (l, r, top) = (w.left, w.right, w.top);
        let width = r - l;
        let centre = |w: &mut Writer, line: &LaidLine, t: f32| {
            let x = l + (width - line.width) / 2.0;
            w.draw_line(line, x, t);
        };
        let ev = w
            .breaker
            .clamp(&[span(INFO, fr(&ix.data.event_name))], width, 1);
        let num = t.number.to_string();
        let unit = w.breaker.width(Style::new(Face::Bold, 1.0, INK), &num);
        let size = (width * 0.9 / unit.max(0.1)).min(300.0);
        let big = Style::new(Face::Bold, size, INK);
        let (name, sub) = match (t.seated, t.seated_id) {
            (Some(p), _) => (fr(&p.name), fr(&p.side_label)),
            (None, Some(id)) => (fr(id), String::new()),
            (None, None) => (String::new(), String::new()),
        };
        let mut lines = w
            .breaker
            .clamp(&[span(Style::new(Face::Bold, 28.0, INK), name)], width, 2);
        if !sub.is_empty() {
            lines.extend(w.breaker.clamp(
                &[span(Style::new(Face::Regular, 14.0, MUTED), sub)],
                width,
                1,
            ));
        }
        // Digits of DejaVu Sans Bold rise 0.73 em above the baseline.
        let label = Style::new(Face::Bold, 34.0, ACCENT);
        let (label_h, gap, digits_h) = (34.0 * 0.73, 34.0, size * 0.73);
        let names_h: f32 = lines.iter().map(|l| l.height).sum();
        let block = label_h + gap + digits_h + gap + names_h;
        let mut y = top;
        for line in &ev {
            centre(w, line, y);
            y -= line.height;
        }
        // The label, the number and the name, centred in what is left.
        y -= ((y - w.bottom - block) / 2.0).max(0.0);
        let lw = w.breaker.width(label, "TABLE");
        w.text_at(l + (width - lw) / 2.0, y - label_h, label, "TABLE");
        y -= label_h + gap;
        let nw = w.breaker.width(big, &num);
        w.text_at(l + (width - nw) / 2.0, y - digits_h, big, &num);
        y -= digits_h + gap;
        for line in &lines {
            centre(w, line, y);
            y -= line.height;
        }
        w.y = y;
    }

    // ---- 4. « À revoir » tick sheet ----

    fn tick_sheet(&mut self, p: &PackParticipant) {
        let ix = self.ix;
        self.start(format!("à revoir — {}", p.name), false);
        self.participant_header(p, "À REVOIR");
        let note = Style::new(Face::Regular, 8.5, MUTED);
        let lines = self.w.breaker.lines(
            &[span(
                note,
                fr("Après chaque rencontre, cochez « À revoir » si vous souhaitez poursuivre l'échange et notez ce qui vous a intéressé. Rendez cette fiche à l'équipe d'animation en fin de séance."),
            )],
            self.w.width(),
        );
        let left = self.w.left;
        self.lines_at(&lines, left);
        self.w.y -= 6.0;
        let g = Grid::new(self.w.left, self.w.right, &[74.0, 200.0, 52.0]);
        let head = self.head_row(&g, &["Tour", "Rencontre", "À revoir", "Note"]);
        let mine = ix.meetings_of(&p.id);
        let avail = self.w.room() - head.height();
        let count = mine.len().max(1) as f32;
        // Rows share the page (a little under, against rounding).
        let min_h = (avail / count - 0.5).clamp(22.0, 46.0);
        let slot_of = |round: u32| ix.slots.iter().find(|s| s.number == round).copied();
        let make = |pack: &Self, rich: bool| -> Vec<GRow> {
            let b = &pack.w.breaker;
            mine.iter()
                .map(|m| {
                    let other = if m.seated == p.id {
                        &m.visitor
                    } else {
                        &m.seated
                    };
                    let when = slot_of(m.round)
                        .and_then(|s| s.round)
                        .map_or_else(|| "—".to_owned(), |r| clock(r.start));
                    let first = if rich {
                        b.lines(
                            &[
                                span(
                                    Style::new(Face::Bold, 8.5, INK),
                                    format!("Tour {}", m.round),
                                ),
                                span(SMALL, format!("\n{when} · table\u{A0}{}", m.table)),
                            ],
                            g.inner(0, 1),
                        )
                    } else {
                        b.clamp(
                            &[
                                span(Style::new(Face::Bold, 8.0, INK), m.round.to_string()),
                                span(SMALL_7, format!(" · {when}")),
                            ],
                            g.inner(0, 1),
                            1,
                        )
                    };
                    let d = if rich {
                        Density {
                            size: 9.0,
                            name_lines: 2,
                            pres_lines: 1,
                            wants: None,
                            pad: 3.0,
                        }
                    } else {
                        Density {
                            size: 8.5,
                            name_lines: 1,
                            pres_lines: 0,
                            wants: None,
                            pad: 1.5,
                        }
                    };
                    let mut r = GRow::new(
                        vec![cell(0, first), cell(1, pack.who(other, d, g.inner(1, 1)))],
                        d.pad,
                    );
                    r.min_h = min_h;
                    r.mark = Mark::Tick { tick: 2, note: 3 };
                    r.sep = (0.6, MUTED);
                    r
                })
                .collect()
        };
        let mut rows = make(self, true);
        if rows_height(&rows) > avail {
            rows = make(self, false);
        }
        self.table(&g, &head, &rows);
    }
}
