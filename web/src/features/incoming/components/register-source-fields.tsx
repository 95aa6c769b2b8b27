import { Col, DatePicker, Form, Radio, Row } from 'antd';
import dayjs from 'dayjs';
import { FileUpload, uploadsSettled } from './file-upload';
import { SECRECY_OPTIONS, SOURCE_OPTIONS } from './labels';
import { MainFileChecks } from './main-file-checks';
import type { RegisterValues } from './register-values';

/** Nguồn văn bản: paper or electronic, secrecy, when it arrived, and its files. */
export function RegisterSourceFields() {
  const form = Form.useFormInstance<RegisterValues>();
  const source = Form.useWatch('source', form);
  const secrecy = Form.useWatch('secrecy', form);

  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label="Nguồn văn bản" name="source">
            {/* The form's first field, focused on opening; arrow keys switch paper/electronic. */}
            <Radio.Group options={SOURCE_OPTIONS} optionType="button" buttonStyle="solid" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            label="Độ mật"
            name="secrecy"
            extra={secrecy && secrecy !== 'none' ? 'Văn bản mật không được đăng ký trên hệ thống; nếu vẫn lưu, hệ thống sẽ từ chối và ghi nhật ký.' : undefined}
            validateStatus={secrecy && secrecy !== 'none' ? 'warning' : undefined}
          >
            <Radio.Group options={SECRECY_OPTIONS} optionType="button" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="Thời điểm văn bản đến" name="arrivedAt" extra="Để trống nếu văn bản vừa đến.">
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="HH:mm DD/MM/YYYY"
              placeholder="Ngay bây giờ"
              disabledDate={(d) => d.isAfter(dayjs().endOf('day'))}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            label={source === 'upload' ? 'Tệp văn bản chính (PDF)' : 'Bản quét văn bản (PDF, nếu có)'}
            name="mainFile"
            valuePropName="fileList"
            rules={[
              {
                validator: async (_rule, files?: unknown[]) => {
                  if (source === 'upload' && !files?.length) throw new Error('Văn bản điện tử cần tệp văn bản chính (PDF)');
                },
              },
              { validator: uploadsSettled },
            ]}
          >
            <FileUpload pdfOnly buttonText="Chọn tệp PDF" testId="main-file" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="Tài liệu kèm theo" name="attachments" valuePropName="fileList" rules={[{ validator: uploadsSettled }]}>
            <FileUpload multiple buttonText="Chọn tệp đính kèm" testId="attachments" />
          </Form.Item>
        </Col>
      </Row>
      <MainFileChecks />
    </>
  );
}
