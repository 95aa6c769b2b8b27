import { useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Result, Row, Statistic } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { PageHeader } from '@/components/page-header';
import { errorMessage } from '@/lib/api';
import { useCalendarYear } from '../api/calendar';
import { DaysTable } from '../components/days-table';
import { OverrideFormModal } from '../components/override-form-modal';

/** Working days drive every processing deadline, so the year's exceptions must be right. */
export default function CalendarRoute() {
  const [year, setYear] = useState(() => dayjs().year());
  const [adding, setAdding] = useState(false);
  const calendar = useCalendarYear(year);
  const days = calendar.data?.days ?? [];
  const daysOff = days.filter((d) => !d.working).length;
  const extraWorking = days.filter((d) => d.working).length;

  return (
    <>
      <PageHeader
        title="Lịch làm việc"
        description="Các ngày khác với lịch thứ Hai – thứ Sáu: ngày lễ, Tết, nghỉ bù và ngày làm bù. Dùng để tính hạn xử lý văn bản."
        extra={
          <>
            <DatePicker
              picker="year"
              allowClear={false}
              value={dayjs().year(year)}
              onChange={(value) => value && setYear(value.year())}
              aria-label="Chọn năm"
            />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} disabled={calendar.data === null}>
              Khai báo ngày
            </Button>
          </>
        }
      />
      {calendar.error ? (
        <Alert type="error" showIcon title={errorMessage(calendar.error)} />
      ) : calendar.data === null ? (
        <Card>
          <Result status="info" title="Chưa có lịch làm việc" subTitle="Máy chủ chưa cung cấp chức năng lịch làm việc. Chức năng sẽ hoạt động khi được cập nhật." />
        </Card>
      ) : (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col xs={24} sm={12} lg={6}>
              <Card>
                <Statistic title={`Ngày nghỉ trong tuần năm ${year}`} value={daysOff} loading={calendar.isPending} />
              </Card>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Card>
                <Statistic title="Ngày làm việc vào cuối tuần" value={extraWorking} loading={calendar.isPending} />
              </Card>
            </Col>
          </Row>
          <Card title={`Các ngày đặc biệt năm ${year}`}>
            <DaysTable days={days} loading={calendar.isPending} />
          </Card>
        </>
      )}
      {adding && <OverrideFormModal defaultDate={year === dayjs().year() ? undefined : dayjs(`${year}-01-01`)} onDone={() => setAdding(false)} />}
    </>
  );
}
