// make run's set-up step twice on a PostgreSQL URL.
import { firstRunSuite } from './first_run_suite.mjs';

firstRunSuite('postgres');
