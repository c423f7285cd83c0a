// --pair by name through the binary on SQLite.
import { pairNameSuite } from './pair_name_suite.mjs';

pairNameSuite('sqlite');
