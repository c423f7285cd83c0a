// The drill-down's records against the figures (drill_suite.mjs) on PostgreSQL.
import { drillSuite } from './drill_suite.mjs';

drillSuite('postgres');
