// The change feed's test on SQLite (see changes_suite.mjs).
import { changesSuite } from './changes_suite.mjs';

changesSuite('sqlite');
