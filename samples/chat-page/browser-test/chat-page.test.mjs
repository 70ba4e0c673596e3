// Drives samples/chat-page in Debian's headless Chromium: types a prompt, picks a tier, and
// checks that the answer's tokens reach the page one after another, not all at once, by the
// times of the page's own DOM updates. A missing Chromium or app fails the test, never skips it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const BASE_URL = process.env.CHAT_PAGE_URL ?? 'http://127.0.0.1:8080';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
// The emulator streams one word every 120 ms (OfflineStreams.PACE_MILLIS).
const PACE_MILLIS = 120;

let context;
let profile;

async function waitForApp() {
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      const response = await fetch(BASE_URL + '/');
      if (response.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      throw new Error(`samples/chat-page did not answer at ${BASE_URL} within 90 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

before(async () => {
  assert.ok(existsSync(CHROMIUM), `Chromium is required at ${CHROMIUM} (apt-get install -y chromium)`);
  await waitForApp();
  profile = mkdtempSync(join(tmpdir(), 'chat-page-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // One question unmeasured first: a freshly started app (code not yet compiled by the JIT) on a
  // busy 2-core machine can hold its first stream's first tokens back and send them together.
  await ask('Warm up', '');
});

after(async () => {
  await context?.close();
  if (profile) {
    rmSync(profile, { recursive: true, force: true });
  }
});

async function ask(prompt, tier) {
  const page = await context.newPage();
  await page.goto(BASE_URL + '/');
  // Record every change of the answer's text with the page's clock, as the user would see it.
  await page.evaluate(() => {
    window.updates = [];
    const answer = document.getElementById('answer');
    new MutationObserver(() => window.updates.push({ at: performance.now(), text: answer.textContent }))
      .observe(answer, { childList: true, characterData: true, subtree: true });
  });
  await page.fill('#prompt', prompt);
  await page.selectOption('#tier', tier);
  await page.click('#send');
  await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('done'),
    null, { timeout: 30_000 });
  const result = await page.evaluate(() => ({
    answer: document.getElementById('answer').textContent,
    requested: document.getElementById('requested').textContent,
    served: document.getElementById('served').textContent,
    status: document.getElementById('status').textContent,
    updates: window.updates,
  }));
  await page.close();
  return result;
}

test('the answer arrives token by token on the tier chosen for the request', async () => {
  const prompt = 'Why does latency matter for chat?';
  const result = await ask(prompt, 'flex');
  assert.equal(result.answer, 'Emulated reply to: ' + prompt);
  assert.equal(result.requested, 'flex');
  assert.equal(result.served, 'flex');
  assert.equal(result.status, 'done (stop)');

  // Each update that added text: it grew one piece at a time, never shrank, ended with the answer.
  const growth = result.updates.filter((update, i, all) =>
    update.text.length > 0 && (i === 0 || update.text.length > all[i - 1].text.length));
  const words = result.answer.trim().split(/\s+/).length;
  assert.equal(growth.length, words, `one update per token: ${JSON.stringify(growth)}`);
  growth.forEach((update, i) => {
    assert.ok(result.answer.startsWith(update.text), `update ${i} is a prefix of the answer`);
  });

  // Apart in time, as the server paces them: all at once would put them within a few ms. (A
  // stalled machine may bunch a few together, so most gaps, not all, must be the stream's pauses.)
  const gaps = growth.slice(1).map((update, i) => update.at - growth[i].at);
  const span = growth[growth.length - 1].at - growth[0].at;
  assert.ok(span >= (words - 1) * PACE_MILLIS * 0.5, `tokens spread over ${span} ms: ${gaps}`);
  assert.ok(gaps.filter((gap) => gap >= PACE_MILLIS * 0.4).length >= Math.ceil(gaps.length / 2),
    `most gaps are pauses of the stream: ${gaps}`);
});

test('without a chosen tier none is sent and Groq serves on_demand', async () => {
  const result = await ask('Hi there', '');
  assert.equal(result.answer, 'Emulated reply to: Hi there');
  assert.equal(result.requested, "none (Groq's default)");
  assert.equal(result.served, 'on_demand');
});
