import { Col, DatePicker, Form, Input, Radio, Row } from 'antd';
import { beforeToday } from './format';
import { URGENCY_OPTIONS } from './labels';
import type { RegisterValues } from './register-values';

/** Xử lý: how fast, by when, for whom — what the clerk needs to route the document. */
export function RegisterHandlingFields() {
  const form = Form.useFormInstance<RegisterValues>();
  const urgency = Form.useWatch('urgency', form);

  return (
    <>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Form.Item label="Độ khẩn" name="urgency">
            <Radio.Group options={URGENCY_OPTIONS} optionType="button" />
          </Form.Item>
        </Col>
        {urgency === 4 && (
          <Col xs={24} md={12} lg={6}>
            <Form.Item label="Giờ hẹn (Hỏa tốc hẹn giờ)" name="urgentDeadline" rules={[{ required: true, message: 'Văn bản Hỏa tốc hẹn giờ cần giờ hẹn' }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="HH:mm DD/MM/YYYY" placeholder="Chọn giờ hẹn" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={12} lg={6}>
          <Form.Item label="Thời hạn giải quyết" name="dueDate" extra="Theo yêu cầu ghi trên văn bản, nếu có.">
            <DatePicker format="DD/MM/YYYY" placeholder="dd/mm/yyyy" disabledDate={beforeToday} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Form.Item label="Nơi nhận" name="toPlaces" rules={[{ max: 1000, message: 'Tối đa 1000 ký tự' }]}>
            <Input maxLength={1000} placeholder="Đơn vị hoặc người nhận ghi trên văn bản" />
          </Form.Item>
        </Col>
        <Col xs={24} lg={12}>
          <Form.Item label="Ghi chú" name="description" rules={[{ max: 500, message: 'Tối đa 500 ký tự' }]}>
            <Input maxLength={500} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
