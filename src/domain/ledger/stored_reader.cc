#include "domain/ledger/stored_reader.h"

#include "domain/ledger/record_codec.h"

namespace shanhai {

Result<std::optional<Record>> StoredReader::Get(const LedgerDef& def, int64_t id) const {
  SH_ASSIGN_OR_RETURN(std::optional<Rows> rows, LedgerRepository(db_, def).Get(id, Scope{}));
  if (!rows) return std::optional<Record>();
  SH_ASSIGN_OR_RETURN(Record record, RecordCodec(def, vault_).Decode(*rows, 0, Disclosure::kMasked));
  return std::optional<Record>(std::move(record));
}

Result<std::vector<Record>> StoredReader::WhereEquals(const LedgerDef& def, const std::string& key,
                                                      const Value& value) const {
  ListQuery query;
  query.equals = {{key, value}};
  query.page_size = 1000;
  query.count_total = false;
  SH_ASSIGN_OR_RETURN(StoredPage page, LedgerRepository(db_, def).List(query, Scope{}));
  return RecordCodec(def, vault_).DecodeAll(std::move(page.rows), Disclosure::kMasked);
}

Status StoredReader::Lock(const LedgerDef& def, int64_t id) const { return LedgerRepository(db_, def).LockRow(id); }

}  // namespace shanhai
