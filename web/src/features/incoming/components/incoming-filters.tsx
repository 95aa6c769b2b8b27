import { DatePicker, Flex, Input, InputNumber, Select } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { STATUS_OPTIONS, URGENCY_OPTIONS } from './labels';
import type { ListParams, ListParamsUpdate } from './use-list-params';

interface Props {
  value: ListParams;
  onChange: (next: ListParamsUpdate) => void;
  /** The late report only knows the year; other filters would silently do nothing there. */
  yearOnly?: boolean;
}

export function IncomingFiltersBar({ value, onChange, yearOnly }: Props) {
  const { filters } = value;
  return (
    <Flex gap={12} wrap style={{ marginBottom: 16 }}>
      {!yearOnly && (
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder="Tìm theo số, ký hiệu, cơ quan ban hành, trích yếu (gõ có dấu hoặc không dấu)"
          aria-label="Tìm văn bản đến"
          value={value.search}
          maxLength={200}
          onChange={(e) => onChange({ search: e.target.value })}
          style={{ flex: '1 1 280px' }}
          data-testid="incoming-search"
        />
      )}
      <DatePicker
        picker="year"
        allowClear={false}
        aria-label="Năm"
        value={dayjs().year(filters.year)}
        format="[Năm] YYYY"
        onChange={(v) => v && onChange({ filters: { year: v.year() } })}
        style={{ width: 130 }}
      />
      {!yearOnly && (
        <>
          <Select
            allowClear
            aria-label="Độ khẩn"
            placeholder="Mọi độ khẩn"
            options={URGENCY_OPTIONS}
            value={filters.urgency}
            onChange={(u?: number) => onChange({ filters: { urgency: u } })}
            style={{ width: 150 }}
          />
          <Select
            allowClear
            aria-label="Trạng thái"
            placeholder="Mọi trạng thái"
            options={STATUS_OPTIONS}
            value={filters.status}
            onChange={(s?: 'registered' | 'cancelled') => onChange({ filters: { status: s } })}
            style={{ width: 150 }}
          />
          <Flex gap={4} align="center">
            <InputNumber
              min={1}
              precision={0}
              placeholder="Từ số"
              aria-label="Từ số đến"
              value={filters.fromNumber}
              onChange={(n) => onChange({ filters: { fromNumber: n ?? undefined } })}
              style={{ width: 100 }}
            />
            <span>–</span>
            <InputNumber
              min={1}
              precision={0}
              placeholder="Đến số"
              aria-label="Đến số đến"
              value={filters.toNumber}
              onChange={(n) => onChange({ filters: { toNumber: n ?? undefined } })}
              style={{ width: 100 }}
            />
          </Flex>
        </>
      )}
    </Flex>
  );
}
