/** Giải mã, dựng hình tệp người dùng tải lên ngoài luồng chính (decode user files off the event loop). */
export { Isolate, IsolateRefusal, isolate, DEFAULT_LIMITS, type IsolateLimits, type IsolateRefusalKind } from './isolate.js';
export { refusalAsAppError } from './refusal.js';
