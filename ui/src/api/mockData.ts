// Fake but plausible data for `vite --mode mock`: a fictional Alsatian
// territory (30 actors) and a generator for large directories. Never part of
// the production build (only devMock.ts imports it, through a dynamic import).
import type { ActorKind } from "../bindings/ActorKind";
import type { Consent } from "../bindings/Consent";
import type { ContactSource } from "../bindings/ContactSource";
import type { LegalBasis } from "../bindings/LegalBasis";
import type { Resource } from "../bindings/Resource";
import type { SizeBand } from "../bindings/SizeBand";

export type SeedActor = {
  kind: ActorKind;
  name: string;
  insee: string | null;
  sector: string | null;
  sizeBand?: SizeBand | null;
  siren?: string | null;
  rna?: string | null;
  website?: string | null;
  address?: string | null;
  needs?: Resource[];
  offers?: Resource[];
  stakes?: string | null;
  tags?: string[];
  notes?: string | null;
  contacts?: SeedContact[];
};

export type SeedContact = {
  firstName: string;
  lastName: string;
  role?: string | null;
  email?: string | null;
  phone?: string | null;
  legalBasis?: LegalBasis;
  source?: ContactSource | null;
  informedOn?: string | null;
  consents?: Consent[];
  lastInitiatedOn?: string | null;
};

/** A deterministic pseudo-random generator (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Appends the Luhn check digit to 8 digits: a valid SIREN. */
export function sirenFrom(eight: string): string {
  for (let d = 0; d <= 9; d++) {
    const candidate = eight + String(d);
    let sum = 0;
    for (let i = 0; i < 9; i++) {
      let n = Number(candidate[8 - i]);
      if (i % 2 === 1) {
        n *= 2;
        if (n > 9) n -= 9;
      }
      sum += n;
    }
    if (sum % 10 === 0) return candidate;
  }
  return eight + "0";
}

const LONG_NOTES = Array.from(
  { length: 60 },
  (_, i) =>
    `${i + 1}. Rencontre du ${1 + (i % 28)} ${["janvier", "mars", "mai", "septembre", "novembre"][i % 5]} : ` +
    "échange avec la direction sur les besoins en bénévolat de compétences, la mise à disposition de la salle polyvalente " +
    "et un projet de chantier d'insertion autour du réemploi de mobilier de bureau. Relancer avant la prochaine rencontre.",
).join("\n");

