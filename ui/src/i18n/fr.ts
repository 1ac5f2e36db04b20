// French texts: the working language. `en.ts` must give the same keys
// (the compiler checks it). Counts arrive already formatted (« 1 234 »).
import type { ActorKind } from "../bindings/ActorKind";
import type { Consent } from "../bindings/Consent";
import type { ContactSource } from "../bindings/ContactSource";
import type { LegalBasis } from "../bindings/LegalBasis";
import type { RegisterCourt } from "../bindings/RegisterCourt";
import type { ResourceCategory } from "../bindings/ResourceCategory";
import type { SizeBand } from "../bindings/SizeBand";
import type { Route } from "../app/router";
import { contactsFr } from "./contactsFr";
import { dataFr } from "./dataFr";
import { partnershipFr } from "./partnershipFr";
import { eventsFr } from "./eventsFr";
import { possiblesFr } from "./possiblesFr";
import { impactFr } from "./impactFr";
import { storyFr } from "./storyFr";
import { dialogsFr } from "./dialogsFr";

const kinds: Record<ActorKind, string> = {
  entreprise: "Entreprise",
  association: "Association",
  collectivite: "Collectivité",
  fondation: "Fondation",
  financeur: "Financeur",
  etablissement_public: "Établissement public",
  autre: "Autre",
};

/** The towns whose tribunal judiciaire keeps a register of associations. */
const courts: Record<RegisterCourt, string> = {
  strasbourg: "Strasbourg",
  saverne: "Saverne",
  colmar: "Colmar",
  mulhouse: "Mulhouse",
  metz: "Metz",
  thionville: "Thionville",
  sarreguemines: "Sarreguemines",
};

const sizeBands: Record<SizeBand, string> = {
  micro: "Micro (0 à 9 personnes)",
  petite: "Petite (10 à 49)",
  moyenne: "Moyenne (50 à 249)",
  intermediaire: "Intermédiaire (250 à 4 999)",
  grande: "Grande (5 000 et plus)",
};

const categories: Record<ResourceCategory, string> = {
  competences: "Compétences",
  locaux: "Locaux",
  materiel: "Matériel",
  financement: "Financement",
  achats: "Achats",
  benevolat: "Bénévolat",
  visibilite: "Visibilité",
  autre: "Autre",
};

const legalBases: Record<LegalBasis, string> = {
  interet_legitime: "Intérêt légitime",
  consentement: "Consentement",
  contrat: "Contrat",
};

const sources: Record<ContactSource, string> = {
  carte_de_visite: "Carte de visite",
  evenement: "Événement",
  site_web: "Site web",
  recommandation: "Recommandation",
  import: "Import",
  autre: "Autre",
};

const consents: Record<Consent, string> = {
  newsletter: "Lettre d'information",
  liste_participants: "Liste des participants",
  photos: "Photos",
  objection: "S'oppose aux envois (invitations, lettre)",
};

