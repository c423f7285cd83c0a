// One workbook, many sheets, and re-imports through the binary on PostgreSQL.
import { workbookSuite } from './workbook_suite.mjs';

workbookSuite('postgres');
