// Personal data at rest on SQLite (see at_rest_suite.mjs).
import { atRestSuite } from './at_rest_suite.mjs';

atRestSuite('sqlite');
