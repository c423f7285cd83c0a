// One workbook, many sheets, and re-imports through the binary on SQLite.
import { workbookSuite } from './workbook_suite.mjs';

workbookSuite('sqlite');
