// Screenshots of the window with the mock backend, at 1280×720, for
// reviewing the look: starts Vite in mock mode, drives Debian's Chromium.
//   npm run screenshots            (writes screenshots/*.png)
//   CHROMIUM=/path/to/chrome npm run screenshots
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { createServer } from "vite";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = join(root, "screenshots");
mkdirSync(outDir, { recursive: true });

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

const only = process.argv.slice(2);
const shots = [];
function shot(name, fn) {
  if (only.length === 0 || only.includes(name)) shots.push([name, fn]);
}

async function open(page, query = "", hash = "") {
  await page.goto(`${base}${query}${hash}`);
  await page.waitForSelector(".shell");
  await page.evaluate(() => document.fonts.ready);
}

const sel = (id) => `[data-testid="${id}"]`;

shot("01-welcome", async (page) => {
  await open(page, "?mock=empty");
  await page.waitForSelector(sel("welcome-demo"));
});

shot("02-empty-directory", async (page) => {
  await open(page, "?mock=empty");
  await page.click(sel("welcome-empty"));
  await page.waitForSelector(sel("actor-new"));
});

shot("03-demo-loading", async (page) => {
  await open(page, "?mock=empty");
  await page.click(sel("welcome-demo"));
  await page.waitForTimeout(300);
});

shot("04-list-100k", async (page) => {
  await open(page, "?mock=big", "#/annuaire");
  await page.waitForSelector(sel("actor-row"));
  await page.locator(sel("actor-list")).evaluate((el) => (el.scrollTop = 2_400_000));
  await page.waitForTimeout(400);
  await page.focus(sel("actor-list"));
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.waitForTimeout(200);
});

shot("05-list-filtered", async (page) => {
  await open(page, "", "#/annuaire");
  await page.waitForSelector(sel("actor-row"));
  await page.selectOption(sel("filter-departement"), "67");
  await page.fill(sel("filter-text"), "a");
  await page.waitForTimeout(500);
});

shot("06-actor-page", async (page) => {
  await open(page, "", "#/annuaire");
  await page.fill(sel("filter-text"), "jardins montagne");
  await page.waitForTimeout(400);
  await page.click(sel("actor-row"));
  await page.waitForSelector(sel("actor-title"));
  await page.waitForTimeout(200);
});

shot("07-actor-long", async (page) => {
  await open(page, "", "#/annuaire");
  await page.fill(sel("filter-text"), "initiative economique");
  await page.waitForTimeout(400);
  await page.click(sel("actor-row"));
  await page.waitForSelector(sel("actor-title"));
  await page.waitForTimeout(200);
});

shot("08-actor-long-scrolled", async (page) => {
  await open(page, "", "#/annuaire");
  await page.fill(sel("filter-text"), "initiative economique");
  await page.waitForTimeout(400);
  await page.click(sel("actor-row"));
  await page.waitForSelector(sel("actor-title"));
  await page.getByText("Tout afficher").click();
  await page.locator("#main").evaluate((el) => (el.scrollTop = 900));
  await page.waitForTimeout(200);
});

shot("08b-actor-unbroken", async (page) => {
  await open(page, "", "#/annuaire");
  await page.fill(sel("filter-text"), "tiers-lieux");
  await page.waitForTimeout(400);
  await page.click(sel("actor-row"));
  await page.waitForSelector(sel("actor-title"));
  await page.locator("#main").evaluate((el) => (el.scrollTop = 400));
  await page.waitForTimeout(200);
});

shot("09-form-errors", async (page) => {
  await open(page, "", "#/annuaire");
  await page.waitForSelector(sel("actor-row"));
  await page.keyboard.press("Control+n");
  await page.waitForSelector(sel("actor-form"));
  await page.fill(sel("field-siren"), "123 456 789");
  await page.fill(sel("field-website"), "pas un site");
  await page.click(sel("form-submit"));
  await page.waitForSelector(sel("error-siren"));
  await page.waitForTimeout(300);
});

shot("10-form-filled", async (page) => {
  await open(page, "", "#/annuaire");
  await page.waitForSelector(sel("actor-row"));
  await page.click(sel("actor-new"));
  await page.selectOption(sel("field-kind"), "association");
  await page.fill(sel("field-name"), "Repair Café de Sélestat");
  await page.fill(sel("field-sector"), "Réemploi");
  await page.fill(sel("field-commune"), "selest");
  await page.waitForSelector('[data-testid="commune-option"]');
  await page.waitForTimeout(150);
});

