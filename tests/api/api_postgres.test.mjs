// The API cases and OpenAPI checks against the real binary with a fresh PostgreSQL database
// on the server named by $SHANHAI_TEST_PG_URL (fails loudly when it is not set).
import { apiSuite } from './suite.mjs';

apiSuite('postgres');
