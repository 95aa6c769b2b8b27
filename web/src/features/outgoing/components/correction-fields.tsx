import { useRef, useState } from 'react';
import { Col, Form, Row, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useAgencies } from '@/lib/directory';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { outgoingDetailQuery, useOutgoingList } from '../api/outgoing';
import { recipientsOf, type ComposeValues } from './compose-values';

type Recipients = ReturnType<typeof recipientsOf>;
/** Filled in, or left alone, together. */
const GROUPS: (keyof Recipients)[][] = [['recipientAgencyIds', 'externalRecipients'], ['toPlaces']];

const blank = (v: unknown) => v === undefined || v === null || (Array.isArray(v) ? v.length === 0 : String(v).trim() === '');
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * A signed original is never changed (Q-12.3d): a correction is a new document that replaces or
 * amends an issued one, chosen here from the agency's issued documents. Choosing it fills in the
 * original's recipients and "Nơi nhận" where the person has not written their own.
 */
export function CorrectionFields() {
  const form = Form.useFormInstance<ComposeValues>();
  const kind = Form.useWatch('correctionKind', form);
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const issued = useOutgoingList({ queue: 'issued', q: q || undefined });
  const options = (issued.data ?? []).filter((d) => d.state === 'issued' || d.state === 'recalled').map((d) => ({ value: d.id, label: `${d.numberAndNotation} — ${d.summary}` }));
  const queryClient = useQueryClient();
  const agencies = useAgencies();
  // What the last choice filled in: still unchanged, it gives way to the next choice.
  const filled = useRef<Partial<Recipients>>({});

  const fillFrom = async (id: string | undefined) => {
    if (!id) return;
    const original = await queryClient.fetchQuery(outgoingDetailQuery(id)).catch(() => undefined);
    if (!original || form.getFieldValue('correctsId') !== id) return;
    const next = recipientsOf(original);
    // An agency closed since the original went out cannot receive the correction.
    const closed = new Set((agencies.data ?? []).filter((a) => a.disabled).map((a) => a.id));
    next.recipientAgencyIds = next.recipientAgencyIds?.filter((a) => !closed.has(a));
    const untouched = (names: (keyof Recipients)[]) => names.every((n) => blank(form.getFieldValue(n)) || same(form.getFieldValue(n), filled.current[n]));
    form.setFields(GROUPS.filter(untouched).flat().map((name) => ({ name, value: next[name], errors: [] })));
    filled.current = next;
  };

  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item label="Văn bản sửa sai" name="correctionKind">
          <Select
            allowClear
            placeholder="Không"
            options={[
              { value: 'replace', label: 'Thay thế văn bản đã ban hành' },
              { value: 'amend', label: 'Sửa đổi, bổ sung văn bản đã ban hành' },
            ]}
            onChange={(v) => !v && form.setFieldValue('correctsId', undefined)}
          />
        </Form.Item>
      </Col>
      {kind && (
        <Col xs={24} md={16}>
          <Form.Item
            label="Văn bản được thay thế, sửa đổi"
            name="correctsId"
            rules={[{ required: true, message: 'Chọn văn bản đã ban hành' }]}
            extra="Nơi nhận chưa nhập được điền theo nơi nhận của văn bản này; sửa nếu cần."
          >
            <Select
              showSearch={{ filterOption: false, onSearch: setSearch }}
              loading={issued.isPending}
              options={options}
              placeholder="Tìm theo số, ký hiệu, trích yếu"
              onChange={(id: string | undefined) => void fillFrom(id)}
            />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}
