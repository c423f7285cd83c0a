// The change feed's test on PostgreSQL ($SHANHAI_TEST_PG_URL; see changes_suite.mjs).
import { changesSuite } from './changes_suite.mjs';

changesSuite('postgres');
