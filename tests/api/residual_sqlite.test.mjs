// Residual information (evidence at rest and deletion, file modes) on SQLite.
import { residualSuite } from './residual_suite.mjs';

residualSuite('sqlite');
