// Builds assets/communes/communes.tsv, Tisserand's offline referential of
// French communes, from the npm package @etalab/decoupage-administratif.
//
// Usage: cd scripts/referential && npm ci && node build-communes.mjs
//
// Plain Node 20 ESM, no dependency besides the data package itself.
// Output: UTF-8, '#' comment lines first, then one current commune per line,
// sorted by INSEE code, 9 tab-separated fields:
//   insee, name, postal codes (space-separated), département code,
//   département name, région code, région name, EPCI SIREN, EPCI name
// (the last two are empty when the commune belongs to no EPCI).

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

const PKG = '@etalab/decoupage-administratif';
const pkgDir = dirname(require.resolve(`${PKG}/package.json`));
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const load = (name) => JSON.parse(readFileSync(join(pkgDir, 'data', name), 'utf8'));

const communes = load('communes.json');
const epcis = load('epci.json');
const departements = load('departements.json');
const regions = load('regions.json');

const outPath = resolve(here, '..', '..', 'assets', 'communes', 'communes.tsv');

const fail = (msg) => {
  console.error(`build-communes: ${msg}`);
  process.exit(1);
};

// A field must never carry a tab or a line break; collapse any whitespace run.
const clean = (value) => String(value ?? '').replace(/\s+/g, ' ').trim();

const depByCode = new Map(departements.map((d) => [d.code, d]));
const regByCode = new Map(regions.map((r) => [r.code, r]));

// communes.json carries no EPCI link: it comes from the members of epci.json.
const epciByCommune = new Map();
for (const epci of epcis) {
  for (const member of epci.membres ?? []) {
    const previous = epciByCommune.get(member.code);
    if (previous && previous.code !== epci.code) {
      fail(`commune ${member.code} is a member of two EPCI: ${previous.code} and ${epci.code}`);
    }
    epciByCommune.set(member.code, epci);
  }
}

const rows = [];
const seen = new Set();
for (const c of communes) {
  if (c.type !== 'commune-actuelle') continue;
  if (seen.has(c.code)) fail(`duplicate INSEE code ${c.code}`);
  seen.add(c.code);
  const dep = depByCode.get(c.departement);
  const reg = regByCode.get(c.region);
  if (!dep) fail(`commune ${c.code}: unknown département ${c.departement}`);
  if (!reg) fail(`commune ${c.code}: unknown région ${c.region}`);
  const epci = epciByCommune.get(c.code);
  const postalCodes = [...new Set(c.codesPostaux ?? [])].sort();
  rows.push([
    clean(c.code),
    clean(c.nom),
    postalCodes.map(clean).join(' '),
    clean(dep.code),
    clean(dep.nom),
    clean(reg.code),
    clean(reg.nom),
    clean(epci?.code),
    clean(epci?.nom),
  ]);
}

// Plain code-unit order (not locale order), so that a binary search over the
// file works: Corse's 2A/2B codes fall between 29xxx and 30xxx.
rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

const header = [
  `# Tisserand offline referential of French communes (current communes only, type commune-actuelle).`,
  `# Source: npm package ${pkg.name}@${pkg.version} (data: INSEE Code officiel géographique, DGCL EPCI list, La Poste postal codes).`,
  `# Licence of the data: Licence Ouverte / Etalab 2.0 (https://www.etalab.gouv.fr/licence-ouverte-open-licence).`,
  `# Rebuild: cd scripts/referential && npm ci && node build-communes.mjs`,
  `# Columns (tab-separated): insee, name, postal_codes (space-separated), dep_code, dep_name, region_code, region_name, epci_siren, epci_name`,
];

const body = rows.map((r) => r.join('\t')).join('\n');
mkdirSync(dirname(outPath), { recursive: true });
writeFileSync(outPath, `${header.join('\n')}\n${body}\n`, 'utf8');

const withoutEpci = rows.filter((r) => r[7] === '').length;
console.log(`wrote ${rows.length} communes (${withoutEpci} without EPCI) to ${outPath}`);
