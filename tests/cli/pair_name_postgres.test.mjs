// --pair by name through the binary on PostgreSQL.
import { pairNameSuite } from './pair_name_suite.mjs';

pairNameSuite('postgres');
