// Loads the Pingtang–Baiyun demonstration dataset into an empty database, in one
// transaction. Its report for 440111-522727 over 2016-01-01..2020-07-22 reproduces the
// article's figures (tests/demo_figures checks every one).
#pragma once

#include "domain/ledger/ledger_service.h"

namespace shanhai {

// FailedPrecondition-like Conflict if the database already holds records.
Status LoadDemoDataset(LedgerService& service);

}  // namespace shanhai
