#include "demo/demo_writer.h"

#include <algorithm>

#include "common/date.h"
#include "common/id_number.h"
#include "domain/ledger/ledger_def.h"
#include "domain/ledger/transition_service.h"

namespace shanhai::demo {

Result<int64_t> DemoWriter::Add(const std::string& ledger, const std::string& pair,
                                std::vector<std::pair<std::string, std::string>> fields) {
  const LedgerDef* def = FindLedger(ledger);
  if (!def) return Status::Internal("demo: unknown ledger " + ledger);
  RawRecord raw{pair, std::move(fields)};
  Result<Record> created = service_.Create(actor_, *def, raw, InputSource::kApi);
  if (!created.ok()) {
    return Status::Internal("demo data rejected in " + ledger + ": " + created.status().ToString());
  }
  return created->id;
}

Status DemoWriter::Take(const std::string& ledger, int64_t id, const std::string& transition,
                        std::vector<std::pair<std::string, std::string>> fields) {
  const LedgerDef* def = FindLedger(ledger);
  if (!def) return Status::Internal("demo: unknown ledger " + ledger);
  SH_ASSIGN_OR_RETURN(Record current, service_.Get(actor_, *def, id));
  Result<Record> taken = TransitionService(service_).Take(actor_, *def, id, transition, RawRecord{"", std::move(fields)},
                                                          AsInt(*current.Get("version")));
  if (!taken.ok())
    return Status::Internal("demo transition " + transition + " refused in " + ledger + ": " + taken.status().ToString());
  return Status::Ok();
}

Result<std::vector<int64_t>> DemoWriter::FirstIds(const std::string& ledger, const std::string& pair, int64_t limit) {
  const LedgerDef* def = FindLedger(ledger);
  if (!def) return Status::Internal("demo: unknown ledger " + ledger);
  ListRequest request;
  SH_ASSIGN_OR_RETURN(request.pair, PairScope::Parse(pair));
  request.sort = "id";
  request.count_total = false;
  std::vector<int64_t> ids;
  // A list page holds at most 1,000 records: page on until limit or the end.
  for (bool more = true; more && int64_t(ids.size()) < limit;) {
    request.page_size = std::min<int64_t>(1000, limit - int64_t(ids.size()));
    SH_ASSIGN_OR_RETURN(RecordPage page, service_.List(actor_, *def, request));
    for (const Record& r : page.records) ids.push_back(r.id);
    more = page.has_more;
    request.after = page.next;
  }
  return ids;
}

uint32_t DemoWriter::Next() {
  // SplitMix64: tiny, well-distributed, identical everywhere.
  uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return static_cast<uint32_t>((z ^ (z >> 31)) >> 32);
}

std::string DemoWriter::PersonName() {
  static const char* kSurnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
                                    "罗", "蒙", "韦", "石", "莫", "卢", "谭", "覃", "潘", "龙"};
  static const char* kGiven[] = {"明", "华", "强", "芳", "丽", "军", "伟", "静", "敏", "勇", "艳", "杰",
                                 "娟", "涛", "超", "霞", "平", "刚", "燕", "辉", "兰", "林", "红", "波"};
  std::string name = kSurnames[Next() % 20];
  name += kGiven[Next() % 24];
  if (Next() % 3 != 0) name += kGiven[Next() % 24];
  return name;
}

Result<int64_t> AddSyntheticVillager(DemoWriter& w, int n, const std::string& region_code, const char* poverty_status) {
  SH_ASSIGN_OR_RETURN(std::string birth, AddDays("1975-01-01", 61 * n));
  const std::string body =
      "522727" + birth.substr(0, 4) + birth.substr(5, 2) + birth.substr(8, 2) + std::to_string(100 + n % 400);
  return w.Add("people", kCountyPair,
               {{"name", w.PersonName()}, {"id_number", body + IdCheckCharacter(body)}, {"region_code", region_code},
                {"poverty_status", poverty_status}, {"note", "合成的演示人员"}});
}

std::string TwoDigits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

}  // namespace shanhai::demo
