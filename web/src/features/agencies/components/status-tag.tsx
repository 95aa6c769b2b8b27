import { Tag } from 'antd';

export function StatusTag({ disabled }: { disabled: boolean }) {
  return disabled ? <Tag color="default">Ngừng hoạt động</Tag> : <Tag color="green">Đang hoạt động</Tag>;
}
