// Written by `cargo test` (crates/domain/src/actor/subcategory.rs): the sub-categories of each
// resource category, in order, with their labels. Do not edit.
import type { ResourceCategory } from "./ResourceCategory";
import type { ResourceSubcategory } from "./ResourceSubcategory";

export type SubcategoryLabel = { code: ResourceSubcategory; fr: string; en: string };

export const SUBCATEGORIES: Record<ResourceCategory, readonly SubcategoryLabel[]> = {
  competences: [{ code: "comptables", fr: "Comptables et financières", en: "Accounting and finance" }, { code: "juridiques", fr: "Juridiques", en: "Legal" }, { code: "numeriques", fr: "Numériques", en: "Digital" }, { code: "communication", fr: "Communication", en: "Communication" }, { code: "rh", fr: "Ressources humaines et inclusion", en: "Human resources and inclusion" }, { code: "formation", fr: "Formation et animation", en: "Training and workshops" }, { code: "techniques", fr: "Techniques et environnement", en: "Technical and environment" }],
  locaux: [{ code: "stockage", fr: "Stockage", en: "Storage" }, { code: "reunion", fr: "Salles de réunion et d'activité", en: "Meeting and activity rooms" }, { code: "bureaux", fr: "Bureaux", en: "Offices" }, { code: "ateliers", fr: "Ateliers et cuisines", en: "Workshops and kitchens" }, { code: "terrains", fr: "Terrains et jardins", en: "Land and gardens" }],
  materiel: [{ code: "vehicules", fr: "Véhicules", en: "Vehicles" }, { code: "informatique", fr: "Informatique", en: "Computers" }, { code: "mobilier", fr: "Mobilier", en: "Furniture" }, { code: "outillage", fr: "Outillage et machines", en: "Tools and machines" }, { code: "materiaux", fr: "Matériaux", en: "Materials" }, { code: "alimentaire", fr: "Produits alimentaires", en: "Food" }, { code: "equipements", fr: "Équipements", en: "Equipment" }],
  financement: [{ code: "dons", fr: "Dons et subventions", en: "Gifts and grants" }, { code: "prets", fr: "Prêts et investissement", en: "Loans and investment" }],
  achats: [],
  benevolat: [],
  visibilite: [],
  autre: [],
};
