'use strict';
// What Groq answers to requests it accepts, read through Groq's official TypeScript SDK.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startEmulator, conforms, REQUEST_ID } = require('./emulator');

let emulator;
let groq;
before(async () => {
  emulator = await startEmulator();
  groq = emulator.client();
});
after(() => emulator.stop());

const weather = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'The weather in a city',
    parameters: { type: 'object', properties: { city: { type: 'string' }, days: { type: 'integer', minimum: 1 } },
      required: ['city', 'days'], additionalProperties: false },
  },
};

test("a completion has Groq's shape: id, x_groq.id equal to x-request-id, service_tier, usage with timings (captured)",
  async () => {
    const { data, response } = await groq.chat.completions.create({ model: 'llama-3.3-70b-versatile',
      messages: [{ role: 'user', content: 'Hello there' }] }).withResponse();
    assert.match(data.id, /^chatcmpl-[0-9a-f-]{36}$/);
    assert.equal(data.object, 'chat.completion');
    assert.deepEqual(data.choices[0].message, { role: 'assistant', content: 'Emulated reply to: Hello there' });
    assert.equal(data.choices[0].finish_reason, 'stop');
    assert.equal(data.service_tier, 'on_demand');
    assert.match(data.x_groq.id, REQUEST_ID);
    assert.equal(response.headers.get('x-request-id'), data.x_groq.id);
    for (const timing of ['queue_time', 'prompt_time', 'completion_time', 'total_time']) {
      assert.equal(typeof data.usage[timing], 'number', timing);
    }
    assert.equal(data.usage.total_tokens, data.usage.prompt_tokens + data.usage.completion_tokens);
  });

test('models of the captured catalogue stay served by default, those Groq decommissioned since too (GroqModelCatalogue.decommissionedSinceCapture)', async () => {
  for (const model of ['meta-llama/llama-4-scout-17b-16e-instruct', 'qwen/qwen3-32b', 'groq/compound']) {
    const completion = await groq.chat.completions.create({ model, messages: [{ role: 'user', content: 'Hi' }] });
    assert.equal(completion.model, model);
  }
});

test('tool_choice "required" makes the model call a tool (API reference: "the model must call one or more tools")',
  async () => {
    const completion = await groq.chat.completions.create({ model: 'llama-3.3-70b-versatile', tools: [weather],
      tool_choice: 'required', messages: [{ role: 'user', content: 'Weather in Paris?' }] });
    const [call] = completion.choices[0].message.tool_calls;
    assert.equal(completion.choices[0].finish_reason, 'tool_calls');
    assert.equal(call.type, 'function');
    assert.equal(call.function.name, 'get_weather');
    assert.deepEqual(conforms(weather.function.parameters, JSON.parse(call.function.arguments)), []);
  });

test('a tool_choice naming a function calls that function (API reference)', async () => {
  const time = { type: 'function', function: { name: 'get_time', parameters: { type: 'object', properties: {} } } };
  const completion = await groq.chat.completions.create({ model: 'openai/gpt-oss-120b', tools: [weather, time],
    tool_choice: { type: 'function', function: { name: 'get_time' } }, messages: [{ role: 'user', content: 'Now?' }] });
  assert.equal(completion.choices[0].message.tool_calls[0].function.name, 'get_time');
  assert.equal(completion.choices[0].finish_reason, 'tool_calls');
});

test('tool results go back as tool messages with tool_call_id and get a text answer (API reference)', async () => {
  const first = await groq.chat.completions.create({ model: 'openai/gpt-oss-120b', tools: [weather],
    tool_choice: 'required', messages: [{ role: 'user', content: 'Weather in Paris?' }] });
  const call = first.choices[0].message.tool_calls[0];
  const second = await groq.chat.completions.create({ model: 'openai/gpt-oss-120b', tools: [weather],
    messages: [{ role: 'user', content: 'Weather in Paris?' }, { role: 'assistant', tool_calls: [call] },
      { role: 'tool', tool_call_id: call.id, content: '18 C, cloudy' }] });
  assert.equal(second.choices[0].finish_reason, 'stop');
});

