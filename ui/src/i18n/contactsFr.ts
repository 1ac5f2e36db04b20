// Annuaire › Contacts (French). Counts arrive formatted.
import type { Consent } from "../bindings/Consent";
import type { MailingExclusion } from "../bindings/MailingExclusion";

const exclusions: Record<MailingExclusion, string> = {
  objected: "opposition aux envois",
  noEmail: "sans e-mail",
  consentMissing: "sans consentement",
  notInformed: "jamais informé",
};

const exclusionHelp: Record<MailingExclusion, string> = {
  objected: "La personne s'est opposée aux envois : elle ne reçoit aucune invitation.",
  noEmail: "Aucune adresse e-mail enregistrée.",
  consentMissing:
    "Gardé sur consentement (listes, photos) ou pour un contrat (une inscription) : une invitation demande le consentement à la lettre d'information.",
  notInformed:
    "Contact professionnel jamais informé de l'enregistrement de ses données : renseignez la date d'information avant de l'inviter.",
};

export const contactsFr = {
  tabs: { label: "Annuaire", actors: "Acteurs", contacts: "Contacts" },
  title: "Annuaire",
  count: (n: number, f: string) => (n === 0 ? "Aucun contact" : n === 1 ? "1 contact" : `${f} contacts`),
  filterText: "Rechercher un nom, une organisation, un e-mail…",
  filterTextLabel: "Rechercher dans les contacts",
  filterKind: "Type d'organisation",
  allKinds: "Type d'organisation",
  filterCommune: "Commune",
  allCommunes: "Commune",
  filterTag: "Mot-clé",
  allTags: "Mot-clé",
  filterConsent: "Consentement",
  allConsents: "Consentement",
  clearFilters: "Effacer les filtres",
  columns: {
    name: "Nom",
    organisation: "Organisation",
    reach: "E-mail et téléphone",
    commune: "Commune",
    consents: "Consentements",
    invitation: "Invitation",
  },
  consentShort: { newsletter: "Lettre", liste_participants: "Listes", photos: "Photos", objection: "Opposition" } as Record<Consent, string>,
  selectAll: (f: string) => `Sélectionner les ${f} contacts`,
  selectRow: (name: string) => `Sélectionner ${name}`,
  selected: (n: number, f: string) => (n === 1 ? "1 contact sélectionné" : `${f} contacts sélectionnés`),
  allSelected: (f: string) => `Les ${f} contacts correspondants sont sélectionnés`,
  clearSelection: "Tout désélectionner",
  format: "Format du fichier",
  exportButton: (n: number, f: string) =>
    n === 1 ? "Exporter 1 contact pour un publipostage" : `Exporter ${f} contacts pour un publipostage`,
  exportHint:
    "Le fichier (Prénom, Nom, Organisation, Fonction, E-mail…) sert au publipostage de vos invitations. Les personnes qui se sont opposées aux envois ou dont le consentement manque sont laissées de côté.",
  exporting: "Export en cours…",
  exported: (n: number, f: string, file: string) =>
    `${n === 1 ? "1 contact exporté" : `${f} contacts exportés`} dans «\u00a0${file}\u00a0».`,
  leftOut: (n: number, f: string) =>
    n === 1 ? "1 contact laissé de côté\u00a0:" : `${f} contacts laissés de côté\u00a0:`,
  noneLeftOut: "Aucun contact laissé de côté : tous peuvent recevoir une invitation.",
  exportFailed: "L'export n'a pas pu se faire.",
  exclusions,
  exclusionHelp,
  invitable: "Invitable",
  noConsent: "—",
  noOrganisation: "Sans organisation",
  noMatchTitle: "Aucun contact ne correspond à ces filtres",
  noMatchText: "Modifiez ou effacez les filtres pour retrouver vos contacts.",
  emptyTitle: "Aucun contact pour l'instant",
  emptyText: "Les contacts sont les personnes de vos organisations. Ajoutez-les depuis la fiche d'un acteur, ou importez un fichier depuis « Données ».",
  loadError: "La liste des contacts n'a pas pu être chargée.",
  keyboardHint: "↑ ↓ pour parcourir · Espace pour cocher · Ctrl+A pour tout cocher · Entrée pour ouvrir",
  rowLoading: "Chargement de la ligne",
};
