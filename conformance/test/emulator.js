'use strict';
// Starts GroqEmulatorLauncher from the built groq-spring-boot-test module on a free loopback
// port and hands out groq-sdk clients pointed at it. A missing JDK or an unbuilt module is an
// error, never a skip.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const Groq = require('groq-sdk');

const TARGET = path.resolve(__dirname, '../../groq-spring-boot-test/target');
const LAUNCHER = 'io.github.groqspring.test.GroqEmulatorLauncher';

function classpath() {
  const classes = path.join(TARGET, 'classes');
  const dependencies = path.join(TARGET, 'emulator-classpath.txt');
  if (!fs.existsSync(path.join(classes, 'io/github/groqspring/test/GroqEmulatorLauncher.class')) ||
      !fs.existsSync(dependencies)) {
    throw new Error('The emulator is not built: run ./mvnw -B -q -pl groq-spring-boot-test -am package -DskipTests '
      + `first (looked in ${TARGET})`);
  }
  return [classes, fs.readFileSync(dependencies, 'utf8').trim()].filter((part) => part).join(path.delimiter);
}

function java() {
  return process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

/**
 * Start an emulator process.
 * @param {string[]} args launcher options, e.g. ['--flex-capacity-exceeded']
 * @returns {Promise<{url: string, client: (options?: object) => Groq, stop: () => Promise<void>}>}
 */
function startEmulator(args = []) {
  const child = spawn(java(), ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Xss512k', '-cp', classpath(),
    LAUNCHER, '--exit-on-stdin-eof', ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`The emulator did not start within 60 s; it printed: ${output}`));
    }, 60_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`Could not run ${java()} (is a JDK 17+ installed?): ${error.message}`));
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The emulator exited with ${code} before it listened; it printed: ${output}`));
    });
    child.stdout.on('data', (data) => {
      output += data;
      const match = /GROQ_EMULATOR_URL=(\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        const url = match[1];
        resolve({
          url,
          client: (options = {}) => new Groq({ apiKey: 'gsk_conformance', baseURL: url, maxRetries: 0, ...options }),
          stop: () => new Promise((done) => {
            child.on('exit', () => done());
            child.stdin.end();
          }),
        });
      }
    });
  });
}

/** A request Groq refuses: the SDK's typed error, its status, and Groq's error body. */
async function refusal(promise) {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof Groq.APIError)) {
      throw error;
    }
    return error;
  }
  throw new Error('Groq would refuse this request, but the emulator answered it');
}

/** Validates a value against the JSON Schema subset the cases use. */
function conforms(schema, value, at = '$') {
  const problems = [];
  const type = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const typeOf = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array'
    : Number.isInteger(v) ? 'integer' : typeof v);
  if (type.length && !type.some((t) => t === typeOf(value) || (t === 'number' && typeOf(value) === 'integer'))) {
    problems.push(`${at}: ${typeOf(value)} is not ${type.join('|')}`);
  }
  if (schema.enum && !schema.enum.includes(value)) {
    problems.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  }
  if (typeof schema.minimum === 'number' && value < schema.minimum) {
    problems.push(`${at}: ${value} < ${schema.minimum}`);
  }
  if (typeOf(value) === 'object') {
    for (const name of schema.required || []) {
      if (!(name in value)) {
        problems.push(`${at}: ${name} is missing`);
      }
    }
    for (const [name, child] of Object.entries(value)) {
      if (schema.properties && schema.properties[name]) {
        problems.push(...conforms(schema.properties[name], child, `${at}.${name}`));
      } else if (schema.additionalProperties === false) {
        problems.push(`${at}: ${name} is not allowed`);
      }
    }
  }
  if (typeOf(value) === 'array') {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) {
      problems.push(`${at}: fewer than ${schema.minItems} items`);
    }
    value.forEach((item, index) => problems.push(...conforms(schema.items || {}, item, `${at}[${index}]`)));
  }
  return problems;
}

const REQUEST_ID = /^req_01[0-9a-hjkmnp-tv-z]{24}$/;

module.exports = { startEmulator, refusal, conforms, REQUEST_ID, Groq };
