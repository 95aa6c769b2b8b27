import { Col, Form, Input, Row, Select } from 'antd';
import { useCurrentSession } from '@/lib/auth';
import { useAgency, useUsers } from '@/lib/directory';
import { compareVietnameseNames } from '@/lib/names';
import { required } from '@/lib/validation';
import type { OutgoingCatalog } from '../api/types';
import { AUTHORITY_LABELS } from './labels';
import type { ComposeValues } from './compose-values';

const SIGNER_ROLES = new Set(['agency_head', 'deputy_head', 'unit_head']);

/** Drafting unit and signer: a leader of the agency or of a unit, with the authority and title printed above the signature. */
export function ComposeSignerFields({ catalog }: { catalog: OutgoingCatalog | undefined }) {
  const session = useCurrentSession();
  const form = Form.useFormInstance<ComposeValues>();
  const users = useUsers();
  const agency = useAgency(session.agency.id);
  const signers = (users.data ?? []).filter((u) => !u.disabled && u.roles.some((r) => SIGNER_ROLES.has(r))).sort((a, b) => compareVietnameseNames(a.fullName, b.fullName));
  const signerOptions = signers.map((u) => ({ value: u.id, label: u.positionTitle ? `${u.fullName} — ${u.positionTitle}` : u.fullName }));
  const unitOptions = (agency.data?.units ?? []).filter((u) => !u.disabled).map((u) => ({ value: u.id, label: u.name }));
  const authorityOptions = (catalog?.authorities ?? ['']).map((a) => ({ value: a, label: AUTHORITY_LABELS[a] ?? a }));

  // The title printed is usually the signer's own; it stays editable (e.g. "Phó Giám đốc" signing KT.).
  const onSigner = (id: string) => {
    const title = signers.find((u) => u.id === id)?.positionTitle;
    if (title) form.setFieldValue('signerPosition', title);
  };

  return (
    <>
      <Form.Item label="Đơn vị soạn thảo" name="draftingUnitId" rules={[{ required: true, message: 'Vui lòng chọn đơn vị soạn thảo' }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={unitOptions} loading={agency.isPending} placeholder="Chọn đơn vị soạn thảo" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Form.Item label="Người ký" name="signerId" rules={[{ required: true, message: 'Vui lòng chọn người ký' }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={signerOptions} loading={users.isPending} placeholder="Chọn lãnh đạo ký văn bản" onChange={onSigner} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item label="Thẩm quyền ký" name="signerAuthority">
            <Select options={authorityOptions} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            label="Chức vụ"
            name="signerPosition"
            rules={[required('Vui lòng nhập chức vụ của người ký'), { min: 2, message: 'Tối thiểu 2 ký tự' }, { max: 100, message: 'Tối đa 100 ký tự' }]}
          >
            <Input maxLength={100} placeholder="Giám đốc" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
