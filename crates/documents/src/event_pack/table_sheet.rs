//! The pack's second section: a sheet per table, the seated participant
//! and, round by round, the visitor.

use super::grid::Grid;
use super::index::TableInfo;
use super::page::Pack;
use crate::fonts::Face;
use crate::layout::{span, Style, INK};

impl<'a> Pack<'_, 'a> {
    pub(super) fn table_sheet(&mut self, t: &TableInfo<'a>) {
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
}
