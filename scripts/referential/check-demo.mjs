// Checks assets/demo/territory.json against assets/communes/communes.tsv.
//
// Usage: node scripts/referential/check-demo.mjs [path/to/territory.json]
// (from anywhere; no npm install needed). Exits 1 and lists every fault when
// the file is wrong.

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const demoPath = process.argv[2] ? resolve(process.argv[2]) : resolve(root, 'assets', 'demo', 'territory.json');
const tsvPath = resolve(root, 'assets', 'communes', 'communes.tsv');

const KINDS = ['entreprise', 'association', 'collectivite', 'fondation', 'financeur', 'etablissement_public', 'autre'];
const SIZE_BANDS = ['micro', 'petite', 'moyenne', 'intermediaire', 'grande'];
const CATEGORIES = ['competences', 'locaux', 'materiel', 'financement', 'achats', 'benevolat', 'visibilite', 'autre'];
const LEGAL_BASES = ['interet_legitime', 'consentement', 'contrat'];
const SOURCES = ['carte_de_visite', 'evenement', 'site_web', 'recommandation', 'import', 'autre'];
const CONSENTS = ['newsletter', 'liste_participants', 'photos', 'objection'];
const ACTOR_FIELDS = ['key', 'kind', 'name', 'siren', 'siret', 'rna', 'address', 'communeInsee', 'sector', 'sizeBand', 'website', 'needs', 'offers', 'stakes', 'tags', 'notes'];
// Associations of Alsace-Moselle: their entry in a court's register of associations (optional fields).
const REGISTER_FIELDS = ['legalRegime', 'registerCourt', 'registerVolume', 'registerFolio', 'registerNumber'];
// Optional: the actor agreed to be named as a partner (the impact report lists it).
const OPTIONAL_FIELDS = ['namedPartner'];
const REGIMES = ['droit_local', 'loi_1901'];
const COURTS = { '67': ['strasbourg', 'saverne', 'colmar', 'mulhouse'], '68': ['strasbourg', 'saverne', 'colmar', 'mulhouse'], '57': ['metz', 'thionville', 'sarreguemines'] };
const CONTACT_FIELDS = ['actor', 'firstName', 'lastName', 'role', 'email', 'phone', 'legalBasis', 'source', 'informedOn', 'consents', 'lastInitiatedOn', 'notes'];
const MIN = { actors: 64, contacts: 90, communes: 28 };

const errors = [];
const fault = (where, msg) => errors.push(`${where}: ${msg}`);

const luhn = (digits) => {
  let sum = 0;
  [...digits].reverse().forEach((c, i) => {
    let d = Number(c);
    if (i % 2 === 1) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
  });
  return sum % 10 === 0;
};
const isDate = (s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
const optString = (v) => v === null || (typeof v === 'string' && v.trim() !== '' && !/[\t\n\r]/.test(v));
const text = (v) => typeof v === 'string' && v.trim() !== '';

// INSEE code → TSV fields.
const communes = new Map(
  readFileSync(tsvPath, 'utf8').split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split('\t'))
    .map((f) => [f[0], f]),
);

const raw = readFileSync(demoPath, 'utf8');
const demo = JSON.parse(raw);
if (raw !== `${JSON.stringify(demo, null, 2)}\n`) fault('file', 'not formatted as JSON with 2-space indentation and a final newline');

const keys = new Set();
const contactsPerActor = new Map();
const kinds = Object.fromEntries(KINDS.map((k) => [k, 0]));
const usedCommunes = new Set();

