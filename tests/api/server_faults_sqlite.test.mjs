// Faults of the server's own disk on SQLite.
import { serverFaultsSuite } from './server_faults_suite.mjs';

serverFaultsSuite('sqlite');
