// shanhai match on the demo database, SQLite.
import { matchSuite } from './match_suite.mjs';

matchSuite('sqlite');