export const DEMO_ACTORS: SeedActor[] = [
  {
    kind: "association",
    name: "Les Jardins de la Montagne Verte",
    insee: "67482",
    sector: "Insertion par l'activité économique",
    sizeBand: "petite",
    rna: "W672001234",
    siren: "449874320",
    website: "https://jardins-montagne-verte.example.org",
    address: "12 rue du Maréchal Lefebvre",
    needs: [
      { category: "locaux", text: "Un local de stockage de 50 m² pour les récoltes d'hiver" },
      { category: "competences", text: "Accompagnement en comptabilité analytique" },
      { category: "materiel", text: "Une camionnette frigorifique, même ancienne" },
    ],
    offers: [
      { category: "achats", text: "Paniers de légumes bio pour les restaurants d'entreprise" },
      { category: "visibilite", text: "Journées portes ouvertes avec les salariés des partenaires" },
    ],
    stakes: "Diversifier les financements au-delà des aides publiques ; trouver des débouchés stables pour les salariés en insertion.",
    tags: ["insertion", "alimentation", "ESS", "environnement"],
    notes:
      "Rencontrés au speed dating de mars. Très motivés par un partenariat avec une entreprise de restauration collective.\nPrésidente disponible le mardi.",
    contacts: [
      {
        firstName: "Aïcha",
        lastName: "Benali",
        role: "Directrice",
        email: "a.benali@jardins-mv.example.org",
        phone: "03 88 12 34 56",
        source: "evenement",
        informedOn: "2026-03-14",
        consents: ["newsletter", "liste_participants"],
        lastInitiatedOn: "2026-09-02",
      },
      {
        firstName: "Marc",
        lastName: "Hirtz",
        role: "Encadrant technique",
        email: "m.hirtz@jardins-mv.example.org",
        source: "carte_de_visite",
        informedOn: "2026-03-14",
      },
    ],
  },
  {
    kind: "entreprise",
    name: "Boulangerie Koenig & Fils",
    insee: "67462",
    sector: "Boulangerie-pâtisserie",
    sizeBand: "petite",
    siren: "552032534",
    address: "4 place du Marché-Vert",
    offers: [
      { category: "materiel", text: "Invendus du jour pour une distribution solidaire" },
      { category: "competences", text: "Initiation au métier de boulanger pour des jeunes en décrochage" },
    ],
    needs: [{ category: "visibilite", text: "Se faire connaître des associations du Centre-Alsace" }],
    tags: ["alimentation", "artisanat", "jeunesse"],
    contacts: [
      {
        firstName: "Jean",
        lastName: "Koenig",
        role: "Gérant",
        phone: "03 88 92 11 20",
        source: "recommandation",
        informedOn: "2025-11-20",
        lastInitiatedOn: "2023-05-10",
      },
    ],
  },
  {
    kind: "collectivite",
    name: "Communauté de communes de Sélestat",
    insee: "67462",
    sector: "Intercommunalité",
    sizeBand: "moyenne",
    siren: "246700967",
    website: "https://www.cc-selestat.example.fr",
    needs: [{ category: "competences", text: "Partenaires pour le plan alimentaire territorial" }],
    offers: [
      { category: "locaux", text: "Salles de réunion gratuites pour les associations" },
      { category: "financement", text: "Appel à projets « Initiatives solidaires » (5 000 € max.)" },
    ],
    tags: ["alimentation", "mobilité"],
    contacts: [
      {
        firstName: "Claire",
        lastName: "Muller",
        role: "Chargée de mission développement économique",
        email: "claire.muller@cc-selestat.example.fr",
        phone: "03 88 58 01 60",
        source: "site_web",
        informedOn: "2026-01-09",
        consents: ["newsletter"],
      },
    ],
  },
  {
    kind: "fondation",
    name: "Fondation Rhin Solidaire",
    insee: "67482",
    sector: "Philanthropie",
    sizeBand: "micro",
    offers: [
      { category: "financement", text: "Bourses de 2 000 à 15 000 € pour des projets d'insertion des jeunes" },
      { category: "competences", text: "Mentorat par des cadres retraités" },
    ],
    tags: ["jeunesse", "emploi"],
  },
  {
    kind: "financeur",
    name: "France Active Alsace",
    insee: "67482",
    sector: "Finance solidaire",
    sizeBand: "petite",
    siren: "428626469",
    offers: [
      { category: "financement", text: "Garanties d'emprunt et prêts d'honneur pour les entreprises de l'ESS" },
      { category: "competences", text: "Accompagnement au montage financier" },
    ],
    tags: ["ESS", "emploi"],
    contacts: [
      {
        firstName: "Thomas",
        lastName: "Schmitt",
        role: "Chargé d'investissement",
        email: "t.schmitt@franceactive-alsace.example.org",
        phone: "+33 3 88 10 20 30",
        source: "evenement",
        informedOn: "2026-05-19",
        consents: ["liste_participants", "photos"],
        lastInitiatedOn: "2026-10-03",
      },
    ],
  },
  {
    kind: "etablissement_public",
    name: "Lycée professionnel Jean Rostand",
    insee: "67482",
    sector: "Enseignement",
    sizeBand: "moyenne",
    needs: [{ category: "competences", text: "Stages en menuiserie et en maintenance pour 24 élèves" }],
    offers: [{ category: "benevolat", text: "Chantiers d'élèves pour des associations (mobilier, signalétique)" }],
    tags: ["jeunesse", "formation"],
  },
  {
    kind: "entreprise",
    name: "Transports Weber",
    insee: "67180",
    sector: "Transport routier de marchandises",
    sizeBand: "moyenne",
    siren: "382187169",
    offers: [
      { category: "materiel", text: "Prêt de véhicules le week-end" },
      { category: "competences", text: "Formation à l'éco-conduite" },
    ],
    needs: [{ category: "achats", text: "Prestataire d'insertion pour le nettoyage des véhicules" }],
    tags: ["mobilité", "environnement", "insertion"],
    contacts: [
      { firstName: "Sophie", lastName: "Weber", role: "Responsable RSE", email: "s.weber@transports-weber.example.com" },
      { firstName: "Luc", lastName: "Bauer", role: "Directeur d'exploitation", phone: "06 12 34 56 78" },
    ],
  },
  {
    kind: "association",
    name: "Banque alimentaire du Centre-Alsace",
    insee: "67462",
    sector: "Aide alimentaire",
    sizeBand: "petite",
    rna: "W671005678",
    needs: [
      { category: "benevolat", text: "Bénévoles pour la collecte nationale de novembre" },
      { category: "locaux", text: "Chambre froide" },
    ],
    tags: ["alimentation", "solidarité"],
  },
  {
    kind: "entreprise",
    name: "Imprimerie Heitz",
    insee: "68066",
    sector: "Imprimerie",
    sizeBand: "petite",
    siren: "318447223",
    offers: [{ category: "materiel", text: "Chutes de papier et cartons pour les ateliers créatifs" }],
    tags: ["économie circulaire", "culture"],
  },
  {
    kind: "association",
    name: "Compagnie du Cirque Léger",
    insee: "68224",
    sector: "Spectacle vivant",
    sizeBand: "micro",
    rna: "W681002211",
    needs: [{ category: "financement", text: "Billets pour des enfants de familles modestes" }],
    offers: [{ category: "visibilite", text: "Spectacles dans les entreprises partenaires" }],
    tags: ["culture", "jeunesse"],
  },
  {
    kind: "collectivite",
    name: "Ville de Colmar",
    insee: "68066",
    sector: "Commune",
    sizeBand: "intermediaire",
    tags: ["culture", "tourisme"],
  },
  {
    kind: "entreprise",
    name: "Menuiserie Kieffer",
    insee: "67339",
    sector: "Menuiserie",
    sizeBand: "micro",
    siren: "790354146",
    offers: [{ category: "competences", text: "Chantier-école pour des personnes en reconversion" }],
    tags: ["artisanat", "formation"],
  },
  {
    kind: "association",
    name: "Emmaüs Centre-Alsace",
    insee: "67462",
    sector: "Réemploi",
    sizeBand: "petite",
    rna: "W671000042",
    needs: [{ category: "materiel", text: "Mobilier de bureau réformé" }],
    offers: [{ category: "achats", text: "Ressourcerie : mobilier de seconde main" }],
    tags: ["économie circulaire", "insertion", "ESS"],
  },
  {
    kind: "entreprise",
    name: "Brasserie du Haut-Koenigsbourg",
    insee: "67462",
    sector: "Brasserie artisanale",
    sizeBand: "petite",
    tags: ["alimentation", "tourisme"],
  },
  {
    kind: "autre",
    name: "Collectif des tiers-lieux d'Alsace",
    insee: "68224",
    sector: "Réseau",
    tags: ["numérique", "ESS", "un-mot-clé-particulièrement-long-pour-vérifier-la-mise-en-page"],
    website: `https://tiers-lieux-alsace.example.org/${"tres-long-chemin/".repeat(12)}`,
    notes: `Lien copié depuis un courriel : https://exemple.org/?ref=${"0123456789abcdef".repeat(120)}`,
  },
  {
    kind: "association",
    name: "Association pour le droit à l'initiative économique — antenne du Haut-Rhin, Mulhouse Sud Alsace et vallées vosgiennes (ADIE)",
    insee: "68224",
    sector: "Microcrédit",
    sizeBand: "petite",
    offers: [{ category: "financement", text: "Microcrédits jusqu'à 12 000 €" }],
    tags: ["emploi", "ESS", "insertion", "numérique", "formation", "jeunesse"],
    notes: LONG_NOTES,
    contacts: [
      {
        firstName: "Nadia",
        lastName: "Oudin-Schwartzenberger",
        role: "Conseillère",
        email: "nadia.oudin-schwartzenberger@adie-haut-rhin.example.org",
        phone: "03 89 00 00 00",
      },
    ],
  },
  {
    kind: "entreprise",
    name: "Garage Schneider",
    insee: "67180",
    sector: "Réparation automobile",
    sizeBand: "micro",
    tags: ["mobilité"],
  },
  {
    kind: "etablissement_public",
    name: "Centre hospitalier de Sélestat",
    insee: "67462",
    sector: "Santé",
    sizeBand: "intermediaire",
    tags: ["santé"],
  },
  {
    kind: "association",
    name: "Les Restos du Cœur — Obernai",
    insee: "67348",
    sector: "Aide alimentaire",
    tags: ["alimentation", "solidarité"],
  },
  {
    kind: "entreprise",
    name: "Fromagerie Wolff",
    insee: "68269",
    sector: "Fromagerie",
    sizeBand: "micro",
    tags: ["alimentation", "agriculture"],
  },
  {
    kind: "financeur",
    name: "Caisse d'épargne — Fonds de dotation Grand Est",
    insee: "67482",
    sector: "Banque",
    tags: ["ESS"],
  },
  {
    kind: "collectivite",
    name: "Commune d'Obernai",
    insee: "67348",
    sector: "Commune",
    tags: ["tourisme"],
  },
  {
    kind: "association",
    name: "Club sportif de Bischwiller",
    insee: "67046",
    sector: "Sport",
    tags: ["sport", "jeunesse"],
  },
  {
    kind: "entreprise",
    name: "Scierie Zimmermann",
    insee: "68269",
    sector: "Sciage du bois",
    sizeBand: "petite",
    tags: ["environnement", "artisanat"],
  },
  {
    kind: "fondation",
    name: "Fonds de dotation Alsace Demain",
    insee: "68224",
    sector: "Philanthropie",
    tags: ["environnement", "jeunesse"],
  },
  {
    kind: "association",
    name: "Réseau Éco-Habitat",
    insee: "67218",
    sector: "Logement",
    tags: ["logement", "environnement"],
  },
  {
    kind: "entreprise",
    name: "Laboratoire Fischer Analyses",
    insee: "67482",
    sector: "Analyses médicales",
    sizeBand: "moyenne",
    tags: ["santé"],
  },
  {
    kind: "association",
    name: "Café « Le Zèbre » 🦓",
    insee: "67482",
    sector: "Café associatif",
    tags: ["culture", "numérique"],
  },
  {
    kind: "etablissement_public",
    name: "Chambre de métiers d'Alsace",
    insee: "67482",
    sector: "Chambre consulaire",
    tags: ["artisanat", "formation"],
  },
  {
    kind: "entreprise",
    name: "Atelier Roth Numérique",
    insee: "68224",
    sector: "Services informatiques",
    sizeBand: "micro",
    offers: [{ category: "competences", text: "Refonte de sites web associatifs en mécénat de compétences" }],
    tags: ["numérique"],
  },
];

