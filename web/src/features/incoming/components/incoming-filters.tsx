import { DatePicker, Flex, Input, InputNumber, Select } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { toIsoDate } from './format';
import { STATUS_OPTIONS, URGENCY_OPTIONS } from './labels';
import type { ListParams, ListParamsUpdate } from './use-list-params';

interface Props {
  value: ListParams;
  onChange: (next: ListParamsUpdate) => void;
  /** The late report only knows the year; other filters would silently do nothing there. */
  yearOnly?: boolean;
  /** In a clerk's queue the status is the queue's own (registered), so its select would mislead. */
  hideStatus?: boolean;
}

type Range = [Dayjs | null, Dayjs | null] | null;

const toRange = (from?: string, to?: string): Range => (from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : null);
const fromRange = (range: Range) => ({ from: toIsoDate(range?.[0]), to: toIsoDate(range?.[1]) });

export function IncomingFiltersBar({ value, onChange, yearOnly, hideStatus }: Props) {
  const { filters } = value;
  const year = dayjs().year(filters.year);
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
        value={year}
        format="[Năm] YYYY"
        // Arrival dates lie within the register's year, so another year starts without them.
        onChange={(v) => v && onChange({ filters: { year: v.year(), fromDate: undefined, toDate: undefined } })}
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
          {!hideStatus && (
            <Select
              allowClear
              aria-label="Trạng thái"
              placeholder="Mọi trạng thái"
              options={STATUS_OPTIONS}
              value={filters.status}
              onChange={(s?: 'registered' | 'cancelled') => onChange({ filters: { status: s } })}
              style={{ width: 150 }}
            />
          )}
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
          <DatePicker.RangePicker
            format="DD/MM/YYYY"
            placeholder={['Ngày đến: từ', 'đến ngày']}
            allowEmpty={[true, true]}
            value={toRange(filters.fromDate, filters.toDate)}
            disabledDate={(d) => d.year() !== filters.year}
            defaultPickerValue={filters.year === dayjs().year() ? undefined : [year.startOf('year'), year.startOf('year')]}
            onChange={(range) => {
              const { from, to } = fromRange(range);
              onChange({ filters: { fromDate: from, toDate: to } });
            }}
            style={{ width: 260 }}
            data-testid="arrival-date-range"
          />
          <DatePicker.RangePicker
            format="DD/MM/YYYY"
            placeholder={['Ngày văn bản: từ', 'đến ngày']}
            allowEmpty={[true, true]}
            value={toRange(filters.issuedFrom, filters.issuedTo)}
            onChange={(range) => {
              const { from, to } = fromRange(range);
              onChange({ filters: { issuedFrom: from, issuedTo: to } });
            }}
            style={{ width: 300 }}
            data-testid="issued-date-range"
          />
        </>
      )}
    </Flex>
  );
}
