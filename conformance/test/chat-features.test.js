'use strict';
// Groq's chat surface beyond text, through Groq's official TypeScript SDK: content parts and
// images, built-in tools, documents and citations, reasoning, decommissioned models. Sources:
// "API reference" = Groq's OpenAPI spec as generated into groq-sdk 1.6.0
// (resources/chat/completions.d.ts); "docs" = console.groq.com/docs (vision, built-in tools,
// browser search, code execution, reasoning); "captured" = a real Groq answer quoted in a
// public issue.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startEmulator, refusal, Groq } = require('./emulator');

const RED_PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAAEElEQVR4nGP4z8AARww4OQD1MQv1NXv7ggAAAABJRU5ErkJggg==';

let emulator;
let retired;
let groq;
before(async () => {
  [emulator, retired] = await Promise.all([startEmulator(), startEmulator(['--decommission', 'groq/compound'])]);
  groq = emulator.client();
});
after(() => Promise.all([emulator.stop(), retired.stop()]));

async function assertRefused(request, message) {
  const error = await refusal(groq.chat.completions.create(request));
  assert.ok(error instanceof Groq.BadRequestError, `${error.constructor.name}: ${error.message}`);
  assert.deepEqual(error.error, { error: { message, type: 'invalid_request_error' } });
}

test('text and image_url parts (an https URL, a base64 data URL, detail) go to a vision model (API reference, vision docs)',
  async () => {
    const completion = await groq.chat.completions.create({ model: 'qwen/qwen3.8-27b', messages: [{ role: 'user',
      content: [{ type: 'text', text: 'What is in these?' }, { type: 'image_url', image_url: { url: RED_PNG, detail: 'low' } },
        { type: 'image_url', image_url: { url: 'https://example.com/cat.jpg' } }] }] });
    assert.equal(completion.choices[0].message.content, 'Emulated description of image 1: a 4x3 PNG image of 73 bytes '
      + '(sha-256 099d6c9b). Emulated description of image 2: the image at https://example.com/cat.jpg (Groq fetches it; '
      + 'the emulator does not).');
  });

test('an image for a model without vision is refused (rule: vision docs; wording: the emulator\'s)', () =>
  assertRefused({ model: 'llama-3.3-70b-versatile', messages: [{ role: 'user',
    content: [{ type: 'image_url', image_url: { url: 'https://example.com/a.png' } }] }] },
  'model `llama-3.3-70b-versatile` does not support image input'));

test('image_url.detail is auto, low or high (API reference)', () =>
  assertRefused({ model: 'qwen/qwen3.8-27b', messages: [{ role: 'user',
    content: [{ type: 'image_url', image_url: { url: 'https://example.com/a.png', detail: 'ultra' } }] }] },
  "'messages.0' : for 'role:user' the following must be satisfied[('messages.0.content.0.image_url.detail' : value must be one of [auto low high])]"));

test('at most 5 images per request (vision docs)', () =>
  assertRefused({ model: 'qwen/qwen3.8-27b', messages: [{ role: 'user',
    content: Array.from({ length: 6 }, () => ({ type: 'image_url', image_url: { url: 'https://example.com/a.png' } })) }] },
  'Too many images provided: 6. This model supports up to 5 images per request.'));

test('a request over 4 MB with a base64 image is a 413 (vision docs)', async () => {
  const error = await refusal(groq.chat.completions.create({ model: 'qwen/qwen3.8-27b', messages: [{ role: 'user',
    content: [{ type: 'image_url', image_url: { url: `data:image/png;base64,${'A'.repeat(4 * 1024 * 1024)}` } }] }] }));
  assert.equal(error.status, 413);
});

test('a document part carries a data object (API reference)', async () => {
  const completion = await groq.chat.completions.create({ model: 'openai/gpt-oss-20b', messages: [{ role: 'user',
    content: [{ type: 'text', text: 'Sum?' }, { type: 'document', document: { data: { a: 1 }, id: 'd1' } }] }] });
  assert.equal(completion.choices[0].finish_reason, 'stop');
  await assertRefused({ model: 'openai/gpt-oss-20b', messages: [{ role: 'user',
    content: [{ type: 'document', document: { data: 'text' } }] }] },
  "'messages.0' : for 'role:user' the following must be satisfied[('messages.0.content.0.document.data' : property 'data' is missing)]");
});

