// Fuzz target "ledger_json": the JSON body of a create or update request for any ledger, taken
// the way the HTTP handlers take it (JsonBody → RawRecordFrom) and run through the ledger
// service (validation, references, dictionaries, uniqueness, encryption, the insert or update
// and its audit row) on an in-memory SQLite database holding the demo dataset. The first byte
// picks the ledger (index into AllLedgers()), the rest is the body. Each input runs inside a
// transaction that is rolled back, so inputs do not affect one another.
// Property: a record the service accepts can be read back by its id.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "app/app_context.h"
#include "demo/demo_dataset.h"
#include "domain/ledger/ledger_def.h"
#include "fuzz_support.h"
#include "http/handlers/ledger_request.h"
#include "http/json_io.h"

namespace {

using namespace shanhai;

struct Fixture {
  std::unique_ptr<AppEnv> env;
  std::unique_ptr<AppConn> conn;
};

// The database every input runs against, made once per process.
Fixture& TheFixture() {
  static Fixture* fixture = [] {
    auto* f = new Fixture;
    auto env = AppEnv::Open(":memory:", fuzz::TempPath(".key"), true);
    if (!env.ok()) fuzz::PropertyFailed("ledger_json: " + env.status().ToString());
    f->env = std::move(*env);
    auto conn = AppConn::Open(*f->env, true);
    if (!conn.ok()) fuzz::PropertyFailed("ledger_json: " + conn.status().ToString());
    f->conn = std::move(*conn);
    Status demo = LoadDemoDataset(f->conn->ledgers());
    if (!demo.ok()) fuzz::PropertyFailed("ledger_json: demo data: " + demo.ToString());
    return f;
  }();
  return *fixture;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  Fixture& f = TheFixture();
  const auto& ledgers = AllLedgers();
  const LedgerDef& def = *ledgers[data[0] % ledgers.size()];
  HttpRequest request;
  request.body.assign(reinterpret_cast<const char*>(data + 1), size - 1);
  Result<boost::json::object> body = JsonBody(request);
  if (!body.ok()) return 0;
  Result<RawRecord> raw = RawRecordFrom(*body);
  if (!raw.ok()) return 0;

  Database& db = f.conn->db();
  if (!db.Begin().ok()) fuzz::PropertyFailed("ledger_json: cannot begin");
  const Actor actor = Actor::System();
  Result<Record> created = f.conn->ledgers().Create(actor, def, *raw, InputSource::kApi);
  if (created.ok() && !f.conn->ledgers().Get(actor, def, created->id).ok())
    fuzz::PropertyFailed("ledger_json: an accepted record cannot be read back");
  (void)f.conn->ledgers().Update(actor, def, 1, *raw, InputSource::kApi, 0);
  if (!db.Rollback().ok()) fuzz::PropertyFailed("ledger_json: cannot roll back");
  return 0;
}
