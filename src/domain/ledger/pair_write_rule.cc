#include "domain/ledger/pair_write_rule.h"

#include <algorithm>
#include <vector>

#include "domain/ledger/ledger_def.h"
#include "regions/region_catalog.h"
#include "regions/region_display.h"

namespace shanhai {

Result<int64_t> OwnerPairId(Database& db, const Actor& actor) {
  const LedgerDef* owner = actor.owner_scoped() ? FindLedger(actor.owner_ledger) : nullptr;
  if (!owner || !owner->pair_scoped) return int64_t{0};
  // Ledger names are declarations, never user text.
  SH_ASSIGN_OR_RETURN(Rows rows, db.Query("SELECT pair_id FROM " + owner->name + " WHERE id = ?", {Value{actor.owner_id}}));
  return rows.rows.empty() ? int64_t{0} : AsInt(rows.rows[0][0]);
}

Status CheckPairWritable(Database& db, const Actor& actor, const RecordValidator::PairInfo& pair,
                         const std::map<std::string, RecordValidator::PairInfo>* preloaded, const int64_t* owner_pair) {
  // The pair is named only when refused (this runs for every row written).
  const auto refused = [&](const std::string& why_zh, const std::string& why_en) {
    const std::string name = PairDisplayName(RegionCatalog::Embedded(), pair.code);
    return Status::PermissionDenied("帮扶关系 " + name + "（" + pair.code + "） 对您只读：" + why_zh,
                                    "pair " + name + " (" + pair.code + ") is read-only to you: " + why_en);
  };
  const std::vector<std::string> sides = EnclosingPairSides(actor);
  if (!sides.empty()) {
    // The sides nearer the actor's region than this pair's own: read-only if some pair has one.
    auto own = std::find_if(sides.begin(), sides.end(), [&](const std::string& side) {
      return side == pair.helper_region || side == pair.helped_region;
    });
    const std::vector<std::string> nearer(sides.begin(), own);
    const auto is_nearer = [&](const std::string& side) {
      return std::find(nearer.begin(), nearer.end(), side) != nearer.end();
    };
    bool innermost = true;
    if (!nearer.empty() && preloaded) {
      innermost = std::none_of(preloaded->begin(), preloaded->end(), [&](const auto& entry) {
        return is_nearer(entry.second.helper_region) || is_nearer(entry.second.helped_region);
      });
    } else if (!nearer.empty()) {
      SH_ASSIGN_OR_RETURN(Rows rows, db.Query("SELECT helper_region, helped_region FROM pairs"));
      innermost = std::none_of(rows.rows.begin(), rows.rows.end(), [&](const auto& r) {
        return is_nearer(AsText(r[0])) || is_nearer(AsText(r[1]));
      });
    }
    if (!innermost)
      return refused("按乡镇或村授权的账号只在包含其区域的最内层帮扶关系（通常为本县的）中新增、修改和删除记录",
                     "an account limited to a town or a village writes only in the innermost pairs enclosing its "
                     "region (normally its county's)");
  }
  const LedgerDef* owner = actor.owner_scoped() ? FindLedger(actor.owner_ledger) : nullptr;
  if (owner && owner->pair_scoped) {
    int64_t owner_pair_id = owner_pair ? *owner_pair : 0;
    if (!owner_pair) {
      SH_ASSIGN_OR_RETURN(owner_pair_id, OwnerPairId(db, actor));
    }
    if (owner_pair_id == 0 || owner_pair_id != pair.id)
      return refused("按单位授权的账号只在本单位所在的帮扶关系中新增、修改和删除记录",
                     "an organisation's account writes only in its organisation's pair");
  }
  return Status::Ok();
}

}  // namespace shanhai
