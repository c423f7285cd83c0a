#include "domain/ledger/pair_write_rule.h"

#include <algorithm>
#include <vector>

#include "domain/ledger/ledger_def.h"
#include "regions/region_catalog.h"
#include "regions/region_display.h"

namespace shanhai {

Status CheckPairWritable(Database& db, const Actor& actor, const RecordValidator::PairInfo& pair,
                         const std::map<std::string, RecordValidator::PairInfo>* preloaded) {
  const std::string named = PairDisplayName(RegionCatalog::Embedded(), pair.code) + "（" + pair.code + "）";
  const std::string named_en = PairDisplayName(RegionCatalog::Embedded(), pair.code) + " (" + pair.code + ")";
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
      for (const auto& [code, info] : *preloaded)
        innermost = innermost && !is_nearer(info.helper_region) && !is_nearer(info.helped_region);
    } else if (!nearer.empty()) {
      SH_ASSIGN_OR_RETURN(Rows rows, db.Query("SELECT helper_region, helped_region FROM pairs"));
      for (const auto& r : rows.rows)
        innermost = innermost && !is_nearer(AsText(r[0])) && !is_nearer(AsText(r[1]));
    }
    if (!innermost)
      return Status::PermissionDenied(
          "帮扶关系 " + named +
              " 对您只读：按乡镇或村授权的账号只在包含其区域的最内层帮扶关系（通常为本县的）中新增、修改和删除记录",
          "pair " + named_en + " is read-only to you: an account limited to a town or a village writes only in the "
              "innermost pairs enclosing its region (normally its county's)");
  }
  const LedgerDef* owner = actor.owner_scoped() ? FindLedger(actor.owner_ledger) : nullptr;
  if (owner && owner->pair_scoped) {
    // Ledger names are declarations, never user text.
    SH_ASSIGN_OR_RETURN(Rows rows,
                        db.Query("SELECT pair_id FROM " + owner->name + " WHERE id = ?", {Value{actor.owner_id}}));
    if (rows.rows.empty() || AsInt(rows.rows[0][0]) != pair.id)
      return Status::PermissionDenied(
          "帮扶关系 " + named + " 对您只读：按单位授权的账号只在本单位所在的帮扶关系中新增、修改和删除记录",
          "pair " + named_en + " is read-only to you: an organisation's account writes only in its organisation's pair");
  }
  return Status::Ok();
}

}  // namespace shanhai
