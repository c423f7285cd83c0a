// Faults of the server's own disk on PostgreSQL.
import { serverFaultsSuite } from './server_faults_suite.mjs';

serverFaultsSuite('postgres');
