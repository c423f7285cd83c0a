#include "demo/demo_dataset.h"

#include "demo/demo_writer.h"

namespace shanhai {

namespace {
constexpr const char* kCountPairs = "SELECT COUNT(*) FROM pairs";
}  // namespace

Status LoadDemoDataset(LedgerService& service) {
  SH_ASSIGN_OR_RETURN(Rows rows, service.db().Query(kCountPairs));
  if (AsInt(rows.rows[0][0]) != 0)
    return Status::Conflict("数据库中已有数据，演示数据只能载入空数据库",
                            "the database already holds data; the demo loads only into an empty one");
  // The labour parts come last: what they draw from the generator leaves the parts before them
  // their data.
  return InTransaction(service.db(), [&]() -> Status {
    demo::DemoWriter w(service, Actor::System());
    for (auto part : {demo::AddPairs, demo::AddExchange, demo::AddTalent, demo::AddPairing, demo::AddProjectsAndFunds,
                      demo::AddNeeds, demo::AddInvestments, demo::AddPeople, demo::AddTargets, demo::AddLabor,
                      demo::AddLaborSpells, demo::AddPlacements})
      SH_RETURN_IF_ERROR(part(w));
    return Status::Ok();
  });
}

}  // namespace shanhai