test('browser_search and code_interpreter run server-side on gpt-oss and come back as executed_tools (built-in tools docs)',
  async () => {
    const completion = await groq.chat.completions.create({ model: 'openai/gpt-oss-120b',
      messages: [{ role: 'user', content: 'Latest Java release?' }],
      tools: [{ type: 'browser_search' }, { type: 'code_interpreter' }] });
    const tools = completion.choices[0].message.executed_tools;
    assert.deepEqual(tools.map((tool) => [tool.index, tool.type]), [[0, 'search'], [1, 'function']]);
    assert.equal(tools[0].arguments, '{"query":"Latest Java release?"}');
    assert.equal(tools[0].search_results.results[0].title, 'Emulated result for: Latest Java release?');
    assert.equal(tools[1].arguments, 'print(len("Latest Java release?"))');
    assert.deepEqual(tools[1].code_results, [{ text: '20' }]);
  });

test('built-in tools are refused on models without them (docs: GPT-OSS only), unknown tool types always (API reference)',
  async () => {
    await assertRefused({ model: 'llama-3.3-70b-versatile', messages: [{ role: 'user', content: 'Hi' }],
      tools: [{ type: 'browser_search' }] }, '`browser_search` is not supported with this model');
    await assertRefused({ model: 'openai/gpt-oss-120b', messages: [{ role: 'user', content: 'Hi' }],
      tools: [{ type: 'web_search' }] }, "'tools.0.type' : value must be one of [function browser_search code_interpreter]");
  });

test('documents with citation_options enabled are cited in annotations (API reference)', async () => {
  const completion = await groq.chat.completions.create({ model: 'openai/gpt-oss-120b',
    messages: [{ role: 'user', content: 'Revenue?' }], citation_options: 'enabled',
    documents: [{ id: 'doc-1', source: { type: 'text', text: 'Q3 revenue was $12.5M.' } }] });
  const message = completion.choices[0].message;
  assert.deepEqual(message.annotations, [{ type: 'document_citation',
    document_citation: { document_id: 'doc-1', start_index: 43, end_index: 65 } }]);
  assert.equal(message.content.slice(43, 65), 'Q3 revenue was $12.5M.');
});

test('reasoning_format parsed gives message.reasoning and reasoning_tokens (reasoning docs, captured usage shape)',
  async () => {
    const completion = await groq.chat.completions.create({ model: 'qwen/qwen3-32b',
      messages: [{ role: 'user', content: 'Why?' }], reasoning_format: 'parsed' });
    assert.equal(completion.choices[0].message.reasoning, 'Emulated reasoning about: Why?');
    assert.deepEqual(completion.usage.completion_tokens_details, { reasoning_tokens: 4 });
  });

test('a streamed answer with include_usage names its tier on the choice-less usage chunk (captured)', async () => {
  const stream = await groq.chat.completions.create({ model: 'openai/gpt-oss-20b', stream: true,
    stream_options: { include_usage: true }, messages: [{ role: 'user', content: 'Hi' }],
    tools: [{ type: 'browser_search' }] });
  const chunks = [];
  for await (const chunk of stream) {
    chunks.push(chunk);
  }
  const last = chunks[chunks.length - 1];
  assert.deepEqual(last.choices, []);
  assert.equal(last.service_tier, 'on_demand');
  assert.ok(chunks.some((chunk) => chunk.choices[0]?.delta?.executed_tools?.[0]?.type === 'search'));
});

test('a decommissioned model is a 400 model_decommissioned (captured wording)', async () => {
  const error = await refusal(retired.client().chat.completions.create({ model: 'groq/compound',
    messages: [{ role: 'user', content: 'Hi' }] }));
  assert.ok(error instanceof Groq.BadRequestError);
  assert.deepEqual(error.error, { error: { message: 'The model `groq/compound` has been decommissioned and is no longer '
    + 'supported. Please refer to https://console.groq.com/docs/deprecations for a recommendation on which model to use '
    + 'instead.', type: 'invalid_request_error', code: 'model_decommissioned' } });
  const models = await retired.client().models.list();
  assert.ok(!models.data.some((model) => model.id === 'groq/compound'));
});
