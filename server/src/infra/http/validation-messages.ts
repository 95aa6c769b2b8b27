/**
 * Vietnamese words for what the schema validator found, per rule (ajv keyword). The rule code
 * and its params stay in the problem's details for programs; this is the sentence for people.
 */
type Params = Record<string, unknown>;

const FORMATS: Record<string, string> = {
  date: 'một ngày có thật dạng YYYY-MM-DD',
  'date-time': 'một thời điểm dạng ISO 8601 (YYYY-MM-DDTHH:mm:ss+07:00)',
  time: 'một giờ dạng HH:mm:ss',
  uuid: 'một mã định danh (UUID)',
  email: 'một địa chỉ thư điện tử',
  uri: 'một địa chỉ URL',
};

const TYPES: Record<string, string> = {
  string: 'chuỗi ký tự',
  integer: 'số nguyên',
  number: 'số',
  boolean: 'đúng/sai (true/false)',
  object: 'đối tượng',
  array: 'danh sách',
  null: 'rỗng (null)',
};

const RULES: Record<string, (p: Params) => string> = {
  required: (p) => `thiếu trường bắt buộc "${String(p.missingProperty)}"`,
  additionalProperties: (p) => `không có trường "${String(p.additionalProperty)}"`,
  type: (p) => `phải là ${String(p.type).split(',').map((t) => TYPES[t] ?? t).join(' hoặc ')}`,
  maxLength: (p) => `dài quá ${String(p.limit)} ký tự`,
  minLength: (p) => (p.limit === 1 ? 'không được để trống' : `cần ít nhất ${String(p.limit)} ký tự`),
  maximum: (p) => `không được lớn hơn ${String(p.limit)}`,
  minimum: (p) => `không được nhỏ hơn ${String(p.limit)}`,
  exclusiveMaximum: (p) => `phải nhỏ hơn ${String(p.limit)}`,
  exclusiveMinimum: (p) => `phải lớn hơn ${String(p.limit)}`,
  multipleOf: (p) => `phải là bội số của ${String(p.multipleOf)}`,
  maxItems: (p) => `có quá ${String(p.limit)} phần tử`,
  minItems: (p) => `cần ít nhất ${String(p.limit)} phần tử`,
  uniqueItems: () => 'có phần tử bị lặp',
  maxProperties: (p) => `có quá ${String(p.limit)} trường`,
  minProperties: (p) => `cần ít nhất ${String(p.limit)} trường`,
  format: (p) => `phải là ${FORMATS[String(p.format)] ?? `dạng ${String(p.format)}`}`,
  // NonBlank's pattern (schemas.ts) starts with \S: the text is blank, not misshapen.
  pattern: (p) => (String(p.pattern).startsWith('\\S') ? 'không được chỉ gồm khoảng trắng' : 'không đúng định dạng quy định'),
  enum: () => 'không thuộc các giá trị được phép',
  const: () => 'không đúng giá trị được phép',
  anyOf: () => 'không khớp với dạng dữ liệu nào được phép',
  oneOf: () => 'không khớp đúng một dạng dữ liệu được phép',
  not: () => 'có dạng dữ liệu không được phép',
  if: () => 'không thỏa điều kiện của trường',
  dependentRequired: (p) => `cần có thêm trường "${String(p.missingProperty)}"`,
};

export function validationMessage(keyword: string, params: Params | undefined): string {
  const rule = RULES[keyword];
  return rule ? rule(params ?? {}) : 'không hợp lệ';
}