shot("11-form-bottom", async (page) => {
  await open(page, "", "#/annuaire");
  await page.waitForSelector(sel("actor-row"));
  await page.click(sel("actor-new"));
  await page.click(sel("needs-add"));
  await page.keyboard.type("Un local pour les ateliers du samedi");
  await page.click(sel("offers-add"));
  await page.fill(sel("field-offers.0.text"), "");
  await page.fill(sel("field-tags"), "réemploi, environnement, ");
  await page.fill(sel("field-notes"), "Rencontrés au forum des associations.");
  await page.click(sel("form-submit"));
  await page.waitForTimeout(400);
  await page.locator(".dialog__body").evaluate((el) => (el.scrollTop = el.scrollHeight));
  await page.waitForTimeout(200);
});

shot("12-search", async (page) => {
  await open(page, "", "#/annuaire");
  await page.keyboard.press("Control+k");
  await page.keyboard.type("we");
  await page.waitForSelector(sel("search-result"));
  await page.keyboard.press("ArrowDown");
  await page.waitForTimeout(150);
});

shot("13-delete-confirm", async (page) => {
  await open(page, "", "#/annuaire");
  await page.fill(sel("filter-text"), "Koenig");
  await page.waitForTimeout(400);
  await page.click(sel("actor-row"));
  await page.click(sel("actor-delete"));
  await page.waitForSelector(sel("confirm-ok"));
  await page.waitForTimeout(200);
});

shot("14-deleted-toast", async (page) => {
  await open(page, "", "#/annuaire");
  await page.fill(sel("filter-text"), "Koenig");
  await page.waitForTimeout(400);
  await page.click(sel("actor-row"));
  await page.click(sel("actor-delete"));
  await page.click(sel("confirm-ok"));
  await page.waitForSelector(sel("toast-undo"));
  await page.waitForTimeout(400);
});

shot("15-contact-form", async (page) => {
  await open(page, "", "#/annuaire");
  await page.fill(sel("filter-text"), "Transports");
  await page.waitForTimeout(400);
  await page.click(sel("actor-row"));
  await page.click(sel("contact-new"));
  await page.fill(sel("field-firstName"), "Inès");
  await page.fill(sel("field-email"), "ines@");
  await page.click(sel("field-phone"));
  await page.waitForTimeout(500);
});

shot("16-english", async (page) => {
  await open(page, "", "#/annuaire");
  await page.click(sel("lang-switch"));
  await page.waitForSelector(sel("actor-row"));
  await page.hover(sel("nav-impact"));
  await page.waitForTimeout(600);
});

shot("17-broken", async (page) => {
  await open(page, "?mock=broken");
  await page.waitForSelector('[role="alert"]');
});

shot("18-contact-highlight", async (page) => {
  await open(page, "", "#/annuaire");
  await page.keyboard.press("Control+k");
  await page.keyboard.type("hirtz");
  await page.waitForSelector('[data-testid="search-result"][data-entity="contact"]');
  await page.keyboard.press("Enter");
  await page.waitForSelector(".contact-row.is-highlighted");
  await page.waitForTimeout(300);
});

shot("19-board", async (page) => {
  await open(page, "", "#/partenariats");
  await page.waitForSelector(sel("partnership-card"));
  await page.waitForTimeout(300);
});

shot("20-board-keyboard-move", async (page) => {
  await open(page, "", "#/partenariats");
  await page.waitForSelector(sel("partnership-card"));
  await page.focus(`${sel("board-column")}[data-stage="rencontre"] ${sel("partnership-card")}`);
  await page.keyboard.press("Alt+ArrowRight");
  await page.waitForFunction(() => document.querySelector('[data-testid="board-live"]')?.textContent !== "");
  await page.waitForTimeout(300);
});

