//! The pack's first section: a planning per participant, kept on one
//! page when it can.

use super::grid::Grid;
use super::page::Pack;
use super::PackParticipant;

impl<'a> Pack<'_, 'a> {
    pub(super) fn planning(&mut self, p: &PackParticipant) {
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
}
