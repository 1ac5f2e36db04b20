// French texts of « Accueil »: the facilitator's day on one page.
const plural = (n: number, one: string, many: string) => (n <= 1 ? one : many);

export const homeFr = {
  title: "Accueil",
  subtitle: (day: string) => `Ce qui vous attend, ${day}.`,
  loading: "Préparation de votre journée…",
  loadError: "L'accueil n'a pas pu être préparé.",
  quick: {
    label: "Actions rapides",
    actor: "Nouvel acteur",
    partnership: "Nouveau partenariat",
    event: "Nouvel événement",
    import: "Importer",
  },
  actions: {
    title: "Actions à faire",
    none: "Aucune action datée : les prochaines actions des partenariats apparaîtront ici à leur échéance.",
    groups: { overdue: "En retard", today: "Aujourd'hui", thisWeek: "Cette semaine", later: "Plus tard" },
    overdueTotal: (n: string, count: number) => `${n} ${plural(count, "partenariat a", "partenariats ont")} une action en retard`,
    seeOverdue: "Voir sur le tableau",
    done: (text: string) => `Marquer « ${text} » comme faite`,
    doneToast: (text: string) => `« ${text} » est faite`,
    undone: "L'action est de nouveau à faire",
    owner: (name: string) => `par ${name}`,
  },
  event: {
    title: "Prochain événement",
    none: "Aucun événement à venir.",
    today: "aujourd'hui",
    tomorrow: "demain",
    inDays: (n: number) => `dans ${n} jours`,
    participants: (n: string, count: number) => `${n} ${plural(count, "participant inscrit", "participants inscrits")}`,
    planned: "Planning fait",
    notPlanned: "Planning pas encore fait",
    unplanned: (n: number) => `${n} ${plural(n, "inscrit", "inscrits")} après le planning : planifiez de nouveau`,
    printed: "Dossier imprimé",
    notPrinted: "Dossier pas encore imprimé depuis le dernier planning",
    open: "Ouvrir l'événement",
  },
  checks: {
    title: "Mesures et évaluations à venir",
    none: "Aucune mesure ni évaluation dans les 30 prochains jours.",
    hint: "Chaque indicateur se mesure au moins tous les 6 mois, chaque partenariat s'évalue chaque année avec ses partenaires.",
    measure: (indicator: string) => `Mesurer « ${indicator} »`,
    evaluation: "Évaluer avec les partenaires",
  },
  stuck: {
    title: "Au point mort",
    none: "Aucun partenariat arrêté depuis trois mois avant sa signature.",
    hint: "Pas signés et sans changement depuis trois mois.",
    since: (stage: string, day: string) => `${stage} · sans changement depuis le ${day}`,
  },
  reviews: {
    title: "Contacts à revoir (RGPD)",
    none: "Aucune conservation de données à revoir dans les 30 prochains jours.",
    hint: "Trois ans après le dernier contact venu de la personne\u00a0: lui redemander ou effacer.",
    due: (day: string) => `à revoir le ${day}`,
    overdue: (day: string) => `à revoir depuis le ${day}`,
  },
  recent: {
    title: "Derniers changements",
    none: "Rien n'a encore été saisi.",
    created: "créé",
    updated: "modifié",
    kinds: { actor: "Acteur", contact: "Contact", partnership: "Partenariat", event: "Événement" },
  },
  more: (n: string) => `et ${n} de plus`,
  overdue: "en retard",
};

export type HomeMessages = typeof homeFr;
