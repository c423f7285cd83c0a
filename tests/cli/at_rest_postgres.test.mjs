// Personal data at rest on PostgreSQL (see at_rest_suite.mjs).
import { atRestSuite } from './at_rest_suite.mjs';

atRestSuite('postgres');
