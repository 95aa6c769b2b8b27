import { Col, Row, Space, Typography } from 'antd';
import { PageHeader } from '@/components/page-header';
import { useOutgoingSeries } from '@/features/outgoing/api/outgoing';
import { BookCard } from '../components/book-card';
import { INCOMING_BOOKS, OUTGOING_BOOKS, type Book } from '../components/books';

function Books({ title, books, seriesOptions }: { title: string; books: Book[]; seriesOptions: { value: string; label: string }[] }) {
  return (
    <>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {books.map((book) => (
          <Col key={book.key} xs={24} xxl={12}>
            <BookCard book={book} seriesOptions={seriesOptions} />
          </Col>
        ))}
      </Row>
    </>
  );
}

/** Sổ văn bản: every register and report the clerk prints, signs and binds (NĐ 30 Điều 16, 22; Phụ lục IV). */
export default function RegistersRoute() {
  const series = useOutgoingSeries();
  const seriesOptions = [{ value: '', label: 'Sổ chung của cơ quan' }, ...(series.data ?? []).map((s) => ({ value: s.code, label: s.name }))];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <PageHeader title="Sổ văn bản" description="In sổ đăng ký, sổ theo dõi và báo cáo theo mẫu Phụ lục IV Nghị định 30/2020/NĐ-CP; để trống khoảng ngày, khoảng số để in cả năm." />
      <Books title="Văn bản đến" books={INCOMING_BOOKS} seriesOptions={seriesOptions} />
      <Books title="Văn bản đi" books={OUTGOING_BOOKS} seriesOptions={seriesOptions} />
    </Space>
  );
}
