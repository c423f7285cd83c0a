// The gateway relay: with an SMS gateway configured, senders only queue messages in the outbox
// (OutboxSender in its queueing mode, inside their own transactions) and this relay posts them to
// the gateway afterwards, outside any transaction (migration 0026 describes the columns).
//
// One pass claims each due row (UPDATE … WHERE delivery = 'pending': of two relays — serve's and
// a `shanhai notify` run — one wins it), posts it, then deletes it when the gateway accepted it or
// puts it back for a later pass. Delivery is at least once: a relay that dies between the post
// and the delete leaves the row 'sending', and a later pass takes it again once it is older than
// the claim timeout. A message is given up ('failed', audited "message_send_failed" with the
// gateway's error, never the number or the text) after max_attempts tries; failed rows stay in
// the outbox, where staff who may read it see the code and can read it to the person.
// Thread safety: none; one per connection.
#pragma once

#include <chrono>
#include <cstdint>

#include "domain/messages/message_sender.h"
#include "domain/service_context.h"

namespace shanhai {

struct RelayPolicy {
  int64_t max_attempts = 3;
  int64_t retry_after_seconds = 20;    // a failed try is retried after this long
  int64_t claim_timeout_seconds = 60;  // a 'sending' row older than this was left by a dead relay
  int64_t rows_per_pass = 100;
};

// The policy for a gateway answering within gateway_timeout: a claim is stale only once a post
// could no longer be in flight (the timeout, plus the whole seconds delivery_at is kept in).
RelayPolicy RelayPolicyFor(std::chrono::milliseconds gateway_timeout);

struct RelayOutcome {
  int64_t sent = 0;
  int64_t retried = 0;  // failed this time, to be tried again
  int64_t failed = 0;   // given up this pass
};

class GatewayRelay {
 public:
  // context (database, vault, clock, audit log) and gateway must outlive the relay.
  GatewayRelay(ServiceContext& context, MessageSender& gateway, RelayPolicy policy = {})
      : context_(context), gateway_(gateway), policy_(policy) {}

  // Posts the rows due at the context's clock. Errors: the database's (a gateway's refusal is an
  // outcome, not an error).
  Result<RelayOutcome> RelayDue();

 private:
  // Claims the due row (its columns as kDue selects them), posts it if the claim won and records
  // the outcome.
  Status Deliver(const std::vector<Value>& row, RelayOutcome& outcome);

  ServiceContext& context_;
  MessageSender& gateway_;
  RelayPolicy policy_;
};

}  // namespace shanhai
