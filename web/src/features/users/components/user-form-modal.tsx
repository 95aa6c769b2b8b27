import { Col, Form, Input, Row, Select } from 'antd';
import { ROLE_OPTIONS, type Role } from '@/config/roles';
import { FormModal } from '@/components/form-modal';
import { agencyOptions, useAgencies, useAgency } from '@/lib/directory';
import { blankToNull, emailRule, passwordRules, required, USERNAME_PATTERN } from '@/lib/validation';
import type { User } from '@/types/api';
import { useCreateUser, useUpdateUser } from '../api/users';

interface Values {
  username: string;
  fullName: string;
  password: string;
  agencyId: string;
  unitId?: string;
  positionTitle?: string;
  email?: string;
  phone?: string;
  roles: Role[];
}

interface Props {
  /** The user to edit; absent when creating one. */
  user?: User;
  /** Preselected agency for a new user: the one the list is showing. */
  defaultAgencyId?: string;
  onDone: () => void;
}

export function UserFormModal({ user, defaultAgencyId, onDone }: Props) {
  const [form] = Form.useForm<Values>();
  const agencies = useAgencies();
  const create = useCreateUser();
  const update = useUpdateUser();
  const mutation = user ? update : create;
  const agencyId = Form.useWatch('agencyId', form) ?? user?.agencyId ?? defaultAgencyId;
  const agency = useAgency(agencyId);
  // A user already placed in a unit that was later closed keeps it as an option, so editing does not silently move them.
  const unitOptions = (agency.data?.units ?? [])
    .filter((u) => !u.disabled || u.id === user?.unitId)
    .map((u) => ({ value: u.id, label: u.name }));

  const submit = (v: Values) => {
    const common = {
      fullName: v.fullName.trim(),
      unitId: v.unitId ?? null,
      positionTitle: blankToNull(v.positionTitle),
      email: blankToNull(v.email),
      phone: blankToNull(v.phone),
      roles: v.roles,
    };
    if (user) update.mutate({ id: user.id, patch: common }, { onSuccess: onDone });
    else create.mutate({ ...common, username: v.username.trim(), password: v.password, agencyId: v.agencyId }, { onSuccess: onDone });
  };

  const initialValues: Partial<Values> = user
    ? { ...user, unitId: user.unitId ?? undefined, positionTitle: user.positionTitle ?? '', email: user.email ?? '', phone: user.phone ?? '' }
    : { agencyId: defaultAgencyId, roles: [] };

  return (
    <FormModal<Values>
      title={user ? `Sửa người dùng: ${user.fullName}` : 'Thêm người dùng'}
      form={form}
      width={680}
      initialValues={initialValues}
      submitText={user ? 'Lưu' : 'Tạo người dùng'}
      pending={mutation.isPending}
      error={mutation.error}
      onSubmit={submit}
      onCancel={onDone}
    >
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            label="Tên đăng nhập"
            name="username"
            rules={[
              required('Vui lòng nhập tên đăng nhập'),
              { min: 2, max: 100, message: 'Tên đăng nhập từ 2 đến 100 ký tự' },
              { pattern: USERNAME_PATTERN, message: 'Chỉ gồm chữ thường không dấu, số, dấu chấm, gạch dưới, gạch ngang' },
            ]}
            extra={user ? 'Tên đăng nhập không thay đổi được.' : 'Ví dụ: vanthu.skhcn'}
          >
            <Input disabled={!!user} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="Họ và tên" name="fullName" rules={[required('Vui lòng nhập họ và tên'), { min: 2, max: 200, message: 'Họ và tên từ 2 đến 200 ký tự' }]}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      {!user && (
        <Form.Item
          label="Mật khẩu ban đầu"
          name="password"
          dependencies={['username']}
          rules={passwordRules(() => form.getFieldValue('username') as string | undefined)}
          extra="Ít nhất 8 ký tự, có cả chữ và số, không chứa tên đăng nhập."
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      )}
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item label="Cơ quan" name="agencyId" rules={[{ required: true, message: 'Vui lòng chọn cơ quan' }]}>
            <Select
              disabled={!!user}
              showSearch={{ optionFilterProp: 'label' }}
              options={agencyOptions(agencies.data)}
              loading={agencies.isPending}
              onChange={() => form.setFieldValue('unitId', undefined)}
              placeholder="Chọn cơ quan"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="Đơn vị" name="unitId">
            <Select allowClear options={unitOptions} loading={agency.isFetching} placeholder="Không thuộc đơn vị nào" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="Vai trò" name="roles" rules={[{ required: true, type: 'array', min: 1, message: 'Vui lòng chọn ít nhất một vai trò' }]}>
        <Select mode="multiple" options={ROLE_OPTIONS} showSearch={{ optionFilterProp: 'label' }} placeholder="Chọn vai trò" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item label="Chức vụ" name="positionTitle" rules={[{ max: 200, message: 'Tối đa 200 ký tự' }]}>
            <Input placeholder="Ví dụ: Văn thư, Trưởng phòng" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="Điện thoại" name="phone" rules={[{ max: 30, message: 'Tối đa 30 ký tự' }]}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="Thư điện tử" name="email" rules={[emailRule, { max: 100, message: 'Tối đa 100 ký tự' }]}>
        <Input />
      </Form.Item>
    </FormModal>
  );
}
