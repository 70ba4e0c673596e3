'use strict';
// Audio: transcriptions and translations (multipart uploads, as groq-sdk builds them) and speech
// (JSON in, a WAV out), and the refusals Groq documents or was seen to give for them.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startEmulator, refusal, REQUEST_ID, Groq } = require('./emulator');

let emulator;
let groq;
before(async () => {
  emulator = await startEmulator();
  groq = emulator.client();
});
after(() => emulator.stop());

/** A mono 16-bit PCM WAV of this many seconds at 16 kHz (silence): 44 header bytes + 32,000 a second. */
function wav(seconds) {
  const samples = Math.round(seconds * 16000);
  const buffer = Buffer.alloc(44 + samples * 2);
  buffer.write('RIFF', 0, 'ascii');
  buffer.writeUInt32LE(36 + samples * 2, 4);
  buffer.write('WAVEfmt ', 8, 'ascii');
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20);
  buffer.writeUInt16LE(1, 22);
  buffer.writeUInt32LE(16000, 24);
  buffer.writeUInt32LE(32000, 28);
  buffer.writeUInt16LE(2, 32);
  buffer.writeUInt16LE(16, 34);
  buffer.write('data', 36, 'ascii');
  buffer.writeUInt32LE(samples * 2, 40);
  return buffer;
}

const upload = (seconds, name) => Groq.toFile(wav(seconds), name);

test('a transcription answers json {text, x_groq.id}, the text starting with a space (captured: vercel/ai '
  + 'groq-transcription.json)', async () => {
  const transcription = await groq.audio.transcriptions.create({ model: 'whisper-large-v3-turbo',
    file: await upload(1.5, 'memo.wav') });
  assert.deepEqual(Object.keys(transcription), ['text', 'x_groq']);
  assert.equal(transcription.text, ' Emulated transcript of memo.wav: 1.5 seconds of audio.');
  assert.match(transcription.x_groq.id, REQUEST_ID);
});

test('verbose_json with timestamp_granularities[] word and segment: task, language named in English, a numeric '
  + 'duration, words and segments (captured: groq-transcription-word-timestamps.json; API reference)', async () => {
  const transcription = await groq.audio.transcriptions.create({ model: 'whisper-large-v3', language: 'en',
    file: await upload(2, 'memo.wav'), response_format: 'verbose_json', timestamp_granularities: ['word', 'segment'] });
  assert.equal(transcription.task, 'transcribe');
  assert.equal(transcription.language, 'English');
  assert.equal(transcription.duration, 2);
  assert.equal(transcription.text, ' Emulated transcript of memo.wav: 2 seconds of audio.');
  assert.equal(transcription.words.length, 8);
  assert.deepEqual(transcription.words[0], { word: 'Emulated', start: 0, end: 0.25 });
  assert.equal(transcription.words.at(-1).end, 2);
  assert.equal(transcription.segments.length, 1);
  const [segment] = transcription.segments;
  for (const field of ['id', 'seek', 'start', 'end', 'text', 'tokens', 'temperature', 'avg_logprob',
    'compression_ratio', 'no_speech_prob']) {
    assert.ok(field in segment, `segment.${field}`);
  }
  assert.equal(segment.start, 0);
  assert.equal(segment.end, 2);
  assert.equal(segment.text, transcription.text);
});

test('verbose_json with word timestamps only answers "segments": null (captured)', async () => {
  const transcription = await groq.audio.transcriptions.create({ model: 'whisper-large-v3-turbo',
    file: await upload(1, 'memo.wav'), response_format: 'verbose_json', timestamp_granularities: ['word'] });
  assert.equal(transcription.segments, null);
  assert.ok(transcription.words.length > 0);
});

test('response_format text answers the bare text as text/plain (captured: groq-transcription-text.json)', async () => {
  const response = await groq.audio.transcriptions.create({ model: 'whisper-large-v3-turbo',
    file: await upload(1, 'memo.wav'), response_format: 'text' }).asResponse();
  assert.equal(response.headers.get('content-type'), 'text/plain; charset=UTF-8');
  assert.equal(await response.text(), ' Emulated transcript of memo.wav: 1 seconds of audio.');
});

test('a url in place of a file is fetched by Groq (API reference: url, "supports Base64URL")', async () => {
  const transcription = await groq.audio.transcriptions.create({ model: 'whisper-large-v3-turbo',
    url: 'https://example.com/recordings/meeting.m4a?sig=1' });
  assert.equal(transcription.text, ' Emulated transcript of meeting.m4a: 10 seconds of audio.');
});

test('a translation answers English text; verbose_json says task translate, language english (API reference)',
  async () => {
    const translation = await groq.audio.translations.create({ model: 'whisper-large-v3',
      file: await upload(3, 'interview.wav'), response_format: 'verbose_json' });
    assert.equal(translation.task, 'translate');
    assert.equal(translation.language, 'english');
    assert.equal(translation.text, ' Emulated English translation of interview.wav: 3 seconds of audio.');
  });

