export { AuditLog } from './AuditLog';
export { RecordHistory, RecordLayout, RecordTabs } from './RecordHistory';
export { messages } from './messages';
