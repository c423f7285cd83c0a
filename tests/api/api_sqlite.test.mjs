// The API cases and OpenAPI checks against the real binary with a SQLite database.
import { apiSuite } from './suite.mjs';

apiSuite('sqlite');
