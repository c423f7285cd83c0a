// The workbook import over HTTP on PostgreSQL.
import { workbookApiSuite } from './workbook_suite.mjs';

workbookApiSuite('postgres');
