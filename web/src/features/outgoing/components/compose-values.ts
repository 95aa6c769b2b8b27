import type { UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { StoredFile } from '@/lib/files';
import { toIsoDate } from '@/features/incoming/components/format';
import type { CreateOutgoingInput, DraftFields, OutgoingDetail } from '../api/types';

/** The drafting form as the person fills it in (pickers give dayjs, the upload gives a file list). */
export interface ComposeValues {
  file?: UploadFile<StoredFile>[];
  /** Phụ lục in separate files; each takes its file name as title. */
  appendixFiles?: UploadFile<StoredFile>[];
  typeCode: string;
  summary: string;
  urgency: number;
  replyDeadline?: Dayjs;
  draftingUnitId?: string;
  signerId: string;
  signerAuthority: string;
  signerPosition: string;
  recipientAgencyIds?: string[];
  externalRecipients?: string[];
  toPlaces: string;
  paperReason?: string;
  series?: string;
  correctionKind?: 'replace' | 'amend';
  correctsId?: string;
}

export const COMPOSE_DEFAULTS: Partial<ComposeValues> = { urgency: 0, signerAuthority: '', file: [], appendixFiles: [], recipientAgencyIds: [], externalRecipients: [], series: '' };

export const uploadedId = (files: UploadFile<StoredFile>[] | undefined) => files?.find((f) => f.status === 'done' && f.response)?.response?.id;

export function toCreateInput(v: ComposeValues, replyToIncomingId: string | null): CreateOutgoingInput {
  const appendices = (v.appendixFiles ?? []).filter((f) => f.status === 'done' && f.response).map((f) => ({ fileId: f.response!.id }));
  return { fileId: uploadedId(v.file)!, ...toDraftFields(v), replyToIncomingId, ...(appendices.length > 0 && { appendices }) };
}

/** The form's values as the API takes them, for a new draft and for an edit. */
export function toDraftFields(v: ComposeValues): DraftFields {
  return {
    typeCode: v.typeCode,
    summary: v.summary.trim(),
    urgency: v.urgency,
    replyDeadline: toIsoDate(v.replyDeadline) ?? null,
    draftingUnitId: v.draftingUnitId,
    signerId: v.signerId,
    signerAuthority: v.signerAuthority,
    signerPosition: v.signerPosition.trim(),
    recipientAgencyIds: v.recipientAgencyIds ?? [],
    externalRecipients: (v.externalRecipients ?? []).map((n) => n.trim()).filter(Boolean),
    toPlaces: v.toPlaces.trim(),
    paperReason: v.paperReason ?? null,
    series: v.series ?? '',
    correctsId: v.correctionKind && v.correctsId ? v.correctsId : null,
    correctionKind: v.correctionKind && v.correctsId ? v.correctionKind : null,
  };
}

/** Where a document goes, as the form holds it; a correction starts from its original's (Q-12.3d). */
export function recipientsOf(d: OutgoingDetail): Pick<ComposeValues, 'recipientAgencyIds' | 'externalRecipients' | 'toPlaces'> {
  return {
    recipientAgencyIds: d.recipients.filter((r) => r.agencyId).map((r) => r.agencyId!),
    externalRecipients: d.recipients.filter((r) => !r.agencyId).map((r) => r.name),
    toPlaces: d.toPlaces,
  };
}

/** A saved draft as the form shows it for editing. */
export function fromDocument(d: OutgoingDetail): ComposeValues {
  return {
    typeCode: d.typeCode,
    summary: d.summary,
    urgency: d.urgency,
    replyDeadline: d.replyDeadline ? dayjs(d.replyDeadline) : undefined,
    draftingUnitId: d.draftingUnitId,
    signerId: d.signerId,
    signerAuthority: d.signerAuthority,
    signerPosition: d.signerPosition,
    ...recipientsOf(d),
    paperReason: d.paperReason ?? undefined,
    series: d.series,
    correctionKind: d.correctionKind ?? undefined,
    correctsId: d.correctsId ?? undefined,
  };
}

/** "Nơi nhận" as printed at the foot of the document (NĐ 30 Phụ lục I): one line per recipient, then the copies kept. */
export function toPlacesText(names: string[], unitAbbreviation: string | undefined): string {
  const lines = names.map((n) => `- ${n};`);
  lines.push(`- Lưu: VT${unitAbbreviation ? `, ${unitAbbreviation}` : ''}.`);
  return lines.join('\n');
}
