import { Result } from 'antd';
import { ToolOutlined } from '@ant-design/icons';
import { PageHeader } from '@/components/page-header';

/** Stands in for screens that later work items deliver, so the navigation is already complete. */
export function UnderConstruction({ title }: { title: string }) {
  return (
    <>
      <PageHeader title={title} />
      <Result icon={<ToolOutlined />} title="Chức năng đang xây dựng" subTitle="Chức năng này sẽ có trong các phiên bản tiếp theo." />
    </>
  );
}
