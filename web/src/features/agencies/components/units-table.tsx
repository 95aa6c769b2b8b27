import { App, Button, Space, Table, type TableColumnsType } from 'antd';
import { errorMessage } from '@/lib/api';
import type { Unit, User } from '@/types/api';
import { useUpdateUnit } from '../api/agencies';
import { StatusTag } from './status-tag';

interface Props {
  units: Unit[];
  people: User[] | undefined;
  /** Present only for administrators; without it the table is read-only. */
  onEdit?: (unit: Unit) => void;
}

export function UnitsTable({ units, people, onEdit }: Props) {
  const update = useUpdateUnit();
  const { modal, message } = App.useApp();

  const toggle = (unit: Unit) => {
    const disabling = !unit.disabled;
    modal.confirm({
      title: disabling ? `Ngừng hoạt động đơn vị "${unit.name}"?` : `Kích hoạt lại đơn vị "${unit.name}"?`,
      okText: disabling ? 'Ngừng hoạt động' : 'Kích hoạt',
      okButtonProps: { danger: disabling },
      cancelText: 'Hủy',
      onOk: () =>
        update
          .mutateAsync({ agencyId: unit.agencyId, unitId: unit.id, patch: { disabled: disabling } })
          .then(() => void message.success(disabling ? 'Đã ngừng hoạt động đơn vị.' : 'Đã kích hoạt lại đơn vị.'))
          .catch((error: unknown) => void message.error(errorMessage(error))),
    });
  };

  const columns: TableColumnsType<Unit> = [
    { title: 'Tên đơn vị', dataIndex: 'name' },
    { title: 'Viết tắt', dataIndex: 'abbreviation', width: 120 },
    {
      title: 'Số người',
      key: 'people',
      width: 100,
      render: (_: unknown, unit) => people?.filter((p) => p.unitId === unit.id && !p.disabled).length ?? '—',
    },
    { title: 'Trạng thái', dataIndex: 'disabled', width: 160, render: (disabled: boolean) => <StatusTag disabled={disabled} /> },
  ];
  if (onEdit) {
    columns.push({
      title: 'Thao tác',
      key: 'actions',
      width: 200,
      render: (_: unknown, unit) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => onEdit(unit)}>
            Sửa
          </Button>
          <Button type="link" size="small" danger={!unit.disabled} onClick={() => toggle(unit)}>
            {unit.disabled ? 'Kích hoạt' : 'Ngừng hoạt động'}
          </Button>
        </Space>
      ),
    });
  }

  return <Table<Unit> rowKey="id" columns={columns} dataSource={units} pagination={false} size="middle" scroll={{ x: 600 }} data-testid="units-table" />;
}
