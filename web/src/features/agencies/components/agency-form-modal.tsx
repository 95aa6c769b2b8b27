import { Col, Form, Input, Row, Select } from 'antd';
import { FormModal } from '@/components/form-modal';
import { useAgencies } from '@/lib/directory';
import { ABBREVIATION_PATTERN, ADMIN_CODE_PATTERN, AGENCY_CODE_PATTERN, blankToNull, emailRule, required } from '@/lib/validation';
import type { Agency } from '@/types/api';
import { useCreateAgency, useUpdateAgency } from '../api/agencies';

interface Values {
  parentId?: string;
  code: string;
  adminCode: string;
  name: string;
  abbreviation: string;
  address?: string;
  email?: string;
  phone?: string;
}

/** An agency may not sit under itself or under one of its own subordinates. */
function descendantsOf(id: string, agencies: Agency[]): Set<string> {
  const found = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const a of agencies) {
      if (a.parentId && found.has(a.parentId) && !found.has(a.id)) {
        found.add(a.id);
        grew = true;
      }
    }
  }
  return found;
}

interface Props {
  agency?: Agency;
  onDone: () => void;
}

export function AgencyFormModal({ agency, onDone }: Props) {
  const [form] = Form.useForm<Values>();
  const agencies = useAgencies();
  const create = useCreateAgency();
  const update = useUpdateAgency();
  const mutation = agency ? update : create;

  const excluded = agency ? descendantsOf(agency.id, agencies.data ?? []) : new Set<string>();
  const parentOptions = (agencies.data ?? []).filter((a) => !excluded.has(a.id)).map((a) => ({ value: a.id, label: a.name }));

  const submit = (v: Values) => {
    const common = {
      parentId: v.parentId ?? null,
      adminCode: v.adminCode.trim(),
      name: v.name.trim(),
      abbreviation: v.abbreviation.trim(),
      address: v.address?.trim() ?? '',
      email: blankToNull(v.email),
      phone: blankToNull(v.phone),
    };
    if (agency) update.mutate({ id: agency.id, patch: common }, { onSuccess: onDone });
    else create.mutate({ ...common, code: v.code.trim() }, { onSuccess: onDone });
  };

  return (
    <FormModal<Values>
      title={agency ? `Sửa cơ quan: ${agency.name}` : 'Thêm cơ quan'}
      form={form}
      width={680}
      initialValues={agency ? { ...agency, parentId: agency.parentId ?? undefined, email: agency.email ?? '', phone: agency.phone ?? '' } : undefined}
      pending={mutation.isPending}
      error={mutation.error}
      onSubmit={submit}
      onCancel={onDone}
    >
      <Form.Item label="Tên cơ quan" name="name" rules={[required('Vui lòng nhập tên cơ quan'), { min: 2, max: 200, message: 'Tên cơ quan từ 2 đến 200 ký tự' }]}>
        <Input placeholder="Ví dụ: Sở Khoa học và Công nghệ tỉnh Thái Nguyên" />
      </Form.Item>
      <Form.Item label="Cơ quan cấp trên" name="parentId">
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={parentOptions} placeholder="Không có (cơ quan cấp cao nhất)" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            label="Mã định danh (QCVN 102:2016)"
            name="code"
            rules={agency ? [] : [required('Vui lòng nhập mã định danh'), { pattern: AGENCY_CODE_PATTERN, message: 'Mã định danh có dạng 000.00.05.H55' }]}
            extra={agency ? 'Mã định danh không thay đổi được.' : undefined}
          >
            <Input placeholder="000.00.05.H55" disabled={!!agency} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            label="Mã hành chính"
            name="adminCode"
            rules={[required('Vui lòng nhập mã hành chính'), { pattern: ADMIN_CODE_PATTERN, message: 'Chữ in hoa, số, phân tách bằng dấu chấm (ví dụ H55.05)' }, { max: 35, message: 'Tối đa 35 ký tự' }]}
          >
            <Input placeholder="H55.05" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            label="Chữ viết tắt"
            name="abbreviation"
            rules={[required('Vui lòng nhập chữ viết tắt'), { pattern: ABBREVIATION_PATTERN, message: 'Chỉ gồm chữ in hoa không dấu (trừ Đ) và số' }, { max: 20, message: 'Tối đa 20 ký tự' }]}
            extra="Dùng trong ký hiệu văn bản, ví dụ SNV."
          >
            <Input placeholder="SNV" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="Điện thoại" name="phone" rules={[{ max: 30, message: 'Tối đa 30 ký tự' }]}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="Thư điện tử" name="email" rules={[emailRule]}>
        <Input />
      </Form.Item>
      <Form.Item label="Địa chỉ" name="address" rules={[{ max: 300, message: 'Tối đa 300 ký tự' }]}>
        <Input />
      </Form.Item>
    </FormModal>
  );
}
