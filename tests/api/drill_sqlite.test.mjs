// The drill-down's records against the figures (drill_suite.mjs) on SQLite.
import { drillSuite } from './drill_suite.mjs';

drillSuite('sqlite');
