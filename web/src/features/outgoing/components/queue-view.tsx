import { useState } from 'react';
import { Alert, DatePicker, Flex, Input, Select } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { errorMessage } from '@/lib/api';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { useOutgoingList } from '../api/outgoing';
import type { DeliveryFilter, OutgoingQueue } from '../api/types';
import { OutgoingTable } from './outgoing-table';

interface Props {
  queue: OutgoingQueue;
  search: string;
  year: number;
  onSearch: (search: string) => void;
  onYear: (year: number) => void;
}

const EMPTY: Record<OutgoingQueue, string> = {
  mine: 'Bạn chưa soạn văn bản đi nào',
  approve: 'Không có dự thảo nào chờ duyệt',
  sign: 'Không có văn bản nào chờ ký',
  issue: 'Không có văn bản nào chờ phát hành',
  issued: 'Chưa có văn bản nào phát hành trong năm',
};

/** One queue with its search box; the register of issued documents is read year by year. */
export function QueueView({ queue, search, year, onSearch, onYear }: Props) {
  const q = useDebouncedValue(search.trim());
  const [delivery, setDelivery] = useState<DeliveryFilter>();
  const issued = queue === 'issued';
  const list = useOutgoingList({ queue, q: q || undefined, year: issued ? year : undefined, delivery: issued ? delivery : undefined });

  return (
    <>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder="Tìm theo số, ký hiệu, trích yếu, nơi nhận (gõ có dấu hoặc không dấu)"
          aria-label="Tìm văn bản đi"
          value={search}
          maxLength={200}
          onChange={(e) => onSearch(e.target.value)}
          style={{ flex: '1 1 280px' }}
          data-testid="outgoing-search"
        />
        {queue === 'issued' && (
          <DatePicker
            picker="year"
            allowClear={false}
            aria-label="Năm"
            value={dayjs().year(year)}
            format="[Năm] YYYY"
            onChange={(v) => v && onYear(v.year())}
            style={{ width: 130 }}
          />
        )}
        {issued && (
          <Select<DeliveryFilter>
            allowClear
            aria-label="Tình trạng gửi, nhận"
            placeholder="Mọi tình trạng gửi, nhận"
            value={delivery}
            onChange={setDelivery}
            options={[
              { value: 'pending', label: 'Còn nơi chưa vào sổ' },
              { value: 'returned', label: 'Có nơi trả lại' },
              { value: 'done', label: 'Mọi nơi đã vào sổ' },
            ]}
            style={{ width: 220 }}
          />
        )}
      </Flex>
      {list.error ? (
        <Alert type="error" showIcon title={errorMessage(list.error)} />
      ) : (
        <OutgoingTable documents={list.data} loading={list.isPending} emptyText={EMPTY[queue]} testId={`outgoing-table-${queue}`} withDelivery={issued} />
      )}
    </>
  );
}
