import type { UploadFile } from 'antd';
import type { Dayjs } from 'dayjs';
import { ApiError } from '@/lib/api';
import type { StoredFile } from '@/lib/files';
import { blankToNull } from '@/lib/validation';
import type { DuplicateMatch, RegisterIncomingInput, Secrecy, Source, Urgency } from '../api/types';
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
