// make run's set-up step twice on a SQLite file.
import { firstRunSuite } from './first_run_suite.mjs';

firstRunSuite('sqlite');
