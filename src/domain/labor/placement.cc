#include "domain/labor/placement.h"

#include <chrono>

#include "common/date.h"
#include "domain/labor/consequent_step.h"
#include "domain/labor/labor_ledgers.h"
#include "domain/ledger/ledger_service.h"

namespace shanhai::labor {

namespace {

}  // namespace

Status CreatePlacementSpell(TransitionContext& context, const Record&, const Record& after) {
  const std::string application = std::to_string(after.id);
  RawRecord spell{after.pair_code,
                  {{"seeker_id", after.Text("seeker_id")},
                   {"employer_id", after.Text("employer_id")},
                   {"place_region", after.Text("place_region")},
                   {"start_date", after.Text("start_date")},
                   {"monthly_wage_fen", after.Text("monthly_wage_fen")},
                   {"status", "in_work"}}};
  SH_ASSIGN_OR_RETURN(Record prepared,
                      context.service.Prepare(context.actor, SpellsLedger(), spell, InputSource::kApi, nullptr));
  // The spell's own fields say whose placement it is (computed, never taken from input).
  prepared.Set("application_id", after.id);
  prepared.Set("source", std::string("placement"));
  SH_RETURN_IF_ERROR(context.service
                         .InsertPrepared(context.actor, SpellsLedger(), prepared,
                                         "随求职申请 " + application + " 到岗登记 / opened by the placement of application " +
                                             application)
                         .status());
  return TakeConsequentStep(context, SeekersLedger(), AsInt(*after.Get("seeker_id")),
                            {{"seeking", "not_now"},
                             RawRecord{"", {{"status", "employed"}}},
                             "employ",
                             "随求职申请 " + application + " 到岗登记就业 / marked employed by the placement of application " +
                                 application});
}

Status ReturnSeekerToPool(TransitionContext& context, const Record&, const Record& after) {
  const int64_t seeker_id = AsInt(*after.Get("seeker_id"));
  // Recording the separation is a contact with the person: it confirms anew that they are looking,
  // which an earlier confirmation (before the months in work) no longer does.
  RawRecord change{"", {{"status", "seeking"}, {"confirmed_date", context.service.context().clock.Today()}}};
  const std::string spell = std::to_string(after.id);
  return TakeConsequentStep(context, SeekersLedger(), seeker_id,
                            {{"employed"}, std::move(change), "separate",
                             "就业记录 " + spell + " 离职，回到求职人员库 / back among those seeking after spell " + spell +
                                 " ended"});
}

}  // namespace shanhai::labor