test('response_format json_object answers with a JSON object (structured-outputs docs, JSON mode)', async () => {
  const completion = await groq.chat.completions.create({ model: 'llama-3.3-70b-versatile',
    response_format: { type: 'json_object' }, messages: [{ role: 'user', content: 'Reply in JSON' }] });
  const parsed = JSON.parse(completion.choices[0].message.content);
  assert.equal(typeof parsed, 'object');
  assert.ok(!Array.isArray(parsed) && parsed !== null);
});

test('response_format json_schema answers with JSON valid against the schema (structured-outputs docs, strict mode)',
  async () => {
    const schema = { type: 'object', additionalProperties: false, required: ['customer', 'lines', 'total'],
      properties: { customer: { type: 'string' }, total: { type: 'number', minimum: 1 },
        lines: { type: 'array', minItems: 1, items: { type: 'object', required: ['item', 'quantity'],
          properties: { item: { type: 'string' }, quantity: { type: 'integer', minimum: 1 } } } } } };
    const completion = await groq.chat.completions.create({ model: 'openai/gpt-oss-120b',
      response_format: { type: 'json_schema', json_schema: { name: 'invoice', strict: true, schema } },
      messages: [{ role: 'user', content: 'ACME bought 2 anvils' }] });
    assert.deepEqual(conforms(schema, JSON.parse(completion.choices[0].message.content)), []);
  });

test('user content as an array of parts is accepted and an image in it is described (API reference, vision docs)',
  async () => {
    const completion = await groq.chat.completions.create({ model: 'meta-llama/llama-4-scout-17b-16e-instruct',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'What is' },
        { type: 'image_url', image_url: { url: 'https://example.com/cat.png' } }, { type: 'text', text: 'here?' }] }] });
    assert.equal(completion.choices[0].message.content,
      'Emulated description of image 1: the image at https://example.com/cat.png (Groq fetches it; the emulator does not).');
    const text = await groq.chat.completions.create({ model: 'llama-3.3-70b-versatile',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'What is' }, { type: 'text', text: 'here?' }] }] });
    assert.equal(text.choices[0].message.content, 'Emulated reply to: What is\nhere?');
  });

test('a small max_completion_tokens cuts the answer with finish_reason "length" (API reference)', async () => {
  const completion = await groq.chat.completions.create({ model: 'llama-3.3-70b-versatile', max_completion_tokens: 2,
    messages: [{ role: 'user', content: 'Tell me a long story' }] });
  assert.equal(completion.choices[0].finish_reason, 'length');
  assert.equal(completion.usage.completion_tokens, 2);
  assert.equal(completion.choices[0].message.content, 'Emulated reply');
});

test('x-request-id is req_01... (a ULID), unique per response and equal to x_groq.id, under 20 concurrent calls (captured)',
  async () => {
    const calls = Array.from({ length: 20 }, (_, i) => groq.chat.completions.create({ model: 'llama-3.1-8b-instant',
      messages: [{ role: 'user', content: `Question ${i}` }] }).withResponse());
    const ids = new Set();
    for (const { data, response } of await Promise.all(calls)) {
      const id = response.headers.get('x-request-id');
      assert.match(id, REQUEST_ID);
      assert.equal(data.x_groq.id, id);
      ids.add(id);
    }
    assert.equal(ids.size, 20);
  });

test('errors and other endpoints carry their own x-request-id too (captured)', async () => {
  const ids = new Set();
  for (let i = 0; i < 3; i++) {
    const { response } = await groq.models.list().withResponse();
    ids.add(response.headers.get('x-request-id'));
    try {
      await groq.models.retrieve('no-such-model');
    } catch (error) {
      ids.add(error.headers.get('x-request-id'));
    }
  }
  assert.equal(ids.size, 6);
  for (const id of ids) {
    assert.match(id, REQUEST_ID);
  }
});
