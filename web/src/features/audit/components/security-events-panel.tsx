import { useState } from 'react';
import { Alert, Button, DatePicker, Flex, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { errorMessage } from '@/lib/api';
import { agencyOptions } from '@/lib/directory';
import type { Agency } from '@/types/api';
import { securityEventsExportUrl, useSecurityEvents, type SecurityEvent, type SecurityEventFilters } from '../api/security-events';

const KINDS: Record<string, { label: string; color: string }> = {
  forbidden: { label: 'Bị từ chối quyền (403)', color: 'orange' },
  not_found: { label: 'Đối tượng không có hoặc không được phép (404)', color: 'gold' },
  csrf: { label: 'Yêu cầu giả mạo bị chặn', color: 'red' },
  login_failed: { label: 'Đăng nhập sai', color: 'default' },
  login_locked: { label: 'Tạm khóa đăng nhập', color: 'volcano' },
  login_throttled: { label: 'Đăng nhập bị từ chối (đang khóa/giãn)', color: 'magenta' },
  password_check_failed: { label: 'Sai mật khẩu hiện tại khi đổi mật khẩu', color: 'purple' },
  flood: { label: 'Quá nhiều sự kiện (đã gộp)', color: 'red' },
};

const REASONS: Record<string, string> = {
  bad_password: 'sai mật khẩu',
  unknown_account: 'tài khoản không tồn tại',
  disabled: 'tài khoản bị vô hiệu hóa',
  disabled_bad_password: 'tài khoản bị vô hiệu hóa, sai mật khẩu',
  pair_locked: 'máy này đang bị tạm khóa',
  account_slowed: 'tài khoản đang bị giãn thời gian',
  address_slowed: 'địa chỉ máy đang bị giãn thời gian',
};

function describe(e: SecurityEvent): string {
  const d = e.details ?? {};
  const parts: string[] = [];
  if (typeof d.username === 'string') parts.push(`tài khoản ${d.username}`);
  if (typeof d.reason === 'string') parts.push(REASONS[d.reason] ?? d.reason);
  if (d.scope === 'address') parts.push('khóa trên một máy');
  if (d.scope === 'account') parts.push('giãn thời gian trên máy lạ');
  if (e.kind === 'flood' && e.code) parts.push(`loại gộp: ${KINDS[e.code]?.label ?? e.code}`);
  if (e.url ?? e.route) parts.push(`${e.method ?? ''} ${e.url ?? e.route}`.trim());
  return parts.join('; ');
}

/**
 * Refused attempts and their export for an incident report to the Sở TTTT (Q-24.4đ):
 * the admin and the inspector see every agency, an agency's head their own.
 */
export function SecurityEventsPanel({ wide, agencies }: { wide: boolean; agencies: Agency[] | undefined }) {
  const [filters, setFilters] = useState<SecurityEventFilters>({});
  const events = useSecurityEvents(filters);
  const rows = events.data?.pages.flat() ?? [];
  const agencyName = new Map((agencies ?? []).map((a) => [a.id, a.name]));
  const setRange = (range: [Dayjs | null, Dayjs | null] | null) =>
    setFilters((f) => ({ ...f, from: range?.[0]?.startOf('day').toISOString(), to: range?.[1]?.endOf('day').toISOString() }));

  const columns: TableColumnsType<SecurityEvent> = [
    {
      title: 'Thời điểm',
      key: 'at',
      width: 170,
      render: (_: unknown, e) => (
        <>
          {dayjs(e.firstAt).format('DD/MM/YYYY HH:mm:ss')}
          {e.count > 1 && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              đến {dayjs(e.lastAt).format('HH:mm:ss')}
            </Typography.Text>
          )}
        </>
      ),
    },
    { title: 'Số lần', dataIndex: 'count', width: 80, align: 'right' },
    { title: 'Loại', dataIndex: 'kind', width: 220, render: (k: string) => <Tag color={KINDS[k]?.color}>{KINDS[k]?.label ?? k}</Tag> },
    {
      title: 'Người dùng / địa chỉ máy',
      key: 'who',
      width: 170,
      render: (_: unknown, e) => (
        <>
          {e.actorName ?? '—'}
          {e.ip && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              IP {e.ip}
            </Typography.Text>
          )}
        </>
      ),
    },
    { title: 'Cơ quan', dataIndex: 'agencyId', width: 200, render: (id: string | null) => (id ? (agencyName.get(id) ?? id) : '—') },
    { title: 'Chi tiết', key: 'details', render: (_: unknown, e) => <Typography.Text style={{ fontSize: 12 }}>{describe(e) || '—'}</Typography.Text> },
  ];

  return (
    <>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder="Loại sự kiện"
          style={{ minWidth: 260 }}
          options={Object.entries(KINDS).map(([value, k]) => ({ value, label: k.label }))}
          onChange={(kind?: string) => setFilters((f) => ({ ...f, kind }))}
          data-testid="security-kind-filter"
        />
        {wide && (
          <Select
            allowClear
            placeholder="Cơ quan"
            style={{ minWidth: 280 }}
            showSearch={{ optionFilterProp: 'label' }}
            options={agencyOptions(agencies, true)}
            onChange={(agencyId?: string) => setFilters((f) => ({ ...f, agencyId }))}
          />
        )}
        <DatePicker.RangePicker format="DD/MM/YYYY" onChange={(range) => setRange(range as [Dayjs | null, Dayjs | null] | null)} />
        <Button icon={<DownloadOutlined />} href={securityEventsExportUrl(filters)} data-testid="security-export">
          Xuất Excel
        </Button>
      </Flex>
      {events.error ? (
        <Alert type="error" showIcon title={errorMessage(events.error)} />
      ) : (
        <>
          <Table<SecurityEvent> rowKey="id" columns={columns} dataSource={rows} loading={events.isPending} pagination={false} size="small" scroll={{ x: 1100 }} data-testid="security-events-table" />
          <Flex justify="center" align="center" gap={16} style={{ marginTop: 16 }}>
            <Typography.Text type="secondary">Đang hiển thị {rows.length} dòng (mỗi dòng gộp các lần giống nhau trong một phút)</Typography.Text>
            {events.hasNextPage && (
              <Button onClick={() => void events.fetchNextPage()} loading={events.isFetchingNextPage}>
                Xem thêm
              </Button>
            )}
          </Flex>
        </>
      )}
    </>
  );
}
