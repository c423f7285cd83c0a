// The durability tests on SQLite (see durability_suite.mjs).
import { durabilitySuite } from './durability_suite.mjs';

durabilitySuite('sqlite');