const SURNAMES = [
  "Muller", "Schmitt", "Meyer", "Weber", "Klein", "Fischer", "Wagner", "Koenig", "Bauer", "Hoffmann",
  "Roth", "Walter", "Schneider", "Lang", "Heitz", "Kieffer", "Zimmermann", "Wolff", "Kuntz", "Ehrhart",
  "Martin", "Bernard", "Dubois", "Haas", "Keller", "Frey", "Jung", "Becker", "Graff", "Stoltz",
];
const FIRST_NAMES = [
  "Anne", "Paul", "Claire", "Lucas", "Sarah", "Hugo", "Léa", "Karim", "Emma", "Yannick", "Inès", "Jules",
  "Nathalie", "Pierre", "Fatou", "Mathieu", "Julie", "Olivier", "Camille", "Antoine",
];
const COMPANY_PREFIX = [
  "Boulangerie", "Menuiserie", "Garage", "Imprimerie", "Brasserie", "Transports", "Atelier", "Cabinet",
  "Laboratoire", "Scierie", "Fromagerie", "Pharmacie", "Charpente", "Électricité", "Plomberie", "Traiteur",
];
const COMPANY_SUFFIX = ["", "", " & Fils", " SARL", " SAS", " et Associés", " Frères"];
const ASSO_PREFIX = [
  "Association", "Amicale", "Les Amis de", "Club", "Union", "Collectif", "Compagnie", "Jardins partagés de",
];
const PLACES = [
  "la Petite France", "la Robertsau", "l'Ill", "la Bruche", "la vallée de Munster", "l'Outre-Forêt", "Neudorf",
  "la Krutenau", "la Doller", "la Thur", "la Sauer", "Hautepierre",
];
const SECTORS = [
  "Artisanat", "Commerce de détail", "Industrie agroalimentaire", "Services numériques", "Bâtiment",
  "Transport", "Action sociale", "Culture", "Sport", "Santé", "Enseignement", "Tourisme", "Agriculture",
  "Insertion par l'activité économique", "Environnement", "Finance solidaire",
];
const TAGS = [
  "insertion", "numérique", "économie circulaire", "mobilité", "alimentation", "culture", "jeunesse",
  "handicap", "environnement", "sport", "santé", "formation", "logement", "seniors", "tourisme",
  "artisanat", "agriculture", "ESS", "égalité", "emploi",
];
const KINDS: ActorKind[] = [
  "entreprise", "entreprise", "entreprise", "entreprise", "association", "association", "association",
  "collectivite", "fondation", "financeur", "etablissement_public", "autre",
];

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)] as T;
}

