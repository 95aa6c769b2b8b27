import type { UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError } from '@/lib/api';
import type { StoredFile } from '@/lib/files';
import { foldVietnamese } from '@/lib/names';
import { blankToNull } from '@/lib/validation';
import type { DuplicateMatch, Prefill, RegisterIncomingInput, Secrecy, Source, Urgency } from '../api/types';
import { toIsoDate } from './format';

/** The registration form as the person fills it in (pickers give dayjs, uploads give file lists). */
export interface RegisterValues {
  source: Source;
  secrecy: Secrecy;
  arrivedAt?: Dayjs;
  mainFile?: UploadFile<StoredFile>[];
  attachments?: UploadFile<StoredFile>[];
  issuerName: string;
  issuerCode?: string;
  codeNumber?: string;
  codeNotation?: string;
  issuedDate?: Dayjs;
  typeName: string;
  subject: string;
  signerPosition?: string;
  signerName?: string;
  pageAmount?: number;
  documentIdentifier?: string;
  language?: string;
  urgency: Urgency;
  urgentDeadline?: Dayjs;
  dueDate?: Dayjs;
  toPlaces?: string;
  description?: string;
}

export const REGISTER_DEFAULTS: Partial<RegisterValues> = { source: 'paper', secrecy: 'none', urgency: 0, language: 'Tiếng Việt', mainFile: [], attachments: [] };

const uploadedIds = (files: UploadFile<StoredFile>[] | undefined) => (files ?? []).flatMap((f) => (f.status === 'done' && f.response ? [f.response.id] : []));

/** The stored id of the main file once its upload has finished. */
export const uploadedMainId = (files: UploadFile<StoredFile>[] | undefined): string | undefined => uploadedIds(files)[0];

/** The fields the server can read off a PDF, named as the form's labels name them. */
export const PREFILL_LABELS: Record<keyof Prefill, string> = {
  issuerName: 'Cơ quan ban hành',
  issuerCode: 'Mã định danh cơ quan ban hành',
  codeNumber: 'Số',
  codeNotation: 'Ký hiệu',
  issuedDate: 'Ngày văn bản',
  typeName: 'Tên loại văn bản',
  subject: 'Trích yếu',
  signerName: 'Họ tên người ký',
  pageAmount: 'Số trang',
};

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * The suggestions that go into fields still empty; what the clerk typed always stays. The issuer's
 * code comes only with its name: a code read for one issuer must not land beside another's name.
 */
export function prefillGaps(prefill: Prefill, current: (name: keyof Prefill) => unknown): Partial<RegisterValues> {
  const out: Partial<Record<keyof Prefill, unknown>> = {};
  for (const name of Object.keys(PREFILL_LABELS) as (keyof Prefill)[]) {
    const suggested = prefill[name];
    if (isBlank(suggested) || !isBlank(current(name))) continue;
    out[name] = name === 'issuedDate' ? dayjs(suggested as string) : suggested;
  }
  const typedIssuer = current('issuerName');
  if (out.issuerCode && !out.issuerName && foldVietnamese(String(typedIssuer)) !== foldVietnamese(prefill.issuerName ?? '')) delete out.issuerCode;
  return out as Partial<RegisterValues>;
}

export function toRegisterInput(v: RegisterValues): RegisterIncomingInput {
  return {
    source: v.source,
    secrecy: v.secrecy,
    arrivedAt: v.arrivedAt?.toISOString(),
    mainFileId: uploadedIds(v.mainFile)[0] ?? null,
    attachmentFileIds: uploadedIds(v.attachments),
    issuerName: v.issuerName.trim(),
    issuerCode: blankToNull(v.issuerCode),
    codeNumber: blankToNull(v.codeNumber),
    codeNotation: blankToNull(v.codeNotation),
    issuedDate: toIsoDate(v.issuedDate) ?? null,
    typeName: v.typeName.trim(),
    subject: v.subject.trim(),
    signerPosition: blankToNull(v.signerPosition),
    signerName: blankToNull(v.signerName),
    pageAmount: v.pageAmount ?? null,
    documentIdentifier: blankToNull(v.documentIdentifier),
    language: v.language?.trim() || undefined,
    urgency: v.urgency,
    urgentDeadline: v.urgency === 4 ? (v.urgentDeadline?.toISOString() ?? null) : null,
    dueDate: toIsoDate(v.dueDate) ?? null,
    toPlaces: blankToNull(v.toPlaces),
    description: blankToNull(v.description),
  };
}

/** Server field names that the form shows under another name. */
const FIELD_ALIASES: Record<string, keyof RegisterValues> = { mainFileId: 'mainFile', attachmentFileIds: 'attachments' };

/**
 * A 400 VALIDATION_FAILED as errors under the fields concerned. Schema checks come back in English
 * ("must match pattern"), so those get a Vietnamese wording; the service's own checks are already
 * in Vietnamese and are shown as they are.
 */
export function serverFieldErrors(error: unknown, known: string[]): { name: keyof RegisterValues; errors: string[] }[] {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED' || !Array.isArray(error.details)) return [];
  const found = new Map<keyof RegisterValues, string>();
  for (const d of error.details as { field?: string; rule?: string }[]) {
    const raw = (d.field ?? '').replace(/^body\//, '').split('/')[0] ?? '';
    const name = (FIELD_ALIASES[raw] ?? raw) as keyof RegisterValues;
    if (!known.includes(name) || found.has(name)) continue;
    found.set(name, d.rule ? 'Giá trị không hợp lệ' : error.message);
  }
  return [...found].map(([name, message]) => ({ name, errors: [message] }));
}

export function duplicateMatches(error: unknown): DuplicateMatch[] | undefined {
  if (!(error instanceof ApiError) || error.code !== 'DUPLICATE_SUSPECTED') return undefined;
  return ((error.details as { matches?: DuplicateMatch[] } | undefined)?.matches ?? []) as DuplicateMatch[];
}

export const isSecretRefusal = (error: unknown) => error instanceof ApiError && error.code === 'SECRET_DOCUMENT_REFUSED';
