'use strict';
// Streams as Groq sends them (captured October 2025, reference "Live stream shape details"),
// read with the SDK's own stream iterator.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startEmulator, REQUEST_ID } = require('./emulator');

let emulator;
let groq;
before(async () => {
  emulator = await startEmulator();
  groq = emulator.client();
});
after(() => emulator.stop());

async function chunks(request) {
  const { data: stream, response } = await groq.chat.completions.create({ model: 'llama-3.3-70b-versatile',
    messages: [{ role: 'user', content: 'Hello there' }], stream: true, ...request }).withResponse();
  const all = [];
  for await (const chunk of stream) {
    all.push(chunk);
  }
  return { all, requestId: response.headers.get('x-request-id') };
}

test('the first chunk has role assistant, empty content and x_groq.id equal to x-request-id (captured)', async () => {
  const { all, requestId } = await chunks({});
  assert.deepEqual(all[0].choices[0].delta, { role: 'assistant', content: '' });
  assert.match(requestId, REQUEST_ID);
  assert.deepEqual(all[0].x_groq, { id: requestId });
  assert.ok(all.every((chunk) => chunk.id === all[0].id && chunk.object === 'chat.completion.chunk'));
});

test('the last choice chunk has an empty delta, the finish reason, x_groq.usage and the top-level usage (captured)',
  async () => {
    const { all, requestId } = await chunks({});
    const last = all[all.length - 1];
    assert.deepEqual(last.choices[0].delta, {});
    assert.equal(last.choices[0].finish_reason, 'stop');
    assert.equal(last.x_groq.id, requestId);
    assert.deepEqual(last.usage, last.x_groq.usage);
    assert.equal(last.usage.completion_tokens, 5);
    assert.equal(all.map((chunk) => chunk.choices[0].delta.content ?? '').join(''), 'Emulated reply to: Hello there');
    assert.ok(all.slice(0, -1).every((chunk) => chunk.usage === undefined && chunk.choices[0].finish_reason === null));
  });

test('no chunk carries service_tier unless include_usage asks for the usage chunk (captured)', async () => {
  const { all } = await chunks({ service_tier: 'flex' });
  assert.ok(all.every((chunk) => !('service_tier' in chunk)));
});

test('include_usage adds a last chunk with "choices": [], the usage and service_tier, and no x_groq (captured)',
  async () => {
    const { all } = await chunks({ stream_options: { include_usage: true }, service_tier: 'flex' });
    const usageChunk = all[all.length - 1];
    assert.deepEqual(usageChunk.choices, []);
    assert.equal(usageChunk.service_tier, 'flex');
    assert.equal(usageChunk.x_groq, undefined);
    assert.deepEqual(usageChunk.usage, all[all.length - 2].usage);
    assert.equal(all[all.length - 2].choices[0].finish_reason, 'stop');
    assert.ok(all.slice(0, -2).every((chunk) => chunk.usage === undefined));
  });

test('a forced tool call streams in one delta with id, type, name, arguments and index (captured)', async () => {
  const { all } = await chunks({ tool_choice: 'required', tools: [{ type: 'function', function: { name: 'get_time',
    parameters: { type: 'object', properties: {} } } }] });
  const deltas = all.filter((chunk) => chunk.choices[0].delta.tool_calls);
  assert.equal(deltas.length, 1);
  const [call] = deltas[0].choices[0].delta.tool_calls;
  assert.equal(call.index, 0);
  assert.equal(call.type, 'function');
  assert.deepEqual(call.function, { name: 'get_time', arguments: '{}' });
  assert.equal(all[all.length - 1].choices[0].finish_reason, 'tool_calls');
});

test('a stream cut by max_completion_tokens ends with finish_reason "length" (API reference)', async () => {
  const { all } = await chunks({ max_completion_tokens: 3 });
  assert.equal(all[all.length - 1].choices[0].finish_reason, 'length');
  assert.equal(all.map((chunk) => chunk.choices[0].delta.content ?? '').join(''), 'Emulated reply to:');
});