shot("21-abandon", async (page) => {
  await open(page, "", "#/partenariats");
  await page.waitForSelector(sel("partnership-card"));
  await page.evaluate(() => {
    const board = document.querySelector('[data-testid="partnership-board"]');
    if (board) board.scrollLeft = board.scrollWidth;
  });
  const card = await page.$(`${sel("board-column")}[data-stage="essaimage"] ${sel("partnership-card")}`);
  const target = await page.$(`${sel("board-column")}[data-stage="abandonne"] .board__cards`);
  const a = await card.boundingBox();
  const b = await target.boundingBox();
  await page.mouse.move(a.x + 20, a.y + 20);
  await page.mouse.down();
  await page.mouse.move(a.x + 60, a.y + 30, { steps: 4 });
  await page.mouse.move(b.x + 40, b.y + 160, { steps: 12 });
  await page.mouse.up();
  await page.waitForSelector(sel("abandon-dialog"));
  await page.click(sel("confirm-ok"));
  await page.waitForSelector(sel("error-reason"));
});

shot("22-partnership-page", async (page) => {
  await open(page, "", "#/partenariats");
  await page.waitForSelector(sel("partnership-card"));
  await page.click(`${sel("partnership-card")}:has-text("Bière solidaire")`);
  await page.waitForSelector(sel("rameau-card"));
  await page.waitForTimeout(300);
});

shot("23-partnership-page-bottom", async (page) => {
  await open(page, "", "#/partenariats");
  await page.waitForSelector(sel("partnership-card"));
  await page.click(`${sel("partnership-card")}:has-text("Impression des programmes")`);
  await page.waitForSelector(sel("mecenat-warning"));
  await page.evaluate(() => document.querySelector(".shell__content")?.scrollBy(0, 420));
  await page.waitForTimeout(300);
});

shot("24-new-partnership", async (page) => {
  await open(page, "", "#/partenariats");
  await page.waitForSelector(sel("partnership-card"));
  await page.keyboard.press("Control+n");
  await page.waitForSelector(sel("field-title"));
  await page.fill(sel("field-title"), "Jardin partagé de l'hôpital");
  await page.fill(sel("party-actor-0"), "jardins");
  await page.waitForSelector(sel("actor-option"));
  await page.keyboard.press("Enter");
  await page.click(sel("form-submit"));
  await page.waitForSelector('[data-testid="error-parties.1.actorId"]');
  await page.waitForTimeout(300);
  await page.fill(sel("party-actor-1"), "centre hosp");
  await page.waitForSelector(sel("actor-option"));
  await page.waitForTimeout(200);
});

shot("25-classify", async (page) => {
  await open(page, "", "#/partenariats");
  await page.waitForSelector(sel("partnership-card"));
  await page.click(`${sel("partnership-card")}:has-text("Paniers bio")`);
  await page.click(sel("classify-open"));
  await page.click(sel("answer-q1-yes"));
  await page.click(sel("answer-q2-yes"));
  await page.click(sel("answer-q5-yes"));
  await page.waitForFunction(() => document.querySelector('[data-testid="classify-proposal"]')?.textContent?.includes("mécénat"));
  await page.waitForTimeout(200);
});

shot("26-board-empty", async (page) => {
  await open(page, "?mock=empty");
  await page.click(sel("welcome-empty"));
  await page.click(sel("nav-partenariats"));
  await page.waitForSelector(sel("partnership-empty"));
});

shot("27-board-big", async (page) => {
  await open(page, "?mock=big", "#/partenariats");
  await page.waitForSelector(sel("partnership-card"), { timeout: 60_000 });
  await page.evaluate(() => document.querySelectorAll(".board__cards")[2]?.scrollBy(0, 2000));
  await page.waitForTimeout(300);
});

shot("28-partnership-english", async (page) => {
  await open(page, "", "#/partenariats");
  await page.click(sel("lang-switch"));
  await page.waitForSelector(sel("partnership-card"));
  await page.click(`${sel("partnership-card")}:has-text("Tiers-lieu")`);
  await page.waitForSelector(sel("rameau-card"));
  await page.waitForTimeout(300);
});

let failed = 0;
for (const [name, fn] of shots) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: "fr-FR" });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  try {
    await fn(page);
    await page.screenshot({ path: join(outDir, `${name}.png`) });
    console.log(`${name}.png${errors.length ? `  (console: ${errors.join(" | ")})` : ""}`);
  } catch (e) {
    failed++;
    await page.screenshot({ path: join(outDir, `${name}-FAILED.png`) }).catch(() => undefined);
    console.error(`${name} FAILED: ${e instanceof Error ? e.message.split("\n")[0] : e}${errors.length ? ` (console: ${errors.join(" | ")})` : ""}`);
  }
  await context.close();
}

await browser.close();
await server.close();
process.exit(failed ? 1 : 0);
