import { App, Button, Space, Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { errorMessage } from '@/lib/api';
import type { Agency } from '@/types/api';
import { useUpdateAgency } from '../api/agencies';
import { StatusTag } from './status-tag';

type AgencyNode = Agency & { children?: AgencyNode[] };

/** Nests agencies under their parent; an agency whose parent is missing stays at the top. */
function buildTree(agencies: Agency[]): AgencyNode[] {
  const byId = new Map<string, AgencyNode>(agencies.map((a) => [a.id, { ...a }]));
  const roots: AgencyNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

interface Props {
  agencies: Agency[];
  onEdit: (agency: Agency) => void;
}

export function AgencyTreeTable({ agencies, onEdit }: Props) {
  const update = useUpdateAgency();
  const { modal, message } = App.useApp();

  const toggle = (agency: Agency) => {
    const disabling = !agency.disabled;
    modal.confirm({
      title: disabling ? `Ngừng hoạt động cơ quan "${agency.name}"?` : `Kích hoạt lại cơ quan "${agency.name}"?`,
      content: disabling ? 'Người dùng của cơ quan sẽ không đăng nhập được cho đến khi kích hoạt lại.' : undefined,
      okText: disabling ? 'Ngừng hoạt động' : 'Kích hoạt',
      okButtonProps: { danger: disabling },
      cancelText: 'Hủy',
      onOk: () =>
        update
          .mutateAsync({ id: agency.id, patch: { disabled: disabling } })
          .then(() => void message.success(disabling ? 'Đã ngừng hoạt động cơ quan.' : 'Đã kích hoạt lại cơ quan.'))
          .catch((error: unknown) => void message.error(errorMessage(error))),
    });
  };

  const columns: TableColumnsType<AgencyNode> = [
    { title: 'Tên cơ quan', dataIndex: 'name', render: (name: string, a) => <Link to={paths.agency.getHref(a.id)}>{name}</Link> },
    { title: 'Viết tắt', dataIndex: 'abbreviation', width: 100 },
    { title: 'Mã định danh', dataIndex: 'code', width: 150 },
    { title: 'Mã hành chính', dataIndex: 'adminCode', width: 130 },
    { title: 'Trạng thái', dataIndex: 'disabled', width: 150, render: (disabled: boolean) => <StatusTag disabled={disabled} /> },
    {
      title: 'Thao tác',
      key: 'actions',
      width: 200,
      render: (_: unknown, a) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => onEdit(a)}>
            Sửa
          </Button>
          <Button type="link" size="small" danger={!a.disabled} onClick={() => toggle(a)}>
            {a.disabled ? 'Kích hoạt' : 'Ngừng hoạt động'}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Table<AgencyNode>
      rowKey="id"
      columns={columns}
      dataSource={buildTree(agencies)}
      pagination={false}
      expandable={{ defaultExpandAllRows: true }}
      scroll={{ x: 900 }}
      data-testid="agencies-table"
    />
  );
}
