// The durability tests on PostgreSQL ($SHANHAI_TEST_PG_URL; see durability_suite.mjs).
import { durabilitySuite } from './durability_suite.mjs';

durabilitySuite('postgres');
