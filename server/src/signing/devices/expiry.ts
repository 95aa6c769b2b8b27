/**
 * Cảnh báo chứng thư số sắp hết hạn: 30 days before a registered certificate expires, an
 * in-app notice goes once to whoever must renew it — the owner of a personal certificate; for a
 * certificate on an agency device, the clerk holding the device and the agency's head and admins.
 */
import type { Db } from '../../infra/db/database.js';
import { inTransaction } from '../../infra/db/database.js';
import type { JobDefinition } from '../../infra/jobs/index.js';
import { legalDate } from '../../infra/time/legal-time.js';
import { notify } from '../../notifications/index.js';
import { listAgencyUsersWithRole } from '../../users/index.js';
import type { SigningTables } from '../tables.js';
import { currentHolder, EXPIRY_WARNING_DAYS } from './service.js';

const DAY_MS = 86_400_000;

/** "CN=Nguyễn Văn A, O=…" (or the multi-line form node prints) → "Nguyễn Văn A"; the whole subject when it has no CN. */
export function commonName(subject: string): string {
  return /(?:^|[\n,]\s*)CN=([^\n,]+)/.exec(subject)?.[1].trim() ?? subject;
}

const viDate = (at: Date) => legalDate(at).split('-').reverse().join('/');

/**
 * Notices for every certificate that expires within 30 days and has not expired yet; the dedupe
 * key makes each person hear once per certificate however often this runs. Returns how many
 * certificates were due. Runs in the caller's transaction.
 */
export async function sendCertificateExpiryNotices(db: Db, at: Date): Promise<number> {
  const q = db.withTables<SigningTables>();
  const due = await q
    .selectFrom('signing_certificate as c')
    .leftJoin('signing_key_device as d', 'd.id', 'c.device_id')
    .select(['c.id', 'c.agency_id', 'c.subject', 'c.serial_number', 'c.not_after', 'c.device_id', 'c.owner_user_id', 'd.label as device_label', 'd.retired_at'])
    .where('c.not_after', '>', at)
    .where('c.not_after', '<=', new Date(at.getTime() + EXPIRY_WARNING_DAYS * DAY_MS))
    .execute();
  let sent = 0;
  for (const c of due) {
    const until = `hết hạn ngày ${viDate(c.not_after)}`;
    if (c.owner_user_id) {
      await notify(db, at, {
        userIds: [c.owner_user_id],
        agencyId: c.agency_id,
        kind: 'signing.certificate_expiring',
        title: `Chứng thư số cá nhân của đồng chí (${commonName(c.subject)}, số hiệu ${c.serial_number}) sẽ ${until}; đề nghị gia hạn hoặc đăng ký chứng thư mới.`,
        link: '/chu-ky-so',
        dedupeKey: `certificate-expiry:${c.id}`,
      });
      sent++;
    } else if (c.device_id && !c.retired_at) {
      const holder = await currentHolder(db, c.device_id);
      const heads = await listAgencyUsersWithRole(db, c.agency_id, 'agency_head');
      const admins = await listAgencyUsersWithRole(db, c.agency_id, 'admin');
      await notify(db, at, {
        userIds: [...(holder ? [holder] : []), ...heads.map((u) => u.id), ...admins.map((u) => u.id)],
        agencyId: c.agency_id,
        kind: 'signing.certificate_expiring',
        title: `Chứng thư số của cơ quan trên thiết bị "${c.device_label}" (số hiệu ${c.serial_number}) sẽ ${until}; đề nghị gia hạn trước khi hết hạn.`,
        link: '/chu-ky-so',
        urgent: true,
        dedupeKey: `certificate-expiry:${c.id}`,
      });
      sent++;
    }
  }
  return sent;
}

/** Hourly, once across all nodes: warns of certificates expiring within 30 days (each certificate once per person). */
export const certificateExpiryNotices: JobDefinition = {
  name: 'signing.certificate-expiry',
  everyMs: 60 * 60 * 1000,
  async run(_slot, { db, clock }) {
    const now = clock.now();
    await inTransaction(db, (trx) => sendCertificateExpiryNotices(trx, now));
  },
};
