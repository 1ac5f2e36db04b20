// Behaviour checks of the window against the mock backend, in Debian's
// Chromium (not part of `npm test`: it needs a browser). Run: npm run smoke
import assert from "node:assert/strict";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { createServer } from "vite";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const server = await createServer({ root, mode: "mock", logLevel: "warn", server: { port: 0, strictPort: false } });
await server.listen();
const address = server.httpServer?.address();
const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 1420}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

// Warm-up: Vite optimises dependencies on the first visit and may reload.
{
  const page = await browser.newPage();
  await page.goto(`${base}#/annuaire`);
  await page.waitForSelector(".shell", { timeout: 30_000 }).catch(() => undefined);
  await page.waitForTimeout(1500);
  await page.close();
}
const sel = (id) => `[data-testid="${id}"]`;

const checks = [];
const check = (name, fn) => checks.push([name, fn]);

check("first run: welcome, then the demo territory in the list", async (page) => {
  await page.goto(`${base}?mock=empty`);
  await page.click(sel("welcome-demo"));
  await page.waitForSelector(sel("actor-row"), { timeout: 10_000 });
  assert.match(await page.locator(sel("toast")).first().innerText(), /Territoire de démonstration chargé/);
});

check("first run: empty directory offers Ctrl+N", async (page) => {
  await page.goto(`${base}?mock=empty`);
  await page.click(sel("welcome-empty"));
  await page.waitForSelector(sel("actor-new"));
  await page.keyboard.press("Control+n");
  await page.waitForSelector(sel("actor-form"));
});

check("100 000 rows: scroll, keyboard, open, Esc back to the same place", async (page) => {
  await page.goto(`${base}?mock=big#/annuaire`);
  await page.waitForSelector(sel("actor-row"));
  assert.match(await page.locator(".page-subtitle").innerText(), /100\u202f000 acteurs/);
  const list = page.locator(sel("actor-list"));
  await list.evaluate((el) => (el.scrollTop = 3_000_000));
  await page.waitForTimeout(300);
  await list.focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  const selected = page.locator(`${sel("actor-row")}[aria-selected="true"]`);
  const id = await selected.getAttribute("data-id");
  const name = await selected.locator(".list-row__name").innerText();
  const before = await list.evaluate((el) => el.scrollTop);
  assert.ok(before > 2_900_000, `scrollTop ${before}`);
  await page.keyboard.press("Enter");
  await page.waitForSelector(sel("actor-title"));
  assert.equal(await page.locator(sel("actor-title")).innerText(), name);
  await page.keyboard.press("Escape");
  await page.waitForSelector(sel("actor-row"));
  await page.waitForTimeout(200);
  const after = await page.locator(sel("actor-list")).evaluate((el) => el.scrollTop);
  assert.ok(Math.abs(after - before) < 2, `scroll restored: ${before} → ${after}`);
  assert.equal(await page.locator(`${sel("actor-row")}[aria-selected="true"]`).getAttribute("data-id"), id);
  await page.keyboard.press("ArrowDown");
  assert.notEqual(await page.locator(`${sel("actor-row")}[aria-selected="true"]`).getAttribute("data-id"), id);
});

check("filters survive a visit to an actor page", async (page) => {
  await page.goto(`${base}#/annuaire`);
  await page.waitForSelector(sel("actor-row"));
  await page.selectOption(sel("filter-kind"), "association");
  await page.fill(sel("filter-text"), "alsace");
  await page.waitForTimeout(400);
  const count = await page.locator(sel("actor-row")).count();
  await page.locator(sel("actor-row")).first().click();
  await page.click(sel("actor-back"));
  await page.waitForSelector(sel("actor-row"));
  assert.equal(await page.inputValue(sel("filter-text")), "alsace");
  assert.equal(await page.inputValue(sel("filter-kind")), "association");
  assert.equal(await page.locator(sel("actor-row")).count(), count);
});

check("create: server errors under fields, then success opens the page", async (page) => {
  await page.goto(`${base}#/annuaire`);
  await page.waitForSelector(sel("actor-row"));
  await page.click(sel("actor-new"));
  await page.fill(sel("field-siren"), "123456789");
  await page.click(sel("form-submit"));
  await page.waitForSelector(sel("error-siren"));
  await page.waitForSelector(sel("error-kind"));
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("data-testid")), "field-kind");
  await page.selectOption(sel("field-kind"), "entreprise");
  await page.fill(sel("field-name"), "Boulangerie Test");
  await page.fill(sel("field-siren"), "552 032 534");
  await page.fill(sel("field-commune"), "selestat");
  await page.waitForSelector('[data-testid="commune-option"]:has-text("Sélestat")');
  await page.click('[data-testid="commune-option"]:has-text("Sélestat")');
  assert.match(await page.inputValue(sel("field-commune")), /^Sélestat \(67600\) — Bas-Rhin$/);
  await page.keyboard.press("Control+Enter");
  await page.waitForSelector(sel("actor-page"));
  assert.equal(await page.locator(sel("actor-title")).innerText(), "Boulangerie Test");
  assert.equal(await page.locator(sel("actor-siren")).innerText(), "552 032 534");
});

