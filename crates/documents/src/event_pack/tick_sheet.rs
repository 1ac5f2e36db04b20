//! The pack's fourth section: « À revoir » tick sheets, each meeting of a
//! participant with a box to tick and room for a note.

use super::grid::{cell, rows_height, Density, GRow, Grid, Mark};
use super::page::Pack;
use super::{PackMeeting, PackParticipant, SMALL, SMALL_7};
use crate::fonts::Face;
use crate::layout::{span, LaidLine, Style, INK, MUTED};
use crate::typo::{clock, french_spacing as fr};

/// The counterpart in a roomy row: two lines of name, one of presentation.
const RICH: Density = Density {
    size: 9.0,
    name_lines: 2,
    pres_lines: 1,
    wants: None,
    pad: 3.0,
};

/// The counterpart in a tight row, when the roomy rows overflow the page.
const TIGHT: Density = Density {
    size: 8.5,
    name_lines: 1,
    pres_lines: 0,
    wants: None,
    pad: 1.5,
};

impl<'a> Pack<'_, 'a> {
    /// A participant's tick sheet: the header, how to use it, then one row
    /// per meeting sharing the page, roomy when they fit, else tight.
    pub(super) fn tick_sheet(&mut self, p: &PackParticipant) {
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
        let mine = self.ix.meetings_of(&p.id);
        let avail = self.w.room() - head.height();
        let count = mine.len().max(1) as f32;
        // Rows share the page (a little under, against rounding).
        let min_h = (avail / count - 0.5).clamp(22.0, 46.0);
        let mut rows = self.tick_rows(&g, p, mine, true, min_h);
        if rows_height(&rows) > avail {
            rows = self.tick_rows(&g, p, mine, false, min_h);
        }
        self.table(&g, &head, &rows);
    }

    /// One row per meeting of `p`: round (with time and table when `rich`),
    /// whom they meet, a box to tick, lines for a note.
    fn tick_rows(
        &self,
        g: &Grid,
        p: &PackParticipant,
        mine: &[&PackMeeting],
        rich: bool,
        min_h: f32,
    ) -> Vec<GRow> {
        mine.iter()
            .map(|m| {
                let other = if m.seated == p.id {
                    &m.visitor
                } else {
                    &m.seated
                };
                let d = if rich { RICH } else { TIGHT };
                let mut r = GRow::new(
                    vec![
                        cell(0, self.tick_round(g, m, rich)),
                        cell(1, self.who(other, d, g.inner(1, 1))),
                    ],
                    d.pad,
                );
                r.min_h = min_h;
                r.mark = Mark::Tick { tick: 2, note: 3 };
                r.sep = (0.6, MUTED);
                r
            })
            .collect()
    }

    /// The round cell: « Tour 3 » over its time and table, or, tight,
    /// « 3 · 14 h 20 » on one line.
    fn tick_round(&self, g: &Grid, m: &PackMeeting, rich: bool) -> Vec<LaidLine> {
        let b = &self.w.breaker;
        let when = self
            .ix
            .slots
            .iter()
            .find(|s| s.number == m.round)
            .and_then(|s| s.round)
            .map_or_else(|| "—".to_owned(), |r| clock(r.start));
        if rich {
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
        }
    }
}
