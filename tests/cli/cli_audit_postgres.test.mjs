// shanhai audit on PostgreSQL ($SHANHAI_TEST_PG_URL's server; cases in cli_audit_cases.mjs).
import { auditCliSuite } from './cli_audit_cases.mjs';

auditCliSuite('postgres');
