import { App, Button, Table, Tag, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { errorMessage } from '@/lib/api';
import { useRemoveOverride, type CalendarDay } from '../api/calendar';

const REASON_LABELS: Record<string, string> = {
  weekend: 'Cuối tuần',
  holiday: 'Ngày lễ, Tết',
  compensatory: 'Nghỉ bù',
  'override-holiday': 'Nghỉ theo khai báo',
  'override-working': 'Làm việc theo khai báo',
  working: 'Ngày làm việc',
};

/** Only what an administrator declared can be withdrawn; statutory holidays come from the law. */
const isOverride = (day: CalendarDay) => day.reason.startsWith('override');

export function DaysTable({ days, loading }: { days: CalendarDay[]; loading: boolean }) {
  const remove = useRemoveOverride();
  const { modal, message } = App.useApp();

  const confirmRemove = (day: CalendarDay) =>
    modal.confirm({
      title: `Xóa khai báo ngày ${dayjs(day.date).format('DD/MM/YYYY')}?`,
      content: 'Ngày này sẽ trở lại theo lịch mặc định (ngày lễ theo luật, cuối tuần).',
      okText: 'Xóa khai báo',
      okButtonProps: { danger: true },
      cancelText: 'Hủy',
      onOk: () =>
        remove
          .mutateAsync(day.date)
          .then(() => void message.success('Đã xóa khai báo.'))
          .catch((error: unknown) => void message.error(errorMessage(error))),
    });

  const columns: TableColumnsType<CalendarDay> = [
    { title: 'Ngày', dataIndex: 'date', width: 130, render: (d: string) => dayjs(d).format('DD/MM/YYYY') },
    { title: 'Thứ', dataIndex: 'date', key: 'weekday', width: 120, render: (d: string) => dayjs(d).format('dddd') },
    { title: 'Trạng thái', dataIndex: 'working', width: 150, render: (w: boolean) => (w ? <Tag color="blue">Làm việc</Tag> : <Tag color="red">Nghỉ</Tag>) },
    { title: 'Lý do', dataIndex: 'reason', width: 200, render: (r: string) => REASON_LABELS[r] ?? r },
    { title: 'Nội dung', dataIndex: 'name', render: (n?: string) => n ?? '—' },
    {
      title: 'Thao tác',
      key: 'actions',
      width: 140,
      render: (_: unknown, day) =>
        isOverride(day) && (
          <Button type="link" size="small" danger onClick={() => confirmRemove(day)}>
            Xóa khai báo
          </Button>
        ),
    },
  ];

  return <Table<CalendarDay> rowKey="date" columns={columns} dataSource={days} loading={loading} pagination={false} size="middle" scroll={{ x: 800 }} data-testid="calendar-table" />;
}
