'use strict';
// Requests Groq refuses are refused by the emulator with Groq's status and error body, and
// requests Groq accepts are answered. Sources: "captured" = a real Groq answer quoted in
// shared/reference/groq-api.md or a public issue; "API reference" = Groq's OpenAPI spec as
// generated into groq-sdk 1.6.0 (resources/chat/completions.d.ts).
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

const MODEL = 'llama-3.3-70b-versatile';
const user = [{ role: 'user', content: 'Hi' }];

async function assertRefused(request, message) {
  const error = await refusal(groq.chat.completions.create({ model: MODEL, messages: user, ...request }));
  assert.ok(error instanceof Groq.BadRequestError, `${error.constructor.name}: ${error.message}`);
  assert.equal(error.status, 400);
  assert.deepEqual(error.error, { error: { message, type: 'invalid_request_error' } });
}

test('an unknown property on a message is a per-role 400 (captured: timestamp on role:user)', () =>
  assertRefused({ messages: [{ role: 'user', content: 'x', timestamp: 1 }] },
    "'messages.0' : for 'role:user' the following must be satisfied[('messages.0' : property 'timestamp' is unsupported)]"));

test('id, reasoning_content and name on messages are refused per role too (captured)', async () => {
  await assertRefused({ messages: [{ role: 'system', content: 'x', id: 'm1' }] },
    "'messages.0' : for 'role:system' the following must be satisfied[('messages.0' : property 'id' is unsupported)]");
  await assertRefused({ messages: [...user, { role: 'assistant', content: 'y', reasoning_content: 'z' }] },
    "'messages.1' : for 'role:assistant' the following must be satisfied[('messages.1' : property 'reasoning_content' is unsupported)]");
  await assertRefused({ messages: [{ role: 'user', content: 'x', name: 'bob' }] },
    "'messages.0' : for 'role:user' the following must be satisfied[('messages.0' : property 'name' is unsupported)]");
});

test("max_completion_tokens above the model's limit is a 400 naming the limit (captured: 40960 for qwen/qwen3-32b)",
  async () => {
    const error = await refusal(groq.chat.completions.create({ model: 'qwen/qwen3-32b', messages: user,
      max_completion_tokens: 40961 }));
    assert.equal(error.status, 400);
    assert.match(error.error.error.message, /^`max_tokens` must be less than or equal to `40960`/);
    const answered = await groq.chat.completions.create({ model: 'qwen/qwen3-32b', messages: user,
      max_completion_tokens: 40960 });
    assert.equal(answered.object, 'chat.completion');
  });

test('temperature is 0 to 2 (API reference)', () =>
  assertRefused({ temperature: 3 }, "'temperature' : number must be at most 2"));

test('frequency and presence penalties are -2 to 2 (API reference)', async () => {
  await assertRefused({ frequency_penalty: 5 }, "'frequency_penalty' : number must be at most 2");
  await assertRefused({ presence_penalty: -5 }, "'presence_penalty' : number must be at least -2");
});

test('stop takes up to 4 sequences (API reference)', () =>
  assertRefused({ stop: ['a', 'b', 'c', 'd', 'e'] }, "'stop' : maximum number of items is 4"));

test('max_tokens is at least 1 (API reference)', () =>
  assertRefused({ max_tokens: 0 }, "'max_tokens' : number must be at least 1"));

test('response_format.type is text, json_object or json_schema (API reference)', () =>
  assertRefused({ response_format: { type: 'yaml' } },
    "'response_format.type' : value must be one of [text json_object json_schema]"));

test('json_schema is refused on a model without structured outputs (captured on llama-3.3-70b-versatile)', () =>
  assertRefused({ response_format: { type: 'json_schema', json_schema: { name: 'x', schema: { type: 'object' } } } },
    'This model does not support response format `json_schema`. See supported models at '
      + 'https://console.groq.com/docs/structured-outputs#supported-models'));

test('roles are system, developer, user, assistant, tool and function (API reference)', () =>
  assertRefused({ messages: [{ role: 'robot', content: 'x' }] },
    "'messages.0.role' : value must be one of [system developer user assistant tool function]"));

test('user content parts are text, image_url or document (API reference)', () =>
  assertRefused({ messages: [{ role: 'user', content: [{ type: 'audio', audio: {} }] }] },
    "'messages.0' : for 'role:user' the following must be satisfied[('messages.0.content.0.type' : value must be one of [text image_url document])]"));

test('a tool message needs tool_call_id (captured)', () =>
  assertRefused({ messages: [{ role: 'tool', content: '18 C' }] },
    "'messages.0' : for 'role:tool' the following must be satisfied[('messages.0.tool_call_id' : property 'tool_call_id' is missing)]"));

test('tool names match [a-zA-Z0-9_-]{1,64} (API reference)', () =>
  assertRefused({ tools: [{ type: 'function', function: { name: 'get weather' } }] },
    "'tools.0.function.name' : does not match pattern '^[a-zA-Z0-9_-]{1,64}$'"));

test('a tool_choice naming a function must name one of the tools (API reference)', () =>
  assertRefused({ tools: [{ type: 'function', function: { name: 'weather' } }],
    tool_choice: { type: 'function', function: { name: 'time' } } },
  '`tool_choice` names the function `time`, which is not in `tools`'));

test('at most 128 tools (API reference)', () =>
  assertRefused({ tools: Array.from({ length: 129 }, () => ({ type: 'function', function: { name: 'f' } })) },
    "'tools' : maximum number of items is 128"));

test('n must be 1: other values are a 400 (API reference)', () =>
  assertRefused({ n: 2 }, "'n' : number must be at most 1"));

test('n: null and logprobs: null are accepted (captured: both nullable)', async () => {
  const completion = await groq.chat.completions.create({ model: MODEL, messages: user, n: null, logprobs: null });
  assert.equal(completion.choices[0].finish_reason, 'stop');
});

test('a non-null logprobs is refused (captured: "`logprobs` is not supported with this model")', () =>
  assertRefused({ logprobs: true }, '`logprobs` is not supported with this model'));

test("an unknown property gets Groq's wording and suggestion (captured: store -> did you mean 'stop'?)", () =>
  assertRefused({ store: true }, "property 'store' is unsupported, did you mean 'stop'?"));

test('an unknown property with no near name gets no suggestion (captured: think)', () =>
  assertRefused({ think: false }, "property 'think' is unsupported"));

test('stream_options without stream is refused (stricter reading: API reference of 2024, "Only set this when you set stream: true"; unconfirmed live)',
  () => assertRefused({ stream_options: { include_usage: true } },
    '`stream_options` can only be set when `stream` is true'));

test('an unknown tier is refused (API reference: auto, on_demand, flex, performance)', () =>
  assertRefused({ service_tier: 'turbo' }, "'service_tier' : value must be one of [auto on_demand flex performance]"));

test("an unknown model is Groq's 404 (captured wording)", async () => {
  const error = await refusal(groq.chat.completions.create({ model: 'no-such-model', messages: user }));
  assert.equal(error.status, 404);
  assert.deepEqual(error.error, { error: { message: 'The model `no-such-model` does not exist or you do not have access to it.',
    type: 'invalid_request_error', code: 'model_not_found' } });
});
