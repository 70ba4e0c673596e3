'use strict';
// Models, files and batches, and the errors Groq gives for a plan, a key or a full flex tier.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startEmulator, refusal, Groq } = require('./emulator');

let emulator;
let groq;
before(async () => {
  emulator = await startEmulator();
  groq = emulator.client();
});
after(() => emulator.stop());

test("models.list answers Groq's catalogue with context_window and max_completion_tokens (models page; captured list)",
  async () => {
    const list = await groq.models.list();
    assert.equal(list.object, 'list');
    const byId = Object.fromEntries(list.data.map((model) => [model.id, model]));
    for (const id of ['llama-3.1-8b-instant', 'llama-3.3-70b-versatile', 'openai/gpt-oss-120b', 'openai/gpt-oss-20b',
      'whisper-large-v3', 'whisper-large-v3-turbo', 'groq/compound', 'groq/compound-mini',
      'meta-llama/llama-4-scout-17b-16e-instruct', 'qwen/qwen3-32b', 'moonshotai/kimi-k2-instruct-0905']) {
      assert.ok(byId[id], `${id} is listed`);
    }
    assert.deepEqual(byId['llama-3.3-70b-versatile'], { id: 'llama-3.3-70b-versatile', object: 'model',
      created: 1733447754, owned_by: 'Meta', active: true, context_window: 131072, public_apps: null,
      max_completion_tokens: 32768 });
    assert.equal((await groq.models.retrieve('qwen/qwen3-32b')).max_completion_tokens, 40960);
  });

test('chat on a speech model is refused (models page: whisper serves audio endpoints)', async () => {
  const error = await refusal(groq.chat.completions.create({ model: 'whisper-large-v3',
    messages: [{ role: 'user', content: 'Hi' }] }));
  assert.equal(error.status, 400);
});

function line(customId, body) {
  return JSON.stringify({ custom_id: customId, method: 'POST', url: '/v1/chat/completions', body });
}

async function runBatch(lines) {
  const file = await groq.files.create({ purpose: 'batch',
    file: await Groq.toFile(Buffer.from(`${lines.join('\n')}\n`), 'input.jsonl') });
  assert.match(file.id, /^file_01/);
  let batch = await groq.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions',
    completion_window: '24h' });
  assert.match(batch.id, /^batch_01/);
  for (let i = 0; i < 20 && !['completed', 'failed', 'expired', 'cancelled'].includes(batch.status); i++) {
    batch = await groq.batches.retrieve(batch.id);
  }
  return batch;
}

async function lines(fileId) {
  const text = await (await groq.files.content(fileId)).text();
  return text.trim().split('\n').map((row) => JSON.parse(row));
}

test('a batch line runs as a chat completion with service_tier "batch" and request_id equal to x_groq.id (captured)',
  async () => {
    const batch = await runBatch([line('ok', { model: 'llama-3.1-8b-instant', messages: [{ role: 'user', content: 'Hi' }] })]);
    assert.equal(batch.status, 'completed');
    const [result] = await lines(batch.output_file_id);
    assert.equal(result.custom_id, 'ok');
    assert.equal(result.response.status_code, 200);
    assert.equal(result.response.body.service_tier, 'batch');
    assert.equal(result.response.body.x_groq.id, result.response.request_id);
  });

test('a batch line with "stream": true is an error line, never a 200 without body (batch docs; wording unconfirmed)',
  async () => {
    const batch = await runBatch([line('streamed', { model: 'llama-3.1-8b-instant', stream: true,
      messages: [{ role: 'user', content: 'Hi' }] })]);
    assert.equal(batch.status, 'completed');
    assert.equal(batch.request_counts.failed, 1);
    assert.equal(batch.output_file_id ?? null, null);
    const [result] = await lines(batch.error_file_id);
    assert.equal(result.response.status_code, 400);
    assert.equal(result.response.body.error.type, 'invalid_request_error');
  });

test('a batch whose lines Groq cannot read fails validation with per-line errors (batch docs; codes as OpenAI documents them)',
  async () => {
    const batch = await runBatch(['{not json', line('a', { model: 'llama-3.1-8b-instant', messages: [] }),
      line('a', { model: 'llama-3.1-8b-instant', messages: [] })]);
    assert.equal(batch.status, 'failed');
    assert.deepEqual(batch.errors.data.map((error) => [error.line, error.code]),
      [[1, 'invalid_json_line'], [3, 'duplicate_custom_id']]);
  });

test('batches.list answers {"object":"list","data":[...]} as the API reference defines it, newest first', async () => {
  const list = await groq.batches.list();
  assert.deepEqual(Object.keys(list), ['object', 'data']);
  assert.ok(list.data.length >= 3);
  const created = list.data.map((batch) => batch.created_at);
  assert.deepEqual(created, [...created].sort((a, b) => b - a));
});

test('a full flex tier is HTTP 498 with error capacity_exceeded (errors docs; body unconfirmed)', async () => {
  const flexFull = await startEmulator(['--flex-capacity-exceeded']);
  try {
    const client = flexFull.client();
    const error = await refusal(client.chat.completions.create({ model: 'llama-3.3-70b-versatile',
      service_tier: 'flex', messages: [{ role: 'user', content: 'Hi' }] }));
    assert.equal(error.status, 498);
    assert.equal(error.error.error.code, 'capacity_exceeded');
    const onDemand = await client.chat.completions.create({ model: 'llama-3.3-70b-versatile',
      messages: [{ role: 'user', content: 'Hi' }] });
    assert.equal(onDemand.service_tier, 'on_demand');
  } finally {
    await flexFull.stop();
  }
});

test("a tier the org may not use and a wrong key get Groq's answers (captured wording)", async () => {
  const freeOrg = await startEmulator(['--allow-tiers', 'on_demand', '--require-api-key', 'gsk_right']);
  try {
    const error = await refusal(freeOrg.client({ apiKey: 'gsk_right' }).chat.completions.create({
      model: 'llama-3.3-70b-versatile', service_tier: 'auto', messages: [{ role: 'user', content: 'Hi' }] }));
    assert.equal(error.status, 400);
    assert.equal(error.error.error.message, '`service_tier` `auto` is not available for this org. You can check your '
      + 'plan at https://console.groq.com/settings/billing');
    const denied = await refusal(freeOrg.client({ apiKey: 'gsk_wrong' }).models.list());
    assert.ok(denied instanceof Groq.AuthenticationError);
    assert.deepEqual(denied.error, { error: { message: 'Invalid API Key', type: 'invalid_request_error',
      code: 'invalid_api_key' } });
  } finally {
    await freeOrg.stop();
  }
});
