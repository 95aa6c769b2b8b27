import { Type, type Static } from 'typebox';
import { NonBlank } from '../infra/http/schemas.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

/** Phụ lục in separate files (Q-8.2c), in their order; the title defaults to the file's name. */
export const MAX_APPENDICES = 20;
const AppendixInput = Type.Object({
  fileId: Type.String({ format: 'uuid', description: 'Tệp phụ lục (.pdf, hoặc .docx, .odt, .doc, .rtf được chuyển sang PDF)' }),
  title: Type.Optional(NonBlank(300, { description: 'Tên phụ lục, như "Phụ lục I. Danh sách…"' })),
});
export type AppendixInput = Static<typeof AppendixInput>;
export const Appendices = (description: string) => Type.Array(AppendixInput, { maxItems: MAX_APPENDICES, description });

/** An appendix as the detail of a version shows it. */
export const Appendix = Type.Object({
  id: Type.String(),
  ordinal: Type.Number(),
  title: Type.String(),
  sourceFileId: Type.String(),
  pdfFileId: Nullable(Type.String()),
  conversion: Type.String({ description: 'not_needed, pending, done, failed' }),
  conversionError: Nullable(Type.String()),
  sealedFileId: Nullable(Type.String({ description: 'Phụ lục đã ký số của cơ quan, khi văn bản đã phát hành' })),
});
