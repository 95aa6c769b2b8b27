import { Type, type Static } from 'typebox';

/** Thay thế and sửa đổi, bổ sung (Q-12.3d): the shapes a correcting draft sends and its detail shows. */

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const CorrectionKind = Type.Union([Type.Literal('replace'), Type.Literal('amend')], { description: 'replace: thay thế; amend: sửa đổi, bổ sung' });

/** Spread into the draft's fields: on create and on update (null there removes the correction). */
export const CorrectionFields = {
  correctsId: Type.Optional(
    Nullable(Type.String({ format: 'uuid', description: 'Văn bản đi đã phát hành (hoặc đã thu hồi) của cơ quan mà dự thảo này thay thế hoặc sửa đổi, bổ sung' })),
  ),
  correctionKind: Type.Optional(Nullable(CorrectionKind)),
};
export type CorrectionInput = { correctsId?: string | null; correctionKind?: Static<typeof CorrectionKind> | null };

/** On the correcting document: the one it corrects. */
export const Corrects = Nullable(
  Type.Object({
    id: Type.String(),
    numberAndNotation: Type.String(),
    kind: CorrectionKind,
    label: Type.String({ description: '"Thay thế văn bản 03/QĐ-SNV" hoặc "Sửa đổi, bổ sung văn bản 03/QĐ-SNV"' }),
  }),
);

/** On the corrected document: every issued document correcting it, oldest first. */
export const CorrectedBy = Type.Array(
  Type.Object({
    id: Type.String(),
    numberAndNotation: Type.String(),
    kind: CorrectionKind,
    issuedAt: Type.String(),
    recalledAt: Nullable(Type.String({ description: 'Văn bản sửa đổi, thay thế đã bị thu hồi' })),
    label: Type.String({ description: '"Đã bị thay thế bởi 05/QĐ-SNV" hoặc "Được sửa đổi, bổ sung bởi 05/QĐ-SNV"' }),
  }),
);
