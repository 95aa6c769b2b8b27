import { Descriptions } from 'antd';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { useAgencies } from '@/lib/directory';
import type { AgencyDetail } from '@/types/api';
import { StatusTag } from './status-tag';

export function AgencyInfo({ agency }: { agency: AgencyDetail }) {
  const agencies = useAgencies();
  const parent = agencies.data?.find((a) => a.id === agency.parentId);
  return (
    <Descriptions
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'abbr', label: 'Chữ viết tắt', children: agency.abbreviation },
        { key: 'status', label: 'Trạng thái', children: <StatusTag disabled={agency.disabled} /> },
        { key: 'code', label: 'Mã định danh', children: agency.code },
        { key: 'adminCode', label: 'Mã hành chính', children: agency.adminCode },
        { key: 'parent', label: 'Cơ quan cấp trên', children: parent ? <Link to={paths.agency.getHref(parent.id)}>{parent.name}</Link> : '—' },
        { key: 'address', label: 'Địa chỉ', children: agency.address || '—' },
        { key: 'email', label: 'Thư điện tử', children: agency.email ?? '—' },
        { key: 'phone', label: 'Điện thoại', children: agency.phone ?? '—' },
      ]}
    />
  );
}