export const fr = {
  common: {
    cancel: "Annuler",
    close: "Fermer",
    retry: "Réessayer",
    loading: "Chargement…",
    notProvided: "Non renseigné",
    optional: "facultatif",
    required: "obligatoire",
    remove: "Retirer",
    back: "Retour à l'annuaire",
    /** « Retour » names the screen it goes back to. */
    backTo: {
      start: "Retour à l'annuaire",
      directory: "Retour à l'annuaire",
      contacts: "Retour aux contacts",
      actor: "Retour à l'acteur",
      partnerships: "Retour au tableau",
      overview: "Retour à la vue d'ensemble",
      partnership: "Retour au partenariat",
      data: "Retour aux données",
      events: "Tous les événements",
      event: "Retour à l'événement",
      room: "Retour",
      impact: "Retour à l'impact",
    } as Record<Route["name"], string>,
    /** « Animateur : Léa » (no-break space before the colon). */
    labelled: (label: string, value: string) => `${label}\u00a0: ${value}`,
    /** « « Paniers » » with no-break spaces inside the quotes. */
    quoted: (text: string) => `«\u00a0${text}\u00a0»`,
  },
  app: {
    tagline: "L'atelier des partenariats de territoire",
    version: (v: string) => `Version ${v}`,
    loadError: "Tisserand n'a pas pu lire ses données.",
  },
  nav: {
    label: "Navigation principale",
    home: "Accueil",
    directory: "Annuaire",
    partnerships: "Partenariats",
    events: "Événements",
    impact: "Impact",
    data: "Données",
    settings: "Réglages",
    comingSoon: "Bientôt disponible",
    switchLang: "Passer en anglais",
  },
  search: {
    placeholder: "Rechercher un acteur, un contact… (Ctrl+K)",
    label: "Recherche globale",
    results: "Résultats de la recherche",
    noResults: (q: string) => `Aucun résultat pour «\u00a0${q}\u00a0».`,
    searching: "Recherche…",
    hint: "↑ ↓ pour choisir · Entrée pour ouvrir · Échap pour fermer",
    actor: "Acteur",
    contact: "Contact",
    orphanContact: "Ce contact n'est rattaché à aucun acteur : sa fiche sera disponible avec la gestion des contacts.",
  },
  welcome: {
    title: "Bienvenue dans Tisserand",
    lead:
      "Tisserand vous aide à tisser des partenariats entre les entreprises, les associations et les collectivités de votre territoire : un annuaire des acteurs, leurs besoins et leurs offres, puis les rencontres et les partenariats qui en naissent.",
    offline: "Tout reste sur cet ordinateur et fonctionne sans connexion.",
    demo: "Ouvrir le territoire de démonstration",
    demoHint: "Un territoire alsacien fictif (acteurs et contacts inventés, communes réelles), pour découvrir l'outil.",
    demoLoading: "Chargement du territoire de démonstration…",
    empty: "Commencer avec un annuaire vide",
    emptyHint: "Saisissez vos propres acteurs, un par un.",
    steps: [
      ["Annuaire", "Les acteurs du territoire, leurs contacts, ce qu'ils cherchent et ce qu'ils proposent."],
      ["Rencontres", "Des speed datings entreprises–associations pour provoquer les rencontres improbables."],
      ["Partenariats", "Du mécénat aux pratiques responsables, chaque partenariat suivi jusqu'à son impact."],
    ] as [string, string][],
    demoLoaded: (actors: string, contacts: string, partnerships: string) =>
      `Territoire de démonstration chargé\u00a0: ${actors} acteurs, ${contacts} contacts et ${partnerships} partenariats.`,
  },
  list: {
    title: "Annuaire",
    count: (n: number, formatted: string) =>
      n === 0 ? "Aucun acteur" : n === 1 ? "1 acteur" : `${formatted} acteurs`,
    newActor: "Créer un acteur",
    newActorShortcut: "Créer un acteur (Ctrl+N)",
    filterText: "Filtrer par nom, commune, mot-clé…",
    filterTextLabel: "Filtrer la liste",
    filterKind: "Type",
    filterDepartement: "Département",
    filterCommune: "Commune",
    filterTag: "Mot-clé",
    // A filter without value shows its name, as a button would.
    allKinds: "Type",
    allDepartements: "Département",
    allCommunes: "Commune",
    allTags: "Mot-clé",
    clearFilters: "Effacer les filtres",
    columns: {
      name: "Nom",
      kind: "Type",
      commune: "Commune",
      sector: "Secteur",
      tags: "Mots-clés",
      contacts: "Contacts",
    },
    contactsCount: (n: number) => (n === 0 ? "Aucun contact" : n === 1 ? "1 contact" : `${n} contacts`),
    emptyTitle: "Votre annuaire est vide",
    emptyText:
      "L'annuaire rassemble les acteurs de votre territoire — entreprises, associations, collectivités, fondations, financeurs — avec leurs contacts, leurs besoins et ce qu'ils peuvent offrir. C'est le point de départ de chaque rencontre et de chaque partenariat.",
    emptyDemo: "ou ouvrir le territoire de démonstration",
    noMatchTitle: "Aucun acteur ne correspond à ces filtres",
    noMatchText: "Modifiez ou effacez les filtres pour retrouver vos acteurs.",
    loadError: "La liste n'a pas pu être chargée.",
    keyboardHint: "↑ ↓ pour parcourir · Entrée pour ouvrir",
    rowLoading: "Chargement de la ligne",
  },
  actor: {
    edit: "Modifier",
    delete: "Supprimer",
    identity: "Identité",
    territory: "Territoire",
    siren: "SIREN",
    siret: "SIRET",
    rna: "RNA",
    regime: "Régime",
    regimes: {
      droit_local: "Droit local d'Alsace-Moselle",
      loi_1901: "Loi 1901",
    },
    regimeFromSeat: (regime: string) => `${regime} · d'après le siège`,
    register: "Registre",
    registerEntry: (court: string | null, parts: string[]) =>
      [court === null ? null : `Tribunal judiciaire de ${court}`, ...parts].filter((p) => p !== null).join(", "),
    registerVolume: (v: string) => `volume ${v}`,
    registerFolio: (f: string) => `folio ${f}`,
    registerNumber: (n: string) => `n°\u00a0${n}`,
    sector: "Secteur",
    size: "Taille",
    website: "Site web",
    address: "Adresse",
    commune: "Commune",
    epci: "Intercommunalité",
    departement: "Département",
    region: "Région",
    needs: "Besoins",
    offers: "Offres",
    noNeeds: "Aucun besoin saisi.",
    noOffers: "Aucune offre saisie.",
    stakes: "Enjeux",
    tags: "Mots-clés",
    notes: "Notes",
    noStakes: "Aucun enjeu saisi.",
    noNotes: "Aucune note.",
    noTags: "Aucun mot-clé.",
    created: (d: string) => `Créé le ${d}`,
    updated: (d: string) => `modifié le ${d}`,
    loadError: "La fiche de cet acteur n'a pas pu être chargée.",
    deleteTitle: (name: string) => `Supprimer «\u00a0${name}\u00a0»\u00a0?`,
    deleteText: "Vous pourrez annuler pendant quelques secondes.",
    deleteConfirm: "Supprimer",
    deleteContacts: (n: number, count: string) =>
      n === 1 ? "Son contact quitte l'annuaire avec lui." : `Ses ${count}\u00a0contacts quittent l'annuaire avec lui.`,
    deleteEvents: (n: number, names: string) =>
      n === 1
        ? `Il a participé à l'événement «\u00a0${names}\u00a0» : ses rencontres restent dans son bilan.`
        : `Il a participé à ${n}\u00a0événements (${names}) : ses rencontres restent dans leurs bilans.`,
    deleteBlockedTitle: (name: string) => `«\u00a0${name}\u00a0» ne peut pas être supprimé`,
    deleteBlockedText: (n: number) =>
      n === 1
        ? "Il est partie d'un partenariat en cours. Retirez-le de ce partenariat, ou supprimez celui-ci, avant de le supprimer :"
        : `Il est partie de ${n}\u00a0partenariats en cours. Retirez-le de ces partenariats, ou supprimez-les, avant de le supprimer :`,
    deleteBlockedOk: "Compris",
    deleted: "Acteur supprimé",
    restored: "Acteur restauré",
    created_toast: "Acteur créé",
    saved_toast: "Modifications enregistrées",
    showAll: (chars: string) => `Tout afficher (${chars} caractères)`,
    showLess: "Réduire",
  },
  form: {
    createTitle: "Nouvel acteur",
    editTitle: (name: string) => `Modifier «\u00a0${name}\u00a0»`,
    create: "Créer l'acteur",
    save: "Enregistrer",
    saving: "Enregistrement…",
    submitHint: "Ctrl+Entrée",
    sectionIdentity: "Identité",
    sectionIdentifiers: "Identifiants",
    sectionTerritory: "Territoire",
    sectionResources: "Besoins et offres",
    sectionMore: "Enjeux, mots-clés et notes",
    kind: "Type d'acteur",
    kindPlaceholder: "Choisir un type…",
    name: "Nom",
    namePlaceholder: "Ex. Boulangerie Koenig, Les Jardins de la Montagne Verte…",
    sector: "Secteur d'activité",
    sectorPlaceholder: "Ex. Insertion par l'activité économique",
    sizeBand: "Taille",
    sizeBandNone: "Non précisée",
    website: "Site web",
    websitePlaceholder: "exemple.fr",
    siren: "SIREN",
    sirenHint: "9 chiffres",
    siret: "SIRET",
    siretHint: "14 chiffres, commence par le SIREN",
    rna: "RNA",
    rnaHint: "Associations : W suivi de 9 chiffres",
    legalRegime: "Régime de l'association",
    regimeGuessed: (regime: string) => `D'après le siège (${regime})`,
    regimeGuessedUnknown: "D'après le siège",
    regimeShort: { droit_local: "droit local", loi_1901: "loi 1901" },
    regimes: {
      droit_local: "Droit local d'Alsace-Moselle (association inscrite)",
      loi_1901: "Loi 1901 (association déclarée)",
    },
    registerCourt: "Tribunal judiciaire du registre",
    registerCourtPlaceholder: "Choisir le tribunal…",
    registerCourtSuggested: (court: string) => `Proposé d'après le siège\u00a0: ${court}`,
    registerVolume: "Volume",
    registerFolio: "Folio",
    registerNumber: "Numéro au registre",
    registerNumberHint: "Registre en ligne (AMALIA)",
    address: "Adresse",
    addressPlaceholder: "N° et rue",
    commune: "Commune",
    communePlaceholder: "Nom, code postal ou code INSEE",
    communePick: "Choisissez la commune dans la liste proposée.",
    communeNone: "Aucune commune trouvée.",
    communeSearching: "Recherche des communes…",
    needs: "Besoins",
    needsHelp: "Ce que l'acteur cherche.",
    offers: "Offres",
    offersHelp: "Ce que l'acteur peut apporter.",
    addNeed: "Ajouter un besoin",
    addOffer: "Ajouter une offre",
    resourceCategory: "Catégorie",
    resourceText: "Précisez",
    needPlaceholder: "Ex. un local de stockage de 50 m²",
    offerPlaceholder: "Ex. 2 jours de mécénat de compétences en comptabilité",
    removeResource: "Retirer cette ligne",
    stakes: "Enjeux",
    stakesPlaceholder: "Ce qui compte pour cet acteur : ses enjeux internes, ses priorités…",
    tags: "Mots-clés",
    tagsPlaceholder: "Ajouter un mot-clé (Entrée ou virgule)",
    removeTag: (tag: string) => `Retirer le mot-clé «\u00a0${tag}\u00a0»`,
    notes: "Notes",
    notesPlaceholder: "Vos notes sur cet acteur",
    bannerInvalid: "Certains champs sont à corriger : voyez les messages sous chaque champ.",
    unsavedTitle: "Abandonner les modifications ?",
    unsavedText: "Les informations saisies dans ce formulaire seront perdues.",
    unsavedConfirm: "Abandonner",
    unsavedCancel: "Continuer la saisie",
    requiredMark: "obligatoire",
  },
  contact: {
    title: "Contacts",
    new: "Ajouter un contact",
    none: "Aucun contact pour cet acteur.",
    noneHint: "Ajoutez les personnes avec qui vous êtes en relation.",
    edit: "Modifier le contact",
    delete: "Supprimer le contact",
    createTitle: "Nouveau contact",
    editTitle: (name: string) => `Modifier «\u00a0${name}\u00a0»`,
    create: "Ajouter le contact",
    save: "Enregistrer",
    firstName: "Prénom",
    lastName: "Nom",
    role: "Fonction",
    rolePlaceholder: "Ex. Responsable RSE",
    email: "E-mail",
    phone: "Téléphone",
    notes: "Notes",
    sectionPerson: "La personne",
    sectionGdpr: "Données personnelles (RGPD)",
    gdprHelp:
      "Pourquoi vous conservez ces données et ce que la personne a accepté. Référence de conservation : 3 ans après le dernier contact à son initiative.",
    legalBasis: "Base légale",
    source: "Source",
    sourceNone: "Non précisée",
    informedOn: "Personne informée le",
    informedOnHelp: "Date à laquelle la personne a été informée de l'enregistrement de ses données.",
    consents: "Consentements donnés",
    lastInitiatedOn: "Dernier contact à son initiative",
    today: "Aujourd'hui",
    datePlaceholder: "jj/mm/aaaa",
    informed: (d: string) => `Personne informée le ${d}`,
    lastInitiated: (d: string) => `Dernier contact à son initiative le ${d}`,
    reviewDue: (d: string) => `Conservation à revoir le ${d}`,
    reviewOverdue: (d: string) => `Conservation à revoir depuis le ${d}`,
    noConsent: "Aucun consentement",
    deleted: "Contact supprimé",
    created_toast: "Contact ajouté",
    saved_toast: "Contact enregistré",
    unnamed: "Sans nom",
  },
  data: dataFr,
  partnership: partnershipFr,
  possibles: possiblesFr,
  impact: impactFr,
  story: storyFr,
  fileDialogs: dialogsFr,
  events: eventsFr,
  confirm: {
    ok: "Confirmer",
    cancel: "Annuler",
  },
  toast: {
    undo: "Annuler",
    dismiss: "Fermer la notification",
    region: "Notifications",
  },
  shortcuts: {
    title: "Raccourcis clavier",
  },
  labels: { kinds, sizeBands, categories, legalBases, sources, consents, courts },
  contacts: contactsFr,
};

export type Messages = typeof fr;