check("Esc on a changed form asks before closing", async (page) => {
  await page.goto(`${base}#/annuaire`);
  await page.waitForSelector(sel("actor-row"));
  await page.click(sel("actor-new"));
  await page.fill(sel("field-name"), "Brouillon");
  await page.keyboard.press("Escape");
  await page.waitForSelector(sel("confirm-cancel"));
  await page.click(sel("confirm-cancel"));
  assert.equal(await page.inputValue(sel("field-name")), "Brouillon");
  await page.keyboard.press("Escape");
  await page.click(sel("confirm-ok"));
  await page.waitForSelector(sel("actor-form"), { state: "detached" });
});

check("delete with confirmation, then undo", async (page) => {
  await page.goto(`${base}#/annuaire`);
  await page.fill(sel("filter-text"), "Boulangerie Koenig");
  await page.waitForTimeout(400);
  await page.locator(sel("actor-row")).first().click();
  await page.click(sel("actor-delete"));
  assert.match(await page.locator(".dialog__title").innerText(), /^Supprimer «\sBoulangerie Koenig & Fils\s»\s\?$/);
  await page.click(sel("confirm-ok"));
  await page.waitForSelector(sel("toast-undo"));
  await page.waitForSelector(".list-empty");
  await page.click(sel("toast-undo"));
  await page.waitForSelector(sel("actor-row"));
});

check("contact: add with GDPR fields, delete, undo", async (page) => {
  await page.goto(`${base}#/annuaire`);
  await page.fill(sel("filter-text"), "Transports Weber");
  await page.waitForTimeout(400);
  await page.locator(sel("actor-row")).first().click();
  await page.waitForSelector(sel("contact-row"));
  const before = await page.locator(sel("contact-row")).count();
  await page.click(sel("contact-new"));
  assert.equal(await page.inputValue(sel("field-legalBasis")), "interet_legitime");
  await page.fill(sel("field-firstName"), "Inès");
  await page.fill(sel("field-lastName"), "Haas");
  await page.fill(sel("field-email"), "ines@");
  await page.waitForSelector(sel("error-email"));
  await page.fill(sel("field-email"), "ines.haas@example.org");
  await page.check(sel("field-consents-newsletter"));
  await page.click(sel("form-submit"));
  await page.waitForSelector(sel("contact-form"), { state: "detached" });
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="contact-row"]').length === n + 1, before);
  await page.locator(`${sel("contact-row")}:has-text("Inès Haas") [data-testid="contact-delete"]`).click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="contact-row"]').length === n, before);
  await page.click(sel("toast-undo"));
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="contact-row"]').length === n + 1, before);
});

check("global search: Ctrl+K, arrows, Enter opens the contact's actor", async (page) => {
  await page.goto(`${base}#/annuaire`);
  await page.waitForSelector(sel("actor-row"));
  await page.keyboard.press("Control+k");
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("data-testid")), "global-search");
  await page.keyboard.type("benali");
  await page.waitForSelector(sel("search-result"));
  await page.keyboard.press("Enter");
  await page.waitForSelector(".contact-row.is-highlighted");
  assert.equal(await page.locator(sel("actor-title")).innerText(), "Les Jardins de la Montagne Verte");
  await page.keyboard.press("Control+k");
  await page.keyboard.type("zzz");
  await page.waitForSelector("text=Aucun résultat");
  await page.keyboard.press("Escape");
  await page.waitForSelector(".search-panel", { state: "detached" });
});

check("English, remembered after reload", async (page) => {
  await page.goto(`${base}#/annuaire`);
  await page.click(sel("lang-switch"));
  await page.waitForSelector("text=New actor");
  await page.reload();
  await page.waitForSelector("text=New actor");
  assert.equal(await page.getAttribute("html", "lang"), "en");
});

check("partnerships: sidebar, board columns in pipeline order, Alt+→ moves and announces", async (page) => {
  await page.goto(`${base}#/annuaire`);
  await page.click(sel("nav-partenariats"));
  await page.waitForSelector(sel("partnership-card"));
  const stages = await page.locator(sel("board-column")).evaluateAll((els) => els.map((e) => e.dataset.stage));
  assert.deepEqual(stages, ["rencontre", "exploration", "preparation", "contractualisation", "mise_en_oeuvre", "evaluation", "essaimage", "abandonne"]);
  const card = page.locator(`${sel("board-column")}[data-stage="rencontre"] ${sel("partnership-card")}`).first();
  const id = await card.getAttribute("data-id");
  await card.focus();
  await page.keyboard.press("Alt+ArrowRight");
  await page.waitForSelector(`${sel("board-column")}[data-stage="exploration"] ${sel("partnership-card")}[data-id="${id}"]`);
  await page.waitForFunction(() => /Exploration/.test(document.querySelector('[data-testid="board-live"]')?.textContent ?? ""));
  // The focus stays on the moved card: Enter opens it, Esc comes back.
  await page.keyboard.press("Enter");
  await page.waitForSelector(sel("rameau-card"));
  await page.keyboard.press("Escape");
  await page.waitForSelector(sel("partnership-board"));
});