for (const [i, a] of (demo.actors ?? []).entries()) {
  const at = `actors[${i}] ${a.key ?? '?'}`;
  for (const f of Object.keys(a)) if (!ACTOR_FIELDS.includes(f) && !REGISTER_FIELDS.includes(f) && !OPTIONAL_FIELDS.includes(f)) fault(at, `unknown field ${f}`);
  for (const f of ACTOR_FIELDS) if (!(f in a)) fault(at, `missing field ${f}`);
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(a.key ?? '')) fault(at, 'key must be lowercase words joined by dashes');
  if (keys.has(a.key)) fault(at, 'duplicate key');
  keys.add(a.key);
  if (!KINDS.includes(a.kind)) fault(at, `kind ${a.kind} not allowed`); else kinds[a.kind] += 1;
  if (!text(a.name)) fault(at, 'name is required');
  if (a.siren !== null && !(/^\d{9}$/.test(a.siren) && luhn(a.siren))) fault(at, `SIREN ${a.siren} is not 9 digits with a valid Luhn key`);
  if (a.siret !== null) {
    if (!(/^\d{14}$/.test(a.siret) && luhn(a.siret))) fault(at, `SIRET ${a.siret} is not 14 digits with a valid Luhn key`);
    if (a.siren === null || !a.siret.startsWith(a.siren)) fault(at, 'SIRET must start with the SIREN');
  }
  // Every demo commune is in Alsace, where associations are « inscrites » at the register of the tribunal
  // judiciaire of their seat (droit local), not declared under the 1901 law: no RNA numbers.
  if (a.rna !== null) fault(at, `RNA ${a.rna}: associations of Alsace-Moselle have no RNA number, give their register entry`);
  const dep = communes.get(a.communeInsee)?.[3];
  const hasEntry = REGISTER_FIELDS.slice(1).some((f) => a[f] != null);
  if (a.kind !== 'association') {
    for (const f of REGISTER_FIELDS) if (a[f] != null) fault(at, `${f}: only associations have a regime and a register entry`);
  } else {
    if (a.legalRegime != null && !REGIMES.includes(a.legalRegime)) fault(at, `legalRegime ${a.legalRegime} not allowed`);
    if (a.legalRegime === 'loi_1901') fault(at, 'an association seated in Alsace is of droit local');
    if (!hasEntry) fault(at, 'an association of Alsace needs its register entry (registerCourt, registerVolume, registerFolio)');
    if (!(COURTS[dep] ?? []).includes(a.registerCourt)) fault(at, `registerCourt ${a.registerCourt} does not keep registers for département ${dep}`);
    if ((a.registerVolume == null) !== (a.registerFolio == null)) fault(at, 'registerVolume and registerFolio go together');
    for (const f of ['registerVolume', 'registerFolio']) if (a[f] != null && !/^\d{1,4}$/.test(a[f])) fault(at, `${f} ${a[f]} is not a number`);
    if (a.registerNumber != null && !optString(a.registerNumber)) fault(at, 'registerNumber must be a one-line text');
  }
  if (a.sizeBand !== null && !SIZE_BANDS.includes(a.sizeBand)) fault(at, `sizeBand ${a.sizeBand} not allowed`);
  if (a.website !== null && !/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}(\/\S*)?$/.test(a.website)) fault(at, `website ${a.website} looks wrong`);
  for (const f of ['address', 'sector', 'stakes', 'notes']) if (!optString(a[f])) fault(at, `${f} must be null or a one-line non-empty text`);
  const commune = communes.get(a.communeInsee);
  if (!commune) fault(at, `INSEE code ${a.communeInsee} is not in communes.tsv`);
  else {
    usedCommunes.add(a.communeInsee);
    if (!['67', '68'].includes(commune[3])) fault(at, `commune ${commune[1]} is outside Bas-Rhin and Haut-Rhin`);
  }
  for (const side of ['needs', 'offers']) {
    const list = a[side] ?? [];
    if (list.length < 1 || list.length > 4) fault(at, `${side}: ${list.length} items, 1 to 4 expected`);
    for (const r of list) {
      if (!CATEGORIES.includes(r.category)) fault(at, `${side} category ${r.category} not allowed`);
      if (!text(r.text) || /[\t\n]/.test(r.text)) fault(at, `${side} text must be a one-line non-empty text`);
    }
  }
  const tags = a.tags ?? [];
  if (tags.length < 1 || tags.length > 4) fault(at, `tags: ${tags.length}, 1 to 4 expected`);
  for (const t of tags) if (typeof t !== 'string' || t !== t.toLowerCase() || t.trim() !== t || t === '') fault(at, `tag "${t}" must be lowercase`);
  if (new Set(tags).size !== tags.length) fault(at, 'duplicate tag');
}

