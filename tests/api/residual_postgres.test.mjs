// Residual information (evidence at rest and deletion) on PostgreSQL.
import { residualSuite } from './residual_suite.mjs';

residualSuite('postgres');
