// shanhai match on the demo database, PostgreSQL.
import { matchSuite } from './match_suite.mjs';

matchSuite('postgres');