const people = new Set();
for (const [i, c] of (demo.contacts ?? []).entries()) {
  const at = `contacts[${i}] ${c.firstName ?? ''} ${c.lastName ?? ''}`;
  for (const f of Object.keys(c)) if (!CONTACT_FIELDS.includes(f)) fault(at, `unknown field ${f}`);
  for (const f of CONTACT_FIELDS) if (!(f in c)) fault(at, `missing field ${f}`);
  if (!keys.has(c.actor)) fault(at, `actor ${c.actor} does not exist`);
  contactsPerActor.set(c.actor, (contactsPerActor.get(c.actor) ?? 0) + 1);
  if (!text(c.firstName) || !text(c.lastName)) fault(at, 'first and last names are required');
  const person = `${c.firstName} ${c.lastName}`;
  if (people.has(person)) fault(at, 'the same person appears twice');
  people.add(person);
  if (!optString(c.role) || !optString(c.notes)) fault(at, 'role and notes must be null or one-line texts');
  if (c.email !== null && !/^[a-z0-9._-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/.test(c.email)) fault(at, `e-mail ${c.email} looks wrong`);
  if (c.phone !== null && !/^0[1-79]( \d{2}){4}$/.test(c.phone)) fault(at, `phone ${c.phone} is not like 03 88 12 34 56`);
  if (!LEGAL_BASES.includes(c.legalBasis)) fault(at, `legalBasis ${c.legalBasis} not allowed`);
  if (c.source !== null && !SOURCES.includes(c.source)) fault(at, `source ${c.source} not allowed`);
  for (const f of ['informedOn', 'lastInitiatedOn']) if (c[f] !== null && !isDate(c[f])) fault(at, `${f} ${c[f]} is not a yyyy-mm-dd date`);
  const consents = c.consents ?? [];
  for (const k of consents) if (!CONSENTS.includes(k)) fault(at, `consent ${k} not allowed`);
  if (new Set(consents).size !== consents.length) fault(at, 'duplicate consent');
  if (c.legalBasis === 'consentement' && consents.length === 0) fault(at, 'legal basis is consent but no consent is recorded');
}

for (const k of keys) if (!contactsPerActor.has(k)) fault(`actor ${k}`, 'has no contact');
for (const k of KINDS) if (kinds[k] < 1) fault('kinds', `no actor of kind ${k}`);
const nActors = demo.actors?.length ?? 0;
const nContacts = demo.contacts?.length ?? 0;
if (nActors < MIN.actors) fault('actors', `${nActors}, at least ${MIN.actors} expected`);
if (nContacts < MIN.contacts) fault('contacts', `${nContacts}, at least ${MIN.contacts} expected`);
if (usedCommunes.size < MIN.communes) fault('communes', `${usedCommunes.size}, at least ${MIN.communes} expected`);

const byDep = {};
for (const code of usedCommunes) byDep[code.slice(0, 2)] = (byDep[code.slice(0, 2)] ?? 0) + 1;
console.log(`actors: ${nActors} (${KINDS.map((k) => `${k} ${kinds[k]}`).join(', ')})`);
console.log(`contacts: ${nContacts}`);
console.log(`communes: ${usedCommunes.size} (${Object.entries(byDep).map(([d, n]) => `${d}: ${n}`).join(', ')})`);
if (errors.length) {
  console.error(`\n${errors.length} fault(s):\n${errors.map((e) => `- ${e}`).join('\n')}`);
  process.exit(1);
}
console.log('territory.json is valid');