/** `count` generated actors, the same ones for the same seed. */
export function generateActors(count: number, communeCodes: readonly string[], communeNames: (insee: string) => string, seed = 7): SeedActor[] {
  const r = rng(seed);
  const out: SeedActor[] = [];
  for (let i = 0; i < count; i++) {
    const kind = pick(r, KINDS);
    const insee = r() < 0.95 ? pick(r, communeCodes) : null;
    const place = insee ? communeNames(insee) : pick(r, PLACES);
    let name: string;
    switch (kind) {
      case "entreprise":
        name =
          r() < 0.5
            ? `${pick(r, COMPANY_PREFIX)} ${pick(r, SURNAMES)}${pick(r, COMPANY_SUFFIX)}`
            : `${pick(r, COMPANY_PREFIX)} ${pick(r, FIRST_NAMES)} ${pick(r, SURNAMES)} — ${place}`;
        break;
      case "association":
        name = `${pick(r, ASSO_PREFIX)} ${r() < 0.3 ? pick(r, PLACES) : place}`;
        break;
      case "collectivite":
        name = r() < 0.7 ? `Commune de ${place}` : `Communauté de communes de ${place}`;
        break;
      case "fondation":
        name = `Fondation ${pick(r, FIRST_NAMES)} ${pick(r, SURNAMES)}`;
        break;
      case "financeur":
        name = `Fonds ${pick(r, ["solidaire", "territorial", "d'amorçage", "ESS"])} de ${place}`;
        break;
      case "etablissement_public":
        name = `${pick(r, ["Lycée", "Collège", "Centre hospitalier", "Médiathèque"])} de ${place}`;
        break;
      default:
        name = `${pick(r, ["Groupement", "Réseau", "Coopérative"])} ${pick(r, SURNAMES)} ${place}`;
    }
    const tagCount = Math.floor(r() * 5);
    const tags: string[] = [];
    for (let k = 0; k < tagCount; k++) {
      const tag = pick(r, TAGS);
      if (!tags.includes(tag)) tags.push(tag);
    }
    out.push({
      kind,
      name,
      insee,
      sector: r() < 0.85 ? pick(r, SECTORS) : null,
      siren: kind === "entreprise" ? sirenFrom(String(10_000_000 + Math.floor(r() * 89_999_999))) : null,
      tags,
      contacts: Array.from({ length: Math.floor(r() * 4) }, () => ({
        firstName: pick(r, FIRST_NAMES),
        lastName: pick(r, SURNAMES),
        role: pick(r, ["Gérant·e", "Présidente", "Trésorier", "Chargée de mission", "Directeur", "Responsable RSE"]),
      })),
    });
  }
  return out;
}
