/**
 * VănThư signing agent (Q-5.4): run by a person on their own machine, so their private key never
 * reaches the server. It signs the request that the server prepared — one file, or several in
 * one run (a document and its appendices, see request.ts) — and prints the answer.
 *
 *   npx tsx server/src/signing/agent/cli.ts --p12 my.p12 [--request req.json] [--output res.json]
 *   npx tsx server/src/signing/agent/cli.ts --pkcs11-module /usr/lib/…/lib.so --key-id 01
 *       [--token-label LABEL | --slot ID] [--chain issuers.pem]… [--request …] [--output …]
 *
 * Registering a certificate (proof of possession, registration.ts): the same key options after the
 * word `register`, the server's challenge as the request; the answer is posted back to the server.
 *
 *   npx tsx server/src/signing/agent/cli.ts register --p12 my.p12 --request challenge.json --output answer.json
 *
 * The request comes from --request or stdin; the answer goes to --output or stdout. The password
 * (PKCS#12) or PIN (PKCS#11) comes from VANTHU_P12_PASSWORD / VANTHU_PKCS11_PIN, or, with
 * --secret-stdin, from the first line of stdin (then the request follows it unless --request is
 * given). Never as an argument, where `ps` would show it to every user of the machine.
 * Exit codes: 0 signed, 1 refused or failed (reason on stderr, in Vietnamese), 2 wrong usage.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { openKeySource, SECRET_VARIABLES, type KeySource } from './key-source.js';
import { answerChallenge, parseChallenge } from './registration.js';
import { fingerprints, parseRequest, signRequest } from './request.js';

class UsageError extends Error {}

function parseCommandLine(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      request: { type: 'string' },
      output: { type: 'string' },
      p12: { type: 'string' },
      'pkcs11-module': { type: 'string' },
      'key-id': { type: 'string' },
      'token-label': { type: 'string' },
      slot: { type: 'string' },
      chain: { type: 'string', multiple: true },
      'secret-stdin': { type: 'boolean' },
    },
  });
  if (positionals.length > 1 || (positionals.length === 1 && positionals[0] !== 'register')) {
    throw new UsageError(`Lệnh không hợp lệ: ${positionals.join(' ')}. Chỉ có lệnh "register" (đăng ký chứng thư số); bỏ trống để ký văn bản.`);
  }
  let source: KeySource;
  if (values.p12 && !values['pkcs11-module']) {
    source = { kind: 'p12', file: values.p12 };
  } else if (values['pkcs11-module'] && !values.p12) {
    if (!values['key-id']) throw new UsageError('Cần --key-id (CKA_ID dạng hex) khi dùng --pkcs11-module.');
    source = { kind: 'pkcs11', module: values['pkcs11-module'], keyId: values['key-id'], tokenLabel: values['token-label'], slot: values.slot, chainFiles: values.chain ?? [] };
  } else {
    throw new UsageError('Cần đúng một nguồn khoá: --p12 <tệp> hoặc --pkcs11-module <thư viện> --key-id <hex>.');
  }
  const requestFile = values.request === '-' ? undefined : values.request;
  return { register: positionals[0] === 'register', source, requestFile, output: values.output, secretOnStdin: values['secret-stdin'] ?? false };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function readRequestFile(file: string): Promise<string> {
  return readFile(file, 'utf8').catch(() => {
    throw new Error(`Không đọc được tệp yêu cầu ký ${file}.`);
  });
}

async function main(): Promise<void> {
  const options = parseCommandLine(process.argv.slice(2));
  const stdin = options.secretOnStdin || !options.requestFile ? await readStdin() : '';
  let secret: string | undefined;
  let requestText: string;
  if (options.secretOnStdin) {
    const newline = stdin.indexOf('\n');
    secret = (newline < 0 ? stdin : stdin.slice(0, newline)).replace(/\r$/, '');
    requestText = options.requestFile ? await readRequestFile(options.requestFile) : stdin.slice(newline + 1);
  } else {
    secret = process.env[SECRET_VARIABLES[options.source.kind]];
    requestText = options.requestFile ? await readRequestFile(options.requestFile) : stdin;
  }
  if (secret === undefined) {
    throw new UsageError(`Cần mật khẩu/mã PIN: đặt biến môi trường ${SECRET_VARIABLES[options.source.kind]} hoặc dùng --secret-stdin.`);
  }

  if (options.register) {
    const challenge = parseChallenge(requestText);
    const signer = await openKeySource(options.source, secret);
    process.stderr.write(`Chứng minh sở hữu khoá ${signer.algorithm} để đăng ký chứng thư số SHA-256 ${challenge.fingerprint} (thử thách ${challenge.challengeId}).\n`);
    return emit(options.output, await answerChallenge(signer, challenge));
  }
  const request = parseRequest(requestText);
  const signer = await openKeySource(options.source, secret);
  const digests = fingerprints(request);
  if (digests.length === 1) process.stderr.write(`Ký thuộc tính ký có SHA-256 ${digests[0]} bằng khoá ${signer.algorithm}.\n`);
  else process.stderr.write(`Ký ${digests.length} tệp bằng khoá ${signer.algorithm}; SHA-256 thuộc tính ký:\n${digests.map((d, i) => `  ${i + 1}. ${d}\n`).join('')}`);
  await emit(options.output, await signRequest(signer, request));
}

async function emit(output: string | undefined, value: unknown): Promise<void> {
  const answer = `${JSON.stringify(value)}\n`;
  if (output) await writeFile(output, answer);
  else process.stdout.write(answer);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Lỗi: ${message}\n`);
  // parseArgs reports unknown options with its own error codes.
  const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  process.exitCode = usage ? 2 : 1;
});
