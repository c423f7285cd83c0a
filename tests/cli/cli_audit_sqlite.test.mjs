// shanhai audit on SQLite (cases in cli_audit_cases.mjs).
import { auditCliSuite } from './cli_audit_cases.mjs';

auditCliSuite('sqlite');
