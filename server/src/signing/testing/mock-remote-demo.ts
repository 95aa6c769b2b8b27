/**
 * The mock remote signing provider for a demonstration, since no real one is reachable here:
 *   npx tsx server/src/signing/testing/mock-remote-demo.ts
 * It makes a test CA with two signers (accounts demo-rsa and demo-ecdsa, confirming at the second
 * poll), writes the CA and signer certificates as base64 DER files, and prints the settings to
 * start VănThư with. Test keys only: never point a production server at it.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startMockProvider } from './mock-remote-provider.js';
import { createTestPki } from './test-pki.js';

const port = Number(process.env.VANTHU_MOCK_REMOTE_PORT ?? 8787);
const pki = await createTestPki();
const provider = await startMockProvider({
  port,
  clientSecret: 'demo-secret',
  confirmAfterPolls: 2,
  accounts: { 'demo-rsa': { keyPem: pki.rsa.keyPem, chain: pki.rsa.chain }, 'demo-ecdsa': { keyPem: pki.ecdsa.keyPem, chain: pki.ecdsa.chain } },
});
const files = { root: join(pki.dir, 'demo-root.b64'), rsa: join(pki.dir, 'demo-rsa.b64'), ecdsa: join(pki.dir, 'demo-ecdsa.b64') };
await writeFile(files.root, pki.root.toString('base64'));
await writeFile(files.rsa, pki.rsa.certificate.toString('base64'));
await writeFile(files.ecdsa, pki.ecdsa.certificate.toString('base64'));
console.log(`Dịch vụ ký số từ xa giả lập đang chạy tại ${provider.url}

Khởi động VănThư với:
  VANTHU_REMOTE_SIGNING_URL=${provider.url} VANTHU_REMOTE_SIGNING_CLIENT_ID=${provider.clientId} VANTHU_REMOTE_SIGNING_CLIENT_SECRET=${provider.clientSecret} VANTHU_REMOTE_SIGNING_NAME="Ký số từ xa (giả lập)" VANTHU_DEMO=1 npm start

Sau đó: quản trị thêm CA ${files.root} vào danh sách tin cậy (POST /api/signing/trust-anchors);
người ký đăng ký chứng thư ${files.ecdsa} có chứng minh sở hữu khóa: tạo thử thách
(POST /api/signing/certificates/challenges), gửi nó tới dịch vụ với tài khoản demo-ecdsa
(POST /api/signing/certificates/challenges/:id/remote), chờ ký (GET cùng địa chỉ), rồi gửi
challengeId và signature (POST /api/signing/certificates). Khi ký văn bản, chọn "ký số từ xa"
với tài khoản demo-ecdsa (hoặc demo-rsa với ${files.rsa}).
Nhấn Ctrl+C để dừng.`);

const stop = async () => {
  await provider.close();
  await pki.cleanup();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