check("partnerships: moving to « abandonné » asks why", async (page) => {
  await page.goto(`${base}#/partenariats`);
  await page.waitForSelector(sel("partnership-card"));
  await page.locator(sel("partnership-board")).evaluate((el) => (el.scrollLeft = el.scrollWidth));
  const card = page.locator(`${sel("board-column")}[data-stage="essaimage"] ${sel("partnership-card")}`).first();
  const id = await card.getAttribute("data-id");
  const a = await card.boundingBox();
  const b = await page.locator(`${sel("board-column")}[data-stage="abandonne"] .board__cards`).boundingBox();
  await page.mouse.move(a.x + 20, a.y + 20);
  await page.mouse.down();
  await page.mouse.move(a.x + 60, a.y + 30, { steps: 4 });
  await page.mouse.move(b.x + 40, b.y + 160, { steps: 12 });
  await page.mouse.up();
  await page.click(sel("confirm-ok"));
  await page.waitForSelector(sel("error-reason"));
  await page.fill(sel("field-reason"), "Plus de budget cette année.");
  await page.click(sel("confirm-ok"));
  await page.waitForSelector(`${sel("board-column")}[data-stage="abandonne"] ${sel("partnership-card")}[data-id="${id}"]`);
});

check("partnerships: create with two actors, then classify, note and tick an action", async (page) => {
  await page.goto(`${base}#/partenariats`);
  await page.waitForSelector(sel("partnership-card"));
  await page.keyboard.press("Control+n");
  await page.fill(sel("field-title"), "Jardin partagé de l'hôpital");
  await page.click(sel("form-submit"));
  await page.waitForSelector('[data-testid="error-parties.0.actorId"]');
  await page.fill(sel("party-actor-0"), "jardins montagne");
  await page.click(sel("actor-option"));
  await page.fill(sel("party-actor-1"), "centre hosp");
  await page.click(sel("actor-option"));
  await page.selectOption(sel("party-role-1"), "beneficiaire");
  await page.click(sel("form-submit"));
  await page.waitForSelector(sel("rameau-card"));
  assert.equal(await page.locator(sel("partnership-title")).innerText(), "Jardin partagé de l'hôpital");
  await page.click(sel("classify-open"));
  await page.click(sel("answer-q1-yes"));
  await page.click(sel("answer-q2-yes"));
  await page.waitForSelector(`${sel("classify-proposal")}[data-fresh="true"] >> text=pratiques responsables`);
  await page.click(sel("classify-apply"));
  await page.waitForSelector(`${sel("rameau-mode")}[data-mode="mecenat"][data-state="primary"]`);
  await page.waitForSelector(`${sel("rameau-mode")}[data-mode="pratiques_responsables"][data-state="secondary"]`);
  await page.fill(sel("field-note"), "Rendez-vous avec la direction jeudi.");
  await page.click(sel("note-submit"));
  await page.waitForSelector(`${sel("partnership-timeline")} >> text=Rendez-vous avec la direction jeudi.`);
});

check("partnerships: « Fait » marks an action done", async (page) => {
  await page.goto(`${base}#/partenariats`);
  await page.click(`${sel("partnership-card")}:has-text("Bière solidaire")`);
  await page.waitForSelector(sel("action-done"));
  const before = await page.locator(sel("action-done")).count();
  await page.locator(sel("action-done")).first().click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="action-done"]').length === n - 1, before);
});

check("partnerships: the page changes the stage, abandoning asks why", async (page) => {
  await page.goto(`${base}#/partenariats`);
  await page.click(`${sel("partnership-card")}:has-text("Tiers-lieu")`);
  await page.selectOption(sel("partnership-move"), "evaluation");
  await page.waitForSelector(`${sel("partnership-stage")}[data-stage="evaluation"]`);
  await page.selectOption(sel("partnership-move"), "abandonne");
  await page.fill(sel("field-reason"), "Le projet de gare est reporté.");
  await page.click(sel("confirm-ok"));
  await page.waitForSelector(`${sel("partnership-stage")}[data-stage="abandonne"]`);
  await page.waitForSelector(`${sel("partnership-timeline")} >> text=Le projet de gare est reporté.`);
});

let failed = 0;
for (const [name, fn] of checks) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: "fr-FR" });
  const page = await context.newPage();
  page.setDefaultTimeout(5000);
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  try {
    await fn(page);
    if (errors.length) throw new Error(`page errors: ${errors.join(" | ")}`);
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e instanceof Error ? e.message.split("\n")[0] : e}`);
    if (process.env.SMOKE_SHOTS) await page.screenshot({ path: join(root, "screenshots", `smoke-failed-${failed}.png`) }).catch(() => undefined);
  }
  await context.close();
}
console.log(`${checks.length - failed} passed, ${failed} failed`);
await browser.close();
await server.close();
process.exit(failed ? 1 : 0);