test('whisper-large-v3-turbo does not translate (speech-to-text docs: "Translation Support: No"; wording '
  + 'unconfirmed)', async () => {
  const error = await refusal(groq.audio.translations.create({ model: 'whisper-large-v3-turbo',
    file: await upload(1, 'interview.wav') }));
  assert.equal(error.status, 400);
  assert.equal(error.error.error.type, 'invalid_request_error');
});

test('a file whose name has none of Groq\'s extensions is refused, listing them (captured: vercel/ai#6413)',
  async () => {
    const error = await refusal(groq.audio.transcriptions.create({ model: 'whisper-large-v3-turbo',
      file: await upload(1, 'audio') }));
    assert.equal(error.status, 400);
    assert.deepEqual(error.error, { error: { message:
      'file must be one of the following types: [flac mp3 mp4 mpeg mpga m4a ogg opus wav webm]',
    type: 'invalid_request_error' } });
  });

test('a prompt over 896 characters is refused with its length (captured: OpenWhispr/openwhispr#405)', async () => {
  const error = await refusal(groq.audio.transcriptions.create({ model: 'whisper-large-v3-turbo',
    file: await upload(1, 'memo.wav'), prompt: 'x'.repeat(904) }));
  assert.equal(error.status, 400);
  assert.equal(error.error.error.message,
    'prompt length must be 896 characters or fewer, but provided prompt contains 904 characters');
});

test('service_tier is not a field of the audio endpoints (their schemas allow no other field; wording unconfirmed)',
  async () => {
    const error = await refusal(groq.audio.transcriptions.create({ model: 'whisper-large-v3-turbo',
      file: await upload(1, 'memo.wav'), service_tier: 'flex' }));
    assert.equal(error.status, 400);
    assert.match(error.error.error.message, /service_tier/);
  });

test('an upload over 25 MB is refused with 413 (speech-to-text docs: "Max Attachment File Size 25 MB"; body '
  + 'unconfirmed)', async () => {
  const error = await refusal(groq.audio.transcriptions.create({ model: 'whisper-large-v3-turbo',
    file: await Groq.toFile(Buffer.alloc(25 * 1024 * 1024 + 1), 'big.flac') }));
  assert.equal(error.status, 413);
});

test('speech answers a mono 16-bit PCM WAV as audio/wav to the SDK\'s Accept: audio/wav (Orpheus docs: WAV only)',
  async () => {
    const input = 'Welcome to Orpheus text-to-speech. [cheerful] This is an example.';
    const response = await groq.audio.speech.create({ model: 'canopylabs/orpheus-v1-english', input, voice: 'troy',
      response_format: 'wav' });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'audio/wav');
    const audio = Buffer.from(await response.arrayBuffer());
    assert.equal(audio.toString('ascii', 0, 4), 'RIFF');
    assert.equal(audio.toString('ascii', 8, 16), 'WAVEfmt ');
    assert.equal(audio.readUInt16LE(20), 1, 'PCM');
    assert.equal(audio.readUInt16LE(22), 1, 'mono');
    assert.equal(audio.readUInt16LE(34), 16, '16-bit');
    assert.equal(audio.readUInt32LE(4), audio.length - 8, 'RIFF size');
    assert.equal(audio.readUInt32LE(40), audio.length - 44, 'data size');
    const seconds = (audio.length - 44) / audio.readUInt32LE(28);
    assert.ok(Math.abs(seconds - input.length / 15) < 0.01, `${seconds} s for ${input.length} characters`);
  });

test('Orpheus speaks only wav: mp3 is refused (captured: openclaw/openclaw#62215)', async () => {
  const error = await refusal(groq.audio.speech.create({ model: 'canopylabs/orpheus-v1-english', input: 'Hi',
    voice: 'troy', response_format: 'mp3' }));
  assert.equal(error.status, 400);
  assert.equal(error.error.error.message, 'response_format must be one of [wav]');
  assert.equal(error.error.error.type, 'invalid_request_error');
});

test('Orpheus takes at most 200 characters of input (Orpheus docs; wording unconfirmed)', async () => {
  const error = await refusal(groq.audio.speech.create({ model: 'canopylabs/orpheus-v1-english',
    input: 'a'.repeat(201), voice: 'troy', response_format: 'wav' }));
  assert.equal(error.status, 400);
  assert.match(error.error.error.message, /200 characters/);
});

test('speech from a speech-to-text model is refused', async () => {
  const error = await refusal(groq.audio.speech.create({ model: 'whisper-large-v3', input: 'Hi', voice: 'troy',
    response_format: 'wav' }));
  assert.equal(error.status, 400);
});
